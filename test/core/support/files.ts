// Doing things to case files behind Parley's back, as another program (or a failing disk, or a forger) would.
import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { entryHash, GENESIS_HASH, type AuditRow } from '../../../electron/core/store/audit-trail.js';
import { fillChangeLog } from '../../../electron/core/store/change-log.js';
import { canonicalJson } from '../../../electron/core/store/canonical.js';

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

/**
 * Edits the file as a careful forger would: the append-only triggers dropped for the edit and put back as they were,
 * so that the schema looks untouched (opening refuses a changed schema) and only the audit chain can tell.
 */
export function tamperAsAForger(file: string, edit: string | ((db: Database.Database) => void)): void {
  withRawConnection(file, (db) => {
    const triggers = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('audit_log', 'change_log')").pluck().all() as string[];
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; DROP TRIGGER change_log_no_update; DROP TRIGGER change_log_no_delete;');
    if (typeof edit === 'string') db.exec(edit);
    else edit(db);
    db.exec(triggers.map((t) => `${t};`).join('\n'));
  });
}

/**
 * Rewrites what a note says everywhere Parley keeps it (its row, every audit entry that recorded it, the search
 * index) and then recomputes every audit hash and the recorded head, and the change log's ids, as anyone who has
 * read audit-trail.ts and change-log.ts can: neither is keyed. Nothing inside the file can tell afterwards; verify
 * passes.
 */
export function rewriteNoteAsAForger(file: string, noteId: string, body: string): void {
  tamperAsAForger(file, (db) => {
    const old = db.prepare('SELECT body FROM note WHERE id = ?').pluck().get(noteId) as string;
    db.prepare('UPDATE note SET body = ? WHERE id = ?').run(body, noteId);
    db.prepare('UPDATE search_index SET body = replace(body, ?, ?) WHERE rowid = (SELECT docid FROM search_doc WHERE record_id = ?)').run(old, body, noteId);
    const rewrite = (row: AuditRow, json: string | null) => (json === null || row.record_id !== noteId ? json : canonicalJson({ ...JSON.parse(json), body }));
    const update = db.prepare('UPDATE audit_log SET before_json = ?, after_json = ?, prev_hash = ?, hash = ? WHERE seq = ?');
    let prev = GENESIS_HASH;
    let seq = 0;
    for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[]) {
      const forged = { ...row, before_json: rewrite(row, row.before_json), after_json: rewrite(row, row.after_json), prev_hash: prev };
      prev = entryHash(forged);
      seq = row.seq;
      update.run(forged.before_json, forged.after_json, forged.prev_hash, prev, seq);
    }
    db.prepare("UPDATE case_meta SET value = ? WHERE key = 'audit_head'").run(`${seq}:${prev}`);
    // The changes' ids are SHA-256s of what each did: worked out again from the rewritten entries.
    db.exec('DELETE FROM change_log; DELETE FROM change_head;');
    fillChangeLog(db);
  });
}
