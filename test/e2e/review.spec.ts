// Review mode: a case opened for review shows a banner, offers no edits, takes review comments on its records,
// and leaves the case file byte-identical; axe finds nothing serious in either theme.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { expectNoSeriousViolations } from './pages/axe-check.js';
import { DeadlinesPage } from './pages/deadlines-page.js';
import { MeetingsPage } from './pages/meetings-page.js';
import { createCaseFile } from './support/cases.js';
import { expect, test } from './support/fixtures.js';
import { callThrough } from './support/harness.js';

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

test('a case opened for review takes comments and stays byte-identical', async ({ app, harness, page }) => {
  test.setTimeout(180_000); // axe runs four times
  const info = await createCaseFile(harness, 'sent-by-counsel.parley', 'Order sent for review', { issuingAuthority: 'Department of Commerce' });
  await callThrough(harness, 'meeting.create', { caseId: info.caseId, fields: { title: 'Meeting with the Bureau', status: 'held', meetingDate: '2026-11-27' } });
  await callThrough(harness, 'deadline.create', {
    caseId: info.caseId,
    fields: { title: 'Written response to the Bureau', deadlineKind: 'response', status: 'open', dueType: 'date', dueDate: '2027-03-01' },
  });
  await callThrough(harness, 'case.close', { caseId: info.caseId });
  const before = sha256(info.path);

  await app.library.startOpen();
  await app.openDialog.openByPath('sent-by-counsel.parley', { review: true });
  await expect(app.heading).toHaveText('Order sent for review');
  const banner = page.getByRole('region', { name: 'Review mode' });
  await expect(banner).toContainText('Review — read-only');
  await expect(app.overview.field('Issuing authority')).toBeDisabled();
  await expect(app.sidebar.getByRole('link', { name: /Order sent for review \(review\)/ })).toBeVisible();

  const comments = page.getByRole('region', { name: 'Review comments on this directive' });
  await comments.getByLabel('Add a comment').fill('The received-on date is missing; ask counsel.');
  await comments.getByRole('button', { name: 'Add comment' }).click();
  await expect(comments.getByRole('listitem')).toContainText('The received-on date is missing; ask counsel.');
  await expect(comments.getByRole('listitem')).toContainText('Dana Whitfield');
  await comments.getByLabel('Add a comment').fill('Check the legal basis against the 2019 order.');
  await comments.getByRole('button', { name: 'Add comment' }).click();
  await expect(comments.getByRole('listitem')).toHaveCount(2);
  await comments.getByRole('listitem').first().getByRole('button', { name: 'Resolve' }).click();
  await expect(comments.getByRole('listitem').first()).toContainText('resolved by Dana Whitfield');
  await banner.getByText(/All review comments/).click();
  await expect(banner.getByText('All review comments (2, 1 open)')).toBeVisible();
  await app.screenshot('review-light');
  await expectNoSeriousViolations(page, 'review mode (light)');
  await app.setTheme('Dark');
  await app.screenshot('review-dark');
  await expectNoSeriousViolations(page, 'review mode (dark)');

  await comments.getByRole('listitem').nth(1).getByRole('button', { name: /^Delete the comment/ }).click();
  await expect(comments.getByRole('listitem')).toHaveCount(1);

  // A meeting takes comments too: its form stays read-only, the comment box beside it does not.
  await app.goToSection('Meetings');
  await new MeetingsPage(page).open('Meeting with the Bureau');
  await expect(page.getByLabel('Location')).toBeDisabled();
  const meetingComments = page.getByRole('region', { name: 'Review comments on this meeting' });
  await meetingComments.getByLabel('Add a comment').fill('Who attended for the Bureau?');
  await meetingComments.getByRole('button', { name: 'Add comment' }).click();
  await expect(meetingComments.getByRole('listitem')).toContainText('Who attended for the Bureau?');
  await app.screenshot('review-meeting');

  // A deadline too: its side panel stays read-only (no edits, no delete), its comment box does not.
  await app.goToSection('Deadlines');
  const deadlines = new DeadlinesPage(page);
  await expect(page.getByRole('button', { name: 'Add deadline', exact: true })).toHaveCount(0);
  await deadlines.open('Written response to the Bureau');
  for (const label of ['Title', 'Status', 'Owner', 'Due date', 'Notes']) await expect(deadlines.panelField(label)).toBeDisabled();
  await expect(deadlines.panel.getByRole('button', { name: 'Delete deadline' })).toHaveCount(0);
  const deadlineComments = deadlines.panel.getByRole('region', { name: 'Review comments on this deadline' });
  await expect(deadlineComments).toContainText('No comments yet.');
  await deadlineComments.getByLabel('Add a comment').fill('Is the response counted in business days?');
  await deadlineComments.getByRole('button', { name: 'Add comment' }).click();
  await expect(deadlineComments.getByRole('listitem')).toContainText('Is the response counted in business days?');
  await expect(deadlineComments.getByRole('listitem')).toContainText('Dana Whitfield');
  await deadlineComments.getByRole('listitem').getByRole('button', { name: 'Resolve' }).click();
  await expect(deadlineComments.getByRole('listitem')).toContainText('resolved by Dana Whitfield');
  await expect(deadlineComments.getByRole('listitem').getByRole('button', { name: 'Reopen' })).toBeVisible();
  await app.screenshot('review-deadline-dark');
  await expectNoSeriousViolations(page, 'review mode, deadline panel (dark)');
  await app.setTheme('Light');
  await app.screenshot('review-deadline-light');
  await expectNoSeriousViolations(page, 'review mode, deadline panel (light)');

  await app.sidebar.getByRole('button', { name: 'Close Order sent for review' }).click();
  await expect(app.library.heading).toBeVisible();
  expect(sha256(info.path)).toBe(before);
  for (const suffix of ['-wal', '-shm', '-journal']) expect(fs.existsSync(info.path + suffix)).toBe(false);

  // The comment is still there when the case is opened for review again.
  await app.library.startOpen();
  await app.openDialog.openByPath('sent-by-counsel.parley', { review: true });
  await expect(page.getByRole('region', { name: 'Review comments on this directive' }).getByRole('listitem')).toContainText('The received-on date is missing');
});
