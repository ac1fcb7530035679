import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeSchedule, instantToIso, zonedTimeToInstant, US_FEDERAL, type DeadlineInput } from '../../shared/deadlines/index.js';
import { clockChangeDays, intlOffsetMinutes, intlWallTimeToInstant, isoOfDayNumber, utcDayNumber } from './oracle.js';

// Northern and southern summer time, a half-hour change (Lord Howe), changes at midnight (Santiago), odd offsets
// (St John's, Chatham, Kathmandu), and zones without summer time.
const ZONES = [
  'America/New_York', 'America/Los_Angeles', 'Europe/London', 'Europe/Berlin', 'Australia/Sydney',
  'Australia/Lord_Howe', 'America/Santiago', 'America/St_Johns', 'Pacific/Chatham', 'Asia/Kathmandu', 'Asia/Tokyo', 'UTC',
];
const changeDays = new Map(ZONES.map((zone) => [zone, clockChangeDays(zone, 2024, 2030)]));

const zonedWallTime = fc.constantFrom(...ZONES).chain((zone) => fc.record({
  zone: fc.constant(zone),
  // Mostly the days around this zone's clock changes, where the mistakes are; some ordinary days.
  date: fc.oneof(
    { arbitrary: fc.constantFrom(...(changeDays.get(zone)!.length ? changeDays.get(zone)! : ['2026-03-08'])), weight: 4 },
    { arbitrary: fc.integer({ min: utcDayNumber('2024-01-01'), max: utcDayNumber('2030-12-31') }).map(isoOfDayNumber), weight: 1 },
  ),
  time: fc.record({ h: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 23 })), m: fc.constantFrom(0, 15, 30, 45, 59) })
    .map(({ h, m }) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
}));

function wallTimeIn(zone: string, instantMs: number): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date(instantMs)).replace(' ', 'T');
}

describe('time-of-day deadlines in a time zone', () => {
  it('fall on the instant Intl offsets give, across every clock change', () => {
    fc.assert(fc.property(zonedWallTime, ({ zone, date, time }) => {
      const instant = zonedTimeToInstant(date, time, zone).getTime();
      expect(instant).toBe(intlWallTimeToInstant(date, time, zone));
      const shown = wallTimeIn(zone, instant);
      const offsetNow = intlOffsetMinutes(zone, instant);
      const offsetDayBefore = intlOffsetMinutes(zone, instant - 86_400_000);
      if (shown === `${date}T${time}`) {
        // When clocks went back since the day before, the same wall time also came one change later; this must
        // be the first: the instant one change earlier does not show it.
        if (offsetDayBefore > offsetNow) expect(wallTimeIn(zone, instant - (offsetDayBefore - offsetNow) * 60_000)).not.toBe(shown);
      } else {
        // The time was skipped by clocks going forward: the deadline falls as much later as they jumped.
        expect(offsetNow).toBeGreaterThan(offsetDayBefore);
        expect(Date.parse(`${shown}Z`) - Date.parse(`${date}T${time}Z`)).toBe((offsetNow - offsetDayBefore) * 60_000);
      }
    }), { numRuns: 500 });
  });

  it('keep 17:00 New York on both sides of a clock change, so the UTC instant moves by an hour', () => {
    const rule = (amount: number) => ({ amount, unit: 'calendar_days', direction: 'after', roll: 'forward', time: '17:00', timeZone: 'America/New_York' } as const);
    const deadlines: DeadlineInput[] = [
      { id: 'spring', title: 'Spring', deadlineKind: 'response', status: 'open', dueType: 'tbd', triggerEventId: 'march', rule: rule(5) },
      { id: 'autumn', title: 'Autumn', deadlineKind: 'response', status: 'open', dueType: 'tbd', triggerEventId: 'october', rule: rule(5) },
    ];
    const events = [
      { id: 'march', title: 'Letter', occurredOn: '2026-03-04' }, // due Monday 9 March, after clocks went forward on the 8th
      { id: 'october', title: 'Letter', occurredOn: '2026-10-28' }, // due Monday 2 November, after they went back on the 1st
    ];
    const [spring, autumn] = computeSchedule(deadlines, events, US_FEDERAL, []);
    expect(spring).toMatchObject({ dueType: 'datetime', dueDate: '2026-03-09', dueTime: '17:00', dueAt: '2026-03-09T21:00:00Z' });
    expect(autumn).toMatchObject({ dueType: 'datetime', dueDate: '2026-11-02', dueTime: '17:00', dueAt: '2026-11-02T22:00:00Z' });
  });

  it('resolve skipped and repeated wall times plainly', () => {
    // 02:30 did not happen in New York on 2026-03-08: the clock went from 02:00 to 03:00, so 03:30 EDT.
    expect(instantToIso(zonedTimeToInstant('2026-03-08', '02:30', 'America/New_York'))).toBe('2026-03-08T07:30:00Z');
    // 01:30 happened twice on 2026-11-01: the first, still on summer time; the same in London on 2026-10-25.
    expect(instantToIso(zonedTimeToInstant('2026-11-01', '01:30', 'America/New_York'))).toBe('2026-11-01T05:30:00Z');
    expect(instantToIso(zonedTimeToInstant('2026-10-25', '01:00', 'Europe/London'))).toBe('2026-10-25T00:00:00Z');
    expect(() => zonedTimeToInstant('2026-10-25', '01:00', 'Mars/Olympus_Mons')).toThrow(/unknown time zone/);
  });
});
