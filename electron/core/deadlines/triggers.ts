// What a deadline counts from: no deadline may come round to itself through its triggers, and no trigger may go
// while live deadlines still count from it.
import { TriggerCycleError } from '../../../shared/deadlines/index.js';
import { KINDS, type KindName, type RecordOf } from '../../../shared/records.js';
import { ParleyError } from '../errors.js';
import { isTriggerKind } from '../store/kind-sql.js';
import type { StoredRecord } from '../store/record-table.js';
import type { ScheduleReader } from './schedule-reader.js';

type Deadline = RecordOf<'deadline'>;

/** A deadline may hang on another deadline, which may hang on another: refuse any loop. */
export function checkTriggerChain(reader: ScheduleReader, rec: Deadline, cleared: Set<string>): void {
  const loop = triggerLoop(rec, (id) => (id === rec.id ? rec : reader.find('deadline', id)), cleared);
  if (loop) throw new ParleyError('cycle', cycleMessage(loop));
}

/**
 * Walks up the triggers from a deadline. Returns the deadlines that come round to themselves, each hanging on the
 * next and the last on the first, or null if the chain ends. `cleared` holds deadlines already walked past, known
 * to lead to no circle that has not been found; every deadline walked is added to it, so checking every deadline
 * of a case walks each chain once.
 */
export function triggerLoop(start: Deadline, byId: (id: string) => Deadline | null, cleared: Set<string>): Deadline[] | null {
  const path: Deadline[] = [];
  const onPath = new Map<string, number>();
  let loop: Deadline[] | null = null;
  for (let current: Deadline | null = start; current && !cleared.has(current.id);) {
    const seenAt = onPath.get(current.id);
    if (seenAt !== undefined) {
      loop = path.slice(seenAt);
      break;
    }
    onPath.set(current.id, path.length);
    path.push(current);
    // Read as stored (verify), the trigger may be anything: only a text names a deadline.
    const next: unknown = current.triggerDeadlineId;
    current = typeof next === 'string' ? byId(next) : null;
  }
  for (const d of path) cleared.add(d.id);
  return loop;
}

/** The engine's words for a circle of triggers: "“A” hangs on “B”, which hangs on “A”". */
export function cycleMessage(loop: readonly Deadline[]): string {
  return new TriggerCycleError(loop.map((d) => ({ ...d, title: String(d.title) }))).message;
}

/**
 * A trigger is not deleted while live deadlines hang on it: they would be left counting from nothing. `when` says
 * whether a delete is refused, or an import holding such a deleted trigger; `why` puts the refusal in the words of
 * the change that would delete it.
 */
export function refuseIfTrigger(reader: ScheduleReader, kind: KindName, rec: StoredRecord, when: 'delete' | 'import', why?: string): void {
  if (!isTriggerKind(kind)) return;
  const titles = reader.titlesHangingOn(kind, rec.id);
  if (!titles.length) return;
  const named = titles.map((t) => `“${t}”`).join(', ');
  const label = KINDS[kind].label.toLowerCase();
  if (when === 'import') throw new ParleyError('invalid_input', `Live deadlines (${named}) count from this ${label}, which is deleted; a deadline's trigger must be live.`);
  if (why) throw new ParleyError('has_dependants', `${why} (${named}); give them another trigger or delete them first. Nothing was changed.`);
  throw new ParleyError('has_dependants', `Deadlines count from this ${label} (${named}); give them another trigger or delete them first. Nothing was deleted.`);
}
