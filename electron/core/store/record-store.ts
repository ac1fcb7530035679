// A case file's records as the core reads and writes them: reads typed by kind (a record of the kind asked for, so
// no caller casts one), writes through the write path (row, audit entry and search document together), and the
// small steps every change takes (a new record's metadata, the next version's stamp, the registry's own checks).
import { randomUUID } from 'node:crypto';
import type { AuditOperation } from '../../../shared/api-types.js';
import { KINDS, type KindName, type RecordOf } from '../../../shared/records.js';
import { pathInWords } from '../../../shared/plain-issues.js';
import { withArticle } from '../../../shared/words.js';
import type { Db } from '../db/connection.js';
import { ParleyError } from '../errors.js';
import { sameJson } from './canonical.js';
import type { Change } from './change-log.js';
import { orderOf, type FieldOf } from './kind-sql.js';
import type { StoredRecord } from './record-table.js';
import { WritePath } from './write-path.js';

export interface ListOptions {
  filter?: Record<string, string | null>;
  includeDeleted?: boolean;
  limit?: number;
  offset?: number;
}

/** What the core may ask of a list besides what the API may: another order, and (for verify) records as stored. */
export interface ReadOptions extends ListOptions {
  /** SQL from the code; the kind's own order (store/kind-sql.ts) when not given. */
  orderBy?: string;
  /** Without the cell check: every record as it is stored, damaged or not (see RecordTable.list). */
  asStored?: boolean;
}

/** A record with only some of its fields, and its id. */
export type FieldsRead<K extends KindName, F extends FieldOf<K>> = Pick<RecordOf<K>, F> & { id: string };

export class RecordStore {
  private readonly writes: WritePath;

  constructor(readonly connection: Db) {
    this.writes = new WritePath(connection);
  }

  /** The record, live or deleted, or null if the file does not hold it. */
  find<K extends KindName>(kind: K, id: string): RecordOf<K> | null {
    return this.writes.table(kind).get(id) as RecordOf<K> | null;
  }

  /** The record, live or deleted; not_found if the file does not hold it. */
  get<K extends KindName>(kind: K, id: string): RecordOf<K> {
    const rec = this.find(kind, id);
    if (!rec) throw new ParleyError('not_found', `There is no ${KINDS[kind].label.toLowerCase()} with id ${id} in this case file.`);
    return rec;
  }

  directive(): RecordOf<'directive'> {
    return (this.writes.table('directive').first() as RecordOf<'directive'> | null) ?? throwNoDirective();
  }

  /** Live records (deleted ones too if asked), in the kind's own order unless another is given; all unless limited. */
  list<K extends KindName>(kind: K, opts: ReadOptions = {}): RecordOf<K>[] {
    return this.writes.table(kind).list({
      filter: opts.filter,
      includeDeleted: opts.includeDeleted,
      limit: opts.limit ?? -1,
      offset: opts.offset ?? 0,
      orderBy: opts.orderBy ?? orderOf(kind),
      asStored: opts.asStored,
    }) as RecordOf<K>[];
  }

  /** Live records with only some fields (see RecordTable.listFields), in the kind's own order; `where` is SQL from the code. */
  listFields<K extends KindName, F extends FieldOf<K>>(kind: K, fields: readonly F[], where = 'TRUE'): FieldsRead<K, F>[] {
    return this.writes.table(kind).listFields(fields, where, orderOf(kind)) as FieldsRead<K, F>[];
  }

  /** The ids of the kind (live or deleted) that start with `prefix` (hex digits and dashes), at most `limit`. */
  idsStartingWith(kind: KindName, prefix: string, limit: number): string[] {
    return this.writes.table(kind).idsStartingWith(prefix, limit);
  }

  /** Whether the file holds a record of the kind: live, deleted, or not at all. */
  presence(kind: KindName, id: string): 'live' | 'deleted' | null {
    return this.writes.table(kind).presence(id);
  }

  /** How many live records of the kind the file holds. */
  count(kind: KindName): number {
    return this.writes.table(kind).count();
  }

  /** Stores a new record, audited; `by` names who made it when, where that is not the record's own (an import). */
  insert(kind: KindName, rec: StoredRecord, reason: string | null = null, by?: { actor: string; at: string }): void {
    this.writes.insert(kind, rec, reason, by);
  }

  /** Stores a new attachment with its bytes, which must be those its size and SHA-256 describe, audited. */
  insertAttachment(rec: StoredRecord, bytes: Buffer, reason: string | null = null, by?: { actor: string; at: string }): void {
    this.writes.insertAttachment(rec, bytes, reason, by);
  }

  /** Stores a changed record (an update, a soft delete or a restore), audited; see WritePath.replace for `alsoWrote`. */
  replace(kind: KindName, op: Exclude<AuditOperation, 'create' | 'purge'>, before: StoredRecord, after: StoredRecord, reason: string | null = null, alsoWrote?: readonly string[]): void {
    this.writes.replace(kind, op, before, after, reason, alsoWrote);
  }

  /** Stores a record as a change merged from another copy leaves it, audited as that change (WritePath.writeMerged). */
  writeMerged(kind: KindName, before: StoredRecord | null, after: StoredRecord | null, change: Change, bytes?: Buffer): void {
    this.writes.writeMerged(kind, before, after, change, bytes);
  }

  /** Removes a record for good; the audit trail keeps what it was. */
  purge(kind: KindName, before: StoredRecord, actor: string, at: string, reason: string | null): void {
    this.writes.purge(kind, before, actor, at, reason);
  }
}

/**
 * Every case file holds its directive from the moment it is made (createCaseDatabase builds it in), and Parley never
 * deletes it: a file without one was changed outside Parley, or is damaged.
 */
export function throwNoDirective(): never {
  throw new ParleyError('damaged', 'The case file is damaged: it has no directive (the record every case is built on), so it was changed outside Parley. Open a backup of the case file.');
}

export function now(): string {
  return new Date().toISOString();
}

/** A new record of the fields given: a new id, version 1, made and last changed by `actor` at `at`. */
export function newRecord(fields: Record<string, unknown>, actor: string, at: string): StoredRecord {
  return { ...fields, id: randomUUID(), version: 1, createdAt: at, createdBy: actor, updatedAt: at, updatedBy: actor, deletedAt: null, deletedBy: null } as StoredRecord;
}

/** Makes `after` the version after `before`, changed now by `actor`. */
export function stamp<R extends StoredRecord>(after: R, before: StoredRecord, actor: string): R {
  after.version = before.version + 1;
  after.updatedAt = now();
  after.updatedBy = actor;
  return after;
}

/** The two hold the same value in every field of the kind (metadata aside). */
export function sameFields(kind: KindName, a: StoredRecord, b: StoredRecord): boolean {
  return Object.keys(KINDS[kind].fields).every((f) => sameJson(a[f], b[f]));
}

/** Fills absent optional fields with null and applies the kind's cross-field rule. */
export function validate(kind: KindName, rec: StoredRecord): void {
  const def = KINDS[kind];
  for (const [name, f] of Object.entries(def.fields)) {
    if (rec[name] === undefined) rec[name] = null;
    if (f.required && rec[name] === null) throw new ParleyError('invalid_input', `${capitalized(withArticle(def.label.toLowerCase()))} needs its ${pathInWords(['fields', name], kind)}.`, [{ path: `fields.${name}`, message: 'required' }]);
  }
  const problem = (def.check as ((r: StoredRecord) => string | null) | undefined)?.(rec);
  if (problem) throw new ParleyError('invalid_input', `${def.label}: ${problem}.`);
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The title a record goes by (as lists and links show it). */
export function titleOf(kind: KindName, rec: StoredRecord): string {
  const v = rec[KINDS[kind].titleField];
  return typeof v === 'string' && v ? v.slice(0, 200) : KINDS[kind].label;
}
