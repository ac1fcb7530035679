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

/**
 * The file is in use elsewhere: open for editing in another Parley or program, in the middle of a write there, or
 * held by a key change. `name` is the file's name, when the caller knows it.
 */
export function inUseError(name?: string): ParleyError {
  return new ParleyError(
    'already_open',
    `${name ?? 'The case file'} is in use by another program (open for editing in another Parley window or program, or being encrypted, re-keyed or decrypted); close it there, or try again in a moment. Nothing was changed.`,
  );
}

/** SQLite's "busy" (another connection holds a lock it needs) and "locked" (a conflict over a table), each kind. */
const IN_USE_ERRORS = ['SQLITE_BUSY', 'SQLITE_LOCKED'];

const matches = (code: string, key: string) => code === key || code.startsWith(key + '_');

/**
 * Parley's SQL is fixed and tested against its own schema, so SQLite saying a table or column is missing means the
 * file's schema is not the one Parley made: the file was altered or damaged (a file opened read-only is read as it
 * is). That is about the file, not a bug inside Parley.
 */
const ALTERED_SCHEMA = /^(no such (table|column|index|function|module|collation sequence)|unknown function|table \S+ has no column named)\b/;

/**
 * What the file system says of a path it cannot use, by its error code, as words that follow the path's name
 * ("/proc/self/mem cannot be used: the device reported an input/output error"), with the code the API reports.
 */
const FILE_SYSTEM_ERRORS: Record<string, [ErrorCode, string]> = {
  ENOENT: ['not_found', 'no such file or folder'],
  ENOTDIR: ['not_found', 'a part of the path is not a folder'],
  EACCES: ['io_error', 'permission denied'],
  EPERM: ['io_error', 'permission denied'],
  EISDIR: ['invalid_input', 'it is a folder'],
  ENAMETOOLONG: ['invalid_input', 'the name or the path is too long'],
  ELOOP: ['invalid_input', 'the path goes round a loop of symbolic links'],
  EIO: ['io_error', 'the disk or device reported an input/output error'],
  ENXIO: ['invalid_input', 'it is a device, not a file'],
  ENODEV: ['invalid_input', 'it is a device, not a file'],
  EINVAL: ['invalid_input', 'it cannot be read or written as a file'],
  ENOSPC: ['io_error', 'the disk is full'],
  EROFS: ['io_error', 'the disk is read-only'],
  EBUSY: ['io_error', 'it is in use'],
  ETXTBSY: ['io_error', 'it is in use'],
  EMFILE: ['io_error', 'too many files are open'],
  ENFILE: ['io_error', 'too many files are open'],
  EEXIST: ['already_exists', 'it already exists'],
};

const errorCode = (err: unknown): string | undefined => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

/** The file system's refusal in words ("permission denied"), or null if `err` is not one it knows. */
export function fileSystemReason(err: unknown): string | null {
  const code = errorCode(err);
  return code !== undefined && Object.hasOwn(FILE_SYSTEM_ERRORS, code) ? FILE_SYSTEM_ERRORS[code]![1] : null;
}

/**
 * A failure met while using a file the user named, as an error that names it: the file system's refusals say
 * why, and SQLite's "cannot open" says what to check. Anything else is translated as toParleyError does.
 */
export function fileError(file: string, err: unknown): ParleyError {
  if (err instanceof ParleyError) return err;
  const code = errorCode(err);
  if (code !== undefined && Object.hasOwn(FILE_SYSTEM_ERRORS, code)) {
    const [apiCode, reason] = FILE_SYSTEM_ERRORS[code]!;
    return new ParleyError(apiCode, `${file} cannot be used: ${reason}.`);
  }
  if (code !== undefined && matches(code, 'SQLITE_CANTOPEN')) {
    return new ParleyError('io_error', `${file} could not be opened or made: its folder may not be writable, or its name may be too long.`);
  }
  return toParleyError(err);
}

/** Translates driver and file-system failures into errors a user can act on. */
export function toParleyError(err: unknown): ParleyError {
  if (err instanceof ParleyError) return err;
  const code = errorCode(err);
  if (code !== undefined) {
    if (code === 'SQLITE_ERROR' && ALTERED_SCHEMA.test(String((err as Error).message))) {
      return new ParleyError('damaged', 'The case file\'s tables are not the ones Parley made: the file is damaged or was altered. Open a backup.');
    }
    if (IN_USE_ERRORS.some((k) => matches(code, k))) return inUseError();
    const content = Object.keys(CONTENT_ERRORS).find((k) => matches(code, k));
    if (content) return new ParleyError(...CONTENT_ERRORS[content]!);
    const prefix = Object.keys(DISK_ERRORS).find((k) => matches(code, k));
    if (prefix) return new ParleyError('io_error', DISK_ERRORS[prefix]!);
    // Any other refusal of the file system, said plainly (the caller did not say which file: see fileError).
    const reason = fileSystemReason(err);
    if (reason) return new ParleyError(FILE_SYSTEM_ERRORS[code]![0], `A file could not be used: ${reason}.`);
  }
  return new ParleyError('internal', 'Something went wrong inside Parley; nothing was changed.');
}

/** Runs a read; if the file turns out to be damaged there, returns what `fallback` makes of the message instead. */
export function unlessDamaged<T>(read: () => T, fallback: (message: string) => T): T {
  try {
    return read();
  } catch (err) {
    const problem = toParleyError(err);
    if (problem.code !== 'damaged') throw err;
    return fallback(problem.message);
  }
}
