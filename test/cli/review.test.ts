// `parley review export` and `parley review import`: a reviewer's comments, kept in the reviewer's library folder,
// leave as a comments file and come into the owner's case file as audited records, once. The built bundle in a
// child process; each side with a --data folder of its own in a temporary folder.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseInfo, ReviewImport } from '../../shared/api-types.js';
import { testApi } from '../helpers.js';
import { buildCli, expectFailure, expectOk, parleyRunner, type ParleyRunner } from './support/parley.js';

const OWNER = 'Olivia Marsh';
const REVIEWER = 'Rowan Achebe';
const PASSPHRASE = 'correct horse battery staple';

let parley: ParleyRunner;

beforeAll(async () => {
  await buildCli();
  parley = parleyRunner();
});
afterAll(() => parley.cleanUp());

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/**
 * The owner's case with an issue, closed; the reviewer's copy of it, on which the reviewer (in the app's core, over
 * the reviewer's own data folder) leaves a comment. Returns the paths and the reviewer's data folder.
 */
function reviewedCase(name: string, passphrase?: string) {
  const owner = testApi(OWNER, fs.mkdtempSync(path.join(parley.dir, 'owner-')));
  const info = owner.call('case.create', { path: path.join(owner.dir, `${name}.parley`), directive: { title: 'Suspension order', status: 'negotiating' }, passphrase });
  const issue = owner.call('issue.create', { caseId: info.caseId, fields: { title: 'Scope of the suspension', priority: 'high', status: 'open' } });
  owner.call('case.close', { caseId: info.caseId });
  const reviewer = testApi(REVIEWER, fs.mkdtempSync(path.join(parley.dir, 'reviewer-')));
  const copy = path.join(reviewer.dir, `${name} as sent.parley`);
  fs.copyFileSync(info.path, copy);
  reviewer.call('case.openForReview', { path: copy, passphrase });
  reviewer.call('review.add', { caseId: info.caseId, recordKind: 'issue', recordId: issue.id, text: 'Our walk-away on scope looks too generous.' });
  reviewer.call('case.close', { caseId: info.caseId });
  return { owner, caseId: info.caseId, ownerFile: info.path, copy, reviewerData: path.join(reviewer.dir, 'data'), ownerData: path.join(owner.dir, 'data'), issue };
}

describe('parley review export and import', () => {
  it('carry a reviewer’s comments from the reviewer’s library to the owner’s case, once, audited; the reviewer’s copy is left byte-identical', () => {
    const r = reviewedCase('plain');
    const before = sha256(r.copy);
    const out = parley.file('plain comments.parley-comments');
    const exported = expectOk(parley.run(['review', 'export', r.copy, '-o', out, '--data', r.reviewerData, '--as', REVIEWER]));
    expect(exported.stdout).toBe(`Exported 1 review comment on case ${r.caseId} to ${out}\n`);
    expect(sha256(r.copy)).toBe(before);
    const content = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(content).toMatchObject({ format: 'parley-review-comments', caseId: r.caseId, reviewer: REVIEWER, comments: [{ about: { kind: 'issue', id: r.issue.id, title: 'Scope of the suspension' } }] });

    // Without -o the same comments go to standard output, and import as well from there.
    const printed = expectOk(parley.run(['review', 'export', r.copy, '--data', r.reviewerData, '--as', REVIEWER])).json<typeof content>();
    expect(printed.comments).toEqual(content.comments);

    const imported = expectOk(parley.run(['review', 'import', r.ownerFile, out, '--data', r.ownerData, '--as', OWNER, '--json'])).json<ReviewImport>();
    expect(imported).toEqual({ added: 1, alreadyThere: 0, aboutMissing: 0 });
    const again = expectOk(parley.run(['review', 'import', r.ownerFile, out, '--data', r.ownerData, '--as', OWNER]));
    expect(again.stdout).toBe(`Imported 0 review comments into case ${r.caseId}\n1 comment the case had already, left as it was\n`);

    r.owner.call('case.open', { path: r.ownerFile });
    const [comment, ...more] = r.owner.call('reviewComment.list', { caseId: r.caseId });
    expect(more).toEqual([]);
    expect(comment).toMatchObject({ recordKind: 'issue', recordId: r.issue.id, reviewer: REVIEWER, text: 'Our walk-away on scope looks too generous.', createdBy: OWNER });
    expect(r.owner.call('record.history', { caseId: r.caseId, id: comment!.id }).map((e) => [e.operation, e.actor])).toEqual([['create', OWNER]]);
    r.owner.call('case.close', { caseId: r.caseId });
  }, 180_000); // a dozen runs of the command: slow on a loaded machine

  it('refuse comments about another case and comments changed after export, and say why; nothing is imported', () => {
    const r = reviewedCase('refusals');
    const out = parley.file('refusals.parley-comments');
    expectOk(parley.run(['review', 'export', r.copy, '-o', out, '--data', r.reviewerData, '--as', REVIEWER]));
    const other = parley.file('other.parley');
    expectOk(parley.run(['new', other, '--title', 'Another order', '--data', r.ownerData]));
    expectFailure(parley.run(['review', 'import', other, out, '--data', r.ownerData]), 1, /These review comments are about another case \(“Suspension order”, case id [0-9a-f-]{36}\), not this one\. Nothing was imported\./);

    const tampered = parley.file('tampered.parley-comments');
    fs.writeFileSync(tampered, fs.readFileSync(out, 'utf8').replace('looks too generous', 'looks fine'));
    const auditHead = () => expectOk(parley.run(['info', r.ownerFile, '--json'])).json<CaseInfo>().auditHead;
    const before = auditHead();
    expectFailure(parley.run(['review', 'import', r.ownerFile, tampered, '--data', r.ownerData]), 1, /tampered\.parley-comments: These review comments were changed after they were exported/);
    expect(auditHead()).toBe(before);
    expect(expectOk(parley.run(['info', r.ownerFile, '--json'])).json<CaseInfo>().counts.reviewComment ?? 0).toBe(0);

    expectFailure(parley.run(['review', 'import', r.ownerFile, '--data', r.ownerData]), 2, /missing COMMENTS/);
    expectFailure(parley.run(['review', 'export', r.copy, out, '--data', r.reviewerData]), 2, /review export takes one case file/);
    expectFailure(parley.run(['review', 'send', r.copy, '--data', r.reviewerData]), 2, /unknown action "send"; the actions are export and import/);
    expectFailure(parley.run(['review', 'import', r.ownerFile, parley.file('missing.parley-comments'), '--data', r.ownerData]), 3, /cannot read .*missing\.parley-comments/);
  }, 180_000); // a dozen runs of the command: slow on a loaded machine

  it('of an encrypted case write the comments encrypted with its passphrase, and import them with it', () => {
    const r = reviewedCase('sealed', PASSPHRASE);
    const before = sha256(r.copy);
    const out = parley.file('sealed.parley-comments');
    const exported = expectOk(parley.run(['review', 'export', r.copy, '-o', out, '--data', r.reviewerData, '--as', REVIEWER, '--passphrase-stdin'], { input: `${PASSPHRASE}\n` }));
    expect(exported.stdout).toContain('(encrypted with the case\'s passphrase)');
    expect(sha256(r.copy)).toBe(before);
    const bytes = fs.readFileSync(out);
    for (const secret of ['walk-away', 'Suspension order', 'Scope of the suspension', REVIEWER, r.caseId]) expect(bytes.includes(Buffer.from(secret)), secret).toBe(false);

    expectFailure(parley.run(['review', 'import', r.ownerFile, out, '--data', r.ownerData, '--passphrase-stdin'], { input: 'not the passphrase\n' }), 3, /could not be opened with that passphrase/);
    const imported = expectOk(parley.run(['review', 'import', r.ownerFile, out, '--data', r.ownerData, '--as', OWNER, '--json', '--passphrase-stdin'], { input: `${PASSPHRASE}\n` })).json<ReviewImport>();
    expect(imported).toEqual({ added: 1, alreadyThere: 0, aboutMissing: 0 });
  }, 180_000); // runs that derive keys: slow on a loaded machine
});
