import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessDays, applyRule, isBusinessDay, subtractBusinessDays, workingCalendar, US_FEDERAL, type CaseClosure,
  type DeadlineRule,
} from '../../shared/deadlines/index.js';
import { isOracleBusinessDay, isoOfDayNumber, utcDayNumber } from './oracle.js';

// Start days far enough from 1986 (the first year date-holidays and the law agree on, see holidays.test.ts)
// that counting 400 business days back stays after it.
const FIRST_DAY = utcDayNumber('1988-01-01');
const LAST_DAY = utcDayNumber('2099-06-30');
const dayFrom = (first: number) => fc.integer({ min: first, max: LAST_DAY }).map(isoOfDayNumber);
// A rule counts up to 400 months (33 years) back: its start days begin in 2022, so that it too stays after 1986.
const RULE_FIRST_DAY = utcDayNumber('2022-01-01');
// Small counts (0 especially) as often as large ones: that is where the edge cases are.
const count = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 400 }));

/** A start day and some case closures near it (before and after, some on weekends or holidays). */
const startWithClosuresFrom = (first: number) => dayFrom(first).chain((start) => fc.record({
  start: fc.constant(start),
  closures: fc.uniqueArray(fc.integer({ min: -120, max: 600 }), { maxLength: 12 })
    .map((offsets) => offsets.map((o): CaseClosure => ({ date: isoOfDayNumber(utcDayNumber(start) + o), name: `Closure ${o}` }))),
}));
const startWithClosures = startWithClosuresFrom(FIRST_DAY);

describe('business days', () => {
  it('never end on a weekend day, holiday or closure, and count exactly N business days (by date-holidays)', () => {
    fc.assert(fc.property(startWithClosures, count, fc.boolean(), ({ start, closures }, n, forward) => {
      const calendar = workingCalendar(US_FEDERAL, closures);
      const closed = new Set(closures.map((c) => c.date));
      const { date } = forward ? addBusinessDays(calendar, start, n) : subtractBusinessDays(calendar, start, n);
      expect(isOracleBusinessDay(date, closed)).toBe(true);
      // Count the business days strictly between the start and the result, plus the result itself.
      const [from, to] = forward ? [utcDayNumber(start) + 1, utcDayNumber(date)] : [utcDayNumber(date), utcDayNumber(start) - 1];
      let counted = 0;
      for (let day = from; day <= to; day++) if (isOracleBusinessDay(isoOfDayNumber(day), closed)) counted++;
      // Zero business days from a closed day is the nearest business day: one counted.
      const expected = n === 0 && !isOracleBusinessDay(start, closed) ? 1 : n;
      expect(counted).toBe(expected);
    }));
  });

  it('added then subtracted (N >= 1), come back to a business day no later than the start (the start if it is one)', () => {
    fc.assert(fc.property(startWithClosures, count.map((n) => n + 1), ({ start, closures }, n) => {
      const calendar = workingCalendar(US_FEDERAL, closures);
      const back = subtractBusinessDays(calendar, addBusinessDays(calendar, start, n).date, n).date;
      expect(isBusinessDay(calendar, back)).toBe(true);
      expect(back <= start).toBe(true);
      if (isBusinessDay(calendar, start)) expect(back).toBe(start);
    }));
  });

  it('count zero from a closed day as the nearest business day in the rule\'s direction', () => {
    // So with N = 0 the round trip from a Saturday ends on the Monday after it, which is why the property above
    // starts at N = 1.
    const calendar = workingCalendar(US_FEDERAL);
    expect(addBusinessDays(calendar, '2026-11-21', 0).date).toBe('2026-11-23');
    expect(subtractBusinessDays(calendar, '2026-11-21', 0).date).toBe('2026-11-20');
    expect(addBusinessDays(calendar, '2026-11-20', 0).date).toBe('2026-11-20');
  });

  it('grow with N: never earlier for a larger N, and strictly later from N = 1 on', () => {
    fc.assert(fc.property(startWithClosures, count, count, ({ start, closures }, a, b) => {
      const calendar = workingCalendar(US_FEDERAL, closures);
      const [fewer, more] = a <= b ? [a, b] : [b, a];
      const after = (n: number) => addBusinessDays(calendar, start, n).date;
      const before = (n: number) => subtractBusinessDays(calendar, start, n).date;
      expect(after(fewer) <= after(more)).toBe(true);
      expect(before(fewer) >= before(more)).toBe(true);
      if (fewer >= 1 && fewer < more) {
        expect(after(fewer) < after(more)).toBe(true);
        expect(before(fewer) > before(more)).toBe(true);
      }
    }));
  });
});

const anyRule = fc.record({
  amount: fc.integer({ min: 0, max: 400 }),
  unit: fc.constantFrom('calendar_days', 'business_days', 'weeks', 'months'),
  direction: fc.constantFrom('after', 'before'),
  roll: fc.constantFrom('forward', 'back', 'none'),
}) as fc.Arbitrary<DeadlineRule>;

describe('rules', () => {
  it('land on a business day whenever they count business days or roll', () => {
    fc.assert(fc.property(startWithClosuresFrom(RULE_FIRST_DAY), anyRule, ({ start, closures }, rule) => {
      const calendar = workingCalendar(US_FEDERAL, closures);
      const { date } = applyRule(calendar, start, rule);
      if (rule.unit === 'business_days' || rule.roll !== 'none') {
        expect(isOracleBusinessDay(date, new Set(closures.map((c) => c.date)))).toBe(true);
      }
    }));
  });

  it('never put two trigger dates in the other order (what TBD windows rely on)', () => {
    fc.assert(fc.property(startWithClosures, fc.integer({ min: 0, max: 90 }), anyRule, ({ start, closures }, gap, rule) => {
      const calendar = workingCalendar(US_FEDERAL, closures);
      const later = isoOfDayNumber(utcDayNumber(start) + gap);
      expect(applyRule(calendar, start, rule).date <= applyRule(calendar, later, rule).date).toBe(true);
    }));
  });

  it('are monotonic in N for every unit and roll', () => {
    fc.assert(fc.property(startWithClosures, anyRule, fc.integer({ min: 0, max: 60 }), ({ start, closures }, rule, extra) => {
      const calendar = workingCalendar(US_FEDERAL, closures);
      const nearer = applyRule(calendar, start, rule).date;
      const further = applyRule(calendar, start, { ...rule, amount: rule.amount + extra }).date;
      expect(rule.direction === 'after' ? nearer <= further : nearer >= further).toBe(true);
    }));
  });
});
