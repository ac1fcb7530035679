// The reminder scheduler, on a clock the test moves by hand.
import { describe, expect, it } from 'vitest';
import { MAX_TIMER_DELAY_MS, ReminderScheduler, type Reminder, type SchedulerClock } from '../../electron/main/reminders.js';

class ManualClock implements SchedulerClock {
  time = Date.UTC(2025, 5, 2, 9, 0);
  private timers: { id: number; at: number; callback: () => void }[] = [];
  private nextId = 1;
  readonly delays: number[] = [];
  now = () => this.time;
  setTimer = (callback: () => void, delayMs: number) => {
    this.delays.push(delayMs);
    const timer = { id: this.nextId++, at: this.time + delayMs, callback };
    this.timers.push(timer);
    return timer.id;
  };
  clearTimer = (id: unknown) => {
    this.timers = this.timers.filter((t) => t.id !== id);
  };
  get armed(): number {
    return this.timers.length;
  }
  /** Moves time forward, firing timers as they come due (as the event loop would). */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const next = [...this.timers].sort((a, b) => a.at - b.at)[0];
      if (!next || next.at > end) break;
      this.time = next.at;
      this.timers = this.timers.filter((t) => t !== next);
      next.callback();
    }
    this.time = end;
  }
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function setup() {
  const clock = new ManualClock();
  const shown: string[] = [];
  const scheduler = new ReminderScheduler((r) => shown.push(r.id), clock);
  const at = (minutes: number, id: string): Reminder => ({ id, title: `Reminder ${id}`, body: 'Deadline', at: clock.time + minutes * MINUTE });
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
