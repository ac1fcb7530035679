// Holiday calendars as data: a calendar is its weekend days and a list of holiday rules. Each rule says on
// which day the holiday falls (a fixed date, the nth weekday of a month, or the last weekday of a month), in
// which years it exists, and on which day it is observed when it falls on a weekend. A new calendar is a new
// value checked by `holidayCalendarSchema` (it may come from JSON); no code changes.
import { lastDayOfMonth, getDay } from 'date-fns';
import { z } from 'zod';
import { dayOf, isoFromDay, shiftDays, weekdayOf, WEEKDAYS, yearOf, type IsoDate, type Weekday } from './calendar-date.js';

const DAYS_IN_MONTH_AT_MOST = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const month = z.number().int().min(1).max(12);
const weekday = z.enum(WEEKDAYS);

const holidayDateSchema = z.discriminatedUnion('type', [
  /** The same date every year; a 29 February holiday exists only in leap years. */
  z.strictObject({ type: z.literal('fixed'), month, day: z.number().int().min(1).max(31) })
    .refine((d) => d.day <= DAYS_IN_MONTH_AT_MOST[d.month - 1]!, 'no such day in that month'),
  /** The first to fourth given weekday of a month (the fifth does not exist every year: use lastWeekday). */
  z.strictObject({ type: z.literal('nthWeekday'), month, weekday, nth: z.number().int().min(1).max(4) }),
  z.strictObject({ type: z.literal('lastWeekday'), month, weekday }),
]);

/**
 * Where a holiday that falls on a Saturday or Sunday is observed:
 * - `nearestWeekday`: Saturday -> the Friday before, Sunday -> the Monday after (US federal: 5 U.S.C. 6103(b)
 *   and Executive Order 11582). A Saturday 1 January is therefore observed on 31 December of the year before.
 * - `sundayToMonday`: Sunday -> Monday; a Saturday holiday is not moved.
 * - `none`: observed on the day itself.
 */
export const OBSERVANCES = ['none', 'nearestWeekday', 'sundayToMonday'] as const;
export type Observance = (typeof OBSERVANCES)[number];

export const holidayRuleSchema = z.strictObject({
  name: z.string().min(1).max(200),
  date: holidayDateSchema,
  observance: z.enum(OBSERVANCES).default('none'),
  /** First and last years (inclusive) in which the holiday exists; open-ended when left out. */
  firstYear: z.number().int().optional(),
  lastYear: z.number().int().optional(),
  /** For holidays that come every few years (Inauguration Day: every 4 years counting from 1965). */
  every: z.strictObject({ years: z.number().int().min(2), countingFrom: z.number().int() }).optional(),
  /** Where the rule comes from (statute, order), for whoever maintains the calendar. */
  source: z.string().max(1_000).optional(),
});

export const holidayCalendarSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1).max(200),
  description: z.string().max(5_000),
  weekend: z.array(weekday).max(6),
  rules: z.array(holidayRuleSchema),
});

export type HolidayRule = z.input<typeof holidayRuleSchema>;
export type HolidayCalendar = z.input<typeof holidayCalendarSchema>;

/** One day off in a calendar: the holiday itself, or the weekday on which one that falls on a weekend is observed. */
export interface Holiday {
  date: IsoDate;
  name: string;
  /** Set on an observed day: the date of the holiday it stands in for. */
  observedFor: IsoDate | null;
}

/**
 * Every holiday date in a year, sorted: each holiday on its own date, and, when that is a weekend day, also the
 * day it is observed. A day belongs to the year it falls in, so New Year's Day 2022 (a Saturday) puts its
 * observed Friday, 2021-12-31, in the list for 2021.
 */
export function holidaysInYear(calendar: HolidayCalendar, year: number): Holiday[] {
  const holidays: Holiday[] = [];
  // An observed day can cross into the neighbouring year (31 December for 1 January), so look one year each way.
  for (const ruleYear of [year - 1, year, year + 1]) {
    for (const rule of calendar.rules) {
      if (!existsIn(rule, ruleYear)) continue;
      const date = dateIn(rule.date, ruleYear);
      if (date === null) continue;
      if (yearOf(date) === year) holidays.push({ date, name: rule.name, observedFor: null });
      const observed = observedDay(date, rule.observance ?? 'none');
      if (observed !== date && yearOf(observed) === year) holidays.push({ date: observed, name: rule.name, observedFor: date });
    }
  }
  return holidays.sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
}

function existsIn(rule: HolidayRule, year: number): boolean {
  if (rule.firstYear !== undefined && year < rule.firstYear) return false;
  if (rule.lastYear !== undefined && year > rule.lastYear) return false;
  if (rule.every && (year - rule.every.countingFrom) % rule.every.years !== 0) return false;
  return true;
}

/** The rule's date in a year, or null when it has none that year (29 February outside leap years). */
function dateIn(rule: HolidayRule['date'], year: number): IsoDate | null {
  switch (rule.type) {
    case 'fixed': {
      const day = dayOf(year, rule.month, rule.day);
      return day.getMonth() === rule.month - 1 ? isoFromDay(day) : null;
    }
    case 'nthWeekday': {
      const first = dayOf(year, rule.month, 1);
      const toWeekday = (WEEKDAYS.indexOf(rule.weekday) - getDay(first) + 7) % 7;
      return isoFromDay(dayOf(year, rule.month, 1 + toWeekday + 7 * (rule.nth - 1)));
    }
    case 'lastWeekday': {
      const last = lastDayOfMonth(dayOf(year, rule.month, 1));
      const backToWeekday = (getDay(last) - WEEKDAYS.indexOf(rule.weekday) + 7) % 7;
      return isoFromDay(dayOf(year, rule.month, last.getDate() - backToWeekday));
    }
  }
}

function observedDay(date: IsoDate, observance: Observance): IsoDate {
  const day: Weekday = weekdayOf(date);
  if (observance === 'nearestWeekday' && day === 'saturday') return shiftDays(date, -1);
  if ((observance === 'nearestWeekday' || observance === 'sundayToMonday') && day === 'sunday') return shiftDays(date, 1);
  return date;
}
