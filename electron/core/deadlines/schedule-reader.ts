// What the schedule reads of a case, behind one narrow interface: the deadlines a change can reach, the events and
// meetings they count from, and the directive's working calendar; and, from these, what the engine reads.
import type { KindName, RecordOf } from '../../../shared/records.js';
import {
  DEADLINE_INPUT_FIELDS, HANGS_ON, isTriggerKind, MEETING_INPUT_FIELDS, titlesHangingOnSql, type HangingField, type TriggerKind,
} from '../store/kind-sql.js';
import type { FieldsRead, RecordStore } from '../store/record-store.js';
import type { StoredRecord } from '../store/record-table.js';
import { workingCalendarOf, type ScheduleSource } from './schedule.js';

/** A deadline as the schedule reads it: the fields the engine reads (the whole record has them too). */
export type EngineDeadline = FieldsRead<'deadline', (typeof DEADLINE_INPUT_FIELDS)[number]>;
type EngineMeeting = FieldsRead<'meeting', (typeof MEETING_INPUT_FIELDS)[number]>;

/** Everything the schedule reads of a case. */
export interface ScheduleReader {
  /** A deadline, event or meeting, live or deleted; null if the case does not hold it. */
  find<K extends TriggerKind>(kind: K, id: string): RecordOf<K> | null;
  /** The live deadlines whose `field` names the record `id`. */
  deadlinesWhere(field: HangingField, id: string): RecordOf<'deadline'>[];
  /** The titles of the live deadlines that hang on a record, by title. */
  titlesHangingOn(kind: TriggerKind, id: string): string[];
  /** Every live deadline, with only the fields the engine reads. */
  everyDeadline(): EngineDeadline[];
  /** Every live event. */
  everyEvent(): RecordOf<'event'>[];
  /** Every live meeting, with only the fields the engine reads. */
  everyMeeting(): EngineMeeting[];
  directive(): RecordOf<'directive'>;
}

export function scheduleReaderOf(records: RecordStore): ScheduleReader {
  return {
    find: (kind, id) => records.find(kind, id),
    deadlinesWhere: (field, id) => records.list('deadline', { filter: { [field]: id }, orderBy: 'rowid' }),
    titlesHangingOn: (kind, id) => records.connection.prepare(titlesHangingOnSql(kind)).pluck().all({ id }) as string[],
    // Only the fields the engine and a plan read, since whole records of ten thousand deadlines took most of the
    // time (moved deadlines are read whole again when they are written).
    everyDeadline: () => records.listFields('deadline', DEADLINE_INPUT_FIELDS),
    everyEvent: () => records.list('event'),
    everyMeeting: () => records.listFields('meeting', MEETING_INPUT_FIELDS),
    directive: () => records.directive(),
  };
}

/**
 * The live deadlines a change to one record can touch: those that hang on it down any chain, and (for a deadline)
 * the chain of triggers it hangs on before and after the change. Found through the trigger indexes, so a change
 * reads a few rows, not every deadline of the case. Null for the directive, whose working calendar every deadline
 * counts over.
 */
export function deadlinesReachedBy(reader: ScheduleReader, kind: KindName, before: StoredRecord | null, after: StoredRecord): Map<string, EngineDeadline> | null {
  if (!isTriggerKind(kind)) return null;
  const reached = new Map<string, EngineDeadline>();
  let frontier = HANGS_ON[kind].flatMap((field) => reader.deadlinesWhere(field, after.id));
  while (frontier.length) {
    const next: RecordOf<'deadline'>[] = [];
    for (const d of frontier) {
      if (reached.has(d.id)) continue;
      reached.set(d.id, d);
      next.push(...reader.deadlinesWhere('triggerDeadlineId', d.id));
    }
    frontier = next;
  }
  if (kind !== 'deadline') return reached;
  if (before) reached.set(before.id, before as RecordOf<'deadline'>);
  for (const start of [before, after] as (RecordOf<'deadline'> | null)[]) {
    let trigger = start?.triggerDeadlineId ?? null;
    while (trigger && !reached.has(trigger)) {
      const d = reader.find('deadline', trigger);
      if (!d || d.deletedAt) break;
      reached.set(d.id, d);
      trigger = d.triggerDeadlineId;
    }
  }
  return reached;
}

/** A record as it would be after a change, put in for the one stored. */
export interface Replacing {
  kind: KindName;
  rec: StoredRecord;
}

/**
 * What the engine reads: the given deadlines (or every live one) with the events and meetings they hang on, and the
 * case's working calendar; `replacing` puts records in as they would be after a change. `stored` holds the deadlines
 * as they are stored now.
 */
export function scheduleSource(reader: ScheduleReader, reach: ReadonlyMap<string, EngineDeadline> | null, replacing: readonly Replacing[] = []): { source: ScheduleSource; stored: Map<string, EngineDeadline> } {
  const withChange = <T extends { id: string; deletedAt?: string | null }>(kind: KindName, records: T[]): T[] => {
    let result = records;
    for (const r of replacing) {
      if (r.kind !== kind) continue;
      const others = result.filter((x) => x.id !== r.rec.id);
      result = r.rec.deletedAt ? others : [...others, r.rec as T];
    }
    return result;
  };
  const deadlines = reach ? [...reach.values()] : reader.everyDeadline();
  const deadlinesAfter = withChange('deadline', deadlines);
  const live = <T extends { deletedAt: string | null }>(rec: T | null): rec is T => rec !== null && !rec.deletedAt;
  const events = reach
    ? [...new Set(deadlinesAfter.map((d) => d.triggerEventId).filter((id) => id != null))].map((id) => reader.find('event', id)).filter(live)
    : reader.everyEvent();
  const meetings: (RecordOf<'meeting'> | EngineMeeting)[] = reach
    ? [...new Set(deadlinesAfter.flatMap((d) => [d.meetingId, d.triggerMeetingId]).filter((id) => id != null))].map((id) => reader.find('meeting', id)).filter(live)
    : reader.everyMeeting();
  const directive = replacing.find((r) => r.kind === 'directive')?.rec ?? reader.directive();
  return {
    source: {
      deadlines: deadlinesAfter,
      events: withChange('event', events),
      meetings: withChange('meeting', meetings),
      ...workingCalendarOf(directive),
    },
    stored: new Map(deadlines.map((d) => [d.id, d])),
  };
}
