// Calendar days as the API gives them ('YYYY-MM-DD') and the date-fns arithmetic behind them.
//
// date-fns computes in the system's local time zone. Each day is held internally as a Date at 12:00 local time:
// noon exists on every day in every zone (clock changes happen at night), so adding days or months never slips
// a day whatever zone the app runs in (the suite passes with the machine set to New York, Samoa, Santiago and
// Kathmandu). The one exception would be a machine set to a zone on a day that zone skipped entirely (Samoa,
// 2011-12-30). TZDate in 'UTC' would avoid even that but is ~25x slower, and business-day counting walks day by day.
import { addDays, addMonths, getDay } from 'date-fns';

/** A calendar day, 'YYYY-MM-DD'. */
export type IsoDate = string;

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day as a date-fns Date at local noon; refuses anything that is not a real calendar day. */
export function dayFromIso(iso: IsoDate): Date {
  const parts = ISO_DATE.exec(iso);
  if (!parts) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${iso}`);
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const date = dayOf(year, month, day);
  if (date.getMonth() !== month - 1 || date.getDate() !== day) throw new RangeError(`no such calendar date: ${iso}`);
  return date;
}

/** The day at local noon for a year, month (1-12) and day of month; out-of-range days overflow as Date does. */
export function dayOf(year: number, month: number, dayOfMonth: number): Date {
  const date = new Date(2000, month - 1, dayOfMonth, 12);
  date.setFullYear(year, month - 1, dayOfMonth); // setFullYear, because new Date(50, ...) would mean 1950
  return date;
}

export function isoFromDay(date: Date): IsoDate {
  const year = String(date.getFullYear()).padStart(4, '0');
  return `${year}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
}

export function isIsoDate(value: string): boolean {
  try {
    dayFromIso(value);
    return true;
  } catch {
    return false;
  }
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function yearOf(iso: IsoDate): number {
  return Number(iso.slice(0, 4));
}

export function weekdayOf(iso: IsoDate): Weekday {
  return WEEKDAYS[getDay(dayFromIso(iso))]!;
}

export function shiftDays(iso: IsoDate, days: number): IsoDate {
  return isoFromDay(addDays(dayFromIso(iso), days));
}

/**
 * Moves by whole months. When the target month is shorter than the start's day of month (Jan 31 + 1 month),
 * the result is that month's last day (Feb 28, or Feb 29 in a leap year): date-fns' addMonths rule, and the
 * usual reading of "one month after" in rules of procedure. `clampedFrom` then names the day that does not exist.
 */
export function shiftMonths(iso: IsoDate, months: number): { date: IsoDate; clampedFrom: string | null } {
  const start = dayFromIso(iso);
  const result = addMonths(start, months);
  const clamped = result.getDate() !== start.getDate();
  const clampedFrom = clamped ? `${isoFromDay(result).slice(0, 8)}${pad2(start.getDate())}` : null;
  return { date: isoFromDay(result), clampedFrom };
}

/** Title-case weekday name for sentences ("a Saturday"). */
export function weekdayLabel(day: Weekday): string {
  return day.charAt(0).toUpperCase() + day.slice(1);
}
