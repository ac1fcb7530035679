// Desktop notifications for reminders, scheduled in the main process so they appear while the window is hidden or
// minimised. The scheduler keeps one timer for the next thing due; planning a new list replaces the old plan.
// What a reminder is (which deadlines, how long before) is decided elsewhere: this only shows them on time, keeps
// them back during the user's quiet hours (then shows them together, once), and shows the daily digest at most once
// a day at the time the user chose.

import type { UpcomingReminder } from '../../shared/api-types.js';
import type { QuietHours } from '../../shared/profile.js';
import { nextTimeOfDay, quietUntil, wallClockAt } from '../../shared/quiet-hours.js';
import { countOf } from '../../shared/words.js';

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

/** A desktop notification to show: a reminder's, the catch-up after quiet hours, or the daily digest. */
export interface Notice {
  title: string;
  body: string;
  /** Where a click takes the user: the window as it was, or the dashboard (the digest's Today panel). */
  opens: 'window' | 'dashboard';
}

/** The user's choices the scheduler follows (shared/profile.ts settings), and the zone their times are read in. */
export interface NotificationRules {
  quietHours: QuietHours | null;
  /** The daily digest's time of day; null for none. */
  digestAt: string | null;
  timeZone: string;
}

const NO_RULES: NotificationRules = { quietHours: null, digestAt: null, timeZone: 'UTC' };

export class ReminderScheduler {
  private pending: Reminder[] = [];
  /** Reminders that came due during quiet hours, shown together when they end. */
  private held: Reminder[] = [];
  private timer: unknown = null;
  /** Reminders already shown (or held), by id and time: planning the same reminder again does not repeat it. */
  private readonly shown = new Set<string>();
  private rules: NotificationRules = NO_RULES;
  /** When the next daily digest is due, or null when there is none. */
  private digestDueAt: number | null = null;
  /** The digest came due in quiet hours: it is shown when they end (still the one of its day). */
  private digestHeld = false;
  /** The day (on the user's wall clock) of the last digest shown: never two on one day. */
  private lastDigestDay: string | null = null;

  constructor(
    private readonly show: (notice: Notice) => void,
    private readonly clock: SchedulerClock = systemClock,
    /** What the daily digest says now, or null when there is nothing to say (then no notification is shown). */
    private readonly digest: () => Omit<Notice, 'opens'> | null = () => null,
  ) {}

  /** Follows the user's quiet hours and digest time from now on. */
  configure(rules: NotificationRules): void {
    this.rules = rules;
    this.digestDueAt = rules.digestAt ? nextTimeOfDay(this.clock.now(), rules.digestAt, rules.timeZone) : null;
    if (!rules.digestAt) this.digestHeld = false;
    this.fireDue();
  }

  /**
   * Replaces the plan. Reminders whose time passed before they were planned are not shown (the app lists what is
   * overdue); a reminder moved to a new time counts as new. Reminders held in quiet hours stay held.
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
    this.held = [];
  }

  /** The reminders still to be shown, earliest first. */
  planned(): readonly Reminder[] {
    return this.pending;
  }

  /** The reminders kept back by quiet hours, to be shown when they end. */
  heldBack(): readonly Reminder[] {
    return this.held;
  }

  /** When the next daily digest is due (it may still be held back by quiet hours then), or null. */
  nextDigest(): number | null {
    return this.digestDueAt;
  }

  private fireDue(): void {
    const now = this.clock.now();
    const due = this.pending.filter((r) => r.at <= now);
    this.pending = this.pending.filter((r) => r.at > now);
    for (const reminder of due) this.shown.add(keyOf(reminder));
    if (this.digestDueAt !== null && this.digestDueAt <= now) {
      this.digestHeld = true;
      this.digestDueAt = nextTimeOfDay(now, this.rules.digestAt!, this.rules.timeZone);
    }
    const quiet = quietUntil(now, this.rules.quietHours, this.rules.timeZone) !== null;
    if (quiet) this.held.push(...due);
    else {
      this.showCatchUp();
      for (const reminder of due) this.show({ title: reminder.title, body: reminder.body, opens: 'window' });
      if (this.digestHeld) this.showDigest(now);
    }
    this.arm();
  }

  /** The reminders held in quiet hours: one as itself, several as one notification that lists them. */
  private showCatchUp(): void {
    const held = this.held;
    this.held = [];
    if (held.length === 1) this.show({ title: held[0]!.title, body: held[0]!.body, opens: 'window' });
    if (held.length > 1) this.show({ title: `${countOf(held.length, 'reminder')} while you were away`, body: held.map((r) => r.title).join('\n'), opens: 'window' });
  }

  private showDigest(now: number): void {
    this.digestHeld = false;
    const day = wallClockAt(now, this.rules.timeZone).date;
    if (day === this.lastDigestDay) return;
    const digest = this.digest();
    if (!digest) return;
    this.lastDigestDay = day;
    this.show({ ...digest, opens: 'dashboard' });
  }

  private arm(): void {
    this.disarm();
    const now = this.clock.now();
    const waiting = this.held.length > 0 || this.digestHeld;
    const quietEnd = waiting ? quietUntil(now, this.rules.quietHours, this.rules.timeZone) : null;
    const times = [this.pending[0]?.at, this.digestDueAt, quietEnd].filter((t): t is number => t !== null && t !== undefined);
    if (times.length === 0) return;
    const delay = Math.min(Math.max(Math.min(...times) - now, 0), MAX_TIMER_DELAY_MS);
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
