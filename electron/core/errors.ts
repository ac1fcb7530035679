import type { ApiError, ErrorCode } from '../../shared/result.js';

/** An error the core means to report to the user; anything else becomes an `internal` error. */
export class ParleyError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ApiError['issues'],
  ) {
    super(message);
    this.name = 'ParleyError';
  }

  toApiError(): ApiError {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

const DISK_ERRORS: Record<string, string> = {
  SQLITE_FULL: 'The disk is full; the change was not saved.',
  SQLITE_READONLY: 'The case file cannot be written (it is read-only or on read-only media); the change was not saved.',
  SQLITE_IOERR: 'The disk reported an error; the change was not saved.',
  SQLITE_CANTOPEN: 'The file could not be opened.',
  ENOSPC: 'The disk is full; nothing was written.',
  EACCES: 'Permission denied.',
  EPERM: 'Permission denied.',
  EROFS: 'The disk is read-only.',
};

/** Driver failures that are about the case file's content rather than the disk under it. */
const CONTENT_ERRORS: Record<string, [ErrorCode, string]> = {
  SQLITE_CORRUPT: ['damaged', 'This part of the case file is damaged and could not be read. Open a backup, or open the file read-only to copy what is intact.'],
  SQLITE_NOTADB: ['damaged', 'The case file is damaged and could not be read.'],
  // A unique rule of the schema (one live BATNA per side, one number per draft revision).
  SQLITE_CONSTRAINT_UNIQUE: ['conflict', 'That would repeat something the case file holds only once (such as a second BATNA for the same side); nothing was changed.'],
};

const matches = (code: string, key: string) => code === key || code.startsWith(key + '_');

/**
 * Parley's SQL is fixed and tested against its own schema, so SQLite saying a table or column is missing means the
 * file's schema is not the one Parley made: the file was altered or damaged (a file opened read-only is read as it
 * is). That is about the file, not a bug inside Parley.
 */
const ALTERED_SCHEMA = /^(no such (table|column|index|function|module|collation sequence)|unknown function|table \S+ has no column named)\b/;

/** Translates driver and file-system failures into errors a user can act on. */
export function toParleyError(err: unknown): ParleyError {
  if (err instanceof ParleyError) return err;
  const code = (err as { code?: unknown })?.code;
  if (typeof code === 'string') {
    if (code === 'SQLITE_ERROR' && ALTERED_SCHEMA.test(String((err as Error).message))) {
      return new ParleyError('damaged', 'The case file\'s tables are not the ones Parley made: the file is damaged or was altered. Open a backup.');
    }
    const content = Object.keys(CONTENT_ERRORS).find((k) => matches(code, k));
    if (content) return new ParleyError(...CONTENT_ERRORS[content]!);
    const prefix = Object.keys(DISK_ERRORS).find((k) => matches(code, k));
    if (prefix) return new ParleyError('io_error', DISK_ERRORS[prefix]!);
  }
  return new ParleyError('internal', 'Something went wrong inside Parley; nothing was changed.');
}
