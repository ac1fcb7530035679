// Reading and writing the plain files some commands take or make (JSON exports), with errors a person can act on.
import fs from 'node:fs';
import { writeFileAtomic } from '../../core/files.js';
import { CliError, EXIT } from '../errors.js';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ENOSPC: 'the disk is full',
  EROFS: 'the disk is read-only',
};

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  return REASONS[code] ?? (code || String((err as Error).message));
}

/** Reads a text file the user named ("-" is standard input); a file that cannot be read is exit status 3. */
export function readUserFile(file: string, readStdin: () => string): string {
  try {
    return file === '-' ? readStdin() : fs.readFileSync(file, 'utf8');
  } catch (err) {
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
