// The conflicts a merge kept: a field two copies changed concurrently to different values (each value kept, with who
// and when, the newest shown meanwhile), or a record deleted in one copy and changed in another (brought back,
// flagged). Resolving one is a change like any other, made on every side of the conflict, so that it settles the
// conflict in every copy it reaches; it is audited with its reason.
import type { ConflictSideView, MergeConflictView } from '../../../shared/api-types.js';
import { updateSchemaOf } from '../../../shared/fields.js';
import { KINDS, type KindName } from '../../../shared/records.js';
import { ParleyError } from '../errors.js';
import type { RecordChanges } from '../record-changes.js';
import { DELETED_FIELD } from '../store/change-log.js';
import type { RecordStore } from '../store/record-store.js';
import { titleOf } from '../store/record-store.js';
import type { StoredRecord } from '../store/record-table.js';
import { DRAFT_BODY_FIELD } from './draft-revisions.js';
import { DUPLICATE_FIELD, liveTwinOf } from './duplicates.js';
import type { ConflictSide } from './record-state.js';

interface ConflictRow {
  id: number;
  record_kind: KindName;
  record_id: string;
  field: string;
  sides: string;
  found_at: string;
}

/** How many conflicts the case has open. */
export function openConflictCount(records: RecordStore): number {
  return records.connection.prepare('SELECT count(*) FROM merge_conflict').pluck().get() as number;
}

/** The open conflicts, oldest found first, each with its record's title and each side's copy by name. */
export function listConflicts(records: RecordStore): MergeConflictView[] {
  const db = records.connection;
  const labels = new Map((db.prepare('SELECT id, label FROM case_copy').all() as { id: string; label: string }[]).map((c) => [c.id, c.label]));
  const rows = db.prepare('SELECT * FROM merge_conflict ORDER BY found_at, id').all() as ConflictRow[];
  return rows.map((row) => {
    const rec: Record<string, unknown> | null = records.find(row.record_kind, row.record_id);
    const def = KINDS[row.record_kind];
    const sides = (JSON.parse(row.sides) as ConflictSide[]).map((s): ConflictSideView => ({ ...s, copyLabel: s.copy ? labels.get(s.copy) ?? null : null }));
    return {
      id: row.id,
      kind: row.record_kind,
      recordId: row.record_id,
      recordTitle: rec ? titleOf(row.record_kind, rec as StoredRecord) : def.label,
      field: row.field,
      fieldLabel: row.field === DELETED_FIELD ? 'Deleted in one copy, changed in another'
        : row.field === DUPLICATE_FIELD ? `Made in both copies, where the case holds one: the one made first is kept`
        : row.record_kind === 'draft' && row.field === DRAFT_BODY_FIELD ? 'Text (the same paragraph changed in both copies)' : fieldLabel(row.record_kind, row.field),
      current: row.field === DELETED_FIELD ? 'changed' : row.field === DUPLICATE_FIELD ? 'kept' : (rec?.[row.field] ?? null),
      sides,
      foundAt: row.found_at,
    };
  });
}

/** What resolving a conflict keeps: one of its sides, or a new value. */
export type ConflictChoice = { side: number } | { value: unknown };

/**
 * Resolves a conflict: the side chosen (or the new value) is written as a change made on every side; for a record
 * deleted in one copy and changed in another, side 0 deletes it again and side 1 keeps it.
 */
export function resolveConflict(ctx: RecordChanges, id: number, choice: ConflictChoice, actor: string, opts: { reason?: string; confirmMoves?: boolean }): void {
  const row = ctx.records.connection.prepare('SELECT * FROM merge_conflict WHERE id = ?').get(id) as ConflictRow | undefined;
  if (!row) throw new ParleyError('not_found', `There is no open conflict ${id} in this case (it may have been resolved already).`);
  const sides = JSON.parse(row.sides) as ConflictSide[];
  const side = 'side' in choice ? choice.side : null;
  const chosen = side === null ? undefined : sides[side];
  if (side !== null && !chosen) throw new ParleyError('invalid_input', `The conflict has ${sides.length} sides; choose 0 to ${sides.length - 1}.`);
  const kind = row.record_kind;
  const who = chosen ? `${chosen.author}'s` : 'a new';
  if (row.field === DELETED_FIELD) {
    if (!chosen) throw new ParleyError('invalid_input', 'A record deleted in one copy and changed in another is resolved by choosing a side: 0 deletes it, 1 keeps it.');
    const reason = opts.reason?.trim() || (side === 0 ? 'resolved a conflict between copies: deleted, as in one copy' : 'resolved a conflict between copies: kept, as changed in another copy');
    if (side === 0) ctx.delete(kind, row.record_id, actor, { reason });
    else ctx.update(kind, row.record_id, {}, actor, { reason, alsoWrote: ['deletedAt', 'deletedBy'] });
    return;
  }
  if (row.field === DUPLICATE_FIELD) {
    if (!chosen) throw new ParleyError('invalid_input', 'A record set aside as a second of one the case holds once is resolved by choosing a side: 0 keeps the one kept, 1 takes this one instead.');
    if (side === 1) {
      // This one instead of the one kept: that one is set aside (deleted), this one brought back, both audited.
      const setAside = ctx.records.get(kind, row.record_id);
      const kept = liveTwinOf(ctx.records, kind, { ...setAside, deletedAt: null });
      const reason = opts.reason?.trim() || 'resolved a conflict between copies: took the one set aside instead';
      if (kept) ctx.delete(kind, kept.id, actor, { reason });
      ctx.restore(kind, row.record_id, actor, { reason });
    }
    ctx.records.connection.prepare('DELETE FROM merge_conflict WHERE id = ?').run(row.id);
    return;
  }
  const value = chosen ? chosen.value : (choice as { value: unknown }).value;
  if (kind === 'draft' && row.field === DRAFT_BODY_FIELD) {
    // Two versions of a draft's text: the one kept becomes its newest revision.
    // The revision's own rules refuse text that is not an editor document.
    if (typeof value !== 'string') throw new ParleyError('invalid_input', 'A draft\'s text is kept by choosing one of its two versions, or as an editor document.');
    const reason = opts.reason?.trim() || `resolved a conflict between copies on the draft's text: kept ${who} version`;
    ctx.create('draftRevision', { draftId: row.record_id, format: 'prosemirror', body: value, note: reason }, actor, { reason });
    ctx.records.connection.prepare('DELETE FROM merge_conflict WHERE id = ?').run(row.id);
    return;
  }
  const parsed = updateSchemaOf(KINDS[kind].fields).safeParse({ [row.field]: value });
  if (!parsed.success) {
    throw new ParleyError('invalid_input', `${fieldLabel(kind, row.field)}: ${parsed.error.issues[0]?.message ?? 'not a value this field takes'}.`);
  }
  const reason = opts.reason?.trim() || `resolved a conflict between copies on ${fieldLabel(kind, row.field).toLowerCase()}: kept ${who} value`;
  ctx.update(kind, row.record_id, parsed.data, actor, { reason, alsoWrote: [row.field], confirmMoves: opts.confirmMoves });
}

function fieldLabel(kind: KindName, field: string): string {
  const f = (KINDS[kind].fields as Record<string, { label?: string }>)[field];
  return f?.label ?? field.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());
}
