// What moving a trigger would do: every deadline that hangs on it, directly or down a chain, with its date
// before and after. Pure; the confirm-and-audit flow that applies the move lives in the core.
import type { IsoDate } from './calendar-date.js';
import type { HolidayCalendar } from './holidays.js';
import { computeSchedule, type ComputedDeadline } from './schedule.js';
import type { DeadlineInput, EventInput } from './types.js';
import type { CaseClosure } from './working-calendar.js';

/**
 * A trigger's new date: an event's, or a deadline's (null makes it TBD). A deadline built by a rule that is
 * given a date by hand is detached from its rule, as saving a hand-set date would do.
 */
export type TriggerMove =
  | { eventId: string; occurredOn: IsoDate }
  | { deadlineId: string; dueDate: IsoDate | null };

export interface TriggerMoveRow {
  deadlineId: string;
  title: string;
  status: DeadlineInput['status'];
  before: ComputedDeadline;
  after: ComputedDeadline;
  /** Whether the due date, time, zone or window differs. */
  changed: boolean;
}

/** Every rule-built dependant of the moved trigger, triggers before their dependants, with old and new dates. */
export function previewTriggerMove(
  deadlines: readonly DeadlineInput[],
  events: readonly EventInput[],
  calendar: HolidayCalendar,
  closures: readonly CaseClosure[],
  move: TriggerMove,
): TriggerMoveRow[] {
  const before = new Map(computeSchedule(deadlines, events, calendar, closures).map((c) => [c.deadlineId, c]));
  const moved = 'eventId' in move
    ? { deadlines, events: events.map((e) => (e.id === move.eventId ? { ...e, occurredOn: move.occurredOn } : e)) }
    : { deadlines: deadlines.map((d) => (d.id === move.deadlineId ? withHandSetDate(d, move.dueDate) : d)), events };
  const after = computeSchedule(moved.deadlines, moved.events, calendar, closures);

  const deadlinesById = new Map(deadlines.map((d) => [d.id, d]));
  const hangsOnMovedTrigger = (d: DeadlineInput) => ('eventId' in move ? d.triggerEventId === move.eventId : d.triggerDeadlineId === move.deadlineId);
  const dependants = new Set<string>();
  const rows: TriggerMoveRow[] = [];
  // `after` lists triggers before their dependants, so one pass follows whole chains.
  for (const computed of after) {
    const deadline = deadlinesById.get(computed.deadlineId)!;
    const old = before.get(deadline.id);
    const hangsOnDependant = Boolean(deadline.triggerDeadlineId && dependants.has(deadline.triggerDeadlineId));
    if (!old || !(hangsOnMovedTrigger(deadline) || hangsOnDependant)) continue;
    dependants.add(deadline.id);
    rows.push({
      deadlineId: deadline.id, title: deadline.title, status: deadline.status,
      before: old, after: computed, changed: !sameDue(old, computed),
    });
  }
  return rows;
}

function withHandSetDate(deadline: DeadlineInput, dueDate: IsoDate | null): DeadlineInput {
  const keepsTime = dueDate !== null && deadline.dueType === 'datetime' && Boolean(deadline.dueTime && deadline.timeZone);
  return {
    ...deadline, rule: null, triggerDeadlineId: null, triggerEventId: null, dueDate,
    dueType: dueDate === null ? 'tbd' : keepsTime ? 'datetime' : 'date',
    dueTime: keepsTime ? deadline.dueTime : null,
  };
}

function sameDue(a: ComputedDeadline, b: ComputedDeadline): boolean {
  return a.dueType === b.dueType && a.dueDate === b.dueDate && a.dueTime === b.dueTime && a.timeZone === b.timeZone
    && a.windowStart === b.windowStart && a.windowEnd === b.windowEnd;
}
