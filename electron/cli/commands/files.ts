// Reading and writing the plain files some commands take or make (JSON exports), with errors a person can act on.
import fs from 'node:fs';
import { fileSystemReason } from '../../core/errors.js';
import { writeFileAtomic } from '../../core/files.js';
import { CliError, EXIT } from '../errors.js';

/** Why a file could not be read or written, in the core's words for the file system's refusals. */
function reason(err: unknown): string {
  return fileSystemReason(err) ?? (String((err as { code?: unknown }).code ?? '') || String((err as Error).message));
}

/** Reads a text file the user named ("-" is standard input); a file that cannot be read is exit status 3. */
export function readUserFile(file: string, readStdin: () => string): string {
  try {
    if (file === '-') return readStdin();
    // A FIFO would wait for a writer forever and /dev/zero never ends: only a plain file is read.
    if (!fs.statSync(file).isFile()) throw new CliError(`cannot read ${file}: it is not a file`, EXIT.cannotOpen);
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`cannot read ${file === '-' ? 'standard input' : file}: ${reason(err)}`, EXIT.cannotOpen);
  }
}

/** Writes a file whole or not at all; an existing file is replaced only when the user said --force. */
export function writeUserFile(file: string, content: string | Uint8Array, overwrite: boolean): void {
  if (!overwrite && fs.existsSync(file)) throw new CliError(`${file} already exists; use --force to replace it`);
  try {
    writeFileAtomic(file, content);
  } catch (err) {
    throw new CliError(`cannot write ${file}: ${reason(err)}`);
  }
}

/** The options of a command that writes one file: -o OUT (standard output without it) and --force. */
export function outputOptions(what: string) {
  return {
    output: { type: 'string', short: 'o', value: 'OUT', help: `write ${what} to OUT instead of standard output` },
    force: { type: 'boolean', help: 'replace OUT if it exists' },
  } as const;
}
