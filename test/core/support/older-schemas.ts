// Older schemas made again from the migrations themselves, for tests of files written before a migration. Kept apart
// from files.ts because it imports the migrations' SQL, which only the bundler and vitest load (an end-to-end spec
// that imports files.ts runs under Playwright's own loader).
import { MIGRATIONS } from '../../../electron/core/db/migrations.js';

/** A statement of a migration as written, from `start` to its end (a trigger's at its END). */
function statementIn(version: number, start: string): string {
  const sql = MIGRATIONS[version - 1]!.sql;
  const at = sql.indexOf(start);
  if (at < 0) throw new Error(`migration ${version} has no statement starting "${start}"`);
  return sql.slice(at, start.startsWith('CREATE TRIGGER') ? sql.indexOf('END;', at) + 4 : sql.indexOf(';', at) + 1);
}

/** Rebuilds a table as a migration made it, with its index and triggers, keeping its rows. */
function rebuildAsIn(version: number, table: string, statements: string[]): string {
  return [
    `CREATE TABLE ${table}_kept AS SELECT * FROM ${table}; DROP TABLE ${table};`,
    statementIn(version, `CREATE TABLE ${table} (`),
    `INSERT INTO ${table} SELECT * FROM ${table}_kept; DROP TABLE ${table}_kept;`,
    ...statements.map((start) => statementIn(version, start)),
  ].join('\n');
}

/**
 * Takes a file back from schema 13 to 12 (migrations/0013_lighter_edits.sql): the audit trail's hash and a change's id
 * UNIQUE columns again, the tables as 0001 and 0008 made them. Single heads stay out of change_head: they read the same.
 */
export const UNDO_LIGHTER_EDITS = [
  rebuildAsIn(1, 'audit_log', ['CREATE INDEX audit_log_record', 'CREATE TRIGGER audit_log_no_update', 'CREATE TRIGGER audit_log_no_delete']),
  rebuildAsIn(8, 'change_log', ['CREATE TRIGGER change_log_no_update', 'CREATE TRIGGER change_log_no_delete']),
].join('\n');
