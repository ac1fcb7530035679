// Rule-built deadlines, kept by the core: their dates are worked out here with the deadline engine (the case's
// holiday calendar and closure dates) whenever a deadline, a trigger or the case's calendar changes, and stored
// with the deadline. A change that would move deadlines other than the one edited is planned here first, so that
// the caller can show the moves and have them confirmed; nothing moves silently.
import type { ScheduleMove, ScheduleDue } from '../../../shared/api-types.js';
import {
  computeSchedule, DEFAULT_HOLIDAY_CALENDAR_ID, holidayCalendarById, TriggerCycleError, US_FEDERAL, zonedTimeToInstant,
  type CaseClosure, type ComputedDeadline, type DeadlineInput, type EventInput, type HolidayCalendar, type MeetingInput,
} from '../../../shared/deadlines/index.js';
import type { KindName, RecordOf } from '../../../shared/records.js';
import { ParleyError } from '../errors.js';
import { sameJson } from '../store/canonical.js';
import { DUE_FIELDS, HANGS_ON, isTriggerKind, SCHEDULE_FIELDS, TRIGGER_FIELDS, type TriggerKind } from '../store/kind-sql.js';
import type { StoredRecord } from '../store/record-table.js';

/** What the engine reads from a case: its live deadlines and events, and its working calendar. */
export interface ScheduleSource {
  deadlines: DeadlineInput[];
  events: EventInput[];
  meetings: MeetingInput[];
  calendar: HolidayCalendar;
  closures: CaseClosure[];
}

export function workingCalendarOf(directive: StoredRecord): { calendar: HolidayCalendar; closures: CaseClosure[] } {
  const calendar = holidayCalendarById((directive.holidayCalendarId as string | null) ?? DEFAULT_HOLIDAY_CALENDAR_ID) ?? US_FEDERAL;
  const closures = ((directive.closures as { date: string; name: string }[] | null) ?? []).map((c) => ({ date: c.date, name: c.name }));
  return { calendar, closures };
}

/** Every rule-built deadline's computed due, by id; a circle of triggers is refused with a clear error. */
export function computeScheduleOf(source: ScheduleSource): Map<string, ComputedDeadline> {
  try {
    const computed = computeSchedule(source.deadlines, source.events, source.calendar, source.closures, source.meetings);
    return new Map(computed.map((c) => [c.deadlineId, c]));
  } catch (err) {
    if (err instanceof TriggerCycleError) throw new ParleyError('cycle', err.message);
    throw err;
  }
}

export function touchesSchedule(kind: KindName, before: StoredRecord | null, after: StoredRecord): boolean {
  const fields = SCHEDULE_FIELDS[kind];
  if (!fields) return false;
  // A new rule-built deadline gets its date; a new event or hand-dated deadline has no dependants yet.
  if (!before) return kind === 'deadline' && Boolean(after.rule || after.meetingId);
  // Canonical: a rule read from the file and the same rule built elsewhere (a merge) may list their keys in another order.
  return fields.some((f) => !sameJson(before[f], after[f]));
}

/**
 * A deadline given a date by hand (its due fields changed, its rule and trigger not) leaves its rule: the date
 * typed is the date kept, as the engine's preview of a trigger move assumes (shared/deadlines/preview.ts).
 */
export function detachIfDatedByHand(before: StoredRecord, changes: Record<string, unknown>, after: StoredRecord): void {
  if (!before.rule) return;
  const datedByHand = DUE_FIELDS.some((f) => f in changes && JSON.stringify(changes[f] ?? null) !== JSON.stringify(before[f] ?? null));
  const ruleTouched = TRIGGER_FIELDS.some((f) => f in changes);
  if (datedByHand && !ruleTouched) Object.assign(after, { rule: null, triggerDeadlineId: null, triggerEventId: null, triggerMeetingId: null });
}

export interface SchedulePlan {
  /** The edited deadline's own computed due, when it is rule-built. */
  own: ComputedDeadline | null;
  /** Every other deadline downstream of the change, with its stored due and its due after the change. */
  moves: ScheduleMove[];
  /** The engine's due of every rule-built deadline after the change, by id. */
  computed: ReadonlyMap<string, ComputedDeadline>;
}

export const NO_SCHEDULE_CHANGE: SchedulePlan = { own: null, moves: [], computed: new Map() };

/**
 * What a change does to the schedule. `source` already holds the changed record; `stored` holds every deadline as
 * it is stored now, `explanationsBefore` the engine's words for them before the change. Rows are the deadlines
 * that hang on the changed record, directly or down a chain (for the case's calendar: every rule-built deadline),
 * triggers before their dependants; `changed` says whether its date moves.
 */
export function planScheduleChange(
  changed: readonly { kind: KindName; id: string }[],
  source: ScheduleSource,
  stored: ReadonlyMap<string, DeadlineInput>,
  explanationsBefore: ReadonlyMap<string, string>,
): SchedulePlan {
  const after = computeScheduleOf(source);
  const [main] = changed;
  const changedDeadlines = new Set(changed.filter((c) => c.kind === 'deadline').map((c) => c.id));
  const changedMeetings = new Set(changed.filter((c) => c.kind === 'meeting').map((c) => c.id));
  let downstream: Set<string> | null = new Set();
  for (const c of changed) {
    if (c.kind === 'directive') downstream = null;
    else if (downstream && isTriggerKind(c.kind)) for (const id of downstreamOf(c.kind, c.id, source.deadlines)) downstream.add(id);
  }
  const meetingOf = new Map(source.deadlines.map((d) => [d.id, d.meetingId ?? null]));
  const moves: ScheduleMove[] = [];
  for (const computed of after.values()) {
    if (changedDeadlines.has(computed.deadlineId)) continue;
    if (downstream && !downstream.has(computed.deadlineId)) continue;
    const record = stored.get(computed.deadlineId);
    if (!record) continue;
    const before = dueOf(record, explanationsBefore.get(record.id) ?? null);
    const next = dueOf(computed, computed.explanation);
    const move: ScheduleMove = { deadlineId: record.id, title: record.title, before, after: next, changed: !sameDue(before, next) };
    const meetingId = meetingOf.get(record.id);
    if (meetingId && changedMeetings.has(meetingId)) move.followsMeeting = true;
    moves.push(move);
  }
  return { own: main ? after.get(main.id) ?? null : null, moves, computed: after };
}

/** The ids of deadlines that hang on the record (or, for a meeting, are its date), directly or through other deadlines. */
function downstreamOf(kind: TriggerKind, id: string, deadlines: readonly DeadlineInput[]): Set<string> {
  const found = new Set<string>();
  const hangsOn = (d: DeadlineInput): boolean => HANGS_ON[kind].some((field) => d[field] === id);
  let frontier = deadlines.filter(hangsOn);
  while (frontier.length) {
    for (const d of frontier) found.add(d.id);
    frontier = deadlines.filter((d) => d.triggerDeadlineId && found.has(d.triggerDeadlineId) && !found.has(d.id));
  }
  return found;
}

export function dueOf(d: { [F in (typeof DUE_FIELDS)[number]]?: unknown }, explanation: string | null): ScheduleDue {
  return {
    dueType: d.dueType as ScheduleDue['dueType'],
    dueDate: (d.dueDate as string | null) ?? null,
    dueTime: (d.dueTime as string | null) ?? null,
    timeZone: (d.timeZone as string | null) ?? null,
    windowStart: (d.windowStart as string | null) ?? null,
    windowEnd: (d.windowEnd as string | null) ?? null,
    explanation,
  };
}

function sameDue(a: ScheduleDue, b: ScheduleDue): boolean {
  return a.dueType === b.dueType && a.dueDate === b.dueDate && a.dueTime === b.dueTime && a.timeZone === b.timeZone
    && a.windowStart === b.windowStart && a.windowEnd === b.windowEnd;
}

/**
 * The UTC instant a date-time deadline falls due, by the engine's reading of wall-clock times across daylight-saving
 * changes (a skipped time lands after the jump, a repeated one on its first occurrence): the same instant the
 * engine, the reminders and the calendar export use.
 */
export function dueInstant(rec: RecordOf<'deadline'>): string | null {
  if (rec.dueType !== 'datetime' || !rec.dueDate || !rec.dueTime || !rec.timeZone) return null;
  return zonedTimeToInstant(rec.dueDate, rec.dueTime, rec.timeZone).toISOString();
}

/** Writes the engine's due fields onto a deadline record. */
export function applyComputedDue(rec: StoredRecord, computed: ComputedDeadline): void {
  for (const f of DUE_FIELDS) rec[f] = computed[f];
}

/** "“Reply” moves from 2027-01-06 to 2027-01-07; “Hearing” …", for refusals and audit reasons. */
export function movesInWords(moves: readonly ScheduleMove[]): string {
  const when = (d: ScheduleDue) => (d.dueType === 'tbd' || !d.dueDate ? 'not yet known' : d.dueTime ? `${d.dueDate} ${d.dueTime}` : d.dueDate);
  return moves.map((m) => `“${m.title}” from ${when(m.before)} to ${when(m.after)}`).join('; ');
}
