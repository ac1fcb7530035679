// What a record's delete takes with it, and what its restore brings back: the same records, found the same way, so
// that a restore undoes exactly its delete. "With it" is read from the data alone (it survives merges and needs no
// bookkeeping of its own): a record goes with another when it cannot be without it (its links; a record of an
// editable kind with a required reference to it, such as a concession of an issue or an attendee of a meeting), and
// it was deleted with it when both carry the same deletion time. Records of the other's history (position changes,
// draft revisions) are append-only: they stay, and leave search while the record they belong to is deleted.
import { belongingTo, DELETABLE_KIND_NAMES, type DeletedRecord, type DeletionImpact, type GoesWith } from '../../shared/deletion.js';
import { KINDS, type KindName } from '../../shared/records.js';
import type { Db } from './db/connection.js';
import { ParleyError } from './errors.js';
import { titleOf, type RecordStore } from './store/record-store.js';
import { toColumn, type StoredRecord } from './store/record-table.js';

/** A record and its kind. */
export interface KindAndRecord {
  kind: KindName;
  rec: StoredRecord;
}

/** The links from and to a record of this case (live and deleted). */
function linksOf(records: RecordStore, id: string): StoredRecord[] {
  const all = ([{ fromId: id }, { toId: id }] as Record<string, string>[]).flatMap((filter) => records.list('link', { filter, includeDeleted: true, orderBy: 'created_at' }));
  return all.filter((link, i) => all.findIndex((l) => l.id === link.id) === i);
}

/**
 * The records that go with `rec`, depth first, each once: its links and the editable records that cannot be without
 * it, and theirs in turn. `which` picks the ones wanted: the live ones (for a delete) or those deleted at the same
 * time as it (for a restore).
 */
export function dependantsOf(records: RecordStore, kind: KindName, rec: StoredRecord, which: 'live' | 'deletedWithIt'): KindAndRecord[] {
  const found: KindAndRecord[] = [];
  const seen = new Set<string>([rec.id]);
  const wanted = (r: StoredRecord) => (which === 'live' ? !r.deletedAt : r.deletedAt !== null && r.deletedAt === rec.deletedAt);
  const walk = (k: KindName, r: StoredRecord) => {
    const next: KindAndRecord[] = linksOf(records, r.id).map((link) => ({ kind: 'link' as const, rec: link }));
    for (const child of belongingTo(k)) {
      if (child.history) continue;
      for (const c of records.list(child.kind, { filter: { [child.field]: r.id }, includeDeleted: true, orderBy: 'created_at' })) next.push({ kind: child.kind, rec: c });
    }
    for (const n of next) {
      if (seen.has(n.rec.id) || !wanted(n.rec)) continue;
      seen.add(n.rec.id);
      found.push(n);
      walk(n.kind, n.rec);
    }
  };
  walk(kind, rec);
  return found;
}

/** The records of a record's history kept as records of their own (the position changes of an issue). */
export function historyOf(records: RecordStore, kind: KindName, id: string): KindAndRecord[] {
  return belongingTo(kind)
    .filter((c) => c.history)
    .flatMap((c) => records.list(c.kind, { filter: { [c.field]: id }, includeDeleted: true, orderBy: 'created_at' }).map((rec) => ({ kind: c.kind, rec })));
}

/** The same, counted by kind (without reading them). */
function historyRecords(db: Db, kind: KindName, id: string): GoesWith[] {
  return belongingTo(kind)
    .filter((c) => c.history)
    .map((c) => ({ kind: c.kind, count: db.prepare(`SELECT count(*) FROM ${KINDS[c.kind].table} WHERE ${toColumn(c.field)} = ?`).pluck().get(id) as number }))
    .filter((g) => g.count > 0);
}

function counted(dependants: readonly KindAndRecord[]): GoesWith[] {
  const counts = new Map<KindName, number>();
  for (const d of dependants) counts.set(d.kind, (counts.get(d.kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => ({ kind, count }));
}

/** What deleting the live record would take with it, and whether to ask first. */
export function deletionImpact(db: Db, records: RecordStore, kind: KindName, id: string): DeletionImpact {
  const rec = records.get(kind, id);
  if (rec.deletedAt) throw new ParleyError('not_found', `This ${KINDS[kind].label.toLowerCase()} is deleted already; restore it from Recently deleted.`);
  const goesWith = [...historyRecords(db, kind, id), ...counted(dependantsOf(records, kind, rec, 'live'))];
  const entries = db.prepare('SELECT count(*) FROM audit_log WHERE record_id = ?').pluck().get(id) as number;
  const laterChanges = Math.max(0, entries - 1);
  return { kind, id, title: titleOf(kind, rec), laterChanges, goesWith, askFirst: laterChanges > 0 || goesWith.length > 0 };
}

/** Whether `rec` (deleted) went with another record deleted at the same time: then it is listed under that one. */
function wentWithAnother(records: RecordStore, kind: KindName, rec: StoredRecord): boolean {
  const deletedWith = (k: unknown, id: unknown) => {
    if (typeof k !== 'string' || typeof id !== 'string' || !Object.hasOwn(KINDS, k)) return false;
    return records.find(k as KindName, id)?.deletedAt === rec.deletedAt;
  };
  if (kind === 'link') return deletedWith(rec.fromKind, rec.fromId) || (!rec.toCaseId && deletedWith(rec.toKind, rec.toId));
  return Object.entries(KINDS[kind].fields as Record<string, { ref?: string; required: boolean }>).some(
    ([field, def]) => def.ref && def.required && deletedWith(def.ref, rec[field]),
  );
}

/** The case's deleted records, newest deletion first, each with what was deleted with it (not listed on its own). */
export function deletedRecords(db: Db, records: RecordStore, limit: number): DeletedRecord[] {
  const rows = DELETABLE_KIND_NAMES.flatMap((kind) =>
    (db.prepare(`SELECT id, deleted_at AS at FROM ${KINDS[kind].table} WHERE deleted_at IS NOT NULL`).all() as { id: string; at: string }[]).map((r) => ({ kind, ...r })),
  ).sort((a, b) => b.at.localeCompare(a.at) || a.id.localeCompare(b.id));
  const listed: DeletedRecord[] = [];
  for (const { kind, id } of rows) {
    if (listed.length >= limit) break;
    const rec = records.get(kind, id);
    if (wentWithAnother(records, kind, rec)) continue;
    listed.push({
      kind, id, title: titleOf(kind, rec), deletedAt: rec.deletedAt!, deletedBy: rec.deletedBy ?? rec.updatedBy, version: rec.version,
      goesWith: [...historyRecords(db, kind, id), ...counted(dependantsOf(records, kind, rec, 'deletedWithIt'))],
    });
  }
  return listed;
}
