import { addDays, differenceInCalendarDays, format, isValid, parseISO } from 'date-fns';
import type { CaseInfo, DashboardDeadline } from '../../../shared/api-types.js';
import type { RecordOf } from '../../../shared/records.js';
import { defineCommand } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { columns, count, oneLine } from '../output.js';
import { checkpoint } from '../stop.js';

const DEFAULT_WITHIN_DAYS = 14;
const MAX_WITHIN_DAYS = 366;

/** An open deadline of one of the named files, as printed and as --json gives it: a dashboard row, and how sure we are of a TBD date. */
export type DeadlineRow = DashboardDeadline & Pick<RecordOf<'deadline'>, 'confidence'>;

export interface DeadlinesReport {
  today: string;
  withinDays: number;
  /** The last day counted as "due soon". */
  until: string;
  overdue: DeadlineRow[];
  dueSoon: DeadlineRow[];
  tbd: DeadlineRow[];
}

export default defineCommand({
  name: 'deadlines',
  summary: 'List open deadlines: overdue, due soon, and not yet known (TBD)',
  description: [
    'Open deadlines of every FILE: those past their date, those due within the window, and those whose date is not yet known with the window they are expected in. Deadlines further out are left out.',
  ],
  args: ['FILE...'],
  options: {
    within: { type: 'string', value: 'N', help: `how far ahead "due soon" reaches: days (14 or 14d) or weeks (2w); default ${DEFAULT_WITHIN_DAYS}d` },
    today: { type: 'string', value: 'YYYY-MM-DD', help: 'the day to count from (default: today)' },
  },
  library: 'throwaway',
  async run(ctx, files, options) {
    const today = parseToday(options.today);
    const withinDays = parseWithin(options.within);
    const rows: DeadlineRow[] = [];
    for (const file of files) {
      await checkpoint(); // a signal stops the run between files, each closed
      rows.push(...ctx.readCase(file, (info) =>
        ctx.call('deadline.list', { caseId: info.caseId, filter: { status: 'open' } }).map((d) => toRow(d, info)),
      ));
    }
    const report = classify(rows, today, withinDays);
    ctx.out.result(report, () => reportLines(report, files.length > 1));
    return EXIT.ok;
  },
});

function parseToday(text: string | undefined): string {
  if (text === undefined) return format(new Date(), 'yyyy-MM-dd');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || !isValid(parseISO(text)) || format(parseISO(text), 'yyyy-MM-dd') !== text) {
    throw new UsageError('--today must be a date as YYYY-MM-DD', 'deadlines');
  }
  return text;
}

function parseWithin(text: string | undefined): number {
  if (text === undefined) return DEFAULT_WITHIN_DAYS;
  const match = /^(\d{1,4})([dw]?)$/.exec(text.trim().toLowerCase());
  const days = match ? Number(match[1]) * (match[2] === 'w' ? 7 : 1) : NaN;
  if (!(days >= 1 && days <= MAX_WITHIN_DAYS)) throw new UsageError(`--within must be days (14 or 14d) or weeks (2w), from 1 to ${MAX_WITHIN_DAYS} days`, 'deadlines');
  return days;
}

function toRow(d: RecordOf<'deadline'>, info: CaseInfo): DeadlineRow {
  const { id, title, deadlineKind, dueType, dueDate, dueTime, timeZone, windowStart, windowEnd, confidence, owner } = d;
  return { caseId: info.caseId, caseTitle: info.title, path: info.path, id, title, deadlineKind, dueType, dueDate, dueTime, timeZone, windowStart, windowEnd, confidence, owner };
}

/** Sorts open deadlines into overdue, due within the window, and TBD; each list soonest first. */
export function classify(rows: DeadlineRow[], today: string, withinDays: number): DeadlinesReport {
  const until = format(addDays(parseISO(today), withinDays), 'yyyy-MM-dd');
  const dated = rows.filter((r) => r.dueType !== 'tbd' && r.dueDate).sort(byDueMoment);
  return {
    today,
    withinDays,
    until,
    overdue: dated.filter((r) => r.dueDate! < today),
    dueSoon: dated.filter((r) => r.dueDate! >= today && r.dueDate! <= until),
    tbd: rows.filter((r) => r.dueType === 'tbd').sort(byExpectedWindow),
  };
}

// A date-only deadline runs to the end of its day, so it sorts after the same day's timed ones.
const dueMoment = (r: DeadlineRow) => `${r.dueDate} ${r.dueTime ?? '24:00'}`;
const byDueMoment = (a: DeadlineRow, b: DeadlineRow) => dueMoment(a).localeCompare(dueMoment(b)) || a.title.localeCompare(b.title);
const expectedBy = (r: DeadlineRow) => r.windowEnd ?? r.windowStart ?? '9999-12-31';
const byExpectedWindow = (a: DeadlineRow, b: DeadlineRow) => expectedBy(a).localeCompare(expectedBy(b)) || a.title.localeCompare(b.title);

function reportLines(report: DeadlinesReport, showCase: boolean): string[] {
  const describe = (r: DeadlineRow) => {
    const details = [r.deadlineKind, r.owner ? `owner ${oneLine(r.owner)}` : null, showCase ? oneLine(r.caseTitle) : null].filter(Boolean);
    return `${oneLine(r.title)} (${details.join('; ')})`;
  };
  const dueLabel = (r: DeadlineRow) => [r.dueDate, r.dueTime, r.timeZone].filter(Boolean).join(' ');
  const distance = (r: DeadlineRow) => {
    const days = differenceInCalendarDays(parseISO(r.dueDate!), parseISO(report.today));
    // Calendar days, and said so: the app counts business days where it knows the case's working calendar.
    if (days < 0) return `${count(-days, 'calendar day')} overdue`;
    return days === 0 ? 'today' : `in ${count(days, 'calendar day')}`;
  };
  const expected = (r: DeadlineRow) => {
    const window = r.windowStart || r.windowEnd ? `expected ${r.windowStart ?? '?'} to ${r.windowEnd ?? '?'}` : 'no expected window';
    return r.confidence ? `${window}, ${r.confidence} confidence` : window;
  };
  const section = (heading: string, rows: DeadlineRow[], cells: (r: DeadlineRow) => string[]) =>
    rows.length ? [`${heading} (${rows.length})`, ...columns(rows.map(cells), '  ')] : [`${heading}: none`];
  return [
    `Open deadlines as of ${report.today}, looking ${count(report.withinDays, 'day')} ahead (to ${report.until})`,
    ...section('Overdue', report.overdue, (r) => [dueLabel(r), distance(r), describe(r)]),
    ...section(`Due within ${count(report.withinDays, 'day')}`, report.dueSoon, (r) => [dueLabel(r), distance(r), describe(r)]),
    ...section('Date not yet known', report.tbd, (r) => [expected(r), describe(r)]),
  ];
}
