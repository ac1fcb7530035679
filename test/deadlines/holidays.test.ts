import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import {
  holidayCalendarSchema, holidaysInYear, isBusinessDay, workingCalendar, HOLIDAY_CALENDARS, US_FEDERAL,
  US_FEDERAL_WASHINGTON_DC_AREA, type HolidayCalendar,
} from '../../shared/deadlines/index.js';

/** A day off as a comparable string: the date, with '*' when it is the observed day of a weekend holiday. */
const dayOff = (date: string, observed: boolean) => `${date}${observed ? '*' : ''}`;

function oursIn(calendar: HolidayCalendar, year: number): Set<string> {
  return new Set(holidaysInYear(calendar, year).map((h) => dayOff(h.date, h.observedFor !== null)));
}

// How date-holidays 3.37 marks US federal holidays (inspected across 1971-2100): type 'public' for the holidays
// and for their observed weekdays (flagged `substitute`), except the observed weekday of Veterans Day, which it
// types 'bank' (with the note "Federal Government offices are closed"); Christmas Eve is 'optional', the rest
// (Valentine's Day, Election Day, the day after Thanksgiving, ...) 'observance'. Federal days off are therefore
// its 'public' entries plus its 'bank' substitutes.
function oracleIn(year: number): Set<string> {
  const federal = new Holidays('US').getHolidays(year).filter((h) => h.type === 'public' || (h.type === 'bank' && h.substitute));
  return new Set(federal.map((h) => dayOff(h.date.slice(0, 10), Boolean(h.substitute))));
}

// Where date-holidays and the law differ (date-holidays applies today's rules to every year):
// - Martin Luther King, Jr.'s Birthday is a federal holiday from 1986 (Pub. L. 98-144); date-holidays has it
//   in every year.
// - From 1971 to 1977 Veterans Day was the fourth Monday of October (Uniform Monday Holiday Act) until Pub. L.
//   94-97 moved it back to 11 November from 1978; date-holidays always has 11 November (and its observed day).
const ONLY_IN_DATE_HOLIDAYS = new Set([
  '1971-01-18', '1972-01-17', '1973-01-15', '1974-01-21', '1975-01-20', '1976-01-19', '1977-01-17', '1978-01-16',
  '1979-01-15', '1980-01-21', '1981-01-19', '1982-01-18', '1983-01-17', '1984-01-16', '1985-01-21',
  '1971-11-11', '1972-11-10*', '1972-11-11', '1973-11-11', '1973-11-12*', '1974-11-11', '1975-11-11', '1976-11-11',
  '1977-11-11',
]);
const ONLY_IN_PARLEY = new Set([
  '1971-10-25', '1972-10-23', '1973-10-22', '1974-10-28', '1975-10-27', '1976-10-25', '1977-10-24',
]);

describe('US federal holidays', () => {
  it('match date-holidays for every year 1971-2100, but for the documented differences', () => {
    const onlyOracle: string[] = [];
    const onlyOurs: string[] = [];
    for (let year = 1971; year <= 2100; year++) {
      const ours = oursIn(US_FEDERAL, year);
      const oracle = oracleIn(year);
      onlyOracle.push(...[...oracle].filter((d) => !ours.has(d)));
      onlyOurs.push(...[...ours].filter((d) => !oracle.has(d)));
    }
    expect(new Set(onlyOracle)).toEqual(ONLY_IN_DATE_HOLIDAYS);
    expect(new Set(onlyOurs)).toEqual(ONLY_IN_PARLEY);
  });

  it('observe New Year\'s Day on a Saturday on Friday 31 December of the year before', () => {
    // 5 U.S.C. 6103(b) and OPM: "Friday, December 31, 2021: New Year's Day" (for Saturday 1 January 2022).
    // date-holidays agrees and, like Parley, lists the day in the year it falls in (2021), so no difference.
    expect(holidaysInYear(US_FEDERAL, 2021).at(-1)).toEqual({ date: '2021-12-31', name: "New Year's Day", observedFor: '2022-01-01' });
    expect(holidaysInYear(US_FEDERAL, 2022).map((h) => h.date)).not.toContain('2021-12-31');
    expect(holidaysInYear(US_FEDERAL, 2022)[0]).toEqual({ date: '2022-01-01', name: "New Year's Day", observedFor: null });
    const calendar = workingCalendar(US_FEDERAL);
    expect(calendar.closedOn('2021-12-31')).toEqual({ date: '2021-12-31', reason: 'holiday', name: "New Year's Day (observed)" });
    expect(calendar.closedOn('2027-12-31')?.name).toBe("New Year's Day (observed)");
  });

  it('add each holiday in the year the law made it one', () => {
    const names = (year: number) => new Set(holidaysInYear(US_FEDERAL, year).map((h) => h.name));
    expect(names(1985).has('Birthday of Martin Luther King, Jr.')).toBe(false);
    expect(holidaysInYear(US_FEDERAL, 1986).find((h) => h.name.startsWith('Birthday of Martin'))?.date).toBe('1986-01-20');
    expect(names(2020).has('Juneteenth National Independence Day')).toBe(false);
    // The first Juneteenth (a Saturday) was observed on Friday 18 June 2021.
    expect(workingCalendar(US_FEDERAL).closedOn('2021-06-18')?.name).toBe('Juneteenth National Independence Day (observed)');
    // Before the Uniform Monday Holiday Act: fixed dates.
    expect(holidaysInYear(US_FEDERAL, 1970).filter((h) => h.name === "Washington's Birthday").map((h) => h.date))
      .toEqual(['1970-02-22', '1970-02-23']);
    expect(names(1970).has('Columbus Day')).toBe(false);
  });

  it('leave Inauguration Day to the Washington DC area calendar', () => {
    const dcArea = workingCalendar(US_FEDERAL_WASHINGTON_DC_AREA);
    expect(isBusinessDay(workingCalendar(US_FEDERAL), '2009-01-20')).toBe(true);
    expect(dcArea.closedOn('2009-01-20')?.name).toBe('Inauguration Day');
    expect(isBusinessDay(dcArea, '2010-01-20')).toBe(true); // only every fourth year
    // On a Sunday the inauguration and the holiday move to Monday (6103(c)): 20 January 2013.
    expect(dcArea.closedOn('2013-01-21')?.name).toBe('Birthday of Martin Luther King, Jr. and Inauguration Day (observed)');
    // On a Saturday (2001) OPM gives no day in lieu: Friday 19 January 2001 is a business day.
    expect(isBusinessDay(dcArea, '2001-01-19')).toBe(true);
    // Both on one day: 20 January 2025.
    expect(dcArea.closedOn('2025-01-20')?.name).toBe('Birthday of Martin Luther King, Jr. and Inauguration Day');
  });
});

describe('holiday calendars as data', () => {
  it('ship calendars that pass their own schema', () => {
    for (const calendar of HOLIDAY_CALENDARS) expect(holidayCalendarSchema.safeParse(calendar).success).toBe(true);
  });

  it('take a new calendar as a plain value: fixed dates, nth and last weekdays, years, observance', () => {
    const json = JSON.stringify({
      id: 'example-court', name: 'Example court', description: 'A calendar made only of data', weekend: ['friday', 'saturday'],
      rules: [
        { name: 'Founding Day', date: { type: 'fixed', month: 3, day: 1 }, observance: 'sundayToMonday', lastYear: 2030 },
        { name: 'Second Tuesday of May', date: { type: 'nthWeekday', month: 5, weekday: 'tuesday', nth: 2 } },
        { name: 'Last Thursday of August', date: { type: 'lastWeekday', month: 8, weekday: 'thursday' }, firstYear: 2027 },
        { name: 'Leap Day', date: { type: 'fixed', month: 2, day: 29 } },
      ],
    });
    const calendar = holidayCalendarSchema.parse(JSON.parse(json));
    expect(holidaysInYear(calendar, 2026)).toEqual([
      { date: '2026-03-01', name: 'Founding Day', observedFor: null },
      { date: '2026-03-02', name: 'Founding Day', observedFor: '2026-03-01' },
      { date: '2026-05-12', name: 'Second Tuesday of May', observedFor: null },
    ]);
    expect(holidaysInYear(calendar, 2028).map((h) => h.date)).toEqual(['2028-02-29', '2028-03-01', '2028-05-09', '2028-08-31']);
    expect(holidaysInYear(calendar, 2031).map((h) => h.name)).not.toContain('Founding Day');
    const working = workingCalendar(calendar);
    expect(working.closedOn('2026-03-06')?.reason).toBe('weekend'); // a Friday
    expect(working.closedOn('2026-03-08')).toBeNull(); // a Sunday is a working day here
  });

  it('refuse a calendar with impossible dates or no working days', () => {
    const rule = (date: object) => ({ id: 'x', name: 'x', description: '', weekend: [], rules: [{ name: 'x', date }] });
    expect(holidayCalendarSchema.safeParse(rule({ type: 'fixed', month: 4, day: 31 })).success).toBe(false);
    expect(holidayCalendarSchema.safeParse(rule({ type: 'nthWeekday', month: 4, weekday: 'monday', nth: 5 })).success).toBe(false);
    const everyDay = { id: 'x', name: 'x', description: '', rules: [], weekend: ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] };
    expect(holidayCalendarSchema.safeParse(everyDay).success).toBe(false);
  });
});
