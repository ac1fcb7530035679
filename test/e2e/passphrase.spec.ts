// Encrypted cases in the app: a new case encrypted with a passphrase typed twice (with a strength hint); opening it
// from the library asks for the passphrase in a modal, says clearly when it is wrong and lets the user retry;
// unlocking the app asks again. axe on the modal in both themes.
import fs from 'node:fs';
import path from 'node:path';
import { expectNoSeriousViolations } from './pages/axe-check.js';
import { PassphraseDialog } from './pages/passphrase-dialog.js';
import { expect, test } from './support/fixtures.js';
import { callThrough } from './support/harness.js';

const PASSPHRASE = 'copper lantern orchard violet';

test('an encrypted case is created, opened with its passphrase after a wrong one, and asks again after the app locks', async ({ app, harness, page }) => {
  test.setTimeout(150_000); // axe runs twice
  await app.library.startNewCase();
  await app.newCase.fill({ Title: 'Sealed export order' });
  await page.getByLabel('Encrypt with a passphrase').check();
  const form = app.newCase.form;
  await form.getByLabel('Passphrase', { exact: true }).fill('short');
  await expect(form.getByText('Too short: at least 8 characters.')).toBeVisible();
  await form.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await expect(form.getByText('Strong.')).toBeVisible();
  await form.getByLabel('Passphrase again').fill(`${PASSPHRASE}!`);
  await form.getByRole('button', { name: 'Create case' }).click();
  await expect(form.getByText('The two passphrases differ')).toBeVisible();
  await app.screenshot('new-case-encrypted');
  await form.getByLabel('Passphrase again').fill(PASSPHRASE);
  await form.getByRole('button', { name: 'Create case' }).click();
  await expect(app.heading).toHaveText('Sealed export order');
  const file = path.join(harness.casesDir, 'sealed-export-order.parley');
  expect(fs.readFileSync(file).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');

  await app.sidebar.getByRole('button', { name: 'Close Sealed export order' }).click();
  const row = page.getByRole('row', { name: /sealed-export-order\.parley/ });
  await expect(row).toContainText('Encrypted');
  await row.getByRole('button', { name: 'sealed-export-order.parley', exact: true }).click();
  const prompt = new PassphraseDialog(page);
  await expect(prompt.dialog).toContainText('sealed-export-order.parley is encrypted');
  await expect(prompt.dialog.getByLabel('Remember on this device')).toBeDisabled();
  await expect(prompt.dialog).toContainText('Not available here');
  await prompt.enter('not the passphrase');
  await expect(prompt.error).toContainText('could not be opened with that passphrase');
  await expect(prompt.dialog.getByLabel('Passphrase', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await app.screenshot('passphrase-wrong-light');
  await expectNoSeriousViolations(page, 'the passphrase dialog (light)');
  await prompt.enter(PASSPHRASE);
  await expect(app.heading).toHaveText('Sealed export order');
  expect((await callThrough(harness, 'case.listOpen', {}))[0]).toMatchObject({ path: file, encrypted: true });

  // Locking closes it; unlocking asks for the passphrase again, and cancelling leaves it closed.
  await app.setTheme('Dark');
  await page.getByRole('button', { name: /Lock Parley/ }).click();
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(prompt.dialog).toBeVisible();
  await app.screenshot('passphrase-dark');
  await expectNoSeriousViolations(page, 'the passphrase dialog (dark)');
  await prompt.cancel();
  expect(await callThrough(harness, 'case.listOpen', {})).toEqual([]);
});
