// Which deadlines go into an exported calendar, and with what words: read from a case file's connection (an open
// case, or a library file read-only), each rule-built deadline explained by the engine as the app shows it.
import type { IcsExport } from '../../../shared/contract.js';
import type { DeadlineInput, EventInput, MeetingInput } from '../../../shared/deadlines/index.js';
import { fileSlug } from '../briefs/format.js';
import type { Db } from '../db/connection.js';
import { toParleyError } from '../errors.js';
import { computeScheduleOf, workingCalendarOf } from '../schedule.js';
import { RecordTable, type StoredRecord } from '../store/record-table.js';
import { toIcs, type IcsDeadline } from './ics.js';

export interface CaseCalendar {
  caseTitle: string;
  deadlines: IcsDeadline[];
  explanations: Map<string, string>;
}

const ALL = { limit: -1, offset: 0, orderBy: 'rowid' } as const;

export function caseCalendar(db: Db): CaseCalendar {
  const directive = new RecordTable(db, 'directive').first()!;
  const deadlines = new RecordTable(db, 'deadline').list(ALL) as unknown as (DeadlineInput & StoredRecord)[];
  const events = new RecordTable(db, 'event').list(ALL) as unknown as EventInput[];
  const meetings = new RecordTable(db, 'meeting').list(ALL) as unknown as MeetingInput[];
  let explanations = new Map<string, string>();
  try {
    const computed = computeScheduleOf({ deadlines, events, meetings, ...workingCalendarOf(directive) });
    explanations = new Map([...computed.values()].map((c) => [c.deadlineId, c.explanation]));
  } catch (err) {
    // A file changed by other tools may hold a circle of triggers; its dates still export, without explanations.
    if (toParleyError(err).code !== 'cycle') throw err;
  }
  return { caseTitle: directive.title as string, deadlines, explanations };
}

/**
 * One calendar of the cases' deadlines. UIDs are the deadlines' ids, so importing a later export updates the
 * events; with several cases, each event's title names its case.
 */
export function calendarExport(cases: readonly CaseCalendar[], problems: IcsExport['problems'], skipped: IcsExport['skipped'] = [], generatedAt = new Date()): IcsExport {
  const several = cases.length > 1;
  const deadlines = cases.flatMap((c) => (several ? c.deadlines.map((d) => ({ ...d, title: `${d.title} — ${c.caseTitle}` })) : c.deadlines));
  const explanations = new Map(cases.flatMap((c) => [...c.explanations]));
  const calendarName = several || cases.length === 0 ? 'Parley deadlines' : `${cases[0]!.caseTitle}: deadlines`;
  const text = toIcs(deadlines, { calendarName, generatedAt, explanations });
  const events = deadlines.filter((d) => !d.deletedAt && d.dueType !== 'tbd' && d.dueDate).length;
  const fileName = `${several || cases.length === 0 ? 'parley-deadlines' : fileSlug(cases[0]!.caseTitle, 60, 'deadlines')}.ics`;
  return { fileName, text, events, problems, skipped };
}
