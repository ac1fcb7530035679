// Notifications and the daily digest in the app: quiet hours and the digest's time in Settings (saved to the profile),
// and the dashboard's Today panel listing what falls due across cases, each entry opening its case.
import { expectNoSeriousViolations } from './pages/axe-check.js';
import { SettingsPage } from './pages/settings-page.js';
import { expect, test } from './support/fixtures.js';
import { callThrough } from './support/harness.js';
import { createCaseFile, isoDaysFromToday } from './support/cases.js';

test('quiet hours are off and the digest at 08:00 until the user changes them in Settings', async ({ app, harness, page }) => {
  const settings = new SettingsPage(page);
  await settings.openWithKeyboard();
  const quiet = settings.screen.getByRole('group', { name: /^Quiet hours/ });
  const digest = settings.screen.getByRole('group', { name: /^Daily digest/ });
  await expect(quiet.getByRole('checkbox', { name: 'Keep quiet every day' })).not.toBeChecked();
  await expect(digest.getByRole('checkbox', { name: 'Show the daily digest as a notification' })).toBeChecked();
  await expect(digest.getByLabel('At', { exact: true })).toHaveValue('08:00');

  await quiet.getByRole('checkbox', { name: 'Keep quiet every day' }).check();
  await expect(quiet.getByLabel('From', { exact: true })).toHaveValue('20:00');
  await expect(quiet.getByLabel('to', { exact: true })).toHaveValue('07:00');
  await quiet.getByLabel('From', { exact: true }).fill('21:30');
  await expect(quiet.locator('.save-state')).toHaveText('Saved');
  await digest.getByLabel('At', { exact: true }).fill('07:45');
  await expect(digest.locator('.save-state')).toHaveText('Saved');
  expect((await callThrough(harness, 'profile.get', {})).settings).toMatchObject({ quietHours: { from: '21:30', to: '07:00' }, digestAt: '07:45' });

  // The same time at both ends is refused in words, and nothing else is lost.
  await quiet.getByLabel('to', { exact: true }).fill('21:30');
  await expect(quiet.getByRole('alert')).toHaveText('Not saved: the quiet hours must start and end at different times.');
  expect((await callThrough(harness, 'profile.get', {})).settings.quietHours).toEqual({ from: '21:30', to: '07:00' });
  await app.screenshot('settings-notifications');

  await digest.getByRole('checkbox', { name: 'Show the daily digest as a notification' }).uncheck();
  await expect(digest.getByLabel('At', { exact: true })).toHaveCount(0);
  await expect.poll(async () => (await callThrough(harness, 'profile.get', {})).settings.digestAt).toBeNull();
});

test('the Today panel on the dashboard lists what falls due across cases, and opens each case', async ({ app, harness, page }) => {
  const talks = await createCaseFile(harness, 'talks.parley', 'Data localisation talks');
  const order = await createCaseFile(harness, 'order.parley', 'Model-access suspension order');
  await callThrough(harness, 'deadline.create', { caseId: talks.caseId, fields: { title: 'Written reply to the ministry', deadlineKind: 'response', status: 'open', dueType: 'date', dueDate: isoDaysFromToday(-1) } });
  await callThrough(harness, 'deadline.create', { caseId: order.caseId, fields: { title: 'Compliance plan', deadlineKind: 'compliance', status: 'open', dueType: 'date', dueDate: isoDaysFromToday(2) } });
  await callThrough(harness, 'deadline.create', { caseId: order.caseId, fields: { title: 'Hearing next month', deadlineKind: 'response', status: 'open', dueType: 'date', dueDate: isoDaysFromToday(30) } });
  await callThrough(harness, 'actionItem.create', { caseId: talks.caseId, fields: { title: 'Call the ministry', status: 'open', dueDate: isoDaysFromToday(0) } });
  await page.reload();

  const today = page.getByRole('region', { name: /^Today/ });
  await expect(today.getByRole('heading', { name: 'Deadlines overdue or in the next 3 days' })).toBeVisible();
  await expect(today.getByRole('button', { name: /Written reply to the ministry/ })).toBeVisible();
  await expect(today.getByRole('button', { name: /Compliance plan/ })).toBeVisible();
  await expect(today.getByText('Hearing next month')).toHaveCount(0);
  await expect(today.getByRole('heading', { name: 'Action items due' })).toBeVisible();
  await expect(today.getByRole('button', { name: /Call the ministry/ })).toBeVisible();
  await expect(today.locator('.today-digest__summary')).toContainText('2 deadlines overdue or in the next 3 days, 1 action item due.');
  await app.screenshot('today-digest');
  await app.guideScreenshot('digest');

  await today.getByRole('button', { name: /Compliance plan/ }).click();
  await expect(page.getByRole('heading', { name: 'Deadlines', level: 1 })).toBeVisible();
  await expect(page.locator('#main').getByText('Compliance plan').first()).toBeVisible();
});

for (const theme of ['Light', 'Dark'] as const) {
  test(`the Today panel and the notification settings pass axe in the ${theme.toLowerCase()} theme`, async ({ app, harness, page }) => {
    test.setTimeout(90_000); // axe runs twice
    const { caseId } = await createCaseFile(harness, 'talks.parley', 'Data localisation talks');
    await callThrough(harness, 'deadline.create', { caseId, fields: { title: 'Written reply', deadlineKind: 'response', status: 'open', dueType: 'date', dueDate: isoDaysFromToday(1) } });
    await page.reload();
    await app.setTheme(theme);
    await expect(page.getByRole('region', { name: /^Today/ }).getByRole('button', { name: /Written reply/ })).toBeVisible();
    await expectNoSeriousViolations(page, `library with the Today panel (${theme.toLowerCase()})`);
    await app.screenshot(`today-digest-${theme.toLowerCase()}`);
    const settings = new SettingsPage(page);
    await settings.openWithKeyboard();
    await settings.screen.getByRole('checkbox', { name: 'Keep quiet every day' }).check();
    await expect(settings.screen.getByLabel('From', { exact: true })).toBeVisible();
    await expectNoSeriousViolations(page, `notification settings (${theme.toLowerCase()})`);
    await app.screenshot(`settings-notifications-${theme.toLowerCase()}`);
  });
}
