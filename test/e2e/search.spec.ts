// The search palette (Ctrl+K) and a record's history: find a word in this case and in other cases, jump to the
// record's section with the record in the address, and read who changed the directive, and how.
import { expectNoSeriousViolations } from './pages/axe-check.js';
import { Palette } from './pages/palette.js';
import type { ParleyApp } from './pages/parley-app.js';
import { expect, test } from './support/fixtures.js';

// The sample case is large and the machines that run this are slow: give each test room.
test.describe.configure({ timeout: 120_000 });
import { callThrough, E2E_ACTOR } from './support/harness.js';
import { createCaseFile, ORDER_TITLE } from './support/cases.js';

async function openSample(app: ParleyApp): Promise<string> {
  await app.page.getByRole('button', { name: 'Open the sample case' }).click();
  await expect(app.overview.saveSummary).toBeVisible({ timeout: 20_000 });
  return /#\/case\/([^/]+)\//.exec(app.page.url())![1]!;
}

test('Ctrl+K finds a word of the meeting and its notes with the words highlighted, and Enter lands on the meeting', async ({ app, harness, page }) => {
  const caseId = await openSample(app);
  const palette = new Palette(page);
  await palette.open();
  await palette.search('carve');

  const hits = await callThrough(harness, 'case.search', { caseId, query: 'carve' });
  const meeting = hits.find((h) => h.kind === 'meeting')!;
  expect(meeting).toBeTruthy();
  const option = palette.group('This case').getByRole('option').filter({ hasText: meeting.title });
  await expect(option).toContainText('Meeting');
  await expect(option.locator('mark').first()).toHaveText(/^carve/i);
  await app.screenshot('search-palette');

  await palette.moveTo(option);
  await expect(palette.field).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id'))!);
  await page.keyboard.press('Enter');
  await expect(palette.dialog).toBeHidden();
  // The address names the note whose text matched best, if it was one: the meeting opens, the note marked.
  await expect(page).toHaveURL(new RegExp(`#/case/${caseId}/meetings/${meeting.matchedIn?.id ?? meeting.id}$`));
  await expect(app.sidebar.getByRole('link', { name: 'Meetings', exact: true })).toHaveAttribute('aria-current', 'page');

  // The address with a record survives a reload and still names the section.
  await page.reload();
  await expect(app.sidebar.getByRole('link', { name: 'Meetings', exact: true })).toHaveAttribute('aria-current', 'page');
});

test('the palette finds a record in another case, opens that case and lands on the record; text is never markup', async ({ app, harness, page }) => {
  const other = await createCaseFile(harness, 'zebrafish.parley', 'Zebrafish <b>export</b> licence order');
  await callThrough(harness, 'case.close', { caseId: other.caseId });
  await openSample(app);
  const palette = new Palette(page);
  await palette.open();
  await palette.search('zebrafish');
  const option = palette.group('Other cases').getByRole('option').first();
  await expect(option).toContainText('in Zebrafish <b>export</b> licence order');
  await expect(option.locator('mark')).toHaveText(['Zebrafish']);
  await expect(option.locator('b')).toHaveCount(0);
  await expect(palette.group('This case')).toHaveCount(0);
  await app.screenshot('search-other-case');

  await page.keyboard.press('Enter');
  await expect(app.heading).toHaveText('Zebrafish <b>export</b> licence order');
  const directive = await callThrough(harness, 'directive.get', { caseId: other.caseId });
  await expect(page).toHaveURL(new RegExp(`#/case/${other.caseId}/overview/${directive.id}$`));
});

test('the palette runs commands, says when nothing is found, and Escape gives focus back', async ({ app, page }) => {
  await openSample(app);
  const palette = new Palette(page);
  const button = page.getByRole('button', { name: 'Search…' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(palette.dialog).toBeVisible();
  await expect(palette.field).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(palette.dialog).toBeHidden();
  await expect(button).toBeFocused();

  await palette.open();
  await palette.search('qwertyuiop');
  await expect(palette.status).toHaveText('Nothing found for “qwertyuiop”.');
  await palette.field.fill('go to neg');
  await expect(palette.group('Commands').getByRole('option')).toHaveText([/Go to Negotiation/]);
  await page.keyboard.press('Enter');
  await expect(app.sidebar.getByRole('link', { name: 'Negotiation', exact: true })).toHaveAttribute('aria-current', 'page');

  await palette.open();
  await palette.field.fill('theme');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark'); // from the (light) system theme

  await palette.open();
  await palette.field.fill('library');
  await page.keyboard.press('Enter');
  await expect(app.library.heading).toBeVisible();
});

test('the directive\'s history shows each change: who, when, the reason, and the field before and after', async ({ app, harness, page }) => {
  const info = await createCaseFile(harness, 'history.parley', ORDER_TITLE);
  await callThrough(harness, 'directive.update', { caseId: info.caseId, changes: { referenceNumber: 'BIC-2026-17' }, reason: 'Reference from the Bureau\'s cover letter' });
  await page.reload();
  await app.library.openCase(ORDER_TITLE);
  await expect(app.heading).toHaveText(ORDER_TITLE);

  await app.overview.field('Title').fill('Suspension order (amended)');
  await expect(app.overview.saveStateOf('Title')).toHaveText('Saved');
  const longSummary = `The Bureau's order suspends access for foreign nationals. ${'It names the model family and every later version. '.repeat(4)}End of summary.`;
  await app.overview.field('Summary').fill(longSummary);
  await expect(app.overview.saveStateOf('Summary')).toHaveText('Saved');

  const panel = page.getByRole('region', { name: 'History of the directive' });
  await panel.getByText('History of the directive').click();
  const entries = panel.getByRole('list', { name: 'Changes, newest first' }).getByRole('listitem');
  await expect(entries).toHaveCount(4);
  await expect(entries.nth(0)).toContainText(`Updated by ${E2E_ACTOR}`);
  await expect(entries.nth(0)).toContainText('Summary');
  await expect(entries.nth(1)).toContainText('Title');
  await expect(entries.nth(1).locator('.history__value--before')).toHaveText(ORDER_TITLE);
  await expect(entries.nth(1).locator('.history__value--after')).toHaveText('Suspension order (amended)');
  await expect(entries.nth(2)).toContainText('Reason: “Reference from the Bureau\'s cover letter”');
  await expect(entries.nth(2).locator('.history__value--before')).toHaveText('(empty)');
  await expect(entries.nth(2).locator('.history__value--after')).toHaveText('BIC-2026-17');
  await expect(entries.nth(3)).toContainText('Created');

  // Long text is shortened until asked for.
  const after = entries.nth(0).locator('.history__value--after');
  await expect(after).not.toContainText('End of summary.');
  const more = after.getByRole('button', { name: 'Show all' });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(after).toContainText('End of summary.');
  await expect(after.getByRole('button', { name: 'Show less' })).toHaveAttribute('aria-expanded', 'true');
  await panel.scrollIntoViewIfNeeded();
  await expectNoSeriousViolations(page, 'the directive history');
  await app.screenshot('search-history');
});
