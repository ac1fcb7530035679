// Where the command line gets passphrases: typed at a prompt that does not echo them, or, with --passphrase-stdin,
// one per line from standard input (for scripts). Never from an argument or the environment, where other users
// and shell histories could read them.
import { CliError, EXIT } from './errors.js';
import type { CliIo } from './output.js';

export class Passphrases {
  /** The lines of standard input not yet used, once it has been read. */
  private lines: string[] | null = null;

  constructor(
    private readonly io: CliIo,
    private readonly fromStdin: boolean,
  ) {}

  /** The passphrase of an existing file. */
  ask(file: string): string {
    return this.next(`Passphrase for ${file}: `, `the passphrase of ${file} (it is encrypted)`);
  }

  /** A new passphrase for a file: typed twice at a prompt, which must agree; or the next line of standard input. */
  askNew(file: string): string {
    const first = this.next(`New passphrase for ${file}: `, `the new passphrase for ${file}`);
    if (this.fromStdin) return first;
    const again = this.next('Type it again: ', `the new passphrase for ${file}`);
    if (again !== first) throw new CliError('the two passphrases typed differ; nothing was changed');
    return first;
  }

  private next(prompt: string, what: string): string {
    if (this.fromStdin) {
      // Only the line break ends a passphrase: spaces at either end are part of it.
      this.lines ??= this.io.readStdin().split('\n').map((line) => line.replace(/\r$/, ''));
      const line = this.lines.shift();
      if (!line) throw new CliError(`standard input holds no line for ${what} (--passphrase-stdin reads one passphrase per line)`, EXIT.usage);
      return line;
    }
    const typed = this.io.readSecret(prompt);
    if (typed === null) {
      throw new CliError(`${what} is needed and there is no terminal to ask for it: give it on standard input with --passphrase-stdin`, EXIT.usage);
    }
    return typed;
  }
}
