// A case file another program holds (it is writing, or has the file locked) is reported as in use, with a sentence
// that says what to do, wherever SQLite says so: never an error "inside Parley".
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toParleyError } from '../../electron/core/errors.js';
import { newCase, onCleanup, tempDir, testApi } from '../helpers.js';
import { rawConnection, withRawConnection } from './support/files.js';

const IN_USE = /in use by another program.*try again in a moment\. Nothing was changed\./;

/** What the driver throws when `fn` runs into a lock that SQLite reports as `code`. */
function driverError(fn: () => void): Error & { code: string } {
  try {
    fn();
  } catch (err) {
    return err as Error & { code: string };
  }
  throw new Error('expected the driver to refuse');
}

describe('SQLite saying the file is busy or locked', () => {
  it('is already_open with the in-use sentence, for SQLITE_BUSY and SQLITE_LOCKED as the driver throws them', () => {
    const file = path.join(tempDir(), 'plain.sqlite');
    withRawConnection(file, (db) => db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1), (2);'), { create: true });

    const holder = rawConnection(file);
    onCleanup(() => holder.open && holder.close());
    holder.exec('BEGIN EXCLUSIVE');
    const other = rawConnection(file);
    onCleanup(() => other.open && other.close());
    other.pragma('busy_timeout = 0');
    const busy = driverError(() => other.prepare('SELECT count(*) FROM t').get());
    expect(busy.code).toMatch(/^SQLITE_BUSY/);
    holder.exec('ROLLBACK');

    // A table dropped while a statement of the same connection still reads it: SQLITE_LOCKED (the driver allows a
    // second statement during an iteration only in its unsafe mode).
    holder.unsafeMode(true);
    const locked = driverError(() => {
      for (const row of holder.prepare('SELECT x FROM t').iterate()) {
        void row;
        holder.exec('DROP TABLE t');
      }
    });
    expect(locked.code).toMatch(/^SQLITE_LOCKED/);

    for (const err of [busy, locked, Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY_SNAPSHOT' })]) {
      const pe = toParleyError(err);
      expect(pe.code, err.code).toBe('already_open');
      expect(pe.message).toMatch(IN_USE);
    }
  });

  it('while another program holds a write lock on a case open here: a change is refused as already_open, then goes through', () => {
    const api = testApi();
    const { caseId, path: file } = newCase(api);
    const other = rawConnection(file);
    onCleanup(() => other.open && other.close());
    other.exec('BEGIN IMMEDIATE'); // another program, in the middle of a write
    const refused = api.fail('note.create', { caseId, fields: { body: 'Written while another program held the file' } }, 'already_open');
    expect(refused.message).toMatch(IN_USE);
    expect(api.internalErrors).toEqual([]);
    other.exec('ROLLBACK');
    other.close();
    api.call('note.create', { caseId, fields: { body: 'Written once it let go' } });
    expect(api.call('note.list', { caseId }).map((n) => n.body)).toEqual(['Written once it let go']);
  }, 20_000);
});
