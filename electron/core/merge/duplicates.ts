// Records a case holds only once, made in two copies at once: our BATNA (one per side), a meeting's own deadline,
// the event that is the directive's received (or issued) date, a reviewer's comment imported into both copies. A merge
// cannot keep both live. The one made first is kept (then the lower id): every copy chooses the same. The other is
// set aside: deleted by a change every copy makes alike (so that copies merging each other agree), and flagged as a
// conflict a person can reverse. A review comment imported twice is the same comment: the second is not stored.
import { KINDS, type KindName } from '../../../shared/records.js';
import { changeIdOf, type Change } from '../store/change-log.js';
import { ONE_LIVE_PER } from '../store/kind-sql.js';
import type { RecordStore } from '../store/record-store.js';
import type { StoredRecord } from '../store/record-table.js';
import { toColumn } from '../store/record-table.js';

/** The field of the conflict that flags a record set aside as the second of one the case holds once. */
export const DUPLICATE_FIELD = '(duplicate)';
/** Who sets a duplicate aside: no person, the merge itself, the same in every copy. */
export const MERGE_AUTHOR = 'Parley (merge)';

/** The live record of the kind `rec` would be a second of, if any. */
export function liveTwinOf(records: RecordStore, kind: KindName, rec: StoredRecord): StoredRecord | null {
  const key = ONE_LIVE_PER[kind];
  if (!key || rec.deletedAt || rec[key] == null) return null;
  const alsoDeleted = kind === 'reviewComment'; // its index covers deleted comments too
  const id = records.connection
    .prepare(`SELECT id FROM ${KINDS[kind].table} WHERE ${toColumn(key)} = ? AND id <> ?${alsoDeleted ? '' : ' AND deleted_at IS NULL'}`)
    .pluck()
    .get(rec[key], rec.id) as string | undefined;
  return id ? records.find(kind, id) : null;
}

/** Which of two records made in two copies is kept: the one made first, then the lower id. */
export function keptOf(a: StoredRecord, b: StoredRecord): StoredRecord {
  return a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id) ? a : b;
}

/** The change that sets `loser` aside: its content follows from the two records, so every copy makes the same. */
export function setAsideChange(kind: KindName, loser: StoredRecord, kept: StoredRecord, parents: string[]): Change {
  const at = [loser.createdAt, kept.createdAt].sort().at(-1)!;
  const content: Omit<Change, 'id'> = {
    kind, recordId: loser.id, op: 'delete', patch: { deletedAt: at, deletedBy: MERGE_AUTHOR }, parents: [...parents].sort(),
    author: MERGE_AUTHOR, at, copy: null,
    reason: `set aside: a second ${KINDS[kind].label.toLowerCase()} where the case holds one, made in another copy at the same time; the one made first is kept`,
  };
  return { id: changeIdOf(content), ...content };
}
