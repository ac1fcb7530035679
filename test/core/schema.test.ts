// The schema in migrations/ matches the registry in shared/records.ts: a snake_case column for every field,
// NOT NULL where a field is required, CHECK constraints that list exactly each enum's values, foreign keys for
// references. Read from a real case file made by Parley.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type Database from 'better-sqlite3-multiple-ciphers';
import { AUDIT_OPERATIONS, DISCLOSABLE_KINDS, LINKABLE_KINDS, REVIEWABLE_KINDS } from '../../shared/enums.js';
import type { FieldDef } from '../../shared/fields.js';
import { KINDS, KIND_NAMES, type KindName } from '../../shared/records.js';
import { toColumn } from '../../electron/core/store/record-table.js';
import { rawConnection } from './support/files.js';
import { CaseWorld } from './support/world.js';

const META_COLUMNS: [column: string, notNull: boolean][] = [
  ['id', true], ['version', true], ['created_at', true], ['created_by', true],
  ['updated_at', true], ['updated_by', true], ['deleted_at', false], ['deleted_by', false],
];
/** Columns a table has beyond the registry, and why. */
const STORAGE_ONLY_COLUMNS: Partial<Record<KindName, string[]>> = {
  directive: ['singleton'], // keeps the directive one of a kind
  attachment: ['bytes'], // the file itself, read through attachment.read
};

const fieldsOf = (kind: KindName) => Object.entries(KINDS[kind].fields) as [string, FieldDef][];

/** The values a CHECK constraint allows for a column, as written in the table's SQL; null if it lists none. */
function checkedValues(tableSql: string, column: string): string[] | null {
  const list = new RegExp(`\\b${column} IN \\(([^)]*)\\)`).exec(tableSql)?.[1];
  return list === undefined ? null : list.split(',').map((v) => v.trim().replace(/^'(.*)'$/, '$1'));
}

let world: CaseWorld;
let db: Database.Database;
let tableSql: (table: string) => string;
/** One record of every kind, to try values against the constraints. */
const sampleIds = new Map<KindName, string>();

beforeAll(() => {
  world = CaseWorld.create();
  for (const kind of KIND_NAMES) sampleIds.set(kind, world.make(kind).id);
  world.api.call('case.close', { caseId: world.caseId });
  db = rawConnection(world.file);
  const sql = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck();
  tableSql = (table) => sql.get(table) as string;
});
afterAll(() => db?.close());

describe('the schema', () => {
  it('has LINKABLE_KINDS equal to every kind but the link itself, review comments and sharing choices; REVIEWABLE_KINDS and DISCLOSABLE_KINDS every kind but those two', () => {
    // A review comment is a remark on a record and a sharing choice a setting about one: neither is part of the
    // case's substance, so nothing links to them, comments on them or marks them shareable.
    const remarks = new Set(['reviewComment', 'disclosure']);
    expect([...LINKABLE_KINDS]).toEqual(KIND_NAMES.filter((k) => k !== 'link' && !remarks.has(k)));
    expect([...REVIEWABLE_KINDS].sort()).toEqual(KIND_NAMES.filter((k) => !remarks.has(k)).sort());
    expect([...DISCLOSABLE_KINDS].sort()).toEqual(KIND_NAMES.filter((k) => !remarks.has(k)).sort());
  });

  it.each(KIND_NAMES)('%s: a column per field, NOT NULL exactly where required', (kind) => {
    const columns = db.pragma(`table_xinfo(${KINDS[kind].table})`) as { name: string; notnull: number }[];
    const expected = [
      ...META_COLUMNS,
      ...fieldsOf(kind).map(([name, f]) => [toColumn(name), f.required] as [string, boolean]),
      ...(STORAGE_ONLY_COLUMNS[kind] ?? []).map((c) => [c, true] as [string, boolean]),
    ];
    expect(columns.map((c) => [c.name, c.notnull === 1]).sort()).toEqual(expected.sort());
    expect(tableSql(KINDS[kind].table)).toMatch(/\)\s*STRICT$/);
  });

  it.each(KIND_NAMES)('%s: every enum field has a CHECK listing exactly its values, booleans 0/1, JSON valid', (kind) => {
    const sql = tableSql(KINDS[kind].table);
    for (const [name, f] of fieldsOf(kind)) {
      const column = toColumn(name);
      if (f.schema instanceof z.ZodEnum) expect([name, checkedValues(sql, column)]).toEqual([name, f.schema.options]);
      else if (f.schema instanceof z.ZodBoolean) expect([name, checkedValues(sql, column)]).toEqual([name, ['0', '1']]);
      else expect([name, checkedValues(sql, column)]).toEqual([name, null]);
      if (f.json) expect(sql).toContain(`json_valid(${column})`);
      if (!f.required && checkedValues(sql, column)) expect(sql).toContain(`${column} IS NULL OR ${column} IN`);
    }
  });

  it.each(KIND_NAMES)('%s: the database itself refuses a value outside an enum', (kind) => {
    const enumFields = fieldsOf(kind).filter(([, f]) => f.schema instanceof z.ZodEnum);
    for (const [name] of enumFields) {
      const update = db.prepare(`UPDATE ${KINDS[kind].table} SET ${toColumn(name)} = 'not_a_choice' WHERE id = ?`);
      expect(() => update.run(sampleIds.get(kind)), name).toThrow(/CHECK constraint failed/);
    }
  });

  it.each(KIND_NAMES)('%s: every reference is a foreign key to the kind it names', (kind) => {
    const keys = (db.pragma(`foreign_key_list(${KINDS[kind].table})`) as { table: string; from: string; to: string }[]).map((k) => [k.from, k.table, k.to]);
    const refs = fieldsOf(kind).filter(([, f]) => f.ref).map(([name, f]) => [toColumn(name), KINDS[f.ref as KindName].table, 'id']);
    expect(keys.sort()).toEqual(refs.sort());
  });

  it('lets the audit trail record only the operations the API knows', () => {
    expect(checkedValues(tableSql('audit_log'), 'operation')).toEqual([...AUDIT_OPERATIONS]);
  });
});
