// The reference scenario, walked as a new user would, from an empty library: create the case, fill in the
// directive, add a TBD deadline and a dated one, log a meeting with notes and action items, add three negotiation
// issues with positions and change one, record a concession, add a precedent and link it to an issue, add a watch
// item, find a word of the meeting notes with Ctrl+K and land on the note, close the case, reopen it from the
// library, and find everything as it was left. A screenshot of every step goes to test-results/screenshots/
// (walkthrough-*); with PARLEY_UPDATE_GUIDE=1 the user guide's pictures (docs/user-guide/) are rewritten too.
import type { Locator } from '@playwright/test';
import { DeadlinesPage } from './pages/deadlines-page.js';
import { MeetingsPage } from './pages/meetings-page.js';
import { NegotiationPage, PrecedentsPage, WatchPage } from './pages/negotiation-page.js';
import { Palette } from './pages/palette.js';
import type { ParleyApp } from './pages/parley-app.js';
import { isoDaysFromToday } from './support/cases.js';
import { expect as baseExpect, test } from './support/fixtures.js';
import { callThrough } from './support/harness.js';

// One long story on a machine shared with other work: room for each step, and for the whole.
const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 300_000 });
test.use({ actionTimeout: 20_000 });

const TITLE = 'Suspension of foreign-national access to the Meridian model family';
const DIRECTIVE = {
  'Reference number': 'BIS-EO-2026-117',
  'Issuing authority': 'Bureau of Industry Controls, Department of Commerce',
  'Legal basis': 'Existing export-control authority over deemed exports; no AI-specific statute.',
  'Scope (who is affected)': 'Every foreign national, in the United States or abroad, using the Meridian models.',
  'Our organization': 'Halcyon Labs',
  Counterparty: 'Bureau of Industry Controls',
  Summary: 'The first formal order to shut off a named frontier model for foreign nationals; no suspension date disclosed.',
};
const MEETING = 'First meeting with the Bureau';
/** A word that is only in the meeting notes, to search for. */
const NOTE_WORD = 'tranche';
const NOTE = `Reyes: allied access could come in a first ${NOTE_WORD}, with the top tier held back.`;
const ISSUES = [
  { title: 'Scope of “foreign national”', opening: 'Only persons outside the US', target: 'Exclude US-resident visa holders', walkaway: 'Exclude green-card holders', theirs: 'Everyone without citizenship' },
  { title: 'Allied-nation carve-out', opening: 'All treaty allies exempt', target: 'A named allied list', walkaway: 'Five Eyes only', theirs: 'No carve-out' },
  { title: 'Timing of the suspension', opening: 'Ninety days’ notice', target: 'Sixty days', walkaway: 'Thirty days', theirs: 'Immediate' },
];
const CHANGED_TARGET = 'Exclude all US residents';
const PRECEDENT = 'Halden Robotics v. Bureau of Industry Controls';
const WATCH = 'Congress turns the order into statute';

/**
 * A step's screenshot for a person to look at, and (on request) the user guide's picture of that screen: the top of
 * the page, or the part that shows `subject`.
 */
async function shot(app: ParleyApp, name: string, guide?: string, subject?: Locator): Promise<void> {
  await app.screenshot(`walkthrough-${name}`);
  if (!guide) return;
  if (subject) await subject.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await app.guideScreenshot(guide);
}

test('a new user runs the reference scenario end to end, closes the case, reopens it and finds everything as left', async ({ app, page, harness }) => {
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await shot(app, '01-library-empty', 'library-empty');

  await test.step('create the case', async () => {
    await app.library.startNewCase();
    await app.newCase.fill({ Title: TITLE, 'Issuing authority': DIRECTIVE['Issuing authority'], Status: 'Received', 'Received on': isoDaysFromToday(-3) });
    await shot(app, '02-new-case', 'new-case');
    await app.newCase.submitWithEnter();
    await expect(app.heading).toHaveText(TITLE);
  });

  await test.step('fill in the directive', async () => {
    for (const [label, value] of Object.entries(DIRECTIVE)) await app.overview.field(label).fill(value);
    await app.overview.field('Authorities cited').fill('50 U.S.C. § 4813\n15 C.F.R. § 744.23');
    await app.overview.field('Issued on').fill(isoDaysFromToday(-5));
    await app.overview.choice('Status', 'Contesting').check();
    await app.overview.choice('Risk', 'High').check();
    await app.overview.field('Title').focus(); // leaving a field saves it at once
    await expect(app.overview.saveSummary).toHaveText('All changes saved');
    await expect(app.overview.recentChanges).toContainText('changed the directive');
    await shot(app, '03-overview', 'overview');
  });

  await test.step('add a TBD deadline and a dated one', async () => {
    await app.goToSection('Deadlines');
    const dl = new DeadlinesPage(page);
    await expect(page.getByRole('heading', { name: 'No deadlines yet' })).toBeVisible();
    await shot(app, '04-deadlines-empty');
    await dl.startAdding();
    await dl.formField('Title').fill('Suspension takes effect');
    await dl.dueType('Not yet known (TBD)').check();
    await dl.formField('Expected from').fill(isoDaysFromToday(14));
    await dl.formField('Expected by').fill(isoDaysFromToday(75));
    await dl.formField('Confidence').selectOption({ label: 'Low' });
    await dl.formField('Title').press('Enter');
    await expect(dl.row('Suspension takes effect')).toContainText('Date not yet known');

    await dl.startAdding();
    await dl.formField('Title').fill('Written response on scope');
    await dl.formField('Kind').selectOption({ label: 'Response' });
    await dl.formField('Due date').fill(isoDaysFromToday(10));
    await dl.formField('Due date').press('Enter');
    await expect(dl.row('Written response on scope')).toBeVisible();
    await shot(app, '05-deadlines', 'deadlines');
  });

  const meetings = new MeetingsPage(page);
  await test.step('log a meeting with notes and action items', async () => {
    await app.goToSection('Meetings');
    await expect(page.getByRole('heading', { name: 'No meetings yet' })).toBeVisible();
    await shot(app, '06-meetings-empty');
    await meetings.logMeeting({ title: MEETING, date: isoDaysFromToday(-1), time: '10:00', status: 'Held' });
    await meetings.field('Time zone').fill('America/New_York');
    await meetings.field('Location').fill('Bureau headquarters, Room 4830');
    await meetings.field('Purpose').click();
    await expect(meetings.saveStateOf('Time zone')).toHaveText('Saved');
    await meetings.addAttendee({ name: 'Ruth Hale', role: 'Outside counsel', attended: true });
    await meetings.addAttendee({ name: 'Tomas Reyes', side: 'Theirs', role: 'Licensing policy', attended: true });
    await meetings.addNote(NOTE);
    await meetings.addNote('Our read: they need something to announce before the hearing.', { internal: true });
    await expect(meetings.noteBodies()).toHaveCount(2);
    // A note's time is read in the meeting's zone, named.
    await expect(meetings.notes.getByRole('listitem', { name: 'Note 1' }).locator('time')).toContainText('America/New York');
    await meetings.addActionItem({ title: 'Send the allied-country list', owner: 'Ruth Hale', due: isoDaysFromToday(6), commitment: true });
    await meetings.addActionItem({ title: 'Circulate the notes', owner: 'Dana Whitfield', due: isoDaysFromToday(2) });
    await shot(app, '07-meeting', 'meeting', meetings.notes);
  });

  const neg = new NegotiationPage(page);
  await test.step('add three issues with positions and change one', async () => {
    await app.goToSection('Negotiation');
    await expect(page.getByText('No issues yet.')).toBeVisible();
    for (const issue of ISSUES) {
      await neg.add(issue.title);
      await expect(neg.panel.root.getByRole('heading', { level: 2 })).toContainText(issue.title);
      await neg.panel.field('Our opening position').fill(issue.opening);
      await neg.panel.field('Our target').fill(issue.target);
      await neg.panel.field('Our walk-away').fill(issue.walkaway);
      await neg.panel.field('Their stated position').fill(issue.theirs);
      await neg.panel.field('Our interests').focus();
      await expect(neg.panel.saveStateOf('Their stated position')).toHaveText('Saved');
    }
    await expect(neg.table.getByRole('row')).toHaveCount(ISSUES.length + 1);

    const panel = await neg.open(ISSUES[0]!.title);
    await panel.field('Reason for the change').fill('The Bureau accepted visa holders at the first meeting');
    await panel.field('Changed in meeting').selectOption({ index: 1 }); // the only meeting
    await panel.field('Our target').fill(CHANGED_TARGET);
    await expect(panel.saveStateOf('Our target')).toHaveText('Saved');
    const latest = neg.history.getByRole('listitem').first();
    await expect(latest).toContainText(`“${ISSUES[0]!.target}” →`);
    await expect(latest).toContainText(`“${CHANGED_TARGET}”`);
    await expect(latest).toContainText(`in ${MEETING}`);
    await expect(neg.row(ISSUES[0]!.title)).toContainText(CHANGED_TARGET);
  });

  await test.step('record a concession', async () => {
    const add = neg.panel.root.getByRole('form', { name: 'Add a concession' });
    await add.getByLabel('Direction').selectOption({ label: 'We received' });
    await add.getByLabel('Concession', { exact: true }).fill('Visa holders stay outside the order until guidance issues');
    await add.getByLabel('Meeting').selectOption({ index: 1 }); // the only meeting
    await add.getByLabel('Concession', { exact: true }).press('Enter');
    await expect(neg.concessions.getByRole('listitem')).toHaveCount(1);
    await expect(neg.concessions).toContainText(`in ${MEETING}`);
    await neg.history.scrollIntoViewIfNeeded();
    await shot(app, '08-negotiation', 'negotiation');
  });

  await test.step('add a precedent and link it to an issue; the issue shows the backlink', async () => {
    await app.goToSection('Precedents');
    const pre = new PrecedentsPage(page);
    await expect(page.getByText('No precedents yet.')).toBeVisible();
    await pre.add(PRECEDENT);
    await pre.panel.field('Citation').fill('No. 24-cv-0912 (D.D.C. 2025)');
    await pre.panel.field('Summary').fill('Deemed-export orders must name the technology they cover.');
    await pre.panel.field('Jurisdiction').focus();
    await expect(pre.panel.saveStateOf('Summary')).toHaveText('Saved');
    await pre.panel.addLink('Supports', 'foreign', ISSUES[0]!.title);
    const outgoing = pre.panel.links.getByRole('list', { name: 'Links from this record' });
    await expect(outgoing).toContainText('Supports');
    await shot(app, '09-precedent', 'precedents');

    await outgoing.getByRole('button', { name: ISSUES[0]!.title, exact: true }).click();
    await expect(app.heading).toHaveText('Negotiation');
    const incoming = neg.panel.links.getByRole('list', { name: 'Links to this record' });
    await expect(incoming).toContainText('Supported by');
    await expect(incoming).toContainText(PRECEDENT);
    await incoming.scrollIntoViewIfNeeded();
    await shot(app, '10-issue-backlink');
  });

  await test.step('add a watch item', async () => {
    await app.goToSection('Watch list');
    const watch = new WatchPage(page);
    await expect(page.getByText('Nothing on the watch list yet.')).toBeVisible();
    await watch.add(WATCH);
    await watch.panel.field('Indicators').fill('Committee markup scheduled\nBureau testimony');
    await watch.panel.field('Implications for our positions').fill('The Bureau gains statutory cover; our walk-away on timing weakens.');
    await watch.panel.field('Description').focus();
    await expect(watch.panel.saveStateOf('Implications for our positions')).toHaveText('Saved');
    await expect(watch.row(WATCH)).toContainText('2 indicators');
    await shot(app, '11-watch', 'watch');
  });

  await test.step('search for a word of the meeting notes and land on the note', async () => {
    await app.goToSection('Overview');
    const palette = new Palette(page);
    await palette.open();
    await palette.search(NOTE_WORD);
    // A note is history of its meeting: the hit is the meeting, found in its note.
    const hit = palette.group('This case').getByRole('option').filter({ hasText: 'In 1 note' }).first();
    await expect(hit.locator('mark').first()).toHaveText(new RegExp(`^${NOTE_WORD}$`, 'i'));
    await shot(app, '12-palette', 'palette');
    await palette.moveTo(hit);
    await page.keyboard.press('Enter');
    await expect(palette.dialog).toBeHidden();
    await expect(app.heading).toHaveText('Meetings');
    await expect(meetings.option(MEETING)).toHaveAttribute('aria-selected', 'true');
    const landed = page.locator('[data-landed]');
    await expect(landed).toHaveAttribute('aria-label', 'Note 1');
    await expect(landed.locator('textarea')).toHaveValue(NOTE);
    await expect(landed).toBeInViewport();
    await shot(app, '13-landed-on-note', 'landed-on-note', landed);
  });

  await test.step('close the case and reopen it from the library', async () => {
    await app.sidebar.getByRole('button', { name: `Close ${TITLE}` }).click();
    await expect(app.library.heading).toBeVisible();
    await expect(app.sidebar.getByRole('link', { name: TITLE })).toHaveCount(0);
    expect(await callThrough(harness, 'case.listOpen', {})).toEqual([]);
    await expect(app.library.row(TITLE)).toContainText('Contesting');
    await shot(app, '14-library', 'library');
    await app.library.openCase(TITLE);
    await expect(app.heading).toHaveText(TITLE);
  });

  await test.step('everything is as it was left', async () => {
    for (const [label, value] of Object.entries(DIRECTIVE)) await expect(app.overview.field(label)).toHaveValue(value);
    await expect(app.overview.choice('Status', 'Contesting')).toBeChecked();
    await expect(app.overview.choice('Risk', 'High')).toBeChecked();

    await app.goToSection('Deadlines');
    const dl = new DeadlinesPage(page);
    await expect(dl.row('Suspension takes effect')).toContainText('Date not yet known');
    await expect(dl.row('Written response on scope')).toBeVisible();

    await app.goToSection('Meetings');
    await meetings.open(MEETING);
    await expect(meetings.noteBodies().first()).toHaveValue(NOTE);
    await expect(meetings.actionItem('Send the allied-country list')).toBeVisible();
    await expect(meetings.attendeeGroup('Their side')).toContainText('Tomas Reyes');

    await app.goToSection('Negotiation');
    await expect(neg.table.getByRole('row')).toHaveCount(ISSUES.length + 1);
    await expect(neg.row(ISSUES[0]!.title)).toContainText(CHANGED_TARGET);
    await neg.open(ISSUES[0]!.title);
    await expect(neg.history.getByRole('listitem').first()).toContainText(`“${CHANGED_TARGET}”`);
    await expect(neg.concessions.getByRole('listitem')).toHaveCount(1);
    await expect(neg.panel.links.getByRole('list', { name: 'Links to this record' })).toContainText(PRECEDENT);

    await app.goToSection('Precedents');
    await expect(new PrecedentsPage(page).row(PRECEDENT)).toContainText('No. 24-cv-0912');
    await app.goToSection('Watch list');
    await expect(new WatchPage(page).row(WATCH)).toContainText('2 indicators');

    await app.goToSection('Timeline');
    await expect(page.locator('.timeline-entry__title').filter({ hasText: MEETING })).not.toHaveCount(0);
    await shot(app, '15-timeline', 'timeline');

    // The file holds it too, read back through the core.
    const caseId = (await callThrough(harness, 'case.listOpen', {}))[0]!.caseId;
    const [issues, links, watchItems] = await Promise.all([
      callThrough(harness, 'issue.list', { caseId }),
      callThrough(harness, 'link.list', { caseId }),
      callThrough(harness, 'watchItem.list', { caseId }),
    ]);
    expect(issues.map((i) => i.title).sort()).toEqual(ISSUES.map((i) => i.title).sort());
    expect(links).toMatchObject([{ fromKind: 'precedent', linkType: 'supports', toKind: 'issue' }]);
    expect(watchItems).toMatchObject([{ title: WATCH, indicators: ['Committee markup scheduled', 'Bureau testimony'] }]);
  });
});
