// @vitest-environment jsdom
// Settings through the renderer's profile store over the real core: the date format written on screen follows the
// setting, a new timed deadline's zone is the default one, and the pure helpers of the Settings work (the zone
// picker's matching, the advice on a closed due date, the counter of a field nearing its limit).
import { describe, expect, it } from 'vitest';
import { defaultTimeZone, useProfile } from '../../renderer/state/profile.js';
import { closedDayAdvice } from '../../renderer/screens/deadlines/ClosedDayWarning.js';
import { caseCalendar } from '../../renderer/screens/deadlines/logic.js';
import { countOf, maxLengthOf } from '../../renderer/ui/field-limits.js';
import { formatDay, formatInstantIn, localZone } from '../../renderer/ui/dates.js';
import { matchZones, zoneOptionOf, zoneOptions } from '../../renderer/ui/TimeZonePicker.js';
import { ApiFailure } from '../../renderer/api/client.js';
import { connectRenderer } from './connect.js';

describe('the settings in the renderer', () => {
  it('write dates in the chosen format from the moment it is saved, and from the next start', async () => {
    const core = connectRenderer();
    await useProfile.getState().load();
    expect(formatDay('2026-12-07')).toBe('7 Dec 2026');
    await useProfile.getState().saveSettings({ dateFormat: 'dd/MM/yyyy' });
    expect(formatDay('2026-12-07')).toBe('07/12/2026');
    expect(formatInstantIn('2026-12-03T15:05:00.000Z', 'America/New_York')).toBe('03/12/2026, 10:05 America/New York');
    await useProfile.getState().saveSettings({ dateFormat: 'MM/dd/yyyy' });
    expect(formatDay('2026-12-07')).toBe('12/07/2026');
    // What the core keeps is what the next start reads.
    core.call('settings.set', { dateFormat: 'yyyy-MM-dd' });
    await useProfile.getState().load();
    expect(formatDay('2026-12-07')).toBe('2026-12-07');
  });

  it('give a new timed deadline or meeting the default zone, the computer\'s until one is chosen', async () => {
    connectRenderer();
    await useProfile.getState().load();
    expect(defaultTimeZone()).toBe(localZone());
    await useProfile.getState().saveSettings({ timeZone: 'Asia/Kolkata' });
    expect(defaultTimeZone()).toBe('Asia/Kolkata');
  });

  it('refused by the core keep the setting as it was, the reason on the field', async () => {
    connectRenderer();
    await useProfile.getState().load();
    const refusal = await useProfile.getState().saveSettings({ timeZone: 'Europe/Atlantis' }).catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(ApiFailure);
    expect((refusal as ApiFailure).issuesUnder('')).toEqual({ timeZone: 'must be an IANA time zone such as America/New_York' });
    expect(useProfile.getState().info?.settings.timeZone).toBeNull();
  });
});

describe('the time-zone picker\'s list', () => {
  const options = zoneOptions(new Date('2026-12-07T12:00:00Z'));

  it('holds every zone the runtime knows, with its city, region and offset today', () => {
    expect(options.length).toBeGreaterThan(300);
    expect(zoneOptionOf('America/Argentina/Buenos_Aires', new Date('2026-12-07T12:00:00Z'))).toEqual({
      zone: 'America/Argentina/Buenos_Aires', city: 'Buenos Aires', region: 'America / Argentina', offset: 'UTC−03:00',
    });
    expect(options.find((o) => o.zone === 'Asia/Tokyo')?.offset).toBe('UTC+09:00');
    // Winter: New York is on standard time, five hours behind UTC.
    expect(options.find((o) => o.zone === 'America/New_York')?.offset).toBe('UTC−05:00');
    expect(options.find((o) => o.zone === 'UTC')?.offset).toBe('UTC');
  });

  it('narrows to what is typed: a city with spaces, part of a name, an offset; the city that starts with it first', () => {
    expect(matchZones(options, 'new york').map((o) => o.zone)).toEqual(['America/New_York']);
    expect(matchZones(options, 'America/New_York').map((o) => o.zone)).toEqual(['America/New_York']);
    expect(matchZones(options, '+09:00').map((o) => o.zone)).toEqual(expect.arrayContaining(['Asia/Tokyo', 'Asia/Seoul']));
    expect(matchZones(options, '+09:00').every((o) => o.offset === 'UTC+09:00')).toBe(true);
    const paris = matchZones(options, 'par');
    expect(paris.slice(0, 2).map((o) => o.city)).toEqual(['Paramaribo', 'Paris']);
    expect(paris.every((o) => `${o.zone} ${o.city}`.toLowerCase().includes('par'))).toBe(true);
    expect(matchZones(options, 'nowhere at all')).toEqual([]);
  });
});

describe('a due date on a closed day', () => {
  const calendar = caseCalendar({ holidayCalendarId: 'us-federal', closures: [{ date: '2026-12-09', name: 'Office move' }] });

  it('names the weekend day, holiday or closure, and offers the nearest business days on each side', () => {
    // Saturday 5 December 2026: Friday the 4th before, Monday the 7th after.
    expect(closedDayAdvice(calendar, '2026-12-05')).toEqual({ why: 'a Saturday', before: '2026-12-04', after: '2026-12-07' });
    // Christmas Day 2026 is a Friday: the Thursday before, the Monday after the weekend.
    expect(closedDayAdvice(calendar, '2026-12-25')).toEqual({ why: 'a holiday (Christmas Day)', before: '2026-12-24', after: '2026-12-28' });
    expect(closedDayAdvice(calendar, '2026-12-09')).toEqual({ why: 'a day the office is closed (Office move)', before: '2026-12-08', after: '2026-12-10' });
  });

  it('is nothing to say for a business day, or for text that is not yet a date', () => {
    expect(closedDayAdvice(calendar, '2026-12-08')).toBeNull();
    expect(closedDayAdvice(calendar, '')).toBeNull();
    expect(closedDayAdvice(calendar, '2026-02-30')).toBeNull();
  });
});

describe('the counter of a field with a maximum length', () => {
  it('reads the maximum from the registry, and shows from 80% of it on', () => {
    expect(maxLengthOf('deadline', 'title')).toBe(1000);
    expect(maxLengthOf('directive', 'referenceNumber')).toBe(200);
    expect(maxLengthOf('deadline', 'dueDate')).toBeNull();
    expect(maxLengthOf('deadline', 'status')).toBeNull();
    expect(countOf('x'.repeat(799), 1000)).toBeNull();
    expect(countOf('x'.repeat(800), 1000)).toBe('800 of 1,000 characters');
    expect(countOf('x'.repeat(1003), 1000)).toBe('1,003 of 1,000 characters: 3 too many');
    expect(countOf('anything', null)).toBeNull();
  });
});
