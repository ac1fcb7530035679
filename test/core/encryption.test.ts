// Encryption at rest: encrypted case files, their passphrases, and changing a file's key. Real files in temp
// folders, through the real dispatcher.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { applyKey, CIPHER } from '../../electron/core/db/encryption.js';
import { newCase, tempDir, testApi, type TestApi } from '../helpers.js';

const PASSPHRASE = 'correct horse battery staple';
const OTHER = 'a different passphrase';
const SENTENCE = 'The ministry will accept a carve-out for allied suppliers';
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function encryptedCase(api: TestApi, name = 'secret.parley') {
  return api.call('case.create', { path: path.join(api.dir, name), directive: { title: 'Sealed directive', status: 'received' }, passphrase: PASSPHRASE });
}

/** An encrypted case file, closed again by the app (so in rollback-journal mode, nothing beside it). */
function closedEncryptedCase(api: TestApi) {
  const info = encryptedCase(api);
  api.call('case.close', { caseId: info.caseId });
  return info;
}

/** A writable connection of this test's own to an encrypted file, keyed with the test passphrase. */
function keyedConnection(file: string): Database.Database {
  const db = new Database(file);
  applyKey(db, PASSPHRASE);
  return db;
}

const startsWithSqliteHeader = (file: string) => fs.readFileSync(file).subarray(0, 16).equals(SQLITE_HEADER);
const isPlainFile = startsWithSqliteHeader;
const holds = (file: string, text: string) => fs.existsSync(file) && fs.readFileSync(file).includes(Buffer.from(text, 'utf8'));

describe('an encrypted case file', () => {
  it('does not begin with the SQLite header, and a sentence written to it is in neither the file nor its WAL', () => {
    const api = testApi();
    const info = encryptedCase(api);
    expect(info.encrypted).toBe(true);
    for (let i = 0; i < 20; i++) api.call('note.create', { caseId: info.caseId, fields: { body: `${SENTENCE} (${i})` } });
    expect(fs.statSync(`${info.path}-wal`).size).toBeGreaterThan(0); // open, with the notes in its WAL
    expect(startsWithSqliteHeader(info.path)).toBe(false);
    expect(holds(info.path, SENTENCE)).toBe(false);
    expect(holds(`${info.path}-wal`, SENTENCE)).toBe(false);
    expect(holds(info.path, 'Sealed directive')).toBe(false);
    api.call('case.close', { caseId: info.caseId });
    expect(holds(info.path, SENTENCE)).toBe(false);
    // A plain file, for contrast: the same test would see the sentence.
    const plain = newCase(api, 'plain.parley');
    api.call('note.create', { caseId: plain.caseId, fields: { body: SENTENCE } });
    api.call('case.close', { caseId: plain.caseId });
    expect(holds(plain.path, SENTENCE)).toBe(true);
  });

  it('uses SQLCipher 4: PBKDF2-HMAC-SHA512 with 256,000 iterations', () => {
    const api = testApi();
    const info = encryptedCase(api);
    api.call('case.close', { caseId: info.caseId });
    const db = new Database(info.path, { readonly: true });
    try {
      applyKey(db, PASSPHRASE);
      expect(db.pragma('cipher', { simple: true })).toBe('sqlcipher');
      expect(Number(db.pragma('kdf_iter', { simple: true }))).toBe(CIPHER.kdfIterations);
      expect(db.pragma('application_id', { simple: true })).toBe(0x50524c59);
    } finally {
      db.close();
    }
  });

  it('asks for its passphrase, refuses a wrong one clearly, and is left byte-identical by both', () => {
    const api = testApi();
    const info = encryptedCase(api);
    api.call('note.create', { caseId: info.caseId, fields: { body: SENTENCE } });
    api.call('case.close', { caseId: info.caseId });
    const before = fs.readFileSync(info.path);
    const required = api.fail('case.open', { path: info.path }, 'passphrase_required');
    expect(required.message).toBe('secret.parley is encrypted: enter its passphrase. (A file Parley did not encrypt is not a case file at all.)');
    const wrong = api.fail('case.open', { path: info.path, passphrase: OTHER }, 'wrong_passphrase');
    expect(wrong.message).toMatch(/^secret\.parley could not be opened with that passphrase/);
    expect(wrong.message).not.toContain(OTHER);
    api.fail('case.open', { path: info.path, passphrase: OTHER, readOnly: true }, 'wrong_passphrase');
    expect(fs.readFileSync(info.path).equals(before)).toBe(true);
    expect(fs.readdirSync(api.dir).filter((f) => f.startsWith('secret.parley'))).toEqual(['secret.parley']);
    const opened = api.call('case.open', { path: info.path, passphrase: PASSPHRASE });
    expect(api.call('note.list', { caseId: opened.caseId }).map((n) => n.body)).toEqual([SENTENCE]);
    expect(api.call('case.verify', { caseId: opened.caseId }).ok).toBe(true);
  });

  it('refuses a passphrase shorter than 8 characters when creating or encrypting', () => {
    const api = testApi();
    api.fail('case.create', { path: path.join(api.dir, 'x.parley'), directive: { title: 'T', status: 'received' }, passphrase: 'short' }, 'invalid_input');
    expect(fs.existsSync(path.join(api.dir, 'x.parley'))).toBe(false);
    const plain = newCase(api);
    api.call('case.close', { caseId: plain.caseId });
    api.fail('case.encrypt', { path: plain.path, passphrase: '1234567' }, 'invalid_input');
  });

  it('is told apart from junk only as far as it can be: junk in whole pages asks for a passphrase, then refuses it', () => {
    const dir = tempDir();
    const api = testApi('Counsel', dir);
    const junk = path.join(dir, 'junk.parley');
    fs.writeFileSync(junk, Buffer.alloc(8192, 0x41));
    api.fail('case.open', { path: junk }, 'passphrase_required');
    api.fail('case.open', { path: junk, passphrase: PASSPHRASE }, 'wrong_passphrase');
    const text = path.join(dir, 'notes.parley');
    fs.writeFileSync(text, 'not a database at all');
    api.fail('case.open', { path: text, passphrase: PASSPHRASE }, 'not_a_sqlite_file');
  });

  it('that is another program\'s encrypted database is refused after keying, as not a case file', () => {
    const dir = tempDir();
    const api = testApi('Counsel', dir);
    const foreign = path.join(dir, 'foreign.parley');
    const db = new Database(foreign);
    applyKey(db, PASSPHRASE);
    db.exec('CREATE TABLE t (a); INSERT INTO t VALUES (1)');
    db.close();
    expect(startsWithSqliteHeader(foreign)).toBe(false);
    api.fail('case.open', { path: foreign, passphrase: PASSPHRASE }, 'not_a_case_file');
  });

  // A cleanly closed encrypted file is checked over the editing connection itself (the key is derived once): a
  // refusal there must still leave the file as it was, with nothing beside it.
  it('from a newer Parley is refused for editing, and is left byte-identical with no file beside it', () => {
    const api = testApi();
    const info = closedEncryptedCase(api);
    const db = keyedConnection(info.path);
    db.pragma('user_version = 999');
    db.close();
    const before = fs.readFileSync(info.path);
    api.fail('case.open', { path: info.path, passphrase: PASSPHRASE }, 'newer_version');
    expect(fs.readFileSync(info.path).equals(before)).toBe(true);
    expect(fs.readdirSync(api.dir).filter((f) => f.startsWith('secret.parley'))).toEqual(['secret.parley']);
  });

  it('with a WAL left beside it by a crash opens for editing with every committed change', () => {
    const api = testApi();
    const info = closedEncryptedCase(api);
    // Another connection writes in WAL mode and is dropped without tidying up, as a crash would leave the file.
    const crashed = keyedConnection(info.path);
    crashed.pragma('journal_mode = WAL');
    crashed.pragma('wal_autocheckpoint = 0');
    crashed.prepare('UPDATE directive SET title = ?').run('Renamed before the crash');
    const walCopy = fs.readFileSync(`${info.path}-wal`);
    const fileCopy = fs.readFileSync(info.path);
    crashed.close();
    fs.writeFileSync(info.path, fileCopy);
    fs.writeFileSync(`${info.path}-wal`, walCopy);
    const opened = api.call('case.open', { path: info.path, passphrase: PASSPHRASE });
    expect(api.call('directive.get', { caseId: opened.caseId }).title).toBe('Renamed before the crash');
  });
});

describe('encrypt, rekey and decrypt', () => {
  function plainCaseWithNotes(api: TestApi) {
    const info = newCase(api);
    for (let i = 0; i < 5; i++) api.call('note.create', { caseId: info.caseId, fields: { body: `${SENTENCE} ${i}` } });
    api.call('case.close', { caseId: info.caseId });
    return info;
  }

  it('encrypts a plain file, changes its passphrase, and decrypts it, keeping every record and its history', () => {
    const api = testApi();
    const info = plainCaseWithNotes(api);
    const head = api.call('case.open', { path: info.path }).auditHead;
    api.call('case.close', { caseId: info.caseId });

    expect(api.call('case.encrypt', { path: info.path, passphrase: PASSPHRASE })).toEqual({ path: info.path, encrypted: true });
    expect(startsWithSqliteHeader(info.path)).toBe(false);
    expect(holds(info.path, SENTENCE)).toBe(false);
    api.fail('case.open', { path: info.path }, 'passphrase_required');
    let opened = api.call('case.open', { path: info.path, passphrase: PASSPHRASE });
    expect(opened).toMatchObject({ encrypted: true, auditHead: head, counts: { note: 5 } });
    api.fail('case.rekey', { path: info.path, passphrase: PASSPHRASE, newPassphrase: OTHER }, 'already_open');
    api.call('case.close', { caseId: info.caseId });

    api.fail('case.encrypt', { path: info.path, passphrase: OTHER }, 'invalid_input');
    api.fail('case.rekey', { path: info.path, passphrase: OTHER, newPassphrase: OTHER }, 'wrong_passphrase');
    expect(api.call('case.rekey', { path: info.path, passphrase: PASSPHRASE, newPassphrase: OTHER }).encrypted).toBe(true);
    api.fail('case.open', { path: info.path, passphrase: PASSPHRASE }, 'wrong_passphrase');
    opened = api.call('case.open', { path: info.path, passphrase: OTHER });
    expect(opened).toMatchObject({ encrypted: true, auditHead: head });
    api.call('case.close', { caseId: info.caseId });

    expect(api.call('case.decrypt', { path: info.path, passphrase: OTHER })).toEqual({ path: info.path, encrypted: false });
    expect(startsWithSqliteHeader(info.path)).toBe(true);
    opened = api.call('case.open', { path: info.path });
    expect(opened).toMatchObject({ encrypted: false, auditHead: head, counts: { note: 5 } });
    expect(api.call('case.verify', { caseId: info.caseId }).ok).toBe(true);
    api.call('case.close', { caseId: info.caseId });
    api.fail('case.decrypt', { path: info.path, passphrase: OTHER }, 'invalid_input');
    // Nothing is left beside the file.
    expect(fs.readdirSync(api.dir).filter((f) => f.includes('case.parley')).sort()).toEqual(['case.parley']);
  });

  it('refuses a file that another program has open for editing, and leaves it as it was', () => {
    const api = testApi();
    const info = plainCaseWithNotes(api);
    const other = new Database(info.path);
    try {
      other.pragma('journal_mode = WAL');
      other.exec("INSERT INTO case_meta (key, value) VALUES ('other-program', 'was here')");
      const before = fs.readFileSync(info.path);
      expect(api.fail('case.encrypt', { path: info.path, passphrase: PASSPHRASE }, 'already_open').message).toMatch(/open for editing in another Parley window or program/);
      expect(fs.readFileSync(info.path).equals(before)).toBe(true);
      expect(isPlainFile(info.path)).toBe(true);
    } finally {
      other.close();
    }
  });

  it('folds a WAL left by a crash into the new file', () => {
    const api = testApi();
    const info = plainCaseWithNotes(api);
    api.call('case.open', { path: info.path });
    api.call('note.create', { caseId: info.caseId, fields: { body: 'Written last' } });
    const head = api.call('case.info', { caseId: info.caseId }).auditHead;
    // What a crash leaves: the file and its WAL as they are while open (nothing writes while they are copied).
    const crashed = path.join(api.dir, 'crashed.parley');
    fs.copyFileSync(info.path, crashed);
    fs.copyFileSync(`${info.path}-wal`, `${crashed}-wal`);
    expect(fs.statSync(`${crashed}-wal`).size).toBeGreaterThan(0);
    api.call('case.close', { caseId: info.caseId });
    api.call('case.encrypt', { path: crashed, passphrase: PASSPHRASE });
    expect(fs.existsSync(`${crashed}-wal`)).toBe(false);
    const opened = api.call('case.open', { path: crashed, passphrase: PASSPHRASE });
    expect(opened).toMatchObject({ auditHead: head, counts: { note: 6 }, encrypted: true });
  });
});

describe('the library', () => {
  it('lists an encrypted file that is not open without reading it, and the dashboard and search pass over it', () => {
    const api = testApi();
    const plain = newCase(api, 'plain.parley', 'Plain directive');
    api.call('note.create', { caseId: plain.caseId, fields: { body: SENTENCE } });
    const secret = encryptedCase(api);
    api.call('note.create', { caseId: secret.caseId, fields: { body: SENTENCE } });
    // While open, the encrypted case is read through its own connection like any other.
    expect(api.call('library.list', {}).find((e) => e.path === secret.path)).toMatchObject({ encrypted: true, title: 'Sealed directive', state: 'ok' });
    expect(api.call('library.search', { query: 'carve-out' }).map((h) => h.caseTitle).sort()).toEqual(['Plain directive', 'Sealed directive']);
    api.call('case.close', { caseId: secret.caseId });
    const entry = api.call('library.list', {}).find((e) => e.path === secret.path)!;
    expect(entry).toMatchObject({ encrypted: true, state: 'ok', title: null, caseId: secret.caseId, problem: null });
    expect(api.call('library.list', {}).find((e) => e.path === plain.path)).toMatchObject({ encrypted: false, title: 'Plain directive' });
    expect(api.call('library.dashboard', {}).problems).toEqual([]);
    expect(api.call('library.search', { query: 'carve-out' }).map((h) => h.caseTitle)).toEqual(['Plain directive']);
  });

  it("names the locked encrypted file it leaves out of the calendar of every case, and includes it once it is open", () => {
    const api = testApi();
    const plain = newCase(api, 'plain.parley', 'Plain directive');
    api.call('deadline.create', { caseId: plain.caseId, fields: { title: 'Plain response', deadlineKind: 'response', status: 'open', dueType: 'date', dueDate: '2031-03-03' } });
    const secret = encryptedCase(api);
    api.call('deadline.create', { caseId: secret.caseId, fields: { title: 'Sealed response', deadlineKind: 'response', status: 'open', dueType: 'date', dueDate: '2031-04-04' } });
    api.call('case.close', { caseId: secret.caseId });

    const withoutSecret = api.call('calendar.ics', {});
    expect(withoutSecret.skipped).toEqual([{ path: secret.path, reason: 'locked' }]);
    expect(withoutSecret.problems).toEqual([]);
    expect(withoutSecret.events).toBe(1);
    expect(withoutSecret.text).toContain('Plain response');
    expect(withoutSecret.text).not.toContain('Sealed response');

    api.call('case.open', { path: secret.path, passphrase: PASSPHRASE });
    const withSecret = api.call('calendar.ics', {});
    expect(withSecret.skipped).toEqual([]);
    expect(withSecret.events).toBe(2);
    expect(withSecret.text).toContain('Sealed response');
  });
});
