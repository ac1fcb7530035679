// Custody certificates and export for transfer: the same file gives the same certificate, a changed file another,
// and the copy made for transfer is encrypted, whole, and described by the certificate written beside it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CustodyCertificate } from '../../shared/api-types.js';
import { newCase, testApi } from '../helpers.js';

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
