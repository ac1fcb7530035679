// The library: the case files a user has opened or created, remembered in the app's data folder, and the
// questions asked across all of them (the dashboard, search). Each file is read where it lies, read-only, so the
// library never holds a second copy of anyone's data.
import fs from 'node:fs';
import path from 'node:path';
import { addDays, format } from 'date-fns';
import { isOwnedBy, nameKey } from '../../shared/owners.js';
import type {
  CaseSearchHit, Dashboard, DashboardListName, LibraryEntry, LibraryIndexProgress,
} from '../../shared/api-types.js';
import { closeCaseDatabase, openCaseDatabase, type Db } from './db/connection.js';
import { statement } from './db/statements.js';
import { couldBeEncrypted, isKeyed } from './db/encryption.js';
import { ParleyError, toParleyError } from './errors.js';
import { nextDeadlineOf } from './key-dates.js';
import { LIBRARY_SQL } from './store/kind-sql.js';
import {
  caseSummaryOf, CHANGES_BY_OTHERS_SQL, conflictCountOf, DASHBOARD_LISTS, dashboardSectionsOf, LibraryIndex, SECTION_ORDER,
  type DashboardDays, type DashboardSections, type FileState, type PlacedRow,
} from './library-index.js';
import { writeFileAtomic } from './files.js';
import { describeRanked, rankCase } from './store/search-index.js';
import { isoToday } from './today.js';

interface Remembered {
  path: string;
  caseId: string | null;
  lastOpenedAt: string | null;
  /** Put away by the user: still listed (in its own group), left out of the dashboard, search and calendar export. */
  archived?: boolean;
  /** How the file was when Parley last closed it cleanly, and when its integrity was last checked. */
  closed?: { size: number; mtimeMs: number; ino: number; checkedAt: string };
}

const LIBRARY_FILE = 'library.json';
/** Even a file that nothing has touched since Parley closed it is checked again after this long. */
const RECHECK_MS = 7 * 24 * 60 * 60 * 1000;
/** How long a read-only connection to a file the app does not have open is kept for the next cross-case query. */
const READER_IDLE_MS = 60_000;

interface Reader {
  db: Db;
  ino: number;
  size: number;
  mtimeMs: number;
  lastUsed: number;
}

export class Library {
  private readonly file: string;
  private readonly readers = new Map<string, Reader>();
  private sweep: NodeJS.Timeout | undefined;
  private readonly index: LibraryIndex;

  constructor(readonly dataDir: string) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.file = path.join(dataDir, LIBRARY_FILE);
    this.index = new LibraryIndex(dataDir);
  }

  private load(): Remembered[] {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch {
      return [];
    }
    try {
      const parsed = JSON.parse(text) as { files?: Remembered[] };
      return Array.isArray(parsed.files) ? parsed.files.filter((f) => typeof f?.path === 'string') : [];
    } catch {
      // A damaged library list loses no case data (the files are elsewhere); keep it aside and start afresh.
      fs.renameSync(this.file, `${this.file}.unreadable-${Date.now()}`);
      return [];
    }
  }

  private save(files: Remembered[]): void {
    writeFileAtomic(this.file, JSON.stringify({ format: 'parley-library', version: 1, files }, null, 2));
  }

  paths(): string[] {
    return this.load().map((f) => f.path);
  }

  /** Records that a case file was opened or created (most recent first). */
  remember(file: string, caseId: string): void {
    const abs = path.resolve(file);
    this.dropReader(abs); // the app now reads it through its own connection
    const all = this.load();
    // Opening an archived case to look something up does not take it out of the archive; Restore does.
    const archived = all.find((f) => f.path === abs)?.archived;
    const files = all.filter((f) => f.path !== abs);
    files.unshift({ path: abs, caseId, lastOpenedAt: new Date().toISOString(), ...(archived ? { archived } : {}) });
    this.save(files);
  }

  /** Lists a file made beside one the library holds (a duplicate), just after it, as not opened yet. */
  addBeside(existing: string, file: string, caseId: string): void {
    const files = this.load();
    const at = files.findIndex((f) => f.path === path.resolve(existing));
    files.splice(at + 1, 0, { path: path.resolve(file), caseId, lastOpenedAt: null });
    this.save(files);
  }

  /** The library's entry of a file, refused plainly when the library does not list it. */
  private entryOf(files: Remembered[], abs: string): Remembered {
    const entry = files.find((f) => f.path === abs);
    if (!entry) throw new ParleyError('not_found', `${abs} is not in the library.`);
    return entry;
  }

  /** Whether the library lists the file (the library's own operations act only on files it lists). */
  requireListed(file: string): string {
    const abs = path.resolve(file);
    this.entryOf(this.load(), abs);
    return abs;
  }

  /** Puts a case in the Archived group, or takes it out again. */
  setArchived(file: string, archived: boolean): void {
    const abs = path.resolve(file);
    const files = this.load();
    const entry = this.entryOf(files, abs);
    if (archived) entry.archived = true;
    else delete entry.archived;
    this.save(files);
  }

  /** Follows a file renamed on disk: its entry keeps its place, its case, and what is known of how it was left. */
  moved(from: string, to: string): void {
    const files = this.load();
    const entry = this.entryOf(files, path.resolve(from));
    this.dropReader(entry.path);
    entry.path = path.resolve(to);
    this.save(files);
  }

  forget(file: string): void {
    const abs = path.resolve(file);
    const files = this.load();
    this.entryOf(files, abs);
    this.dropReader(abs);
    this.save(files.filter((f) => f.path !== abs));
  }

  /**
   * When the file's integrity was last checked, if the file is exactly as Parley left it when it last closed it
   * cleanly (same file, size and modification time, no write-ahead log) and that check is recent; otherwise null.
   */
  checkedAndUnchanged(file: string): string | null {
    const abs = path.resolve(file);
    const c = this.load().find((f) => f.path === abs)?.closed;
    if (!c || !(Date.now() - Date.parse(c.checkedAt) < RECHECK_MS) || fs.existsSync(`${abs}-wal`)) return null;
    try {
      const st = fs.statSync(abs);
      return st.ino === c.ino && st.size === c.size && st.mtimeMs === c.mtimeMs ? c.checkedAt : null;
    } catch {
      return null;
    }
  }

  /** Notes how Parley left a file it has just closed cleanly, and when its integrity was last checked. */
  closedClean(file: string, checkedAt: string): void {
    const abs = path.resolve(file);
    if (fs.existsSync(`${abs}-wal`)) return; // not checkpointed: another connection has it open, or the close failed
    const files = this.load();
    const f = files.find((e) => e.path === abs);
    if (!f) return;
    const st = fs.statSync(abs);
    f.closed = { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino, checkedAt };
    this.save(files);
  }

  /** Closes the read-only connections kept for cross-case queries. */
  closeReaders(): void {
    for (const abs of [...this.readers.keys()]) this.dropReader(abs);
    this.index.close();
  }

  /** Lets go of a file: its kept read-only connection, if any, is closed (before the file is replaced). */
  release(file: string): void {
    this.dropReader(path.resolve(file));
  }

  private dropReader(abs: string): void {
    const r = this.readers.get(abs);
    if (!r) return;
    this.readers.delete(abs);
    closeCaseDatabase(r.db);
  }

  /** A read-only connection to a file the app does not have open, reused while it is the same, unchanged file. */
  private reader(abs: string, st: fs.Stats): Db {
    const r = this.readers.get(abs);
    if (r && r.ino === st.ino && r.size === st.size && r.mtimeMs === st.mtimeMs) {
      r.lastUsed = Date.now();
      return r.db;
    }
    this.dropReader(abs);
    const db = openCaseDatabase(abs, { readOnly: true, skipIntegrityCheck: true });
    this.readers.set(abs, { db, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs, lastUsed: Date.now() });
    return db;
  }

  /** Closes connections no query has used for a while, so that files are not held open (Windows locks them). */
  private scheduleSweep(): void {
    if (this.sweep) return;
    this.sweep = setTimeout(() => {
      this.sweep = undefined;
      const now = Date.now();
      for (const [abs, r] of this.readers) if (now - r.lastUsed >= READER_IDLE_MS) this.dropReader(abs);
      if (this.readers.size) this.scheduleSweep();
    }, READER_IDLE_MS);
    this.sweep.unref?.();
  }

  /**
   * Runs `read` against each known case file: through the already-open connection where the app has the file
   * open, otherwise through a read-only connection kept for a minute. A file that cannot be read is reported, not
   * fatal.
   */
  private eachCase<T>(openConnection: (p: string) => Db | undefined, read: (db: Db, f: Remembered) => T, withArchived = false): { results: T[]; problems: { path: string; message: string; missing: boolean }[]; locked: string[] } {
    const results: T[] = [];
    const problems: { path: string; message: string; missing: boolean }[] = [];
    const locked: string[] = [];
    for (const f of this.load()) {
      if (f.archived && !withArchived) continue;
      const open = openConnection(f.path);
      let st: fs.Stats | undefined;
      if (!open) {
        try {
          st = fs.statSync(f.path);
        } catch {
          this.dropReader(f.path);
          problems.push({ path: f.path, message: 'The file is no longer where it was last opened.', missing: true });
          continue;
        }
        // The list may name a folder or a FIFO (edited by hand, or the file replaced): reading one would fail
        // outside the check below, or wait forever; it is reported like any file that cannot be read.
        if (!st.isFile()) {
          this.dropReader(f.path);
          problems.push({ path: f.path, message: `${f.path} is not a file.`, missing: false });
          continue;
        }
        // An encrypted file that is not open cannot be read without its passphrase, and the library does not ask
        // for it: the file is listed as locked and left out of the dashboard and search, which is not a problem.
        if (couldBeEncrypted(f.path)) {
          this.dropReader(f.path);
          locked.push(f.path);
          continue;
        }
      }
      try {
        // Reading a file the app has open can fail too: a damaged file may be open read-only.
        results.push(read(open ?? this.reader(f.path, st!), f));
      } catch (err) {
        if (!open) this.dropReader(f.path);
        problems.push({ path: f.path, message: toParleyError(err).message, missing: false });
      }
    }
    if (this.readers.size) this.scheduleSweep();
    return { results, problems, locked };
  }

  /**
   * Runs `read` against every case file of the library but the archived ones; files that cannot be read come back as problems, and
   * encrypted files that are not open (no passphrase to read them with) as `locked`, so the caller can say what it
   * left out.
   */
  readEach<T>(openConnection: (p: string) => Db | undefined, read: (db: Db, file: string) => T): { results: T[]; problems: { path: string; message: string }[]; locked: string[] } {
    const { results, problems, locked } = this.eachCase(openConnection, (db, f) => read(db, f.path));
    return { results, problems: problems.map(({ path: p, message }) => ({ path: p, message })), locked };
  }

  /**
   * How the index answers for each file of the library (every file, or those `wanted`), its stale entries first
   * brought up to date; entries of files the library no longer lists leave the index.
   */
  private survey(openConnection: (p: string) => Db | undefined, wanted: (f: Remembered) => boolean = () => true): { files: Remembered[]; states: Map<string, FileState> } {
    const files = this.load();
    const shown = files.filter(wanted);
    const { states } = this.index.survey(files, shown, openConnection);
    return { files: shown, states };
  }

  /** Brings stale index entries up to date for about `budgetMs` (at least one file), and says how far it is. */
  prepareIndex(openConnection: (p: string) => Db | undefined, budgetMs: number): LibraryIndexProgress {
    const files = this.load();
    const { upToDate } = this.index.withIndex(() => this.index.survey(files, files, openConnection, budgetMs));
    return { indexed: upToDate, total: files.length, complete: upToDate === files.length };
  }

  /** Sets the index aside: the next question reads every case file again. */
  rebuildIndex(): void {
    this.index.forgetAll();
  }

  /** Brings a file's index entry up to date after Parley closed it; the index is a cache, so a failure only waits for the next question. */
  indexClosed(file: string): void {
    const abs = path.resolve(file);
    const f = this.load().find((e) => e.path === abs);
    if (!f) return;
    try {
      this.index.withIndex(() => this.index.refreshClosedFile(abs, f.caseId));
    } catch {
      // See above.
    }
  }

  list(openConnection: (p: string) => Db | undefined, today = isoToday()): LibraryEntry[] {
    return this.index.withIndex(() => this.listOnce(openConnection, today));
  }

  private listOnce(openConnection: (p: string) => Db | undefined, today: string): LibraryEntry[] {
    const { files, states } = this.survey(openConnection);
    const nextDeadlines = this.index.nextDeadlinesOf(indexedCases(states), today);
    return files.map((f) => {
      const state = states.get(f.path)!;
      return { ...entryOf(f, state, (caseNo) => nextDeadlines.get(caseNo) ?? null, today), lastOpenedAt: f.lastOpenedAt, archived: f.archived === true };
    });
  }

  /**
   * `me`: the user's name; their open action items (those it owns) are also listed as myActionItems. `firstFew`:
   * each list holds only its first so many rows (its totals say how many it has), answered from the index's rows
   * by their order, so that the cost grows with what is shown rather than with the library.
   */
  dashboard(openConnection: (p: string) => Db | undefined, today = isoToday(), withinDays = 14, me: string | null = null, firstFew?: number): Dashboard {
    if (firstFew !== undefined) return this.index.withIndex(() => this.firstRowsOnce(openConnection, today, withinDays, me, firstFew));
    return this.dashboardAnd(openConnection, today, withinDays, me, null).dashboard;
  }

  /**
   * The dashboard, and, when `changesSince` is given, what the daily digest counts of each case readable in the same
   * pass: the changes others than `me` made since then, and the merge conflicts waiting.
   */
  dashboardAnd(
    openConnection: (p: string) => Db | undefined, today: string, withinDays: number, me: string | null, changesSince: string | null,
  ): { dashboard: Dashboard; activity: CaseActivity[] } {
    return this.index.withIndex(() => this.dashboardOnce(openConnection, today, withinDays, me, changesSince));
  }

  private dashboardOnce(
    openConnection: (p: string) => Db | undefined, today: string, withinDays: number, me: string | null, changesSince: string | null,
  ): { dashboard: Dashboard; activity: CaseActivity[] } {
    const days = dashboardDays(today, withinDays);
    const dash = emptyDashboard(today, me);
    const activity: CaseActivity[] = [];
    const { files, states } = this.survey(openConnection, (f) => !f.archived);
    const cases = indexedCases(states);
    const indexed = this.index.dashboardOf(cases, days);
    const indexedChanges = changesSince === null ? new Map<number, { actor: string; n: number }[]>() : this.index.changesByOthers(cases, changesSince, me ?? '');
    for (const f of files) {
      const state = states.get(f.path)!;
      let ref: CaseRef;
      let sections: DashboardSections;
      let changes: { others: { actor: string; n: number }[]; conflicts: number } | null = null;
      if (state.kind === 'live') {
        try {
          // Reading a file the app has open can fail too: a damaged file may be open read-only.
          ref = caseRef(state.db, f.path);
          sections = dashboardSectionsOf(state.db, days);
          if (changesSince !== null) changes = { others: statement(state.db, CHANGES_BY_OTHERS_SQL).all(changesSince, me ?? '') as { actor: string; n: number }[], conflicts: conflictCountOf(state.db) };
        } catch (err) {
          dash.problems.push({ path: f.path, message: toParleyError(err).message });
          continue;
        }
      } else if (state.kind === 'indexed') {
        ref = { caseId: state.summary.caseId, caseTitle: state.summary.title, path: f.path };
        sections = indexed.get(state.caseNo) ?? { deadlines: [], actionItems: [], meetings: [], watchItems: [], toReview: [], checksDue: [] };
        if (changesSince !== null) changes = { others: indexedChanges.get(state.caseNo) ?? [], conflicts: state.conflicts };
      } else {
        // An encrypted file that is not open cannot be read without its passphrase, and the library does not ask
        // for it: it is left out of the dashboard, which is not a problem.
        if (state.kind === 'problem') dash.problems.push({ path: f.path, message: state.message });
        continue;
      }
      for (const d of sections.deadlines) {
        const row = withCase(ref, d);
        if (d.dueType === 'tbd') dash.tbd.push(row);
        else if (d.dueDate! < today) dash.overdue.push(row);
        else dash.upcoming.push(row);
      }
      for (const a of sections.actionItems) dash.openActionItems.push(withCase(ref, a));
      for (const m of sections.meetings) dash.upcomingMeetings.push(withCase(ref, m));
      for (const w of sections.watchItems) dash.triggeredWatchItems.push(withCase(ref, w));
      for (const p of sections.toReview) dash.toReview.push(withCase(ref, p));
      for (const c of sections.checksDue) dash.checksDue.push(withCase(ref, c));
      if (changes) activity.push({ ref, ...changes });
    }
    // A stable sort: rows of the same key keep the order they were read in, their cases' then their own.
    for (const list of Object.keys(DASHBOARD_LISTS) as DashboardListName[]) {
      if (list === 'myActionItems') continue;
      const { key, newestFirst } = SECTION_ORDER[DASHBOARD_LISTS[list].section];
      const by = (a: object, b: object) => compareText(key(a as never), key(b as never));
      (dash[list] as object[]).sort(newestFirst ? (a, b) => by(b, a) : by);
      dash.totals[list] = dash[list].length;
    }
    dash.myActionItems = dash.openActionItems.filter((a) => isOwnedBy(a.owner, me));
    dash.totals.myActionItems = dash.myActionItems.length;
    return { dashboard: dash, activity };
  }

  /**
   * The dashboard with each list cut to its first `firstFew` rows: those of the indexed cases from the index, in
   * order and cut there, merged with every row of the cases open in this session (read from their own connection,
   * as the index may not hold their latest), then cut again. Equal to the first rows of the whole dashboard.
   */
  private firstRowsOnce(openConnection: (p: string) => Db | undefined, today: string, withinDays: number, me: string | null, firstFew: number): Dashboard {
    const days = dashboardDays(today, withinDays);
    const dash = emptyDashboard(today, me);
    const myKey = me === null ? '' : nameKey(me);
    const { files, states } = this.survey(openConnection, (f) => !f.archived);
    const refs = new Map<number, CaseRef>();
    const indexed: { caseNo: number; place: number }[] = [];
    const live: { ref: CaseRef; place: number; sections: DashboardSections }[] = [];
    files.forEach((f, place) => {
      const state = states.get(f.path)!;
      if (state.kind === 'live') {
        try {
          // Reading a file the app has open can fail too: a damaged file may be open read-only.
          live.push({ ref: caseRef(state.db, f.path), place, sections: dashboardSectionsOf(state.db, days) });
        } catch (err) {
          dash.problems.push({ path: f.path, message: toParleyError(err).message });
        }
      } else if (state.kind === 'indexed') {
        refs.set(state.caseNo, { caseId: state.summary.caseId, caseTitle: state.summary.title, path: f.path });
        indexed.push({ caseNo: state.caseNo, place });
      } else if (state.kind === 'problem') {
        dash.problems.push({ path: f.path, message: state.message });
      }
    });
    const first = this.index.firstRowsOf(indexed, { ...days, today }, myKey, firstFew);
    for (const list of Object.keys(DASHBOARD_LISTS) as DashboardListName[]) {
      const { section, holds } = DASHBOARD_LISTS[list];
      const { key, newestFirst } = SECTION_ORDER[section];
      const rows: (PlacedRow & { ref: CaseRef })[] = first[list].rows.map((r) => ({ ...r, ref: refs.get(r.caseNo)! }));
      let total = first[list].total;
      for (const c of live) {
        c.sections[section].forEach((row, seq) => {
          if (!holds(row as never, today, myKey)) return;
          rows.push({ caseNo: -1, place: c.place, seq, key: key(row as never), row, ref: c.ref });
          total++;
        });
      }
      rows.sort((a, b) => (newestFirst ? compareText(b.key, a.key) : compareText(a.key, b.key)) || a.place - b.place || a.seq - b.seq);
      (dash[list] as object[]) = rows.slice(0, firstFew).map((r) => withCase(r.ref, r.row));
      dash.totals[list] = total;
    }
    return dash;
  }

  search(openConnection: (p: string) => Db | undefined, query: string, limit = 50): CaseSearchHit[] {
    return this.index.withIndex(() => this.searchOnce(openConnection, query, limit));
  }

  private searchOnce(openConnection: (p: string) => Db | undefined, query: string, limit: number): CaseSearchHit[] {
    const { files, states } = this.survey(openConnection, (f) => !f.archived);
    const refs = new Map<number, { caseId: string; caseTitle: string; path: string }>();
    for (const f of files) {
      const state = states.get(f.path)!;
      if (state.kind === 'indexed') refs.set(state.caseNo, { caseId: state.summary.caseId, caseTitle: state.summary.title, path: f.path });
    }
    const best: CaseSearchHit[] = this.index.search([...refs.keys()], query, limit).map(({ caseNo, hit }) => ({ ...hit, ...refs.get(caseNo)! }));
    // The cases open in this session are searched in their own files, as a case's own search does. Titles and
    // snippets are the costly part of a hit: only the records that beat the best `limit` found so far are read.
    for (const f of files) {
      const state = states.get(f.path)!;
      if (state.kind !== 'live') continue;
      try {
        const worst = best.length >= limit ? best[limit - 1]!.rank : Infinity;
        const wanted = rankCase(state.db, query, limit).filter((r) => r.rank < worst);
        if (!wanted.length) continue;
        const ref = caseRef(state.db, f.path);
        for (const hit of describeRanked(state.db, query, wanted)) best.push({ ...hit, ...ref });
      } catch {
        // A file the app has open that cannot be read (damaged, open read-only) is left out of search, as before.
      }
      best.sort((a, b) => a.rank - b.rank);
      best.length = Math.min(best.length, limit);
    }
    return best;
  }
}

/** The case a dashboard row belongs to. */
type CaseRef = { caseId: string; caseTitle: string; path: string };

/** The days the dashboard's rows are read for: deadlines due within `withinDays`, meetings and checks from today. */
function dashboardDays(today: string, withinDays: number): DashboardDays {
  const until = format(addDays(parseIsoDate(today), withinDays), 'yyyy-MM-dd');
  return { deadlinesUntil: until, meetingsFrom: today, checksUntil: today };
}

function emptyDashboard(today: string, me: string | null): Dashboard {
  return {
    today, overdue: [], upcoming: [], tbd: [], openActionItems: [], me, myActionItems: [], upcomingMeetings: [], triggeredWatchItems: [], toReview: [], checksDue: [], problems: [],
    totals: { overdue: 0, upcoming: 0, tbd: 0, openActionItems: 0, myActionItems: 0, upcomingMeetings: 0, triggeredWatchItems: 0, toReview: 0, checksDue: 0 },
  };
}

/** What the daily digest counts of a case: the changes others made since a moment, and the conflicts waiting. */
export interface CaseActivity {
  ref: { caseId: string; caseTitle: string; path: string };
  others: { actor: string; n: number }[];
  conflicts: number;
}

/**
 * A dashboard row with its case. Built as an object literal then filled: spreading both ({ ...ref, ...row }) cost
 * a hundred times more for rows whose fields are mostly null, tens of milliseconds a thousand rows.
 */
function withCase<T extends object>(ref: { caseId: string; caseTitle: string; path: string }, row: T): { caseId: string; caseTitle: string; path: string } & T {
  return Object.assign({ caseId: ref.caseId, caseTitle: ref.caseTitle, path: ref.path }, row);
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function indexedCases(states: Map<string, FileState>): number[] {
  return [...states.values()].flatMap((s) => (s.kind === 'indexed' ? [s.caseNo] : []));
}

/** The library's line for a file, from how the index answers for it. */
function entryOf(f: Remembered, state: FileState, nextDeadline: (caseNo: number) => LibraryEntry['nextDeadline'], today: string): LibraryEntry {
  switch (state.kind) {
    case 'live':
      try {
        return summarize(state.db, f, today);
      } catch (err) {
        return { ...emptyEntry(f.path), state: 'unreadable', problem: toParleyError(err).message };
      }
    case 'indexed': {
      const { caseId, title, status, counts } = state.summary;
      return { ...emptyEntry(f.path), caseId, title, status, counts, nextDeadline: nextDeadline(state.caseNo) };
    }
    // Of an encrypted file that is not open, only what the library itself remembers is known: its case id.
    case 'locked':
      return { ...emptyEntry(f.path), caseId: f.caseId, encrypted: true };
    case 'problem':
      return { ...emptyEntry(f.path), state: state.missing ? 'missing' : 'unreadable', problem: state.message };
  }
}

function caseRef(db: Db, file: string): { caseId: string; caseTitle: string; path: string } {
  const caseId = statement(db, "SELECT value FROM case_meta WHERE key = 'case_id'").pluck().get() as string;
  const caseTitle = statement(db, LIBRARY_SQL.caseTitle).pluck().get() as string;
  return { caseId, caseTitle, path: file };
}

function summarize(db: Db, f: Remembered, today: string): LibraryEntry {
  const { caseId, title, status, counts } = caseSummaryOf(db);
  return { ...emptyEntry(f.path), caseId, title, status, nextDeadline: nextDeadlineOf(db, today), counts, encrypted: isKeyed(db) };
}

function emptyEntry(file: string): LibraryEntry {
  return {
    path: file, caseId: null, state: 'ok', problem: null, title: null, status: null, nextDeadline: null,
    counts: { openDeadlines: 0, tbdDeadlines: 0, openActionItems: 0, issues: 0, meetings: 0 }, lastOpenedAt: null, encrypted: false, archived: false,
  };
}

function parseIsoDate(d: string): Date {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, day);
}
