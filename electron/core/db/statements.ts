// Prepared statements kept with their connection: the library and the overview ask every file the same questions,
// and preparing a statement costs more than running a small one.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from './connection.js';

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/** The statement for `sql` on `db`, prepared at its first use. */
export function statement(db: Db, sql: string): Database.Statement {
  let byText = statements.get(db);
  if (!byText) statements.set(db, (byText = new Map()));
  let st = byText.get(sql);
  if (!st) byText.set(sql, (st = db.prepare(sql)));
  return st;
}
