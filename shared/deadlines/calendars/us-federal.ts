// United States federal holidays (5 U.S.C. 6103), as observed by federal offices (OPM).
//
// Decisions:
// - Dates from 1971 on are the law since the Uniform Monday Holiday Act (Pub. L. 90-363) took effect; the years
//   before carry the fixed dates then in force, so that old triggers still compute sensibly. Thanksgiving before
//   1942 (set each year by proclamation) is left out.
// - A holiday on a Saturday is observed the Friday before and one on a Sunday the Monday after (5 U.S.C.
//   6103(b), Executive Order 11582; OPM's holiday tables). This includes New Year's Day on a Saturday, observed
//   on Friday 31 December of the year before (2021-12-31 for 2022, 2027-12-31 for 2028).
// - Inauguration Day (5 U.S.C. 6103(c)) is a holiday only for federal employees in the Washington, DC area, so it
//   is not in the national calendar; `US_FEDERAL_WASHINGTON_DC_AREA` adds it for cases run from there.
// - One-off closures by executive order (24 December 2019; the day of mourning of 9 January 2025) are not
//   rules: add them to the case's closure dates.
import type { HolidayCalendar, HolidayRule } from '../holidays.js';

const FEDERAL_HOLIDAYS: HolidayRule[] = [
  { name: "New Year's Day", date: { type: 'fixed', month: 1, day: 1 }, observance: 'nearestWeekday', firstYear: 1870 },
  {
    name: 'Birthday of Martin Luther King, Jr.', date: { type: 'nthWeekday', month: 1, weekday: 'monday', nth: 3 },
    firstYear: 1986, source: 'Pub. L. 98-144 (1983), first observed 20 January 1986',
  },
  {
    name: "Washington's Birthday", date: { type: 'fixed', month: 2, day: 22 }, observance: 'nearestWeekday',
    firstYear: 1885, lastYear: 1970,
  },
  {
    name: "Washington's Birthday", date: { type: 'nthWeekday', month: 2, weekday: 'monday', nth: 3 },
    firstYear: 1971, source: 'Uniform Monday Holiday Act, Pub. L. 90-363',
  },
  {
    name: 'Memorial Day', date: { type: 'fixed', month: 5, day: 30 }, observance: 'nearestWeekday',
    firstYear: 1888, lastYear: 1970,
  },
  {
    name: 'Memorial Day', date: { type: 'lastWeekday', month: 5, weekday: 'monday' },
    firstYear: 1971, source: 'Uniform Monday Holiday Act, Pub. L. 90-363',
  },
  {
    name: 'Juneteenth National Independence Day', date: { type: 'fixed', month: 6, day: 19 }, observance: 'nearestWeekday',
    firstYear: 2021, source: 'Pub. L. 117-17, signed 17 June 2021; first observed Friday 18 June 2021',
  },
  { name: 'Independence Day', date: { type: 'fixed', month: 7, day: 4 }, observance: 'nearestWeekday', firstYear: 1870 },
  { name: 'Labor Day', date: { type: 'nthWeekday', month: 9, weekday: 'monday', nth: 1 }, firstYear: 1894 },
  {
    name: 'Columbus Day', date: { type: 'nthWeekday', month: 10, weekday: 'monday', nth: 2 },
    firstYear: 1971, source: 'Pub. L. 90-363 made it a legal public holiday from 1971',
  },
  {
    name: 'Veterans Day', date: { type: 'fixed', month: 11, day: 11 }, observance: 'nearestWeekday',
    firstYear: 1938, lastYear: 1970, source: 'Armistice Day from 1938, renamed Veterans Day in 1954',
  },
  {
    name: 'Veterans Day', date: { type: 'nthWeekday', month: 10, weekday: 'monday', nth: 4 },
    firstYear: 1971, lastYear: 1977, source: 'Uniform Monday Holiday Act; moved back to 11 November by Pub. L. 94-97',
  },
  {
    name: 'Veterans Day', date: { type: 'fixed', month: 11, day: 11 }, observance: 'nearestWeekday',
    firstYear: 1978, source: 'Pub. L. 94-97',
  },
  { name: 'Thanksgiving Day', date: { type: 'nthWeekday', month: 11, weekday: 'thursday', nth: 4 }, firstYear: 1942 },
  { name: 'Christmas Day', date: { type: 'fixed', month: 12, day: 25 }, observance: 'nearestWeekday', firstYear: 1870 },
];

export const US_FEDERAL: HolidayCalendar = {
  id: 'us-federal',
  name: 'United States federal holidays',
  description: 'The legal public holidays of 5 U.S.C. 6103, observed on the Friday before or the Monday after when they fall on a weekend.',
  weekend: ['saturday', 'sunday'],
  rules: FEDERAL_HOLIDAYS,
};

export const US_FEDERAL_WASHINGTON_DC_AREA: HolidayCalendar = {
  id: 'us-federal-dc-area',
  name: 'United States federal holidays, Washington DC area',
  description: 'The federal holidays plus Inauguration Day, a holiday for federal employees in the District of Columbia and the neighbouring counties and cities named in 5 U.S.C. 6103(c).',
  weekend: ['saturday', 'sunday'],
  rules: [
    ...FEDERAL_HOLIDAYS,
    {
      // On a Sunday the inauguration moves to Monday and so does the holiday (6103(c)); on a Saturday OPM
      // gives no day in lieu.
      name: 'Inauguration Day', date: { type: 'fixed', month: 1, day: 20 }, observance: 'sundayToMonday',
      every: { years: 4, countingFrom: 1965 }, firstYear: 1965, source: '5 U.S.C. 6103(c)',
    },
  ],
};
