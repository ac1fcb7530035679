// `parley deadline calc`: the deadline engine on the command line. No case file: a start date, a rule, and the
// holiday calendar (plus any closure dates from a file) give the due date and how it was reached.
import { z } from 'zod';
import {
  applyRule, DEFAULT_HOLIDAY_CALENDAR_ID, explainOutcome, holidayCalendarById, HOLIDAY_CALENDARS, instantToIso,
  isIsoDate, workingCalendar, zonedTimeToInstant, type CaseClosure, type ClosedDay, type DeadlineRule,
} from '../../../shared/deadlines/index.js';
import { isValidTimeZone } from '../../../shared/fields.js';
import { defineCommand } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { readUserFile } from './files.js';

export interface DeadlineCalculation {
  from: string;
  rule: DeadlineRule;
  calendar: string;
  dueDate: string;
  dueTime: string | null;
  timeZone: string | null;
  /** The due instant in UTC, when a time and zone were given. */
  dueAt: string | null;
  skipped: ClosedDay[];
  explanation: string;
}

const UNITS: Record<string, DeadlineRule['unit']> = {
  'business day': 'business_days', 'business days': 'business_days',
  'calendar day': 'calendar_days', 'calendar days': 'calendar_days', day: 'calendar_days', days: 'calendar_days',
  week: 'weeks', weeks: 'weeks', month: 'months', months: 'months',
};
const ROLLS = ['forward', 'back', 'none'] as const;
const COMMAND = 'deadline';

export default defineCommand({
  name: COMMAND,
  summary: 'Compute a deadline from a date and a rule, and explain it (deadline calc)',
  description: [
    'ACTION is calc. --add takes a number and a unit: calendar days (or days), business days, weeks or months, optionally followed by "before" ("10 business days before"); the default is after.',
    'Business days skip weekends, the holidays of --calendar and the dates of --closures. A date that lands on a closed day is moved as --roll says (default forward: the next business day).',
    '--closures FILE holds the case\'s own closure dates: a JSON list of {"date": "YYYY-MM-DD", "name": "..."}, or one "YYYY-MM-DD name" per line.',
    `Holiday calendars: ${HOLIDAY_CALENDARS.map((c) => c.id).join(', ')}.`,
  ],
  args: ['ACTION'],
  options: {
    from: { type: 'string', value: 'DATE', help: 'the trigger date, YYYY-MM-DD', required: true },
    add: { type: 'string', value: 'AMOUNT', help: 'the rule, e.g. "30 business days" or "2 weeks before"', required: true },
    roll: { type: 'string', value: 'MODE', help: 'forward, back or none: where a date on a weekend or holiday goes (default forward)' },
    at: { type: 'string', value: 'HH:MM', help: 'the time of day it falls due (needs --tz)' },
    tz: { type: 'string', value: 'ZONE', help: 'the IANA time zone of --at, e.g. America/New_York' },
    closures: { type: 'string', value: 'FILE', help: 'extra closure dates (JSON or "YYYY-MM-DD name" lines)' },
    calendar: { type: 'string', value: 'ID', help: `the holiday calendar (default ${DEFAULT_HOLIDAY_CALENDAR_ID})` },
  },
  library: 'throwaway',
  run(ctx, [action], options) {
    if (action !== 'calc') throw new UsageError(`unknown action "${action}"; the one action is calc`, COMMAND);
    const from = options.from!;
    if (!isIsoDate(from)) throw new UsageError(`--from must be a calendar date as YYYY-MM-DD, not "${from}"`, COMMAND);
    const roll = options.roll ?? 'forward';
    if (!(ROLLS as readonly string[]).includes(roll)) throw new UsageError(`--roll must be forward, back or none, not "${roll}"`, COMMAND);
    const rule: DeadlineRule = { ...parseAmount(options.add!), roll: roll as DeadlineRule['roll'], ...timeOf(options.at, options.tz) };
    const calendarId = options.calendar ?? DEFAULT_HOLIDAY_CALENDAR_ID;
    const holidays = holidayCalendarById(calendarId);
    if (!holidays) throw new UsageError(`unknown holiday calendar "${calendarId}"; known: ${HOLIDAY_CALENDARS.map((c) => c.id).join(', ')}`, COMMAND);
    const closures = options.closures === undefined ? [] : parseClosures(options.closures, readUserFile(options.closures, () => ctx.io.readStdin()));

    const outcome = applyRule(workingCalendar(holidays, closures), from, rule);
    const dueTime = rule.time ?? null;
    const timeZone = rule.timeZone ?? null;
    const due = dueTime && timeZone ? `${outcome.date} ${dueTime} ${timeZone}` : outcome.date;
    const result: DeadlineCalculation = {
      from, rule, calendar: holidays.id, dueDate: outcome.date, dueTime, timeZone,
      dueAt: dueTime && timeZone ? instantToIso(zonedTimeToInstant(outcome.date, dueTime, timeZone)) : null,
      skipped: outcome.skipped,
      explanation: explainOutcome(rule, from, outcome, due),
    };
    ctx.out.result(result, (r) => [`${r.dueDate}${r.dueTime ? ` ${r.dueTime} ${r.timeZone}` : ''}`, r.explanation]);
    return EXIT.ok;
  },
});

function parseAmount(text: string): Pick<DeadlineRule, 'amount' | 'unit' | 'direction'> {
  const match = /^\s*(\d{1,5})\s+([a-z ]+?)(?:\s+(before|after))?\s*$/i.exec(text);
  if (!match) throw new UsageError(`--add must be a number and a unit, such as "30 business days", not "${text}"`, COMMAND);
  const words = match[2]!.toLowerCase().replace(/\s+/g, ' ');
  const unit = Object.hasOwn(UNITS, words) ? UNITS[words] : undefined; // "constructor" is in every object
  if (!unit) throw new UsageError(`unknown unit "${match[2]}" in --add; use calendar days, business days, weeks or months`, COMMAND);
  const amount = Number(match[1]);
  if (amount > 10_000) throw new UsageError('--add counts at most 10000', COMMAND);
  return { amount, unit, direction: (match[3]?.toLowerCase() ?? 'after') as DeadlineRule['direction'] };
}

function timeOf(at: string | undefined, tz: string | undefined): Pick<DeadlineRule, 'time' | 'timeZone'> {
  if (tz !== undefined && !isValidTimeZone(tz)) throw new UsageError(`unknown time zone "${tz}"; use an IANA name such as America/New_York`, COMMAND);
  if (at === undefined) {
    if (tz !== undefined) throw new UsageError('--tz goes with --at: give the time of day too', COMMAND);
    return {};
  }
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(at)) throw new UsageError(`--at must be a time of day as HH:MM (24-hour), not "${at}"`, COMMAND);
  if (tz === undefined) throw new UsageError('--at needs --tz ZONE: a time of day means nothing without its time zone', COMMAND);
  return { time: at, timeZone: tz };
}

const closureList = z.array(z.strictObject({ date: z.string().refine(isIsoDate), name: z.string().trim().min(1).max(200) }));

function parseClosures(file: string, text: string): CaseClosure[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw new UsageError(`${file} is not valid JSON`, COMMAND);
    }
    const list = closureList.safeParse(parsed);
    if (!list.success) throw new UsageError(`${file} must be a JSON list of {"date": "YYYY-MM-DD", "name": "..."}`, COMMAND);
    return list.data;
  }
  return trimmed.split(/\r?\n/).filter((line) => line.trim() && !line.trim().startsWith('#')).map((line, i) => {
    const match = /^\s*(\S+)\s+(.+?)\s*$/.exec(line);
    if (!match || !isIsoDate(match[1]!)) throw new UsageError(`${file}, line ${i + 1}: expected "YYYY-MM-DD name"`, COMMAND);
    return { date: match[1]!, name: match[2]! };
  });
}
