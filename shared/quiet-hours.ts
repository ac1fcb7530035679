// When notifications may be shown: quiet hours and a time of day, read on the wall clock of a time zone, across
// midnight and clock changes. Pure (the zone rules come from Intl): the desktop scheduler and its tests use it.
import { tzOffset } from '@date-fns/tz';
import { shiftDays } from './deadlines/calendar-date.js';
import { zonedTimeToInstant } from './deadlines/zoned-time.js';
import type { QuietHours } from './profile.js';

/** The date and time a wall clock in `timeZone` shows at `instant`. */
export function wallClockAt(instant: number, timeZone: string): { date: string; time: string } {
  const shifted = new Date(instant + tzOffset(timeZone, new Date(instant)) * 60_000).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) };
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * The instant the quiet hours around `instant` end, or null when `instant` is not in them. Quiet hours whose `from`
 * is later than their `to` run across midnight (20:00 to 07:00). On the night clocks go back, a wall time that comes
 * twice is quiet the first time only: the hours end at the first time their end shows.
 */
export function quietUntil(instant: number, quiet: QuietHours | null, timeZone: string): number | null {
  if (!quiet) return null;
  const wall = wallClockAt(instant, timeZone);
  const now = minutesOf(wall.time);
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  const acrossMidnight = from > to;
  const inside = acrossMidnight ? now >= from || now < to : now >= from && now < to;
  if (!inside) return null;
  const endDay = acrossMidnight && now >= from ? shiftDays(wall.date, 1) : wall.date;
  const end = zonedTimeToInstant(endDay, quiet.to, timeZone).getTime();
  return end > instant ? end : null;
}

/** The first instant after `after` at which a wall clock in `timeZone` shows `time` (today's, else tomorrow's). */
export function nextTimeOfDay(after: number, time: string, timeZone: string): number {
  const today = wallClockAt(after, timeZone).date;
  const candidate = zonedTimeToInstant(today, time, timeZone).getTime();
  return candidate > after ? candidate : zonedTimeToInstant(shiftDays(today, 1), time, timeZone).getTime();
}
