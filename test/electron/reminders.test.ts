// The reminder scheduler, on a clock the test moves by hand: reminders on time, quiet hours (across midnight and
// clock changes) with one catch-up notification when they end, and the daily digest at most once a day.
import { describe, expect, it } from 'vitest';
import { MAX_TIMER_DELAY_MS, ReminderScheduler, type Notice, type NotificationRules, type Reminder } from '../../electron/main/reminders.js';
import { ManualClock } from './manual-clock.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function setup() {
  const clock = new ManualClock();
  const shown: string[] = [];
  const scheduler = new ReminderScheduler((n) => shown.push(n.title), clock);
  const at = (minutes: number, id: string): Reminder => ({ id, title: id, body: 'Deadline', at: clock.time + minutes * MINUTE });
  return { clock, shown, scheduler, at };
}

describe('ReminderScheduler', () => {
  it('shows each reminder at its time, in order, with one timer armed', () => {
    const { clock, shown, scheduler, at } = setup();
    scheduler.plan([at(30, 'b'), at(10, 'a'), at(30, 'c')]);
    expect(clock.armed).toBe(1);
    clock.advance(9 * MINUTE);
    expect(shown).toEqual([]);
    clock.advance(1 * MINUTE);
    expect(shown).toEqual(['a']);
    clock.advance(20 * MINUTE);
    expect(shown).toEqual(['a', 'b', 'c']);
    expect(clock.armed).toBe(0);
  });

  it('replaces the plan when the list changes', () => {
    const { clock, shown, scheduler, at } = setup();
    scheduler.plan([at(10, 'a'), at(20, 'b')]);
    scheduler.plan([at(15, 'c')]);
    expect(clock.armed).toBe(1);
    clock.advance(30 * MINUTE);
    expect(shown).toEqual(['c']);
  });

  it('does not show a reminder twice when it is planned again, but does when it moves', () => {
    const { clock, shown, scheduler, at } = setup();
    const a = at(10, 'a');
    scheduler.plan([a]);
    clock.advance(10 * MINUTE);
    scheduler.plan([a, { ...a, at: clock.time + MINUTE }]);
    clock.advance(5 * MINUTE);
    expect(shown).toEqual(['a', 'a']);
    scheduler.plan([a]);
    clock.advance(60 * MINUTE);
    expect(shown).toEqual(['a', 'a']);
  });

  it('skips reminders whose time passed before they were planned', () => {
    const { clock, shown, scheduler, at } = setup();
    scheduler.plan([at(-5, 'late'), at(0, 'now'), { ...at(1, 'nan'), at: Number.NaN }, at(1, 'soon')]);
    expect(scheduler.planned().map((r) => r.id)).toEqual(['soon']);
    clock.advance(MINUTE);
    expect(shown).toEqual(['soon']);
  });

  it('waits in steps for reminders further away than a timer can wait', () => {
    const { clock, shown, scheduler, at } = setup();
    scheduler.plan([at(40 * 24 * 60, 'far')]);
    expect(clock.delays).toEqual([MAX_TIMER_DELAY_MS]);
    clock.advance(39 * DAY);
    expect(shown).toEqual([]);
    clock.advance(DAY);
    expect(shown).toEqual(['far']);
  });

  it('catches up after a sleep, when timers are late', () => {
    const { clock, shown, scheduler, at } = setup();
    scheduler.plan([at(10, 'a'), at(20, 'b')]);
    clock.time += 25 * MINUTE; // asleep: no timer ran
    scheduler.wake();
    expect(shown).toEqual(['a', 'b']);
  });

  it('stops', () => {
    const { clock, shown, scheduler, at } = setup();
    scheduler.plan([at(10, 'a')]);
    scheduler.stop();
    expect(clock.armed).toBe(0);
    clock.advance(60 * MINUTE);
    expect(shown).toEqual([]);
  });
});

const LONDON = 'Europe/London';
const QUIET: NotificationRules = { quietHours: { from: '20:00', to: '07:00' }, digestAt: null, timeZone: LONDON };

/** A scheduler whose clock starts at `startUtc`, keeping every notice it shows; `digest` is what the digest says. */
function quietSetup(startUtc: string, rules: NotificationRules, digest: () => Omit<Notice, 'opens'> | null = () => null) {
  const clock = new ManualClock();
  clock.time = Date.parse(startUtc);
  const notices: (Notice & { atUtc: string })[] = [];
  const scheduler = new ReminderScheduler((n) => notices.push({ ...n, atUtc: new Date(clock.time).toISOString() }), clock, digest);
  scheduler.configure(rules);
  const reminder = (utc: string, title: string): Reminder => ({ id: title, title, body: 'Deadline', at: Date.parse(utc) });
  const until = (utc: string) => clock.advance(Date.parse(utc) - clock.time);
  return { clock, notices, scheduler, reminder, until };
}

describe('quiet hours', () => {
  it('hold reminders from 20:00 to 07:00 across midnight and show them as one notification when they end', () => {
    // June in London is summer time (UTC+1): 20:00 there is 19:00 UTC.
    const { notices, scheduler, reminder, until } = quietSetup('2025-06-02T17:00:00Z', QUIET);
    scheduler.plan([
      reminder('2025-06-02T18:59:00Z', 'Before quiet hours'),
      reminder('2025-06-02T19:00:00Z', 'At 20:00 sharp'),
      reminder('2025-06-02T22:30:00Z', 'Before midnight'),
      reminder('2025-06-03T01:00:00Z', 'After midnight'),
      reminder('2025-06-03T06:00:00Z', 'At 07:00 sharp'),
    ]);
    until('2025-06-03T05:59:59Z');
    expect(notices.map((n) => n.title)).toEqual(['Before quiet hours']);
    expect(scheduler.heldBack().map((r) => r.title)).toEqual(['At 20:00 sharp', 'Before midnight', 'After midnight']);
    until('2025-06-03T06:00:00Z');
    expect(notices.slice(1)).toEqual([
      { title: '3 reminders while you were away', body: 'At 20:00 sharp\nBefore midnight\nAfter midnight', opens: 'window', atUtc: '2025-06-03T06:00:00.000Z' },
      { title: 'At 07:00 sharp', body: 'Deadline', opens: 'window', atUtc: '2025-06-03T06:00:00.000Z' },
    ]);
    until('2025-06-04T12:00:00Z');
    expect(notices).toHaveLength(3); // shown once
  });

  it('show one reminder held back as itself, and keep it held when the plan is made again', () => {
    const { notices, scheduler, reminder, until } = quietSetup('2025-06-02T18:00:00Z', QUIET);
    const late = reminder('2025-06-02T21:00:00Z', 'Comments due tomorrow');
    scheduler.plan([late]);
    until('2025-06-02T22:00:00Z');
    scheduler.plan([late]); // a deadline changed somewhere: the core lists the same reminder, already past
    until('2025-06-03T06:00:00Z');
    expect(notices.map((n) => [n.title, n.atUtc])).toEqual([['Comments due tomorrow', '2025-06-03T06:00:00.000Z']]);
  });

  it('end at 07:00 on the wall clock on the nights clocks go forward and back', () => {
    // 30 March 2025: London goes from GMT to BST at 01:00 UTC, so 07:00 is 06:00 UTC.
    const spring = quietSetup('2025-03-29T21:00:00Z', QUIET);
    spring.scheduler.plan([spring.reminder('2025-03-30T00:30:00Z', 'a'), spring.reminder('2025-03-30T03:00:00Z', 'b')]);
    spring.until('2025-03-30T05:59:00Z');
    expect(spring.notices).toEqual([]);
    spring.until('2025-03-30T06:00:00Z');
    expect(spring.notices.map((n) => [n.title, n.atUtc])).toEqual([['2 reminders while you were away', '2025-03-30T06:00:00.000Z']]);
    // 26 October 2025: back to GMT at 01:00 UTC, so 07:00 is 07:00 UTC, and the night is an hour longer.
    const autumn = quietSetup('2025-10-25T20:00:00Z', QUIET);
    autumn.scheduler.plan([autumn.reminder('2025-10-26T06:30:00Z', 'c')]);
    autumn.until('2025-10-26T06:59:00Z');
    expect(autumn.notices).toEqual([]);
    autumn.until('2025-10-26T07:00:00Z');
    expect(autumn.notices.map((n) => [n.title, n.atUtc])).toEqual([['c', '2025-10-26T07:00:00.000Z']]);
  });

  it('let everything held through at once when the user turns them off', () => {
    const { notices, scheduler, reminder, until } = quietSetup('2025-06-02T18:00:00Z', QUIET);
    scheduler.plan([reminder('2025-06-02T20:00:00Z', 'a'), reminder('2025-06-02T21:00:00Z', 'b')]);
    until('2025-06-02T21:30:00Z');
    scheduler.configure({ ...QUIET, quietHours: null });
    expect(notices.map((n) => [n.title, n.atUtc])).toEqual([['2 reminders while you were away', '2025-06-02T21:30:00.000Z']]);
  });
});

describe('daily digest', () => {
  const DIGEST: NotificationRules = { quietHours: null, digestAt: '08:00', timeZone: LONDON };
  const says = () => ({ title: 'Daily digest', body: '2 reminders due.' });

  it('is shown once a day at the time chosen, and a click on it opens the dashboard', () => {
    const { notices, until } = quietSetup('2025-06-02T05:00:00Z', DIGEST, says);
    until('2025-06-04T23:00:00Z');
    expect(notices.map((n) => [n.title, n.opens, n.atUtc])).toEqual([
      ['Daily digest', 'dashboard', '2025-06-02T07:00:00.000Z'],
      ['Daily digest', 'dashboard', '2025-06-03T07:00:00.000Z'],
      ['Daily digest', 'dashboard', '2025-06-04T07:00:00.000Z'],
    ]);
  });

  it('is not shown a second time on a day when its time is moved later, nor when it has nothing to say', () => {
    let body: string | null = 'Something';
    const { notices, scheduler, until } = quietSetup('2025-06-02T05:00:00Z', DIGEST, () => (body ? { title: 'Daily digest', body } : null));
    until('2025-06-02T07:30:00Z');
    scheduler.configure({ ...DIGEST, digestAt: '09:00' });
    until('2025-06-02T23:00:00Z');
    expect(notices).toHaveLength(1);
    body = null;
    until('2025-06-03T23:00:00Z');
    expect(notices).toHaveLength(1);
    expect(scheduler.nextDigest()).toBe(Date.parse('2025-06-04T08:00:00Z'));
  });

  it('due in quiet hours, comes after the catch-up when they end; off, never comes', () => {
    const quietDigest = quietSetup('2025-06-02T18:00:00Z', { ...QUIET, digestAt: '06:30' }, says);
    quietDigest.scheduler.plan([quietDigest.reminder('2025-06-02T23:00:00Z', 'a')]);
    quietDigest.until('2025-06-03T12:00:00Z');
    expect(quietDigest.notices.map((n) => [n.title, n.atUtc])).toEqual([
      ['a', '2025-06-03T06:00:00.000Z'],
      ['Daily digest', '2025-06-03T06:00:00.000Z'],
    ]);
    const off = quietSetup('2025-06-02T05:00:00Z', { ...DIGEST, digestAt: null }, says);
    off.until('2025-06-05T05:00:00Z');
    expect(off.notices).toEqual([]);
    expect(off.scheduler.nextDigest()).toBeNull();
  });
});
