// The library index: what the library's cross-case questions (the list, the dashboard, search, the digest) need of
// each case file, kept in one SQLite file of the data folder (library-index.sqlite), so that they read a few rows of
// one file rather than open every case file. It is a cache: it can always be rebuilt from the case files, and a
// damaged, foreign or newer index file is set aside and rebuilt, never an error for the user.
//
// It is never trusted over a case file. Each entry keeps the file's fingerprint (inode, size, modification time)
// and the case's audit head (its last audit entry); an entry is used as it is only while the file's fingerprint is
// the same, no -wal or -journal lies beside it, and the entry was made at least RACY_MS after the file last changed
// (git's "racy clean" rule: a change within the same moment as the indexing could leave the fingerprint unchanged).
// A file whose fingerprint changed is read again. One whose fingerprint is the same but cannot be vouched for (racy,
// or a journal beside it) is opened read-only and its audit head read: the same head keeps the entry, another one
// re-reads the case.
//
// Nothing of an encrypted case is written here: of such a file the index holds its path, case id (the library list
// holds both already), fingerprint and that it is encrypted.
import fs from 'node:fs';
import path from 'node:path';
import type { DashboardActionItem, DashboardListName, DashboardDeadline, DashboardMeeting, DashboardWatchCheck, DashboardWatchItem, LibraryEntry, ReviewPrompt, SearchHit } from '../../shared/api-types.js';
import { FOLDED_UNDER, foldMatches, rankOfMatch, type FoldedKind, type IndexMatch } from '../../shared/search-ranking.js';
import { nameKey } from '../../shared/owners.js';
import { belongingTo } from '../../shared/deletion.js';
import { KIND_NAMES, KINDS, type KindName } from '../../shared/records.js';
import { closeCaseDatabase, openCaseDatabase, openSideDatabase, type Db, type SideFileKind } from './db/connection.js';
import { couldBeEncrypted } from './db/encryption.js';
import { statement } from './db/statements.js';
import { ParleyError, toParleyError } from './errors.js';
import { reviewPromptsOf } from './review-prompts.js';
import { DASHBOARD_SQL, LIBRARY_SQL, REVIEW_PROMPTS_SQL } from './store/kind-sql.js';
import { toColumn } from './store/record-table.js';
import { describeRanked, FOLD_WINDOW, RANK_WINDOW, toFtsQuery } from './store/search-index.js';

export const INDEX_FILE = 'library-index.sqlite';
const INDEX_APPLICATION_ID = 0x50524c49;
/** Raised whenever the tables change: an index of another version is set aside and rebuilt (see db()). */
const INDEX_VERSION = 2;
/** An entry made less than this long after its file last changed is checked against the file's audit head. */
export const RACY_MS = 2_000;

/**
 * Search documents are numbered so that the index's newest-first walk (a bounded ranking window, as in a case file:
 * store/search-index.ts RANK_WINDOW) takes each case's newest record first, then each case's second newest, and so
 * on, rather than every record of the case indexed last: docid = (DOC_SPAN - place in its case) * CASE_SPAN + case.
 * Both stay within JavaScript's exact integers.
 */
const CASE_SPAN = 2 ** 24;
const DOC_SPAN = 2 ** 28;
export const caseOfDocid = (docid: number): number => docid % CASE_SPAN;
const placeOfDocid = (docid: number): number => DOC_SPAN - Math.floor(docid / CASE_SPAN);

const INDEX_SCHEMA = `
CREATE TABLE indexed_case (
  case_no INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  case_id TEXT,
  ino INTEGER NOT NULL,
  size INTEGER NOT NULL,
  mtime_ms REAL NOT NULL,
  ctime_ms REAL NOT NULL,
  side_file INTEGER NOT NULL,
  indexed_at_ms REAL NOT NULL,
  encrypted INTEGER NOT NULL DEFAULT 0,
  problem TEXT,
  schema_version INTEGER,
  head_seq INTEGER,
  head_hash TEXT,
  conflicts INTEGER NOT NULL DEFAULT 0,
  title TEXT,
  status TEXT,
  counts_json TEXT
) STRICT;
-- One row per dashboard row of a case: section, its order in the case, the day it is filtered by, what the
-- dashboard sorts it by (SECTION_ORDER), its owner as names are compared (action items), the row itself.
CREATE TABLE dashboard_row (
  case_no INTEGER NOT NULL,
  section TEXT NOT NULL,
  seq INTEGER NOT NULL,
  day TEXT,
  sort_key TEXT NOT NULL,
  owner_key TEXT,
  row_json TEXT NOT NULL,
  PRIMARY KEY (case_no, section, seq)
) STRICT, WITHOUT ROWID;
-- Both cover a list's first rows (firstRowsOf): its keys are found and sorted without reading any row itself.
CREATE INDEX dashboard_row_day ON dashboard_row(section, day, sort_key);
CREATE INDEX dashboard_row_owner ON dashboard_row(section, owner_key, sort_key);
-- Who made each audit entry and when: the digest counts the changes others made since a moment.
CREATE TABLE audit_activity (
  case_no INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  PRIMARY KEY (case_no, seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX audit_activity_at ON audit_activity(at);
CREATE TABLE search_doc (
  docid INTEGER PRIMARY KEY,
  case_no INTEGER NOT NULL,
  record_kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  -- For history kinds (shared/search-ranking.ts FOLDED_UNDER): the record it is folded under.
  parent_id TEXT
) STRICT;
CREATE INDEX search_doc_record ON search_doc(case_no, record_id);
-- The same tokenizer as a case file's own search_index (migrations/0001_case_file.sql).
CREATE VIRTUAL TABLE search_text USING fts5(title, body, tokenize = 'porter unicode61 remove_diacritics 2');
`;

const INDEX_KIND: SideFileKind = {
  applicationId: INDEX_APPLICATION_ID,
  version: INDEX_VERSION,
  schema: INDEX_SCHEMA,
  notOurs: (file) => new ParleyError('damaged', `${path.basename(file)} is not a library index this Parley reads.`),
};

/** The dashboard rows of one case, as the dashboard's queries return them. */
export interface DashboardSections {
  deadlines: Omit<DashboardDeadline, 'caseId' | 'caseTitle' | 'path'>[];
  actionItems: DashboardActionItem[];
  meetings: DashboardMeeting[];
  watchItems: DashboardWatchItem[];
  toReview: ReviewPrompt[];
  checksDue: DashboardWatchCheck[];
}
type Section = keyof DashboardSections;

/**
 * The days a case's dashboard rows are read for: open deadlines due up to `deadlinesUntil` (or TBD), planned meetings
 * from `meetingsFrom` (or undated), watch items to check by `checksUntil`.
 */
export interface DashboardDays {
  deadlinesUntil: string;
  meetingsFrom: string;
  checksUntil: string;
}

export function dashboardSectionsOf(db: Db, days: DashboardDays): DashboardSections {
  return {
    deadlines: statement(db, DASHBOARD_SQL.deadlines).all(days.deadlinesUntil) as DashboardSections['deadlines'],
    actionItems: statement(db, DASHBOARD_SQL.actionItems).all() as DashboardActionItem[],
    meetings: statement(db, DASHBOARD_SQL.meetings).all(days.meetingsFrom) as DashboardMeeting[],
    watchItems: statement(db, DASHBOARD_SQL.watchItems).all() as DashboardWatchItem[],
    toReview: reviewPromptsOf(db),
    checksDue: statement(db, DASHBOARD_SQL.checksDue).all(days.checksUntil) as DashboardWatchCheck[],
  };
}

/** The day each section's rows are filtered by (null: TBD deadlines, undated meetings, sections not filtered). */
const DAY_OF: Record<Section, (row: never) => string | null> = {
  deadlines: (d: DashboardSections['deadlines'][number]) => (d.dueType === 'tbd' ? null : d.dueDate),
  actionItems: () => null,
  meetings: (m: DashboardMeeting) => m.meetingDate,
  watchItems: () => null,
  toReview: () => null,
  checksDue: (c: DashboardWatchCheck) => c.checkBy,
};

/** Which indexed rows of each section a day shows: the same rules as the dashboard's queries (DASHBOARD_SQL). */
const SHOWN_SQL: Record<Section, string> = {
  deadlines: 'day IS NULL OR day <= $deadlinesUntil',
  actionItems: '1',
  meetings: 'day IS NULL OR day >= $meetingsFrom',
  watchItems: '1',
  toReview: '1',
  checksDue: 'day <= $checksUntil',
};

/**
 * The order of each section's rows on the dashboard: by a key compared as plain text (ISO dates and times compare
 * as text; a locale's collation would give the same order, many times slower), newest first for the issues to
 * review; rows of the same key keep the library's order of their cases, then each case's own order. Kept in the
 * index as dashboard_row.sort_key, so that a list's first rows are an ORDER BY ... LIMIT away.
 */
export const SECTION_ORDER: Record<Section, { key: (row: never) => string; newestFirst?: true }> = {
  deadlines: { key: (d: { dueDate: string | null }) => d.dueDate ?? '9999' },
  actionItems: { key: (a: { dueDate: string | null }) => a.dueDate ?? '9999' },
  // Dated meetings first, soonest first; then the planned ones whose date is not set yet ("date not set").
  meetings: { key: (m: DashboardMeeting) => `${m.meetingDate === null ? 1 : 0} ${m.meetingDate ?? ''} ${m.startTime ?? ''}` },
  watchItems: { key: () => '' },
  toReview: { key: (p: ReviewPrompt) => p.movedAt, newestFirst: true },
  checksDue: { key: (c: DashboardWatchCheck) => c.checkBy },
};

/** A row's owner as names are compared (shared/owners.ts), for the user's own action items; null without one. */
export function ownerKeyOf(row: object): string | null {
  const owner = (row as { owner?: unknown }).owner;
  return typeof owner === 'string' && owner ? nameKey(owner) : null;
}

/**
 * Each list of the dashboard: the section of a case its rows come from, and which of that section's rows (shown on
 * the day) it holds, said in SQL over the index's rows and as a test of a case's own row. `me` is the user's name as
 * names are compared, '' when there is none (then no action item is theirs).
 */
export const DASHBOARD_LISTS: Record<DashboardListName, { section: Section; sql: string; holds: (row: never, today: string, me: string) => boolean }> = {
  overdue: { section: 'deadlines', sql: 'day < $today', holds: (d: DeadlineRow, today) => d.dueType !== 'tbd' && d.dueDate! < today },
  upcoming: { section: 'deadlines', sql: 'day >= $today', holds: (d: DeadlineRow, today) => d.dueType !== 'tbd' && d.dueDate! >= today },
  tbd: { section: 'deadlines', sql: 'day IS NULL', holds: (d: DeadlineRow) => d.dueType === 'tbd' },
  openActionItems: { section: 'actionItems', sql: '1', holds: () => true },
  myActionItems: { section: 'actionItems', sql: "$me <> '' AND owner_key = $me", holds: (a: DashboardActionItem, _today, me) => me !== '' && ownerKeyOf(a) === me },
  upcomingMeetings: { section: 'meetings', sql: '1', holds: () => true },
  triggeredWatchItems: { section: 'watchItems', sql: '1', holds: () => true },
  toReview: { section: 'toReview', sql: '1', holds: () => true },
  checksDue: { section: 'checksDue', sql: '1', holds: () => true },
};
type DeadlineRow = DashboardSections['deadlines'][number];

/** A dashboard row of a case with where it stands in the dashboard's order (SECTION_ORDER). */
export interface PlacedRow {
  caseNo: number;
  /** Its case's place in the library's list. */
  place: number;
  /** Its place among its case's rows of the section. */
  seq: number;
  key: string;
  row: object;
}

/** Every row any day could show: all open deadlines, all planned meetings, every check not closed. */
const EVERY_DAY: DashboardDays = { deadlinesUntil: '9999-12-31', meetingsFrom: '', checksUntil: '9999-12-31' };

/**
 * The kinds whose records each section's rows are read from: those whose table its query names (a name found
 * where it is no table only makes the section read again for nothing). A caught-up case reads its dashboard again
 * only when a changed record is of one of them, and rewrites only those sections.
 */
const kindsNamedIn = (sql: string): ReadonlySet<KindName> => new Set(KIND_NAMES.filter((kind) => new RegExp(`\\b${KINDS[kind].table}\\b`).test(sql)));
const SECTION_KINDS: Record<Section, ReadonlySet<KindName>> = {
  deadlines: kindsNamedIn(DASHBOARD_SQL.deadlines),
  actionItems: kindsNamedIn(DASHBOARD_SQL.actionItems),
  meetings: kindsNamedIn(DASHBOARD_SQL.meetings),
  watchItems: kindsNamedIn(DASHBOARD_SQL.watchItems),
  toReview: kindsNamedIn(REVIEW_PROMPTS_SQL),
  checksDue: kindsNamedIn(DASHBOARD_SQL.checksDue),
};

/** What the library lists of a case, besides its next deadline (worked out for the day asked). */
export interface CaseSummary {
  caseId: string;
  title: string;
  status: LibraryEntry['status'];
  counts: LibraryEntry['counts'];
}

export function caseSummaryOf(db: Db): CaseSummary {
  return {
    caseId: statement(db, "SELECT value FROM case_meta WHERE key = 'case_id'").pluck().get() as string,
    title: statement(db, LIBRARY_SQL.caseTitle).pluck().get() as string,
    status: statement(db, LIBRARY_SQL.caseStatus).pluck().get() as LibraryEntry['status'],
    counts: statement(db, LIBRARY_SQL.counts).get() as LibraryEntry['counts'],
  };
}

/** The number of merge conflicts waiting in a case (none in a file from before copies and merging). */
export function conflictCountOf(db: Db): number {
  const hasConflicts = statement(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'merge_conflict'").get() !== undefined;
  return hasConflicts ? (statement(db, 'SELECT count(*) FROM merge_conflict').pluck().get() as number) : 0;
}

/** The audit entries of a case after the one its mark names, counted by who made them. */
export const CHANGES_BY_OTHERS_SQL = 'SELECT actor, count(*) AS n FROM audit_log WHERE at > ? AND actor <> ? GROUP BY actor ORDER BY actor';

/** What of a case file tells whether the index still holds what it holds: its audit head, schema and conflicts. */
interface CaseMark {
  schemaVersion: number;
  headSeq: number | null;
  headHash: string | null;
  conflicts: number;
}

function markOf(db: Db): CaseMark {
  const head = statement(db, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  return { schemaVersion: db.pragma('user_version', { simple: true }) as number, headSeq: head?.seq ?? null, headHash: head?.hash ?? null, conflicts: conflictCountOf(db) };
}

const sameMark = (a: CaseMark, e: IndexEntry) => a.schemaVersion === e.schema_version && a.headSeq === e.head_seq && a.headHash === e.head_hash && a.conflicts === e.conflicts;

/** A case file's search documents (those `where` keeps), newest first, with the record each history document is folded under. */
const caseDocsSql = (where: string) => `
  SELECT d.docid AS caseDocid, d.record_kind AS kind, d.record_id AS id, s.title, s.body,
    CASE d.record_kind ${Object.entries(FOLDED_UNDER)
      .map(([kind, field]) => `WHEN '${kind}' THEN (SELECT ${toColumn(field)} FROM ${KINDS[kind as FoldedKind].table} WHERE id = d.record_id)`)
      .join(' ')} END AS parentId
  FROM search_doc d JOIN search_index s ON s.rowid = d.docid
  ${where}
  ORDER BY d.docid DESC`;
const CASE_DOCS_SQL = caseDocsSql('');
const CHANGED_DOCS_SQL = caseDocsSql('WHERE d.record_id IN (SELECT value FROM json_each(?))');

interface Fingerprint {
  ino: number;
  size: number;
  mtimeMs: number;
  /** Changed by every write and by setting the times back (utimes), which the modification time is not. */
  ctimeMs: number;
  /** A -wal or -journal beside the file: something has it open, or a write was interrupted. */
  sideFile: boolean;
}

interface IndexEntry {
  case_no: number;
  path: string;
  case_id: string | null;
  ino: number;
  size: number;
  mtime_ms: number;
  ctime_ms: number;
  side_file: number;
  indexed_at_ms: number;
  encrypted: number;
  problem: string | null;
  schema_version: number | null;
  head_seq: number | null;
  head_hash: string | null;
  conflicts: number;
  title: string | null;
  status: string | null;
  counts_json: string | null;
}

/**
 * The entries a survey brings up to date, written several files to an index transaction: each commit of the index
 * flushes its FTS5 table's pending terms into a new segment (and merges segments), and may checkpoint its -wal, which
 * cost more than the rows of a small case. The index is a cache: a crash loses at most the batch, which the next
 * survey reads again from the case files (whose fingerprints the lost entries would have held).
 */
class WriteBatch {
  private static readonly FILES = 64;
  private static readonly MS = 1_000;
  private files = 0;
  private startedAt = 0;

  constructor(private readonly index: Db) {}

  /** Before a file is written: commits the batch when it is full or old, and opens one when none is open. */
  next(): void {
    if (this.index.inTransaction && (this.files >= WriteBatch.FILES || performance.now() - this.startedAt >= WriteBatch.MS)) this.commit();
    if (!this.index.inTransaction) {
      statement(this.index, 'BEGIN IMMEDIATE').run();
      this.files = 0;
      this.startedAt = performance.now();
    }
    this.files++;
  }

  commit(): void {
    if (this.index.inTransaction) statement(this.index, 'COMMIT').run();
  }

  /** After an error: what the batch wrote is rolled back, to be read again. */
  end(): void {
    try {
      if (this.index.inTransaction) statement(this.index, 'ROLLBACK').run();
    } catch {
      // A damaged index fails its rollback too; the error that stopped the batch is the one to report.
    }
  }
}

/** How the index can answer for a file the library lists. */
export type FileState =
  | { kind: 'indexed'; caseNo: number; summary: CaseSummary; conflicts: number }
  | { kind: 'live'; db: Db }
  | { kind: 'locked' }
  | { kind: 'problem'; message: string; missing: boolean };

function fingerprintOf(st: fs.Stats, abs: string, folders: FolderNames): Fingerprint {
  return { ino: st.ino, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, sideFile: folders.has(`${abs}-wal`) || folders.has(`${abs}-journal`) };
}

/**
 * Whether a file is in its folder, each folder listed once: most case files share a few folders, so one listing of
 * each costs less than looking for the -wal and -journal of every file.
 */
class FolderNames {
  private readonly listed = new Map<string, Set<string> | null>();

  has(file: string): boolean {
    const dir = path.dirname(file);
    let names = this.listed.get(dir);
    if (names === undefined) {
      try {
        names = new Set(fs.readdirSync(dir));
      } catch {
        names = null;
      }
      this.listed.set(dir, names);
    }
    return names === null ? fs.existsSync(file) : names.has(path.basename(file));
  }
}

/**
 * Test hook for the crash tests: with PARLEY_TEST_KILL_BEFORE_INDEX_WRITE=1 the process kills itself just before it
 * writes what it read of a case into the index, after the case file's own write. Does nothing otherwise.
 */
function testHookKillBeforeIndexWrite(): void {
  if (process.env.PARLEY_TEST_KILL_BEFORE_INDEX_WRITE === '1') process.kill(process.pid, 'SIGKILL');
}

export class LibraryIndex {
  private readonly file: string;
  private opened: Db | undefined;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, INDEX_FILE);
  }

  /** The index file, opened (or made) on first use; one that is not a readable index of ours is set aside first. */
  private db(): Db {
    if (this.opened?.open) return this.opened;
    try {
      this.opened = openSideDatabase(this.file, INDEX_KIND, null);
      // An older index lacks what this version's tables hold: set aside like a newer one, and rebuilt.
      if (this.opened.pragma('user_version', { simple: true }) !== INDEX_VERSION) throw new ParleyError('damaged', 'The library index is of an older version.');
      // A cache: a change lost to a power cut is found again from the case files' fingerprints and heads.
      this.opened.pragma('synchronous = NORMAL');
    } catch {
      this.setAside();
      this.opened = openSideDatabase(this.file, INDEX_KIND, null);
      this.opened.pragma('synchronous = NORMAL');
    }
    return this.opened;
  }

  /** Renames a damaged, foreign or newer index file (and its -wal and -shm) out of the way, to be rebuilt. */
  private setAside(): void {
    this.close();
    const stamp = Date.now();
    for (const suffix of ['', '-wal', '-shm']) {
      try {
        fs.renameSync(`${this.file}${suffix}`, `${this.file}.set-aside-${stamp}${suffix}`);
      } catch {
        // Not there: nothing to set aside.
      }
    }
  }

  close(): void {
    if (this.opened?.open) this.opened.close();
    this.opened = undefined;
  }

  /**
   * Runs `use` against the index; if the index file turns out to be damaged on the way (it is only a cache), it is
   * set aside and `use` runs again against a new one, which then rebuilds its entries from the case files.
   */
  withIndex<T>(use: () => T): T {
    try {
      return use();
    } catch (err) {
      if (!isDamagedIndex(err)) throw err;
      this.setAside();
      return use();
    }
  }

  private entries(): Map<string, IndexEntry> {
    const rows = statement(this.db(), 'SELECT * FROM indexed_case').all() as IndexEntry[];
    return new Map(rows.map((e) => [e.path, e]));
  }

  /**
   * How each of the `wanted` files can be answered for, its entry brought up to date where it is stale (every one,
   * or as many as `budgetMs` allows, at least one). Files the library no longer `lists` leave the index. Each file
   * comes with the case id the library list remembers for it.
   */
  survey(
    lists: readonly { path: string }[],
    wanted: readonly { path: string; caseId: string | null }[],
    openConnection: (p: string) => Db | undefined,
    budgetMs = Infinity,
  ): { states: Map<string, FileState>; upToDate: number } {
    const entries = this.entries();
    const listed = new Set(lists.map((f) => f.path));
    for (const e of entries.values()) if (!listed.has(e.path)) this.drop(e.case_no);
    const files = wanted;
    const folders = new FolderNames();
    const states = new Map<string, FileState>();
    const started = performance.now();
    let refreshed = 0;
    let upToDate = 0;
    const batch = new WriteBatch(this.db());
    try {
      // Files only racy (indexed in the moment of their last change) are checked after those that changed: they were
      // up to date when indexed, and checking them first could spend each call's budget without progress.
      const stale: { f: (typeof files)[number]; entry: IndexEntry | undefined; print: Fingerprint }[] = [];
      const racy: typeof stale = [];
      for (const f of files) {
        const live = openConnection(f.path);
        if (live) {
          states.set(f.path, { kind: 'live', db: live });
          upToDate++;
          continue;
        }
        const entry = entries.get(f.path);
        const st = statOf(f.path);
        if (!st.ok) {
          states.set(f.path, { kind: 'problem', message: st.message, missing: st.missing });
          upToDate++;
          continue;
        }
        const print = fingerprintOf(st.stats, f.path, folders);
        if (entry && isCurrent(entry, print)) {
          states.set(f.path, stateOfEntry(entry));
          upToDate++;
          continue;
        }
        (entry && looksUnchanged(entry, print) ? racy : stale).push({ f, entry, print });
      }
      for (const { f, entry, print } of [...stale, ...racy]) {
        if (refreshed > 0 && performance.now() - started >= budgetMs) {
          // Left for the next call. One only racy counts as up to date for progress; a question checks it before
          // using it.
          if (entry && looksUnchanged(entry, print)) upToDate++;
          continue;
        }
        batch.next();
        const fresh = this.bringUpToDate(f.path, f.caseId, print, entry);
        states.set(f.path, stateOfEntry(fresh));
        refreshed++;
        upToDate++;
      }
      batch.commit();
    } finally {
      batch.end();
    }
    return { states, upToDate };
  }

  /**
   * Brings one file's entry up to date just after Parley closed it. Its changes went through Parley's write path,
   * so an unchanged audit head (the case was only looked at) keeps the entry's rows, whatever closing did to the
   * file's times.
   */
  refreshClosedFile(abs: string, caseId: string | null): void {
    const st = statOf(abs);
    const entry = this.entries().get(abs);
    if (!st.ok) {
      if (entry) this.drop(entry.case_no);
      return;
    }
    const print = fingerprintOf(st.stats, abs, new FolderNames());
    if (entry && isCurrent(entry, print)) return;
    this.bringUpToDate(abs, caseId, print, entry, true);
  }

  /** Reads the file and writes its entry: its mark only when the case is as indexed, else everything again. */
  private bringUpToDate(abs: string, caseId: string | null, print: Fingerprint, entry: IndexEntry | undefined, closedByParley = false): IndexEntry {
    const index = this.db();
    const base = { path: abs, ino: print.ino, size: print.size, mtime_ms: print.mtimeMs, ctime_ms: print.ctimeMs, side_file: print.sideFile ? 1 : 0, indexed_at_ms: Date.now() };
    if (couldBeEncrypted(abs)) {
      // Without the passphrase nothing can be read; with it (the case open in this session) nothing may be written.
      return this.writeEntry({ ...base, case_id: caseId, encrypted: 1 }, entry, null);
    }
    // Read from the index before the case file is opened: a damaged index is not the case file's problem.
    const catchUpFrom = closedByParley && entry ? this.newestPlace(entry.case_no) : null;
    let read: { mark: CaseMark; contents: CaseContents | null; changes: CaseChanges | null };
    let db: Db | undefined;
    try {
      db = openCaseDatabase(abs, { readOnly: true, skipIntegrityCheck: true });
      const mark = markOf(db);
      // A file changed since it was indexed is read again whatever its head says: a change made outside Parley (a
      // repair, a damaged page) writes no audit entry. Only one the index cannot vouch for although it looks the
      // same (written within the moment of its indexing, or with a journal beside it) may keep its rows by its head.
      const unchanged = entry !== undefined && (closedByParley || samePrint(entry, print)) && !entry.problem && !entry.encrypted && sameMark(mark, entry);
      // Parley's own write path made every change since the entry's head of a case it just closed, each with its
      // audit entry: only the records those entries name are read again. A file changed outside Parley is read whole.
      const changes = !unchanged && catchUpFrom !== null && canCatchUp(db, mark, entry!) ? readChangesSince(db, entry!.head_seq!, catchUpFrom) : null;
      read = { mark, changes, contents: unchanged || changes ? null : readCase(db) };
    } catch (err) {
      // Reported as the library reports a file it cannot read; read again once the file changes.
      return this.writeEntry({ ...base, case_id: caseId, problem: toParleyError(err).message }, entry, null);
    } finally {
      if (db) closeCaseDatabase(db);
    }
    const { mark, contents, changes } = read;
    if (changes) return this.writeChanges({ ...entry!, ...base, ...markColumns(mark), ...summaryColumns(changes.summary) }, changes);
    if (!contents) {
      testHookKillBeforeIndexWrite();
      statement(index, 'UPDATE indexed_case SET ino = ?, size = ?, mtime_ms = ?, ctime_ms = ?, side_file = ?, indexed_at_ms = ? WHERE case_no = ?')
        .run(base.ino, base.size, base.mtime_ms, base.ctime_ms, base.side_file, base.indexed_at_ms, entry!.case_no);
      return { ...entry!, ...base };
    }
    return this.writeEntry({ ...base, ...markColumns(mark), ...summaryColumns(contents.summary) }, entry, contents);
  }

  /** The place of an entry's newest search document (see DOC_SPAN); 0 for a case without any. */
  private newestPlace(caseNo: number): number {
    const top = statement(this.db(), 'SELECT max(docid) FROM search_doc WHERE case_no = ?').pluck().get(caseNo) as number | null;
    return top === null ? 0 : placeOfDocid(top);
  }

  /**
   * Writes what changed in a case since its entry's head, in one transaction: its entry, its new audit activity, the
   * search documents of the records the changes name (kept where they were in the case's order, or placed first),
   * and its dashboard rows again.
   */
  private writeChanges(row: IndexEntry, changes: CaseChanges): IndexEntry {
    const index = this.db();
    testHookKillBeforeIndexWrite();
    return index.transaction(() => {
      statement(index, `INSERT OR REPLACE INTO indexed_case (${ENTRY_COLUMNS.join(', ')}) VALUES (${ENTRY_COLUMNS.map((c) => `@${c}`).join(', ')})`).run(row);
      const caseNo = row.case_no;
      this.addActivity(caseNo, changes.activity);
      const findDoc = statement(index, 'SELECT docid FROM search_doc WHERE case_no = ? AND record_id = ?').pluck();
      const dropText = statement(index, 'DELETE FROM search_text WHERE rowid = ?');
      const dropDoc = statement(index, 'DELETE FROM search_doc WHERE docid = ?');
      // A kept document the entry does not hold cannot happen while the entry matched its head; were it so, it is
      // placed first with the new ones rather than lost.
      const unplaced: CaseContents['docs'] = [];
      for (const id of changes.recordIds) {
        const docid = findDoc.get(caseNo, id) as number | undefined;
        const kept = changes.keptDocs.get(id);
        if (docid === undefined) {
          if (kept) unplaced.push(kept);
          continue;
        }
        dropText.run(docid);
        if (kept) {
          statement(index, 'UPDATE search_doc SET record_kind = ?, parent_id = ? WHERE docid = ?').run(kept.kind, kept.parentId, docid);
          statement(index, 'INSERT INTO search_text (rowid, title, body) VALUES (?, ?, ?)').run(docid, kept.title, kept.body);
        } else {
          dropDoc.run(docid);
        }
      }
      this.addDocs(caseNo, [...changes.newDocs, ...unplaced], changes.firstPlace - unplaced.length);
      if (changes.dashboard) {
        const dropSection = statement(index, 'DELETE FROM dashboard_row WHERE case_no = ? AND section = ?');
        for (const section of changes.sections) dropSection.run(caseNo, section);
        this.addDashboard(caseNo, changes.dashboard, changes.sections);
      }
      return row;
    }).immediate();
  }

  /** Replaces a file's entry and every row it had, in one transaction. */
  private writeEntry(values: Partial<IndexEntry> & Pick<IndexEntry, 'path'>, old: IndexEntry | undefined, contents: CaseContents | null): IndexEntry {
    const index = this.db();
    testHookKillBeforeIndexWrite();
    return index.transaction(() => {
      if (old) this.dropRows(old.case_no);
      const row: IndexEntry = {
        case_no: old?.case_no ?? (statement(index, 'SELECT coalesce(max(case_no), 0) + 1 FROM indexed_case').pluck().get() as number),
        case_id: null, ino: 0, size: 0, mtime_ms: 0, ctime_ms: 0, side_file: 0, indexed_at_ms: 0, encrypted: 0, problem: null, schema_version: null, head_seq: null, head_hash: null,
        conflicts: 0, title: null, status: null, counts_json: null,
        ...values,
      };
      if (row.case_no >= CASE_SPAN) throw new ParleyError('damaged', 'The library index has run out of case numbers.');
      statement(index, `INSERT OR REPLACE INTO indexed_case (${ENTRY_COLUMNS.join(', ')}) VALUES (${ENTRY_COLUMNS.map((c) => `@${c}`).join(', ')})`).run(row);
      if (contents) this.writeContents(row.case_no, contents);
      return row;
    }).immediate();
  }

  private writeContents(caseNo: number, contents: CaseContents): void {
    this.addDashboard(caseNo, contents.dashboard);
    this.addActivity(caseNo, contents.activity);
    this.addDocs(caseNo, contents.docs, 0);
  }

  /** Adds a case's dashboard rows, of every section or those named. */
  private addDashboard(caseNo: number, dashboard: DashboardSections, sections = Object.keys(dashboard) as Section[]): void {
    const addRow = statement(this.db(), 'INSERT INTO dashboard_row (case_no, section, seq, day, sort_key, owner_key, row_json) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const section of sections) {
      dashboard[section].forEach((r, seq) =>
        addRow.run(caseNo, section, seq, DAY_OF[section](r as never), SECTION_ORDER[section].key(r as never), ownerKeyOf(r), JSON.stringify(r)),
      );
    }
  }

  private addActivity(caseNo: number, activity: CaseContents['activity']): void {
    const addActivity = statement(this.db(), 'INSERT INTO audit_activity (case_no, seq, at, actor) VALUES (?, ?, ?, ?)');
    for (const a of activity) addActivity.run(caseNo, a.seq, a.at, a.actor);
  }

  /** Adds search documents, newest first, at places from `firstPlace` on (see DOC_SPAN). */
  private addDocs(caseNo: number, docs: CaseContents['docs'], firstPlace: number): void {
    const index = this.db();
    const addDoc = statement(index, 'INSERT INTO search_doc (docid, case_no, record_kind, record_id, parent_id) VALUES (?, ?, ?, ?, ?)');
    const addText = statement(index, 'INSERT INTO search_text (rowid, title, body) VALUES (?, ?, ?)');
    docs.forEach((d, i) => {
      const docid = (DOC_SPAN - (firstPlace + i)) * CASE_SPAN + caseNo;
      addDoc.run(docid, caseNo, d.kind, d.id, d.parentId);
      addText.run(docid, d.title, d.body);
    });
  }

  private dropRows(caseNo: number): void {
    const index = this.db();
    statement(index, 'DELETE FROM search_text WHERE rowid IN (SELECT docid FROM search_doc WHERE case_no = ?)').run(caseNo);
    statement(index, 'DELETE FROM search_doc WHERE case_no = ?').run(caseNo);
    statement(index, 'DELETE FROM dashboard_row WHERE case_no = ?').run(caseNo);
    statement(index, 'DELETE FROM audit_activity WHERE case_no = ?').run(caseNo);
  }

  private drop(caseNo: number): void {
    const index = this.db();
    index.transaction(() => {
      this.dropRows(caseNo);
      statement(index, 'DELETE FROM indexed_case WHERE case_no = ?').run(caseNo);
    }).immediate();
  }

  /** Every entry's rows set aside: the next survey reads every case file again. */
  forgetAll(): void {
    this.setAside();
  }

  /** The dashboard rows of some indexed cases that are shown on a day, per case in each case's own order. */
  dashboardOf(caseNos: readonly number[], days: DashboardDays): Map<number, DashboardSections> {
    const byCase = new Map<number, DashboardSections>();
    if (!caseNos.length) return byCase;
    const index = this.db();
    for (const section of Object.keys(SHOWN_SQL) as Section[]) {
      // Each case's rows as one JSON array: one parse per case rather than one per row.
      const rows = statement(index, `SELECT case_no AS caseNo, '[' || group_concat(row_json, ',') || ']' AS json
        FROM (SELECT case_no, row_json FROM dashboard_row
              WHERE section = '${section}' AND (${SHOWN_SQL[section]}) AND case_no IN (SELECT value FROM json_each($cases)) ORDER BY case_no, seq)
        GROUP BY case_no`)
        .all({ cases: JSON.stringify(caseNos), ...valuesNamedIn(SHOWN_SQL[section], days) }) as { caseNo: number; json: string }[];
      for (const r of rows) {
        let sections = byCase.get(r.caseNo);
        if (!sections) byCase.set(r.caseNo, (sections = { deadlines: [], actionItems: [], meetings: [], watchItems: [], toReview: [], checksDue: [] }));
        sections[section] = JSON.parse(r.json) as never;
      }
    }
    return byCase;
  }

  /**
   * The first `firstFew` rows of each list of the dashboard among some indexed cases on a day, in the dashboard's
   * order (SECTION_ORDER, then their case's place in the library, then their case's own order), and how many rows
   * each list has in all. `me`: the user's name as names are compared (nameKey), '' for none.
   */
  firstRowsOf(
    cases: readonly { caseNo: number; place: number }[], days: DashboardDays & { today: string }, me: string, firstFew: number,
  ): Record<DashboardListName, { rows: PlacedRow[]; total: number }> {
    const index = this.db();
    // The cases asked about, with their places, as a table the queries join: a sort can then end on the place.
    index.exec('CREATE TEMP TABLE IF NOT EXISTS dashboard_case (case_no INTEGER PRIMARY KEY, place INTEGER NOT NULL)');
    index.transaction(() => {
      statement(index, 'DELETE FROM temp.dashboard_case').run();
      statement(index, 'INSERT INTO temp.dashboard_case SELECT json_extract(value, \'$[0]\'), json_extract(value, \'$[1]\') FROM json_each(?)')
        .run(JSON.stringify(cases.map((c) => [c.caseNo, c.place])));
    })();
    const values = { ...days, me, firstFew };
    const lists = {} as Record<DashboardListName, { rows: PlacedRow[]; total: number }>;
    for (const [list, { section, sql }] of Object.entries(DASHBOARD_LISTS) as [DashboardListName, (typeof DASHBOARD_LISTS)[DashboardListName]][]) {
      const from = `FROM dashboard_row r JOIN temp.dashboard_case c ON c.case_no = r.case_no WHERE r.section = '${section}' AND (${SHOWN_SQL[section]}) AND (${sql})`;
      const direction = SECTION_ORDER[section].newestFirst ? 'DESC' : 'ASC';
      // The first rows' keys from an index that holds them, then those rows alone read (10 times faster at 2,000 files).
      const first = `SELECT f.caseNo, f.place, f.seq, f.key, d.row_json AS json
        FROM (SELECT r.case_no AS caseNo, c.place, r.seq, r.sort_key AS key ${from} ORDER BY r.sort_key ${direction}, c.place, r.seq LIMIT $firstFew) f
        JOIN dashboard_row d ON d.case_no = f.caseNo AND d.section = '${section}' AND d.seq = f.seq ORDER BY f.key ${direction}, f.place, f.seq`;
      const rows = statement(index, first).all(valuesNamedIn(first, values)) as (Omit<PlacedRow, 'row'> & { json: string })[];
      const count = `SELECT count(*) ${from}`;
      lists[list] = {
        rows: rows.map(({ json, ...at }) => ({ ...at, row: JSON.parse(json) as object })),
        total: statement(index, count).pluck().get(valuesNamedIn(count, values)) as number,
      };
    }
    return lists;
  }

  /**
   * The first open dated deadline of each indexed case due on or after `today`, by date then time (as key-dates.ts
   * nextDeadlineOf; SQLite's min() gives the other columns of the row it picked).
   */
  nextDeadlinesOf(caseNos: readonly number[], today: string): Map<number, LibraryEntry['nextDeadline']> {
    const rows = statement(this.db(), `SELECT case_no AS caseNo, row_json AS json, min(day || ' ' || coalesce(json_extract(row_json, '$.dueTime'), '')) FROM dashboard_row
      WHERE section = 'deadlines' AND day >= ? AND case_no IN (SELECT value FROM json_each(?)) GROUP BY case_no`).all(today, JSON.stringify(caseNos)) as { caseNo: number; json: string }[];
    return new Map(rows.map((r) => {
      const { id, title, dueDate } = JSON.parse(r.json) as DashboardSections['deadlines'][number];
      return [r.caseNo, { id, title, dueDate: dueDate! }];
    }));
  }

  /** The changes made by others than `me` after `since` in some indexed cases, per case, by actor in order. */
  changesByOthers(caseNos: readonly number[], since: string, me: string): Map<number, { actor: string; n: number }[]> {
    const rows = statement(this.db(), `SELECT case_no AS caseNo, actor, count(*) AS n FROM audit_activity
      WHERE at > ? AND actor <> ? AND case_no IN (SELECT value FROM json_each(?)) GROUP BY case_no, actor ORDER BY case_no, actor`)
      .all(since, me, JSON.stringify(caseNos)) as { caseNo: number; actor: string; n: number }[];
    const byCase = new Map<number, { actor: string; n: number }[]>();
    for (const r of rows) byCase.set(r.caseNo, [...(byCase.get(r.caseNo) ?? []), { actor: r.actor, n: r.n }]);
    return byCase;
  }

  /**
   * The best `limit` records of some indexed cases for `text`, ranked and folded as a case's own search ranks and
   * folds them (store/search-index.ts rankCase, describeRanked), each with its case number. Ranking reads the newest
   * RANK_WINDOW matches in the index's order, which takes each case's newest records in turn (see DOC_SPAN).
   */
  search(caseNos: readonly number[], text: string, limit: number): { caseNo: number; hit: SearchHit }[] {
    const query = toFtsQuery(text);
    if (!query || !caseNos.length) return [];
    const index = this.db();
    const rows = statement(index, MATCHES_SQL).all(query, JSON.stringify(caseNos)) as MatchRow[];
    for (const r of rows) r.rank = rankOfMatch(r.kind, r.titleScore < 0, r.score);
    const best = rows.sort((a, b) => a.rank - b.rank).slice(0, Math.max(FOLD_WINDOW, limit));
    // Folded per case: two copies of a case hold records of the same ids.
    const byCase = new Map<number, IndexMatch[]>();
    for (const m of best) {
      const match: IndexMatch = { docid: m.docid, kind: m.kind, id: m.id, score: m.score, inTitle: m.titleScore < 0, parent: m.parentDocid === null ? null : { docid: m.parentDocid, kind: m.parentKind!, id: m.parentId! } };
      const matches = byCase.get(m.caseNo);
      if (matches) matches.push(match);
      else byCase.set(m.caseNo, [match]);
    }
    const ranked = [...byCase.values()].flatMap((matches) => foldMatches(matches, limit)).sort((a, b) => a.rank - b.rank || a.docid - b.docid).slice(0, limit);
    return describeRanked(index, text, ranked, 'search_text').map((hit, i) => ({ caseNo: caseOfDocid(ranked[i]!.docid), hit }));
  }
}

/** The newest RANK_WINDOW matches among some cases' documents, with the record each history document folds under. */
const MATCHES_SQL = `
  SELECT m.docid, d.case_no AS caseNo, d.record_kind AS kind, d.record_id AS id, m.score, m.titleScore,
    p.docid AS parentDocid, p.record_kind AS parentKind, p.record_id AS parentId
  FROM (SELECT rowid AS docid, bm25(search_text, 5.0, 1.0) AS score, bm25(search_text, 1.0, 0.0) AS titleScore
        FROM search_text WHERE search_text MATCH ? AND rowid % ${CASE_SPAN} IN (SELECT value FROM json_each(?))
        ORDER BY rowid DESC LIMIT ${RANK_WINDOW}) m
  JOIN search_doc d ON d.docid = m.docid
  LEFT JOIN search_doc p ON p.case_no = d.case_no AND p.record_id = d.parent_id`;

interface MatchRow {
  docid: number;
  caseNo: number;
  kind: KindName;
  id: string;
  score: number;
  titleScore: number;
  parentDocid: number | null;
  parentKind: KindName | null;
  parentId: string | null;
  rank: number;
}

/** An entry's columns for a case's mark and summary. */
const markColumns = (mark: CaseMark) => ({ schema_version: mark.schemaVersion, head_seq: mark.headSeq, head_hash: mark.headHash, conflicts: mark.conflicts });
const summaryColumns = (summary: CaseSummary) => ({ case_id: summary.caseId, title: summary.title, status: summary.status, counts_json: JSON.stringify(summary.counts) });

const ENTRY_COLUMNS = [
  'case_no', 'path', 'case_id', 'ino', 'size', 'mtime_ms', 'ctime_ms', 'side_file', 'indexed_at_ms', 'encrypted', 'problem', 'schema_version', 'head_seq', 'head_hash', 'conflicts', 'title', 'status', 'counts_json',
] as const;

const samePrint = (entry: IndexEntry, now: Fingerprint) => entry.ino === now.ino && entry.size === now.size && entry.mtime_ms === now.mtimeMs && entry.ctime_ms === now.ctimeMs;

/** Whether a file looks as when its entry was made: the same fingerprint, no -wal or -journal then or now (see isCurrent). */
const looksUnchanged = (entry: IndexEntry, now: Fingerprint) => samePrint(entry, now) && !now.sideFile && entry.side_file === 0;

/** Whether an entry may be used as it is for a file as it is now (see the head of this file). */
function isCurrent(entry: IndexEntry, now: Fingerprint): boolean {
  return looksUnchanged(entry, now) && entry.indexed_at_ms - Math.max(entry.mtime_ms, entry.ctime_ms) >= RACY_MS;
}

function stateOfEntry(e: IndexEntry): FileState {
  if (e.encrypted) return { kind: 'locked' };
  if (e.problem !== null) return { kind: 'problem', message: e.problem, missing: false };
  return {
    kind: 'indexed',
    caseNo: e.case_no,
    summary: { caseId: e.case_id!, title: e.title!, status: e.status as LibraryEntry['status'], counts: JSON.parse(e.counts_json!) as LibraryEntry['counts'] },
    conflicts: e.conflicts,
  };
}

function statOf(abs: string): { ok: true; stats: fs.Stats } | { ok: false; message: string; missing: boolean } {
  let st: fs.Stats;
  try {
    st = fs.statSync(abs);
  } catch {
    return { ok: false, message: 'The file is no longer where it was last opened.', missing: true };
  }
  // The list may name a folder or a FIFO (edited by hand, or the file replaced): reading one would fail, or wait
  // forever; it is reported like any file that cannot be read.
  if (!st.isFile()) return { ok: false, message: `${abs} is not a file.`, missing: false };
  return { ok: true, stats: st };
}

interface CaseContents {
  summary: CaseSummary;
  dashboard: DashboardSections;
  activity: { seq: number; at: string; actor: string }[];
  docs: { kind: KindName; id: string; title: string; body: string; parentId: string | null }[];
}

/** What changed in a case since its index entry's head, read from the records its later audit entries name. */
interface CaseChanges {
  summary: CaseSummary;
  /** The case's dashboard rows, read again when a changed record is of a kind they are read from. */
  dashboard: DashboardSections | null;
  /** The sections whose rows may have changed. */
  sections: Section[];
  activity: CaseContents['activity'];
  /** Every record whose search document may have changed. */
  recordIds: string[];
  /** The documents of those records that kept their place in the case's order, by record. */
  keptDocs: Map<string, CaseContents['docs'][number]>;
  /** The documents newer than every untouched one, newest first, to be placed first from `firstPlace` on. */
  newDocs: CaseContents['docs'];
  firstPlace: number;
}

/**
 * Whether the index entry can be caught up from the case's audit trail: the same schema (a migration rebuilds
 * search documents without audit entries) and the entry's head still in the trail, as it was.
 */
function canCatchUp(db: Db, mark: CaseMark, entry: IndexEntry): boolean {
  if (entry.problem !== null || entry.encrypted || entry.head_seq === null || entry.schema_version !== mark.schemaVersion) return false;
  return statement(db, 'SELECT hash FROM audit_log WHERE seq = ?').pluck().get(entry.head_seq) === entry.head_hash;
}

/**
 * The changes after audit entry `headSeq`. A record's search document is written only with its audit entry, or with
 * its parent's delete or restore for history kinds (store/write-path.ts indexHistoryOf), so those records, and the
 * history rows of the records named, are all whose documents can differ from the index's. The case numbers a new
 * document above every existing one, so a document of those records numbered below the newest untouched one kept
 * its number (and its place among the others) throughout; every other one is placed first, before the entry's
 * newest place `newestPlace`. Null when the places would run out: the case is then read whole.
 */
function readChangesSince(db: Db, headSeq: number, newestPlace: number): CaseChanges | null {
  const named = statement(db, 'SELECT DISTINCT record_kind AS kind, record_id AS id FROM audit_log WHERE seq > ?').all(headSeq) as { kind: KindName; id: string }[];
  const recordIds = new Set(named.map((r) => r.id));
  for (const kind of new Set(named.map((r) => r.kind))) {
    if (!Object.hasOwn(KINDS, kind)) continue;
    const ids = JSON.stringify(named.filter((r) => r.kind === kind).map((r) => r.id));
    for (const child of belongingTo(kind)) {
      if (!child.history) continue;
      const rows = statement(db, `SELECT id FROM ${KINDS[child.kind].table} WHERE ${toColumn(child.field)} IN (SELECT value FROM json_each(?))`).pluck().all(ids) as string[];
      for (const id of rows) recordIds.add(id);
    }
  }
  const touched = JSON.stringify([...recordIds]);
  const newestUntouched = statement(db, 'SELECT docid FROM search_doc WHERE record_id NOT IN (SELECT value FROM json_each(?)) ORDER BY docid DESC LIMIT 1').pluck().get(touched) as number | undefined;
  const keptDocs = new Map<string, CaseContents['docs'][number]>();
  const newDocs: CaseContents['docs'] = [];
  for (const { caseDocid, ...doc } of statement(db, CHANGED_DOCS_SQL).all(touched) as (CaseContents['docs'][number] & { caseDocid: number })[]) {
    if (newestUntouched !== undefined && caseDocid < newestUntouched) keptDocs.set(doc.id, doc);
    else newDocs.push(doc);
  }
  const firstPlace = newestPlace - newDocs.length;
  if (firstPlace <= -DOC_SPAN) return null;
  const sections = (Object.keys(SECTION_KINDS) as Section[]).filter((section) => named.some((r) => SECTION_KINDS[section].has(r.kind)));
  return {
    summary: caseSummaryOf(db),
    dashboard: sections.length ? dashboardSectionsOf(db, EVERY_DAY) : null,
    sections,
    activity: statement(db, 'SELECT seq, at, actor FROM audit_log WHERE seq > ? ORDER BY seq').all(headSeq) as CaseContents['activity'],
    recordIds: [...recordIds],
    keptDocs,
    newDocs,
    firstPlace,
  };
}

function readCase(db: Db): CaseContents {
  return {
    summary: caseSummaryOf(db),
    dashboard: dashboardSectionsOf(db, EVERY_DAY),
    activity: statement(db, 'SELECT seq, at, actor FROM audit_log ORDER BY seq').all() as CaseContents['activity'],
    docs: statement(db, CASE_DOCS_SQL).all() as CaseContents['docs'],
  };
}

/** The values a statement names (the driver refuses values for names a statement does not have). */
function valuesNamedIn<T extends object>(sql: string, values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([name]) => sql.includes(`$${name}`))) as Partial<T>;
}

function isDamagedIndex(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}
