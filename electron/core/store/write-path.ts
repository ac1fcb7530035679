// The one way a record changes: the row, its audit entry and its search document are written together, inside
// the caller's transaction. Nothing else in the core writes to record tables.
import type { AuditOperation } from '../../../shared/api-types.js';
import { belongingTo } from '../../../shared/deletion.js';
import type { KindName } from '../../../shared/records.js';
import type { Db } from '../db/connection.js';
import { ParleyError } from '../errors.js';
import { AuditTrail } from './audit-trail.js';
import { bytesAsRecorded } from './canonical.js';
import type { Change } from './change-log.js';
import { RecordTable, type StoredRecord } from './record-table.js';
import { SearchIndex } from './search-index.js';

export class WritePath {
  private readonly tables = new Map<KindName, RecordTable>();
  private readonly audit: AuditTrail;
  private readonly index: SearchIndex;

  constructor(private readonly db: Db) {
    this.audit = new AuditTrail(db);
    this.index = new SearchIndex(db);
  }

  table(kind: KindName): RecordTable {
    let t = this.tables.get(kind);
    if (!t) {
      t = new RecordTable(this.db, kind);
      this.tables.set(kind, t);
    }
    return t;
  }

  /** Stores a new record. */
  insert(kind: KindName, rec: StoredRecord, reason: string | null = null, by?: { actor: string; at: string }): void {
    this.table(kind).insert(rec);
    this.record(kind, 'create', null, rec, reason, by);
  }

  /**
   * Stores a new attachment with its bytes, which must be the ones its record (and so its audit entry) describes: its
   * size and SHA-256. Adding an attachment and importing one both come here.
   */
  insertAttachment(rec: StoredRecord, bytes: Buffer, reason: string | null = null, by?: { actor: string; at: string }): void {
    if (!bytesAsRecorded(bytes, { size: Number(rec.size), sha256: String(rec.sha256) })) {
      throw new ParleyError('invalid_input', `The bytes of attachment ${String(rec.name)} do not match its size and SHA-256; the export is incomplete or altered.`);
    }
    this.table('attachment').insert(rec);
    this.db.prepare('UPDATE attachment SET bytes = ? WHERE id = ?').run(bytes, rec.id);
    this.record('attachment', 'create', null, rec, reason, by);
  }

  /**
   * Stores a changed record (an update, a soft delete or a restore). `alsoWrote` are fields the change wrote even
   * where the value stayed: a conflict resolved by keeping the value shown (see store/change-log.ts).
   */
  replace(kind: KindName, op: Exclude<AuditOperation, 'create' | 'purge'>, before: StoredRecord, after: StoredRecord, reason: string | null = null, alsoWrote?: readonly string[]): void {
    this.table(kind).replace(after, before);
    this.record(kind, op, before, after, reason, undefined, alsoWrote);
  }

  /**
   * Stores a record as a change merged from another copy leaves it (merge/merge-changes.ts): made, changed, or gone
   * (`after` null), audited as that change with its author, time and copy. `bytes` are a new attachment's.
   */
  writeMerged(kind: KindName, before: StoredRecord | null, after: StoredRecord | null, change: Change, bytes?: Buffer): void {
    if (after && before) this.table(kind).replace(after, before);
    else if (after) this.table(kind).insert(after);
    else if (before) this.table(kind).remove(before.id);
    if (after && bytes && !before) this.db.prepare('UPDATE attachment SET bytes = ? WHERE id = ?').run(bytes, after.id);
    this.audit.append({ at: change.at, actor: change.author, operation: change.op, kind, id: change.recordId, before, after, reason: change.reason }, { merged: change });
    this.index.update(kind, change.recordId, after);
    if (after && before && !after.deletedAt !== !before.deletedAt) this.indexHistoryOf(kind, after);
  }

  /** `by` names who made the change and when, where that is not the record's own last update (an import). */
  private record(kind: KindName, operation: AuditOperation, before: StoredRecord | null, after: StoredRecord, reason: string | null, by?: { actor: string; at: string }, alsoWrote?: readonly string[]): void {
    const { actor, at } = by ?? { actor: after.updatedBy, at: after.updatedAt };
    this.audit.append({ at, actor, operation, kind, id: after.id, before, after, reason }, { alsoWrote });
    this.index.update(kind, after.id, after);
    if (operation === 'delete' || operation === 'restore') this.indexHistoryOf(kind, after);
  }

  /**
   * The records of a record's history (an issue's position changes) are found by search only while it is live: a
   * search hit must never lead to a record whose issue is deleted (see deletion.ts).
   */
  private indexHistoryOf(kind: KindName, rec: StoredRecord): void {
    for (const child of belongingTo(kind)) {
      if (!child.history) continue;
      const rows = this.table(child.kind).list({ filter: { [child.field]: rec.id }, limit: -1, offset: 0, orderBy: 'rowid' });
      for (const row of rows) this.index.update(child.kind, row.id, rec.deletedAt ? null : row);
    }
  }

  /** Removes a record for good; the audit trail keeps what it was, and who removed it when. */
  purge(kind: KindName, before: StoredRecord, actor: string, at: string, reason: string | null): void {
    this.table(kind).remove(before.id);
    this.audit.append({ at, actor, operation: 'purge', kind, id: before.id, before, after: null, reason });
    this.index.update(kind, before.id, null);
  }
}
