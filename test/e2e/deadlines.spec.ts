// The deadlines screen: adding dated and TBD deadlines, changing status inline, editing in the side panel, delete
// with Undo, the month calendar, rule-built deadlines with their explanation, keyboard movement, axe in both themes.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DeadlinesPage } from './pages/deadlines-page.js';
import { expect as baseExpect, test } from './support/fixtures.js';
import { callThrough } from './support/harness.js';
import { createCaseFile, isoDaysFromToday, ORDER_TITLE } from './support/cases.js';
import { expectNoSeriousViolations as axeFinds } from './pages/axe-check.js';

// The machine running the suite is shared and slow: give each step room.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 240_000 });

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(serious, `axe on ${screen}`).toEqual([]);
}

test.describe('a new case', () => {
  test.beforeEach(async ({ app, harness }) => {
    await createCaseFile(harness, 'order.parley');
    await app.page.reload();
    await app.library.openCase(ORDER_TITLE);
    await expect(app.heading).toHaveText(ORDER_TITLE);
    await app.goToSection('Deadlines');
    await expect(app.heading).toHaveText('Deadlines');
  });

  test('add a TBD deadline and a dated one, change status, edit in the panel, delete and undo, see it on the calendar', async ({ app, harness, page }) => {
    const dl = new DeadlinesPage(page);
    await expect(page.getByRole('heading', { name: 'No deadlines yet' })).toBeVisible();
    await app.screenshot('deadlines-empty');

    // Enter with no title: the form says why, beside the field.
    await dl.startAdding();
    await dl.formField('Title').press('Enter');
    await expect(dl.formError('Title')).toHaveText('Must not be empty');

    // A deadline whose date is not known: its window and confidence.
    await dl.formField('Title').fill('Suspension takes effect');
    await dl.dueType('Not yet known (TBD)').check();
    await dl.formField('Expected from').fill(isoDaysFromToday(14));
    await dl.formField('Expected by').fill(isoDaysFromToday(75));
    await dl.formField('Confidence').selectOption({ label: 'Low' });
    await dl.formField('Owner').fill('Dana Okafor');
    await dl.formField('Title').press('Enter');
    await expect(dl.row('Suspension takes effect')).toBeVisible();
    await expect(dl.group('Date not yet known')).toBeVisible();
    await expect(dl.row('Suspension takes effect')).toContainText('Low confidence');
    await expect(dl.row('Suspension takes effect')).toContainText('Date not yet known');

    // A dated one, due today.
    await dl.startAdding();
    await dl.formField('Title').fill('Written response on scope');
    await dl.formField('Kind').selectOption({ label: 'Response' });
    await dl.formField('Due date').fill(isoDaysFromToday(0));
    await dl.formField('Due date').press('Enter');
    await expect(dl.row('Written response on scope')).toContainText('due today');
    await expect(dl.group('Dated')).toBeVisible();

    const [info] = await callThrough(harness, 'case.listOpen', {});
    const caseId = info!.caseId;
    const stored = await callThrough(harness, 'deadline.list', { caseId });
    expect(stored.map((d) => [d.title, d.dueType, d.confidence]).sort()).toEqual([
      ['Suspension takes effect', 'tbd', 'low'],
      ['Written response on scope', 'date', null],
    ]);

    // Status changes inline, and the core has it.
    await dl.setStatus('Written response on scope', 'Done');
    await expect(dl.row('Written response on scope')).toContainText('Done');
    // The drop-down gives way to the button again, and focus goes back to it.
    await expect(dl.statusButton('Written response on scope')).toBeFocused();
    await expect(dl.statusButton('Written response on scope')).toHaveAccessibleName('Status of Written response on scope: Done');
    // From the keyboard: Enter opens the choice; Escape closes its list, and a second Escape puts the button back
    // with the status untouched.
    await page.keyboard.press('Enter');
    await expect(dl.row('Written response on scope').getByRole('combobox')).toBeFocused();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(dl.statusButton('Written response on scope')).toBeFocused();
    await expect(dl.statusButton('Written response on scope')).toHaveAccessibleName('Status of Written response on scope: Done');
    await expect(dl.statusButton('Written response on scope')).toBeFocused();
    await expect.poll(async () => (await callThrough(harness, 'deadline.list', { caseId })).find((d) => d.title === 'Written response on scope')?.status).toBe('done');

    // Edit in the side panel: saves as the user goes; a refused save keeps the text and says why.
    await dl.open('Suspension takes effect');
    await dl.panelField('Notes').fill('No date while talks are productive.');
    await expect(dl.panelSaveState('Notes')).toHaveText('Saved');
    await dl.panelField('Title').fill('');
    await dl.panelField('Owner').focus();
    await expect(dl.panelSaveState('Title')).toHaveText('Not saved');
    await expect(dl.panel.locator('.field__error').first()).toHaveText('Must not be empty');
    await dl.panelField('Title').fill('Suspension of access takes effect');
    await expect(dl.panelSaveState('Title')).toHaveText('Saved');
    await expect(dl.row('Suspension of access takes effect')).toBeVisible();
    await app.screenshot('deadlines-list-panel');

    // Delete, then Undo.
    await dl.panel.getByRole('button', { name: 'Delete deadline' }).click();
    // It has a history (its title was changed): the question says so first.
    await page.getByRole('dialog', { name: 'Delete this deadline?' }).getByRole('button', { name: 'Delete' }).click();
    await expect(dl.undoBar).toContainText('Deadline “Suspension of access takes effect” deleted.');
    await expect(dl.row('Suspension of access takes effect')).toHaveCount(0);
    expect((await callThrough(harness, 'deadline.list', { caseId })).length).toBe(1);
    await dl.undoBar.getByRole('button', { name: 'Undo' }).click();
    await expect(dl.row('Suspension of access takes effect')).toBeVisible();
    expect((await callThrough(harness, 'deadline.list', { caseId })).length).toBe(2);

    // The month calendar shows the dated one on its day.
    await dl.showView('Month calendar');
    const today = isoDaysFromToday(0);
    const cell = page.locator('td.calendar-day').filter({ has: page.locator(`time[datetime="${today}"]`) });
    await expect(cell.getByRole('button', { name: 'Written response on scope' })).toBeVisible();
    // The one not yet known has a window, so it is drawn across it (where that falls in this month), not left out.
    await expect(page.getByText(/no window it is expected in/)).toHaveCount(0);
    await app.screenshot('deadlines-calendar');
    await cell.getByRole('button', { name: 'Written response on scope' }).click();
    await expect(dl.panel.getByRole('heading', { level: 2 })).toHaveText('Written response on scope');
  });

  test('a deadline at a time needs its zone; the core\'s reasons show beside the fields', async ({ page }) => {
    const dl = new DeadlinesPage(page);
    await dl.startAdding();
    await dl.formField('Title').fill('Deliver the proposal');
    await dl.dueType('At a date and time').check();
    await dl.formField('Due date').fill(isoDaysFromToday(5));
    await dl.formField('Time zone').fill('Mars/Olympus_Mons');
    await dl.formField('Title').press('Enter');
    await expect(dl.formError('Time zone')).toContainText('IANA time zone');
    await dl.formField('Time zone').fill('America/New_York');
    await dl.formField('Time zone').press('Enter');
    await expect(dl.row('Deliver the proposal')).toContainText('17:00 America/New_York');
  });
});

test.describe('a chain of rule-built deadlines', () => {
  const rule = (amount: number) => ({ amount, unit: 'business_days' as const, direction: 'after' as const, roll: 'forward' as const });

  test.beforeEach(async ({ app, harness }) => {
    const info = await createCaseFile(harness, 'chain.parley');
    const event = await callThrough(harness, 'event.create', { caseId: info.caseId, fields: { title: 'Order received', eventKind: 'order_received', occurredOn: '2027-03-01' } });
    const reply = await callThrough(harness, 'deadline.create', {
      caseId: info.caseId, fields: { title: 'Reply to the order', deadlineKind: 'response', status: 'open', dueType: 'tbd', rule: rule(10), triggerEventId: event.id },
    });
    await callThrough(harness, 'deadline.create', {
      caseId: info.caseId, fields: { title: 'Board sign-off', deadlineKind: 'internal', status: 'open', dueType: 'tbd', rule: rule(2), triggerDeadlineId: reply.id },
    });
    await app.page.reload();
    await app.library.openCase(ORDER_TITLE);
    await app.goToSection('Deadlines');
  });

  test('moving a trigger shows every dependant old and new, needs a reason, and confirming moves them all', async ({ app, harness, page }) => {
    const dl = new DeadlinesPage(page);
    await expect(dl.row('Reply to the order')).toContainText('10 business days after Order received (2027-03-01); due 2027-03-15');
    await expect(dl.row('Board sign-off')).toContainText('due 2027-03-17');
    await dl.open('Reply to the order');
    await dl.moveTriggerOfOpenDeadline();
    await dl.moveDialog.getByLabel('New date of “Order received”').fill('2027-03-08');
    await expect(dl.moveRow('Reply to the order')).toContainText('15 Mar 2027');
    await expect(dl.moveRow('Reply to the order')).toContainText('22 Mar 2027');
    await expect(dl.moveRow('Board sign-off')).toContainText('17 Mar 2027');
    await expect(dl.moveRow('Board sign-off')).toContainText('24 Mar 2027');
    await expect(dl.moveDialog.getByRole('status')).toHaveText('2 deadlines count from this and will move:');
    await app.screenshot('deadlines-move-preview');

    // No reason: refused in the dialog, nothing moved.
    await dl.moveDialog.getByRole('button', { name: 'Confirm and move 2 deadlines' }).click();
    await expect(dl.moveDialog.locator('.field__error')).toContainText('Give the reason');
    const [info] = await callThrough(harness, 'case.listOpen', {});
    const caseId = info!.caseId;
    const titled = async (title: string) => (await callThrough(harness, 'deadline.list', { caseId })).find((d) => d.title === title)!;
    expect((await titled('Board sign-off')).dueDate).toBe('2027-03-17');

    // Enter in the reason confirms.
    await dl.moveDialog.getByLabel('Reason for the change').fill('Receipt date corrected by the registry');
    await dl.moveDialog.getByLabel('Reason for the change').press('Enter');
    await expect(dl.moveDialog).toBeHidden();
    await expect(dl.row('Board sign-off')).toContainText('due 2027-03-24');
    await expect(dl.row('Reply to the order')).toContainText('(2027-03-08); due 2027-03-22');
    const history = await callThrough(harness, 'record.history', { caseId, id: (await titled('Board sign-off')).id });
    expect(history.at(-1)).toMatchObject({ reason: 'Receipt date corrected by the registry (moved with “Order received”)', before: { dueDate: '2027-03-17' }, after: { dueDate: '2027-03-24' } });
    await app.screenshot('deadlines-moved');
  });

  test('typing a new date on a deadline others hang on opens the move dialog; Cancel changes nothing', async ({ harness, page }) => {
    const dl = new DeadlinesPage(page);
    await dl.open('Reply to the order');
    await dl.panelField('Due date').fill('2027-03-19');
    await dl.panelField('Owner').focus();
    await expect(dl.moveDialog).toBeVisible();
    await expect(dl.moveRow('Board sign-off')).toContainText('23 Mar 2027');
    await page.keyboard.press('Escape');
    await expect(dl.moveDialog).toBeHidden();
    await expect(dl.panelField('Due date')).toHaveValue('2027-03-15');
    const [info] = await callThrough(harness, 'case.listOpen', {});
    expect((await callThrough(harness, 'deadline.list', { caseId: info!.caseId })).map((d) => d.dueDate).sort()).toEqual(['2027-03-15', '2027-03-17']);
  });

  for (const theme of ['Light', 'Dark'] as const) {
    test(`the move dialog, reminder center and working calendar pass axe in the ${theme.toLowerCase()} theme`, async ({ app, page }) => {
      const dl = new DeadlinesPage(page);
      const name = theme.toLowerCase();
      await app.setTheme(theme);
      await dl.calendarSettings.locator('summary').click();
      await dl.calendarSettings.getByLabel('Closed on').fill('2027-03-10');
      await dl.calendarSettings.getByLabel('Why').fill('Agency shutdown');
      await dl.calendarSettings.getByRole('button', { name: 'Add closure date' }).click();
      // The closure falls inside both counts: the change is previewed like a trigger move.
      const dialog = page.getByRole('dialog', { name: 'Close the office on 10 Mar 2027' });
      await expect(dialog.getByRole('status')).toHaveText('2 deadlines count from this and will move:');
      await axeFinds(page, `move dialog (${name})`);
      await app.screenshot(`deadlines-closure-dialog-${name}`);
      await dialog.getByLabel('Reason for the change').fill('Shutdown announced');
      await dialog.getByRole('button', { name: /^Confirm and move/ }).click();
      await expect(dialog).toBeHidden();
      await expect(dl.row('Reply to the order')).toContainText('skipped 2027-03-10 Agency shutdown; due 2027-03-16');
      await expect(dl.calendarSettings).toContainText('10 Mar 2027: Agency shutdown');
      await expect(dl.reminders).toBeVisible();
      await axeFinds(page, `deadlines with the working calendar open (${name})`);
      await app.screenshot(`deadlines-calendar-settings-${name}`);
    });
  }
});

test.describe('the reminder center', () => {
  test('shows reminders due, including ones that fell due while the app was closed; snooze and dismiss are kept', async ({ app, harness, page }) => {
    const info = await createCaseFile(harness, 'reminders.parley');
    for (const title of ['File the written response', 'Send the board memo']) {
      await callThrough(harness, 'deadline.create', { caseId: info.caseId, fields: { title, deadlineKind: 'internal', status: 'open', dueType: 'date', dueDate: isoDaysFromToday(1) } });
    }
    await callThrough(harness, 'case.close', { caseId: info.caseId });
    await page.reload();
    await app.library.openCase(ORDER_TITLE);
    await app.goToSection('Deadlines');
    const dl = new DeadlinesPage(page);
    await expect(dl.reminder('File the written response')).toContainText('Due');
    await expect(dl.reminder('Send the board memo')).toBeVisible();
    await app.screenshot('deadlines-reminders');
    for (const theme of ['Light', 'Dark'] as const) {
      await app.setTheme(theme);
      await axeFinds(page, `reminder center (${theme.toLowerCase()})`);
    }

    await dl.reminder('File the written response').getByRole('button', { name: 'Snooze 1 hour' }).click();
    await expect(dl.reminder('File the written response')).toHaveCount(0);
    await dl.reminder('Send the board memo').getByRole('button', { name: 'Dismiss' }).click();
    await expect(dl.reminders).toContainText('No reminders due.');

    // Kept in the case file: in two hours the snoozed one is back, the dismissed one is not.
    const [open] = await callThrough(harness, 'case.listOpen', {});
    const later = new Date(Date.now() + 2 * 3_600_000).toISOString();
    const due = await callThrough(harness, 'reminder.due', { caseId: open!.caseId, now: later.replace(/\.\d{3}Z$/, 'Z') });
    expect(due.map((r) => r.title)).toEqual(['File the written response']);
    await app.screenshot('deadlines-reminders-cleared');
  });

  test('a long list of reminders shows the first few and opens the rest a page at a time, without pushing the deadlines away', async ({ app, harness, page }) => {
    const info = await createCaseFile(harness, 'many-reminders.parley');
    const count = 60;
    for (let i = 0; i < count; i++) {
      const title = `Overdue filing ${String(i + 1).padStart(2, '0')}`;
      await callThrough(harness, 'deadline.create', { caseId: info.caseId, fields: { title, deadlineKind: 'internal', status: 'open', dueType: 'date', dueDate: isoDaysFromToday(-1 - i) } });
    }
    await callThrough(harness, 'case.close', { caseId: info.caseId });
    await page.reload();
    await app.library.openCase(ORDER_TITLE);
    await app.goToSection('Deadlines');
    const dl = new DeadlinesPage(page);
    const items = dl.reminders.getByRole('listitem');
    await expect(dl.reminders).toContainText('Showing 3 of 60.');
    await expect(items).toHaveCount(3);
    // The deadlines list still starts within the window.
    await expect(dl.group('Dated')).toBeInViewport();

    await dl.reminders.getByRole('button', { name: 'Show more' }).click();
    const all = dl.reminders.getByRole('region', { name: 'All reminders due' });
    await expect(items).toHaveCount(53);
    await expect(dl.reminders).toContainText('Showing 53 of 60.');
    // The opened list scrolls in its own box: the box is shorter than what it holds.
    expect(await all.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    await all.getByRole('button', { name: 'Show 7 more' }).click();
    await expect(items).toHaveCount(60);
    await expect(all.getByRole('button', { name: /^Show \d+ more$/ })).toHaveCount(0);
    await app.screenshot('deadlines-reminders-opened');
    await axeFinds(page, 'reminder center opened');

    await dl.reminders.getByRole('button', { name: 'Show fewer' }).click();
    await expect(items).toHaveCount(3);
  });
});

test.describe('the sample case', () => {
  test.beforeEach(async ({ app, page }) => {
    await page.getByRole('button', { name: 'Open the sample case' }).click();
    await expect(app.overview.saveSummary).toBeVisible({ timeout: 20_000 });
    await app.goToSection('Deadlines');
  });

  test('a rule-built deadline shows its rule, trigger and explanation; arrow keys move through the list', async ({ app, page }) => {
    const dl = new DeadlinesPage(page);
    const title = 'Last day to ask the Bureau to reconsider the order';
    await expect(dl.row(title)).toContainText('Rule: 30 business days after Order served on Meridian Labs');
    await expect(dl.row(title)).toContainText('skipped 2026-11-11 Veterans Day, 2026-11-26 Thanksgiving Day');
    await expect(dl.row(title)).toContainText('due 2026-12-16');
    await dl.open(title);
    await expect(dl.panel.getByLabel('Rule')).toContainText('Trigger: Order served on Meridian Labs (2 Nov 2026)');
    await expect(dl.panel.getByLabel('Rule')).toContainText('30 business days after Order served on Meridian Labs (2026-11-02)');
    await expect(dl.group('Date not yet known')).toBeVisible();
    await app.screenshot('deadlines-sample');

    // Keyboard: the first row takes focus with Tab order, arrows move, Enter opens.
    const rows = dl.list.locator('[role="listitem"][tabindex]');
    await rows.first().focus();
    await page.keyboard.press('ArrowDown');
    await expect(rows.nth(1)).toBeFocused();
    await page.keyboard.press('End');
    await expect(dl.row('Suspension of foreign-national access takes effect')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dl.panel.getByRole('heading', { level: 2 })).toHaveText('Suspension of foreign-national access takes effect');
  });

  for (const theme of ['Light', 'Dark'] as const) {
    test(`the deadlines screen passes axe in the ${theme.toLowerCase()} theme`, async ({ app, page }) => {
        const dl = new DeadlinesPage(page);
      const name = theme.toLowerCase();
      await app.setTheme(theme);
      await dl.open('Last day to ask the Bureau to reconsider the order');
      await expectNoSeriousViolations(page, `deadlines list (${name})`);
      await app.screenshot(`deadlines-list-${name}`);
      await dl.startAdding();
      await dl.formField('Built from a rule').check();
      await dl.formField('Trigger').selectOption({ label: 'Event: Order served on Meridian Labs (2 Nov 2026)' });
      await expect(dl.form.getByRole('status')).toContainText('Due 16 Dec 2026');
      await expectNoSeriousViolations(page, `deadlines form (${name})`);
      await app.screenshot(`deadlines-form-${name}`);
      await dl.showView('Month calendar');
      await page.getByRole('button', { name: 'Next month' }).click();
      await expect(page.getByRole('heading', { name: /December 2026|January 2027/ })).toBeVisible();
      await expectNoSeriousViolations(page, `deadlines calendar (${name})`);
      await app.screenshot(`deadlines-calendar-${name}`);
    });
  }
});

test('ten thousand deadlines stay a short list of rows in the page, and scroll with the keyboard', async ({ app, harness, page }) => {
  const info = await createCaseFile(harness, 'many.parley', 'Many deadlines');
  // Writing ten thousand records one call at a time takes minutes on a shared machine: the list call's answer is
  // widened instead to ten thousand deadlines, built from the one real record the core returns.
  await callThrough(harness, 'deadline.create', {
    caseId: info.caseId,
    fields: { title: 'Deadline 00000', deadlineKind: 'internal', status: 'open', dueType: 'date', dueDate: isoDaysFromToday(0) },
  });
  await page.route('**/api/call', async (route) => {
    const body = route.request().postDataJSON() as { name: string };
    if (body.name !== 'deadline.list') return route.continue();
    const response = await route.fetch();
    const envelope = (await response.json()) as { ok: boolean; data: Record<string, unknown>[] };
    const [one] = envelope.data;
    const many = Array.from({ length: 10_000 }, (_, n) => ({
      ...one, id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      title: `Deadline ${String(n).padStart(5, '0')}`, dueDate: isoDaysFromToday(n % 900),
    }));
    await route.fulfill({ response, json: { ok: true, data: many } });
  });
  await page.reload();
  await app.library.openCase('Many deadlines');
  await app.goToSection('Deadlines');
  const dl = new DeadlinesPage(page);
  await expect(dl.list).toHaveAttribute('aria-label', 'Deadlines (10000)');
  expect(await dl.list.getByRole('listitem').count()).toBeLessThan(60);
  const rows = dl.list.locator('[role="listitem"][tabindex]');
  await rows.first().focus();
  await page.keyboard.press('End');
  await expect(dl.list.locator('[role="listitem"][tabindex="0"]')).toBeFocused();
  await expect(dl.list.locator('[role="listitem"][tabindex="0"]')).toHaveAttribute('aria-posinset', '10000');
  expect(await dl.list.getByRole('listitem').count()).toBeLessThan(60);
  await page.keyboard.press('ArrowUp');
  await expect(dl.list.locator('[role="listitem"][tabindex="0"]')).toHaveAttribute('aria-posinset', '9999');
  await app.screenshot('deadlines-ten-thousand');
});

test('the list does not move once drawn: the reminders and the working calendar above it come with the first page', async ({ app, harness, page }) => {
  const info = await createCaseFile(harness, 'longer.parley', 'A longer case');
  // More than a first page (200), some overdue so that reminders are due.
  for (let n = 0; n < 230; n++) {
    await callThrough(harness, 'deadline.create', {
      caseId: info.caseId,
      fields: { title: `Deadline ${String(n).padStart(3, '0')}`, deadlineKind: 'response', status: 'open', dueType: 'date', dueDate: isoDaysFromToday(n - 5) },
    });
  }
  // The rest of the case is read after the first page: made slow here, as on a large case, so that anything the
  // screen drew only after it would move the list.
  await page.route('**/api/call', async (route) => {
    const body = route.request().postDataJSON() as { name: string; input: { limit?: number } };
    const rest = (body.name === 'deadline.list' && body.input.limit !== 200) || body.name === 'schedule.get' || body.name === 'event.list';
    if (rest) await new Promise((resolve) => setTimeout(resolve, 1_500));
    return route.continue();
  });
  await page.reload();
  await app.library.openCase('A longer case');
  // Where the list's top is, at every frame from its first paint on.
  await page.evaluate(() => {
    const tops: number[] = [];
    (window as unknown as { listTops: number[] }).listTops = tops;
    const watch = () => {
      const list = document.querySelector('[role="list"][aria-label^="Deadlines"]');
      if (list) tops.push(Math.round(list.getBoundingClientRect().top + window.scrollY));
      requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  });
  await app.goToSection('Deadlines');
  const dl = new DeadlinesPage(page);
  await expect(dl.group('Dated')).toContainText('The first 200 in date order; reading the rest…');
  await expect(page.getByRole('region', { name: /Reminders/ })).toBeVisible();
  await expect(dl.list).toHaveAttribute('aria-label', 'Deadlines (230)');
  await expect(dl.group('Dated')).toContainText('In date order; business days');
  const tops = await page.evaluate(() => [...new Set((window as unknown as { listTops: number[] }).listTops)]);
  expect(tops, 'the list moved after it was drawn').toHaveLength(1);
});
