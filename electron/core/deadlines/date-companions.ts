// One fact, one place: a date that two records show is kept on both together, in the same transaction. The
// directive's issued and received dates are events of the case (deadlines count from them); a meeting's own
// deadline is the meeting's date (the engine dates it from the meeting, and dating it by hand dates the meeting).
import type { RecordOf } from '../../../shared/records.js';
import { ParleyError } from '../errors.js';
import { sameJson } from '../store/canonical.js';
import type { ChangeContext, Companion } from '../store/change-context.js';
import { OTHER_DEADLINE_OF_MEETING_SQL, OTHER_DIRECTIVE_DATE_EVENT_SQL, TYPED_DUE_FIELDS } from '../store/kind-sql.js';
import { newRecord, now, sameFields, stamp, validate, type RecordStore } from '../store/record-store.js';
import type { StoredRecord } from '../store/record-table.js';
import { scheduleReaderOf } from './schedule-reader.js';
import { refuseIfTrigger } from './triggers.js';

type DirectiveDate = NonNullable<RecordOf<'event'>['directiveDate']>;

/** The events that are the directive's dates: which field, and the event's title and kind. */
export const DIRECTIVE_DATE_EVENTS = [
  { field: 'issuedOn', title: 'Order issued', eventKind: 'order_issued' },
  { field: 'receivedOn', title: 'Order received', eventKind: 'order_received' },
] as const satisfies readonly { field: DirectiveDate; title: string; eventKind: RecordOf<'event'>['eventKind'] }[];

/** Why the core made an event: it is one of the directive's dates. */
const DATE_AS_EVENT = 'the directive\'s date, as an event of the case';

/** A new case's directive, written (audited) with the events that are its dates. */
export function insertDirective(records: RecordStore, fields: Record<string, unknown>, actor: string, at: string): void {
  const directive = newRecord(fields, actor, at);
  validate('directive', directive);
  records.insert('directive', directive);
  for (const { field } of DIRECTIVE_DATE_EVENTS) {
    if (directive[field]) records.insert('event', directiveDateEvent(field, directive[field] as string, actor, at), DATE_AS_EVENT);
  }
}

/** "issued date", "received date". */
export function dateWords(field: string): string {
  return field === 'issuedOn' ? 'issued date' : 'received date';
}

/** The event that is one of the directive's dates. */
export function directiveDateEvent(field: DirectiveDate, date: string, actor: string, at: string): StoredRecord {
  const { title, eventKind } = DIRECTIVE_DATE_EVENTS.find((e) => e.field === field)!;
  const rec = newRecord({ title, eventKind, occurredOn: date, directiveDate: field }, actor, at);
  validate('event', rec);
  return rec;
}

/** The live event that is the directive's date `field`, or null. */
export function directiveEvent(records: RecordStore, field: DirectiveDate): RecordOf<'event'> | null {
  return records.list('event', { filter: { directiveDate: field }, limit: 1, orderBy: 'rowid' })[0] ?? null;
}

/** The events that change with the directive: each of its dates set, moved or cleared makes, moves or deletes its event. */
export function eventsOfDirectiveDates(ctx: ChangeContext, before: RecordOf<'directive'> | null, after: RecordOf<'directive'>): Companion[] {
  const companions: Companion[] = [];
  for (const { field, title } of DIRECTIVE_DATE_EVENTS) {
    if ((before?.[field] ?? null) === (after[field] ?? null)) continue;
    const event = directiveEvent(ctx.records, field);
    const date = after[field] ?? null;
    if (date && event) {
      companions.push({ kind: 'event', op: 'update', before: event, after: { ...event, occurredOn: date }, reason: `the directive's ${dateWords(field)} changed` });
    } else if (date) {
      companions.push({ kind: 'event', op: 'create', before: null, after: directiveDateEvent(field, date, '', now()), reason: DATE_AS_EVENT });
    } else if (event) {
      refuseIfTrigger(scheduleReaderOf(ctx.records), 'event', event, 'delete', `The directive's ${dateWords(field)} is the event “${title}”, and deadlines count from it`);
      companions.push({ kind: 'event', op: 'delete', before: event, after: { ...event, deletedAt: now() }, reason: `the directive's ${dateWords(field)} was cleared` });
    }
  }
  return companions;
}

/** The directive changes with the event that is one of its dates, when the event's day moves. */
export function directiveOfDateEvent(ctx: ChangeContext, before: RecordOf<'event'> | null, after: RecordOf<'event'>): Companion[] {
  if (!after.directiveDate || !before || before.occurredOn === after.occurredOn) return [];
  const directive = ctx.records.directive();
  return [{ kind: 'directive', op: 'update', before: directive, after: { ...directive, [after.directiveDate]: after.occurredOn }, reason: `the event “${after.title}” is the directive's ${dateWords(after.directiveDate)}` }];
}

/**
 * The meeting changes with its own deadline when the deadline is dated: the date goes to the meeting, the one place
 * it is kept. A deadline newly linked to a meeting that has no date yet gives the meeting its own.
 */
export function meetingOfDeadline(ctx: ChangeContext, before: RecordOf<'deadline'> | null, after: RecordOf<'deadline'>, changes: Record<string, unknown>): Companion[] {
  if (!after.meetingId) return [];
  const meeting = ctx.records.find('meeting', after.meetingId);
  const datedHere = TYPED_DUE_FIELDS.some((f) => f in changes && !sameJson(changes[f], before?.[f]));
  const linkedNow = !before || before.meetingId !== after.meetingId;
  const toMeeting = linkedNow ? !meeting?.meetingDate && after.dueType !== 'tbd' && Boolean(after.dueDate) : datedHere;
  if (!meeting || meeting.deletedAt || !toMeeting) return [];
  const timed = after.dueType === 'datetime' && after.dueTime;
  const next: RecordOf<'meeting'> = { ...meeting, meetingDate: after.dueType === 'tbd' ? null : after.dueDate ?? null };
  if (timed) Object.assign(next, { startTime: after.dueTime, timeZone: after.timeZone ?? meeting.timeZone });
  if (timed && next.endTime && next.startTime && next.endTime < next.startTime) next.endTime = null;
  if (sameFields('meeting', meeting, next)) return [];
  return [{ kind: 'meeting', op: 'update', before: meeting, after: next, reason: `dated from its deadline “${after.title}”` }];
}

/** A meeting has one deadline of its own: its date. */
export function refuseSecondDeadlineOfMeeting(records: RecordStore, rec: RecordOf<'deadline'>): void {
  if (!rec.meetingId || rec.deletedAt) return;
  const other = records.connection.prepare(OTHER_DEADLINE_OF_MEETING_SQL).pluck().get(rec.meetingId, rec.id) as string | undefined;
  if (other === undefined) return;
  const meeting = records.find('meeting', rec.meetingId);
  throw new ParleyError('invalid_input', `The meeting “${String(meeting?.title ?? rec.meetingId)}” already has its deadline “${other}”; a meeting has one.`, [{ path: 'fields.meetingId', message: 'already has a deadline' }]);
}

/** Each of the directive's dates is one event. */
export function refuseSecondDirectiveDateEvent(records: RecordStore, rec: RecordOf<'event'>): void {
  if (!rec.directiveDate || rec.deletedAt) return;
  const other = records.connection.prepare(OTHER_DIRECTIVE_DATE_EVENT_SQL).pluck().get(rec.directiveDate, rec.id) as string | undefined;
  if (other !== undefined) throw new ParleyError('invalid_input', `The directive's ${dateWords(rec.directiveDate)} is already the event “${other}”.`);
}

/** An event that was one of the directive's dates comes back only while that date is not set again. */
export function refuseRestoreOverDirectiveDate(records: RecordStore, event: RecordOf<'event'>): void {
  if (event.directiveDate && records.directive()[event.directiveDate]) {
    throw new ParleyError('invalid_input', `This event was the directive's ${dateWords(event.directiveDate)}, which is now set again (another event holds it); change the directive's date instead. Nothing was restored.`);
  }
}

/** Sets one of the directive's dates to follow its event (deleted or restored), audited. */
export function setDirectiveDate(records: RecordStore, field: DirectiveDate, date: string | null, actor: string, reason: string): void {
  const before = records.directive();
  if ((before[field] ?? null) === date) return;
  const after = stamp({ ...before, [field]: date }, before, actor);
  validate('directive', after);
  records.replace('directive', 'update', before, after, reason);
}

/** A date of the directive that has no event yet (a file made before migration 0007). */
export interface MissingDateEvent {
  field: DirectiveDate;
  eventKind: RecordOf<'event'>['eventKind'];
  date: string;
}

export function missingDateEvents(records: RecordStore): MissingDateEvent[] {
  const directive = records.directive();
  return DIRECTIVE_DATE_EVENTS.flatMap(({ field, eventKind }) => {
    const date = directive[field];
    return date && !directiveEvent(records, field) ? [{ field, eventKind, date }] : [];
  });
}

/** Gives each date its event, audited as `reason`: an event of that kind on that date already in the case becomes it. */
export function writeDateEvents(records: RecordStore, missing: readonly MissingDateEvent[], actor: string, reason: string): void {
  for (const { field, eventKind, date } of missing) {
    const same = records.list('event', { filter: { eventKind, occurredOn: date, directiveDate: null }, limit: 1, orderBy: 'rowid' })[0];
    if (same) records.replace('event', 'update', same, stamp({ ...same, directiveDate: field }, same, actor), reason);
    else records.insert('event', directiveDateEvent(field, date, actor, now()), reason);
  }
}
