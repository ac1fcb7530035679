// Files from elsewhere: a case file whose schema is not exactly the one Parley makes for its version (a trigger or
// a view added, an index dropped, a table added) is refused before any of its schema code can run, and left as it
// was; a file from the previous schema version still opens and migrates.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCaseDatabase } from '../../electron/core/db/connection.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from '../../electron/core/db/migrations.js';
import { schemaDifferences } from '../../electron/core/db/schema-check.js';
import { withRawConnection } from './support/files.js';
import { UNDO_LIGHTER_EDITS } from './support/older-schemas.js';
import { CaseWorld, folderState } from './support/world.js';

/** A closed case file with a note, in a session that can open it again. */
function closedCase(): CaseWorld {
  const w = CaseWorld.create();
  w.make('note', { body: 'The ministry hinted at an allied-nation carve-out.' });
  w.api.call('case.close', { caseId: w.caseId });
  return w;
}

const tamperings: [label: string, sql: string, named: RegExp][] = [
  [
    'a trigger added to a record table',
    "CREATE TABLE loot (body TEXT); CREATE TRIGGER copy_notes AFTER INSERT ON note BEGIN INSERT INTO loot VALUES (new.body); END;",
    /unexpected trigger "copy_notes"/,
  ],
  ['a view added', 'CREATE VIEW every_note AS SELECT body FROM note;', /unexpected view "every_note"/],
  ['an index dropped', 'DROP INDEX note_live;', /missing index "note_live"/],
  ['an extra table', 'CREATE TABLE exfiltrate (x TEXT);', /unexpected table "exfiltrate"/],
  ['a table dropped', 'DROP TABLE watch_item;', /missing table "watch_item"/],
  [
    'an audit trigger replaced by one that does nothing',
    'DROP TRIGGER audit_log_no_update; CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT 1; END;',
    /changed trigger "audit_log_no_update"/,
  ],
];

describe('a tampered case file', () => {
  it.each(tamperings)('with %s is refused as unexpected_schema, naming the difference, and left as it was', (_label, sql, named) => {
    const w = closedCase();
    withRawConnection(w.file, (db) => db.exec(sql));
    const before = folderState(path.dirname(w.file));
    const fileBytes = fs.readFileSync(w.file);
    for (const readOnly of [false, true]) {
      const error = w.api.fail('case.open', { path: w.file, readOnly }, 'unexpected_schema');
      expect(error.message).toMatch(named);
      expect(error.message).toMatch(/^case\.parley is not laid out as Parley makes case files/);
      expect(error.message).not.toMatch(/SQLITE|at \w+ \(/);
    }
    expect(folderState(path.dirname(w.file))).toEqual(before);
    expect(fs.readFileSync(w.file).equals(fileBytes)).toBe(true);
    expect(w.api.call('case.listOpen', {})).toEqual([]);
  });

  it('never runs the added trigger: the loot table stays empty after refusing to open', () => {
    const w = closedCase();
    withRawConnection(w.file, (db) => db.exec(tamperings[0]![1]));
    w.api.fail('case.open', { path: w.file }, 'unexpected_schema');
    expect(withRawConnection(w.file, (db) => db.prepare('SELECT count(*) FROM loot').pluck().get())).toBe(0);
  });

  it('lists at most five differences and says how many more there are', () => {
    const w = closedCase();
    withRawConnection(w.file, (db) => db.exec(Array.from({ length: 8 }, (_, i) => `CREATE TABLE extra_${i} (x);`).join('')));
    const error = w.api.fail('case.open', { path: w.file }, 'unexpected_schema');
    expect(error.message).toMatch(/; and 3 more\)/);
  });
});

/** SQL that turns a file of the latest schema back into one of the version before it, keyed by the latest version. */
const UNDO_LATEST_MIGRATION: Record<number, string> = {
  4: 'ALTER TABLE draft DROP COLUMN shareable;',
  5: 'DROP TABLE disclosure;',
  6: 'DROP TABLE review_comment;',
  7: `DROP INDEX deadline_trigger_meeting_id; DROP INDEX deadline_meeting_id; DROP INDEX deadline_one_per_meeting;
      DROP INDEX event_one_per_directive_date;
      ALTER TABLE deadline DROP COLUMN trigger_meeting_id; ALTER TABLE deadline DROP COLUMN meeting_id;
      ALTER TABLE event DROP COLUMN directive_date; ALTER TABLE note DROP COLUMN recorded_on;
      ALTER TABLE decision DROP COLUMN recorded_on; ALTER TABLE position_change DROP COLUMN recorded_on;`,
  8: `DROP TABLE change_log; DROP TABLE change_head; DROP TABLE case_copy; DROP TABLE merge_conflict;
      DROP INDEX draft_revision_number; CREATE UNIQUE INDEX draft_revision_number ON draft_revision(draft_id, revision_number);
      DROP INDEX note_time_of_record_unfilled; DROP INDEX decision_time_of_record_unfilled;
      DROP INDEX position_change_time_of_record_unfilled; DROP INDEX concession_time_of_record_unfilled;`,
  9: 'ALTER TABLE negotiation_issue DROP COLUMN tags; ALTER TABLE precedent DROP COLUMN tags; ALTER TABLE watch_item DROP COLUMN tags;',
  10: 'ALTER TABLE draft DROP COLUMN working_body;',
  11: `DROP INDEX attachment_attached_to; DROP INDEX attachment_text_pending;
      ALTER TABLE attachment DROP COLUMN attached_to_id; ALTER TABLE attachment DROP COLUMN attached_to_kind;
      ALTER TABLE attachment DROP COLUMN text_status; ALTER TABLE attachment DROP COLUMN extracted_text; ALTER TABLE attachment DROP COLUMN text_error;`,
  12: `DROP INDEX watch_item_check_by;
      ALTER TABLE watch_item DROP COLUMN measure; ALTER TABLE watch_item DROP COLUMN bill_or_rule_number;
      ALTER TABLE watch_item DROP COLUMN jurisdiction; ALTER TABLE watch_item DROP COLUMN stage;
      ALTER TABLE watch_item DROP COLUMN sponsors; ALTER TABLE watch_item DROP COLUMN source_reference;
      ALTER TABLE watch_item DROP COLUMN check_by; ALTER TABLE watch_item DROP COLUMN likelihood;
      ALTER TABLE watch_item DROP COLUMN stage_changed_at; ALTER TABLE watch_item DROP COLUMN triggered_at;
      ALTER TABLE negotiation_issue DROP COLUMN reviewed_at; ALTER TABLE negotiation_issue DROP COLUMN reviewed_by;`,
  13: UNDO_LIGHTER_EDITS,
};

describe('an untampered case file', () => {
  it('opens, also after closing has added the query planner statistics (sqlite_stat1) and whitespace is irrelevant', () => {
    const w = closedCase();
    withRawConnection(w.file, (db) => db.exec('ANALYZE;'));
    expect(withRawConnection(w.file, (db) => db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'").pluck().get())).toBe(1);
    expect(w.api.call('case.open', { path: w.file }).caseId).toBe(w.caseId);
  });

  it('from the previous schema version opens, migrates to the latest and keeps its records', () => {
    const w = closedCase();
    const [previous, last] = MIGRATIONS.slice(-2) as [Migration, Migration];
    // The previous version is this file with the last migration undone, as an older Parley left it. A new migration
    // adds its undo here (the test says so when it is missing).
    const undo = UNDO_LATEST_MIGRATION[last.version];
    expect(undo, `UNDO_LATEST_MIGRATION needs the SQL that undoes migration ${last.name}`).toBeDefined();
    withRawConnection(w.file, (db) => {
      db.exec(undo!);
      db.pragma(`user_version = ${previous.version}`);
    });
    const info = w.api.call('case.open', { path: w.file });
    expect(info.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(info.counts.note).toBe(1);
    expect(fs.readdirSync(path.dirname(w.file)).some((f) => f.includes(`.v${previous.version}-`))).toBe(true);
  });

  it('opened by Parley keeps trusted_schema off and cell_size_check on, with only main attached', () => {
    const w = closedCase();
    const db = openCaseDatabase(w.file);
    try {
      expect(db.pragma('trusted_schema', { simple: true })).toBe(0);
      expect(db.pragma('cell_size_check', { simple: true })).toBe(1);
      expect((db.pragma('database_list') as { name: string }[]).map((d) => d.name)).toEqual(['main']);
    } finally {
      db.close();
    }
  });
});

describe('schemaDifferences', () => {
  const obj = (type: string, name: string, sql: string | null) => [`${type} ${name}`, { type, name, table: 'note', sql }] as const;

  it('reports nothing for equal schemas and each kind of difference otherwise', () => {
    const expected = new Map([obj('table', 'note', 'CREATE TABLE note(id)'), obj('index', 'note_live', 'CREATE INDEX x')]);
    expect(schemaDifferences(new Map(expected), expected)).toEqual([]);
    const actual = new Map([obj('table', 'note', 'CREATE TABLE note(id,extra)'), obj('view', 'v', 'CREATE VIEW v AS SELECT 1')]);
    expect(schemaDifferences(actual, expected)).toEqual(['a changed table "note"', 'an unexpected view "v"', 'a missing index "note_live"']);
  });
});
