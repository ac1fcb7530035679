// Review mode: a case opened for review refuses every change, keeps its comments in a file of their own in the data
// folder, and is left byte-identical (no -wal or -shm beside it) after a review with comments. The comments travel:
// the reviewer exports them as a file, and the case's owner imports that file into the case as audited records.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { reviewFilePath } from '../../electron/core/review.js';
import { canonicalJson } from '../../electron/core/store/canonical.js';
import { testApi, type TestApi } from '../helpers.js';
import { CaseWorld } from './support/world.js';

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A closed case with a note and an issue, ready to be opened for review. */
function sentCase() {
  const w = CaseWorld.create();
  const note = w.make('note', { body: 'The ministry hinted at an allied-nation carve-out.' });
  const issue = w.make('issue');
  w.api.call('case.close', { caseId: w.caseId });
  return { w, note, issue };
}

describe('a case opened for review', () => {
  it('is left byte-identical after a review with comments, with nothing left beside it', () => {
    const { w, note, issue } = sentCase();
    const before = sha256(w.file);
    const folderBefore = fs.readdirSync(path.dirname(w.file)).sort();
    const info = w.api.call('case.openForReview', { path: w.file });
    expect(info).toMatchObject({ caseId: w.caseId, readOnly: true, review: true });
    const first = w.api.call('review.add', { caseId: w.caseId, recordKind: 'note', recordId: note.id, text: 'Who heard this, and when?' });
    w.api.call('review.add', { caseId: w.caseId, recordKind: 'issue', recordId: issue.id, text: 'Our walkaway looks too high.' });
    w.api.call('review.resolve', { caseId: w.caseId, id: first.id, resolved: true });
    w.api.call('case.search', { caseId: w.caseId, query: 'carve' });
    w.api.call('case.verify', { caseId: w.caseId });
    w.api.call('case.close', { caseId: w.caseId });
    expect(sha256(w.file)).toBe(before);
    expect(fs.readdirSync(path.dirname(w.file)).sort()).toEqual(folderBefore);
    for (const suffix of ['-wal', '-shm', '-journal']) expect(fs.existsSync(w.file + suffix)).toBe(false);
  });

  it('refuses every change with read_only, and the file stays as it was', () => {
    const { w, note } = sentCase();
    const before = sha256(w.file);
    w.api.call('case.openForReview', { path: w.file });
    const refusals = [
      w.api.fail('note.update', { caseId: w.caseId, id: note.id, changes: { body: 'Changed by the reviewer' } }, 'read_only'),
      w.api.fail('note.create', { caseId: w.caseId, fields: { body: 'A new note' } }, 'read_only'),
      w.api.fail('note.delete', { caseId: w.caseId, id: note.id }, 'read_only'),
      w.api.fail('directive.update', { caseId: w.caseId, changes: { title: 'Renamed' } }, 'read_only'),
      w.api.fail('attachment.add', { caseId: w.caseId, name: 'a.pdf', mediaType: 'application/pdf', dataBase64: 'JVBERi0x' }, 'read_only'),
    ];
    for (const error of refusals) expect(error.message).toMatch(/read-only/);
    w.api.call('case.close', { caseId: w.caseId });
    expect(sha256(w.file)).toBe(before);
  });

  it('keeps its comments in the data folder, under a name that does not reveal the case, across closing and reopening', () => {
    const { w, note } = sentCase();
    w.api.call('case.openForReview', { path: w.file });
    const comment = w.api.call('review.add', { caseId: w.caseId, recordKind: 'note', recordId: note.id, text: 'Who heard this?' });
    w.api.call('case.close', { caseId: w.caseId });
    const sidecar = reviewFilePath(w.api.session.library.dataDir, w.caseId);
    expect(fs.existsSync(sidecar)).toBe(true);
    expect(path.basename(sidecar)).not.toContain(w.caseId);
    expect(fs.readFileSync(sidecar).includes(Buffer.from('Who heard this?'))).toBe(true);
    expect(fs.existsSync(`${sidecar}-wal`) && fs.statSync(`${sidecar}-wal`).size > 0).toBe(false);
    w.api.call('case.openForReview', { path: w.file });
    expect(w.api.call('review.list', { caseId: w.caseId })).toEqual([comment]);
    expect(w.api.call('review.list', { caseId: w.caseId, recordKind: 'note', recordId: note.id })).toEqual([comment]);
    expect(w.api.call('review.list', { caseId: w.caseId, recordKind: 'issue' })).toEqual([]);
    w.api.call('review.remove', { caseId: w.caseId, id: comment.id });
    expect(w.api.call('review.list', { caseId: w.caseId })).toEqual([]);
  });

  it('takes comments on a deadline like any other record, and leaves the file byte-identical', () => {
    const w = CaseWorld.create();
    const deadline = w.make('deadline');
    w.api.call('case.close', { caseId: w.caseId });
    const before = sha256(w.file);
    w.api.call('case.openForReview', { path: w.file });
    w.api.fail('deadline.update', { caseId: w.caseId, id: deadline.id, changes: { dueDate: '2026-05-01' } }, 'read_only');
    const comment = w.api.call('review.add', { caseId: w.caseId, recordKind: 'deadline', recordId: deadline.id, text: 'Is this counted in business days?' });
    expect(comment).toMatchObject({ recordKind: 'deadline', recordId: deadline.id, resolvedAt: null });
    const resolved = w.api.call('review.resolve', { caseId: w.caseId, id: comment.id, resolved: true });
    expect(w.api.call('review.list', { caseId: w.caseId, recordKind: 'deadline', recordId: deadline.id })).toEqual([resolved]);
    expect(resolved.resolvedAt).not.toBeNull();
    w.api.fail('review.add', { caseId: w.caseId, recordKind: 'deadline', recordId: '0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e01', text: 'Which one?' }, 'not_found');
    w.api.call('case.close', { caseId: w.caseId });
    expect(sha256(w.file)).toBe(before);
  });

  it('refuses a file at the place of its comments that is not a review comments file, and leaves it as it was', () => {
    const { w } = sentCase();
    const sidecar = reviewFilePath(w.api.session.library.dataDir, w.caseId);
    fs.mkdirSync(path.dirname(sidecar), { recursive: true });
    const foreign = new Database(sidecar);
    foreign.exec('CREATE TABLE something_else (x TEXT)');
    foreign.pragma('application_id = 1');
    foreign.pragma('user_version = 1');
    foreign.close();
    const before = sha256(sidecar);
    const error = w.api.fail('case.openForReview', { path: w.file }, 'damaged');
    expect(error.message).toMatch(/review comments kept for this case .* are not in a form this Parley reads/);
    expect(sha256(sidecar)).toBe(before);
    expect(w.api.call('case.listOpen', {})).toEqual([]);
  });

  it('refuses a comment on a record the case does not hold, an empty comment, and an unknown comment id', () => {
    const { w } = sentCase();
    w.api.call('case.openForReview', { path: w.file });
    const missing = '0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e01';
    w.api.fail('review.add', { caseId: w.caseId, recordKind: 'note', recordId: missing, text: 'Where is this?' }, 'not_found');
    w.api.fail('review.add', { caseId: w.caseId, recordKind: 'note', recordId: missing, text: '   ' }, 'invalid_input');
    w.api.fail('review.resolve', { caseId: w.caseId, id: missing, resolved: true }, 'not_found');
    w.api.fail('review.remove', { caseId: w.caseId, id: missing }, 'not_found');
  });
});

describe('an encrypted case opened for review', () => {
  it('needs its passphrase, and its comments are encrypted with it: no comment text in the review file', () => {
    const w = CaseWorld.create();
    const passphrase = 'correct horse battery staple';
    const file = path.join(w.api.dir, 'sealed.parley');
    const sealed = w.api.call('case.create', { path: file, directive: { title: 'Sealed order', status: 'received' }, passphrase });
    const directive = w.api.call('directive.get', { caseId: sealed.caseId });
    w.api.call('case.close', { caseId: sealed.caseId });
    const before = sha256(file);
    w.api.fail('case.openForReview', { path: file }, 'passphrase_required');
    w.api.fail('case.openForReview', { path: file, passphrase: 'not the passphrase' }, 'wrong_passphrase');
    expect(w.api.call('case.openForReview', { path: file, passphrase })).toMatchObject({ review: true, encrypted: true });
    w.api.call('review.add', { caseId: sealed.caseId, recordKind: 'directive', recordId: directive.id, text: 'Confidential remark on the sealed order' });
    w.api.call('case.close', { caseId: sealed.caseId });
    expect(sha256(file)).toBe(before);
    const sidecar = reviewFilePath(w.api.session.library.dataDir, sealed.caseId);
    const bytes = fs.readFileSync(sidecar);
    expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(bytes.includes(Buffer.from('Confidential remark'))).toBe(false);
    w.api.call('case.openForReview', { path: file, passphrase });
    expect(w.api.call('review.list', { caseId: sealed.caseId }).map((c) => c.text)).toEqual(['Confidential remark on the sealed order']);
  });
});

describe('review comments outside review mode', () => {
  it('are refused for a case open for editing, which also cannot be opened for review at the same time', () => {
    const w = CaseWorld.create();
    const error = w.api.fail('review.list', { caseId: w.caseId }, 'not_open');
    expect(error.message).toMatch(/not open for review/);
    w.api.fail('case.openForReview', { path: w.file }, 'already_open');
  });
});

describe('locking', () => {
  it('closes every case and says how each was open, so that unlocking can open it again the same way', () => {
    const { w } = sentCase();
    w.api.call('case.openForReview', { path: w.file });
    const second = w.api.call('case.create', { path: path.join(w.api.dir, 'second.parley'), directive: { title: 'Data localisation order', status: 'received' } });
    const locked = w.api.call('session.lock', {});
    expect(locked).toEqual([
      { path: w.file, mode: 'review' },
      { path: second.path, mode: 'edit' },
    ]);
    expect(w.api.call('case.listOpen', {})).toEqual([]);
    w.api.fail('case.info', { caseId: second.caseId }, 'not_open');
    w.api.fail('review.list', { caseId: w.caseId }, 'not_open');
  });
});

// ---- review comments that travel: the reviewer's export, the owner's import -------------------------------------

const OWNER = 'Olivia Marsh';
const REVIEWER = 'Rowan Achebe';

/**
 * The owner's case (an issue and a note, closed) in the owner's folder, and the reviewer's copy of it in a folder of
 * the reviewer's own, each with a session over a data folder of its own: two people on two laptops.
 */
function ownerAndReviewer(passphrase?: string) {
  const owner = testApi(OWNER);
  const info = owner.call('case.create', { path: path.join(owner.dir, 'order.parley'), directive: { title: 'Suspension order', status: 'negotiating' }, passphrase });
  const issue = owner.call('issue.create', { caseId: info.caseId, fields: { title: 'Scope of the suspension', priority: 'high', status: 'open' } });
  const note = owner.call('note.create', { caseId: info.caseId, fields: { body: 'They hinted at an allied-nation carve-out.' } });
  owner.call('case.close', { caseId: info.caseId });
  const reviewer = testApi(REVIEWER);
  const copy = path.join(reviewer.dir, 'order as sent.parley');
  fs.copyFileSync(info.path, copy);
  return { owner, reviewer, caseId: info.caseId, ownerFile: info.path, copy, issue, note };
}

/** The reviewer opens the copy for review, comments on the issue and the note, resolves the second, and exports. */
function reviewAndExport(r: ReturnType<typeof ownerAndReviewer>, passphrase?: string) {
  r.reviewer.call('case.openForReview', { path: r.copy, passphrase });
  const onIssue = r.reviewer.call('review.add', { caseId: r.caseId, recordKind: 'issue', recordId: r.issue.id, text: 'Our walk-away on scope looks too generous.' });
  const onNote = r.reviewer.call('review.add', { caseId: r.caseId, recordKind: 'note', recordId: r.note.id, text: 'Who heard this, and when?' });
  r.reviewer.call('review.resolve', { caseId: r.caseId, id: onNote.id, resolved: true });
  const file = r.reviewer.call('review.export', { caseId: r.caseId });
  r.reviewer.call('case.close', { caseId: r.caseId });
  return { file, onIssue, onNote };
}

const auditHead = (api: TestApi, caseId: string) => api.call('case.info', { caseId }).auditHead;

describe('review comments that travel', () => {
  it('go from the reviewer’s data folder to the owner’s case file as audited records; the reviewer’s copy stays byte-identical', () => {
    const r = ownerAndReviewer();
    const copyBefore = sha256(r.copy);
    const { file, onIssue, onNote } = reviewAndExport(r);
    expect(sha256(r.copy)).toBe(copyBefore);
    for (const suffix of ['-wal', '-shm', '-journal']) expect(fs.existsSync(r.copy + suffix)).toBe(false);

    // A file that says what it is: the case, the copy's audit head, the reviewer, and each comment with its record.
    expect(file.fileName).toMatch(new RegExp(`^Suspension order - review by ${REVIEWER} - \\d{4}-\\d{2}-\\d{2}\\.parley-comments$`));
    const content = JSON.parse(Buffer.from(file.dataBase64, 'base64').toString('utf8'));
    expect(content).toMatchObject({
      format: 'parley-review-comments', formatVersion: 1, caseId: r.caseId, caseTitle: 'Suspension order', reviewer: REVIEWER,
      caseAuditHead: expect.stringMatching(/^3:[0-9a-f]{64}$/), exportedAt: expect.any(String), sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(content.comments).toEqual([
      { id: onIssue.id, author: REVIEWER, createdAt: onIssue.createdAt, resolvedAt: null, resolvedBy: null, about: { kind: 'issue', id: r.issue.id, title: 'Scope of the suspension' }, text: onIssue.text },
      { id: onNote.id, author: REVIEWER, createdAt: onNote.createdAt, resolvedAt: expect.any(String), resolvedBy: REVIEWER, about: { kind: 'note', id: r.note.id, title: r.note.body }, text: onNote.text },
    ]);

    // The owner has deleted the note since sending the case; the comment on it comes in all the same.
    r.owner.call('case.open', { path: r.ownerFile });
    r.owner.call('note.delete', { caseId: r.caseId, id: r.note.id });
    expect(r.owner.call('review.import', { caseId: r.caseId, dataBase64: file.dataBase64 })).toEqual({ added: 2, alreadyThere: 0, aboutMissing: 1 });
    const received = r.owner.call('review.received', { caseId: r.caseId });
    expect(received.map(({ comment, recordPresent }) => [comment.text, comment.recordTitle, recordPresent])).toEqual([
      [onIssue.text, 'Scope of the suspension', true],
      [onNote.text, r.note.body, false],
    ]);
    const [issueComment, noteComment] = received.map((c) => c.comment);
    expect(issueComment).toMatchObject({
      commentId: onIssue.id, recordKind: 'issue', recordId: r.issue.id, reviewer: REVIEWER, reviewedAt: onIssue.createdAt, resolvedAt: null,
      reviewedAuditHead: content.caseAuditHead, commentsSha256: content.sha256, createdBy: OWNER,
    });
    expect(noteComment).toMatchObject({ resolvedBy: REVIEWER, resolvedAt: expect.any(String) });

    // Each comment came in through the write path: an audit entry by the owner that names the reviewer.
    const [entry] = r.owner.call('record.history', { caseId: r.caseId, id: issueComment!.id });
    expect(entry).toMatchObject({ operation: 'create', kind: 'reviewComment', actor: OWNER, after: { reviewer: REVIEWER, text: onIssue.text } });
    expect(entry!.reason).toContain(`Review comments of ${REVIEWER}`);

    // Importing the same file again adds nothing, not even an audit entry.
    const head = auditHead(r.owner, r.caseId);
    expect(r.owner.call('review.import', { caseId: r.caseId, dataBase64: file.dataBase64 })).toEqual({ added: 0, alreadyThere: 2, aboutMissing: 0 });
    expect(auditHead(r.owner, r.caseId)).toBe(head);

    // The owner resolves the comment and opens it again; each is an audited change.
    const resolved = r.owner.call('reviewComment.resolve', { caseId: r.caseId, id: issueComment!.id, resolved: true });
    expect(resolved).toMatchObject({ resolvedBy: OWNER, version: 2 });
    expect(r.owner.call('reviewComment.resolve', { caseId: r.caseId, id: issueComment!.id, resolved: true })).toEqual(resolved);
    const reopened = r.owner.call('reviewComment.resolve', { caseId: r.caseId, id: issueComment!.id, resolved: false, expectedVersion: 2 });
    expect(reopened).toMatchObject({ resolvedAt: null, resolvedBy: null, version: 3 });
    r.owner.fail('reviewComment.resolve', { caseId: r.caseId, id: issueComment!.id, resolved: true, expectedVersion: 2 }, 'conflict');
    const history = r.owner.call('record.history', { caseId: r.caseId, id: issueComment!.id });
    expect(history.map((e) => [e.operation, e.actor])).toEqual([['create', OWNER], ['update', OWNER], ['update', OWNER]]);
    expect(history.slice(1).map((e) => e.changedFields)).toEqual([['resolvedAt', 'resolvedBy'], ['resolvedAt', 'resolvedBy']]);
    expect(r.owner.call('case.verify', { caseId: r.caseId }).ok).toBe(true);
    expect(r.owner.call('case.search', { caseId: r.caseId, query: 'generous' }).map((h) => h.kind)).toEqual(['reviewComment']);
    expect(r.owner.internalErrors).toEqual([]);
  });

  it('are refused for another case, and when changed after export; nothing is imported either way', () => {
    const r = ownerAndReviewer();
    const { file } = reviewAndExport(r);
    const other = r.owner.call('case.create', { path: path.join(r.owner.dir, 'other.parley'), directive: { title: 'Another order', status: 'received' } });
    const otherHead = auditHead(r.owner, other.caseId);
    const error = r.owner.fail('review.import', { caseId: other.caseId, dataBase64: file.dataBase64 }, 'invalid_input');
    expect(error.message).toBe(`These review comments are about another case (“Suspension order”, case id ${r.caseId}), not this one. Nothing was imported.`);
    expect(auditHead(r.owner, other.caseId)).toBe(otherHead);

    r.owner.call('case.open', { path: r.ownerFile });
    const head = auditHead(r.owner, r.caseId);
    const content = JSON.parse(Buffer.from(file.dataBase64, 'base64').toString('utf8'));
    const edits: [string, (c: typeof content) => void][] = [
      ['a comment’s words', (c) => (c.comments[0].text = 'Our walk-away on scope is fine.')],
      ['who reviewed', (c) => (c.reviewer = 'Someone Else')],
      ['a comment left out', (c) => c.comments.pop()],
      ['a comment marked resolved', (c) => Object.assign(c.comments[0], { resolvedAt: c.exportedAt, resolvedBy: REVIEWER })],
    ];
    for (const [what, edit] of edits) {
      const changed = structuredClone(content);
      edit(changed);
      const refusal = r.owner.fail('review.import', { caseId: r.caseId, dataBase64: Buffer.from(JSON.stringify(changed)).toString('base64') }, 'damaged');
      expect(refusal.message, what).toMatch(/changed after they were exported: their content no longer matches the SHA-256/);
    }
    r.owner.fail('review.import', { caseId: r.caseId, dataBase64: Buffer.from('{"format": "parley-case-export"}').toString('base64') }, 'invalid_input');
    r.owner.fail('review.import', { caseId: r.caseId, dataBase64: Buffer.from('not json').toString('base64') }, 'invalid_input');
    r.owner.fail('review.import', { caseId: r.caseId, dataBase64: Buffer.from(JSON.stringify({ ...content, formatVersion: 2 })).toString('base64') }, 'newer_version');
    expect(auditHead(r.owner, r.caseId)).toBe(head);
    expect(r.owner.call('reviewComment.list', { caseId: r.caseId })).toEqual([]);
    expect(r.owner.internalErrors).toEqual([]);
  });

  it('cannot tell a change from the original when whoever changed the file recomputed its SHA-256 (it is not a signature)', () => {
    const r = ownerAndReviewer();
    const { file } = reviewAndExport(r);
    const { sha256: _old, ...body } = JSON.parse(Buffer.from(file.dataBase64, 'base64').toString('utf8'));
    body.comments[0].text = 'Our walk-away on scope is fine.';
    const forged = { ...body, sha256: createHash('sha256').update(canonicalJson(body)).digest('hex') };
    r.owner.call('case.open', { path: r.ownerFile });
    expect(r.owner.call('review.import', { caseId: r.caseId, dataBase64: Buffer.from(JSON.stringify(forged)).toString('base64') }).added).toBe(2);
    expect(r.owner.call('reviewComment.list', { caseId: r.caseId }).map((c) => c.text)).toContain('Our walk-away on scope is fine.');
  });

  it('of an encrypted case are sealed with its passphrase: no comment, title or name in the clear, and they import with it', () => {
    const passphrase = 'correct horse battery staple';
    const r = ownerAndReviewer(passphrase);
    const copyBefore = sha256(r.copy);
    const { file, onIssue } = reviewAndExport(r, passphrase);
    expect(sha256(r.copy)).toBe(copyBefore);
    expect(file.fileName).toMatch(new RegExp(`^review by ${REVIEWER} - \\d{4}-\\d{2}-\\d{2}\\.parley-comments$`));
    const bytes = Buffer.from(file.dataBase64, 'base64');
    for (const secret of [onIssue.text, 'Who heard this', 'Suspension order', 'Scope of the suspension', REVIEWER, r.caseId]) {
      expect(bytes.includes(Buffer.from(secret)), secret).toBe(false);
    }
    expect(JSON.parse(bytes.toString('utf8'))).toMatchObject({ format: 'parley-review-comments', formatVersion: 1, encryption: { cipher: 'aes-256-gcm', kdf: 'pbkdf2-hmac-sha512', iterations: 256_000 } });

    // The owner's case is open with the same passphrase: the import uses it.
    r.owner.call('case.open', { path: r.ownerFile, passphrase });
    expect(r.owner.call('review.import', { caseId: r.caseId, dataBase64: file.dataBase64 })).toEqual({ added: 2, alreadyThere: 0, aboutMissing: 0 });
    expect(r.owner.call('reviewComment.list', { caseId: r.caseId }).map((c) => c.text)).toEqual([onIssue.text, 'Who heard this, and when?']);

    // One byte of the sealed comments changed, and they no longer open.
    const sealed = JSON.parse(bytes.toString('utf8'));
    const flipped = Buffer.from(sealed.sealed, 'base64');
    flipped.writeUInt8(flipped.readUInt8(10) ^ 1, 10);
    const tampered = Buffer.from(JSON.stringify({ ...sealed, sealed: flipped.toString('base64') })).toString('base64');
    r.owner.fail('review.import', { caseId: r.caseId, dataBase64: tampered }, 'wrong_passphrase');
  });

  it('from a copy made for transfer import with that copy’s passphrase, which a plain case asks for', () => {
    const r = ownerAndReviewer();
    // The owner sends an encrypted copy for transfer (its own passphrase); the case the owner keeps is plain.
    r.owner.call('case.open', { path: r.ownerFile });
    const sent = path.join(r.reviewer.dir, 'sent.parley');
    r.owner.call('case.exportForTransfer', { caseId: r.caseId, path: sent, passphrase: 'the transfer passphrase' });
    r.copy = sent;
    const { file } = reviewAndExport(r, 'the transfer passphrase');
    const asked = r.owner.fail('review.import', { caseId: r.caseId, dataBase64: file.dataBase64 }, 'passphrase_required');
    expect(asked.message).toMatch(/give the passphrase of the copy of the case the reviewer read/);
    r.owner.fail('review.import', { caseId: r.caseId, dataBase64: file.dataBase64, passphrase: 'not the passphrase' }, 'wrong_passphrase');
    expect(r.owner.call('review.import', { caseId: r.caseId, dataBase64: file.dataBase64, passphrase: 'the transfer passphrase' }).added).toBe(2);
  });

  it('are exported only from review mode, and imported only into a case open for editing', () => {
    const r = ownerAndReviewer();
    const { file } = reviewAndExport(r);
    r.owner.call('case.open', { path: r.ownerFile });
    r.owner.fail('review.export', { caseId: r.caseId }, 'not_open');
    r.owner.call('case.close', { caseId: r.caseId });
    r.owner.call('case.open', { path: r.ownerFile, readOnly: true });
    r.owner.fail('review.import', { caseId: r.caseId, dataBase64: file.dataBase64 }, 'read_only');
  });
});
