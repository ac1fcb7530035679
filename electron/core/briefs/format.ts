// How dates, deadlines and vocabulary values read in generated documents.
import type { ProjectedRecord } from '../../../shared/sharing.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * "2026-12-03" as "3 December 2026"; anything that is not an ISO date is returned as it is. Done by hand rather
 * than with date-fns because a brief formats thousands of dates and a calendar date needs no time zone.
 */
export function formatDay(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : isoDate;
}

/** An enum value as words: "under_review" -> "under review". */
export function words(value: string | null | undefined): string {
  return value ? value.replace(/_/g, ' ') : '';
}

/** "under_review" -> "Under review". */
export function capitalized(value: string | null | undefined): string {
  const w = words(value);
  return w ? w[0]!.toUpperCase() + w.slice(1) : '';
}

/** When a deadline falls due, including what is expected of a TBD one and how sure we are (where that is given). */
export function dueText(d: ProjectedRecord<'deadline'>): string {
  if (d.dueType === 'date') return formatDay(d.dueDate);
  if (d.dueType === 'datetime') return `${formatDay(d.dueDate)} ${d.dueTime ?? ''} ${d.timeZone ?? ''}`.trim();
  const window =
    d.windowStart && d.windowEnd ? `expected between ${formatDay(d.windowStart)} and ${formatDay(d.windowEnd)}`
    : d.windowStart ? `expected from ${formatDay(d.windowStart)}`
    : d.windowEnd ? `expected by ${formatDay(d.windowEnd)}`
    : 'no expected window yet';
  return `TBD (not disclosed): ${window}${d.confidence ? `; confidence ${d.confidence}` : ''}`;
}

/** The meeting's when and where on one line: "3 December 2026, 10:00-11:30 America/New_York, Room 4". */
export function meetingWhen(m: ProjectedRecord<'meeting'>): string {
  const time = m.startTime ? `${m.startTime}${m.endTime ? `\u2013${m.endTime}` : ''}${m.timeZone ? ` ${m.timeZone}` : ''}` : '';
  return [m.meetingDate ? formatDay(m.meetingDate) : 'date not set', time, m.location ?? ''].filter(Boolean).join(', ');
}

/** A file name from a title: lower case, words joined by hyphens; `fallback` where nothing is left. */
export function fileSlug(title: string, maxLength: number, fallback: string): string {
  return title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, maxLength) || fallback;
}
