// Dates as the user reads them. Stored dates are ISO calendar dates (yyyy-MM-dd) with no time zone: they are
// parsed as local calendar days, never as UTC instants, so a date never shifts by a day. Days are written in the
// format chosen in Settings (set here by the profile store once it is read).
import { TZDate } from '@date-fns/tz';
import { differenceInCalendarDays, format, formatDistanceToNow, parseISO } from 'date-fns';
import { DEFAULT_SETTINGS, type DateFormat } from '../../shared/profile.js';

export function calendarDay(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

/** Today as an ISO calendar date in the user's time zone, to compare with stored dates as text. */
export function isoToday(now = new Date()): string {
  return format(now, 'yyyy-MM-dd');
}

/** The date-fns pattern a day is written in: one of the Settings' date formats. */
let dayPattern: DateFormat = DEFAULT_SETTINGS.dateFormat;

export function setDayFormat(pattern: DateFormat): void {
  dayPattern = pattern;
}

/** "3 Dec 2026" (or 03/12/2026, 12/03/2026, 2026-12-03, as chosen in Settings). */
export function formatDay(isoDate: string | null | undefined): string {
  return isoDate ? format(calendarDay(isoDate), dayPattern) : '';
}

/**
 * "today", "tomorrow", "in 5 calendar days", "2 calendar days ago": the unit said, since the deadlines screen counts
 * business days over a case's working calendar and the two must not be mistaken for each other.
 */
export function relativeDay(isoDate: string, today = new Date()): string {
  const days = differenceInCalendarDays(calendarDay(isoDate), today);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} calendar days` : `${-days} calendar days ago`;
}

/** "5 minutes ago", for moments such as an audit entry's time. */
export function timeAgo(isoInstant: string): string {
  return formatDistanceToNow(parseISO(isoInstant), { addSuffix: true });
}

export function formatInstant(isoInstant: string): string {
  return format(parseISO(isoInstant), `${dayPattern}, HH:mm`);
}

/** The zone the user's computer is in, e.g. "Europe/Paris". */
export const localZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * "3 Dec 2026, 14:05 America/New York": a moment as the clock read in a named zone (a meeting's, say), with the zone
 * written out so that nobody reads it as their own local time. Without a zone, the computer's zone, also named.
 */
export function formatInstantIn(isoInstant: string, zone: string | null | undefined): string {
  const named = zone || localZone();
  let shown: string;
  try {
    shown = format(new TZDate(parseISO(isoInstant).getTime(), named), `${dayPattern}, HH:mm`);
  } catch {
    // A zone name the runtime does not know: the local clock, named as such.
    return `${formatInstant(isoInstant)} ${localZone().replace(/_/g, ' ')}`;
  }
  return `${shown} ${named.replace(/_/g, ' ')}`;
}
