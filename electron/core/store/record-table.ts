// Maps a record kind's registry definition to its SQL table: column names, value encoding, prepared statements.
// Column and table names come only from the registry, never from input.
import type Database from 'better-sqlite3-multiple-ciphers';
import { KINDS, type KindName, type RecordMeta } from '../../../shared/records.js';
import type { Db } from '../db/connection.js';

export const toColumn = (field: string): string => field.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());

const META_COLUMNS: [keyof RecordMeta, string][] = [
  ['id', 'id'], ['version', 'version'], ['createdAt', 'created_at'], ['createdBy', 'created_by'],
  ['updatedAt', 'updated_at'], ['updatedBy', 'updated_by'], ['deletedAt', 'deleted_at'], ['deletedBy', 'deleted_by'],
];

export type StoredRecord = RecordMeta & Record<string, unknown>;

export class RecordTable {
  readonly table: string;
  private readonly fields: [name: string, column: string, kind: 'json' | 'bool' | 'plain'][];
  private readonly allColumns: string[];
  private readonly statements = new Map<string, Database.Statement>();
  /** Turns a row read in raw mode (its values in allColumns order) into the record the API returns. */
  private readonly recordOf: (row: unknown[]) => StoredRecord;
  /** listFields' statements and builders, by the fields and condition asked for. */
  private readonly partial = new Map<string, { sql: string; recordOf: (row: unknown[]) => StoredRecord }>();

  constructor(private readonly db: Db, readonly kind: KindName) {
    const def = KINDS[kind];
    this.table = def.table;
    this.fields = Object.entries(def.fields).map(([name, f]) => {
      const type = (f.schema as { def?: { type?: string } }).def?.type;
      return [name, toColumn(name), f.json ? 'json' : type === 'boolean' ? 'bool' : 'plain'];
    });
    this.allColumns = [...META_COLUMNS.map(([, c]) => c), ...this.fields.map(([, c]) => c)];
    this.recordOf = recordBuilder([...META_COLUMNS.map(([name]) => [name, 'plain'] as const), ...this.fields.map(([name, , kind]) => [name, kind] as const)]);
  }

  private statement(key: string, sql: () => string): Database.Statement {
    let st = this.statements.get(key);
    if (!st) {
      st = this.db.prepare(sql());
      this.statements.set(key, st);
    }
    return st;
  }

  private toParams(rec: StoredRecord): Record<string, unknown> {
    const p: Record<string, unknown> = {};
    for (const [name, column] of META_COLUMNS) p[column] = rec[name] ?? null;
    for (const [name, column, kind] of this.fields) {
      const v = rec[name];
      p[column] = v === null || v === undefined ? null : kind === 'json' ? JSON.stringify(v) : kind === 'bool' ? (v ? 1 : 0) : v;
    }
    return p;
  }

  /** A reading statement: rows come as arrays of values, which recordOf turns into records. */
  private reading(key: string, sql: () => string): Database.Statement {
    return this.statement(key, sql).raw(true);
  }

  get(id: string): StoredRecord | null {
    const row = this.reading('get', () => `SELECT ${this.allColumns.join(', ')} FROM ${this.table} WHERE id = ?`).get(id);
    return row ? this.recordOf(row as unknown[]) : null;
  }

  /** Whether the table holds a record: live, deleted, or not at all. Reads no cell but its deletion stamp. */
  presence(id: string): 'live' | 'deleted' | null {
    const live = this.statement('presence', () => `SELECT deleted_at IS NULL FROM ${this.table} WHERE id = ?`).pluck().get(id) as number | undefined;
    return live === undefined ? null : live ? 'live' : 'deleted';
  }

  /** The singleton's one row (the directive). */
  first(): StoredRecord | null {
    const row = this.reading('first', () => `SELECT ${this.allColumns.join(', ')} FROM ${this.table} LIMIT 1`).get();
    return row ? this.recordOf(row as unknown[]) : null;
  }

  list(opts: { filter?: Record<string, string | null>; includeDeleted?: boolean; limit: number; offset: number; orderBy: string }): StoredRecord[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (!opts.includeDeleted) where.push('deleted_at IS NULL');
    for (const [field, value] of Object.entries(opts.filter ?? {})) {
      const column = this.fields.find(([name]) => name === field)?.[1];
      if (!column) throw new Error(`no field ${field}`); // callers validate filters against the registry first
      if (value === null) where.push(`${column} IS NULL`);
      else { where.push(`${column} = ?`); params.push(value); }
    }
    const sql = `SELECT ${this.allColumns.join(', ')} FROM ${this.table}${where.length ? ' WHERE ' + where.join(' AND ') : ''} ORDER BY ${opts.orderBy} LIMIT ? OFFSET ?`;
    return (this.reading(`list:${sql}`, () => sql).all(...params, opts.limit, opts.offset) as unknown[][]).map(this.recordOf);
  }

  /**
   * The live records where `where` holds, each with its id and the named fields only. For reads across many records
   * that need a few of their columns: ten thousand deadlines read whole (notes, audit columns) take five times as
   * long. `where` and `orderBy` are SQL written in the code, never taken from input.
   */
  listFields(names: readonly string[], where: string, orderBy: string): (Record<string, unknown> & { id: string })[] {
    const key = `fields:${names.join(',')}:${where}:${orderBy}`;
    let built = this.partial.get(key);
    if (!built) {
      const chosen = names.map((name) => {
        const field = this.fields.find(([n]) => n === name);
        if (!field) throw new Error(`no field ${name}`);
        return field;
      });
      built = {
        sql: `SELECT id, ${chosen.map(([, column]) => column).join(', ')} FROM ${this.table} WHERE deleted_at IS NULL AND (${where}) ORDER BY ${orderBy}`,
        recordOf: recordBuilder([['id', 'plain'], ...chosen.map(([name, , kind]) => [name, kind] as const)]),
      };
      this.partial.set(key, built);
    }
    const { sql, recordOf } = built;
    return (this.reading(key, () => sql).all() as unknown[][]).map(recordOf) as (Record<string, unknown> & { id: string })[];
  }

  insert(rec: StoredRecord): void {
    this.statement('insert', () => `INSERT INTO ${this.table} (${this.allColumns.join(', ')}) VALUES (${this.allColumns.map((c) => '@' + c).join(', ')})`)
      .run(this.toParams(rec));
  }

  /**
   * Writes a changed record. Given the record as it was, only the columns that changed are set, so that indexes on
   * the other columns are not rewritten (each is one more page to write and sync).
   */
  replace(rec: StoredRecord, before?: StoredRecord): void {
    const params = this.toParams(rec);
    const old = before ? this.toParams(before) : null;
    const columns = this.allColumns.filter((c) => c !== 'id' && (!old || params[c] !== old[c]));
    if (!columns.length) return;
    const values: Record<string, unknown> = { id: params.id };
    for (const c of columns) values[c] = params[c];
    this.statement(`update:${columns.join(',')}`, () => `UPDATE ${this.table} SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run(values);
  }

  remove(id: string): void {
    this.statement('delete', () => `DELETE FROM ${this.table} WHERE id = ?`).run(id);
  }

  count(includeDeleted = false): number {
    const key = includeDeleted ? 'countAll' : 'countLive';
    const row = this.statement(key, () => `SELECT count(*) AS n FROM ${this.table}${includeDeleted ? '' : ' WHERE deleted_at IS NULL'}`).get() as { n: number };
    return row.n;
  }
}

/**
 * Compiles, once per kind, a function that builds a record from a raw row as one object literal with every field
 * in place. Why generated: an object given its twenty-odd properties one by one under computed names falls into
 * V8's slow dictionary mode, and reading and sending ten thousand deadlines built that way took four times as long
 * (docs/PERFORMANCE.md). The names come from the record registry, never from input, and are quoted by JSON.stringify.
 */
function recordBuilder(fields: readonly (readonly [name: string, kind: 'json' | 'bool' | 'plain'])[]): (row: unknown[]) => StoredRecord {
  const properties = fields.map(([name, kind], i) => {
    const value = `row[${i}]`;
    const decoded = kind === 'json' ? `${value} == null ? null : JSON.parse(${value})` : kind === 'bool' ? `${value} == null ? null : ${value} === 1` : `${value} ?? null`;
    return `${JSON.stringify(name)}: ${decoded}`;
  });
  return new Function('row', `return { ${properties.join(', ')} };`) as (row: unknown[]) => StoredRecord;
}
