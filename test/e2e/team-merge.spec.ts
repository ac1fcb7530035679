// Working as a team on copies of one case: Alice's case file copied to Bob (a plain file copy), each in their own
// Parley (a harness of their own over their own data folder, their own name as author), both change the walk-away of
// the same issue differently and something else each. Alice merges Bob's copy through the UI (preview, then merge),
// sees one conflict in the sidebar's badge, keeps Bob's value on the Conflicts screen with a reason, and the issue's
// audit trail shows both of them as authors. Then bundles: Bob exports his changes, Alice imports them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './pages/axe-check.js';
import { ConflictsPage, TeamDialog } from './pages/conflicts-page.js';
import { NegotiationPage } from './pages/negotiation-page.js';
import { Palette } from './pages/palette.js';
import { ParleyApp } from './pages/parley-app.js';
import { callThrough, harnessBundle, type Harness } from './support/harness.js';

const ALICE = 'Alice Adler';
const BOB = 'Bob Baker';
const TITLE = 'Suspension of foreign-national access to the model family';
const ISSUE = 'Access for foreign nationals';
const WALKAWAY = 'Access for EU staff only';
const ALICE_WALKAWAY = 'EU and UK staff';
const BOB_WALKAWAY = 'No restriction before the hearing';

/** One person's Parley: their own data folder, harness (with their name as author) and browser context. */
interface Person {
  name: string;
  harness: Harness;
  page: Page;
  app: ParleyApp;
  errors: string[];
}

const test = base.extend<{ person: (name: string) => Promise<Person> }>({
  person: async ({ browser }: { browser: Browser }, use) => {
    const started: { dir: string; harness: Harness; close(): Promise<void> }[] = [];
    const people: Person[] = [];
    await use(async (name) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-e2e-team-'));
      const harness = await harnessBundle.startHarness({ dataDir: dir, actor: name, port: 0 });
      const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
      started.push({ dir, harness, close: () => context.close() });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
      page.on('console', (msg) => void (msg.type() === 'error' && errors.push(`console: ${msg.text()}`)));
      const app = new ParleyApp(page);
      await app.start(harness);
      const person = { name, harness, page, app, errors };
      people.push(person);
      return person;
    });
    for (const p of people) expect(p.errors, `${p.name}'s page logged errors`).toEqual([]);
    for (const s of started) {
      await s.close();
      await s.harness.close();
      fs.rmSync(s.dir, { recursive: true, force: true });
    }
  },
});

test.describe.configure({ timeout: 150_000 });

/** Alice's case with one issue, closed, and Bob's copy of the file in his own cases folder; each opened in their app. */
async function twoCopies(person: (name: string) => Promise<Person>) {
  const alice = await person(ALICE);
  const bob = await person(BOB);
  const info = await callThrough(alice.harness, 'case.create', { path: path.join(alice.harness.casesDir, 'order.parley'), directive: { title: TITLE, status: 'negotiating' } });
  await callThrough(alice.harness, 'issue.create', {
    caseId: info.caseId,
    fields: { title: ISSUE, priority: 'high', status: 'open', ourTarget: 'Keep access for all staff', ourWalkaway: WALKAWAY },
  });
  await callThrough(alice.harness, 'case.close', { caseId: info.caseId });
  const bobFile = path.join(bob.harness.casesDir, 'order from Alice.parley');
  fs.copyFileSync(info.path, bobFile);
  for (const [p, file] of [[alice, 'order.parley'], [bob, 'order from Alice.parley']] as const) {
    await p.app.library.startOpen();
    await p.app.openDialog.openByPath(file);
    await expect(p.app.heading).toHaveText(TITLE);
  }
  return { alice, bob, caseId: info.caseId, aliceFile: info.path, bobFile };
}

/** Opens the issue on the Negotiation screen and changes its fields, each saved before going on. */
async function editIssue(p: Person, changes: Record<string, string>) {
  await p.app.goToSection('Negotiation');
  const neg = new NegotiationPage(p.page);
  const panel = await neg.open(ISSUE);
  for (const [label, value] of Object.entries(changes)) {
    await panel.field(label).fill(value);
    await panel.field('Our interests').focus();
    await expect(panel.saveStateOf(label)).toHaveText('Saved');
  }
}

test('Alice merges Bob’s copy, keeps his walk-away on the Conflicts screen, and the history shows both authors', async ({ person }) => {
  const { alice, bob, caseId, aliceFile, bobFile } = await twoCopies(person);
  const { page, app } = alice;
  await editIssue(alice, { 'Our walk-away': ALICE_WALKAWAY, 'Our target': 'Keep access for all staff, with logging' });
  await editIssue(bob, { 'Our walk-away': BOB_WALKAWAY, 'Their stated position': 'Citizens of allied nations only' });

  // Alice's Conflicts screen (Alt+9, after the eight sections whose keys stay as they were): nothing yet.
  await app.heading.focus(); // out of the field last typed in: single keys and Alt+digit are the field's there
  await page.keyboard.press('Alt+9');
  await expect(app.heading).toHaveText('Conflicts');
  const conflicts = new ConflictsPage(page);
  await conflicts.expectNone();
  const sidebarLink = app.sidebar.getByRole('link', { name: 'Conflicts', exact: true });
  await expect(sidebarLink).not.toHaveAttribute('aria-describedby');

  // Merge a copy…: the file typed (a browser has no open dialog), the preview, then the merge.
  await page.getByRole('button', { name: 'Merge a copy…' }).click();
  const dialog = new TeamDialog(page);
  await expect(dialog.named('Merge a copy of this case')).toBeVisible();
  await dialog.previewFrom(bobFile);
  await expect(dialog.summary('Would come in')).toContainText(`by ${BOB}`);
  await expect(dialog.summary('Would come in')).toContainText(/\d+ changes to \d+ records/);
  await expect(dialog.summary('Conflicts')).toContainText('1 conflict expected');
  await expect(dialog.summary('Deadlines')).toHaveText('None would move.');
  await expect(dialog.open).toContainText(bobFile);
  const previewShot = await app.screenshot('team-merge-preview');
  expect(fs.statSync(previewShot).size).toBeGreaterThan(10_000);
  await expectNoSeriousViolations(page, 'the merge preview');
  // Nothing is changed by the preview.
  expect(await callThrough(alice.harness, 'conflict.list', { caseId })).toEqual([]);

  await dialog.open.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(dialog.open.getByRole('status')).toContainText(`from ${path.basename(bobFile)}`);
  await expect(dialog.open.getByRole('status')).toContainText('both values are kept until you choose');
  await dialog.open.getByRole('button', { name: 'Go to Conflicts' }).click();
  await expect(dialog.open).toHaveCount(0);

  // The badge counts one conflict; the screen shows it with both sides.
  await expect(sidebarLink.locator('.sidebar__badge')).toHaveText('1');
  await expect(sidebarLink).toHaveAccessibleDescription('1 open conflict');
  const conflict = conflicts.conflict(ISSUE);
  await expect(conflict).toContainText('Field: Our walk-away');
  const bobSide = conflicts.side(conflict, BOB);
  const aliceSide = conflicts.side(conflict, ALICE);
  await expect(bobSide).toContainText(BOB_WALKAWAY);
  await expect(bobSide).toContainText('order from Alice.parley');
  await expect(aliceSide).toContainText(ALICE_WALKAWAY);
  await expect(aliceSide).toContainText('order.parley');
  await expect(conflict.getByRole('button', { name: 'Write another value…' })).toBeVisible();
  const conflictsShot = await app.screenshot('team-conflicts');
  expect(fs.statSync(conflictsShot).size).toBeGreaterThan(10_000);
  await expectNoSeriousViolations(page, 'the Conflicts screen');
  await app.setTheme('Dark');
  await expectNoSeriousViolations(page, 'the Conflicts screen, dark');
  await app.screenshot('team-conflicts-dark');
  await app.setTheme('Light');

  // The overview counts it too, with a link to the screen.
  await app.goToSection('Overview');
  const copies = page.getByRole('region', { name: 'Copies of this case' });
  await copies.getByRole('link', { name: '1 conflict between copies to resolve' }).click();
  await expect(app.heading).toHaveText('Conflicts');

  // Bob's value kept, with a reason, from the keyboard.
  await conflict.getByLabel('Reason for your choice').fill('Agreed at the team call');
  await conflicts.side(conflict, BOB).getByRole('button', { name: `Keep this (${BOB}’s)` }).focus();
  await page.keyboard.press('Enter');
  await expect(conflicts.status).toHaveText(`Resolved: Our walk-away of “${ISSUE}” keeps ${BOB}’s value.`);
  await conflicts.expectNone();
  await expect(sidebarLink.locator('.sidebar__badge')).toHaveCount(0);
  await expect(sidebarLink).not.toHaveAttribute('aria-describedby');

  // The issue: Bob's walk-away and his position, Alice's target; its audit trail names both, the decision last.
  await app.goToSection('Negotiation');
  const neg = new NegotiationPage(page);
  const panel = await neg.open(ISSUE);
  await expect(panel.field('Our walk-away')).toHaveValue(BOB_WALKAWAY);
  await expect(panel.field('Their stated position')).toHaveValue('Citizens of allied nations only');
  await expect(panel.field('Our target')).toHaveValue('Keep access for all staff, with logging');
  const trail = panel.root.getByRole('region', { name: 'Audit trail of this issue' });
  await trail.getByText('Every change to this issue, with its author').click();
  const entries = trail.getByRole('list', { name: 'Changes, newest first' }).getByRole('listitem');
  await expect(entries.first()).toContainText(`Updated by ${ALICE}`);
  await expect(entries.first()).toContainText('Reason: “Agreed at the team call”');
  await expect(entries.filter({ hasText: `by ${BOB}` })).not.toHaveCount(0);
  // Bob's entries say they were made in his copy; the decision shows the value it kept.
  await expect(entries.filter({ hasText: `by ${BOB}` }).first()).toContainText('in the copy “');
  await expect(entries.first()).toContainText(`Our walkaway (kept as it was, settling a conflict)${BOB_WALKAWAY}`);
  await expect(entries.filter({ hasText: `by ${ALICE}` })).not.toHaveCount(0);
  await trail.scrollIntoViewIfNeeded();
  await app.screenshot('team-issue-history');

  // The decision travels: Bob merges Alice's copy and has no conflict left either.
  await callThrough(bob.harness, 'case.merge', { caseId, from: aliceFile });
  expect(await callThrough(bob.harness, 'conflict.list', { caseId })).toEqual([]);
  expect((await callThrough(bob.harness, 'issue.list', { caseId }))[0]?.ourWalkaway).toBe(BOB_WALKAWAY);
});

test('Bob exports his changes as a bundle from the palette; Alice previews and imports it from the overview', async ({ person }) => {
  const { alice, bob } = await twoCopies(person);
  await editIssue(bob, { 'Their stated position': 'Citizens of allied nations only' });

  // Bob: Export changes… from the palette, written in his cases folder.
  const palette = new Palette(bob.page);
  await palette.open();
  await palette.search('export changes');
  const command = palette.group('Commands').getByRole('option', { name: /Export changes…/ });
  await palette.moveTo(command);
  await palette.field.press('Enter');
  const bobDialog = new TeamDialog(bob.page);
  await expect(bobDialog.named('Export changes')).toBeVisible();
  await bobDialog.open.getByLabel('Save the changes as').fill('for Alice');
  await bobDialog.open.getByRole('button', { name: 'Export', exact: true }).click();
  const bundle = path.join(bob.harness.casesDir, 'for Alice.parley-changes');
  await expect(bobDialog.named('Changes exported').getByRole('status')).toContainText(bundle);
  await expectNoSeriousViolations(bob.page, 'the exported bundle');
  expect(fs.existsSync(bundle)).toBe(true);

  // Alice: Import changes… on the overview.
  await alice.app.goToSection('Overview');
  await alice.page.getByRole('region', { name: 'Copies of this case' }).getByRole('button', { name: 'Import changes…' }).click();
  const dialog = new TeamDialog(alice.page);
  await expect(dialog.named('Import changes')).toBeVisible();
  await dialog.previewFrom(path.join(bob.harness.casesDir, 'nothing here.parley-changes'));
  await expect(dialog.open.getByRole('alert')).toBeVisible();
  await dialog.previewFrom(bundle);
  await expect(dialog.summary('Would come in')).toContainText(`by ${BOB}`);
  await expect(dialog.summary('Conflicts')).toHaveText('None expected.');
  await dialog.open.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.open.getByRole('status')).toContainText('Imported');
  await dialog.open.getByRole('button', { name: 'Close' }).click();

  // A second time there is nothing to take in.
  await alice.page.getByRole('region', { name: 'Copies of this case' }).getByRole('button', { name: 'Import changes…' }).click();
  await dialog.previewFrom(bundle);
  await expect(dialog.open).toContainText('there is nothing to take in');
  await dialog.open.getByRole('button', { name: 'Close' }).click();

  await alice.app.goToSection('Negotiation');
  const panel = await new NegotiationPage(alice.page).open(ISSUE);
  await expect(panel.field('Their stated position')).toHaveValue('Citizens of allied nations only');
});
