// What migration 0007 added, filled in for records made before it, each change audited as the core's (a migration's
// SQL cannot write audit entries): the time of record of notes, decisions, concessions and position changes (their
// meeting's date, else the day they were typed), and the events that are the directive's dates.
import type { KindName } from '../../shared/records.js';
import { missingDateEvents, writeDateEvents, type MissingDateEvent } from './deadlines/date-companions.js';
import { anyUnfilledSql } from './store/kind-sql.js';
import { fillTimeOfRecord, timeOfRecordFields } from './store/kind-rules.js';
import { stamp, validate, type RecordStore } from './store/record-store.js';

const REASON = 'filled in by Parley for a record made before it kept this (time of record; the directive\'s dates as events)';

export interface CatchUpWork {
  /** The kinds holding records without a time of record, each with its field. */
  unfilled: [KindName, string][];
  dateEvents: MissingDateEvent[];
}

/** What there is to fill in, or null: a few rows read, as in every file made since, where there is nothing. */
export function catchUpWork(records: RecordStore): CatchUpWork | null {
  const unfilled = timeOfRecordFields().filter(([kind, field]) => records.connection.prepare(anyUnfilledSql(kind, field)).get() !== undefined);
  const dateEvents = missingDateEvents(records);
  return unfilled.length || dateEvents.length ? { unfilled, dateEvents } : null;
}

/** Fills it in; the caller holds the transaction. */
export function catchUp(records: RecordStore, work: CatchUpWork, actor: string): void {
  for (const [kind, field] of work.unfilled) {
    for (const rec of records.list(kind, { filter: { [field]: null }, includeDeleted: true, orderBy: 'rowid' })) {
      const next = { ...rec };
      fillTimeOfRecord(records, kind, next, rec.createdAt.slice(0, 10));
      validate(kind, next);
      records.replace(kind, 'update', rec, stamp(next, rec, actor), REASON);
    }
  }
  writeDateEvents(records, work.dateEvents, actor, REASON);
}
