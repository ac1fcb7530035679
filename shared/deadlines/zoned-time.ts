// Wall-clock times in IANA zones and the instants they name.
import { TZDate } from '@date-fns/tz';
import { dayFromIso, type IsoDate } from './calendar-date.js';

/** 'HH:mm', as records store a time of day. */
export type TimeOfDay = string;

/**
 * The instant at which a wall clock in `timeZone` shows `date` `time`.
 * Across a clock change this follows @date-fns/tz, which is also what Temporal calls "compatible":
 * a time skipped when clocks go forward (02:30 on a spring-forward night) lands as many minutes later as the
 * clocks jumped (03:30); a time that happens twice when clocks go back is the first of the two (the earlier
 * instant, still on summer time), so a deadline never falls later than the wall time the rule names.
 */
export function zonedTimeToInstant(date: IsoDate, time: TimeOfDay, timeZone: string): Date {
  const day = dayFromIso(date);
  const [hours, minutes] = parseTimeOfDay(time);
  const zoned = TZDate.tz(timeZone, day.getFullYear(), day.getMonth(), day.getDate(), hours, minutes);
  const instant = new Date(zoned.getTime());
  if (Number.isNaN(instant.getTime())) throw new RangeError(`unknown time zone: ${timeZone}`);
  return instant;
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
