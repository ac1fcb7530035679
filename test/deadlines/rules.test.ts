import { describe, expect, it } from 'vitest';
import {
  applyRule, computeSchedule, describeRule, workingCalendar, US_FEDERAL, type CaseClosure, type DeadlineInput,
  type DeadlineRule,
} from '../../shared/deadlines/index.js';

const federal = workingCalendar(US_FEDERAL);
const rule = (amount: number, unit: DeadlineRule['unit'], roll: DeadlineRule['roll'] = 'none', direction: DeadlineRule['direction'] = 'after'): DeadlineRule =>
  ({ amount, unit, direction, roll });

describe('month arithmetic', () => {
  it('takes the last day of a shorter month: Jan 31 + 1 month is Feb 28, or Feb 29 in a leap year', () => {
    expect(applyRule(federal, '2027-01-31', rule(1, 'months')).date).toBe('2027-02-28');
    expect(applyRule(federal, '2028-01-31', rule(1, 'months')).date).toBe('2028-02-29');
    expect(applyRule(federal, '2026-08-31', rule(1, 'months')).date).toBe('2026-09-30');
    expect(applyRule(federal, '2027-03-31', rule(1, 'months', 'none', 'before')).date).toBe('2027-02-28');
    expect(applyRule(federal, '2028-02-29', rule(12, 'months')).date).toBe('2029-02-28');
  });

  it('counts months from the trigger, not month by month: Jan 31 + 2 months is Mar 31', () => {
    expect(applyRule(federal, '2027-01-31', rule(2, 'months')).date).toBe('2027-03-31');
  });

  it('says so in the explanation, then rolls', () => {
    const outcome = applyRule(federal, '2026-01-31', rule(1, 'months', 'forward'));
    expect(outcome.date).toBe('2026-03-02');
    expect(outcome.notes).toEqual([
      '2026-02-31 does not exist, so the last day of that month, 2026-02-28',
      '2026-02-28 is a Saturday, rolled forward to 2026-03-02',
    ]);
  });
});

describe('rolling off closed days', () => {
  // 10 calendar days after 2026-12-15 is Friday 25 December, Christmas Day.
  it('forward to the next business day, back to the previous one, or not at all', () => {
    expect(applyRule(federal, '2026-12-15', rule(10, 'calendar_days', 'forward'))).toEqual({
      date: '2026-12-28', skipped: [], notes: ['2026-12-25 is Christmas Day, rolled forward to 2026-12-28'],
    });
    expect(applyRule(federal, '2026-12-15', rule(10, 'calendar_days', 'back')).date).toBe('2026-12-24');
    expect(applyRule(federal, '2026-12-15', rule(10, 'calendar_days', 'none'))).toEqual({
      date: '2026-12-25', skipped: [], notes: ['2026-12-25 is Christmas Day; not rolled'],
    });
  });

  it('over case closures too, naming them', () => {
    const closures: CaseClosure[] = [{ date: '2026-12-28', name: 'Office move' }, { date: '2026-12-24', name: 'Office party' }];
    const withClosures = workingCalendar(US_FEDERAL, closures);
    expect(applyRule(withClosures, '2026-12-15', rule(10, 'calendar_days', 'forward'))).toEqual({
      date: '2026-12-29',
      skipped: [{ date: '2026-12-28', reason: 'closure', name: 'Office move' }],
      notes: ['2026-12-25 is Christmas Day, rolled forward to 2026-12-29'],
    });
    expect(applyRule(withClosures, '2026-12-14', rule(10, 'calendar_days', 'forward')).notes)
      .toEqual(['2026-12-24 is a closure (Office party), rolled forward to 2026-12-29']);
  });

  it('weeks are seven calendar days, rolled like them', () => {
    // 2 weeks after Friday 2026-12-11 is Christmas Day.
    expect(applyRule(federal, '2026-12-11', rule(2, 'weeks', 'back')).date).toBe('2026-12-24');
    expect(applyRule(federal, '2026-12-11', rule(2, 'weeks', 'none', 'before')).date).toBe('2026-11-27');
  });

  it('business days skip holidays on the way and name them', () => {
    const outcome = applyRule(federal, '2026-12-23', rule(3, 'business_days'));
    expect(outcome.date).toBe('2026-12-29');
    expect(outcome.skipped.map((d) => d.name)).toEqual(['Christmas Day']);
    // Counting back (4 Jan, 31, 30, 29, 28 Dec, 24 Dec) names them in calendar order.
    const back = applyRule(federal, '2027-01-05', rule(6, 'business_days', 'none', 'before'));
    expect(back.date).toBe('2026-12-24');
    expect(back.skipped.map((d) => d.date)).toEqual(['2026-12-25', '2027-01-01']);
  });
});

describe('explanations', () => {
  const directiveReceived = { id: 'received', title: 'Directive received', occurredOn: '2026-11-20' };
  const response = (r: DeadlineRule): DeadlineInput =>
    ({ id: 'response', title: 'Response due', deadlineKind: 'response', status: 'open', dueType: 'tbd', triggerEventId: 'received', rule: r });

  it('give the issue\'s example with its true arithmetic', () => {
    // From Friday 2026-11-20: 3 business days to Wednesday 25 November, Thanksgiving skipped, 27 November is the
    // 4th; then weeks of 5 to Thursday 24 December (the 23rd); Christmas skipped; 28-31 December (27th); New
    // Year's Day skipped; 4, 5, 6 January: the 30th business day is Wednesday 2027-01-06.
    const [computed] = computeSchedule(
      [response({ ...rule(30, 'business_days'), time: '17:00', timeZone: 'America/New_York' })], [directiveReceived], US_FEDERAL, [],
    );
    expect(computed?.explanation).toBe(
      "30 business days after Directive received (2026-11-20); skipped 2026-11-26 Thanksgiving Day, 2026-12-25 Christmas Day, "
      + "2027-01-01 New Year's Day; due 2027-01-06 17:00 America/New_York",
    );
    expect(computed).toMatchObject({ dueType: 'datetime', dueDate: '2027-01-06', dueTime: '17:00', dueAt: '2027-01-06T22:00:00Z', problem: null });
  });

  it('name a rule in words, with its roll and time', () => {
    expect(describeRule(rule(1, 'business_days'), 'Order')).toBe('1 business day after Order');
    expect(describeRule(rule(10, 'calendar_days', 'forward'), 'Order')).toBe('10 calendar days after Order, or the next business day');
    expect(describeRule({ ...rule(2, 'weeks', 'back', 'before'), time: '09:30', timeZone: 'Europe/Brussels' }, 'Hearing'))
      .toBe('2 weeks before Hearing, or the previous business day, at 09:30 Europe/Brussels');
  });

  it('keep a date, and say what is missing, when a rule gives a time but nobody gives a zone', () => {
    const [computed] = computeSchedule([response({ ...rule(1, 'calendar_days'), time: '17:00' })], [directiveReceived], US_FEDERAL, []);
    expect(computed).toMatchObject({ dueType: 'date', dueDate: '2026-11-21', dueTime: null, dueAt: null });
    expect(computed?.problem).toMatch(/no time zone/);
  });

  it('take the zone from the deadline, then the trigger, when the rule has none', () => {
    const zonedEvent = { ...directiveReceived, occurredTime: '10:00', timeZone: 'Europe/Paris' };
    const [fromTrigger] = computeSchedule([response({ ...rule(1, 'calendar_days'), time: '17:00' })], [zonedEvent], US_FEDERAL, []);
    expect(fromTrigger).toMatchObject({ dueType: 'datetime', timeZone: 'Europe/Paris', dueAt: '2026-11-21T16:00:00Z' });
    const [fromDeadline] = computeSchedule(
      [{ ...response({ ...rule(1, 'calendar_days'), time: '17:00' }), timeZone: 'Asia/Tokyo' }], [zonedEvent], US_FEDERAL, [],
    );
    expect(fromDeadline).toMatchObject({ timeZone: 'Asia/Tokyo', dueAt: '2026-11-21T08:00:00Z' });
  });
});
