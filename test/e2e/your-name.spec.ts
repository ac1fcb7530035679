// Who the user is: a new user is asked "Who are you?" on the library (a card, not a dialog: the app works around
// it), sets their name, and finds it on their changes in a record's history and the case's recent changes; the name
// is changed later from the sidebar or the palette, and the next change carries the new one.
import { expectNoSeriousViolations } from './pages/axe-check.js';
import { Palette } from './pages/palette.js';
import { ParleyApp } from './pages/parley-app.js';
import { YourName } from './pages/your-name.js';
import { createCaseFile, ORDER_TITLE } from './support/cases.js';
import { expect, test } from './support/fixtures.js';
import { callThrough, NEW_USER_ACCOUNT } from './support/harness.js';

test.use({ newUser: true });
test.describe.configure({ timeout: 90_000 });

test('a new user is asked who they are, and their name is on their changes from then on', async ({ app, harness, page, restartHarness }) => {
  const you = new YourName(page);
  await expect(you.card).toBeVisible();
  // Until then, changes are written under the account's name, and the card says so; it suggests that name.
  await expect(you.card).toContainText(`Until you set it, changes are written as ${NEW_USER_ACCOUNT}.`);
  await expect(you.nameIn(you.card)).toHaveValue(NEW_USER_ACCOUNT);
  await expect(you.sidebar).toContainText(NEW_USER_ACCOUNT);
  await expect(you.sidebar).toContainText('your account’s name, until you set yours');
  // Nothing waits for it: the library works around it.
  await expect(app.library.emptyState).toBeVisible();
  await expect(page.getByRole('button', { name: 'New case' })).toBeEnabled();
  await expectNoSeriousViolations(page, 'the library asking who you are');
  await app.screenshot('your-name-asked');

  // An empty name is refused beside the field, and the keyboard goes there.
  await you.nameIn(you.card).fill('  ');
  await you.card.getByRole('button', { name: 'Save my name' }).click();
  await expect(you.card.getByRole('alert')).toHaveText('Your name was not saved: correct the field marked below.');
  await expect(you.card).toContainText('Give a name: it cannot be empty');
  await expect(you.nameIn(you.card)).toBeFocused();
  await expect(you.nameIn(you.card)).toHaveAttribute('aria-invalid', 'true');

  // Typed with the keyboard alone; the initials are made from the name when left empty.
  await you.nameIn(you.card).fill('Dana Whitfield');
  await expect(you.initialsIn(you.card)).toHaveAttribute('placeholder', 'DW');
  await you.nameIn(you.card).press('Enter');
  await expect(you.saved).toContainText('Your changes are now written as Dana Whitfield.');
  await expect(you.saved).toBeFocused();
  await expect(you.card).toHaveCount(0);
  await expect(you.sidebar).toContainText('DW');
  await expect(you.sidebar).toContainText('Dana Whitfield');
  await expect(you.sidebar).not.toContainText('until you set yours');
  await app.screenshot('your-name-saved');

  // A case made now, and a change to it in the app, carry that name.
  await createCaseFile(harness, 'your-name.parley');
  await page.reload();
  await expect(you.card).toHaveCount(0);
  await app.library.openCase(ORDER_TITLE);
  await expect(app.heading).toHaveText(ORDER_TITLE);
  await app.overview.field('Reference number').fill('BIS-2026-0412');
  await expect(app.overview.saveStateOf('Reference number')).toHaveText('Saved');

  const history = page.getByRole('region', { name: 'History of the directive' });
  await history.getByText('History of the directive').click();
  const entries = history.getByRole('list', { name: 'Changes, newest first' }).getByRole('listitem');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText('Updated by Dana Whitfield');
  await expect(entries.nth(1)).toContainText('Created by Dana Whitfield');

  // Changed later from the palette: the next change carries the new name; the earlier ones keep theirs.
  const palette = new Palette(page);
  await palette.open();
  await palette.field.fill('your name');
  await palette.group('Commands').getByRole('option', { name: /Change your name/ }).click();
  await expect(you.dialog).toBeVisible();
  await expect(you.nameIn(you.dialog)).toHaveValue('Dana Whitfield');
  await expect(you.nameIn(you.dialog)).toBeFocused();
  await you.nameIn(you.dialog).fill('Dana Whitfield-Moore');
  await you.initialsIn(you.dialog).fill('DWM');
  await expectNoSeriousViolations(page, 'the Your name dialog');
  await app.screenshot('your-name-dialog');
  await you.dialog.getByRole('button', { name: 'Save' }).click();
  await expect(you.dialog).toBeHidden();
  await expect(you.sidebar).toContainText('DWM');
  await expect(you.sidebar).toContainText('Dana Whitfield-Moore');

  await app.overview.field('Issuing authority').fill('Bureau of Industry and Security');
  await expect(app.overview.saveStateOf('Issuing authority')).toHaveText('Saved');
  await expect(entries).toHaveCount(3);
  await expect(entries.nth(0)).toContainText('Updated by Dana Whitfield-Moore');
  await expect(entries.nth(1)).toContainText('Updated by Dana Whitfield');
  await expect(entries.nth(1)).not.toContainText('Moore');
  await page.reload();
  await expect(app.overview.recentChanges.getByRole('listitem').first()).toContainText('Dana Whitfield-Moore');
  await history.getByText('History of the directive').click();
  await expect(entries).toHaveCount(3);
  await expectNoSeriousViolations(page, 'the overview with the history open');
  await app.screenshot('your-name-history');
  expect((await callThrough(harness, 'profile.get', {})).profile).toEqual({ displayName: 'Dana Whitfield-Moore', initials: 'DWM', initialsDerived: false });

  // Kept in the data folder: after a restart nobody is asked again.
  const restarted = await restartHarness();
  const again = new ParleyApp(page);
  await again.start(restarted);
  await expect(you.sidebar).toContainText('Dana Whitfield-Moore');
  await expect(you.card).toHaveCount(0);
});

test('"Not now" puts the question off, and the name can be set from the sidebar instead', async ({ app, page }) => {
  const you = new YourName(page);
  await expect(app.library.heading).toBeVisible();
  await app.setTheme('Dark');
  await expect(you.card).toBeVisible();
  await expectNoSeriousViolations(page, 'the library asking who you are, dark theme');
  await you.card.getByRole('button', { name: 'Not now' }).click();
  await expect(app.library.heading).toBeFocused();
  await expect(you.card).toHaveCount(0);
  await you.openDialogFromSidebar();
  await expect(you.dialog).toBeVisible();
  await you.nameIn(you.dialog).fill('Dana Whitfield');
  await you.initialsIn(you.dialog).fill('D W');
  await you.dialog.getByRole('button', { name: 'Save' }).click();
  await expect(you.dialog).toContainText('Must not contain spaces or control characters');
  await expect(you.initialsIn(you.dialog)).toBeFocused();
  // Escape leaves it as it was.
  await page.keyboard.press('Escape');
  await expect(you.dialog).toBeHidden();
  await expect(you.sidebar).toContainText(NEW_USER_ACCOUNT);
  await you.openDialogFromSidebar();
  await you.nameIn(you.dialog).fill('Dana Whitfield');
  await you.nameIn(you.dialog).press('Enter');
  await expect(you.dialog).toBeHidden();
  await expect(you.sidebar).toContainText('Dana Whitfield');
  await expect(page.getByRole('button', { name: 'Your name…' })).toBeFocused();
});
