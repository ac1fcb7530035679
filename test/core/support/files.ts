// Doing things to case files behind Parley's back, as another program (or a failing disk) would.
import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';

/** A plain driver connection, with none of Parley's checks; the caller closes it. */
export function rawConnection(file: string, opts: { readonly?: boolean; create?: boolean } = {}): Database.Database {
  return new Database(file, { readonly: !!opts.readonly, fileMustExist: !opts.create });
}

/** Runs `fn` on a plain connection and closes it (which checkpoints the WAL into the file). */
export function withRawConnection<T>(file: string, fn: (db: Database.Database) => T, opts: { create?: boolean } = {}): T {
  const db = rawConnection(file, opts);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/**
 * Overwrites the first page of a table's data with garbage, as a bad sector or a stray write would. The file must
 * be closed, with its WAL checkpointed into it.
 */
export function damageTable(file: string, table: string): void {
  const { pageSize, page } = withRawConnection(file, (db) => ({
    pageSize: db.pragma('page_size', { simple: true }) as number,
    page: db.prepare("SELECT pageno FROM dbstat WHERE name = ? ORDER BY pagetype = 'leaf' DESC, pageno LIMIT 1").pluck().get(table) as number,
  }));
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (page - 1) * pageSize);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
