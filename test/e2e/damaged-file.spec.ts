// Opening a file that is not a healthy case file of this Parley: the user reads the core's reason in a dialog, and
// the file is left exactly as it was (no byte changed, no journal beside it).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/fixtures.js';
import { callThrough, type Harness } from './support/harness.js';
import { createCaseFile } from './support/cases.js';
import { PassphraseDialog } from './pages/passphrase-dialog.js';

/** SQLite header offsets (sqlite.org/fileformat.html): user_version at 60, application_id at 68, big-endian. */
const USER_VERSION_OFFSET = 60;
const APPLICATION_ID_OFFSET = 68;
const PAGE = 4096;

const DAMAGES: { name: string; damage(bytes: Buffer): Buffer; title: string; message: RegExp; looksEncrypted?: true }[] = [
  {
    // Noise in whole pages cannot be told from an encrypted file: Parley asks for a passphrase, which cannot open it.
    name: 'garbage',
    damage: (b) => Buffer.from(b.map((_, i) => (i * 7919 + 13) & 0xff)),
    title: 'Enter the passphrase',
    message: /could not be opened with that passphrase: the passphrase is wrong, or the file is not an encrypted Parley case file/,
    looksEncrypted: true,
  },
  {
    name: 'garbage-of-odd-size',
    damage: (b) => Buffer.from(b.subarray(0, b.length - 100).map((_, i) => (i * 7919 + 13) & 0xff)),
    title: 'This is not a Parley case file',
    message: /is not a Parley case file \(it is not a SQLite database\)/,
  },
  {
    name: 'truncated',
    damage: (b) => b.subarray(0, Math.floor(b.length / 2)),
    title: 'This case file is damaged',
    message: /is damaged/,
  },
  {
    name: 'pages-zeroed',
    damage: (b) => Buffer.from(b).fill(0, 2 * PAGE, 4 * PAGE),
    title: 'This case file is damaged',
    message: /is damaged/,
  },
  {
    name: 'foreign',
    damage: (b) => patchUint32(b, APPLICATION_ID_OFFSET, 0x12345678),
    title: 'This is not a Parley case file',
    message: /a SQLite database, but not a Parley case file/,
  },
  {
    name: 'newer',
    damage: (b) => patchUint32(b, USER_VERSION_OFFSET, 999),
    title: 'This case file needs a newer Parley',
    message: /made by a newer version of Parley.*the file was not changed/,
  },
];

function patchUint32(bytes: Buffer, offset: number, value: number): Buffer {
  const copy = Buffer.from(bytes);
  copy.writeUInt32BE(value, offset);
  return copy;
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A closed case file with enough in it to span many pages, to damage copies of. */
async function healthyCaseFile(harness: Harness): Promise<string> {
  const info = await createCaseFile(harness, 'healthy.parley', 'Healthy order', { summary: 'Background. '.repeat(2_000) });
  for (let i = 0; i < 6; i++) {
    await callThrough(harness, 'note.create', { caseId: info.caseId, fields: { body: `Meeting note ${i}: ${'carve-out '.repeat(800)}` } });
  }
  await callThrough(harness, 'case.close', { caseId: info.caseId });
  return info.path;
}

for (const { name, damage, title, message, looksEncrypted } of DAMAGES) {
  test(`opening a ${name} case file says why it cannot open, and leaves the file unchanged`, async ({ app, harness }) => {
    const healthy = await healthyCaseFile(harness);
    const file = path.join(path.dirname(healthy), `${name}.parley`);
    fs.writeFileSync(file, damage(fs.readFileSync(healthy)));
    const before = { hash: sha256(file), mtime: fs.statSync(file).mtimeMs };

    await app.library.startOpen();
    await app.openDialog.openByPath(file);
    if (looksEncrypted) {
      const prompt = new PassphraseDialog(app.page);
      await prompt.enter('a guess at a passphrase');
      await expect(prompt.error).toContainText(message);
      await app.screenshot(`open-${name}`);
      await prompt.cancel();
      expect(sha256(file)).toBe(before.hash);
      expect(await callThrough(harness, 'case.listOpen', {})).toEqual([]);
      return;
    }
    await expect(app.problemDialog).toBeVisible();
    await expect(app.problemDialog.getByRole('heading')).toHaveText(title);
    await expect(app.problemDialog).toContainText(message);
    await expect(app.problemDialog).toContainText(file);
    await app.screenshot(`open-${name}`);

    const readOnlyButton = app.problemDialog.getByRole('button', { name: 'Open read-only' });
    if (title === 'This case file is damaged') {
      // A damaged file is offered read-only; these are too damaged for even that, and the second refusal says so.
      await readOnlyButton.click();
      await expect(app.problemDialog).toBeVisible();
      await expect(app.problemDialog).toContainText(/damaged/);
    }
    await expect(readOnlyButton).toHaveCount(0);
    await app.problemDialog.getByRole('button', { name: 'Close' }).click();
    await expect(app.problemDialog).toBeHidden();
    await expect(app.library.heading).toBeVisible();

    expect(sha256(file)).toBe(before.hash);
    expect(fs.statSync(file).mtimeMs).toBe(before.mtime);
    expect(await callThrough(harness, 'case.listOpen', {})).toEqual([]);
    expect(await callThrough(harness, 'library.list', {})).not.toContainEqual(expect.objectContaining({ path: file }));
  });
}

test('a refused file gets no journal files beside it', async ({ harness }) => {
  const healthy = await healthyCaseFile(harness);
  const file = path.join(path.dirname(healthy), 'newer.parley');
  fs.writeFileSync(file, patchUint32(fs.readFileSync(healthy), USER_VERSION_OFFSET, 999));
  await expect(callThrough(harness, 'case.open', { path: file })).rejects.toThrow(/newer_version/);
  expect(fs.readdirSync(path.dirname(file)).filter((f) => f.startsWith('newer.parley'))).toEqual(['newer.parley']);
});
