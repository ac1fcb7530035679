// Countdowns name their unit: the deadlines screen counts business days over the case's working calendar before and
// after the due date, and calendar days only when no business day lies between (and says so); the other screens
// count calendar days and say so.
import { describe, expect, it } from 'vitest';
import { countdownOf } from '../../renderer/screens/deadlines/logic.js';
import { relativeDay } from '../../renderer/ui/dates.js';

const open = (dueDate: string) => ({ status: 'open' as const, dueType: 'date' as const, dueDate });

describe('a deadline\'s countdown on the deadlines screen', () => {
  it('counts business days ahead, skipping weekends and holidays', () => {
    // Thursday 24 December 2026 to Monday 28 December: Christmas Day and the weekend are not counted.
    expect(countdownOf(open('2026-12-28'), '2026-12-24')).toEqual({ text: 'in 1 business day', tone: 'soon' });
    expect(countdownOf(open('2027-01-15'), '2026-12-24').text).toBe('in 14 business days');
  });

  it('counts business days overdue too, in the same unit', () => {
    // Due Thursday 31 December; on Monday 4 January, New Year's Day and the weekend are not counted.
    expect(countdownOf(open('2026-12-31'), '2027-01-04')).toEqual({ text: 'overdue by 1 business day', tone: 'overdue' });
    expect(countdownOf(open('2026-12-01'), '2026-12-08').text).toBe('overdue by 5 business days');
  });

  it('says calendar days, and why, when no business day lies between', () => {
    expect(countdownOf(open('2027-01-08'), '2027-01-09').text).toBe('overdue by 1 calendar day (no business day since)');
    expect(countdownOf(open('2027-01-09'), '2027-01-08').text).toBe('in 1 calendar day (no business day before)');
    expect(countdownOf(open('2027-01-08'), '2027-01-08').text).toBe('due today');
  });
});

describe('a day relative to today elsewhere', () => {
  it('names calendar days', () => {
    const today = new Date(2026, 11, 7);
    expect(relativeDay('2026-12-12', today)).toBe('in 5 calendar days');
    expect(relativeDay('2026-12-05', today)).toBe('2 calendar days ago');
    expect(relativeDay('2026-12-08', today)).toBe('tomorrow');
  });
});
