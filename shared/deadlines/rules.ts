// One rule applied to one trigger date: "N calendar days / business days / weeks / months before or after",
// then rolled off a closed day when the rule says so. Returns the date and the words that explain it.
import type { DeadlineRule } from '../records.js';
import { shiftDays, shiftMonths, type IsoDate } from './calendar-date.js';
import {
  addBusinessDays, rollToBusinessDay, subtractBusinessDays, type ClosedDay, type WorkingCalendar,
} from './working-calendar.js';

export type { DeadlineRule };

export interface RuleOutcome {
  date: IsoDate;
  /** Holidays and closures passed over (counting business days, or rolling off a closed day). */
  skipped: ClosedDay[];
  /** How the date was reached beyond plain counting: a month end, a roll off a closed day. */
  notes: string[];
}

const UNIT_WORDS: Record<DeadlineRule['unit'], [one: string, many: string]> = {
  calendar_days: ['calendar day', 'calendar days'],
  business_days: ['business day', 'business days'],
  weeks: ['week', 'weeks'],
  months: ['month', 'months'],
};

/**
 * The date a rule gives from a trigger date.
 * - calendar days, weeks (7 calendar days) and months count every day; when the day reached is a weekend day,
 *   holiday or closure, `roll` moves it to the next (forward) or previous (back) business day, or leaves it (none);
 * - months keep the day of month, or take the month's last day when it is shorter (Jan 31 + 1 month = Feb 28,
 *   Feb 29 in a leap year; Mar 31 - 1 month = Feb 28), then roll;
 * - business days count only business days, so the result is always one and `roll` has nothing to do. Zero
 *   business days after (before) a closed day is the next (previous) business day.
 */
export function applyRule(calendar: WorkingCalendar, trigger: IsoDate, rule: DeadlineRule): RuleOutcome {
  const sign = rule.direction === 'after' ? 1 : -1;
  switch (rule.unit) {
    case 'business_days':
      return countBusinessDaysFrom(calendar, trigger, rule);
    case 'calendar_days':
      return rollOffClosedDay(calendar, shiftDays(trigger, sign * rule.amount), rule.roll, []);
    case 'weeks':
      return rollOffClosedDay(calendar, shiftDays(trigger, sign * 7 * rule.amount), rule.roll, []);
    case 'months': {
      const { date, clampedFrom } = shiftMonths(trigger, sign * rule.amount);
      const notes = clampedFrom ? [`${clampedFrom} does not exist, so the last day of that month, ${date}`] : [];
      return rollOffClosedDay(calendar, date, rule.roll, notes);
    }
  }
}

function countBusinessDaysFrom(calendar: WorkingCalendar, trigger: IsoDate, rule: DeadlineRule): RuleOutcome {
  const walk = rule.direction === 'after'
    ? addBusinessDays(calendar, trigger, rule.amount)
    : subtractBusinessDays(calendar, trigger, rule.amount);
  const closedTrigger = rule.amount === 0 ? calendar.closedOn(trigger) : null;
  const notes = closedTrigger
    ? [`${trigger} is ${closedDayWords(closedTrigger)}, so the ${rule.direction === 'after' ? 'next' : 'previous'} business day`]
    : [];
  return { ...walk, notes };
}

function rollOffClosedDay(calendar: WorkingCalendar, date: IsoDate, roll: DeadlineRule['roll'], notes: string[]): RuleOutcome {
  const closed = calendar.closedOn(date);
  if (closed === null) return { date, skipped: [], notes };
  if (roll === 'none') return { date, skipped: [], notes: [...notes, `${date} is ${closedDayWords(closed)}; not rolled`] };
  const walk = rollToBusinessDay(calendar, date, roll);
  return { ...walk, notes: [...notes, `${date} is ${closedDayWords(closed)}, rolled ${roll} to ${walk.date}`] };
}

/** "a Saturday", "Christmas Day", "a closure (Office move)". */
export function closedDayWords(day: ClosedDay): string {
  switch (day.reason) {
    case 'weekend': return `a ${day.name}`;
    case 'holiday': return day.name;
    case 'closure': return `a closure (${day.name})`;
  }
}

/** "30 business days", "1 month". */
export function amountWords(rule: Pick<DeadlineRule, 'amount' | 'unit'>): string {
  const [one, many] = UNIT_WORDS[rule.unit];
  return `${rule.amount} ${rule.amount === 1 ? one : many}`;
}

/**
 * The rule in words, as the deadline shows it whether or not its date is known:
 * "30 business days after Suspension order", "10 calendar days after Order received, or the next business day,
 * at 17:00 America/New_York".
 */
export function describeRule(rule: DeadlineRule, triggerTitle: string, timeZone: string | null = rule.timeZone ?? null): string {
  const roll = rule.unit === 'business_days' || rule.roll === 'none'
    ? ''
    : `, or the ${rule.roll === 'forward' ? 'next' : 'previous'} business day`;
  const time = rule.time ? `, at ${rule.time}${timeZone ? ` ${timeZone}` : ''}` : '';
  return `${amountWords(rule)} ${rule.direction} ${triggerTitle}${roll}${time}`;
}

/** "skipped 2026-11-26 Thanksgiving Day, 2026-12-25 Christmas Day", or null when nothing was skipped. */
export function skippedWords(skipped: readonly ClosedDay[]): string | null {
  if (skipped.length === 0) return null;
  return `skipped ${skipped.map((day) => `${day.date} ${day.name}`).join(', ')}`;
}
