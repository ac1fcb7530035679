// Opening case files: the pragmas every connection gets, the opening checks in their order (each with its own
// error, leaving the file as it was), damaged files, read-only files, and the same case opened twice.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCaseDatabase, type Db } from '../../electron/core/db/connection.js';
import { LATEST_SCHEMA_VERSION, PARLEY_APPLICATION_ID } from '../../electron/core/db/migrations.js';
import type { ErrorCode } from '../../shared/result.js';
import { tempDir } from '../helpers.js';
import { damageTable, rawConnection, withRawConnection } from './support/files.js';
import { CaseWorld, folderState } from './support/world.js';

/** A case file with a few records, closed, in a session that can open it again. */
function closedCase(): CaseWorld {
  const w = CaseWorld.create();
  for (let i = 0; i < 40; i++) w.make('note', { body: `Note ${i}: ${'the ministry position on carve-outs '.repeat(8)}` });
  w.make('deadline');
  w.api.call('case.close', { caseId: w.caseId });
  return w;
}

function expectOpenRefused(w: CaseWorld, file: string, code: ErrorCode, readOnly = false): void {
  const before = folderState(path.dirname(file));
  const openBefore = w.api.call('case.listOpen', {});
  const error = w.api.fail('case.open', { path: file, readOnly }, code);
  expect(error.message).not.toMatch(/SQLITE|sqlite_|at \w+ \(/); // no driver codes or stack traces reach a person
  expect(folderState(path.dirname(file))).toEqual(before);
  expect(w.api.call('case.listOpen', {})).toEqual(openBefore);
}

describe('every connection', () => {
  const EXPECTED_PRAGMAS: [pragma: string, value: unknown][] = [
    ['synchronous', 2], // FULL
    ['foreign_keys', 1],
    ['trusted_schema', 0],
    ['temp_store', 2], // MEMORY
    ['cell_size_check', 1],
    ['mmap_size', 0],
  ];
  const connections: [label: string, open: (file: string, w: CaseWorld) => Db][] = [
    ['a case opened for editing', (file, w) => w.api.session.open(file).connection],
    ['a case opened read-only', (file, w) => w.api.session.open(file, true).connection],
    ['a short read-only connection (the library)', (file) => openCaseDatabase(file, { readOnly: true, skipIntegrityCheck: true })],
  ];

  it.each(connections)('%s has every pragma set', (label, open) => {
    const w = closedCase();
    const db = open(w.file, w);
    try {
      for (const [pragma, value] of EXPECTED_PRAGMAS) expect([pragma, db.pragma(pragma, { simple: true })]).toEqual([pragma, value]);
      // Writable connections run in WAL. A read-only one cannot change the mode and needs none: it reads the file
      // as it was closed, in rollback mode, so that nothing appears beside it.
      expect(db.pragma('journal_mode', { simple: true })).toBe(label.includes('editing') ? 'wal' : 'delete');
    } finally {
      w.api.session.closeAll();
      if (db.open) db.close();
    }
  });
});

describe('opening checks', () => {
  const notSqlite: [label: string, content: () => Buffer | string][] = [
    // Random bytes in whole 4096-byte pages cannot be told from an encrypted file: they ask for a passphrase
    // (test/core/encryption.test.ts). Any other length is certainly not a case file.
    ['random bytes', () => crypto.randomBytes(16_383)],
    ['a text file', () => 'Minutes of the meeting with the ministry.\n'.repeat(50)],
    ['an empty file', () => ''],
    ['a file cut off inside the SQLite header', () => 'SQLite form'],
  ];

  it.each(notSqlite)('refuses %s as not_a_sqlite_file and leaves it as it was', (_label, content) => {
    const w = CaseWorld.create();
    const file = path.join(w.api.dir, 'suspicious.parley');
    fs.writeFileSync(file, content());
    expectOpenRefused(w, file, 'not_a_sqlite_file');
    expectOpenRefused(w, file, 'not_a_sqlite_file', true);
  });

  it('refuses a folder as not_a_sqlite_file and a missing file as not_found', () => {
    const w = CaseWorld.create();
    fs.mkdirSync(path.join(w.api.dir, 'folder.parley'));
    w.api.fail('case.open', { path: path.join(w.api.dir, 'folder.parley') }, 'not_a_sqlite_file');
    w.api.fail('case.open', { path: path.join(w.api.dir, 'nowhere.parley') }, 'not_found');
  });

  it.each([0, 0x12345678])('refuses a SQLite database with application_id %d as not_a_case_file, unchanged', (appId) => {
    const w = CaseWorld.create();
    const file = path.join(w.api.dir, 'budget.sqlite');
    withRawConnection(file, (db) => {
      db.exec("CREATE TABLE budget (line TEXT); INSERT INTO budget VALUES ('travel')");
      db.pragma(`application_id = ${appId}`);
    }, { create: true });
    expectOpenRefused(w, file, 'not_a_case_file');
    expectOpenRefused(w, file, 'not_a_case_file', true);
  });

  it('refuses a file from a newer Parley, for editing and read-only, without changing a byte', () => {
    const w = closedCase();
    withRawConnection(w.file, (db) => db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`));
    expectOpenRefused(w, w.file, 'newer_version');
    expectOpenRefused(w, w.file, 'newer_version', true);
  });

  it('leaves a newer file with changes still in its WAL (a newer Parley crashed) exactly as it was', () => {
    const w = closedCase();
    const crashed = path.join(w.api.dir, 'crashed.parley');
    const writer = rawConnection(w.file);
    try {
      writer.pragma('journal_mode = WAL'); // a closed case file is in rollback mode; a running Parley's is in WAL
      writer.pragma('wal_autocheckpoint = 0');
      writer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
      // A copy of the file and its WAL taken while the writer is open is what a crash leaves behind.
      fs.copyFileSync(w.file, crashed);
      fs.copyFileSync(`${w.file}-wal`, `${crashed}-wal`);
    } finally {
      writer.close();
    }
    expect(fs.statSync(`${crashed}-wal`).size).toBeGreaterThan(0);
    expectOpenRefused(w, crashed, 'newer_version');
    expectOpenRefused(w, crashed, 'newer_version', true);
  });

  it('checks in order: SQLite header, application_id, user_version, quick_check', () => {
    const w = closedCase();
    // A foreign database from the "future" is foreign first.
    const foreign = path.join(w.api.dir, 'foreign.sqlite');
    withRawConnection(foreign, (db) => db.exec('CREATE TABLE t (x); PRAGMA user_version = 99'), { create: true });
    w.api.fail('case.open', { path: foreign }, 'not_a_case_file');
    // A damaged file from a newer Parley is reported as newer: that is what the user can act on.
    damageTable(w.file, 'note');
    withRawConnection(w.file, (db) => db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`));
    w.api.fail('case.open', { path: w.file }, 'newer_version');
  });
});

describe('a damaged case file', () => {
  function damagedCase(): CaseWorld {
    const w = closedCase();
    damageTable(w.file, 'note');
    return w;
  }

  it('is refused for editing with code damaged, and left as it was', () => {
    const w = damagedCase();
    expectOpenRefused(w, w.file, 'damaged');
  });

  it('opens read-only: what is intact can be read, the damage is reported, nothing can be written', () => {
    const w = damagedCase();
    const before = fs.readFileSync(w.file);
    const info = w.api.call('case.open', { path: w.file, readOnly: true });
    expect(info).toMatchObject({ caseId: w.caseId, readOnly: true, title: 'Export-control suspension order' });
    expect(info.counts.deadline).toBe(1);
    expect(w.api.call('deadline.list', { caseId: w.caseId })).toHaveLength(1);
    expect(w.api.fail('note.list', { caseId: w.caseId }, 'damaged').message).toMatch(/damaged/);
    const report = w.api.call('case.verify', { caseId: w.caseId });
    expect(report.ok).toBe(false);
    expect(report.integrity).not.toEqual(['ok']);
    w.api.fail('deadline.create', { caseId: w.caseId, fields: { title: 'New', deadlineKind: 'internal', status: 'open', dueType: 'tbd' } }, 'read_only');
    w.api.call('case.close', { caseId: w.caseId });
    expect(fs.readFileSync(w.file).equals(before)).toBe(true);
    expect(w.api.internalErrors).toEqual([]);
  });

  it('without its directive (the row deleted by another program) is refused as damaged, saying so, and not left open', () => {
    const w = closedCase();
    withRawConnection(w.file, (db) => db.exec('DELETE FROM directive'));
    for (const readOnly of [false, true]) {
      const error = w.api.fail('case.open', { path: w.file, readOnly }, 'damaged');
      expect(error.message).toMatch(/has no directive.*changed outside Parley/);
      expect(w.api.call('case.listOpen', {})).toEqual([]);
      expect(fs.readdirSync(path.dirname(w.file)).filter((n) => n.startsWith('case.parley'))).toEqual(['case.parley']);
    }
    expectOpenRefused(w, w.file, 'damaged', true); // read-only, byte for byte as it was
    expect(w.api.internalErrors).toEqual([]);
  });
});

describe('read-only cases', () => {
  it('refuses every kind of write with read_only and leaves the file as it was', () => {
    const w = CaseWorld.create();
    const note = w.make('note');
    const gone = w.make('note');
    w.api.call('note.delete', { caseId: w.caseId, id: gone.id });
    const issue = w.make('issue');
    w.api.call('case.close', { caseId: w.caseId });
    w.api.call('case.open', { path: w.file, readOnly: true });
    const caseId = w.caseId;
    const writes: [string, unknown][] = [
      ['note.create', { caseId, fields: { body: 'New' } }],
      ['note.update', { caseId, id: note.id, changes: { body: 'Changed' } }],
      ['note.delete', { caseId, id: note.id }],
      ['note.restore', { caseId, id: gone.id }],
      ['note.purge', { caseId, id: note.id }],
      ['issue.update', { caseId, id: issue.id, changes: { ourOpening: 'Full withdrawal' } }],
      ['directive.update', { caseId, changes: { status: 'contesting' } }],
      ['attachment.add', { caseId, name: 'a.txt', mediaType: 'text/plain', dataBase64: 'aGk=' }],
    ];
    const before = w.diskState();
    for (const [name, input] of writes) w.api.fail(name, input, 'read_only');
    expect(w.diskState()).toEqual(before);
    expect(w.api.call('case.verify', { caseId }).ok).toBe(true);
  });
});

describe('opening the same case more than once', () => {
  it('returns the open case when the same file is opened again, under any spelling of its path', () => {
    const w = CaseWorld.create();
    const again = w.api.call('case.open', { path: w.file });
    const respelled = w.api.call('case.open', { path: path.join(path.dirname(w.file), '.', 'sub', '..', path.basename(w.file)) });
    expect([again.caseId, respelled.caseId]).toEqual([w.caseId, w.caseId]);
    expect(w.api.call('case.listOpen', {})).toHaveLength(1);
  });

  it('refuses to open it read-only while it is open for editing', () => {
    const w = CaseWorld.create();
    w.api.fail('case.open', { path: w.file, readOnly: true }, 'already_open');
    expect(w.api.call('case.info', { caseId: w.caseId }).readOnly).toBe(false);
  });

  it('refuses a second copy of an open case with already_open, and keeps the first one working', () => {
    const w = CaseWorld.create();
    w.make('note');
    w.api.call('case.close', { caseId: w.caseId });
    const copy = path.join(w.api.dir, 'copy.parley');
    fs.copyFileSync(w.file, copy);
    w.api.call('case.open', { path: w.file });
    for (const readOnly of [false, true]) w.api.fail('case.open', { path: copy, readOnly }, 'already_open');
    expect(w.api.call('case.listOpen', {}).map((c) => c.path)).toEqual([w.file]);
    expect(w.make('note').id).toEqual(expect.any(String));
  });
});

describe('a case file', () => {
  it('is marked as a Parley file at the latest schema version', () => {
    const w = CaseWorld.create();
    w.api.call('case.close', { caseId: w.caseId });
    const db = rawConnection(w.file, { readonly: true });
    try {
      expect(db.pragma('application_id', { simple: true })).toBe(PARLEY_APPLICATION_ID);
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    } finally {
      db.close();
    }
  });

  it('is not created over an existing file, and a failed create leaves no file behind', () => {
    const w = CaseWorld.create();
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'taken.parley'), 'mine');
    w.api.fail('case.create', { path: path.join(dir, 'taken.parley'), directive: { title: 'T', status: 'received' } }, 'already_exists');
    w.api.fail('case.create', { path: path.join(dir, 'missing-folder', 'c.parley'), directive: { title: 'T', status: 'received' } }, 'not_found');
    expect(fs.readdirSync(dir)).toEqual(['taken.parley']);
    expect(fs.readFileSync(path.join(dir, 'taken.parley'), 'utf8')).toBe('mine');
  });

  it('is not created, nor imported, where the WAL of an earlier file of that name was left behind', () => {
    const w = CaseWorld.create();
    const exported = w.api.call('case.export', { caseId: w.caseId });
    w.api.call('case.close', { caseId: w.caseId });
    // A crash leaves the file and its WAL; the user then deletes the file alone.
    const writer = rawConnection(w.file);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec("UPDATE directive SET title = 'Old client matter'");
    const leftover = fs.readFileSync(`${w.file}-wal`);
    writer.close();
    fs.rmSync(w.file);
    fs.writeFileSync(`${w.file}-wal`, leftover);
    const before = folderState(w.api.dir);
    const error = w.api.fail('case.create', { path: w.file, directive: { title: 'New client matter', status: 'received' } }, 'already_exists');
    expect(error.message).toMatch(/case\.parley-wal is left over/);
    w.api.fail('case.import', { path: w.file, data: exported }, 'already_exists');
    expect(folderState(w.api.dir)).toEqual(before);
  });
});

describe('a closed case file', () => {
  it('is one self-contained file, and reading it read-only puts nothing beside it', () => {
    const w = closedCase();
    const siblings = () => fs.readdirSync(path.dirname(w.file)).filter((f) => f.startsWith(path.basename(w.file)));
    expect(siblings()).toEqual([path.basename(w.file)]);
    const info = w.api.call('case.open', { path: w.file, readOnly: true });
    w.api.call('case.close', { caseId: info.caseId });
    expect(siblings()).toEqual([path.basename(w.file)]);
  });
});
