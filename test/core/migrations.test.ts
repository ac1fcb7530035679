// Migrations: the list in electron/core/db/migrations.ts is exactly the files in migrations/, each migration works
// from the version before it, each is one transaction with its user_version, and an existing file is copied
// beside itself with VACUUM INTO before it is changed.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/connection.js';
import { applyMigrations, LATEST_SCHEMA_VERSION, MIGRATIONS, PARLEY_APPLICATION_ID, type Migration } from '../../electron/core/db/migrations.js';
import { allChanges, changeIdOf, changeLogBehind, ChangeLog, fillChangeLog } from '../../electron/core/store/change-log.js';
import { RecordTable } from '../../electron/core/store/record-table.js';
import { KINDS, KIND_NAMES, type KindName } from '../../shared/records.js';
import { tempDir } from '../helpers.js';
import { rawConnection } from './support/files.js';
import { CaseWorld } from './support/world.js';

const MIGRATIONS_DIR = path.join(import.meta.dirname, '..', '..', 'migrations');

function emptyDatabase() {
  const db = rawConnection(path.join(tempDir(), 'empty.parley'), { create: true });
  db.pragma('journal_mode = WAL');
  return db;
}

type Db = ReturnType<typeof rawConnection>;

const tables = (db: Db) =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];

/** A case file at the latest version with a few notes, closed, and a connection to it. */
function latestCaseFile() {
  const w = CaseWorld.create();
  const notes = [w.make('note'), w.make('note', { body: 'Second note' })].map((n) => n.id).sort();
  w.api.call('case.close', { caseId: w.caseId });
  return { file: w.file, notes, db: rawConnection(w.file) };
}

const nextVersion = LATEST_SCHEMA_VERSION + 1;

/** Kinds whose table a later migration made, and its version: the checks of earlier migrations leave them out. */
const ADDED_BY: Partial<Record<KindName, number>> = { disclosure: 5, reviewComment: 6 };
const kindsAt = (version: number) => KIND_NAMES.filter((k) => (ADDED_BY[k] ?? 1) <= version);
const addNoteTopic: Migration = { version: nextVersion, name: `${nextVersion}_note_topic`, sql: 'ALTER TABLE note ADD COLUMN topic TEXT;' };

describe('the migration list', () => {
  it('is every file in migrations/, in order, numbered 1, 2, 3 ... with no gaps, with the files as they are', () => {
    const files = fs.readdirSync(MIGRATIONS_DIR).sort();
    expect(files.every((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)), files.join(', ')).toBe(true);
    expect(MIGRATIONS.map((m) => m.name)).toEqual(files.map((f) => f.replace(/\.sql$/, '')));
    expect(MIGRATIONS.map((m) => m.version)).toEqual(files.map((f) => Number(f.slice(0, 4))));
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => i + 1));
    for (const m of MIGRATIONS) expect(m.sql).toBe(fs.readFileSync(path.join(MIGRATIONS_DIR, `${m.name}.sql`), 'utf8'));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version);
  });
});

/**
 * The test of each migration: what to put into a file at the version before it, and what must hold after it.
 * A new migration needs an entry here (a test below fails without one).
 */
const MIGRATION_TESTS: Record<number, { seed: (db: Db) => void; check: (db: Db) => void }> = {
  1: {
    seed: (db) => expect(tables(db)).toEqual([]), // 0001 starts from an empty database
    check: (db) => {
      expect(db.pragma('application_id', { simple: true })).toBe(PARLEY_APPLICATION_ID);
      expect(tables(db)).toEqual(expect.arrayContaining([...kindsAt(1).map((k) => KINDS[k].table), 'audit_log', 'case_meta', 'search_doc', 'search_index']));
      const at = new Date().toISOString();
      // A kind no later migration has changed, since the record tables know the columns of the latest version. The row
      // alone: the write path's audit entry needs the change log of version 8.
      const party = { id: '0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e01', version: 1, createdAt: at, createdBy: 'T', updatedAt: at, updatedBy: 'T', deletedAt: null, deletedBy: null, name: 'Ministry', partyKind: 'organization', side: 'theirs', role: null, organization: null, contact: null, notes: 'Hello' };
      new RecordTable(db, 'party').insert(party);
      expect(new RecordTable(db, 'party').get(party.id)).toEqual(party);
    },
  },
  2: {
    seed: (db) => {
      const at = new Date().toISOString();
      // Plain SQL: the write path knows the columns of the latest version, not of version 1.
      const note = db.prepare(`INSERT INTO note (id, body, created_at, created_by, updated_at, updated_by, deleted_at, deleted_by) VALUES (?, 'Hello', ?, 'T', ?, 'T', ?, ?)`);
      note.run('0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e01', at, at, null, null);
      note.run('0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e02', at, at, at, 'T');
    },
    check: (db) => {
      const count = 'SELECT count(*) FROM note WHERE deleted_at IS NULL';
      expect(db.prepare(count).pluck().get()).toBe(1);
      expect((db.prepare(`EXPLAIN QUERY PLAN ${count}`).all() as { detail: string }[]).map((r) => r.detail).join()).toMatch(/note_live/);
      for (const kind of kindsAt(2)) {
        const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT count(*) FROM ${KINDS[kind].table} WHERE deleted_at IS NULL`).all() as { detail: string }[];
        expect(plan.map((r) => r.detail).join()).toContain(`${KINDS[kind].table}_live`);
      }
    },
  },
  3: {
    // Version 2's columns only, so plain SQL: the write path knows the columns of the latest version.
    seed: (db) => {
      const at = '2026-11-20T15:00:00.000Z';
      const meta = `1, '${at}', 'T', '${at}', 'T'`;
      db.prepare(`INSERT INTO directive (id, title, status, version, created_at, created_by, updated_at, updated_by) VALUES ('0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e00', 'Order', 'received', ${meta})`).run();
      db.prepare(`INSERT INTO deadline (id, title, deadline_kind, status, due_type, due_date, version, created_at, created_by, updated_at, updated_by) VALUES ('0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e01', 'Reply', 'response', 'open', 'date', '2027-01-06', ${meta})`).run();
    },
    check: (db) => {
      // Plain SQL: the write path knows the columns of the latest version, not of version 3.
      const directive = db.prepare('SELECT title, holiday_calendar_id AS calendar, closures FROM directive').get();
      const deadline = db.prepare("SELECT title, due_date AS dueDate, reminder_state AS reminderState FROM deadline WHERE id = '0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e01'").get();
      // Existing records keep every value and get the new fields empty: US federal holidays, no closures, no snoozes.
      expect(directive).toEqual({ title: 'Order', calendar: null, closures: null });
      expect(deadline).toEqual({ title: 'Reply', dueDate: '2027-01-06', reminderState: null });
      const closures = JSON.stringify([{ date: '2026-12-24', name: 'Office closed' }]);
      const reminderState = JSON.stringify({ dismissed: ['k'], snoozedUntil: { j: '2027-01-01T00:00:00Z' } });
      db.prepare("UPDATE directive SET holiday_calendar_id = 'us-federal', closures = ?").run(closures);
      db.prepare('UPDATE deadline SET reminder_state = ?').run(reminderState);
      expect(db.prepare('SELECT holiday_calendar_id AS calendar, closures FROM directive').get()).toEqual({ calendar: 'us-federal', closures });
      expect(db.prepare('SELECT reminder_state FROM deadline').pluck().get()).toBe(reminderState);
      expect(() => db.prepare("UPDATE deadline SET reminder_state = 'not json'").run()).toThrow(/CHECK/);
      expect(() => db.prepare("UPDATE directive SET closures = 'not json'").run()).toThrow(/CHECK/);
    },
  },
  4: {
    seed: (db) => {
      const at = new Date().toISOString();
      db.prepare(`INSERT INTO draft (id, title, draft_type, status, created_at, created_by, updated_at, updated_by)
        VALUES ('0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e03', 'Brief: terms meeting', 'meeting_brief', 'working', ?, 'T', ?, 'T')`).run(at, at);
    },
    check: (db) => {
      // The draft made before the column reads as not shareable; new drafts say which variant they are. Plain SQL:
      // the draft's table gains a column later (0010).
      const shareableOf = (id: string) => db.prepare('SELECT title, shareable FROM draft WHERE id = ?').get(id);
      expect(shareableOf('0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e03')).toEqual({ title: 'Brief: terms meeting', shareable: null });
      const at = new Date().toISOString();
      db.prepare(`INSERT INTO draft (id, title, draft_type, status, shareable, created_at, created_by, updated_at, updated_by)
        VALUES ('0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e04', 'Brief (shareable)', 'meeting_brief', 'working', 1, ?, 'T', ?, 'T')`).run(at, at);
      expect(shareableOf('0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e04')).toEqual({ title: 'Brief (shareable)', shareable: 1 });
      expect(() => db.prepare(`UPDATE draft SET shareable = 2 WHERE id = ?`).run('0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e04')).toThrow(/CHECK/);
    },
  },
  5: {
    seed: (db) => {
      const at = new Date().toISOString();
      db.prepare(`INSERT INTO negotiation_issue (id, title, priority, status, our_target, created_at, created_by, updated_at, updated_by)
        VALUES ('0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e05', 'Scope', 'high', 'open', 'Allied carve-out', ?, 'T', ?, 'T')`).run(at, at);
    },
    check: (db) => {
      // A file from before holds no sharing choices: every record and field keeps the registry's default.
      const table = (kind: KindName) => new RecordTable(db, kind);
      // Plain SQL: the issue's table gains columns later (0009).
      expect(db.prepare(`SELECT our_target FROM negotiation_issue WHERE id = '0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e05'`).pluck().get()).toBe('Allied carve-out');
      expect(table('disclosure').count()).toBe(0);
      const at = new Date().toISOString();
      const choice = { id: '0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e06', version: 1, createdAt: at, createdBy: 'T', updatedAt: at, updatedBy: 'T', deletedAt: null, deletedBy: null, recordKind: 'issue', recordId: '0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e05', field: 'ourTarget', level: 'shareable' };
      table('disclosure').insert(choice);
      expect(table('disclosure').get(choice.id)).toEqual(choice);
      expect(() => db.prepare(`UPDATE disclosure SET level = 'secret' WHERE id = ?`).run(choice.id)).toThrow(/CHECK/);
    },
  },
  6: {
    // Plain SQL into a table every earlier version has: the version before this one may be any of them.
    seed: (db) => {
      const at = '2026-11-20T15:00:00.000Z';
      db.prepare(`INSERT INTO negotiation_issue (id, title, priority, status, created_at, created_by, updated_at, updated_by)
        VALUES ('0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e05', 'Scope of the suspension', 'high', 'open', ?, 'T', ?, 'T')`).run(at, at);
    },
    check: (db) => {
      const table = (kind: KindName) => new RecordTable(db, kind);
      expect(db.prepare(`SELECT title FROM negotiation_issue WHERE id = '0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e05'`).pluck().get()).toBe('Scope of the suspension');
      const at = new Date().toISOString();
      const comment = {
        id: '0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e06', version: 1, createdAt: at, createdBy: 'T', updatedAt: at, updatedBy: 'T', deletedAt: null, deletedBy: null,
        commentId: '0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e07', recordKind: 'issue', recordId: '0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e05', recordTitle: 'Scope of the suspension',
        text: 'Our walk-away looks too high.', reviewer: 'R', reviewedAt: at, reviewedAuditHead: '', resolvedAt: null, resolvedBy: null, commentsSha256: 'a'.repeat(64),
      };
      table('reviewComment').insert(comment);
      expect(table('reviewComment').get(comment.id)).toEqual(comment);
      // One record per comment of a reviewer; a comment is about a record of a kind the case has, never a comment.
      const insertAgain = () => table('reviewComment').insert({ ...comment, id: '0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e08' });
      expect(insertAgain).toThrow(/UNIQUE/);
      expect(() => db.prepare(`UPDATE review_comment SET record_kind = 'reviewComment'`).run()).toThrow(/CHECK/);
    },
  },
  7: {
    // Plain SQL, with the columns a file of version 6 has.
    seed: (db) => {
      const at = '2026-12-03T15:00:00.000Z';
      const meta = `1, '${at}', 'T', '${at}', 'T'`;
      db.prepare(`INSERT INTO meeting (id, title, status, meeting_date, version, created_at, created_by, updated_at, updated_by) VALUES ('0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e10', 'Terms meeting', 'planned', '2026-12-03', ${meta})`).run();
      db.prepare(`INSERT INTO note (id, meeting_id, body, version, created_at, created_by, updated_at, updated_by) VALUES ('0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e11', '0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e10', 'They asked for a carve-out', ${meta})`).run();
      db.prepare(`INSERT INTO deadline (id, title, deadline_kind, status, due_type, version, created_at, created_by, updated_at, updated_by) VALUES ('0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e12', 'Terms meeting', 'meeting', 'open', 'tbd', ${meta})`).run();
    },
    check: (db) => {
      // Existing rows keep every value; the new fields start empty (the core fills the time of record on opening).
      const table = (kind: KindName) => new RecordTable(db, kind);
      expect(table('note').get('0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e11')).toMatchObject({ body: 'They asked for a carve-out', recordedOn: null });
      const deadline = table('deadline').get('0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e12')!;
      expect(deadline).toMatchObject({ meetingId: null, triggerMeetingId: null });
      table('deadline').replace({ ...deadline, meetingId: '0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e10', version: 2 }, deadline);
      expect(table('deadline').get(deadline.id)).toMatchObject({ meetingId: '0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e10' });
      // One live deadline per meeting, one live event per directive date, and a meeting that exists.
      const at = '2026-12-04T00:00:00.000Z';
      expect(() => db.prepare(`INSERT INTO deadline (id, title, deadline_kind, status, due_type, meeting_id, created_at, created_by, updated_at, updated_by) VALUES ('0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e13', 'Twin', 'meeting', 'open', 'tbd', '0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e10', '${at}', 'T', '${at}', 'T')`).run()).toThrow(/UNIQUE/);
      db.prepare(`INSERT INTO event (id, title, event_kind, occurred_on, directive_date, created_at, created_by, updated_at, updated_by) VALUES ('0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e14', 'Order received', 'order_received', '2026-11-20', 'receivedOn', '${at}', 'T', '${at}', 'T')`).run();
      expect(() => db.prepare(`UPDATE event SET directive_date = 'sentOn'`).run()).toThrow(/CHECK/);
      expect(() => db.prepare(`INSERT INTO event (id, title, event_kind, occurred_on, directive_date, created_at, created_by, updated_at, updated_by) VALUES ('0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e15', 'Again', 'order_received', '2026-11-21', 'receivedOn', '${at}', 'T', '${at}', 'T')`).run()).toThrow(/UNIQUE/);
    },
  },
  8: {
    // Two audit entries about one note, as a file of version 7 holds them (plain SQL; the chain is not checked here).
    seed: (db) => {
      const entry = db.prepare(`INSERT INTO audit_log (seq, at, actor, operation, record_kind, record_id, before_json, after_json, reason, prev_hash, hash) VALUES (?, ?, 'T', ?, 'note', '0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e11', ?, ?, NULL, ?, ?)`);
      entry.run(1, '2026-12-03T15:00:00.000Z', 'create', null, '{"body":"Carve-out","id":"0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e11"}', '0'.repeat(64), '1'.repeat(64));
      entry.run(2, '2026-12-04T15:00:00.000Z', 'update', '{"body":"Carve-out","id":"0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e11"}', '{"body":"Carve-out for EU staff","id":"0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e11"}', '1'.repeat(64), '2'.repeat(64));
    },
    check: (db) => {
      // The entries made before get their changes when the core first opens the file for editing: the same ids in any
      // copy of it (the SHA-256 of what each did), each made on the one before.
      expect(changeLogBehind(db)).toBe(true);
      db.transaction(() => fillChangeLog(db))();
      expect(changeLogBehind(db)).toBe(false);
      const [create, update] = [...allChanges(db)];
      expect(create).toMatchObject({ op: 'create', parents: [], copy: null, patch: { body: 'Carve-out' } });
      expect(update).toMatchObject({ op: 'update', parents: [create!.id], patch: { body: 'Carve-out for EU staff' } });
      expect(update!.id).toBe(changeIdOf({ ...update!, id: undefined } as never));
      expect(new ChangeLog(db).heads('0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e11')).toEqual([update!.id]);
      expect(() => db.prepare('UPDATE change_log SET parents = ?').run('[]')).toThrow(/append-only/);
      expect(db.prepare('SELECT count(*) FROM merge_conflict').pluck().get()).toBe(0);
    },
  },
  9: {
    // An issue, a precedent and a watch item, as a file of version 8 holds them (plain SQL).
    seed: (db) => {
      const meta = `1, '2026-12-03T15:00:00.000Z', 'T', '2026-12-03T15:00:00.000Z', 'T'`;
      db.prepare(`INSERT INTO negotiation_issue (id, title, priority, status, version, created_at, created_by, updated_at, updated_by) VALUES ('0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e20', 'Access', 'high', 'open', ${meta})`).run();
      db.prepare(`INSERT INTO precedent (id, title, precedent_type, version, created_at, created_by, updated_at, updated_by) VALUES ('0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e21', 'Acme v. Commerce', 'court_decision', ${meta})`).run();
      db.prepare(`INSERT INTO watch_item (id, title, status, version, created_at, created_by, updated_at, updated_by) VALUES ('0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e22', 'Policy change', 'watching', ${meta})`).run();
    },
    check: (db) => {
      // Existing records keep every value and have no tags; tags are stored and read back as a list; JSON only.
      const ids = { issue: '0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e20', precedent: '0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e21', watchItem: '0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e22' } as const;
      // Plain SQL: the record tables know only the latest columns, which migration 0012 added to two of these kinds.
      for (const [kind, id] of Object.entries(ids) as [KindName, string][]) {
        const row = (sql: string) => db.prepare(`${sql} FROM ${KINDS[kind].table} WHERE id = ?`).get(id);
        expect(row('SELECT tags, version')).toEqual({ tags: null, version: 1 });
        db.prepare(`UPDATE ${KINDS[kind].table} SET tags = ?, version = 2 WHERE id = ?`).run(JSON.stringify(['fallback', 'Phase 2']), id);
        expect(row('SELECT tags')).toEqual({ tags: '["fallback","Phase 2"]' });
        expect(() => db.prepare(`UPDATE ${KINDS[kind].table} SET tags = 'not json'`).run()).toThrow(/CHECK/);
      }
    },
  },
  10: {
    // A draft with one revision, as a file of version 9 holds it (plain SQL).
    seed: (db) => {
      const meta = `1, '2026-12-03T15:00:00.000Z', 'T', '2026-12-03T15:00:00.000Z', 'T'`;
      db.prepare(`INSERT INTO draft (id, title, draft_type, status, version, created_at, created_by, updated_at, updated_by) VALUES ('0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e30', 'Brief', 'memo', 'working', ${meta})`).run();
      db.prepare(`INSERT INTO draft_revision (id, draft_id, revision_number, format, body, version, created_at, created_by, updated_at, updated_by) VALUES ('0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e31', '0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e30', 1, 'markdown', '# Brief', ${meta})`).run();
    },
    check: (db) => {
      // The draft keeps every value and has no working text: its revision holds its text. Working text is stored and read back.
      const table = new RecordTable(db, 'draft');
      const rec = table.get('0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e30')!;
      expect(rec).toMatchObject({ title: 'Brief', workingBody: null, version: 1 });
      const working = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph' }] });
      table.replace({ ...rec, workingBody: working, version: 2 }, rec);
      expect(table.get(rec.id)).toMatchObject({ workingBody: working });
      expect(new RecordTable(db, 'draftRevision').get('0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e31')).toMatchObject({ body: '# Brief', revisionNumber: 1 });
    },
  },
  11: {
    // An attachment, as a file of version 10 holds it (plain SQL).
    seed: (db) => {
      const meta = `1, '2026-12-03T15:00:00.000Z', 'T', '2026-12-03T15:00:00.000Z', 'T'`;
      db.prepare(`INSERT INTO attachment (id, name, media_type, size, sha256, bytes, version, created_at, created_by, updated_at, updated_by) VALUES ('0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e40', 'Order.pdf', 'application/pdf', 2, '${'0'.repeat(64)}', x'2550', ${meta})`).run();
    },
    check: (db) => {
      // The attachment keeps every value, attached to the case, its text not yet read (null: read at the next opening
      // for editing). Its place and text are stored and read back; a kind a link cannot reach, or a place half given, is refused.
      const table = new RecordTable(db, 'attachment');
      const rec = table.get('0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e40')!;
      expect(rec).toMatchObject({ name: 'Order.pdf', size: 2, attachedToKind: null, attachedToId: null, textStatus: null, extractedText: null, textError: null, version: 1 });
      const placed = { ...rec, attachedToKind: 'note' as const, attachedToId: '0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e41', textStatus: 'extracted' as const, extractedText: 'The order.', version: 2 };
      table.replace(placed, rec);
      expect(table.get(rec.id)).toMatchObject({ attachedToKind: 'note', textStatus: 'extracted', extractedText: 'The order.' });
      expect(() => db.prepare(`UPDATE attachment SET attached_to_kind = 'link'`).run()).toThrow(/CHECK/);
      expect(() => db.prepare('UPDATE attachment SET attached_to_id = NULL').run()).toThrow(/CHECK/);
      expect(() => db.prepare(`UPDATE attachment SET text_status = 'done'`).run()).toThrow(/CHECK/);
      },
    },
  12: {
    // A triggered watch item and an issue, as a file of the version before holds them (plain SQL).
    seed: (db) => {
      const meta = `1, '2026-12-04T09:00:00.000Z', 'T', '2026-12-04T09:00:00.000Z', 'T'`;
      db.prepare(`INSERT INTO watch_item (id, title, status, triggered_on, version, created_at, created_by, updated_at, updated_by) VALUES ('0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e40', 'A bill', 'triggered', '2026-12-01', ${meta})`).run();
      db.prepare(`INSERT INTO negotiation_issue (id, title, priority, status, version, created_at, created_by, updated_at, updated_by) VALUES ('0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e41', 'Scope', 'high', 'open', ${meta})`).run();
    },
    check: (db) => {
      // Both keep every value with nothing tracked and no review; the new fields are stored and read back; a stage
      // or measure outside the lists is refused by the file itself.
      const watch = new RecordTable(db, 'watchItem');
      const item = watch.get('0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e40')!;
      expect(item).toMatchObject({ title: 'A bill', triggeredOn: '2026-12-01', measure: null, stage: null, sponsors: null, checkBy: null, stageChangedAt: null, triggeredAt: null });
      const tracked = { measure: 'bill', billOrRuleNumber: 'H.R. 4512', jurisdiction: 'U.S. House', stage: 'in_committee', sponsors: ['Rep. Ortiz', 'Rep. Hale'], sourceReference: 'congress.gov/bill/119th-congress/house-bill/4512', checkBy: '2026-12-20', likelihood: 'medium', stageChangedAt: '2026-12-05T10:00:00.000Z' } as const;
      watch.replace({ ...item, ...tracked, version: 2 }, item);
      expect(watch.get(item.id)).toMatchObject(tracked);
      expect(() => db.prepare(`UPDATE watch_item SET stage = 'tabled'`).run()).toThrow(/CHECK/);
      expect(() => db.prepare(`UPDATE watch_item SET measure = 'treaty'`).run()).toThrow(/CHECK/);
      const issues = new RecordTable(db, 'issue');
      const issue = issues.get('0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e41')!;
      expect(issue).toMatchObject({ title: 'Scope', reviewedAt: null, reviewedBy: null });
      issues.replace({ ...issue, reviewedAt: '2026-12-06T08:00:00.000Z', reviewedBy: 'Dana', version: 2 }, issue);
      expect(issues.get(issue.id)).toMatchObject({ reviewedAt: '2026-12-06T08:00:00.000Z', reviewedBy: 'Dana' });
    },
  },
  13: {
    // As a file of version 12 holds them (plain SQL): a note changed twice here, its head its last change; an issue
    // changed here and in another copy at once, merged, with two heads.
    seed: (db) => {
      const entry = db.prepare(`INSERT INTO audit_log (seq, at, actor, operation, record_kind, record_id, before_json, after_json, reason, prev_hash, hash) VALUES (?, '2026-12-07T15:00:00.000Z', 'T', ?, ?, ?, NULL, '{}', NULL, ?, ?)`);
      const change = db.prepare('INSERT INTO change_log (seq, change_id, parents, copy_id, patch) VALUES (?, ?, ?, NULL, NULL)');
      const head = db.prepare('INSERT INTO change_head (record_id, change_id) VALUES (?, ?)');
      const [note, issue] = ['0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e50', '0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e51'];
      const rows: [string, string, string, string][] = [[note, 'note', 'create', '[]'], [note, 'note', 'update', '["a1"]'], [issue, 'negotiation_issue', 'create', '[]'], [issue, 'negotiation_issue', 'update', '["a3"]'], [issue, 'negotiation_issue', 'update', '["a3"]']];
      rows.forEach(([id, kind, op, parents], i) => {
        entry.run(i + 1, op, kind, id, String(i).repeat(64), String(i + 1).repeat(64));
        change.run(i + 1, `a${i + 1}`.padEnd(64, '0'), parents.replace(/a\d/g, (p) => p.padEnd(64, '0')));
      });
      head.run(note, 'a2'.padEnd(64, '0'));
      head.run(issue, 'a4'.padEnd(64, '0'));
      head.run(issue, 'a5'.padEnd(64, '0'));
    },
    check: (db) => {
      // Every entry as it was, in order; the note's single head is no longer a row but reads the same; the issue's two stay.
      expect(db.prepare('SELECT seq, prev_hash, hash FROM audit_log ORDER BY seq').all()).toEqual([1, 2, 3, 4, 5].map((seq) => ({ seq, prev_hash: String(seq - 1).repeat(64), hash: String(seq).repeat(64) })));
      expect(db.prepare('SELECT record_id FROM change_head ORDER BY change_id').pluck().all()).toEqual(['0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e51', '0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e51']);
      const log = new ChangeLog(db);
      expect(log.heads('0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e50')).toEqual(['a2'.padEnd(64, '0')]);
      expect(log.heads('0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e51').sort()).toEqual(['a4'.padEnd(64, '0'), 'a5'.padEnd(64, '0')]);
      // The trail is still append-only, its index by record still there; a hash is no longer indexed as unique.
      expect(() => db.prepare('UPDATE audit_log SET actor = ?').run('X')).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
      expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_log'").pluck().get()).toBe(1);
      // The change log likewise: every change as it was, append-only, its id no longer indexed as unique.
      expect(db.prepare('SELECT seq, change_id FROM change_log ORDER BY seq').raw().all()).toEqual([1, 2, 3, 4, 5].map((seq) => [seq, `a${seq}`.padEnd(64, '0')]));
      expect(() => db.prepare('UPDATE change_log SET copy_id = ?').run('X')).toThrow(/append-only/);
      expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'change_log'").pluck().get()).toBe(0);
    },
  },
};

describe('each migration', () => {
  it('has its test', () => {
    expect(Object.keys(MIGRATION_TESTS).map(Number)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it.each(MIGRATIONS.map((m) => [m.name, m] as const))('%s: from the version before, with data, to its own version', (_name, m) => {
    const db = emptyDatabase();
    try {
      const before = MIGRATIONS[MIGRATIONS.indexOf(m) - 1]?.version ?? 0; // the listed version before
      applyMigrations(db, 0, before);
      MIGRATION_TESTS[m.version]!.seed(db);
      applyMigrations(db, before, m.version);
      expect(db.pragma('user_version', { simple: true })).toBe(m.version);
      MIGRATION_TESTS[m.version]!.check(db);
    } finally {
      db.close();
    }
  });
});

describe('migrating a file', () => {
  it('copies an older file beside itself with VACUUM INTO, then migrates it; the copy is whole and unchanged', () => {
    const { file, notes, db } = latestCaseFile();
    let backup: string | null;
    try {
      backup = migrate(db, file, [...MIGRATIONS, addNoteTopic]);
      expect(db.pragma('user_version', { simple: true })).toBe(nextVersion);
      expect((db.pragma('table_info(note)') as { name: string }[]).map((c) => c.name)).toContain('topic');
    } finally {
      db.close();
    }
    expect(backup).not.toBeNull();
    expect(path.dirname(backup!)).toBe(path.dirname(file));
    expect(path.basename(backup!)).toMatch(new RegExp(`^case\\.parley\\.v${LATEST_SCHEMA_VERSION}-.+\\.backup\\.parley$`));
    const copy = rawConnection(backup!, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(copy.prepare('SELECT id FROM note ORDER BY id').pluck().all()).toEqual(notes);
      expect((copy.pragma('table_info(note)') as { name: string }[]).map((c) => c.name)).not.toContain('topic');
    } finally {
      copy.close();
    }
  });

  it('takes no copy of a file that is already at the latest version, or of a new empty one', () => {
    const { file, db } = latestCaseFile();
    try {
      expect(migrate(db, file)).toBeNull();
    } finally {
      db.close();
    }
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.includes('backup'))).toEqual([]);
    const empty = emptyDatabase();
    try {
      expect(migrate(empty, empty.name)).toBeNull();
      expect(empty.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    } finally {
      empty.close();
    }
  });

  it('applies each migration with its version in one transaction: a failing one leaves the file at the version before', () => {
    const { file, notes, db } = latestCaseFile();
    const broken: Migration = { version: nextVersion, name: 'broken', sql: 'ALTER TABLE note ADD COLUMN topic TEXT; CREATE TABLE note (x);' };
    try {
      expect(() => migrate(db, file, [...MIGRATIONS, broken])).toThrow(/already exists/);
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect((db.pragma('table_info(note)') as { name: string }[]).map((c) => c.name)).not.toContain('topic');
      expect(db.prepare('SELECT id FROM note ORDER BY id').pluck().all()).toEqual(notes);
    } finally {
      db.close();
    }
  });
});
