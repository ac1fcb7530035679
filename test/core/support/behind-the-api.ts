// Case files with records the API would never write, built by writing to SQLite directly through the store's
// write path: each record gets its row, audit entry and search document, so the audit trail agrees with the file
// and only the rule the test is about is broken.
import crypto from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';
import { KINDS, type KindName } from '../../../shared/records.js';
import { WritePath } from '../../../electron/core/store/write-path.js';
import type { StoredRecord } from '../../../electron/core/store/record-table.js';

/** A record of `kind` with every field (null where not given) and its metadata, as the store writes it. */
export function record(kind: KindName, fields: Record<string, unknown>): StoredRecord {
  const at = new Date().toISOString();
  const empty = Object.fromEntries(Object.keys(KINDS[kind].fields).map((f) => [f, null]));
  return { ...empty, ...fields, id: crypto.randomUUID(), version: 1, createdAt: at, createdBy: 'Other tool', updatedAt: at, updatedBy: 'Other tool', deletedAt: null, deletedBy: null };
}

export const rule = { amount: 1, unit: 'calendar_days', direction: 'after', roll: 'none' };
export const deadline = (title: string, extra: Record<string, unknown> = {}) =>
  record('deadline', { title, deadlineKind: 'response', status: 'open', dueType: 'tbd', ...extra });

/** Writes records into a closed case file through the store's write path: row, audit entry and search document. */
export function writeBehindTheApi(file: string, records: [KindName, StoredRecord][]): void {
  const db = new Database(file);
  try {
    const writes = new WritePath(db);
    db.transaction(() => {
      db.pragma('defer_foreign_keys = ON'); // a deadline may be written before the one it hangs on
      for (const [kind, rec] of records) writes.insert(kind, rec, 'written by another tool');
    })();
  } finally {
    db.close();
  }
}
