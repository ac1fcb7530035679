// Reminders before a deadline: offsets in minutes per deadline (or the kind's defaults), and the list of
// reminders due at a given moment. Worked out from the clock, not from timers, so reminders that fell due while
// the app was closed are listed the next time it asks.
import { shiftDays } from './calendar-date.js';
import type { DeadlineInput, DeadlineKind } from './types.js';
import { instantToIso, zonedTimeToInstant } from './zoned-time.js';

const HOUR = 60;
const DAY = 24 * HOUR;
const WEEK_DAY_HOURS = [7 * DAY, DAY, 2 * HOUR];

export const DEFAULT_REMINDER_OFFSETS_MINUTES: Readonly<Record<DeadlineKind, readonly number[]>> = {
  statutory: WEEK_DAY_HOURS,
  response: WEEK_DAY_HOURS,
  compliance: WEEK_DAY_HOURS,
  meeting: [DAY, HOUR],
  internal: [DAY],
};

/** The deadline's own offsets when it has a list (an empty list means no reminders), else its kind's; earliest first. */
export function reminderOffsetsFor(deadline: Pick<DeadlineInput, 'deadlineKind' | 'reminderOffsetsMinutes'>): number[] {
  const offsets = deadline.reminderOffsetsMinutes ?? DEFAULT_REMINDER_OFFSETS_MINUTES[deadline.deadlineKind];
  return [...new Set(offsets)].sort((a, b) => b - a);
}

/**
 * The instant reminder offsets count back from: a date-time deadline's due instant; for a date-only deadline,
 * the start (00:00) of its day in `timeZone`, the way a calendar counts alarms on an all-day event, so the app and
 * an exported calendar remind at the same moments. Null for a deadline with no date yet.
 */
export function reminderAnchor(deadline: DeadlineInput, timeZone: string): Date | null {
  if (deadline.dueType === 'datetime' && deadline.dueDate && deadline.dueTime && deadline.timeZone) {
    return zonedTimeToInstant(deadline.dueDate, deadline.dueTime, deadline.timeZone);
  }
  if (deadline.dueType === 'date' && deadline.dueDate) return zonedTimeToInstant(deadline.dueDate, '00:00', timeZone);
  return null;
}

export interface ReminderState {
  /** Keys (`DueReminder.key`) of reminders the user dismissed. */
  dismissed?: readonly string[];
  /** Keys of snoozed reminders, with the instant (ISO 8601) each comes back. */
  snoozedUntil?: Readonly<Record<string, string>>;
}

export interface DueReminder {
  /**
   * Names this reminder of this deadline at this due moment: when the deadline moves, its reminders are new and
   * a dismissal of the old ones no longer hides them.
   */
  key: string;
  deadlineId: string;
  title: string;
  deadlineKind: DeadlineKind;
  offsetMinutes: number;
  /** When the reminder fell due (UTC). */
  fellDueAt: string;
  /** The moment its offset counts back from (UTC); see `reminderAnchor`. */
  anchorAt: string;
  /** The deadline has passed: its due instant, or for a date-only deadline the end of its day. */
  overdue: boolean;
  /** Earlier reminders of the same deadline that this one stands in for. */
  earlierReminders: number;
}

/**
 * The reminders due at `now`, most urgent deadline first: one per open deadline, the latest of its reminders to
 * have fallen due, unless that one is dismissed or still snoozed (earlier ones are superseded by it, so a user
 * back after a week sees "due tomorrow", not also "due in a week"). `timeZone` is the user's: where the day of a
 * date-only deadline begins.
 */
export function dueReminders(
  deadlines: readonly DeadlineInput[],
  now: Date,
  state: ReminderState,
  options: { timeZone: string },
): DueReminder[] {
  const dismissed = new Set(state.dismissed ?? []);
  const snoozedUntil = state.snoozedUntil ?? {};
  const reminders: DueReminder[] = [];
  for (const deadline of deadlines) {
    if (deadline.deletedAt || deadline.status !== 'open') continue;
    const anchor = reminderAnchor(deadline, options.timeZone);
    if (!anchor) continue;
    const fallenDue = reminderOffsetsFor(deadline).filter((offset) => anchor.getTime() - offset * 60_000 <= now.getTime());
    const latest = fallenDue.at(-1);
    if (latest === undefined) continue;
    const key = reminderKey(deadline.id, latest, anchor);
    const snoozed = snoozedUntil[key];
    if (dismissed.has(key) || (snoozed && Date.parse(snoozed) > now.getTime())) continue;
    const passesAt = deadline.dueType === 'date' && deadline.dueDate
      ? zonedTimeToInstant(shiftDays(deadline.dueDate, 1), '00:00', options.timeZone)
      : anchor;
    reminders.push({
      key, deadlineId: deadline.id, title: deadline.title, deadlineKind: deadline.deadlineKind, offsetMinutes: latest,
      fellDueAt: instantToIso(new Date(anchor.getTime() - latest * 60_000)),
      anchorAt: instantToIso(anchor),
      overdue: now.getTime() >= passesAt.getTime(),
      earlierReminders: fallenDue.length - 1,
    });
  }
  return reminders.sort((a, b) => a.anchorAt.localeCompare(b.anchorAt) || a.title.localeCompare(b.title));
}

export function reminderKey(deadlineId: string, offsetMinutes: number, anchor: Date): string {
  return `${deadlineId}|${offsetMinutes}|${instantToIso(anchor)}`;
}
