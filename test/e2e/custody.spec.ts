// Custody in the app: the certificate of a case opened for review (its SHA-256 is the file's as sent), copied;
// comparing the case with a certificate kept apart; and export for transfer, which asks for a passphrase twice and a
// destination and shows the copy's certificate.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { rewriteNoteAsAForger } from '../core/support/files.js';
import { createCaseFile } from './support/cases.js';
import { expect, test } from './support/fixtures.js';
import { callThrough, type Harness } from './support/harness.js';

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

/** A closed case with a note, and its certificate written to a file kept apart from it (the test's output folder). */
async function certifiedCase(harness: Harness, fileName: string, kept: string) {
  const info = await createCaseFile(harness, fileName, 'Order under comparison');
  const note = await callThrough(harness, 'note.create', { caseId: info.caseId, fields: { body: 'The Bureau conceded the carve-out.' } });
  await callThrough(harness, 'case.close', { caseId: info.caseId });
  const { caseId } = await callThrough(harness, 'case.open', { path: info.path, readOnly: true });
  fs.writeFileSync(kept, JSON.stringify(await callThrough(harness, 'case.certificate', { caseId })));
  await callThrough(harness, 'case.close', { caseId });
  return { info, noteId: note.id };
}

test('comparing with a certificate kept apart: the file certified, and a file that is not a certificate', async ({ app, harness, page }) => {
  const kept = test.info().outputPath('kept.json');
  await certifiedCase(harness, 'compared.parley', kept);
  await app.library.startOpen();
  await app.openDialog.openByPath('compared.parley', { review: true });
  await page.getByRole('button', { name: 'Compare with a certificate…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare with a certificate' });
  const notJson = test.info().outputPath('notes.json');
  fs.writeFileSync(notJson, 'meeting notes');
  await dialog.getByLabel('Certificate file').setInputFiles(notJson);
  await expect(dialog.getByRole('alert')).toHaveText('notes.json is not a custody certificate (it is not JSON).');
  await dialog.getByLabel('Certificate file').setInputFiles(kept);
  await expect(dialog.getByRole('status')).toHaveText('The file is exactly the one certified: the same bytes.');
  await expect(dialog).toContainText('the 2 entries certified are unchanged; none added after');
});

test('comparing with a certificate kept apart finds history rewritten before it, with the chain recomputed', async ({ app, harness, page }) => {
  const kept = test.info().outputPath('kept.json');
  const { info, noteId } = await certifiedCase(harness, 'forged.parley', kept);
  rewriteNoteAsAForger(info.path, noteId, 'The Bureau refused every carve-out.');
  await app.library.startOpen();
  await app.openDialog.openByPath('forged.parley', { review: true });
  await expect(app.heading).toHaveText('Order under comparison');
  await page.getByRole('button', { name: 'Compare with a certificate…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare with a certificate' });
  await dialog.getByLabel('Certificate file').setInputFiles(kept);
  await expect(dialog.getByRole('status')).toHaveText(/^The history certified was altered: entries from before the certificate were rewritten or removed/);
  await expect(dialog).toContainText(/rewritten: entry 2 now has the hash [0-9a-f]{64}, the certificate says [0-9a-f]{64}/);
});
