// Rule-built deadlines kept by the core, through the real dispatcher and real case files: dates computed on write
// with the case's calendar and closures, chains of any depth, TBD triggers, circles refused, and a trigger move
// that is previewed, confirmed with a reason and audited, never silent. Also reminders kept across a restart and
// the calendar export of one case or the library.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { ScheduleChange } from '../../shared/api-types.js';
import { calendarUid } from '../../electron/core/calendar/export.js';
import { CaseWorld, type AnyRecord } from './support/world.js';

const RULE_30_BUSINESS_DAYS = { amount: 30, unit: 'business_days', direction: 'after', roll: 'forward', time: '17:00', timeZone: 'America/New_York' };
const after = (amount: number, unit = 'business_days') => ({ amount, unit, direction: 'after', roll: 'forward' });

function world() {
  const w = CaseWorld.create();
  const received = w.make('event', { title: 'Directive received', occurredOn: '2026-11-20' });
  const onEvent = (rule: object, extra: object = {}) => w.make('deadline', { title: 'Response', dueType: 'tbd', dueDate: null, rule, triggerEventId: received.id, ...extra });
  const onDeadline = (trigger: AnyRecord, rule: object, title: string) => w.make('deadline', { title, dueType: 'tbd', dueDate: null, rule, triggerDeadlineId: trigger.id });
  const get = (d: AnyRecord) => w.api.call('deadline.get', { caseId: w.caseId, id: d.id });
  return { w, received, onEvent, onDeadline, get };
}

describe('rule-built deadlines computed by the core', () => {
  it('stores the engine date on create, over the case calendar, at the rule time in its zone (dueAt across DST)', () => {
    const { onEvent } = world();
    const d = onEvent(RULE_30_BUSINESS_DAYS);
    expect(d).toMatchObject({ dueType: 'datetime', dueDate: '2027-01-06', dueTime: '17:00', timeZone: 'America/New_York', dueAt: '2027-01-06T22:00:00.000Z' });
  });

  it('ignores a date the caller sends for a rule-built deadline: the rule decides', () => {
    const { onEvent } = world();
    const d = onEvent(after(10), { dueType: 'date', dueDate: '2030-01-01' });
    expect(d).toMatchObject({ dueType: 'date', dueDate: '2026-12-07' });
  });

  it('refuses a rule with a time of day but no time zone', () => {
    const { w, received } = world();
    const res = w.api.raw('deadline.create', { caseId: w.caseId, fields: { title: 'X', deadlineKind: 'response', status: 'open', dueType: 'tbd', rule: { ...after(1), time: '17:00' }, triggerEventId: received.id } });
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('needs a time zone') } });
  });

  it('follows chains of any depth, triggers before dependants, and explains each step', () => {
    const { w, onEvent, onDeadline, get } = world();
    let previous = onEvent(after(1));
    const chain = [previous];
    for (let i = 1; i < 25; i++) chain.push((previous = onDeadline(previous, after(1), `Step ${i}`)));
    expect(chain.map((d) => get(d).dueDate).slice(0, 4)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-27']); // Thanksgiving skipped
    const schedule = w.api.call('schedule.get', { caseId: w.caseId });
    expect(schedule).toHaveLength(25);
    expect(schedule.find((s) => s.deadlineId === chain[3]!.id)!.explanation).toBe('1 business day after Step 2 (2026-11-25); skipped 2026-11-26 Thanksgiving Day; due 2026-11-27');
  });

  it('uses the case closures and holiday calendar, and changing them is previewed and confirmed like a trigger move', () => {
    const { w, onEvent, get } = world();
    const d = onEvent(after(3));
    expect(get(d).dueDate).toBe('2026-11-25');
    const change = { kind: 'directive' as const, changes: { closures: [{ date: '2026-11-24', name: 'Office move' }] } };
    expect(w.api.raw('directive.update', { caseId: w.caseId, changes: change.changes })).toMatchObject({ ok: false, error: { code: 'needs_confirmation' } });
    const preview = w.api.call('schedule.preview', { caseId: w.caseId, change });
    expect(preview.moves).toMatchObject([{ deadlineId: d.id, before: { dueDate: '2026-11-25' }, after: { dueDate: '2026-11-27', explanation: expect.stringContaining('2026-11-24 Office move') } }]);
    w.api.call('schedule.confirm', { caseId: w.caseId, change, reason: 'Office closed for the move' });
    expect(get(d).dueDate).toBe('2026-11-27');
    expect(w.api.raw('directive.update', { caseId: w.caseId, changes: { holidayCalendarId: 'mars-federal' } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('makes dependants of a TBD trigger TBD, with their window when the trigger has one', () => {
    const { w, get, onDeadline } = world();
    const suspension = w.make('deadline', { title: 'Suspension order', dueType: 'tbd', dueDate: null, windowStart: '2027-01-04', windowEnd: '2027-01-29' });
    const reply = onDeadline(suspension, after(30), 'Reply to suspension');
    const hearing = onDeadline(reply, after(5), 'Hearing');
    expect(get(reply)).toMatchObject({ dueType: 'tbd', dueDate: null, windowStart: '2027-02-17', windowEnd: '2027-03-15' });
    expect(get(hearing)).toMatchObject({ dueType: 'tbd', windowStart: '2027-02-24' });
    const explanation = w.api.call('schedule.get', { caseId: w.caseId }).find((s) => s.deadlineId === reply.id)!.explanation;
    expect(explanation).toContain('30 business days after Suspension order, date not yet known');

    // The trigger gets its date: confirmed, both dependants get theirs.
    const moved = w.api.call('schedule.confirm', { caseId: w.caseId, change: { kind: 'deadline', id: suspension.id, changes: { dueType: 'date', dueDate: '2027-01-11', windowStart: null, windowEnd: null } }, reason: 'Order served' });
    expect(moved.moves.map((m) => [m.title, m.after.dueType, m.after.dueDate])).toEqual([['Reply to suspension', 'date', '2027-02-24'], ['Hearing', 'date', '2027-03-03']]);
    expect(get(hearing).dueDate).toBe('2027-03-03');
  });

  it('refuses a circle of triggers and changes nothing', () => {
    const { w, onEvent, onDeadline } = world();
    const a = onEvent(after(1));
    const b = onDeadline(a, after(1), 'B');
    const c = onDeadline(b, after(1), 'C');
    const res = w.api.raw('deadline.update', { caseId: w.caseId, id: a.id, changes: { triggerEventId: null, triggerDeadlineId: c.id } });
    expect(res).toMatchObject({ ok: false, error: { code: 'cycle' } });
    expect(w.api.call('deadline.get', { caseId: w.caseId, id: a.id })).toMatchObject({ version: 1, triggerDeadlineId: null });
  });

  it('refuses deleting a trigger that deadlines count from', () => {
    const { w, received, onEvent } = world();
    onEvent(after(1));
    expect(w.api.raw('event.delete', { caseId: w.caseId, id: received.id })).toMatchObject({ ok: false, error: { code: 'has_dependants', message: expect.stringContaining('“Response”') } });
  });
});

describe('moving a trigger: preview, confirm with a reason, audit', () => {
  function chainOfThree() {
    const ctx = world();
    const reply = ctx.onEvent(after(10));
    const review = ctx.onDeadline(reply, after(5), 'Internal review');
    const final = ctx.onDeadline(review, after(2, 'calendar_days'), 'Final filing');
    return { ...ctx, reply, review, final };
  }

  it('refuses a plain update that would move dependants, and changes nothing', () => {
    const { w, received, get, reply } = chainOfThree();
    const head = w.auditHead();
    const res = w.api.raw('event.update', { caseId: w.caseId, id: received.id, changes: { occurredOn: '2026-11-30' } });
    expect(res).toMatchObject({ ok: false, error: { code: 'needs_confirmation', message: expect.stringContaining('3 other deadlines') } });
    expect(w.auditHead()).toBe(head);
    expect(get(reply).version).toBe(1);
    // A change that moves nothing (the title) goes through.
    expect(w.api.call('event.update', { caseId: w.caseId, id: received.id, changes: { title: 'Order received by counsel' } }).version).toBe(2);
  });

  it('previews every dependant down the chain with old and new dates and explanations, without changing anything', () => {
    const { w, received, get, reply, review, final } = chainOfThree();
    const head = w.auditHead();
    const preview: ScheduleChange = w.api.call('schedule.preview', { caseId: w.caseId, change: { kind: 'event', id: received.id, changes: { occurredOn: '2026-11-30' } } });
    expect(preview.moves.map((m) => [m.deadlineId, m.before.dueDate, m.after.dueDate, m.changed])).toEqual([
      [reply.id, '2026-12-07', '2026-12-14', true],
      [review.id, '2026-12-14', '2026-12-21', true],
      [final.id, '2026-12-16', '2026-12-23', true],
    ]);
    expect(preview.moves[0]!.after.explanation).toBe('10 business days after Directive received (2026-11-30); due 2026-12-14');
    expect(preview.record).toMatchObject({ id: received.id, occurredOn: '2026-11-30' });
    expect(w.auditHead()).toBe(head);
    expect(get(final).dueDate).toBe('2026-12-16');
  });

  it('confirms with a required reason: the trigger and every dependant move together, each audited with the reason', () => {
    const { w, received, get, reply, review, final } = chainOfThree();
    const change = { kind: 'event' as const, id: received.id, changes: { occurredOn: '2026-11-30' } };
    expect(w.api.raw('schedule.confirm', { caseId: w.caseId, change, reason: '  ' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(w.api.raw('schedule.confirm', { caseId: w.caseId, change, reason: 'Late', expectedVersion: 7 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const result = w.api.call('schedule.confirm', { caseId: w.caseId, change, reason: 'Receipt date corrected by the registry' });
    expect(result.moves.filter((m) => m.changed)).toHaveLength(3);
    expect([get(reply), get(review), get(final)].map((d) => d.dueDate)).toEqual(['2026-12-14', '2026-12-21', '2026-12-23']);
    const changes = w.api.call('case.recentChanges', { caseId: w.caseId, limit: 4 }).reverse();
    expect(changes.map((c) => [c.recordId, c.reason, c.before?.dueDate ?? c.before?.occurredOn, c.after?.dueDate ?? c.after?.occurredOn])).toEqual([
      [received.id, 'Receipt date corrected by the registry', '2026-11-20', '2026-11-30'],
      [reply.id, 'Receipt date corrected by the registry (moved with “Directive received”)', '2026-12-07', '2026-12-14'],
      [review.id, 'Receipt date corrected by the registry (moved with “Directive received”)', '2026-12-14', '2026-12-21'],
      [final.id, 'Receipt date corrected by the registry (moved with “Directive received”)', '2026-12-16', '2026-12-23'],
    ]);
    expect(w.api.call('case.verify', { caseId: w.caseId }).ok).toBe(true);
  });

  it('detaches a rule-built trigger given a date by hand, and moves what hangs on it', () => {
    const { w, get, reply, review } = chainOfThree();
    const change = { kind: 'deadline' as const, id: reply.id, changes: { dueDate: '2026-12-09' } };
    expect(w.api.raw('deadline.update', { caseId: w.caseId, id: reply.id, changes: change.changes })).toMatchObject({ ok: false, error: { code: 'needs_confirmation' } });
    w.api.call('schedule.confirm', { caseId: w.caseId, change, reason: 'Extension granted to 9 December' });
    expect(get(reply)).toMatchObject({ dueDate: '2026-12-09', rule: null, triggerEventId: null });
    expect(get(review).dueDate).toBe('2026-12-16');
  });
});

describe('reminders', () => {
  it('lists reminders due across open cases, including those that fell due while the app was closed; snooze and dismiss persist', () => {
    const w = CaseWorld.create();
    const d = w.make('deadline', { title: 'Written response', dueDate: '2026-12-10' });
    const now = '2026-12-09T12:00:00Z';
    const due = () => w.api.call('reminder.due', { timeZone: 'UTC', now });
    expect(due()).toMatchObject([{ caseId: w.caseId, deadlineId: d.id, offsetMinutes: 1440, overdue: false }]);
    const [reminder] = due();

    // Closed and opened again (the app restarted): still due, then snoozed until an instant.
    w.api.call('case.close', { caseId: w.caseId });
    const reopened = w.api.call('case.open', { path: w.file });
    expect(w.api.call('reminder.due', { caseId: reopened.caseId, timeZone: 'UTC', now }).map((r) => r.key)).toEqual([reminder!.key]);
    w.api.call('reminder.snooze', { caseId: reopened.caseId, key: reminder!.key, until: '2026-12-09T15:00:00Z' });
    expect(due()).toEqual([]);
    expect(w.api.call('reminder.due', { timeZone: 'UTC', now: '2026-12-09T15:00:01Z' })).toHaveLength(1);
    w.api.call('reminder.dismiss', { caseId: reopened.caseId, key: reminder!.key });
    expect(w.api.call('reminder.due', { timeZone: 'UTC', now: '2026-12-09T16:00:00Z' })).toEqual([]);
    // The 2-hour reminder is a new one.
    expect(w.api.call('reminder.due', { timeZone: 'UTC', now: '2026-12-09T22:30:00Z' })).toMatchObject([{ offsetMinutes: 120 }]);
    expect(w.api.call('record.history', { caseId: reopened.caseId, id: d.id }).map((e) => e.reason)).toEqual([null, `Reminder snoozed until 2026-12-09T15:00:00Z`, 'Reminder dismissed']);
    // The generic update cannot touch reminder state.
    expect(w.api.raw('deadline.update', { caseId: reopened.caseId, id: d.id, changes: { reminderState: null } as never })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('desktop notifications', () => {
  it('plan the reminders still to come (reminder.upcoming): dismissed ones left out, a snoozed one at the end of its snooze', () => {
    const w = CaseWorld.create();
    const d = w.make('deadline', { title: 'Hearing', dueType: 'datetime', dueDate: '2026-12-10', dueTime: '10:00', timeZone: 'UTC' });
    const at = (iso: string) => Date.parse(iso);
    const upcoming = () => w.api.call('reminder.upcoming', { now: '2026-12-01T00:00:00Z', timeZone: 'UTC' });
    const plan = () => upcoming().map((r) => [r.title, r.at]);
    expect(plan()).toEqual([['Hearing', at('2026-12-03T10:00:00Z')], ['Hearing', at('2026-12-09T10:00:00Z')], ['Hearing', at('2026-12-10T08:00:00Z')]]);
    const [weekBefore, dayBefore] = upcoming();
    w.api.call('reminder.dismiss', { caseId: w.caseId, key: weekBefore!.id });
    w.api.call('reminder.snooze', { caseId: w.caseId, key: dayBefore!.id, until: '2026-12-09T18:00:00Z' });
    expect(plan()).toEqual([['Hearing', at('2026-12-09T18:00:00Z')], ['Hearing', at('2026-12-10T08:00:00Z')]]);
    expect(upcoming()[0]!.body).toBe(`${w.api.call('directive.get', { caseId: w.caseId }).title}: due 2026-12-10 10:00 UTC`);
    w.api.call('deadline.update', { caseId: w.caseId, id: d.id, changes: { status: 'done' } });
    expect(plan()).toEqual([]);
  });
});

describe('calendar export', () => {
  it('exports one case or the whole library as an .ics that ical.js reads, with alarms; re-exporting keeps every UID', () => {
    const { w, onEvent } = world();
    const response = onEvent(RULE_30_BUSINESS_DAYS);
    const dated = w.make('deadline', { title: 'Internal review', dueDate: '2026-12-01' });
    w.make('deadline', { title: 'Suspension', dueType: 'tbd', dueDate: null });
    const uidsOf = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('uid') as string).sort();

    const first = w.api.call('calendar.ics', { caseIds: [w.caseId] });
    expect(first.events).toBe(2);
    // UIDs are a stable digest of case and deadline: a calendar leaves the building, and carries no record id.
    expect(uidsOf(first.text)).toEqual([`${calendarUid(w.caseId, dated.id)}@parley`, `${calendarUid(w.caseId, response.id)}@parley`].sort());
    expect(first.text).not.toContain(dated.id);
    const vevent = new ICAL.Component(ICAL.parse(first.text)).getAllSubcomponents('vevent').find((e) => e.getFirstPropertyValue('uid') === `${calendarUid(w.caseId, response.id)}@parley`)!;
    // The rule in words and its date; not the days it skipped, which would name the case's own closure days.
    const description = String(vevent.getFirstPropertyValue('description'));
    expect(description).toContain('30 business days after Directive received');
    expect(description).toMatch(/due 20\d\d-\d\d-\d\d/);
    expect(description).not.toContain('skipped');
    expect(vevent.getAllSubcomponents('valarm')).toHaveLength(3);

    w.api.call('deadline.update', { caseId: w.caseId, id: dated.id, changes: { title: 'Internal review (moved)' } });
    const library = w.api.call('calendar.ics', {});
    expect(library.problems).toEqual([]);
    expect(uidsOf(library.text)).toEqual(uidsOf(first.text));
  });
});
