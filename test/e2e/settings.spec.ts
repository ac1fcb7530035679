// Settings: the name changes are written under (the next audit entry carries the new one), the default time zone a
// new timed deadline starts in, the date format dates are shown in, each saved as it changes; the time-zone picker
// driven by the keyboard; a due date typed on a weekend warned of, with the nearest business days to choose from;
// axe on Settings in both themes.
import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './pages/axe-check.js';
import { DeadlinesPage } from './pages/deadlines-page.js';
import { MeetingsPage } from './pages/meetings-page.js';
import { SettingsPage } from './pages/settings-page.js';
import { createCaseFile, ORDER_TITLE } from './support/cases.js';
import { expect as baseExpect, test } from './support/fixtures.js';
import { callThrough } from './support/harness.js';

const expect = baseExpect.configure({ timeout: 20_000 });
// No name given for the run (the harness's --as would win over the profile's).
test.use({ newUser: true });
test.describe.configure({ timeout: 180_000 });

async function openTheCase(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Library and cases' }).getByRole('link', { name: ORDER_TITLE }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ORDER_TITLE);
}

test('the name, default time zone and date format set in Settings are the ones used next', async ({ app, harness, page }) => {
  await createCaseFile(harness, 'settings.parley');
  await page.reload();
  await app.library.openCase(ORDER_TITLE);

  const settings = new SettingsPage(page);
  await settings.openWithKeyboard();
  await expect(page.getByRole('link', { name: /^Settings/ })).toHaveAttribute('aria-current', 'page');

  // The name: saved with its button, said so beside it.
  await settings.field('Your name').fill('Rosa Delgado');
  await settings.screen.getByRole('button', { name: 'Save name' }).click();
  await expect(settings.screen.locator('.form__actions .save-state')).toHaveText('Saved');
  await expect(page.locator('.identity')).toContainText('Rosa Delgado');

  // The default time zone, found by typing part of the city and picked with the keyboard.
  await settings.zonePicker.click();
  await expect(settings.zoneList).toBeVisible();
  await settings.zonePicker.fill('tokyo');
  const tokyo = settings.zoneList.getByRole('option', { name: /Tokyo/ });
  await expect(tokyo).toHaveText(/Tokyo\s*Asia\s*UTC\+09:00/);
  await expect(settings.zonePicker).toHaveAttribute('aria-expanded', 'true');
  await settings.zonePicker.fill('ko');
  await expect(settings.zoneList.getByRole('option').first()).toBeVisible();
  await settings.zonePicker.press('ArrowDown');
  await expect(settings.zonePicker).toHaveAttribute('aria-activedescendant', /option-1$/);
  await settings.zonePicker.fill('tokyo');
  await expect(tokyo).toHaveAttribute('aria-selected', 'true');
  await app.screenshot('settings-time-zone-picker-open');
  await settings.zonePicker.press('Enter');
  await expect(settings.zoneList).toBeHidden();
  await expect(settings.zonePicker).toHaveValue('Asia/Tokyo');
  await expect(settings.saveStateOf('Default time zone')).toHaveText('Saved');
  // Esc closes the list and only the list.
  await settings.zonePicker.press('ArrowDown');
  await expect(settings.zoneList).toBeVisible();
  await settings.zonePicker.press('Escape');
  await expect(settings.zoneList).toBeHidden();
  await expect(settings.heading).toBeVisible();

  // The date format.
  await settings.field('Date format').selectOption({ label: '07/12/2026 (day first)' });
  await expect(settings.saveStateOf('Date format')).toHaveText('Saved');
  expect((await callThrough(harness, 'profile.get', {})).settings).toMatchObject({ timeZone: 'Asia/Tokyo', dateFormat: 'dd/MM/yyyy' });

  await expectNoSeriousViolations(page, 'Settings (light)');
  await app.screenshot('settings-light');
  await settings.setTheme('Dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // The sidebar's chooser is the same setting.
  await expect(page.locator('aside.sidebar').getByRole('group', { name: 'Theme' }).getByLabel('Dark')).toBeChecked();
  await expectNoSeriousViolations(page, 'Settings (dark)');
  await app.screenshot('settings-dark');
  await settings.zonePicker.click();
  await settings.zonePicker.fill('new');
  await app.screenshot('settings-time-zone-picker-dark');
  await settings.zonePicker.press('Escape');
  await settings.setTheme('Light');

  // A change in the case now: its audit entry carries the new name.
  await openTheCase(page);
  await app.overview.field('Issuing authority').fill('Bureau of Industry and Security');
  await expect(app.overview.saveStateOf('Issuing authority')).toHaveText('Saved');
  await expect(app.overview.recentChanges.getByRole('listitem').first()).toContainText('Rosa Delgado');

  // A field with a maximum length (a reference number takes 200 characters) counts once the text nears it.
  const reference = app.overview.field('Reference number');
  await reference.fill('R'.repeat(150));
  await expect(page.getByText(/of 200 characters/)).toHaveCount(0);
  await reference.fill('R'.repeat(170));
  await expect(reference).toHaveAccessibleDescription(/170 of 200 characters/);
  await reference.fill('BIS-2026-0412');
  await expect(page.getByText(/of 200 characters/)).toHaveCount(0);

  // A new timed deadline starts in the default zone; a due date typed on a Saturday is warned of, and the
  // business day after it chosen with one click; dates show in the chosen format.
  await app.goToSection('Deadlines');
  const dl = new DeadlinesPage(page);
  await dl.startAdding();
  await dl.formField('Title').fill('Written response to the Bureau');
  await dl.dueType('At a date and time').check();
  await expect(dl.form.getByRole('combobox', { name: /Time zone/ })).toHaveValue('Asia/Tokyo');
  await dl.formField('Due date').fill('2027-03-20');
  const warning = dl.form.getByRole('group', { name: 'Not a business day' });
  await expect(warning).toContainText('20/03/2027 is a Saturday, not a business day.');
  await expect(warning.getByRole('button', { name: 'Before: Friday 19/03/2027' })).toBeVisible();
  await app.screenshot('settings-weekend-warning');
  await expectNoSeriousViolations(page, 'the new deadline form with a weekend warning');
  await warning.getByRole('button', { name: 'After: Monday 22/03/2027' }).click();
  await expect(dl.formField('Due date')).toHaveValue('2027-03-22');
  await expect(warning).toBeHidden();
  await dl.form.getByRole('button', { name: 'Add deadline' }).click();
  await expect(dl.row('Written response to the Bureau')).toContainText('22/03/2027');
  await expect(dl.row('Written response to the Bureau')).toContainText('Asia/Tokyo');

  // A meeting logged with a start time is in the default zone too, shown in the meeting's picker.
  await app.goToSection('Meetings');
  const meetings = new MeetingsPage(page);
  await meetings.logMeeting({ title: 'Call with the Bureau', date: '2027-03-23', time: '09:30' });
  await expect(meetings.detail.getByRole('combobox', { name: /Time zone/ })).toHaveValue('Asia/Tokyo');
});
