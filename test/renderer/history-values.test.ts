import { describe, expect, it } from 'vitest';
import { valueText } from '../../renderer/ui/history/value-text.js';

describe('a stored value in words (history, conflicts)', () => {
  it('says a deadline rule as the deadline does', () => {
    expect(valueText({ amount: 30, unit: 'business_days', direction: 'after', roll: 'forward' })).toBe('30 business days after its trigger');
    expect(valueText({ amount: 10, unit: 'calendar_days', direction: 'after', roll: 'forward', time: '17:00', timeZone: 'America/New_York' }))
      .toBe('10 calendar days after its trigger, or the next business day, at 17:00 America/New_York');
  });

  it('says closures and reminder offsets one a line', () => {
    expect(valueText([{ date: '2026-12-24', name: 'Office closed' }, { date: '2026-12-31', name: 'Year end' }])).toBe('24 Dec 2026 (Office closed)\n31 Dec 2026 (Year end)');
    expect(valueText([1_500, 60], 'reminderOffsetsMinutes')).toBe('1 day, 1 hour before\n1 hour before');
  });

  it('says snoozed and dismissed reminders', () => {
    expect(valueText({ dismissed: ['a', 'b'], snoozedUntil: {} })).toBe('2 reminders dismissed');
    expect(valueText({ dismissed: [], snoozedUntil: {} })).toBeNull();
  });

  it('says a watch item\'s stage in words, and a kept moment as a date and time', () => {
    expect(valueText('passed_one_chamber', 'stage')).toBe('passed one chamber');
    expect(valueText('2026-12-07T16:20:00.000Z', 'reviewedAt')).toMatch(/^7 Dec 2026, \d\d:\d\d$/);
    // Only a field holding a moment: the same text in another field stays as it is.
    expect(valueText('2026-12-07T16:20:00.000Z', 'description')).toBe('2026-12-07T16:20:00.000Z');
  });

  it('keeps text, lists, yes and no, and shows an unknown shape as it is', () => {
    expect(valueText('Reply')).toBe('Reply');
    expect(valueText(['one', 'two'])).toBe('one\ntwo');
    expect(valueText(true)).toBe('Yes');
    expect(valueText([])).toBeNull();
    expect(valueText(null)).toBeNull();
    expect(valueText({ other: 1 })).toBe('{"other":1}');
    expect(valueText([3, 4])).toBe('3\n4');
  });
});
