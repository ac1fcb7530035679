// Review mode: a case opened for review refuses every change, keeps its comments in a file of their own in the data
// folder, and is left byte-identical (no -wal or -shm beside it) after a review with comments.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reviewFilePath } from '../../electron/core/review.js';
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
