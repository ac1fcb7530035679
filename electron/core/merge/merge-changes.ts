// Changes from another copy of the case taken into this one (parley merge, parley changes import, File → Merge a
// copy…): each checked against its id (so an altered change is refused), each record they touch worked out again from
// all of its changes (merge/record-state.ts), written with an audit entry that keeps the change's own author, time
// and copy, conflicts kept, and rule-built deadlines dated again. Runs inside the caller's transaction: all of it is
// taken in, or none of it.
import type { MergeSummary } from '../../../shared/api-types.js';
import { KINDS, KIND_NAMES, type KindName } from '../../../shared/records.js';
import { dateByRules } from '../deadlines/schedule-changes.js';
import { movesInWords, touchesSchedule } from '../deadlines/schedule.js';
import { ParleyError } from '../errors.js';
import type { RecordChanges } from '../record-changes.js';
import { canonicalJson, sameJson } from '../store/canonical.js';
import { SCHEDULE_FIELDS } from '../store/kind-sql.js';
import { changeIdOf, changesOfRecord, hasChange, type Change } from '../store/change-log.js';
import type { StoredRecord } from '../store/record-table.js';
import { openConflictCount } from './conflicts.js';
import { DRAFT_BODY_FIELD, mergeDraftRevisions } from './draft-revisions.js';
import { DUPLICATE_FIELD, keptOf, liveTwinOf, setAsideChange } from './duplicates.js';
import { recordState, type FieldConflict } from './record-state.js';

/** Changes of another copy, as a bundle carries them or as read from the other file. */
export interface IncomingChanges {
  caseId: string;
  /** Each after those of its record it was made on (the order the other copy took them in). */
  changes: Change[];
  /** The copies they were made in: id → label. */
  copies: Record<string, string>;
  /** The bytes of each attachment the changes make, by record id. */
  attachmentBytes: ReadonlyMap<string, Buffer>;
}

export interface MergeOptions {
  /** The user saw the moves of rule-built deadlines in the preview and confirmed them (with `reason`). */
  confirmMoves?: boolean;
  reason?: string;
}

/** Takes the changes this copy lacks into it; see the top of the file. */
export function mergeChanges(ctx: RecordChanges, incoming: IncomingChanges, actor: string, opts: MergeOptions = {}): Omit<MergeSummary, 'preview'> {
  if (incoming.caseId !== ctx.caseId) {
    throw new ParleyError('different_case', 'These changes belong to another case (the case ids differ): only copies of the same case can be merged. Nothing was changed.');
  }
  const db = ctx.records.connection;
  const have = hasChange(db);
  const fresh = inOrder(incoming.changes.filter((c) => !have(c.id)), have);
  const touched = new Map<string, KindName>();
  const conflictsBefore = openConflictCount(ctx.records);
  // Whether any change reaches the schedule: otherwise no rule-built deadline can have moved.
  let scheduleTouched = false;
  const setAside: { kind: KindName; loser: StoredRecord; kept: StoredRecord; change: Change }[] = [];
  // Each record's changes, read once and added to as the merge takes changes in and sets records aside.
  const changesSoFar = new Map<string, Change[]>();
  for (const c of fresh) {
    if (have(c.id)) continue; // made here too, meanwhile: a record set aside alike in both copies
    touched.set(c.recordId, c.kind);
    const history = changesSoFar.get(c.recordId) ?? changesOfRecord(db, c.recordId);
    history.push(c);
    changesSoFar.set(c.recordId, history);
    const state = recordState(history);
    const before: StoredRecord | null = ctx.records.find(c.kind, c.recordId);
    let after = state.fields ? materialize(ctx, c.kind, c.recordId, state.fields, before) : null;
    const bytes = c.kind === 'attachment' && c.op === 'create' ? incoming.attachmentBytes.get(c.recordId) : undefined;
    if (c.kind === 'attachment' && c.op === 'create' && !bytes) {
      throw new ParleyError('invalid_input', `The changes add the attachment “${String(c.patch.name)}” without its bytes; nothing was merged.`);
    }
    const twin = after ? liveTwinOf(ctx.records, c.kind, after) : null;
    let setAsideHere: Change | null = null;
    if (after && twin) {
      if (c.kind === 'reviewComment') after = null; // the same comment, imported into both copies: kept once
      else if (keptOf(after, twin) === after) {
        // The record here came second: set aside first, so that the one made first can be stored.
        const twinHistory = changesSoFar.get(twin.id) ?? changesOfRecord(db, twin.id);
        const change = setAsideChange(c.kind, twin, after, recordState(twinHistory).heads);
        if (!have(change.id)) {
          twinHistory.push(change);
          changesSoFar.set(twin.id, twinHistory);
          ctx.records.writeMerged(c.kind, twin, materialize(ctx, c.kind, twin.id, recordState(twinHistory).fields!, twin), change);
        }
        setAside.push({ kind: c.kind, loser: twin, kept: after, change });
      } else {
        // This one came second: it is stored as set aside, by a change every copy makes alike, made on its heads.
        const change = setAsideChange(c.kind, after, twin, state.heads);
        if (!have(change.id)) {
          history.push(change);
          setAsideHere = change;
        }
        after = materialize(ctx, c.kind, c.recordId, recordState(history).fields!, before);
        setAside.push({ kind: c.kind, loser: after, kept: twin, change });
      }
    }
    const ended = !after || (before?.deletedAt ?? null) !== (after.deletedAt ?? null);
    scheduleTouched ||= after && !ended ? touchesSchedule(c.kind, before, after) : c.kind in SCHEDULE_FIELDS;
    try {
      ctx.records.writeMerged(c.kind, before, after, c, bytes);
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
        throw new ParleyError('invalid_input', `A ${KINDS[c.kind].label.toLowerCase()} in the other copy refers to a record purged from this one; nothing was merged.`);
      }
      throw err;
    }
    // The row is already as set aside (worked out with the change): the change is recorded with it.
    if (setAsideHere && after) ctx.records.writeMerged(c.kind, after, { ...after, version: after.version + 1 }, setAsideHere);
  }
  for (const [id, label] of Object.entries(incoming.copies)) {
    db.prepare('INSERT OR IGNORE INTO case_copy (id, label) VALUES (?, ?)').run(id, label);
  }
  for (const [recordId, kind] of touched) setConflicts(db, kind, recordId, recordState(changesSoFar.get(recordId)!).conflicts);
  for (const { kind, loser, kept, change } of setAside) {
    const sides = [kept, loser].map((r) => ({ value: r === kept ? 'kept' : 'set aside', changeId: r === loser ? change.id : r.id, author: r.createdBy, at: r.createdAt, copy: null }));
    setConflicts(db, kind, loser.id, [{ field: DUPLICATE_FIELD, sides }], false);
  }
  for (const [draftId, sides] of mergeDraftRevisions(ctx, newRevisionsByDraft(fresh))) setConflicts(db, 'draft', draftId, [{ field: DRAFT_BODY_FIELD, sides }], false);
  const moves = scheduleTouched ? dateByRules(ctx, ctx.schedule, actor, opts.reason?.trim() || 'two copies of the case were merged') : [];
  // Counted after the rule dates: a deadline dated again by its rule settles a conflict on its date.
  const newConflicts = Math.max(0, openConflictCount(ctx.records) - conflictsBefore);
  if (moves.length && !opts.confirmMoves) {
    throw new ParleyError('needs_confirmation', `This merge would move ${moves.length === 1 ? 'a rule-built deadline' : `${moves.length} rule-built deadlines`}: ${movesInWords(moves)}. Preview the merge and confirm it with a reason; nothing was merged.`);
  }
  if (moves.length && !opts.reason?.trim()) {
    throw new ParleyError('invalid_input', 'Moving deadlines needs a reason, kept in the audit trail; nothing was merged.', [{ path: 'reason', message: 'must not be empty' }]);
  }
  return {
    changes: fresh.length,
    records: touched.size,
    authors: [...new Set(fresh.map((c) => c.author))].sort(),
    newConflicts,
    openConflicts: openConflictCount(ctx.records),
    moves,
  };
}

/** The record a state stands for: every field of its kind, its next version, derived fields worked out. */
function materialize(ctx: RecordChanges, kind: KindName, id: string, fields: Record<string, unknown>, before: StoredRecord | null): StoredRecord {
  const rec = { ...fields, id, version: (before?.version ?? 0) + 1 } as StoredRecord;
  // A value the record already holds is kept as it is held (a rule's keys in its own order): only what changed is written.
  for (const f of Object.keys(KINDS[kind].fields)) {
    if (before && f in rec && sameJson(before[f], rec[f])) rec[f] = before[f];
  }
  for (const f of Object.keys(KINDS[kind].fields)) if (rec[f] === undefined) rec[f] = null;
  ctx.derive(kind, rec);
  return rec;
}

/** The revisions each draft gets from the other copy, by draft. */
function newRevisionsByDraft(changes: readonly Change[]): Map<string, Set<string>> {
  const byDraft = new Map<string, Set<string>>();
  for (const c of changes) {
    if (c.kind !== 'draftRevision' || c.op !== 'create' || typeof c.patch.draftId !== 'string') continue;
    (byDraft.get(c.patch.draftId) ?? byDraft.set(c.patch.draftId, new Set()).get(c.patch.draftId)!).add(c.recordId);
  }
  return byDraft;
}

/** Refuses altered changes, changes of kinds this Parley does not know, and changes made on ones this copy lacks. */
function inOrder(changes: Change[], have: (id: string) => boolean): Change[] {
  const seen = new Map<string, Change>();
  for (const c of changes) {
    if (!KIND_NAMES.includes(c.kind)) throw new ParleyError('invalid_input', `The changes hold a record of a kind this Parley does not know (${String(c.kind)}); update Parley. Nothing was merged.`);
    const { id, ...body } = c;
    if (changeIdOf(body) !== id) {
      throw new ParleyError('damaged', `A change (${id.slice(0, 12)}…) was altered after it was made: its content no longer matches its id. Nothing was merged.`);
    }
    seen.set(id, c);
  }
  const ordered: Change[] = [];
  const placed = new Set<string>();
  const place = (c: Change, path: Set<string>): void => {
    if (placed.has(c.id)) return;
    if (path.has(c.id)) throw new ParleyError('damaged', 'The changes are made on each other in a circle; nothing was merged.');
    path.add(c.id);
    for (const p of c.parents) {
      const parent = seen.get(p);
      if (parent) place(parent, path);
      else if (!have(p)) {
        throw new ParleyError('missing_changes', 'These changes build on earlier changes this copy does not have yet: ask for a bundle of all changes (without --since), or merge the whole copy. Nothing was merged.');
      }
    }
    placed.add(c.id);
    ordered.push(c);
  };
  for (const c of changes) place(c, new Set());
  return ordered;
}


/** The record's conflicts as found now (`replace`: those found before go; else they are added to). */
function setConflicts(db: RecordChanges['records']['connection'], kind: KindName, recordId: string, conflicts: FieldConflict[], replace = true): void {
  if (replace) db.prepare('DELETE FROM merge_conflict WHERE record_id = ?').run(recordId);
  else for (const c of conflicts) db.prepare('DELETE FROM merge_conflict WHERE record_id = ? AND field = ?').run(recordId, c.field);
  const add = db.prepare('INSERT INTO merge_conflict (record_kind, record_id, field, sides, found_at) VALUES (?, ?, ?, ?, ?)');
  const at = new Date().toISOString();
  for (const c of conflicts) add.run(kind, recordId, c.field, canonicalJson(c.sides), at);
}
