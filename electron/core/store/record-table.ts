// Maps a record kind's registry definition to its SQL table: column names, value encoding, prepared statements.
// Column and table names come only from the registry, never from input.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { z } from 'zod';
import { isStoredValueProblem, type Shape } from '../../../shared/fields.js';
import { KINDS, type KindName, type RecordMeta } from '../../../shared/records.js';
import type { Db } from '../db/connection.js';
import { ParleyError } from '../errors.js';

export const toColumn = (field: string): string => field.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());

const META_COLUMNS: [keyof RecordMeta, string][] = [
  ['id', 'id'], ['version', 'version'], ['createdAt', 'created_at'], ['createdBy', 'created_by'],
  ['updatedAt', 'updated_at'], ['updatedBy', 'updated_by'], ['deletedAt', 'deleted_at'], ['deletedBy', 'deleted_by'],
];

export type StoredRecord = RecordMeta & Record<string, unknown>;

/**
 * What a JSON cell decodes to when it is not JSON at all, or (read checked) not JSON its field's schema allows: kept
 * as its text, so that the cell check can name the field, and verify can compare the text with the audit trail.
 */
class UnreadableJson {
  constructor(readonly text: unknown) {}
  toJSON(): unknown {
    return this.text;
  }
}

type JsonDecoder = (text: unknown) => unknown;

/** How many accepted values each field remembers: enough for the dates of a large case, bounded for a long session. */
const MAX_REMEMBERED = 4_096;

/** Decodes a JSON cell as it is stored; text that is not JSON is kept as text (never a SyntaxError). */
const decodeJson: JsonDecoder = (text) => {
  if (typeof text !== 'string') return new UnreadableJson(text);
  try {
    return JSON.parse(text);
  } catch {
    return new UnreadableJson(text);
  }
};

/**
 * Decodes a JSON cell and checks it against its field's schema. The texts found good are remembered (up to a
 * bound): most cells repeat a few texts ([60, 1440]), and a schema of an array of bounded integers costs far more
 * than a set lookup, ten thousand times over in a list of deadlines.
 */
function checkedJson(schema: z.ZodType): JsonDecoder {
  const accepted = new Set<string>();
  return (text) => {
    const value = decodeJson(text);
    if (typeof text !== 'string' || accepted.has(text)) return value;
    if (value instanceof UnreadableJson || !storedValueOk(schema, value)) return new UnreadableJson(text);
    if (accepted.size < MAX_REMEMBERED) accepted.add(text);
    return value;
  };
}

type Field = readonly [name: string, column: string, kind: 'json' | 'bool' | 'plain', schema: z.ZodType];

/**
 * Turns rows read in raw mode (`fields` in order, after the metadata columns if `meta`) into records: `checked`, every
 * cell is checked against its field's schema (see cellCheck), or as stored, unchecked (for verify).
 */
function rowReader(kind: KindName, meta: boolean, fields: readonly Field[], checked: boolean): (row: unknown[]) => StoredRecord {
  const columns = [
    ...(meta ? META_COLUMNS.map(([name]) => [name, 'plain'] as const) : [['id', 'plain'] as const]),
    ...fields.map(([name, , kind]) => [name, kind] as const),
  ];
  const first = columns.length - fields.length;
  const decoders = columns.map((_, i) => {
    const field = fields[i - first];
    return checked && field?.[2] === 'json' ? checkedJson(field[3]) : decodeJson;
  });
  const build = recordBuilder(columns, decoders);
  if (!checked) return build;
  const check = cellCheck(kind, fields);
  return (row) => check(build(row));
}

export class RecordTable {
  readonly table: string;
  private readonly fields: Field[];
  private readonly allColumns: string[];
  private readonly statements = new Map<string, Database.Statement>();
  /** Turn a row read in raw mode (its values in allColumns order) into the record the API returns, its cells checked... */
  private readonly recordOf: (row: unknown[]) => StoredRecord;
  /** ...or into the record as stored, unchecked (for verify). */
  private readonly storedRecordOf: (row: unknown[]) => StoredRecord;
  /** listFields' statements and builders, by the fields and condition asked for. */
  private readonly partial = new Map<string, { sql: string; recordOf: (row: unknown[]) => StoredRecord }>();

  constructor(private readonly db: Db, readonly kind: KindName) {
    const def = KINDS[kind];
    this.table = def.table;
    this.fields = Object.entries(def.fields).map(([name, f]) => {
      const type = (f.schema as { def?: { type?: string } }).def?.type;
      return [name, toColumn(name), f.json ? 'json' : type === 'boolean' ? 'bool' : 'plain', f.schema] as const;
    });
    this.allColumns = [...META_COLUMNS.map(([, c]) => c), ...this.fields.map(([, c]) => c)];
    this.recordOf = rowReader(kind, true, this.fields, true);
    this.storedRecordOf = rowReader(kind, true, this.fields, false);
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

  /**
   * The ids (live or deleted) that start with `prefix`, at most `limit`, in id order. The prefix is hexadecimal
   * digits and dashes (the caller checks), so every id that starts with it sorts between it and it followed by "~".
   */
  idsStartingWith(prefix: string, limit: number): string[] {
    return this.statement('idsStartingWith', () => `SELECT id FROM ${this.table} WHERE id >= ? AND id < ? ORDER BY id LIMIT ?`)
      .pluck().all(prefix, `${prefix}~`, limit) as string[];
  }

  /** The singleton's one row (the directive). */
  first(): StoredRecord | null {
    const row = this.reading('first', () => `SELECT ${this.allColumns.join(', ')} FROM ${this.table} LIMIT 1`).get();
    return row ? this.recordOf(row as unknown[]) : null;
  }

  /**
   * Records in the order asked for. `asStored` leaves out the cell check: for verify, which compares every record as
   * it is stored with its audit trail and reports each one that differs, damaged or not.
   */
  list(opts: { filter?: Record<string, string | null>; includeDeleted?: boolean; limit: number; offset: number; orderBy: string; asStored?: boolean }): StoredRecord[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (!opts.includeDeleted) where.push('deleted_at IS NULL');
    for (const [field, value] of Object.entries(opts.filter ?? {})) {
      const column = this.fields.find(([name]) => name === field)?.[1];
      if (!column) throw new Error(`no field ${field}`); // callers validate filters against the registry first
      if (value === null) where.push(`${column} IS NULL`);
      // A list of items (tags): the records that hold the item, letter case aside.
      else if ((KINDS[this.kind].fields as Shape)[field]?.set) { where.push(`EXISTS (SELECT 1 FROM json_each(${column}) WHERE lower(json_each.value) = lower(?))`); params.push(value); }
      else { where.push(`${column} = ?`); params.push(value); }
    }
    const sql = `SELECT ${this.allColumns.join(', ')} FROM ${this.table}${where.length ? ' WHERE ' + where.join(' AND ') : ''} ORDER BY ${opts.orderBy} LIMIT ? OFFSET ?`;
    const rows = this.reading(`list:${sql}`, () => sql).all(...params, opts.limit, opts.offset) as unknown[][];
    return rows.map(opts.asStored ? this.storedRecordOf : this.recordOf);
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
        recordOf: rowReader(this.kind, false, chosen, true),
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
 * The check of every cell read: each non-null value must be one its field's schema allows, as every write through
 * the API makes sure. A file changed outside Parley (a JSON cell that is not JSON, or JSON of the wrong shape, a
 * date that is not a date, a time zone that does not exist, a value outside its vocabulary) would otherwise reach
 * the engine, the reminders or the calendar and fail there as an unexplained error; here it is `damaged`, naming
 * the record and the field. Only the field's own schema is applied, not the kind's rules across fields.
 *
 * Cheap enough for ten thousand deadlines per read: free text is only checked to be text (its length and blankness
 * harm nothing), and each field remembers the values it has accepted (dates, zones, vocabularies repeat; JSON texts,
 * see checkedJson), up to a bound, so that most cells cost a set lookup instead of a schema.
 */
function cellCheck(kind: KindName, fields: readonly Field[]): (rec: StoredRecord) => StoredRecord {
  const label = KINDS[kind].label.toLowerCase();
  const checks = fields.map(([name, , fieldKind, schema]) => ({ name, json: fieldKind === 'json', freeText: isFreeText(schema), schema, accepted: new Set<unknown>() }));
  return (rec) => {
    for (const check of checks) {
      const value = rec[check.name];
      if (value === null || check.accepted.has(value)) continue;
      // A JSON cell was checked as it was decoded (checkedJson): what failed is marked.
      const ok = check.json ? !(value instanceof UnreadableJson) : check.freeText ? typeof value === 'string' : storedValueOk(check.schema, value);
      if (!ok) {
        throw new ParleyError(
          'damaged',
          `The case file is damaged: the ${label} ${String(rec.id)} holds a value in its field “${check.name}” that Parley did not write and cannot read (the file was changed outside Parley). Open a backup of the case file; verifying it lists every record that differs from its audit trail.`,
        );
      }
      if (!check.freeText && !check.json && check.accepted.size < MAX_REMEMBERED) check.accepted.add(value);
    }
    return rec;
  };
}

/** Whether a value read from the file is one some version of Parley could have written (see isStoredValueProblem). */
function storedValueOk(schema: z.ZodType, value: unknown): boolean {
  const result = schema.safeParse(value);
  return result.success || !isStoredValueProblem(result.error);
}

/** A string schema with no format, pattern or refinement: only its length is bounded (and maybe trimmed). */
function isFreeText(schema: z.ZodType): boolean {
  const def = (schema as unknown as { _zod: { def: { type: string; format?: string; checks?: { _zod: { def: { check: string } } }[] } } })._zod.def;
  return def.type === 'string' && !def.format && (def.checks ?? []).every((c) => ['min_length', 'max_length', 'overwrite'].includes(c._zod.def.check));
}

/**
 * Compiles, once per kind, a function that builds a record from a raw row as one object literal with every field
 * in place. Why generated: an object given its twenty-odd properties one by one under computed names falls into
 * V8's slow dictionary mode, and reading and sending ten thousand deadlines built that way took four times as long
 * (docs/PERFORMANCE.md). The names come from the record registry, never from input, and are quoted by JSON.stringify.
 */
function recordBuilder(fields: readonly (readonly [name: string, kind: 'json' | 'bool' | 'plain'])[], decoders: readonly JsonDecoder[]): (row: unknown[]) => StoredRecord {
  const properties = fields.map(([name, kind], i) => {
    const value = `row[${i}]`;
    // A boolean cell other than 0 or 1 stays as it is, for the cell check to refuse.
    const decoded = kind === 'json' ? `${value} == null ? null : json[${i}](${value})` : kind === 'bool' ? `${value} == null ? null : ${value} === 1 ? true : ${value} === 0 ? false : ${value}` : `${value} ?? null`;
    return `${JSON.stringify(name)}: ${decoded}`;
  });
  const builder = new Function('json', `return (row) => ({ ${properties.join(', ')} });`) as (json: readonly JsonDecoder[]) => (row: unknown[]) => StoredRecord;
  return builder(decoders);
}
