// @vitest-environment jsdom
// Review, both ways, through the renderer's stores and the real core: a reviewer opens a copy of the case for
// review and comments (useReview), exports the comments; the case's owner imports them into the case
// (useReceivedComments), where each is a record that can be marked dealt with.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeCase, openCase } from '../../renderer/state/cases.js';
import { useReceivedComments } from '../../renderer/state/received-comments.js';
import { useReview } from '../../renderer/state/review.js';
import { newCase } from '../helpers.js';
import { connectRenderer } from './connect.js';

const review = () => useReview.getState();
const received = () => useReceivedComments.getState();

/** A case with an issue, closed, and a copy of it as sent to a reviewer. */
function sentCase() {
  const core = connectRenderer();
  const info = newCase(core);
  const issue = core.call('issue.create', { caseId: info.caseId, fields: { title: 'Scope of the suspension', priority: 'high', status: 'open' } });
  core.call('case.close', { caseId: info.caseId });
  const copy = path.join(core.dir, 'as sent.parley');
  fs.copyFileSync(info.path, copy);
  return { core, caseId: info.caseId, file: info.path, copy, issue };
}

describe('the review store (the reviewer\'s side)', () => {
  it('adds, resolves and removes comments on a case open for review, each list read again from the core', async () => {
    const { core, caseId, copy, issue } = sentCase();
    expect(await openCase(copy, { review: true })).toMatchObject({ review: true });
    await review().load(caseId);
    expect(review()).toMatchObject({ caseId, comments: [], error: null });

    await review().add(caseId, 'issue', issue.id, 'Our walk-away on scope looks too generous.');
    expect(review().comments).toMatchObject([{ recordKind: 'issue', recordId: issue.id, text: 'Our walk-away on scope looks too generous.', author: 'Test Counsel', resolvedAt: null }]);
    const [comment] = review().comments;
    await review().resolve(caseId, comment!.id, true);
    expect(review().comments[0]?.resolvedBy).toBe('Test Counsel');
    expect(core.call('review.list', { caseId })).toEqual(review().comments);
    await review().remove(caseId, comment!.id);
    expect(review().comments).toEqual([]);
  });

  it('keeps a refusal as the error for the panel and throws it to the form', async () => {
    const { caseId, copy } = sentCase();
    await openCase(copy, { review: true });
    const missing = '0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e01';
    await expect(review().add(caseId, 'issue', missing, 'Which one?')).rejects.toMatchObject({ code: 'not_found' });
    expect(review().error).toMatch(/no issue/i);
    expect(review().comments).toEqual([]);
    review().reset();
    expect(review()).toMatchObject({ caseId: null, comments: [], error: null });
  });

  it('says why the comments could not be read', async () => {
    const { caseId } = sentCase();
    await review().load(caseId);
    expect(review().comments).toEqual([]);
    expect(review().error).toMatch(/not open/i);
  });
});

describe('the received comments store (the owner\'s side)', () => {
  it('imports a reviewer\'s file, lists each comment as a record of the case, and marks one dealt with', async () => {
    const { core, caseId, file, copy, issue } = sentCase();
    await openCase(copy, { review: true });
    await review().add(caseId, 'issue', issue.id, 'Our walk-away on scope looks too generous.');
    const exported = core.call('review.export', { caseId });
    await closeCase(caseId);

    await openCase(file);
    await received().load(caseId);
    expect(received()).toMatchObject({ caseId, received: [], error: null });
    expect(await received().importFile(caseId, exported.dataBase64)).toEqual({ added: 1, alreadyThere: 0, aboutMissing: 0 });
    expect(received().received).toMatchObject([{ recordPresent: true, comment: { text: 'Our walk-away on scope looks too generous.', recordId: issue.id, resolvedAt: null } }]);

    const { comment } = received().received[0]!;
    await received().resolve(caseId, comment.id, true, comment.version);
    expect(received().received[0]?.comment).toMatchObject({ resolvedBy: 'Test Counsel', version: comment.version + 1 });
    expect(received().error).toBeNull();

    // Marked again at the version first read: someone changed it since, and the list shows what is stored.
    await received().resolve(caseId, comment.id, false, comment.version);
    expect(received().error).toMatch(/changed|version/i);
    expect(received().received[0]?.comment.resolvedBy).toBe('Test Counsel');
  });

  it('throws a refused file to the import form, with the core\'s reason', async () => {
    const { caseId, file } = sentCase();
    await openCase(file);
    const notComments = Buffer.from('{"format":"something else"}').toString('base64');
    await expect(received().importFile(caseId, notComments)).rejects.toMatchObject({ name: 'ApiFailure' });
    expect(received().received).toEqual([]);
  });

  it('says why the comments could not be read', async () => {
    const { caseId } = sentCase();
    await received().load(caseId);
    expect(received()).toMatchObject({ caseId, received: [] });
    expect(received().error).toMatch(/not open/i);
  });
});
