// Which deadlines go into an exported calendar, and with what words: read from a case file's connection (an open
// case, or a library file read-only).
//
// A calendar file leaves the building by design: calendar apps sync it to phones and to outside servers. So it is
// made from the shareable projection of the case (shared/sharing.ts), like a shareable brief:
// - deadlines internal as a whole (of kind "internal", or marked internal) are not on it, unless marked shareable;
// - an event carries the deadline's title, its due date or time, its kind and status, and an alarm per reminder:
//   never its notes, owner or confidence;
// - a rule-built deadline says its rule ("30 business days after Order received") only when its trigger is shared too,
//   and never the case's closure days;
// - UIDs are a digest of the case id and the deadline id: stable, so exporting again updates the events, but not
//   the record ids of the case file.
import { createHash } from 'node:crypto';
import type { IcsExport } from '../../../shared/contract.js';
import type { KindName, RecordOf } from '../../../shared/records.js';
import { shareableProjection, type CaseRecords } from '../../../shared/sharing.js';
import { fileSlug } from '../briefs/format.js';
import type { Db } from '../db/connection.js';
import { toParleyError } from '../errors.js';
import { computeScheduleOf, workingCalendarOf } from '../deadlines/schedule.js';
import { RecordTable } from '../store/record-table.js';
import { toIcs, type IcsDeadline } from './ics.js';

export interface CaseCalendar {
  caseTitle: string;
  deadlines: IcsDeadline[];
  explanations: Map<string, string>;
}

const ALL = { limit: -1, offset: 0, orderBy: 'rowid' } as const;

/** The UID of a deadline's event: a digest of its case and its id (the same each time, and no record id). */
export function calendarUid(caseId: string, deadlineId: string): string {
  return createHash('sha256').update(`parley-calendar\u0000${caseId}\u0000${deadlineId}`).digest('hex').slice(0, 32);
}

export function caseCalendar(db: Db): CaseCalendar {
  const read = <K extends KindName>(kind: K) => new RecordTable(db, kind).list(ALL) as RecordOf<K>[];
  const directive = new RecordTable(db, 'directive').first() as RecordOf<'directive'>;
  const deadlines = read('deadline');
  const events = read('event');
  const meetings = read('meeting');
  // A file of a schema before sharing choices (a library file read as it is) has none.
  const hasChoices = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'disclosure'").get() !== undefined;
  // Meetings too: a meeting's own deadline leaves only with its meeting, and a rule names the meeting it counts from.
  const records: CaseRecords = {
    directive: [directive], deadline: deadlines, event: events, meeting: meetings, party: read('party'), disclosure: hasChoices ? read('disclosure') : [],
  };
  const shared = shareableProjection(records).records;
  const caseId = db.prepare("SELECT value FROM case_meta WHERE key = 'case_id'").pluck().get() as string;
  const explanations = new Map<string, string>();
  let computed = new Map<string, ReturnType<typeof computeScheduleOf> extends Map<string, infer C> ? C : never>();
  try {
    computed = computeScheduleOf({ deadlines, events, meetings, ...workingCalendarOf(directive) });
  } catch (err) {
    // A file changed by other tools may hold a circle of triggers; its dates still export, without explanations.
    if (toParleyError(err).code !== 'cycle') throw err;
  }
  const calendar: IcsDeadline[] = (shared.deadline ?? []).map((d) => {
    const uid = calendarUid(caseId, d.id);
    const rule = computed.get(d.id);
    // The rule's words name its trigger: only when the trigger (and so the rule) is shared.
    if (rule && d.rule) {
      const due = d.dueType === 'datetime' && d.dueTime && d.timeZone ? `${d.dueDate} ${d.dueTime} ${d.timeZone}` : d.dueDate;
      explanations.set(uid, `${rule.formula}; due ${due}`);
    }
    return { ...d, id: uid } as IcsDeadline;
  });
  return { caseTitle: shared.directive![0]!.title, deadlines: calendar, explanations };
}

/**
 * One calendar of the cases' deadlines. UIDs are stable (calendarUid), so importing a later export updates the
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
