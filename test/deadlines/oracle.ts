// Independent answers for the deadline tests: day arithmetic on UTC day numbers, federal days off from
// date-holidays, UTC offsets from Intl. None of it goes through the engine under test.
import Holidays from 'date-holidays';

const DAY_MS = 86_400_000;

export function utcDayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function isoOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const federalDaysOffByYear = new Map<number, Set<string>>();
const dateHolidaysUs = new Holidays('US');

/** Federal days off per date-holidays: its public days and the Veterans Day substitutes it types 'bank'. */
export function isFederalDayOff(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  let days = federalDaysOffByYear.get(year);
  if (!days) {
    const federal = dateHolidaysUs.getHolidays(year).filter((h) => h.type === 'public' || (h.type === 'bank' && h.substitute));
    days = new Set(federal.map((h) => h.date.slice(0, 10)));
    federalDaysOffByYear.set(year, days);
  }
  return days.has(iso);
}

export function isOracleBusinessDay(iso: string, closures: ReadonlySet<string> = new Set()): boolean {
  const weekday = new Date(utcDayNumber(iso) * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isFederalDayOff(iso) && !closures.has(iso);
}

/** Minutes the zone's clocks are ahead of UTC at an instant, read from Intl. */
export function intlOffsetMinutes(timeZone: string, instantMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(instantMs));
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const wallAsUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return Math.round((wallAsUtc - Math.floor(instantMs / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall time names, worked out from Intl offsets: the earlier of the instants that show it, or,
 * for a time skipped by a clock change, the wall time read with the offset in force before the change.
 */
export function intlWallTimeToInstant(date: string, time: string, timeZone: string): number {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const wallAsUtc = utcDayNumber(date) * DAY_MS + (hours * 60 + minutes) * 60_000;
  const offsetBefore = intlOffsetMinutes(timeZone, wallAsUtc - DAY_MS);
  const offsetAfter = intlOffsetMinutes(timeZone, wallAsUtc + DAY_MS);
  const showingIt = [offsetBefore, offsetAfter]
    .map((offset) => wallAsUtc - offset * 60_000)
    .filter((instant) => wallAsUtc - intlOffsetMinutes(timeZone, instant) * 60_000 === instant);
  return showingIt.length > 0 ? Math.min(...showingIt) : wallAsUtc - offsetBefore * 60_000;
}

/** Days on which the zone's offset changes (and the day before), in the given years. */
export function clockChangeDays(timeZone: string, fromYear: number, toYear: number): string[] {
  const days: string[] = [];
  const first = utcDayNumber(`${fromYear}-01-01`);
  const last = utcDayNumber(`${toYear}-12-31`);
  let previous = intlOffsetMinutes(timeZone, first * DAY_MS);
  for (let day = first + 1; day <= last; day++) {
    const offset = intlOffsetMinutes(timeZone, (day + 1) * DAY_MS);
    if (offset !== previous) days.push(isoOfDayNumber(day - 1), isoOfDayNumber(day), isoOfDayNumber(day + 1));
    previous = offset;
  }
  return days;
}
