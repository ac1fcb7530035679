// Which days are business days for a case: not a weekend day, not a holiday of the case's calendar, not one of
// the case's own closure dates. Counting and rolling over closed days lives here.
import { shiftDays, weekdayLabel, weekdayOf, yearOf, type IsoDate } from './calendar-date.js';
import { holidaysInYear, type HolidayCalendar } from './holidays.js';

/** A day the case's office is closed, added by the user (a list of {date, name} per case). */
export interface CaseClosure {
  date: IsoDate;
  name: string;
}

export type ClosedReason = 'weekend' | 'holiday' | 'closure';

export interface ClosedDay {
  date: IsoDate;
  reason: ClosedReason;
  /** "Saturday", "Christmas Day", "Christmas Day (observed)", or the closure's name. */
  name: string;
}

export interface WorkingCalendar {
  readonly holidays: HolidayCalendar;
  /** Why the day is not a business day, or null when it is one. A weekend comes first, then holiday, then closure. */
  closedOn(date: IsoDate): ClosedDay | null;
}

// No real calendar closes for this long; a rule that would walk further is refused instead of looping.
const MAX_DAYS_WALKED = 366 * 200;

export function workingCalendar(holidays: HolidayCalendar, closures: readonly CaseClosure[] = []): WorkingCalendar {
  const weekend = new Set(holidays.weekend);
  const closureByDate = new Map(closures.map((c) => [c.date, c.name]));
  const holidayNamesByYear = new Map<number, Map<IsoDate, string>>();

  const holidayNameOn = (date: IsoDate): string | undefined => {
    const year = yearOf(date);
    let names = holidayNamesByYear.get(year);
    if (!names) {
      names = new Map();
      for (const holiday of holidaysInYear(holidays, year)) {
        const name = holiday.observedFor ? `${holiday.name} (observed)` : holiday.name;
        const earlier = names.get(holiday.date);
        // Two holidays on one day (Inauguration Day on Martin Luther King Day, 2025): name both.
        names.set(holiday.date, earlier ? `${earlier} and ${name}` : name);
      }
      holidayNamesByYear.set(year, names);
    }
    return names.get(date);
  };

  return {
    holidays,
    closedOn(date) {
      const day = weekdayOf(date);
      if (weekend.has(day)) return { date, reason: 'weekend', name: weekdayLabel(day) };
      const holiday = holidayNameOn(date);
      if (holiday) return { date, reason: 'holiday', name: holiday };
      const closure = closureByDate.get(date);
      if (closure !== undefined) return { date, reason: 'closure', name: closure };
      return null;
    },
  };
}

export function isBusinessDay(calendar: WorkingCalendar, date: IsoDate): boolean {
  return calendar.closedOn(date) === null;
}

/**
 * A day reached by walking the calendar, and the holidays and closures walked over on the way (weekends are not
 * listed, nor is the day the walk started from).
 */
export interface Walk {
  date: IsoDate;
  skipped: ClosedDay[];
}

/**
 * The business day `count` business days after `start` (the start itself is not counted). With a count of 0:
 * the start if it is a business day, otherwise the next business day.
 */
export function addBusinessDays(calendar: WorkingCalendar, start: IsoDate, count: number): Walk {
  return countBusinessDays(calendar, start, count, 1);
}

/** The business day `count` business days before `start`; with 0, the start or the business day before it. */
export function subtractBusinessDays(calendar: WorkingCalendar, start: IsoDate, count: number): Walk {
  return countBusinessDays(calendar, start, count, -1);
}

/** The date itself when it is a business day, otherwise the nearest business day after it (forward) or before it (back). */
export function rollToBusinessDay(calendar: WorkingCalendar, date: IsoDate, roll: 'forward' | 'back'): Walk {
  return countBusinessDays(calendar, date, 0, roll === 'forward' ? 1 : -1);
}

function countBusinessDays(calendar: WorkingCalendar, start: IsoDate, count: number, step: 1 | -1): Walk {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`a business-day count must be a whole number of at least 0, not ${count}`);
  }
  const skipped: ClosedDay[] = [];
  let date = start;
  if (count === 0 && calendar.closedOn(start) !== null) date = nextBusinessDay(calendar, start, step, skipped);
  for (let counted = 0; counted < count; counted++) date = nextBusinessDay(calendar, date, step, skipped);
  return { date, skipped: step === 1 ? skipped : skipped.reverse() };
}

/** The first business day strictly after (step 1) or before (step -1) `from`; closed days passed go to `skipped`. */
function nextBusinessDay(calendar: WorkingCalendar, from: IsoDate, step: 1 | -1, skipped: ClosedDay[]): IsoDate {
  let date = from;
  for (let walked = 1; walked <= MAX_DAYS_WALKED; walked++) {
    date = shiftDays(date, step);
    const closed = calendar.closedOn(date);
    if (closed === null) return date;
    if (closed.reason !== 'weekend') skipped.push(closed);
  }
  throw new RangeError(`no business day within ${MAX_DAYS_WALKED} days of ${from}`);
}
