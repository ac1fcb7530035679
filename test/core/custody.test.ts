// Custody certificates and export for transfer: the same file gives the same certificate, a changed file another,
// a certificate describes exactly the bytes it hashes (or is refused), and the copy made for transfer is encrypted,
// whole, and described by the certificate written beside it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CertificateComparison, CustodyCertificate } from '../../shared/api-types.js';
import { newCase, tempDir, testApi, type TestApi } from '../helpers.js';
import { rawConnection, rewriteNoteAsAForger, tamperAsAForger } from './support/files.js';
import { bundleWriter, startWriter } from './support/writer-process.js';

const PASSPHRASE = 'passphrase of the case itself';
const TRANSFER = 'passphrase agreed with the receiver';
const SENTENCE = 'Counsel for the ministry conceded the allied-supplier carve-out';

describe('a custody certificate', () => {
  it('is the same for the same file, and differs in SHA-256 when one byte of the file changes', () => {
    const api = testApi();
    const info = newCase(api);
    api.call('note.create', { caseId: info.caseId, fields: { body: SENTENCE } });
    const first = api.call('case.certificate', { caseId: info.caseId });
    const second = api.call('case.certificate', { caseId: info.caseId });
    expect([second.sha256, second.auditHead, second.recordCounts]).toEqual([first.sha256, first.auditHead, first.recordCounts]);
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Date.parse(first.issuedAt)).not.toBeNaN();

    // Closed, then read-only (as `parley verify --certificate` reads it): stable across opens.
    api.call('case.close', { caseId: info.caseId });
    const closed = () => {
      const { caseId } = api.call('case.open', { path: info.path, readOnly: true });
      const cert = api.call('case.certificate', { caseId });
      api.call('case.close', { caseId });
      return cert;
    };
    const before = closed();
    expect(closed().sha256).toBe(before.sha256);
    expect(before.auditHead).toBe(first.auditHead);
    const bytes = fs.readFileSync(info.path);
    bytes[bytes.length - 2] = bytes[bytes.length - 2]! ^ 0x80;
    fs.writeFileSync(info.path, bytes);
    expect(closed().sha256).not.toBe(before.sha256);
  });

  it('of an encrypted file says so, and its audit head is the one of the same case plain', () => {
    const api = testApi();
    const info = newCase(api);
    api.call('note.create', { caseId: info.caseId, fields: { body: SENTENCE } });
    const plain = api.call('case.certificate', { caseId: info.caseId });
    api.call('case.close', { caseId: info.caseId });
    api.call('case.encrypt', { path: info.path, passphrase: PASSPHRASE });
    const { caseId } = api.call('case.open', { path: info.path, passphrase: PASSPHRASE, readOnly: true });
    const encrypted = api.call('case.certificate', { caseId });
    expect(encrypted).toMatchObject({ encrypted: true, auditHead: plain.auditHead, recordCounts: plain.recordCounts });
    expect(encrypted.sha256).not.toBe(plain.sha256);
  });
});

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/**
 * The bytes a certificate hashed hold the case it reports: the file copied alone (nothing beside it) has its
 * SHA-256, and opened elsewhere reads back its audit head and counts.
 */
function expectToDescribeItsBytes(cert: CustodyCertificate): void {
  const alone = path.join(tempDir(), 'alone.parley');
  fs.copyFileSync(cert.path, alone);
  expect(sha256(alone)).toBe(cert.sha256);
  const elsewhere = testApi('Receiving Counsel');
  const { caseId, auditHead, auditEntries, counts } = elsewhere.call('case.open', { path: alone, readOnly: true });
  expect({ auditHead, auditEntries, counts }).toEqual({ auditHead: cert.auditHead, auditEntries: cert.auditEntries, counts: cert.recordCounts });
  elsewhere.call('case.close', { caseId });
}

/** Opens a closed file read-only, runs `use` on it and closes it: a file as sent, not one being edited. */
function readOnly<T>(api: TestApi, file: string, use: (caseId: string) => T): T {
  const { caseId } = api.call('case.open', { path: file, readOnly: true });
  try {
    return use(caseId);
  } finally {
    api.call('case.close', { caseId });
  }
}

describe('a custody certificate of a file whose latest changes are still in its WAL', () => {
  it('is refused while another program has the file open with changes of its own, and made once it closes it', () => {
    const api = testApi();
    const info = newCase(api);
    api.call('case.close', { caseId: info.caseId });
    const earlier = readOnly(api, info.path, (caseId) => api.call('case.certificate', { caseId }));
    // The other program: Parley itself, in a session of its own, whose editing connection (WAL mode) writes a note
    // and keeps the file open. The note is committed, in the WAL beside the file, not yet in the file's own bytes.
    const other = testApi('Other Counsel');
    const { caseId: otherId } = other.call('case.open', { path: info.path });
    other.call('note.create', { caseId: otherId, fields: { body: SENTENCE } });
    expect(fs.statSync(`${info.path}-wal`).size).toBeGreaterThan(0);

    const { caseId } = api.call('case.open', { path: info.path, readOnly: true });
    expect(api.call('case.info', { caseId }).counts.note).toBe(1); // SQLite reads the WAL too
    const refused = api.fail('case.certificate', { caseId }, 'pending_changes');
    expect(refused.message).toMatch(/case\.parley has changes that are not yet written into the file itself/);
    expect(refused.message).toMatch(/another program has it open, or it was not closed cleanly/);
    // Comparing with a certificate reads the file the same way, so it is refused the same way.
    expect(api.fail('case.verifyAgainst', { caseId, certificate: earlier }, 'pending_changes').message).toBe(refused.message);

    other.call('case.close', { caseId: otherId });
    const cert = api.call('case.certificate', { caseId });
    expect(cert.recordCounts.note).toBe(1);
    expectToDescribeItsBytes(cert);
  });

  it('is refused for a case open here while a reader elsewhere keeps the WAL from being folded in', () => {
    const api = testApi();
    const info = newCase(api);
    // Another program reading the file: its read began before the note, so the note cannot be written into the
    // file until that read ends (SQLite keeps the file as that reader's snapshot needs it).
    const reader = rawConnection(info.path, { readonly: true });
    try {
      reader.exec('BEGIN');
      expect(reader.prepare('SELECT count(*) FROM note').pluck().get()).toBe(0);
      api.call('note.create', { caseId: info.caseId, fields: { body: SENTENCE } });
      const refused = api.fail('case.certificate', { caseId: info.caseId }, 'pending_changes');
      expect(refused.message).toMatch(/^Another program is reading case\.parley, so the latest changes to it cannot be written into the file/);
      reader.exec('COMMIT');
    } finally {
      reader.close();
    }
    const cert = api.call('case.certificate', { caseId: info.caseId });
    expect(cert.recordCounts.note).toBe(1);
    expectToDescribeItsBytes(cert);
  });

  it('is refused for a file a program killed mid-work left with committed changes in its WAL, until Parley opens and closes it', async () => {
    const buildDir = tempDir('parley-writer-');
    const script = await bundleWriter(buildDir);
    const api = testApi();
    const info = newCase(api);
    api.call('case.close', { caseId: info.caseId });
    const writer = startWriter(script, ['crash', info.path, path.join(api.dir, 'writer-data')]);
    await writer.linesPrinted(2); // an issue and a note written, and returned
    writer.child.kill('SIGKILL');
    expect((await writer.exited).signal, writer.stderr()).toBe('SIGKILL');
    expect(fs.statSync(`${info.path}-wal`).size).toBeGreaterThan(0);

    const opened = api.call('case.open', { path: info.path, readOnly: true });
    expect(opened.counts.note).toBeGreaterThanOrEqual(1);
    const refused = api.fail('case.certificate', { caseId: opened.caseId }, 'pending_changes');
    expect(refused.message).toMatch(/open it in Parley for editing and close it/);
    api.call('case.close', { caseId: opened.caseId });

    // What the message says to do: open it for editing (SQLite recovers the WAL) and close it (folded in).
    api.call('case.open', { path: info.path });
    api.call('case.close', { caseId: info.caseId });
    const again = api.call('case.open', { path: info.path, readOnly: true });
    const cert = api.call('case.certificate', { caseId: again.caseId });
    expect(cert.recordCounts).toEqual(opened.counts);
    expect(cert.auditHead).toBe(opened.auditHead);
    expectToDescribeItsBytes(cert);
  }, 60_000);
});

/** A closed case with two notes, and the certificate of it as it was closed. */
function certifiedCase(api: TestApi) {
  const info = newCase(api);
  const first = api.call('note.create', { caseId: info.caseId, fields: { body: SENTENCE } });
  api.call('note.create', { caseId: info.caseId, fields: { body: 'The Bureau asked for quarterly reports.' } });
  api.call('case.close', { caseId: info.caseId });
  const certificate = readOnly(api, info.path, (caseId) => api.call('case.certificate', { caseId }));
  return { info, firstNoteId: first.id, certificate };
}

const compare = (api: TestApi, file: string, certificate: unknown): CertificateComparison =>
  readOnly(api, file, (caseId) => api.call('case.verifyAgainst', { caseId, certificate: certificate as CustodyCertificate }));

describe('comparing a case file with a certificate made of it earlier', () => {
  it('refuses a certificate whose record counts name anything but a kind of record ("constructor", say), naming the key', () => {
    const api = testApi();
    const { info, certificate } = certifiedCase(api);
    for (const key of ['constructor', 'toString', 'notAKind']) {
      const forged = { ...certificate, recordCounts: { ...certificate.recordCounts, [key]: 5 } };
      const error = readOnly(api, info.path, (caseId) => api.fail('case.verifyAgainst', { caseId, certificate: forged }, 'invalid_input'));
      expect(error.message, key).toBe(`“${key}” is not accepted as a name in the record counts.`);
    }
    expect(compare(api, info.path, certificate).verdict).toBe('same_file');
  });

  it('finds the file certified the same file, and the case continued since a faithful continuation', () => {
    const api = testApi();
    const { info, certificate } = certifiedCase(api);
    expect(certificate.caseId).toBe(info.caseId);
    expect(compare(api, info.path, certificate)).toMatchObject({ verdict: 'same_file', sameBytes: true, sameCase: true, entriesAdded: 0 });

    api.call('case.open', { path: info.path });
    api.call('note.create', { caseId: info.caseId, fields: { body: 'Added after the certificate.' } });
    // Open for editing here: the comparison folds the WAL in and reads the file as stored, like a certificate.
    expect(api.call('case.verifyAgainst', { caseId: info.caseId, certificate })).toMatchObject({ verdict: 'continued', entriesAdded: 1 });
    api.call('case.close', { caseId: info.caseId });

    const later = compare(api, info.path, certificate);
    expect(later).toMatchObject({ verdict: 'continued', sameBytes: false, sameCase: true, entriesAdded: 1, report: { ok: true } });
    expect(later.certifiedEntryNow).toBe(certificate.auditHead.split(':')[1]);
    expect([later.certified.recordCounts.note, later.now.recordCounts.note]).toEqual([2, 3]);
    expect(later.now.auditEntries).toBe(certificate.auditEntries + 1);
  });

  it('catches history from before the certificate rewritten with the chain recomputed, which verify alone passes', () => {
    const api = testApi();
    const { info, firstNoteId, certificate } = certifiedCase(api);
    rewriteNoteAsAForger(info.path, firstNoteId, 'Counsel for the ministry refused every carve-out');

    // The limit of the chain: nothing inside the file shows the rewrite.
    readOnly(api, info.path, (caseId) => expect(api.call('case.verify', { caseId }).ok).toBe(true));
    const found = compare(api, info.path, certificate);
    expect(found).toMatchObject({ verdict: 'history_altered', sameBytes: false, sameCase: true, report: { ok: true } });
    expect(found.certifiedEntryNow).toMatch(/^[0-9a-f]{64}$/);
    expect(found.certifiedEntryNow).not.toBe(certificate.auditHead.split(':')[1]);
  });

  it('cannot tell a rewrite of what was added after the certificate from a continuation: the anchor covers what came before it', () => {
    const api = testApi();
    const { info, certificate } = certifiedCase(api);
    api.call('case.open', { path: info.path });
    const added = api.call('note.create', { caseId: info.caseId, fields: { body: 'Added after the certificate.' } });
    api.call('case.close', { caseId: info.caseId });
    rewriteNoteAsAForger(info.path, added.id, 'Rewritten after the certificate.');
    expect(compare(api, info.path, certificate)).toMatchObject({ verdict: 'continued', entriesAdded: 1 });
  });

  it('does not take a file whose attachment bytes were swapped since the certificate for a continuation', () => {
    const api = testApi();
    const info = newCase(api);
    const attachment = api.call('attachment.add', { caseId: info.caseId, name: 'order.png', mediaType: 'image/png', dataBase64: Buffer.from('\x89PNG').toString('base64') });
    api.call('case.close', { caseId: info.caseId });
    const certificate = readOnly(api, info.path, (caseId) => api.call('case.certificate', { caseId }));
    const raw = rawConnection(info.path);
    raw.prepare('UPDATE attachment SET bytes = ? WHERE id = ?').run(Buffer.from('%PDF-2'), attachment.id);
    raw.close();
    expect(compare(api, info.path, certificate)).toMatchObject({ verdict: 'history_altered', report: { ok: false } });
  });

  it('finds history cut back to before the certificate altered', () => {
    const api = testApi();
    const { info, certificate } = certifiedCase(api);
    // The last entry certified cut off with what it made (the second note), and the head moved back to match: a
    // shorter history that verify passes, in which the certified entry is gone.
    const last = certificate.auditEntries;
    tamperAsAForger(info.path, `
      DELETE FROM search_index WHERE rowid = (SELECT docid FROM search_doc WHERE record_id = (SELECT record_id FROM audit_log WHERE seq = ${last}));
      DELETE FROM search_doc WHERE record_id = (SELECT record_id FROM audit_log WHERE seq = ${last});
      DELETE FROM note WHERE id = (SELECT record_id FROM audit_log WHERE seq = ${last});
      DELETE FROM change_head WHERE record_id = (SELECT record_id FROM audit_log WHERE seq = ${last});
      DELETE FROM change_log WHERE seq = ${last};
      DELETE FROM audit_log WHERE seq = ${last};
      UPDATE case_meta SET value = (SELECT seq || ':' || hash FROM audit_log WHERE seq = ${last - 1}) WHERE key = 'audit_head';`);
    readOnly(api, info.path, (caseId) => expect(api.call('case.verify', { caseId }).ok).toBe(true));
    expect(compare(api, info.path, certificate)).toMatchObject({ verdict: 'history_altered', certifiedEntryNow: null, report: { ok: true } });
  });

  it('refuses to compare with a certificate of another case, and reads a certificate that names no case', () => {
    const api = testApi();
    const { info, certificate } = certifiedCase(api);
    const other = certifiedCase(testApi());
    const refused = compare(api, info.path, other.certificate);
    expect(refused).toMatchObject({ verdict: 'other_case', sameCase: false });

    // Certificates written before they named their case have no caseId: the history is compared all the same.
    const older: Partial<CustodyCertificate> = { ...certificate };
    delete older.caseId;
    expect(compare(api, info.path, older)).toMatchObject({ verdict: 'same_file', sameCase: null });
    expect(compare(api, info.path, { ...other.certificate, caseId: undefined })).toMatchObject({ verdict: 'history_altered', sameCase: null });
  });
});

describe('export for transfer', () => {
  it('writes an encrypted copy of an encrypted case under the new passphrase, with its certificate beside it', () => {
    const api = testApi();
    const info = api.call('case.create', { path: path.join(api.dir, 'case.parley'), directive: { title: 'Sealed directive', status: 'received' }, passphrase: PASSPHRASE });
    api.call('note.create', { caseId: info.caseId, fields: { body: SENTENCE } });
    const target = path.join(api.dir, 'outbox', 'for-counsel.parley');
    api.fail('case.exportForTransfer', { caseId: info.caseId, path: target, passphrase: TRANSFER }, 'not_found'); // no such folder
    fs.mkdirSync(path.dirname(target));
    const { path: written, certificate } = api.call('case.exportForTransfer', { caseId: info.caseId, path: target, passphrase: TRANSFER });
    expect(written).toBe(target);
    expect(fs.readFileSync(target).includes(Buffer.from(SENTENCE))).toBe(false);
    expect(fs.readFileSync(target).subarray(0, 6).toString('latin1')).not.toBe('SQLite');
    expect(JSON.parse(fs.readFileSync(`${target}.certificate.json`, 'utf8'))).toEqual(certificate);
    expect(fs.readdirSync(path.dirname(target)).sort()).toEqual(['for-counsel.parley', 'for-counsel.parley.certificate.json']);

    // What the receiver does: open it with the agreed passphrase and make a certificate of the file received.
    api.call('case.close', { caseId: info.caseId });
    api.fail('case.open', { path: target, passphrase: PASSPHRASE }, 'wrong_passphrase');
    const received = api.call('case.open', { path: target, passphrase: TRANSFER, readOnly: true });
    const receiverCertificate: CustodyCertificate = api.call('case.certificate', { caseId: received.caseId });
    expect([receiverCertificate.sha256, receiverCertificate.auditHead, receiverCertificate.recordCounts]).toEqual([certificate.sha256, certificate.auditHead, certificate.recordCounts]);
    expect(api.call('note.list', { caseId: received.caseId }).map((n) => n.body)).toEqual([SENTENCE]);
    expect(api.call('case.verify', { caseId: received.caseId }).ok).toBe(true);
  });

  it('never overwrites a file or a certificate that is there already', () => {
    const api = testApi();
    const info = newCase(api);
    const target = path.join(api.dir, 'copy.parley');
    fs.writeFileSync(`${target}.certificate.json`, 'someone else\'s');
    api.fail('case.exportForTransfer', { caseId: info.caseId, path: target, passphrase: TRANSFER }, 'already_exists');
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.readFileSync(`${target}.certificate.json`, 'utf8')).toBe('someone else\'s');
    fs.rmSync(`${target}.certificate.json`);
    fs.writeFileSync(target, 'taken');
    api.fail('case.exportForTransfer', { caseId: info.caseId, path: target, passphrase: TRANSFER }, 'already_exists');
    expect(fs.readFileSync(target, 'utf8')).toBe('taken');
    expect(fs.readdirSync(api.dir).filter((f) => f.startsWith('.copy.parley'))).toEqual([]);
  });
});
