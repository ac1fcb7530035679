// One run of `parley`: pick the command, parse its arguments, run it against a fresh Session, and turn whatever
// went wrong into one line on stderr and an exit code.
import { toParleyError } from '../core/errors.js';
import { parseCommandLine } from './args.js';
import { CommandContext, withSession } from './command.js';
import { CliError, EXIT, SIGNAL_EXIT, UsageError, type ExitCode } from './errors.js';
import { commandHelp, overallHelp } from './help.js';
import { guardedIo, Output, type CliIo } from './output.js';
import { Passphrases } from './passphrase.js';
import { COMMANDS, findCommand } from './registry.js';
import { checkpoint, stopSignal } from './stop.js';

const HELP_WORDS = new Set(['help', '--help', '-h']);

export async function runCli(argv: string[], unguarded: CliIo): Promise<ExitCode> {
  // Every word printed from here on, whoever wrote it (a case file, the core, the file system), is terminal text.
  const io = guardedIo(unguarded);
  let code: ExitCode;
  try {
    code = await runCommandLine(argv, io);
  } catch (err) {
    return report(err, io);
  }
  // A signal that came during the command's last step, after its last checkpoint: that step was finished.
  const signal = await stopSignal();
  if (signal === null) return code;
  io.stderr(`parley: ${signal} came as the command was finishing; it finished${code === EXIT.ok ? '' : ` with exit status ${code}`}, and what it reported stands\n`);
  return SIGNAL_EXIT[signal];
}

function runCommandLine(argv: string[], io: CliIo): ExitCode | Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined) throw new UsageError('no command given; run `parley --help` for the list');
  if (HELP_WORDS.has(name)) return showHelp(rest[0], io);
  const command = findCommand(name);
  if (!command) throw new UsageError(`unknown command "${name}"; run \`parley --help\` for the list`);
  const { positionals, options } = parseCommandLine(command, rest);
  if (options.help) {
    io.stdout(commandHelp(command));
    return EXIT.ok;
  }
  return withSession(command.library, options, async (session) => {
    await checkpoint();
    return command.run(new CommandContext(session, new Output(io, !!options.json), io, new Passphrases(io, !!options['passphrase-stdin'])), positionals, options);
  });
}

/** `parley help`, `parley --help`, `parley help COMMAND`. */
function showHelp(topic: string | undefined, io: CliIo): ExitCode {
  if (topic === undefined) {
    io.stdout(overallHelp(COMMANDS));
    return EXIT.ok;
  }
  const command = findCommand(topic);
  if (!command) throw new UsageError(`unknown command "${topic}"; run \`parley --help\` for the list`);
  io.stdout(commandHelp(command));
  return EXIT.ok;
}

function report(err: unknown, io: CliIo): ExitCode {
  if (err instanceof UsageError) {
    const where = err.command ? `parley ${err.command}` : 'parley';
    const hint = err.command ? ` (see \`${where} --help\`)` : '';
    io.stderr(`${where}: ${err.message}${hint}\n`);
    return err.exitCode;
  }
  if (err instanceof CliError) {
    io.stderr(`parley: ${oneLineMessage(err.message)}\n`);
    return err.exitCode;
  }
  // Not one of ours: a bug, or the disk. Say it plainly; the details are for PARLEY_DEBUG.
  if (io.env.PARLEY_DEBUG) io.stderr(`${(err as Error)?.stack ?? String(err)}\n`);
  io.stderr(`parley: ${oneLineMessage(toParleyError(err).message)}\n`);
  return EXIT.failed;
}

function oneLineMessage(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim();
}
