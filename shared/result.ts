// What every API call returns: a value, or an error a person can read. No stack traces or SQL reach a caller.

export const ERROR_CODES = [
  'invalid_input', // the payload does not match the operation's schema, or breaks a rule of the domain
  'unknown_operation',
  'not_found', // no such record, or no such file
  'conflict', // the record changed since the caller read it (expectedVersion), or a unique rule was broken
  'has_dependants', // a hard delete would leave other records pointing at nothing
  'cycle', // a deadline would end up depending on itself
  'needs_confirmation', // the change would move other deadlines: preview it and confirm it with a reason
  'already_exists', // a new case file would overwrite a file
  'already_open',
  'not_open',
  'not_a_sqlite_file',
  'not_a_case_file',
  'newer_version', // made by a newer Parley: refused, nothing changed
  'damaged', // failed its integrity check: it can be opened read-only
  'read_only',
  'passphrase_required', // the file is encrypted (or not a case file at all) and no passphrase was given
  'wrong_passphrase', // the passphrase does not open the file (or the file is damaged or not a case file)
  'io_error', // the disk said no: full, read-only, permissions
  'internal',
  'unexpected_schema', // a file whose tables, indexes, triggers or views are not the ones Parley makes: refused
  'missing_changes', // changes from another copy build on changes this copy does not have yet: merge all of them
  'different_case', // a copy or changes of another case: only copies of one case merge
  'pending_changes', // committed changes still beside the file (its WAL): its bytes are not the whole case, so it is not certified
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Per-field problems for invalid_input: a path like "fields.title" and what is wrong with it. */
  issues?: { path: string; message: string }[];
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** Marks a search snippet's matched words; the UI highlights what lies between them. */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';
