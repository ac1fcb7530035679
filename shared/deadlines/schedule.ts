// Deadlines built by rules, resolved in dependency order: each one from its trigger (an event, or another
// deadline that may itself be built by a rule), through chains of any depth. A trigger whose date is not known
// makes its dependants not known either (TBD), with their formula shown; deadlines that hang on each other in a
// circle are refused.
import type { IsoDate } from './calendar-date.js';
import type { HolidayCalendar } from './holidays.js';
import { applyRule, amountWords, describeRule, skippedWords, type RuleOutcome } from './rules.js';
import type { DeadlineInput, DueType, EventInput, MeetingInput } from './types.js';
import { workingCalendar, type CaseClosure, type ClosedDay, type WorkingCalendar } from './working-calendar.js';
import { instantToIso, zonedTimeToInstant } from './zoned-time.js';

/** The due fields of a deadline record as the engine computes them (write them to the record as they are). */
export interface ComputedDue {
  dueType: DueType;
  dueDate: IsoDate | null;
  dueTime: string | null;
  timeZone: string | null;
  /** The UTC instant of a date-time deadline. */
  dueAt: string | null;
  /** For a TBD deadline: the window it falls in when its trigger's window is known, else its own window. */
  windowStart: IsoDate | null;
  windowEnd: IsoDate | null;
}

export interface ComputedDeadline extends ComputedDue {
  deadlineId: string;
  /** The rule in words: "30 business days after Suspension order". */
  formula: string;
  /** How the date was reached, or why it is not known. */
  explanation: string;
  /** Holidays and closures passed over. */
  skipped: ClosedDay[];
  /** Something the user should fix (a trigger that no longer exists, a time without a zone), or null. */
  problem: string | null;
}

export class TriggerCycleError extends Error {
  constructor(readonly cycle: readonly DeadlineInput[]) {
    super(`Deadlines cannot count from each other in a loop: ${cycleWords(cycle)} (each counts from the one after it). Change one of these triggers.`);
    this.name = 'TriggerCycleError';
  }
}

export function isRuleBuilt(deadline: DeadlineInput): deadline is DeadlineInput & { rule: NonNullable<DeadlineInput['rule']> } {
  return Boolean(deadline.rule && (deadline.triggerDeadlineId || deadline.triggerEventId || deadline.triggerMeetingId));
}

/** A meeting's own deadline: its date is the meeting's (one source of truth), worked out like a rule's. */
export function isMeetingDated(deadline: DeadlineInput): deadline is DeadlineInput & { meetingId: string } {
  return Boolean(deadline.meetingId);
}

/**
 * Every rule-built deadline's due date (or TBD) and its explanation, triggers before their dependants.
 * Deleted deadlines and events are left out; a deadline whose trigger is gone is TBD with a `problem`.
 * Throws TriggerCycleError when deadlines hang on each other in a circle.
 */
export function computeSchedule(
  deadlines: readonly DeadlineInput[],
  events: readonly EventInput[],
  calendar: HolidayCalendar,
  closures: readonly CaseClosure[],
  meetings: readonly MeetingInput[] = [],
): ComputedDeadline[] {
  const live = deadlines.filter((d) => !d.deletedAt);
  const meetingsById = new Map(meetings.filter((m) => !m.deletedAt).map((m) => [m.id, m]));
  const ordered = dependencyOrder(live);
  if ('cycle' in ordered) throw new TriggerCycleError(ordered.cycle);
  const working = workingCalendar(calendar, closures);
  const deadlinesById = new Map(live.map((d) => [d.id, d]));
  const eventsById = new Map(events.filter((e) => !e.deletedAt).map((e) => [e.id, e]));
  const computed = new Map<string, ComputedDeadline>();

  const triggerOf = (deadline: DeadlineInput): Trigger => {
    if (deadline.triggerMeetingId) {
      const meeting = meetingsById.get(deadline.triggerMeetingId);
      if (!meeting) return MISSING_TRIGGER;
      return meeting.meetingDate
        ? { state: 'known', title: meeting.title, date: meeting.meetingDate, timeZone: meeting.timeZone ?? null }
        : { state: 'unknown', title: meeting.title, windowStart: null, windowEnd: null };
    }
    if (deadline.triggerEventId) {
      const event = eventsById.get(deadline.triggerEventId);
      return event ? { state: 'known', title: event.title, date: event.occurredOn, timeZone: event.timeZone ?? null } : MISSING_TRIGGER;
    }
    const trigger = deadline.triggerDeadlineId ? deadlinesById.get(deadline.triggerDeadlineId) : undefined;
    if (!trigger) return MISSING_TRIGGER;
    const due: Partial<ComputedDue> = computed.get(trigger.id) ?? trigger;
    if (due.dueType !== 'tbd' && due.dueDate) return { state: 'known', title: trigger.title, date: due.dueDate, timeZone: due.timeZone ?? null };
    return { state: 'unknown', title: trigger.title, windowStart: due.windowStart ?? null, windowEnd: due.windowEnd ?? null };
  };

  for (const deadline of ordered.order) {
    if (isRuleBuilt(deadline)) computed.set(deadline.id, computeOne(deadline, triggerOf(deadline), working));
    else if (isMeetingDated(deadline)) computed.set(deadline.id, meetingDue(deadline, meetingsById.get(deadline.meetingId) ?? null));
  }
  return [...computed.values()];
}

/** Deadlines that hang on each other in a circle (each hangs on the next, the last on the first), or null. */
export function findTriggerCycle(deadlines: readonly DeadlineInput[]): DeadlineInput[] | null {
  const ordered = dependencyOrder(deadlines.filter((d) => !d.deletedAt));
  return 'cycle' in ordered ? ordered.cycle : null;
}

type Trigger =
  | { state: 'known'; title: string; date: IsoDate; timeZone: string | null }
  | { state: 'unknown'; title: string; windowStart: IsoDate | null; windowEnd: IsoDate | null }
  | { state: 'missing'; title: string };

const MISSING_TRIGGER: Trigger = { state: 'missing', title: 'a trigger that no longer exists' };

type Rule = NonNullable<DeadlineInput['rule']>;

function computeOne(deadline: DeadlineInput & { rule: Rule }, trigger: Trigger, calendar: WorkingCalendar): ComputedDeadline {
  const { rule } = deadline;
  const timeZone = rule.time ? (rule.timeZone ?? deadline.timeZone ?? (trigger.state === 'known' ? trigger.timeZone : null)) : null;
  const formula = describeRule(rule, trigger.title, timeZone);
  const notKnown = (window: { windowStart: IsoDate | null; windowEnd: IsoDate | null }, explanation: string, problem: string | null = null): ComputedDeadline => ({
    deadlineId: deadline.id, formula, explanation, skipped: [], problem,
    dueType: 'tbd', dueDate: null, dueTime: null, timeZone, dueAt: null, ...window,
  });
  const ownWindow = { windowStart: deadline.windowStart ?? null, windowEnd: deadline.windowEnd ?? null };

  if (trigger.state === 'missing') {
    return notKnown(
      ownWindow,
      `${formula}, so the date is not known`,
      'The trigger of this deadline was deleted or does not exist; choose another trigger.',
    );
  }
  if (trigger.state === 'unknown') {
    if (!(trigger.windowStart && trigger.windowEnd)) return notKnown(ownWindow, `${formula}, date not yet known`);
    // Rules never put two dates in the other order, so the ends of the trigger's window give the ends of this one.
    const windowStart = applyRule(calendar, trigger.windowStart, rule).date;
    const windowEnd = applyRule(calendar, trigger.windowEnd, rule).date;
    return notKnown(
      { windowStart, windowEnd },
      `${formula}, date not yet known; ${trigger.title} is expected ${trigger.windowStart} to ${trigger.windowEnd}, which puts this between ${windowStart} and ${windowEnd}`,
    );
  }

  const outcome = applyRule(calendar, trigger.date, rule);
  const dueTime = timeZone ? rule.time ?? null : null;
  const due = dueTime && timeZone ? `${outcome.date} ${dueTime} ${timeZone}` : outcome.date;
  const explanation = explainOutcome(rule, `${trigger.title} (${trigger.date})`, outcome, due);
  return {
    deadlineId: deadline.id, formula, explanation, skipped: outcome.skipped,
    dueType: dueTime ? 'datetime' : 'date',
    dueDate: outcome.date,
    dueTime,
    timeZone: dueTime ? timeZone : null,
    dueAt: dueTime && timeZone ? instantToIso(zonedTimeToInstant(outcome.date, dueTime, timeZone)) : null,
    windowStart: null,
    windowEnd: null,
    problem: rule.time && !timeZone
      ? `The rule gives a time of day (${rule.time}) but no time zone, so the deadline is kept as a date; add a time zone.`
      : null,
  };
}

/**
 * A meeting's own deadline: on the meeting's date (at its start time, in its zone, when it has both), or not yet
 * known while the meeting's date is not set (the deadline keeps its own expected window).
 */
function meetingDue(deadline: DeadlineInput & { meetingId: string }, meeting: MeetingInput | null): ComputedDeadline {
  const formula = meeting ? `the date of the meeting “${meeting.title}”` : 'the date of a meeting that no longer exists';
  const base = { deadlineId: deadline.id, formula, skipped: [], problem: null, dueTime: null, timeZone: null, dueAt: null, windowStart: null, windowEnd: null };
  if (!meeting || !meeting.meetingDate) {
    return {
      ...base, dueType: 'tbd', dueDate: null, windowStart: deadline.windowStart ?? null, windowEnd: deadline.windowEnd ?? null,
      explanation: meeting ? `${formula}, not set yet` : formula,
      problem: meeting ? null : 'The meeting of this deadline was deleted; link it to another meeting or give it a date.',
    };
  }
  if (meeting.startTime && meeting.timeZone) {
    return {
      ...base, dueType: 'datetime', dueDate: meeting.meetingDate, dueTime: meeting.startTime, timeZone: meeting.timeZone,
      dueAt: instantToIso(zonedTimeToInstant(meeting.meetingDate, meeting.startTime, meeting.timeZone)),
      explanation: `${formula}: ${meeting.meetingDate} ${meeting.startTime} ${meeting.timeZone}`,
    };
  }
  return { ...base, dueType: 'date', dueDate: meeting.meetingDate, explanation: `${formula}: ${meeting.meetingDate}` };
}

/**
 * How a rule's date was reached: "30 business days after Directive received (2026-11-20); skipped 2026-11-26
 * Thanksgiving Day; due 2027-01-06 17:00 America/New_York". `trigger` names the start; `due` is the due in words.
 */
export function explainOutcome(rule: Rule, trigger: string, outcome: RuleOutcome, due: string): string {
  return [`${amountWords(rule)} ${rule.direction} ${trigger}`, ...outcome.notes, skippedWords(outcome.skipped), `due ${due}`]
    .filter((part) => part !== null).join('; ');
}

/**
 * The deadlines with every trigger before its dependants (input order otherwise), or a circle of triggers.
 * Each deadline hangs on at most one other, so walking up from each one finds its chain; no recursion, so chains
 * may be as deep as they like.
 */
function dependencyOrder(deadlines: readonly DeadlineInput[]): { order: DeadlineInput[] } | { cycle: DeadlineInput[] } {
  const byId = new Map(deadlines.map((d) => [d.id, d]));
  const placed = new Set<string>();
  const order: DeadlineInput[] = [];
  for (const start of deadlines) {
    const chain: DeadlineInput[] = [];
    const onChain = new Set<string>();
    let current: DeadlineInput | undefined = start;
    while (current && !placed.has(current.id)) {
      if (onChain.has(current.id)) return { cycle: chain.slice(chain.indexOf(current)) };
      chain.push(current);
      onChain.add(current.id);
      current = current.triggerDeadlineId ? byId.get(current.triggerDeadlineId) : undefined;
    }
    for (const deadline of chain.reverse()) {
      placed.add(deadline.id);
      order.push(deadline);
    }
  }
  return { order };
}

/** The loop in order, each counting from the next: "“A” → “B” → “A”". */
function cycleWords(cycle: readonly DeadlineInput[]): string {
  const [first] = cycle;
  if (!first) return '';
  return [...cycle, first].map((d) => `“${d.title}”`).join(' → ');
}
