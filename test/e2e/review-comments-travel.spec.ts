// Review comments that travel: a reviewer comments on an issue of a copy opened for review and exports the comments
// from the review banner; the owner opens the case, imports the file on the overview (twice: the second adds
// nothing), sees the comment beside the issue, resolves and reopens it. The reviewer's copy stays byte-identical.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expectNoSeriousViolations } from './pages/axe-check.js';
import { NegotiationPage } from './pages/negotiation-page.js';
import { createCaseFile } from './support/cases.js';
import { expect, test } from './support/fixtures.js';
import { callThrough, E2E_ACTOR } from './support/harness.js';

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const ISSUE = 'Scope of the suspension';
const COMMENT = 'Our walk-away on scope looks too generous; check it against the allied-nation carve-out.';

test('a reviewer’s exported comments come into the case beside the records they are about, once', async ({ app, harness, page }) => {
  test.setTimeout(180_000);
  const info = await createCaseFile(harness, 'order.parley', 'Suspension order');
  await callThrough(harness, 'issue.create', { caseId: info.caseId, fields: { title: ISSUE, priority: 'high', status: 'open' } });
  await callThrough(harness, 'issue.create', { caseId: info.caseId, fields: { title: 'Allied-nation exemptions', priority: 'medium', status: 'open' } });
  await callThrough(harness, 'case.close', { caseId: info.caseId });
  const copy = path.join(harness.casesDir, 'order as sent.parley');
  fs.copyFileSync(info.path, copy);
  const before = sha256(copy);

  // The reviewer: the copy opened for review, a comment on the issue, the comments exported from the banner.
  await app.library.startOpen();
  await app.openDialog.openByPath('order as sent.parley', { review: true });
  await expect(app.heading).toHaveText('Suspension order');
  const banner = page.getByRole('region', { name: 'Review mode' });
  const exportButton = banner.getByRole('button', { name: 'Export comments for the case’s owner' });
  await expect(exportButton).toBeDisabled(); // nothing to export yet
  await app.goToSection('Negotiation');
  const neg = new NegotiationPage(page);
  const reviewPanel = await neg.open(ISSUE);
  const reviewComments = reviewPanel.root.getByRole('region', { name: 'Review comments on this issue' });
  await reviewComments.getByLabel('Add a comment').fill(COMMENT);
  await reviewComments.getByRole('button', { name: 'Add comment' }).click();
  await expect(reviewComments.getByRole('listitem')).toContainText(COMMENT);
  const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^Suspension order - review by ${E2E_ACTOR} - \\d{4}-\\d{2}-\\d{2}\\.parley-comments$`));
  const commentsFile = path.join(harness.casesDir, download.suggestedFilename());
  await download.saveAs(commentsFile);
  await expect(banner.getByRole('status')).toContainText('Exported as review comments');
  await app.sidebar.getByRole('button', { name: 'Close Suspension order' }).click();
  await expect(app.library.heading).toBeVisible();
  expect(sha256(copy)).toBe(before);

  // The owner: the case opened for editing, the comments imported on the overview.
  await app.library.startOpen();
  await app.openDialog.openByPath('order.parley');
  await expect(app.heading).toHaveText('Suspension order');
  const received = page.getByRole('region', { name: 'Review comments received' });
  await expect(received).toContainText('No review comments received yet.');
  await received.getByLabel('Import a reviewer’s comments').setInputFiles(commentsFile);
  await expect(received.getByRole('status')).toHaveText('Imported 1 comment.');
  await expect(received.getByRole('listitem')).toContainText(`On the issue “${ISSUE}”`);
  await received.getByLabel('Import a reviewer’s comments').setInputFiles(commentsFile);
  await expect(received.getByRole('status')).toHaveText('Imported 0 comments. 1 comment was here already and left as they were.');
  await expect(received.getByRole('listitem')).toHaveCount(1);

  // A file changed after export is refused, and says so.
  const tampered = path.join(harness.casesDir, 'tampered.parley-comments');
  fs.writeFileSync(tampered, fs.readFileSync(commentsFile, 'utf8').replace('too generous', 'fine'));
  await received.getByLabel('Import a reviewer’s comments').setInputFiles(tampered);
  await expect(received.getByRole('alert')).toContainText('tampered.parley-comments: These review comments were changed after they were exported');
  await expect(received.getByRole('listitem')).toHaveCount(1);

  // Beside the issue it is about, open; resolved, then reopened.
  await app.goToSection('Negotiation');
  const panel = await neg.open(ISSUE);
  const beside = panel.root.getByRole('region', { name: 'Review comments on this issue (1 open)' });
  await expect(beside.getByRole('listitem')).toContainText(COMMENT);
  await expect(beside.getByRole('listitem')).toContainText(`${E2E_ACTOR},`);
  await expect(beside.getByRole('listitem')).toContainText('open');
  await beside.scrollIntoViewIfNeeded(); // the panel scrolls: its comments come after the issue's fields
  const shot = await app.screenshot('review-comments-received');
  expect(fs.statSync(shot).size).toBeGreaterThan(10_000);
  await expectNoSeriousViolations(page, 'imported review comments beside an issue');
  await beside.getByRole('button', { name: /^Resolve the comment/ }).click();
  const resolved = panel.root.getByRole('region', { name: 'Review comments on this issue (0 open)' });
  await expect(resolved.getByRole('listitem')).toContainText(`resolved by ${E2E_ACTOR}`);
  await app.goToSection('Overview');
  await received.scrollIntoViewIfNeeded();
  await expect(received.getByRole('listitem')).toContainText(`resolved by ${E2E_ACTOR}`);
  await app.screenshot('review-comments-overview');
  await app.goToSection('Negotiation');
  await neg.open(ISSUE);
  await resolved.getByRole('button', { name: /^Reopen the comment/ }).click();
  await expect(panel.root.getByRole('region', { name: 'Review comments on this issue (1 open)' })).toBeVisible();

  // The other issue has no comment, and shows none.
  const other = await neg.open('Allied-nation exemptions');
  await expect(other.root.getByRole('region', { name: /^Review comments on this issue/ })).toHaveCount(0);

  // Each change is in the audit trail, by the owner.
  const [comment] = await callThrough(harness, 'reviewComment.list', { caseId: info.caseId });
  const history = await callThrough(harness, 'record.history', { caseId: info.caseId, id: comment!.id });
  expect(history.map((e) => e.operation)).toEqual(['create', 'update', 'update']);
});
