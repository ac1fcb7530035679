// Wall-clock times in IANA zones and the instants they name.
import { tzOffset } from '@date-fns/tz';
import { dayFromIso, type IsoDate } from './calendar-date.js';

/** 'HH:mm', as records store a time of day. */
export type TimeOfDay = string;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * The instant at which a wall clock in `timeZone` shows `date` `time`. Across a clock change (what Temporal
 * calls "compatible"):
 * - a time skipped when clocks go forward (02:30 on a spring-forward night in New York) lands as many minutes
 *   later as the clocks jumped (03:30 summer time);
 * - a time that happens twice when clocks go back is the first of the two, still on summer time, so a deadline
 *   is never later than the wall time its rule names.
 * Worked out from the zone's UTC offsets either side of the day (tzOffset reads them from Intl). Not TZDate's
 * constructor: in @date-fns/tz 1.5.0 it picks the second of two repeated times in some zones (Europe/London)
 * and the first in others (America/New_York).
 */
export function zonedTimeToInstant(date: IsoDate, time: TimeOfDay, timeZone: string): Date {
  const key = `${date} ${time} ${timeZone}`;
  const known = instantsKnown.get(key);
  if (known !== undefined) return new Date(known);
  const instant = instantOfWallTime(date, time, timeZone);
  if (instantsKnown.size >= MAX_INSTANTS_KNOWN) instantsKnown.clear();
  instantsKnown.set(key, instant);
  return new Date(instant);
}

/**
 * Wall times already turned into instants. Each costs several reads of the zone's offset through Intl, and a case
 * asks for the same few dates again and again (the reminders of ten thousand deadlines fall on a few hundred days).
 */
const instantsKnown = new Map<string, number>();
const MAX_INSTANTS_KNOWN = 20_000;

function instantOfWallTime(date: IsoDate, time: TimeOfDay, timeZone: string): number {
  const day = dayFromIso(date);
  const [hours, minutes] = parseTimeOfDay(time);
  const wallAsUtc = Date.UTC(day.getFullYear(), day.getMonth(), day.getDate(), hours, minutes);
  const offsetAt = (instant: number) => {
    const offset = tzOffset(timeZone, new Date(instant));
    if (Number.isNaN(offset)) throw new RangeError(`unknown time zone: ${timeZone}`);
    return offset;
  };
  // No zone changes its offset twice within two days, so the offsets a day either side are the only candidates.
  const offsetBefore = offsetAt(wallAsUtc - DAY_MS);
  const offsetAfter = offsetAt(wallAsUtc + DAY_MS);
  const showingTheWallTime = [offsetBefore, offsetAfter]
    .map((offset) => ({ offset, instant: wallAsUtc - offset * MINUTE_MS }))
    .filter(({ offset, instant }) => offsetAt(instant) === offset)
    .map(({ instant }) => instant);
  return showingTheWallTime.length > 0
    ? Math.min(...showingTheWallTime)
    : wallAsUtc - offsetBefore * MINUTE_MS; // skipped: read with the offset in force before the jump
}

/** An instant as records store it: UTC, to the second ('2027-01-06T22:00:00Z'). */
export function instantToIso(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function parseTimeOfDay(time: TimeOfDay): [number, number] {
  const parts = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!parts) throw new RangeError(`not a time of day (HH:mm): ${time}`);
  return [Number(parts[1]), Number(parts[2])];
}
