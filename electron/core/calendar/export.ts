// What goes into an exported calendar (deadlines, meetings, action items, as chosen), and with what words: read from
// a case file's connection (an open case, or a library file read-only).
//
// A calendar file leaves the building by design: calendar apps sync it to phones and to outside servers. So it is
// made from the shareable projection of the case (shared/sharing.ts), like a shareable brief:
// - records internal as a whole (a deadline of kind "internal", anything marked internal, or part of a meeting that
//   is) are not on it, unless marked shareable; they are counted in what the export says, never named;
// - an event carries the deadline's title, its due date or time, its kind and status, and an alarm per reminder:
//   never its notes, owner or confidence; a meeting's title, time, place and status; an action item's title, due
//   date, status and owner (when shared): never its notes;
// - a rule-built deadline says its rule ("30 business days after Order received") only when its trigger is shared too,
//   and never the case's closure days;
// - UIDs are a digest of the case id, the kind and the record id: stable, so exporting again updates the events, but
//   not the record ids of the case file.
import { createHash } from 'node:crypto';
import { addTallies, CALENDAR_CONTENTS, EMPTY_TALLY, type CalendarContent, type CalendarTally } from '../../../shared/calendar.js';
import type { IcsExport } from '../../../shared/contract.js';
import type { KindName, RecordOf } from '../../../shared/records.js';
import { shareableProjection, type CaseRecords } from '../../../shared/sharing.js';
import { fileSlug } from '../briefs/format.js';
import type { Db } from '../db/connection.js';
import { toParleyError } from '../errors.js';
import { computeScheduleOf, workingCalendarOf } from '../deadlines/schedule.js';
import { RecordTable } from '../store/record-table.js';
import { toIcs, type IcsActionItem, type IcsDeadline, type IcsEntries, type IcsMeeting } from './ics.js';

export interface CaseCalendar {
  caseTitle: string;
  entries: IcsEntries;
  explanations: Map<string, string>;
  tally: CalendarTally;
}

const ALL = { limit: -1, offset: 0, orderBy: 'rowid' } as const;

type CalendarKind = 'deadline' | 'meeting' | 'actionItem';

/**
 * The UID of a record's event: a digest of its case, its kind and its id (the same each time, and no record id). A
 * deadline's digest names no kind: it is the one calendars took before meetings and action items came, kept so that
 * an export made now updates the deadline entries made then.
 */
export function calendarUid(caseId: string, recordId: string, kind: CalendarKind = 'deadline'): string {
  const key = kind === 'deadline' ? `parley-calendar\u0000${caseId}\u0000${recordId}` : `parley-calendar\u0000${caseId}\u0000${kind}\u0000${recordId}`;
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

export function caseCalendar(db: Db, include: readonly CalendarContent[] = CALENDAR_CONTENTS): CaseCalendar {
  const read = <K extends KindName>(kind: K) => new RecordTable(db, kind).list(ALL) as RecordOf<K>[];
  const directive = new RecordTable(db, 'directive').first() as RecordOf<'directive'>;
  const deadlines = read('deadline');
  const events = read('event');
  const meetings = read('meeting');
  const actionItems = read('actionItem');
  // A file of a schema before sharing choices (a library file read as it is) has none.
  const hasChoices = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'disclosure'").get() !== undefined;
  // Meetings too: a meeting's own deadline leaves only with its meeting, and a rule names the meeting it counts from.
  const records: CaseRecords = {
    directive: [directive], deadline: deadlines, event: events, meeting: meetings, actionItem: actionItems, party: read('party'),
    disclosure: hasChoices ? read('disclosure') : [],
  };
  const { records: shared, withheld } = shareableProjection(records);
  const caseId = db.prepare("SELECT value FROM case_meta WHERE key = 'case_id'").pluck().get() as string;
  const explanations = new Map<string, string>();
  let computed = new Map<string, ReturnType<typeof computeScheduleOf> extends Map<string, infer C> ? C : never>();
  try {
    computed = computeScheduleOf({ deadlines, events, meetings, ...workingCalendarOf(directive) });
  } catch (err) {
    // A file changed by other tools may hold a circle of triggers; its dates still export, without explanations.
    if (toParleyError(err).code !== 'cycle') throw err;
  }
  const withMeetings = include.includes('meetings');
  // A meeting's own deadline is its meeting's date: with the meetings on the calendar it would be the same entry twice.
  const meetingDeadlineIds = new Set(deadlines.filter((d) => d.meetingId).map((d) => d.id));
  const sharedDeadlines = (shared.deadline ?? []).filter((d) => !(withMeetings && d.meetingId));
  const calendarDeadlines: IcsDeadline[] = sharedDeadlines.map((d) => {
    const uid = calendarUid(caseId, d.id);
    const rule = computed.get(d.id);
    // The rule's words name its trigger: only when the trigger (and so the rule) is shared.
    if (rule && d.rule) {
      const due = d.dueType === 'datetime' && d.dueTime && d.timeZone ? `${d.dueDate} ${d.dueTime} ${d.timeZone}` : d.dueDate;
      explanations.set(uid, `${rule.formula}; due ${due}`);
    }
    return { ...d, id: uid } as IcsDeadline;
  });
  const calendarMeetings: IcsMeeting[] = (shared.meeting ?? []).map((m) => ({ ...m, id: calendarUid(caseId, m.id, 'meeting') }));
  const calendarActions: IcsActionItem[] = (shared.actionItem ?? []).map((a) => ({ ...a, id: calendarUid(caseId, a.id, 'actionItem') }));
  const entries: IcsEntries = {
    ...(include.includes('deadlines') ? { deadlines: calendarDeadlines } : {}),
    ...(withMeetings ? { meetings: calendarMeetings } : {}),
    ...(include.includes('actions') ? { actionItems: calendarActions } : {}),
  };
  const kindsIn = new Set<string>([entries.deadlines && 'deadline', entries.meetings && 'meeting', entries.actionItems && 'actionItem'].filter(Boolean) as string[]);
  const tally: CalendarTally = {
    onIt: {
      deadlines: entries.deadlines?.filter((d) => d.dueType !== 'tbd' && d.dueDate).length ?? 0,
      meetings: entries.meetings?.filter((m) => m.meetingDate).length ?? 0,
      actions: entries.actionItems?.filter((a) => a.dueDate).length ?? 0,
    },
    leftOut: {
      undatedDeadlines: entries.deadlines?.filter((d) => d.dueType === 'tbd' || !d.dueDate).length ?? 0,
      undatedMeetings: entries.meetings?.filter((m) => !m.meetingDate && m.status !== 'cancelled').length ?? 0,
      undatedActions: entries.actionItems?.filter((a) => !a.dueDate && a.status === 'open').length ?? 0,
      // A meeting's own deadline left out with its internal meeting is that meeting, counted once.
      internal: withheld.filter((w) => w.field === null && kindsIn.has(w.kind) && !(withMeetings && meetingDeadlineIds.has(w.id))).length,
    },
  };
  return { caseTitle: shared.directive![0]!.title, entries, explanations, tally };
}

/**
 * One calendar of the cases' entries. UIDs are stable (calendarUid), so importing a later export updates the
 * events; with several cases, each event's title names its case.
 */
export function calendarExport(
  cases: readonly CaseCalendar[], include: readonly CalendarContent[], problems: IcsExport['problems'], skipped: IcsExport['skipped'] = [],
  generatedAt = new Date(),
): IcsExport {
  const several = cases.length > 1;
  const titled = <T extends { title: string }>(list: readonly T[] | undefined, caseTitle: string) => list && (several ? list.map((r) => ({ ...r, title: `${r.title} — ${caseTitle}` })) : list);
  const merged = (pick: (c: CaseCalendar) => readonly { title: string }[] | undefined) => cases.flatMap((c) => titled(pick(c), c.caseTitle) ?? []);
  const entries: IcsEntries = {
    ...(include.includes('deadlines') ? { deadlines: merged((c) => c.entries.deadlines) as IcsDeadline[] } : {}),
    ...(include.includes('meetings') ? { meetings: merged((c) => c.entries.meetings) as IcsMeeting[] } : {}),
    ...(include.includes('actions') ? { actionItems: merged((c) => c.entries.actionItems) as IcsActionItem[] } : {}),
  };
  const explanations = new Map(cases.flatMap((c) => [...c.explanations]));
  // Only deadlines: the names calendars had before meetings and action items could come along.
  const onlyDeadlines = include.length === 1 && include[0] === 'deadlines';
  const what = onlyDeadlines ? 'deadlines' : 'calendar';
  const calendarName = several || cases.length === 0 ? `Parley ${what}` : `${cases[0]!.caseTitle}: ${onlyDeadlines ? 'deadlines' : 'dates'}`;
  const text = toIcs(entries, { calendarName, generatedAt, explanations });
  const tally = cases.reduce((sum, c) => addTallies(sum, c.tally), EMPTY_TALLY);
  const events = tally.onIt.deadlines + tally.onIt.meetings + tally.onIt.actions;
  const fileName = `${several || cases.length === 0 ? `parley-${what}` : fileSlug(cases[0]!.caseTitle, 60, what)}.ics`;
  return { fileName, text, events, included: CALENDAR_CONTENTS.filter((kind) => include.includes(kind)), tally, problems, skipped };
}
