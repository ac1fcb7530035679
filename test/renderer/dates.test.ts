// A moment shown in a named zone: the clock there, and the zone written out, whatever zone this machine is in.
import { describe, expect, it } from 'vitest';
import { formatInstantIn, localZone } from '../../renderer/ui/dates.js';

describe('formatInstantIn', () => {
  it('reads the clock in the meeting\'s zone and names the zone', () => {
    // 15:05 UTC is 10:05 in New York (EST, UTC-5) on 3 December.
    expect(formatInstantIn('2026-12-03T15:05:00.000Z', 'America/New_York')).toBe('3 Dec 2026, 10:05 America/New York');
    expect(formatInstantIn('2026-12-03T15:05:00.000Z', 'Asia/Tokyo')).toBe('4 Dec 2026, 00:05 Asia/Tokyo');
  });

  it('follows daylight saving time in that zone', () => {
    // 15:05 UTC in July is 11:05 in New York (EDT, UTC-4).
    expect(formatInstantIn('2026-07-01T15:05:00.000Z', 'America/New_York')).toBe('1 Jul 2026, 11:05 America/New York');
  });

  it('without a zone, or with one the runtime does not know, names the local zone', () => {
    const local = localZone().replace(/_/g, ' ');
    for (const zone of [null, 'Mars/Olympus_Mons']) {
      const shown = formatInstantIn('2026-12-03T15:05:00.000Z', zone);
      expect(shown).toMatch(/^[34] Dec 2026, \d\d:\d\d /);
      expect(shown.endsWith(` ${local}`)).toBe(true);
    }
  });
});
