// Custody in the app: the certificate of a case opened for review (its SHA-256 is the file's as sent), copied; and
// export for transfer, which asks for a passphrase twice and a destination and shows the copy's certificate.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createCaseFile } from './support/cases.js';
import { expect, test } from './support/fixtures.js';
import { callThrough } from './support/harness.js';

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

test('the certificate shows the file as sent, and export for transfer writes an encrypted copy with its certificate', async ({ app, harness, page, context }) => {
  test.setTimeout(90_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const info = await createCaseFile(harness, 'custody.parley', 'Order under custody');
  await callThrough(harness, 'case.close', { caseId: info.caseId });
  const asSent = sha256(info.path);

  await app.library.startOpen();
  await app.openDialog.openByPath('custody.parley', { review: true });
  await expect(app.heading).toHaveText('Order under custody');
  await page.getByRole('button', { name: 'Show certificate' }).click();
  const certificate = page.getByRole('dialog', { name: 'Custody certificate' });
  await expect(certificate).toContainText(asSent);
  await expect(certificate).toContainText('Directive 1');
  await certificate.getByRole('button', { name: 'Copy certificate' }).click();
  await expect(certificate.getByRole('status')).toHaveText('Copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`SHA-256: ${asSent}`);
  await app.screenshot('custody-certificate');
  await certificate.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Export for transfer…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export for transfer' });
  await exportDialog.getByLabel('Save the copy as').fill('sent-to-counsel.parley');
  await exportDialog.getByLabel('Passphrase', { exact: true }).fill('four unrelated words here');
  await exportDialog.getByLabel('Passphrase again').fill('four unrelated words there');
  await expect(exportDialog.getByText('Strong.')).toBeVisible();
  await exportDialog.getByRole('button', { name: 'Export' }).click();
  await expect(exportDialog.getByRole('alert')).toContainText('The two passphrases differ');
  const target = path.join(harness.casesDir, 'sent-to-counsel.parley');
  expect(fs.existsSync(target)).toBe(false);
  await exportDialog.getByLabel('Passphrase again').fill('four unrelated words here');
  await exportDialog.getByRole('button', { name: 'Export' }).click();
  const done = page.getByRole('dialog', { name: 'Exported for transfer' });
  await expect(done).toBeVisible();
  await expect(done).toContainText(sha256(target));
  await expect(done).toContainText('Encrypted');
  expect(fs.readFileSync(target).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
  expect(JSON.parse(fs.readFileSync(`${target}.certificate.json`, 'utf8')).sha256).toBe(sha256(target));
  await app.screenshot('custody-exported');
  expect(sha256(info.path)).toBe(asSent); // the reviewed file itself is unaltered
});
