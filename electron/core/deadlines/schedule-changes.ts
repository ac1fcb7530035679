// A change as the schedule sees it: which deadlines it moves (planned before anything is written, so that the caller
// can show the moves and have them confirmed), the confirmation it needs, and the moves written with it.
import type { ScheduledDeadline, ScheduleMove } from '../../../shared/api-types.js';
import type { KindName, RecordOf } from '../../../shared/records.js';
import { ParleyError } from '../errors.js';
import type { ChangeContext, ChangeOptions, Companion } from '../store/change-context.js';
import { sameFields, stamp } from '../store/record-store.js';
import type { StoredRecord } from '../store/record-table.js';
import {
  applyComputedDue, computeScheduleOf, dueOf, movesInWords, NO_SCHEDULE_CHANGE, planScheduleChange, touchesSchedule, type SchedulePlan,
} from './schedule.js';
import { deadlinesReachedBy, scheduleSource, type EngineDeadline, type ScheduleReader } from './schedule-reader.js';
import { checkTriggerChain } from './triggers.js';

/**
 * Works out the schedule after a change to `after` (null `before` for a new record) and the companions that change
 * with it: a rule-built deadline's own due is written onto it, and the deadlines that hang on it are returned with
 * their due before and after.
 */
export function planSchedule(reader: ScheduleReader, kind: KindName, before: StoredRecord | null, after: StoredRecord, companions: readonly Companion[] = []): SchedulePlan {
  const touching = [{ kind, before, rec: after }, ...companions.map((c) => ({ kind: c.kind, before: c.before, rec: c.after }))]
    .filter((c) => touchesSchedule(c.kind, c.before, c.rec));
  if (!touching.length) return NO_SCHEDULE_CHANGE;
  const changedDeadline = kind === 'deadline' ? (after as RecordOf<'deadline'>) : null;
  // A loop is named from the deadline being changed, before the engine meets it wherever its walk begins.
  if (changedDeadline) checkTriggerChain(reader, changedDeadline, new Set());
  let reach: Map<string, EngineDeadline> | null = new Map();
  for (const c of touching) {
    const r = deadlinesReachedBy(reader, c.kind, c.before, c.rec);
    if (r === null) {
      reach = null;
      break;
    }
    for (const [id, d] of r) reach.set(id, d);
  }
  const now = scheduleSource(reader, reach);
  const explanationsBefore = new Map([...computeScheduleOf(now.source).values()].map((c) => [c.deadlineId, c.explanation]));
  const changed = scheduleSource(reader, reach, touching);
  const plan = planScheduleChange(touching.map((c) => ({ kind: c.kind, id: c.rec.id })), changed.source, now.stored, explanationsBefore);
  const own = plan.computed.get(after.id);
  if (changedDeadline && own) applyComputedDue(changedDeadline, own);
  return plan;
}

/**
 * The deadlines a planned change moves. A meeting's own deadline is the meeting's date: it moves with the meeting;
 * any other move needs the user's confirmation (`confirmMoves`) and a reason, or the change is refused.
 */
export function confirmedMoves(plan: SchedulePlan, opts: ChangeOptions): ScheduleMove[] {
  const moved = plan.moves.filter((m) => m.changed);
  const toConfirm = moved.filter((m) => !m.followsMeeting);
  if (toConfirm.length && !opts.confirmMoves) {
    throw new ParleyError('needs_confirmation', `This change would move ${toConfirm.length === 1 ? 'another deadline' : `${toConfirm.length} other deadlines`}: ${movesInWords(toConfirm)}. Preview the change and confirm it with a reason; nothing was changed.`);
  }
  if (toConfirm.length && !opts.reason?.trim()) {
    throw new ParleyError('invalid_input', 'Moving deadlines needs a reason, kept in the audit trail; nothing was changed.', [{ path: 'reason', message: 'must not be empty' }]);
  }
  return moved;
}

/** Moves each deadline to its planned due, audited with the user's reason and the record it moved with (`trigger`). */
export function writeMoves(ctx: ChangeContext, plan: SchedulePlan, moved: readonly ScheduleMove[], trigger: string, actor: string, reason?: string): void {
  for (const move of moved) {
    const was = ctx.records.find('deadline', move.deadlineId)!;
    const next = { ...was };
    applyComputedDue(next, plan.computed.get(move.deadlineId)!);
    ctx.prepare('deadline', next, 'live', was);
    stamp(next, was, actor);
    const why = reason?.trim() || 'the meeting\'s date changed';
    ctx.records.replace('deadline', 'update', was, next, `${why} (moved with “${trigger}”)`);
  }
}

/**
 * Rule-built deadlines get the dates the engine gives them, as on every change through the API; one whose stored
 * date differs (an export from another tool, made with other holiday data, or two copies merged) is moved, and the
 * move audited. Returns the moves.
 */
export function dateByRules(ctx: ChangeContext, reader: ScheduleReader, actor: string, reason: string): ScheduleMove[] {
  const moves: ScheduleMove[] = [];
  for (const computed of computeScheduleOf(scheduleSource(reader, null).source).values()) {
    const was = ctx.records.find('deadline', computed.deadlineId)!;
    const next = { ...was };
    applyComputedDue(next, computed);
    if (sameFields('deadline', was, next)) continue;
    ctx.derive('deadline', next);
    stamp(next, was, actor);
    ctx.records.replace('deadline', 'update', was, next, `${reason}; dated by its rule`);
    moves.push({ deadlineId: was.id, title: (was as RecordOf<'deadline'>).title, before: dueOf(was, null), after: dueOf(next, computed.explanation), changed: true });
  }
  return moves;
}

/** Every rule-built deadline's formula and explanation, as the engine gives them from the stored records. */
export function scheduleOf(reader: ScheduleReader): ScheduledDeadline[] {
  return [...computeScheduleOf(scheduleSource(reader, null).source).values()].map(({ deadlineId, formula, explanation, problem }) => ({ deadlineId, formula, explanation, problem }));
}
