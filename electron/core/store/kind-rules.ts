// The rules of each kind of record that go beyond its own fields, in one table keyed by kind beside the registry
// (shared/records.ts: fields, and checks within one record) and the kinds' SQL (kind-sql.ts): what the core sets on
// a new record, what follows from an update, what it works out from a record, what it checks against the other
// records, which records change with it, and what it writes after it. The change path (record-changes.ts) applies
// them to every kind alike; a kind without an entry has none.
import { KINDS, type KindName, type RecordOf } from '../../../shared/records.js';
import {
  directiveOfDateEvent, eventsOfDirectiveDates, meetingOfDeadline, refuseRestoreOverDirectiveDate, refuseSecondDeadlineOfMeeting,
  refuseSecondDirectiveDateEvent, setDirectiveDate,
} from '../deadlines/date-companions.js';
import { detachIfDatedByHand, dueInstant } from '../deadlines/schedule.js';
import { scheduleReaderOf } from '../deadlines/schedule-reader.js';
import { checkTriggerChain } from '../deadlines/triggers.js';
import { ParleyError } from '../errors.js';
import { isoToday } from '../today.js';
import { recordPositionChanges } from '../position-history.js';
import type { ChangeContext, ChangeOptions, Companion, Reach } from './change-context.js';
import { LAST_REVISION_SQL, type FieldOf } from './kind-sql.js';
import type { RecordStore } from './record-store.js';
import type { StoredRecord } from './record-table.js';
import { pathInWords } from '../../../shared/plain-issues.js';
import { withArticle } from '../../../shared/words.js';

/** How a record is checked against the others (see RecordChanges.checkRules). */
export interface CheckScope {
  reach: Reach;
  /** The record as it was: a reference it kept may point at a record deleted since. */
  before: StoredRecord | null;
  /** Deadlines known to lead to no circle of triggers, across many checks (an import). */
  cleared: Set<string>;
}

/** One kind's rules; `R` is its record. Each is optional. */
export interface KindRules<R extends StoredRecord = StoredRecord> {
  /** The field holding the day a record made in a meeting records: the one given, else its meeting's date, else today. */
  timeOfRecord?: string;
  /** Sets what the core keeps on a new record, whatever the caller gave, before its rules run. */
  onCreate?(rec: R, ctx: ChangeContext): void;
  /** Sets what follows from an update's changes, before its rules run. */
  onUpdate?(before: R, changes: Record<string, unknown>, after: R): void;
  /** Works out derived fields from the record alone, before the registry's checks. */
  derive?(rec: R, ctx: ChangeContext): void;
  /** Refuses (throws) what is wrong between the record and the others, beyond its references. */
  check?(rec: R, ctx: ChangeContext, scope: CheckScope): void;
  /** The records that change with this one (see Companion); `before` is null for a new record. */
  companions?(before: R | null, after: R, changes: Record<string, unknown>, ctx: ChangeContext): Companion[];
  /** Writes what the core keeps about a change once the record is written (null `before` for a new record). */
  afterWrite?(before: R | null, after: R, actor: string, opts: ChangeOptions, ctx: ChangeContext): void;
  /** Refuses a restore the record's rules forbid, before anything is written. */
  beforeRestore?(rec: R, ctx: ChangeContext): void;
  afterDelete?(before: R, actor: string, ctx: ChangeContext): void;
  afterRestore?(after: R, actor: string, ctx: ChangeContext): void;
}

const KIND_RULES: { [K in KindName]?: KindRules<RecordOf<K>> & { timeOfRecord?: FieldOf<K> } } = {
  directive: {
    companions: (before, after, _changes, ctx) => eventsOfDirectiveDates(ctx, before, after),
  },
  event: {
    // Only the core makes an event one of the directive's dates (see deadlines/date-companions.ts).
    onCreate: (rec) => {
      rec.directiveDate = null;
    },
    check: (rec, ctx) => refuseSecondDirectiveDateEvent(ctx.records, rec),
    companions: (before, after, _changes, ctx) => directiveOfDateEvent(ctx, before, after),
    beforeRestore: (rec, ctx) => refuseRestoreOverDirectiveDate(ctx.records, rec),
    // The event that is a date of the directive: deleting it clears that date, as clearing the date deletes it.
    afterDelete: (before, actor, ctx) => {
      if (before.directiveDate) setDirectiveDate(ctx.records, before.directiveDate, null, actor, `the event “${before.title}” was deleted`);
    },
    afterRestore: (after, actor, ctx) => {
      if (after.directiveDate) setDirectiveDate(ctx.records, after.directiveDate, after.occurredOn, actor, `the event “${after.title}” was restored`);
    },
  },
  deadline: {
    // Set by reminder.snooze and reminder.dismiss only.
    onCreate: (rec) => {
      rec.reminderState = null;
    },
    onUpdate: detachIfDatedByHand,
    derive: (rec) => {
      rec.dueAt = dueInstant(rec);
    },
    check: (rec, ctx, { cleared }) => {
      checkTriggerChain(scheduleReaderOf(ctx.records), rec, cleared);
      refuseSecondDeadlineOfMeeting(ctx.records, rec);
    },
    companions: (before, after, changes, ctx) => meetingOfDeadline(ctx, before, after, changes),
  },
  note: { timeOfRecord: 'recordedOn' },
  decision: { timeOfRecord: 'recordedOn' },
  positionChange: { timeOfRecord: 'recordedOn' },
  concession: { timeOfRecord: 'madeOn' },
  issue: {
    afterWrite: (before, after, actor, opts, ctx) => recordPositionChanges(ctx, before, after, actor, opts),
  },
  watchItem: {
    // A watch item watched again has not been triggered: its trigger date goes with its status.
    onUpdate: (_before, _changes, after) => {
      if (after.status === 'watching') after.triggeredOn = null;
    },
  },
  draftRevision: {
    onCreate: (rec, ctx) => {
      rec.revisionNumber = nextRevisionNumber(ctx.records, rec.draftId);
    },
    companions: (before, after, _changes, ctx) => (before ? [] : workingTextTakenOver(ctx.records, after)),
  },
  link: {
    // A link that names this very case as its "other" case is a link within the file; say so before the rules run,
    // or the rule against linking a record to itself would not apply to it.
    derive: (rec, ctx) => {
      if (rec.toCaseId === ctx.caseId) Object.assign(rec, { toCaseId: null, toCasePath: null });
    },
    check: (rec, ctx, { reach, before }) => {
      const problem = linkEndProblem(ctx.records, ctx.caseId, rec, reach, before);
      if (problem) throw new ParleyError('invalid_input', problem);
    },
  },
  attachment: {
    // What an attachment is attached to must be there when it is set, as a link's ends must (a record deleted since may stay).
    check: (rec, ctx, { reach, before }) => {
      if (rec.attachedToKind === null || rec.attachedToId === null) return;
      if (rec.attachedToKind === 'attachment' && rec.attachedToId === rec.id) throw new ParleyError('invalid_input', 'An attachment cannot be attached to itself.');
      const kept = before !== null && before.attachedToKind === rec.attachedToKind && before.attachedToId === rec.attachedToId;
      const why = missing(ctx.records, rec.attachedToKind, rec.attachedToId, kept ? 'stored' : reach);
      if (why) throw new ParleyError('invalid_input', `The ${KINDS[rec.attachedToKind].label.toLowerCase()} this attachment is attached to ${why}.`, [{ path: 'attachedTo.id', message: 'no such record' }]);
    },
  },
  disclosure: {
    // A choice about a record that is not there would wait, unseen, for a record of that id.
    check: (rec, ctx, { reach }) => {
      const why = missing(ctx.records, rec.recordKind, rec.recordId, reach);
      if (why) throw new ParleyError('invalid_input', `The ${KINDS[rec.recordKind].label.toLowerCase()} this sharing choice is about ${why}.`, [{ path: 'fields.recordId', message: 'no such record' }]);
    },
  },
};

const NO_RULES: KindRules = {};

/** A kind's rules, over its records as the change path holds them. */
export function rulesOf(kind: KindName): KindRules {
  return KIND_RULES[kind] ?? NO_RULES;
}

/** The kinds that keep a time of record, each with its field. */
export function timeOfRecordFields(): [KindName, string][] {
  return Object.entries(KIND_RULES).flatMap(([kind, rules]) => (rules.timeOfRecord ? [[kind as KindName, rules.timeOfRecord]] : []));
}

/** A note, decision, concession or position change records a day: the one given, else its meeting's date, else `fallback`. */
export function fillTimeOfRecord(records: RecordStore, kind: KindName, rec: StoredRecord, fallback = isoToday()): void {
  const field = rulesOf(kind).timeOfRecord;
  if (!field || rec[field]) return;
  const meeting = rec.meetingId ? records.find('meeting', rec.meetingId as string) : null;
  rec[field] = meeting?.meetingDate ?? fallback;
}

/**
 * A new revision is the draft's newest text: the text typed since the one before (draft.workingBody) is cleared with
 * it, in the same transaction, so that the draft never shows an older working text over a newer revision. The editor
 * makes the revision from that very text; what it held is in the audit trail either way.
 */
function workingTextTakenOver(records: RecordStore, revision: RecordOf<'draftRevision'>): Companion[] {
  const draft = records.find('draft', revision.draftId);
  if (!draft || draft.workingBody == null) return [];
  return [{ kind: 'draft', op: 'update', before: draft, after: { ...draft, workingBody: null }, reason: `its text is kept as revision ${revision.revisionNumber}` }];
}

function nextRevisionNumber(records: RecordStore, draftId: string): number {
  records.get('draft', draftId);
  const max = records.connection.prepare(LAST_REVISION_SQL).pluck().get(draftId) as number | null;
  return (max ?? 0) + 1;
}

/**
 * Why the file does not hold this record as `reach` asks (live, or deleted too), or null if it does. Kinds and
 * ids from a file are checked before they are looked up.
 */
export function missing(records: RecordStore, kind: unknown, id: unknown, reach: Reach): string | null {
  const presence = typeof kind === 'string' && typeof id === 'string' && Object.hasOwn(KINDS, kind) ? records.presence(kind as KindName, id) : null;
  if (presence === 'live' || (presence === 'deleted' && reach === 'stored')) return null;
  return presence === 'deleted' ? 'is deleted (restore it first)' : 'does not exist in this case file';
}

/** Every reference field of the record points at a record the file holds (see CheckScope for `before`). */
export function checkReferences(records: RecordStore, kind: KindName, rec: StoredRecord, reach: Reach, before: StoredRecord | null): void {
  for (const [field, def] of Object.entries(KINDS[kind].fields)) {
    const value = rec[field];
    if (!def.ref || value == null) continue;
    const why = missing(records, def.ref, value, before?.[field] === value ? 'stored' : reach);
    if (why) {
      throw new ParleyError('invalid_input', `The ${pathInWords(['fields', field], kind)} refers to ${withArticle(KINDS[def.ref as KindName].label.toLowerCase())} that ${why}.`, [
        { path: `fields.${field}`, message: 'no such record' },
      ]);
    }
  }
}

/**
 * What is wrong with a link's ends, or null: each must be a record in this file (the other file's are checked
 * there). An end the link had before (`before`) may have been deleted since.
 */
export function linkEndProblem(records: RecordStore, caseId: string, link: StoredRecord, reach: Reach, before: StoredRecord | null = null): string | null {
  const what = (kind: unknown, id: unknown) => `${Object.hasOwn(KINDS, String(kind)) ? KINDS[kind as KindName].label.toLowerCase() : 'record'} ${String(id)}`;
  const kept = (end: 'from' | 'to') => before !== null && before[`${end}Kind`] === link[`${end}Kind`] && before[`${end}Id`] === link[`${end}Id`];
  const fromMissing = missing(records, link.fromKind, link.fromId, kept('from') ? 'stored' : reach);
  if (fromMissing) return `The ${what(link.fromKind, link.fromId)} a link starts from ${fromMissing}.`;
  if (link.toCaseId && link.toCaseId !== caseId) return null;
  const toMissing = missing(records, link.toKind, link.toId, kept('to') ? 'stored' : reach);
  if (toMissing) return `The ${what(link.toKind, link.toId)} a link points to ${toMissing}.`;
  return null;
}
