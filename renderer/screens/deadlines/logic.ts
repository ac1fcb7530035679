// What the deadlines screen works out from the records, with the pure deadline engine (shared/deadlines): how long
// is left in business days over the case's working calendar. Rule-built dates and their explanations come from the core.
import { differenceInCalendarDays } from 'date-fns';
import {
  DEFAULT_HOLIDAY_CALENDAR_ID, holidayCalendarById, isBusinessDay, shiftDays, US_FEDERAL, workingCalendar, type WorkingCalendar,
} from '../../../shared/deadlines/index.js';
import type { RecordOf } from '../../../shared/records.js';
import { calendarDay } from '../../ui/dates.js';

export type Deadline = RecordOf<'deadline'>;
export type CaseEvent = RecordOf<'event'>;
export type CaseMeeting = RecordOf<'meeting'>;

export const CALENDAR = workingCalendar(US_FEDERAL);

const calendarsByDirective = new WeakMap<object, WorkingCalendar>();

/** The case's working calendar: its holiday calendar and closure dates (US federal until the directive is read). */
export function caseCalendar(directive: Pick<RecordOf<'directive'>, 'holidayCalendarId' | 'closures'> | null): WorkingCalendar {
  if (!directive) return CALENDAR;
  let calendar = calendarsByDirective.get(directive);
  if (!calendar) {
    const holidays = holidayCalendarById(directive.holidayCalendarId ?? DEFAULT_HOLIDAY_CALENDAR_ID) ?? US_FEDERAL;
    calendar = workingCalendar(holidays, directive.closures ?? []);
    calendarsByDirective.set(directive, calendar);
  }
  return calendar;
}

/** Past this many calendar days a count is only read as "a long way off": estimated instead of counted. */
const COUNTED_SPAN_DAYS = 3 * 366;

/**
 * For each calendar day after `from`, the business days up to and including it: built once per calendar and start
 * day, so that each row's countdown is a lookup rather than a walk over up to three years of days (the walk, done
 * for every row that scrolls into view, was most of a frame's work on a long list).
 */
const runningCounts = new WeakMap<WorkingCalendar, Map<string, Uint16Array>>();

function businessDaysRunningCount(from: string, calendar: WorkingCalendar): Uint16Array {
  let byStart = runningCounts.get(calendar);
  if (!byStart) runningCounts.set(calendar, (byStart = new Map()));
  let counts = byStart.get(from);
  if (!counts) {
    counts = new Uint16Array(COUNTED_SPAN_DAYS + 1);
    let day = from;
    for (let i = 1; i <= COUNTED_SPAN_DAYS; i++) {
      day = shiftDays(day, 1);
      counts[i] = counts[i - 1]! + (isBusinessDay(calendar, day) ? 1 : 0);
    }
    byStart.set(from, counts);
  }
  return counts;
}

/** Business days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function businessDaysBetween(from: string, to: string, calendar: WorkingCalendar = CALENDAR): number {
  if (to <= from) return 0;
  const span = differenceInCalendarDays(calendarDay(to), calendarDay(from));
  if (span > COUNTED_SPAN_DAYS) return Math.round((span * 5) / 7);
  return businessDaysRunningCount(from, calendar)[span]!;
}

export interface Countdown {
  text: string;
  tone: 'overdue' | 'today' | 'soon' | 'later' | 'closed' | 'unknown';
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "in 3 business days", "overdue by 2 business days", "due today"; for a deadline that is no longer open, its status. */
export function countdownOf(d: Pick<Deadline, 'status' | 'dueType' | 'dueDate'>, today: string, calendar: WorkingCalendar = CALENDAR): Countdown {
  if (d.status !== 'open') return { text: d.status === 'done' ? 'Done' : d.status === 'waived' ? 'Waived' : 'Missed', tone: 'closed' };
  if (d.dueType === 'tbd' || !d.dueDate) return { text: 'Date not yet known', tone: 'unknown' };
  if (d.dueDate === today) return { text: 'due today', tone: 'today' };
  // Business days over the case's working calendar, both ways; calendar days only where no business day lies
  // between, and then said so.
  if (d.dueDate < today) {
    const business = businessDaysBetween(d.dueDate, today, calendar);
    if (business > 0) return { text: `overdue by ${plural(business, 'business day')}`, tone: 'overdue' };
    const days = differenceInCalendarDays(calendarDay(today), calendarDay(d.dueDate));
    return { text: `overdue by ${plural(days, 'calendar day')} (no business day since)`, tone: 'overdue' };
  }
  const business = businessDaysBetween(today, d.dueDate, calendar);
  if (business === 0) {
    const days = differenceInCalendarDays(calendarDay(d.dueDate), calendarDay(today));
    return { text: `in ${plural(days, 'calendar day')} (no business day before)`, tone: 'soon' };
  }
  return { text: `in ${plural(business, 'business day')}`, tone: business <= 5 ? 'soon' : 'later' };
}

/** Dated deadlines first, by date and time, then those not yet known, by the start of their window. */
export function sortDeadlines(list: readonly Deadline[]): { dated: Deadline[]; tbd: Deadline[] } {
  const dated = list.filter((d) => d.dueType !== 'tbd' && d.dueDate);
  const tbd = list.filter((d) => !(d.dueType !== 'tbd' && d.dueDate));
  dated.sort((a, b) => (a.dueDate! + (a.dueTime ?? '')).localeCompare(b.dueDate! + (b.dueTime ?? '')) || a.title.localeCompare(b.title));
  tbd.sort((a, b) => (a.windowStart ?? '9999').localeCompare(b.windowStart ?? '9999') || a.title.localeCompare(b.title));
  return { dated, tbd };
}
