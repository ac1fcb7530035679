// The ordered list of schema migrations. Each is a numbered SQL file in migrations/, bundled as text so that
// the command line, the tests and the packaged app all carry the same SQL. A test checks that every file in
// migrations/ is listed here, in order, numbered 1, 2, 3 ... without gaps. Applying them is here too, so that
// connection.ts (opening and migrating files) and schema-check.ts (the schema they make) both build on this file.
import type Database from 'better-sqlite3-multiple-ciphers';
import m0001 from '../../../migrations/0001_case_file.sql';
import m0002 from '../../../migrations/0002_live_record_indexes.sql';
import m0003 from '../../../migrations/0003_deadline_calendar_and_reminders.sql';
import m0004 from '../../../migrations/0004_draft_shareable.sql';
import m0005 from '../../../migrations/0005_disclosure.sql';
import m0006 from '../../../migrations/0006_review_comments.sql';
import m0007 from '../../../migrations/0007_scenario_loop.sql';
import m0008 from '../../../migrations/0008_copies_and_merge.sql';
import m0009 from '../../../migrations/0009_tags.sql';
import m0010 from '../../../migrations/0010_draft_working_text.sql';
import m0011 from '../../../migrations/0011_attachment_text.sql';
import m0012 from '../../../migrations/0012_legislation_tracking.sql';
import m0013 from '../../../migrations/0013_lighter_edits.sql';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '0001_case_file', sql: m0001 },
  { version: 2, name: '0002_live_record_indexes', sql: m0002 },
  { version: 3, name: '0003_deadline_calendar_and_reminders', sql: m0003 },
  { version: 4, name: '0004_draft_shareable', sql: m0004 },
  { version: 5, name: '0005_disclosure', sql: m0005 },
  { version: 6, name: '0006_review_comments', sql: m0006 },
  { version: 7, name: '0007_scenario_loop', sql: m0007 },
  { version: 8, name: '0008_copies_and_merge', sql: m0008 },
  { version: 9, name: '0009_tags', sql: m0009 },
  { version: 10, name: '0010_draft_working_text', sql: m0010 },
  { version: 11, name: '0011_attachment_text', sql: m0011 },
  { version: 12, name: '0012_legislation_tracking', sql: m0012 },
  { version: 13, name: '0013_lighter_edits', sql: m0013 },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** PRAGMA application_id of every Parley case file: the bytes "PRLY". */
export const PARLEY_APPLICATION_ID = 0x50524c59;

/** Applies migrations after `from` up to `to`, each with its user_version in one transaction. */
export function applyMigrations(db: Database.Database, from: number, to: number, migrations: readonly Migration[] = MIGRATIONS): void {
  for (const m of migrations) {
    if (m.version <= from || m.version > to) continue;
    db.transaction(() => {
      db.exec(m.sql);
      if (m.version === 1) db.pragma(`application_id = ${PARLEY_APPLICATION_ID}`);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}
