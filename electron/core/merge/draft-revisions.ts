// A draft written in two copies at once: each copy kept adding revisions, so a merge brings revisions of the other
// copy that do not follow this copy's newest. Their paragraphs are merged (shared/documents/merge.ts): edits to
// different paragraphs both survive, in a new revision made from the two; the same paragraph changed in both is a
// conflict of the draft's body, both versions kept, until someone chooses.
//
// The merged revision is the same record in every copy that works it out (its id, number, text, author and time all
// follow from the two revisions merged), so two colleagues merging each other's copies do not end up with two.
import { createHash } from 'node:crypto';
import { mergeDocuments } from '../../../shared/documents/index.js';
import type { RecordOf } from '../../../shared/records.js';
import type { RecordChanges } from '../record-changes.js';
import { canonicalJson } from '../store/canonical.js';
import { changeIdOf, hasChange, patchOf, type Change } from '../store/change-log.js';
import type { StoredRecord } from '../store/record-table.js';
import type { ConflictSide } from './record-state.js';

type Revision = RecordOf<'draftRevision'>;

/** The field of the conflict that keeps two versions of a draft's text. */
export const DRAFT_BODY_FIELD = 'body';

/**
 * For each draft the merge brought revisions of (`incoming`, by draft id), merges the other copy's newest revision
 * with this copy's where both went on from a common one. Returns the drafts whose text is in conflict, with both sides.
 */
export function mergeDraftRevisions(ctx: RecordChanges, incoming: ReadonlyMap<string, Set<string>>): Map<string, ConflictSide[]> {
  const conflicts = new Map<string, ConflictSide[]>();
  const have = hasChange(ctx.records.connection);
  for (const [draftId, newIds] of incoming) {
    const revisions = ctx.records.list('draftRevision', { filter: { draftId }, orderBy: 'revision_number, created_at, id' });
    const theirs = revisions.filter((r) => newIds.has(r.id));
    const ours = revisions.filter((r) => !newIds.has(r.id));
    if (!theirs.length || !ours.length) continue;
    const firstTheirs = Math.min(...theirs.map((r) => r.revisionNumber));
    const ourTip = ours.at(-1)!;
    const theirTip = theirs.at(-1)!;
    // The other copy's revisions follow this copy's newest: nothing was written here meanwhile.
    if (ourTip.revisionNumber < firstTheirs) continue;
    if (ourTip.format !== 'prosemirror' || theirTip.format !== 'prosemirror' || ourTip.body === theirTip.body) continue;
    const base = ours.filter((r) => r.revisionNumber < firstTheirs).at(-1) ?? null;
    const merged = mergeDocuments(base?.format === 'prosemirror' ? base.body : null, ourTip.body, theirTip.body);
    if (merged.conflicts.length) {
      conflicts.set(draftId, [ourTip, theirTip].map((r) => ({ value: r.body, changeId: r.id, author: r.createdBy, at: r.createdAt, copy: null })));
      continue;
    }
    const body = JSON.stringify(merged.merged);
    if (body === theirTip.body || body === ourTip.body) continue; // one already holds the other's edits
    writeMergedRevision(ctx, draftId, [ourTip, theirTip], body, Math.max(...revisions.map((r) => r.revisionNumber)) + 1, have);
  }
  return conflicts;
}

/** The revision two revisions merge into: the same record, and the same change, in every copy. */
function writeMergedRevision(ctx: RecordChanges, draftId: string, tips: Revision[], body: string, revisionNumber: number, have: (id: string) => boolean): void {
  const sorted = [...tips].sort((a, b) => (a.id < b.id ? -1 : 1));
  const at = sorted.map((r) => r.createdAt).sort().at(-1)!;
  const author = [...new Set(sorted.map((r) => r.createdBy))].sort().join(' & ');
  const rec: StoredRecord = {
    id: uuidFrom(`draft-merge:${sorted.map((r) => r.id).join(':')}`), version: 1, createdAt: at, createdBy: author, updatedAt: at, updatedBy: author,
    deletedAt: null, deletedBy: null, draftId, revisionNumber, format: 'prosemirror', body,
    note: `Merged from revisions ${sorted.map((r) => r.revisionNumber).sort((a, b) => a - b).join(' and ')}, written in two copies: edits to different paragraphs kept`,
  };
  if (ctx.records.find('draftRevision', rec.id)) return;
  ctx.derive('draftRevision', rec);
  const content: Omit<Change, 'id'> = { kind: 'draftRevision', recordId: rec.id, op: 'create', patch: patchOf(null, rec), parents: [], author, at, copy: null, reason: 'two copies of the case were merged' };
  const change: Change = { id: changeIdOf(content), ...content };
  if (have(change.id)) return;
  ctx.records.writeMerged('draftRevision', null, rec, change);
}

/** A UUID (its version nibble 5, as a name-based one) from a name: the same name, the same id. */
function uuidFrom(name: string): string {
  const h = createHash('sha256').update(canonicalJson(name)).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
