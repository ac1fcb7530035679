// Dates as the user reads them. Stored dates are ISO calendar dates (yyyy-MM-dd) with no time zone: they are
// parsed as local calendar days, never as UTC instants, so a date never shifts by a day.
import { differenceInCalendarDays, format, formatDistanceToNow, parseISO } from 'date-fns';

export function calendarDay(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

/** Today as an ISO calendar date in the user's time zone, to compare with stored dates as text. */
export function isoToday(now = new Date()): string {
  return format(now, 'yyyy-MM-dd');
}

/** "3 Dec 2026". */
export function formatDay(isoDate: string | null | undefined): string {
  return isoDate ? format(calendarDay(isoDate), 'd MMM yyyy') : '';
}

/** "today", "tomorrow", "in 5 days", "2 days ago". */
export function relativeDay(isoDate: string, today = new Date()): string {
  const days = differenceInCalendarDays(calendarDay(isoDate), today);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** "5 minutes ago", for moments such as an audit entry's time. */
export function timeAgo(isoInstant: string): string {
  return formatDistanceToNow(parseISO(isoInstant), { addSuffix: true });
}

export function formatInstant(isoInstant: string): string {
  return format(parseISO(isoInstant), 'd MMM yyyy, HH:mm');
}
