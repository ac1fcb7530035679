// What a command is, and what it gets to work with: a core Session, the dispatcher (the only way any command
// reaches data), and the output helpers. Commands never open files or touch SQL themselves.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CaseInfo } from '../../shared/api-types.js';
import type { AsyncOpName, InputOf, OutputOf, SyncOpName } from '../../shared/contract.js';
import { dispatch, dispatchAsync } from '../core/api/dispatcher.js';
import { toParleyError } from '../core/errors.js';
import { defaultActor, defaultDataDir } from '../core/paths.js';
import { Session, type SessionOptions } from '../core/session.js';
import type { OptionSpecs, OptionValues, CommonValues } from './args.js';
import { CliError, EXIT, type ExitCode } from './errors.js';
import type { CliIo, Output } from './output.js';
import { Passphrases } from './passphrase.js';

export interface Command<O extends OptionSpecs = OptionSpecs> {
  name: string;
  /** One line for the list of commands. */
  summary: string;
  /** Paragraphs for the command's own help. */
  description: string[];
  /** Positional arguments as usage shows them; a trailing "..." repeats the last. */
  args: readonly string[];
  options: O;
  /**
   * 'user': the command makes case files, which join the user's library (or the --data one).
   * 'throwaway': it only reads the files it is named, so it must not add them to anyone's library.
   */
  library: 'user' | 'throwaway';
  run(ctx: CommandContext, positionals: string[], options: OptionValues<O> & CommonValues): ExitCode | Promise<ExitCode>;
}

/** Keeps each command's option names and types literal, so `options.title` is known to be a string. */
export function defineCommand<const O extends OptionSpecs>(command: Command<O>): Command<O> {
  return command;
}

/** How a command opens a case file: read-only, for editing, or in review mode. */
export type OpenMode = 'read' | 'edit' | 'review';

export class CommandContext {
  constructor(
    readonly session: Session,
    readonly out: Output,
    readonly io: CliIo,
    readonly passphrases: Passphrases = new Passphrases(io, false),
  ) {}

  /** Runs an operation through the dispatcher; a refusal becomes a CliError with the core's own message. */
  call<N extends SyncOpName>(name: N, input: InputOf<N>, exitCode: ExitCode = EXIT.failed): OutputOf<N> {
    const result = dispatch(this.session, name, input, this.logInternalError);
    if (!result.ok) throw new CliError(result.error.message, exitCode);
    return result.data;
  }

  /** Runs an operation that returns a promise (documents printed through Chromium, Word files). */
  async callAsync<N extends AsyncOpName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> {
    const result = await dispatchAsync(this.session, name, input, this.logInternalError);
    if (!result.ok) throw new CliError(result.error.message, EXIT.failed);
    return result.data;
  }

  /**
   * Opens a case file read-only for the length of `use`, then closes it, so that several files (even two copies
   * of one case) can be read in turn and none is changed.
   */
  readCase<T>(file: string, use: (info: CaseInfo) => T): T;
  readCase<T>(file: string, use: (info: CaseInfo) => Promise<T>): Promise<T>;
  readCase<T>(file: string, use: (info: CaseInfo) => T | Promise<T>): T | Promise<T> {
    return this.withCase(file, 'read', use);
  }

  /**
   * Opens a case file for the length of `use`, then closes it through the core's own close, which leaves nothing
   * beside the file: `read` read-only, `edit` to change it (`call`, `review import`), `review` in review mode, whose
   * comments live in the library folder and which leaves the file byte-identical.
   */
  withCase<T>(file: string, how: OpenMode, use: (info: CaseInfo) => Promise<T>): Promise<T>;
  withCase<T>(file: string, how: OpenMode, use: (info: CaseInfo) => T): T;
  withCase<T>(file: string, how: OpenMode, use: (info: CaseInfo) => T | Promise<T>): T | Promise<T>;
  withCase<T>(file: string, how: OpenMode, use: (info: CaseInfo) => T | Promise<T>): T | Promise<T> {
    const info = this.openCase(file, how);
    const close = () => dispatch(this.session, 'case.close', { caseId: info.caseId }, this.logInternalError);
    let result: T | Promise<T>;
    try {
      result = use(info);
    } catch (err) {
      close();
      throw err;
    }
    if (result instanceof Promise) return result.finally(close);
    close();
    return result;
  }

  /** Opens a file; an encrypted one with the passphrase asked for at the terminal or read from stdin. */
  private openCase(file: string, how: OpenMode): CaseInfo {
    const open = (passphrase?: string) =>
      how === 'review'
        ? dispatch(this.session, 'case.openForReview', { path: file, passphrase }, this.logInternalError)
        : dispatch(this.session, 'case.open', { path: file, readOnly: how === 'read', passphrase }, this.logInternalError);
    try {
      const plain = open();
      if (plain.ok) return plain.data;
      if (plain.error.code !== 'passphrase_required') throw new CliError(plain.error.message, EXIT.cannotOpen);
      const keyed = open(this.passphrases.ask(file));
      if (!keyed.ok) throw new CliError(keyed.error.message, EXIT.cannotOpen);
      return keyed.data;
    } catch (err) {
      // Most refusals name the file already; the others would leave the user guessing which file was meant.
      if (err instanceof CliError && !err.message.includes(path.basename(file))) throw new CliError(`${file}: ${err.message}`, err.exitCode);
      throw err;
    }
  }

  /** A bug inside Parley: the user sees the envelope's plain message; PARLEY_DEBUG=1 shows the details. */
  readonly logInternalError = (operation: string, err: unknown): void => {
    if (this.io.env.PARLEY_DEBUG) this.io.stderr(`[parley] ${operation} failed: ${(err as Error)?.stack ?? String(err)}\n`);
  };
}

/**
 * Runs `use` with a Session for this run of the command. The library is the --data folder if given; otherwise
 * the user's for commands that make case files, and a temporary folder, removed afterwards, for commands that
 * only read.
 */
export async function withSession<T>(library: Command['library'], options: CommonValues, use: (session: Session) => T | Promise<T>): Promise<T> {
  const throwaway = options.data === undefined && library === 'throwaway' ? fs.mkdtempSync(path.join(os.tmpdir(), 'parley-cli-')) : null;
  try {
    // The person's profile is theirs, not the library's: a command that reads in a throwaway library still writes
    // under their name (parley call). --as wins over it for the run.
    const profileDir = options.data ?? defaultDataDir();
    const session = openSession({ dataDir: options.data ?? throwaway ?? defaultDataDir(), profileDir, actor: defaultActor(), actorForRun: options.as });
    try {
      return await use(session);
    } finally {
      session.closeAll();
    }
  } finally {
    if (throwaway) fs.rmSync(throwaway, { recursive: true, force: true });
  }
}

function openSession(opts: SessionOptions & { dataDir: string }): Session {
  try {
    return new Session(opts);
  } catch (err) {
    throw new CliError(`the library folder ${opts.dataDir} cannot be used: ${toParleyError(err).message}`);
  }
}
