// The baseline an edit is judged against: a bare driver insert into a scratch database with the case file's
// connection settings (WAL, synchronous=FULL), timed in the same run, call by call, so both meet the same load.
import crypto from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../electron/core/db/connection.js';
import { summarize, time, type Summary } from './stats.js';
import { TextGen } from './text.js';

const BARE_DDL = `CREATE TABLE deadline (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36), title TEXT NOT NULL, deadline_kind TEXT NOT NULL, status TEXT NOT NULL,
  due_type TEXT NOT NULL, due_date TEXT, due_time TEXT, time_zone TEXT, due_at TEXT, window_start TEXT, window_end TEXT,
  confidence TEXT, owner TEXT, owner_party_id TEXT, rule TEXT, trigger_deadline_id TEXT, trigger_event_id TEXT,
  reminder_offsets_minutes TEXT, notes TEXT, version INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL,
  created_by TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL, deleted_at TEXT, deleted_by TEXT
) STRICT`;

export interface BareDatabase {
  db: Db;
  insert: (i: number) => void;
}

/** A scratch database with the case file's connection settings, for the bare-insert baseline. */
export function bareDatabase(file: string): BareDatabase {
  const db = new Database(file);
  for (const p of ['trusted_schema = OFF', 'cell_size_check = ON', 'mmap_size = 0', 'foreign_keys = ON', 'temp_store = MEMORY', 'journal_mode = WAL', 'synchronous = FULL']) db.pragma(p);
  db.exec(BARE_DDL);
  const st = db.prepare(`INSERT INTO deadline (id, title, deadline_kind, status, due_type, due_date, owner, notes, created_at, created_by, updated_at, updated_by)
    VALUES (@id, @title, 'response', 'open', 'date', '2026-07-01', 'A. Moreau', @notes, @at, 'Bench Counsel', @at, 'Bench Counsel')`);
  const g = new TextGen(99);
  return {
    db,
    insert: (i) => {
      const at = new Date().toISOString();
      st.run({ id: crypto.randomUUID(), title: `${g.title()} #${i}`, notes: g.sentence(), at });
    },
  };
}

/**
 * `rounds` edits alternating one by one with as many bare inserts, after 10 of each untimed; the ratio's p50 and
 * p95 are the edits' over the inserts'.
 */
export function editsAgainstBareInserts(rounds: number, edit: (i: number) => void, bare: BareDatabase): { edits: Summary; inserts: Summary; ratio: Summary } {
  for (let i = 0; i < 10; i++) {
    edit(-1);
    bare.insert(-1);
  }
  const edits: number[] = [];
  const inserts: number[] = [];
  for (let i = 0; i < rounds; i++) {
    edits.push(time(() => edit(i)));
    inserts.push(time(() => bare.insert(i)));
  }
  const e = summarize(edits);
  const b = summarize(inserts);
  return { edits: e, inserts: b, ratio: { ...e, p50: e.p50 / b.p50, p95: e.p95 / b.p95 } };
}
