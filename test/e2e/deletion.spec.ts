// Deleting with care, Recently deleted, and undo across screens: an issue with a history is deleted only after the
// question says what goes with it, is listed in Recently deleted, and comes back with its history and links; Ctrl+Z
// undoes the case's last change wherever the user is, and inside a text field stays the field's own. Axe in both
// themes on Recently deleted.
import { expectNoSeriousViolations } from './pages/axe-check.js';
import { NegotiationPage, PrecedentsPage } from './pages/negotiation-page.js';
import { Palette } from './pages/palette.js';
import { createCaseFile } from './support/cases.js';
import { expect, test } from './support/fixtures.js';
import { callThrough, type Harness } from './support/harness.js';

test.describe.configure({ timeout: 120_000 });

/** A case with the issue “Scope” (four positions stated over time) linked from two precedents, open on a section. */
async function caseWithScope(harness: Harness, page: import('@playwright/test').Page, section: string) {
  const { caseId } = await createCaseFile(harness, 'order.parley');
  const issue = await callThrough(harness, 'issue.create', { caseId, fields: { title: 'Scope', priority: 'high', status: 'open', theirPosition: 'All exports' } });
  for (const theirPosition of ['Dual-use only', 'Dual-use, listed items', 'Listed items only']) {
    await callThrough(harness, 'issue.update', { caseId, id: issue.id, changes: { theirPosition } });
  }
  for (const title of ['The 2019 suspension order', 'Halden Robotics v. Bureau']) {
    const precedent = await callThrough(harness, 'precedent.create', { caseId, fields: { title, precedentType: 'court_decision' } });
    await callThrough(harness, 'link.create', { caseId, fields: { fromKind: 'precedent', fromId: precedent.id, linkType: 'supports', toKind: 'issue', toId: issue.id } });
  }
  await page.evaluate(([id, s]) => (window.location.hash = `#/case/${id}/${s}`), [caseId, section]);
  await page.reload(); // the renderer learns of the case the harness opened
  return { caseId, issueId: issue.id };
}

test('an issue with a history is deleted after saying what goes with it, and Recently deleted brings it back with its history and links', async ({ app, page, harness }) => {
  const { caseId, issueId } = await caseWithScope(harness, page, 'negotiation');
  await expect(app.heading).toHaveText('Negotiation');
  const neg = new NegotiationPage(page);
  await neg.add('Reporting duties'); // a second row, for the focus to move to
  await neg.open('Scope');
  await neg.panel.root.getByRole('button', { name: 'Delete this issue' }).click();
  const question = neg.deleteQuestion;
  await expect(question).toContainText('Delete the issue “Scope”? Its 4 position changes and 2 links go with it; you can restore it from Recently deleted.');
  await expect(question.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await app.screenshot('deletion-question');
  await app.guideScreenshot('deletion-question');
  await question.getByRole('button', { name: 'Delete' }).click();
  await expect(neg.row('Scope')).toHaveCount(0);
  await expect(neg.undoNotice).toContainText('Issue “Scope” deleted.');
  // The focus went to the next row, not to the page.
  await expect(neg.row('Reporting duties').getByRole('button', { name: 'Reporting duties' })).toBeFocused();

  // A precedent it was linked from shows the link with the issue marked deleted, and no stranger.
  await app.goToSection('Precedents');
  const pre = new PrecedentsPage(page);
  const panel = await pre.open('The 2019 suspension order');
  const links = panel.links.getByRole('list', { name: 'Links from this record' });
  await expect(links).toContainText('“Scope” (deleted)');
  await expect(links.getByRole('button', { name: 'Restore issue “Scope”' })).toBeVisible();
  await expect(panel.links).not.toContainText('A record no longer here');
  // The notice belongs to the case: it is still there on this screen.
  await expect(pre.undoNotice).toContainText('Issue “Scope” deleted.');

  await app.goToSection('Recently deleted');
  await expect(app.heading).toHaveText('Recently deleted');
  const table = page.getByRole('table', { name: 'Deleted records' });
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Scope' }) });
  await expect(row).toContainText('Issue');
  await expect(row).toContainText('4 position changes and 2 links');
  await expect(row).toContainText('Dana Whitfield');
  await app.screenshot('recently-deleted');
  await app.guideScreenshot('recently-deleted');
  await row.getByRole('button', { name: 'Restore the issue “Scope”' }).click();
  await expect(page.getByText('Nothing has been deleted in this case.')).toBeVisible();
  await expect(app.heading).toBeFocused(); // the list is empty: the focus goes to the heading

  await app.goToSection('Negotiation');
  await neg.open('Scope');
  await expect(neg.history.getByRole('listitem')).toHaveCount(4);
  expect(await callThrough(harness, 'positionChange.list', { caseId, filter: { issueId } })).toHaveLength(4);
  await app.goToSection('Precedents');
  await pre.open('Halden Robotics v. Bureau');
  await expect(pre.panel.links.getByRole('list', { name: 'Links from this record' }).getByRole('button', { name: 'Scope', exact: true })).toBeVisible();
});

test('a deleted record is purged for good after asking, and the audit trail keeps that it was', async ({ app, page, harness }) => {
  const { caseId } = await caseWithScope(harness, page, 'deleted');
  const rumour = await callThrough(harness, 'watchItem.create', { caseId, fields: { title: 'An old rumour', status: 'watching' } });
  await callThrough(harness, 'watchItem.delete', { caseId, id: rumour.id });
  await page.reload();
  await expect(app.heading).toHaveText('Recently deleted');
  const row = page.getByRole('table', { name: 'Deleted records' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'An old rumour' }) });
  await row.getByRole('button', { name: 'Purge the watch item “An old rumour” for good' }).click();
  const question = page.getByRole('dialog', { name: 'Purge for good?' });
  await expect(question).toContainText('It is removed from this case file for good and cannot be restored or undone');
  await question.getByRole('button', { name: 'Purge for good' }).click();
  await expect(page.getByText('Nothing has been deleted in this case.')).toBeVisible();
  const trail = await callThrough(harness, 'record.history', { caseId, id: rumour.id });
  expect(trail.at(-1)).toMatchObject({ operation: 'purge', actor: 'Dana Whitfield', after: null });
});

test('Ctrl+Z undoes the last change from another screen, Ctrl+Shift+Z redoes it, and in a text field they stay the field’s', async ({ app, page, harness }) => {
  const { caseId, issueId } = await caseWithScope(harness, page, 'negotiation');
  const neg = new NegotiationPage(page);
  const panel = await neg.open('Scope');
  await panel.field('Title (required)').fill('Scope of the order');
  await panel.field('Priority').focus();
  await expect(panel.saveStateOf('Title (required)')).toHaveText('Saved');
  const title = async () => (await callThrough(harness, 'issue.get', { caseId, id: issueId })).title;

  // The palette names what Ctrl+Z would undo.
  const palette = new Palette(page);
  await palette.open();
  await palette.field.fill('undo');
  await expect(palette.group('Commands')).toContainText('Undo: editing the title of the issue “Scope”');
  await page.keyboard.press('Escape');

  await app.goToSection('Timeline');
  await expect(app.heading).toHaveText('Timeline');
  await page.keyboard.press('Control+Z');
  await expect(page.locator('#main > .undo-notice')).toContainText('Undone: editing the title of the issue “Scope”.');
  await expect.poll(title).toBe('Scope');
  const trail = await callThrough(harness, 'record.history', { caseId, id: issueId });
  expect(trail.at(-1)).toMatchObject({ operation: 'update', reason: 'Undo: editing the title of the issue “Scope”' });

  await page.keyboard.press('Control+Shift+Z');
  await expect(page.locator('#main > .undo-notice')).toContainText('Redone: editing the title of the issue “Scope”.');
  await expect.poll(title).toBe('Scope of the order');

  // In a text field Ctrl+Z is the field's own undo: the case is not touched.
  await app.goToSection('Precedents');
  const field = page.getByLabel('New precedent', { exact: true });
  await field.click();
  await page.keyboard.type('Halden');
  await page.keyboard.press('Control+Z');
  await expect(field).toHaveValue('');
  expect(await title()).toBe('Scope of the order');
  expect((await callThrough(harness, 'case.undoState', { caseId })).undo).toBe('editing the title of the issue “Scope”');
});

for (const theme of ['Light', 'Dark'] as const) {
  test(`Recently deleted and the delete question pass axe in the ${theme.toLowerCase()} theme`, async ({ app, page, harness }) => {
    const { caseId, issueId } = await caseWithScope(harness, page, 'negotiation');
    await app.setTheme(theme);
    const neg = new NegotiationPage(page);
    await neg.open('Scope');
    await neg.panel.root.getByRole('button', { name: 'Delete this issue' }).click();
    await expect(neg.deleteQuestion).toBeVisible();
    await expectNoSeriousViolations(page, `delete question (${theme.toLowerCase()})`);
    await neg.deleteQuestion.getByRole('button', { name: 'Delete' }).click();
    await expect(neg.row('Scope')).toHaveCount(0);
    await app.goToSection('Recently deleted');
    await expect(page.getByRole('table', { name: 'Deleted records' })).toContainText('Scope');
    await expectNoSeriousViolations(page, `Recently deleted (${theme.toLowerCase()})`);
    if (theme === 'Dark') await app.screenshot('recently-deleted-dark');
    expect((await callThrough(harness, 'case.deleted', { caseId })).map((d) => d.id)).toEqual([issueId]);
  });
}
