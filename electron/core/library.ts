// The library: the case files a user has opened or created, remembered in the app's data folder, and the
// questions asked across all of them (the dashboard, search). Each file is read where it lies, read-only, so the
// library never holds a second copy of anyone's data.
import fs from 'node:fs';
import path from 'node:path';
import { addDays, format } from 'date-fns';
import type {
  CaseSearchHit, Dashboard, DashboardActionItem, DashboardDeadline, DashboardMeeting, DashboardWatchItem, LibraryEntry,
} from '../../shared/api-types.js';
import { openCaseDatabase, type Db } from './db/connection.js';
import { ParleyError, toParleyError } from './errors.js';
import { writeFileAtomic } from './files.js';
import { searchCase } from './store/search-index.js';

interface Remembered {
  path: string;
  caseId: string | null;
  lastOpenedAt: string | null;
}

const LIBRARY_FILE = 'library.json';

export class Library {
  private readonly file: string;

  constructor(readonly dataDir: string) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.file = path.join(dataDir, LIBRARY_FILE);
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
    const files = this.load().filter((f) => f.path !== abs);
    files.unshift({ path: abs, caseId, lastOpenedAt: new Date().toISOString() });
    this.save(files);
  }

  forget(file: string): void {
    const abs = path.resolve(file);
    const files = this.load();
    if (!files.some((f) => f.path === abs)) throw new ParleyError('not_found', `${abs} is not in the library.`);
    this.save(files.filter((f) => f.path !== abs));
  }

  /**
   * Runs `read` against each known case file: through the already-open connection where the app has the file
   * open, otherwise through a short read-only connection. A file that cannot be read is reported, not fatal.
   */
  private eachCase<T>(openConnection: (p: string) => Db | undefined, read: (db: Db, f: Remembered) => T): { results: T[]; problems: { path: string; message: string; missing: boolean }[] } {
    const results: T[] = [];
    const problems: { path: string; message: string; missing: boolean }[] = [];
    for (const f of this.load()) {
      const open = openConnection(f.path);
      if (!open && !fs.existsSync(f.path)) {
        problems.push({ path: f.path, message: 'The file is no longer where it was last opened.', missing: true });
        continue;
      }
      let shortLived: Db | undefined;
      try {
        if (!open) shortLived = openCaseDatabase(f.path, { readOnly: true, skipIntegrityCheck: true });
        // Reading a file the app has open can fail too: a damaged file may be open read-only.
        results.push(read((open ?? shortLived)!, f));
      } catch (err) {
        problems.push({ path: f.path, message: toParleyError(err).message, missing: false });
      } finally {
        shortLived?.close();
      }
    }
    return { results, problems };
  }

  list(openConnection: (p: string) => Db | undefined, today = isoToday()): LibraryEntry[] {
    const { results, problems } = this.eachCase(openConnection, (db, f) => summarize(db, f, today));
    const byPath = new Map(results.map((e) => [e.path, e]));
    for (const p of problems) {
      byPath.set(p.path, { ...emptyEntry(p.path), state: p.missing ? 'missing' : 'unreadable', problem: p.message });
    }
    return this.load().map((f) => ({ ...byPath.get(f.path)!, lastOpenedAt: f.lastOpenedAt }));
  }

  dashboard(openConnection: (p: string) => Db | undefined, today = isoToday(), withinDays = 14): Dashboard {
    const until = format(addDays(parseIsoDate(today), withinDays), 'yyyy-MM-dd');
    const dash: Dashboard = { today, overdue: [], upcoming: [], tbd: [], openActionItems: [], upcomingMeetings: [], triggeredWatchItems: [], problems: [] };
    const { problems } = this.eachCase(openConnection, (db, f) => {
      const ref = caseRef(db, f.path);
      const deadlines = db.prepare(DEADLINE_SQL).all(until) as Omit<DashboardDeadline, 'caseId' | 'caseTitle' | 'path'>[];
      for (const d of deadlines) {
        const row = { ...ref, ...d };
        if (d.dueType === 'tbd') dash.tbd.push(row);
        else if (d.dueDate! < today) dash.overdue.push(row);
        else dash.upcoming.push(row);
      }
      for (const a of db.prepare(ACTION_SQL).all() as DashboardActionItem[]) dash.openActionItems.push({ ...ref, ...a });
      for (const m of db.prepare(MEETING_SQL).all(today) as DashboardMeeting[]) dash.upcomingMeetings.push({ ...ref, ...m });
      for (const w of db.prepare(WATCH_SQL).all() as DashboardWatchItem[]) dash.triggeredWatchItems.push({ ...ref, ...w });
    });
    const byDate = (a: { dueDate: string | null }, b: { dueDate: string | null }) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999');
    dash.overdue.sort(byDate);
    dash.upcoming.sort(byDate);
    dash.openActionItems.sort(byDate);
    dash.upcomingMeetings.sort((a, b) => (a.meetingDate + (a.startTime ?? '')).localeCompare(b.meetingDate + (b.startTime ?? '')));
    dash.problems = problems.map(({ path: p, message }) => ({ path: p, message }));
    return dash;
  }

  search(openConnection: (p: string) => Db | undefined, query: string, limit = 50): CaseSearchHit[] {
    const { results } = this.eachCase(openConnection, (db, f) => {
      const ref = caseRef(db, f.path);
      return searchCase(db, query, limit).map((hit) => ({ ...hit, ...ref }));
    });
    return results.flat().sort((a, b) => a.rank - b.rank).slice(0, limit);
  }
}

const DEADLINE_SQL = `
  SELECT id, title, deadline_kind AS deadlineKind, due_type AS dueType, due_date AS dueDate, due_time AS dueTime,
         time_zone AS timeZone, window_start AS windowStart, window_end AS windowEnd, owner
  FROM deadline
  WHERE deleted_at IS NULL AND status = 'open' AND (due_type = 'tbd' OR due_date <= ?)
  ORDER BY due_date`;
const ACTION_SQL = `
  SELECT id, title, owner, due_date AS dueDate, meeting_id AS meetingId FROM action_item
  WHERE deleted_at IS NULL AND status = 'open' ORDER BY due_date IS NULL, due_date`;
const MEETING_SQL = `
  SELECT id, title, meeting_date AS meetingDate, start_time AS startTime, location FROM meeting
  WHERE deleted_at IS NULL AND status = 'planned' AND meeting_date >= ? ORDER BY meeting_date, start_time`;
const WATCH_SQL = `
  SELECT id, title, triggered_on AS triggeredOn FROM watch_item WHERE deleted_at IS NULL AND status = 'triggered'`;

function caseRef(db: Db, file: string): { caseId: string; caseTitle: string; path: string } {
  const caseId = db.prepare("SELECT value FROM case_meta WHERE key = 'case_id'").pluck().get() as string;
  const caseTitle = db.prepare('SELECT title FROM directive LIMIT 1').pluck().get() as string;
  return { caseId, caseTitle, path: file };
}

function summarize(db: Db, f: Remembered, today: string): LibraryEntry {
  const ref = caseRef(db, f.path);
  const status = db.prepare('SELECT status FROM directive LIMIT 1').pluck().get() as LibraryEntry['status'];
  const next = db
    .prepare(`SELECT id, title, due_date AS dueDate FROM deadline WHERE deleted_at IS NULL AND status = 'open' AND due_type <> 'tbd' AND due_date >= ? ORDER BY due_date, due_time LIMIT 1`)
    .get(today) as LibraryEntry['nextDeadline'] | undefined;
  const counts = db
    .prepare(
      `SELECT
        (SELECT count(*) FROM deadline WHERE deleted_at IS NULL AND status = 'open') AS openDeadlines,
        (SELECT count(*) FROM deadline WHERE deleted_at IS NULL AND status = 'open' AND due_type = 'tbd') AS tbdDeadlines,
        (SELECT count(*) FROM action_item WHERE deleted_at IS NULL AND status = 'open') AS openActionItems,
        (SELECT count(*) FROM negotiation_issue WHERE deleted_at IS NULL) AS issues,
        (SELECT count(*) FROM meeting WHERE deleted_at IS NULL) AS meetings`,
    )
    .get() as LibraryEntry['counts'];
  return { ...emptyEntry(f.path), caseId: ref.caseId, title: ref.caseTitle, status, nextDeadline: next ?? null, counts };
}

function emptyEntry(file: string): LibraryEntry {
  return {
    path: file, caseId: null, state: 'ok', problem: null, title: null, status: null, nextDeadline: null,
    counts: { openDeadlines: 0, tbdDeadlines: 0, openActionItems: 0, issues: 0, meetings: 0 }, lastOpenedAt: null,
  };
}

export function isoToday(): string {
  return format(new Date(), 'yyyy-MM-dd');
}

function parseIsoDate(d: string): Date {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, day);
}
