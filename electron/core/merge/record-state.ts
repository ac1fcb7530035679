// A record's state from the changes the copies made to it, whatever order they arrived in (docs/ARCHITECTURE.md,
// "Copies and merging"). Each field holds the values of its newest writes: a write no later change of the record wrote
// the field again over. One value: the field's. Two or more different values written concurrently (neither change
// made on the other): a conflict, both kept, the latest shown until someone resolves it. A record deleted in one copy
// and changed in another comes back, flagged. The state is a function of the set of changes alone, so every copy
// holding the same changes shows the same records. A list of items marked `set` (tags) is the exception: concurrent
// writes of it merge item by item (mergedItems below), never a conflict.
import type { Shape } from '../../../shared/fields.js';
import { KINDS } from '../../../shared/records.js';
import { canonicalJson } from '../store/canonical.js';
import { DELETED_FIELD, type Change } from '../store/change-log.js';

/** One value a conflicting field holds, with the change that wrote it. */
export interface ConflictSide {
  value: unknown;
  changeId: string;
  author: string;
  at: string;
  copy: string | null;
}

export interface FieldConflict {
  field: string;
  sides: ConflictSide[];
}

export interface RecordState {
  /** The record's fields (metadata included but its version), or null if it was purged and nothing brought it back. */
  fields: Record<string, unknown> | null;
  conflicts: FieldConflict[];
  heads: string[];
  /** The newest of its changes: who changed the record last, and when. */
  latest: Change;
}

/** Newest first: by time, then by id, so that every copy orders alike. */
const newestFirst = (a: Change, b: Change): number => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1);

const PURGED = '\u0000purged';

export function recordState(changes: readonly Change[]): RecordState {
  const byId = new Map(changes.map((c) => [c.id, c]));
  const ancestors = ancestorSets(changes, byId);
  const isAncestor = (a: string, of: string): boolean => ancestors.get(of)!.has(a);
  const concurrent = (a: Change, b: Change): boolean => a.id !== b.id && !isAncestor(a.id, b.id) && !isAncestor(b.id, a.id);

  const writesOf = (c: Change): [string, unknown][] => (c.op === 'purge' ? [[PURGED, true]] : Object.entries(c.patch));
  const writers = new Map<string, Change[]>();
  for (const c of changes) for (const [f] of writesOf(c)) (writers.get(f) ?? writers.set(f, []).get(f)!).push(c);

  const fields: Record<string, unknown> = {};
  const conflicts: FieldConflict[] = [];
  for (const [field, ws] of writers) {
    // The newest writes: those no other write of the field was made on.
    const frontier = frontierOf(ws, isAncestor).sort(newestFirst);
    const value = (c: Change): unknown => (field === PURGED ? true : c.patch[field]);
    const distinct = new Map<string, Change>();
    for (const w of frontier) if (!distinct.has(canonicalJson(value(w) ?? null))) distinct.set(canonicalJson(value(w) ?? null), w);
    if (distinct.size > 1 && isItemSet(changes, field)) {
      fields[field] = mergedItems(field, [...distinct.values()], changes, ancestors);
      continue;
    }
    if (distinct.size > 1) conflicts.push({ field, sides: [...distinct.values()].map((w) => sideOf(w, value(w))) });
    fields[field] = value(frontier[0]!);
  }

  // Deleted (or purged) in one copy, changed in another: the record comes back, flagged.
  const enders = fields[PURGED] === true
    ? frontierOf(writers.get(PURGED), isAncestor)
    : fields.deletedAt != null ? frontierOf(writers.get('deletedAt'), isAncestor).filter((c) => c.patch.deletedAt != null) : [];
  const changedMeanwhile = changes.filter((c) => hasEdits(c) && enders.some((d) => concurrent(c, d)));
  if (enders.length && changedMeanwhile.length) {
    fields.deletedAt = null;
    fields.deletedBy = null;
    delete fields[PURGED];
    conflicts.push({ field: DELETED_FIELD, sides: [sideOf(enders.sort(newestFirst)[0]!, 'deleted'), sideOf(changedMeanwhile.sort(newestFirst)[0]!, 'changed')] });
  }

  const purged = fields[PURGED] === true;
  delete fields[PURGED];
  const heads = changes.filter((c) => !changes.some((o) => o.parents.includes(c.id))).map((c) => c.id).sort();
  const latest = [...changes].sort(newestFirst)[0]!;
  if (!purged) {
    fields.updatedAt = latest.at;
    fields.updatedBy = latest.author;
  }
  return { fields: purged ? null : fields, conflicts, heads, latest };
}

/** Whether the field is a list of items that merges item by item (FieldDef.set). */
function isItemSet(changes: readonly Change[], field: string): boolean {
  const kind = changes[0]?.kind;
  return kind !== undefined && (KINDS[kind].fields as Shape)[field]?.set === true;
}

/**
 * Concurrent writes of a list of items, merged item by item: every item any of them holds, less those any of them took
 * out of the list it was made on (its value in the writer's own ancestors, merged the same way). Tags added in two
 * copies are both kept; a tag removed in one and left alone in the other goes. `writes` come newest first, so the
 * items keep that order, alike in every copy.
 */
function mergedItems(field: string, writes: readonly Change[], changes: readonly Change[], ancestors: Map<string, Set<string>>): unknown[] {
  const removed = new Set<string>();
  const items = new Map<string, unknown>();
  for (const w of writes) {
    const now = itemsOf(w.patch[field]);
    const nowKeys = new Set(now.map(itemKey));
    const madeOn = changes.filter((c) => ancestors.get(w.id)!.has(c.id));
    const before = madeOn.length ? itemsOf(recordState(madeOn).fields?.[field]) : [];
    for (const item of before) if (!nowKeys.has(itemKey(item))) removed.add(itemKey(item));
    for (const item of now) if (!items.has(itemKey(item))) items.set(itemKey(item), item);
  }
  return [...items].filter(([key]) => !removed.has(key)).map(([, item]) => item);
}

const itemsOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
/** Items are told apart as tags are: letter case aside. */
const itemKey = (item: unknown): string => (typeof item === 'string' ? item.toLocaleLowerCase() : canonicalJson(item));

/** A change to what the record says (not its deletion or restoring). */
function hasEdits(c: Change): boolean {
  return c.op !== 'purge' && Object.keys(c.patch).some((f) => f !== 'deletedAt' && f !== 'deletedBy');
}

function frontierOf(ws: Change[] | undefined, isAncestor: (a: string, of: string) => boolean): Change[] {
  return (ws ?? []).filter((w) => !ws!.some((o) => o !== w && isAncestor(w.id, o.id)));
}

function sideOf(c: Change, value: unknown): ConflictSide {
  return { value: value ?? null, changeId: c.id, author: c.author, at: c.at, copy: c.copy };
}

/** Each change's ancestors among the record's changes (parents the set does not hold are left out). */
function ancestorSets(changes: readonly Change[], byId: Map<string, Change>): Map<string, Set<string>> {
  const memo = new Map<string, Set<string>>();
  const visit = (c: Change): Set<string> => {
    const known = memo.get(c.id);
    if (known) return known;
    const set = new Set<string>();
    memo.set(c.id, set);
    for (const p of c.parents) {
      const parent = byId.get(p);
      if (!parent) continue;
      set.add(p);
      for (const a of visit(parent)) set.add(a);
    }
    return set;
  };
  for (const c of changes) visit(c);
  return memo;
}
