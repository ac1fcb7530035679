// Desktop notifications for reminders, scheduled in the main process so they appear while the window is hidden or
// minimised. The scheduler keeps one timer for the next reminder due; planning a new list replaces the old plan.
// What a reminder is (which deadlines, how long before) is decided elsewhere: this only shows them on time.

import type { UpcomingReminder } from '../../shared/api-types.js';

/** A reminder to show: one the core's reminder.upcoming lists. */
export type Reminder = UpcomingReminder;

export interface SchedulerClock {
  now(): number;
  setTimer(callback: () => void, delayMs: number): unknown;
  clearTimer(timer: unknown): void;
}

export const systemClock: SchedulerClock = {
  now: () => Date.now(),
  setTimer: (callback, delayMs) => setTimeout(callback, delayMs),
  clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
};

/** setTimeout fires at once for delays above 2^31-1 ms (about 24.8 days), so long waits are taken in steps. */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

export class ReminderScheduler {
  private pending: Reminder[] = [];
  private timer: unknown = null;
  /** Reminders already shown, by id and time: planning the same reminder again does not repeat it. */
  private readonly shown = new Set<string>();

  constructor(
    private readonly show: (reminder: Reminder) => void,
    private readonly clock: SchedulerClock = systemClock,
  ) {}

  /**
   * Replaces the plan. Reminders whose time passed before they were planned are not shown (the app lists what is
   * overdue); a reminder moved to a new time counts as new.
   */
  plan(reminders: readonly Reminder[]): void {
    const now = this.clock.now();
    this.pending = reminders.filter((r) => Number.isFinite(r.at) && r.at > now && !this.shown.has(keyOf(r))).sort((a, b) => a.at - b.at);
    this.arm();
  }

  /** Re-checks the plan against the clock, e.g. after the computer wakes from sleep, when timers may be late. */
  wake(): void {
    this.fireDue();
  }

  stop(): void {
    this.disarm();
    this.pending = [];
  }

  /** The reminders still to be shown, earliest first. */
  planned(): readonly Reminder[] {
    return this.pending;
  }

  private fireDue(): void {
    const now = this.clock.now();
    const due = this.pending.filter((r) => r.at <= now);
    this.pending = this.pending.filter((r) => r.at > now);
    for (const reminder of due) {
      this.shown.add(keyOf(reminder));
      this.show(reminder);
    }
    this.arm();
  }

  private arm(): void {
    this.disarm();
    const next = this.pending[0];
    if (!next) return;
    const delay = Math.min(Math.max(next.at - this.clock.now(), 0), MAX_TIMER_DELAY_MS);
    this.timer = this.clock.setTimer(() => {
      this.timer = null;
      this.fireDue();
    }, delay);
  }

  private disarm(): void {
    if (this.timer !== null) this.clock.clearTimer(this.timer);
    this.timer = null;
  }
}

function keyOf(reminder: Reminder): string {
  return `${reminder.id}@${reminder.at}`;
}
