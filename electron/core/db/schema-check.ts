// Checks that a case file's schema is exactly the one Parley made for its version, before anything else reads it.
// A file someone sent may carry a trigger or a view that runs SQL whenever Parley writes or reads a table, or
// tables Parley does not know; SQLite would run that schema code as part of our own statements. Comparing
// sqlite_master with a reference built from our own migrations refuses all of that in one place
// (sqlite.org/security.html: "compare the schema with the expected one before use").
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { ParleyError } from '../errors.js';
import { applyMigrations } from './migrations.js';

type Db = Database.Database;

/** One schema object as sqlite_master lists it, its SQL with whitespace normalized. */
interface SchemaObject {
  type: string;
  name: string;
  table: string;
  sql: string | null;
}

/**
 * Tables SQLite itself makes and fills (ANALYZE statistics, AUTOINCREMENT counters). `PRAGMA optimize`, run when a
 * case closes, may add the statistics to any file, so their presence or absence says nothing about who made it.
 * They hold data only; they can change query plans, never run code.
 */
const SQLITE_BOOKKEEPING_TABLES = new Set(['sqlite_stat1', 'sqlite_stat2', 'sqlite_stat3', 'sqlite_stat4', 'sqlite_sequence']);

/** The expected schema per user_version, built once per process from the migrations in an in-memory database. */
const expectedByVersion = new Map<number, Map<string, SchemaObject>>();

/** Collapses the whitespace SQLite keeps verbatim from a CREATE statement, so that only meaning is compared. */
function normalizeSql(sql: string | null): string | null {
  return sql === null ? null : sql.replace(/\s+/g, ' ').replace(/\s*([(),])\s*/g, '$1').trim();
}

function readSchema(db: Db): Map<string, SchemaObject> {
  const rows = db.prepare('SELECT type, name, tbl_name AS "table", sql FROM main.sqlite_master').all() as SchemaObject[];
  const objects = new Map<string, SchemaObject>();
  for (const row of rows) {
    if (row.type === 'table' && SQLITE_BOOKKEEPING_TABLES.has(row.name)) continue;
    objects.set(`${row.type} ${row.name}`, { ...row, sql: normalizeSql(row.sql) });
  }
  return objects;
}

/** The schema Parley's own migrations produce at `version` (0: an empty file). */
export function expectedSchema(version: number, openMemoryDatabase: () => Db): Map<string, SchemaObject> {
  let expected = expectedByVersion.get(version);
  if (!expected) {
    const reference = openMemoryDatabase();
    try {
      applyMigrations(reference, 0, version);
      expected = readSchema(reference);
    } finally {
      reference.close();
    }
    expectedByVersion.set(version, expected);
  }
  return expected;
}

/** What differs between a file's schema and the expected one, each as a phrase a person can read. */
export function schemaDifferences(actual: Map<string, SchemaObject>, expected: Map<string, SchemaObject>): string[] {
  const differences: string[] = [];
  for (const [key, object] of actual) {
    const want = expected.get(key);
    if (!want) differences.push(`an unexpected ${object.type} "${object.name}"`);
    else if (want.sql !== object.sql || want.table !== object.table) differences.push(`a changed ${object.type} "${object.name}"`);
  }
  for (const [key, object] of expected) {
    if (!actual.has(key)) differences.push(`a missing ${object.type} "${object.name}"`);
  }
  return differences;
}

/**
 * Refuses a connection whose file's schema is not exactly Parley's for its user_version, or which has other
 * databases attached. `openMemoryDatabase` makes the reference database with the same driver build as the file's
 * connection (the desktop app loads one built for Electron).
 */
export function assertExpectedSchema(db: Db, file: string, openMemoryDatabase: () => Db): void {
  const name = path.basename(file);
  const attached = (db.pragma('database_list') as { name: string }[]).map((d) => d.name).filter((n) => n !== 'main' && n !== 'temp');
  if (attached.length > 0) {
    throw new ParleyError('unexpected_schema', `${name} was opened with other databases attached (${attached.join(', ')}); Parley will not use it.`);
  }
  const version = db.pragma('user_version', { simple: true }) as number;
  const differences = schemaDifferences(readSchema(db), expectedSchema(version, openMemoryDatabase));
  if (differences.length === 0) return;
  const shown = differences.slice(0, 5).join('; ') + (differences.length > 5 ? `; and ${differences.length - 5} more` : '');
  throw new ParleyError(
    'unexpected_schema',
    `${name} is not laid out as Parley makes case files (it has ${shown}); it may have been altered, so Parley will not open it. The file was not changed.`,
  );
}
