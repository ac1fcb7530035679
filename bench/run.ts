// `npm run bench`: how fast the case-file core is on a big case file and across a library of 200 case files.
// Prints the figures and whether each meets its target; always exits 0 (it is a report, not a test). The method
// and recorded figures are in docs/PERFORMANCE.md. Flags: --fresh regenerates the cached fixtures;
// --ui-only runs only the UI benchmark; --merge-only only the figures of copies that merge (bench/merge.ts);
// --search-only only the searches (case.search on the big case, library.search over the library); --edit-only only
// the edits (with the searches and reads of their session);
// --encryption-only only the costs of encryption (bench/encryption.ts: open, edit, search, encrypted against plain);
// --attachments-only only attachments' text (bench/attachments.ts: calls answered while a 20 MB PDF is read, and
// library.search over the library with text attached to every file); --scaling-only only the scaling table
// (bench/scaling.ts, bench/renderer-memory.ts: costs at 200-2,000 case files and 1,000-100,000 deadlines).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { CaseInfo, Dashboard } from '../shared/api-types.js';
import { CONTRACT } from '../shared/contract.js';
import { CaseFile } from '../electron/core/case-file.js';
import { openCaseDatabase, type Db } from '../electron/core/db/connection.js';
import { Session } from '../electron/core/session.js';
import { toFtsQuery } from '../electron/core/store/search-index.js';
import { benchAttachments } from './attachments.js';
import { bareDatabase, editsAgainstBareInserts } from './bare-insert.js';
import { benchBriefs } from './briefs.js';
import { benchDeadlineSchedule } from './deadline-schedule.js';
import { benchEncryption } from './encryption.js';
import { benchMerge } from './merge.js';
import { benchRendererMemory } from './renderer-memory.js';
import { CORE_MEMORY_FLAG, benchScaling, probeCoreMemory } from './scaling.js';
import { ACTOR, COMMON_WORD, DASHBOARD_AS_SHOWN, RARE_WORD, TODAY, call, ensureFixtures, type Manifest } from './fixtures.js';
import { measure, ms, summarize, table, time, type Row } from './stats.js';
import { TextGen } from './text.js';
import { benchUi } from './ui.js';

const OPEN_ROUNDS = 20;
const EDITS = 200;
const SEARCH_ROUNDS = 30;
const LIBRARY_ROUNDS = 15;


const rows: Row[] = [];
const diagnostics: Row[] = [];
const log = (line: string) => console.log(line);

function main(): void {
  const m = start();
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-bench-run-'));
  try {
    const big = path.join(runDir, 'big.parley');
    fs.copyFileSync(m.bigCase.file, big); // the benchmark edits it; the cached copy stays as generated
    if (process.argv.includes('--merge-only')) {
      benchMerge(m.bigCase.file, runDir, log, rows, diagnostics);
    } else if (process.argv.includes('--encryption-only')) {
      benchEncryption(m.bigCase.file, runDir, log, rows, diagnostics);
    } else if (process.argv.includes('--edit-only')) {
      benchEditsAndSearch(big, runDir);
    } else if (process.argv.includes('--search-only')) {
      const session = new Session({ dataDir: path.join(runDir, 'search-data'), actor: ACTOR });
      const { caseId } = call<CaseInfo>(session, 'case.open', { path: big });
      benchSearch(session, caseId);
      session.closeAll();
      const library = new Session({ dataDir: m.library.dataDir, actor: ACTOR });
      benchLibrarySearch(library);
      library.closeAll();
    } else {
      benchOpen(big, runDir);
      benchEditsAndSearch(big, runDir);
      benchLibrary(m);
      benchBriefs(runDir, log, rows, diagnostics);
      benchDeadlineSchedule(log);
      benchEncryption(m.bigCase.file, runDir, log, rows, diagnostics);
      benchMerge(m.bigCase.file, runDir, log, rows, diagnostics);
      benchScaling(m, runDir, log, rows, process.argv.includes('--fresh'));
    }
  } finally {
    fs.rmSync(runDir, { recursive: true, force: true });
  }
  report();
}

/** --attachments-only: reading attachments' text waits on worker threads, so this part runs on the event loop. */
async function mainAttachments(): Promise<void> {
  const m = start();
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-bench-run-'));
  try {
    await benchAttachments(m, runDir, log, rows, diagnostics);
  } finally {
    fs.rmSync(runDir, { recursive: true, force: true });
  }
  report();
}

/** --scaling-only: the scaling table, its renderer part in Chromium on the event loop. */
async function mainScaling(): Promise<void> {
  const m = start();
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-bench-run-'));
  try {
    benchScaling(m, runDir, log, rows, process.argv.includes('--fresh'));
  } finally {
    fs.rmSync(runDir, { recursive: true, force: true });
  }
  await benchRendererMemory(log);
  report();
}

/** The run's header (machine, load, fixtures), the fixtures made if need be. */
function start(): Manifest {
  const fresh = process.argv.includes('--fresh');
  const load0 = os.loadavg();
  log('Parley core benchmark');
  log(`  node ${process.version}, SQLite ${sqliteVersion()}, ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? 'unknown'}), load average at start ${load0.map((l) => l.toFixed(2)).join(' ')}`);

  const genStart = Date.now();
  const fx = ensureFixtures(log, fresh);
  const m = fx.manifest;
  if (fx.cached) {
    log(`  fixtures: cached in ${fx.dir} (generated ${m.generatedAt}: big case ${m.seconds.bigCase.toFixed(1)} s, library ${m.seconds.library.toFixed(1)} s)`);
  } else {
    log(`  fixtures: generated in ${((Date.now() - genStart) / 1000).toFixed(1)} s (big case ${m.seconds.bigCase.toFixed(1)} s, library ${m.seconds.library.toFixed(1)} s)`);
  }
  describeFixtures(m);
  return m;
}

/** The results: targets met or missed, diagnostics, and the load at the end. */
function report(): void {
  log('');
  log('Results (pass/fail is judged on p95)');
  log(resultTable(rows));
  if (diagnostics.length) {
    log('');
    log('Diagnostics (no targets: where the time goes)');
    log(resultTable(diagnostics));
  }
  const missed = rows.filter((r) => r.target && !(r.s.p95 < r.target.limit));
  log('');
  log(missed.length ? `MISSED: ${missed.map((r) => r.metric).join('; ')}` : 'All targets met.');
  log(`load average at end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (the machine may be shared; figures are wall-clock)`);
}

function sqliteVersion(): string {
  const db = new Database(':memory:');
  try {
    return db.prepare('SELECT sqlite_version()').pluck().get() as string;
  } finally {
    db.close();
  }
}

function describeFixtures(m: Manifest): void {
  const c = m.bigCase.counts;
  log(`  big case file: ${(m.bigCase.bytes / 1e6).toFixed(1)} MB; ${c.deadline} deadlines, ${c.meeting} meetings, ${c.positionChange} position changes, ${c.note} notes, ${c.issue} issues, ${c.party} parties, ${c.event} events; ${m.bigCase.auditEntries} audit entries`);
  log(`  library: ${m.library.files} case files, ${(m.library.bytes / 1e6).toFixed(1)} MB, ${m.library.records} records, ${m.library.auditEntries} audit entries`);
}

function resultTable(list: Row[]): string {
  return table(
    ['metric', 'p50', 'p95', 'n', 'target', 'result'],
    list.map((r) => {
      const fmt = (v: number) => (r.target?.unit === 'x' ? `${v.toFixed(2)}x` : ms(v));
      const target = r.target ? `< ${r.target.unit === 'x' ? `${r.target.limit}x` : ms(r.target.limit)}` : '';
      const result = r.target ? (r.s.p95 < r.target.limit ? 'pass' : 'MISSED') : '';
      return [r.metric, fmt(r.s.p50), fmt(r.s.p95), String(r.s.n), target, [result, r.note].filter(Boolean).join(' ')];
    }),
  );
}

// ---- open -------------------------------------------------------------------------------------------------------

function benchOpen(big: string, runDir: string): void {
  log('');
  log('open: the big case file, through the dispatcher (case.open = opening checks incl. quick_check, library entry, case info)');
  const session = new Session({ dataDir: path.join(runDir, 'open-data'), actor: ACTOR });
  const opens: number[] = [];
  const closes: number[] = [];
  let caseId = '';
  for (let i = -2; i < OPEN_ROUNDS; i++) {
    const o = time(() => (caseId = call<CaseInfo>(session, 'case.open', { path: big }).caseId));
    const c = time(() => call(session, 'case.close', { caseId }));
    if (i >= 0) {
      opens.push(o);
      closes.push(c);
    }
  }
  rows.push({ metric: 'open big case file (case.open)', s: summarize(opens), target: { limit: 50, unit: 'ms' } });

  diagnostics.push({ metric: 'open: CaseFile.open (checks incl. quick_check)', s: measure(OPEN_ROUNDS, () => CaseFile.open(big).close()) });
  diagnostics.push({ metric: 'open: CaseFile.open without quick_check', s: measure(OPEN_ROUNDS, () => CaseFile.open(big, { skipIntegrityCheck: true }).close()) });
  const raw = new Database(big, { readonly: true });
  diagnostics.push({ metric: 'open: raw PRAGMA quick_check alone', s: measure(OPEN_ROUNDS, () => raw.pragma('quick_check')) });
  raw.close();
  const cf = CaseFile.open(big, { skipIntegrityCheck: true });
  diagnostics.push({ metric: 'open: case info (counts per kind)', s: measure(OPEN_ROUNDS, () => cf.info()) });
  const caseIdOfBig = cf.caseId;
  cf.close();
  diagnostics.push({ metric: 'close big case file (case.close, PRAGMA optimize)', s: summarize(closes) });

  // The diagnostics above opened the file outside the session, so its next open would run the full check again:
  // open and close it once through the session first, as a user's last session would have left it.
  caseId = call<CaseInfo>(session, 'case.open', { path: big }).caseId;
  call(session, 'case.close', { caseId });
  // Cold: drop this one file from the page cache first (GNU dd's nocache; touches no other file).
  const cold: number[] = [];
  for (let i = 0; i < 5; i++) {
    const dropped = spawnSync('dd', [`if=${big}`, 'iflag=nocache', 'count=0', 'status=none']).status === 0;
    if (!dropped) break;
    cold.push(time(() => (caseId = call<CaseInfo>(session, 'case.open', { path: big }).caseId)));
    call(session, 'case.close', { caseId });
  }
  if (cold.length) diagnostics.push({ metric: 'open, file dropped from page cache first', s: summarize(cold), note: 'guest cache only' });
  diagnostics.push({ metric: 'open: library entry (library.json, fsynced)', s: measure(OPEN_ROUNDS, () => session.library.remember(big, caseIdOfBig)) });
}

// ---- edits and search -------------------------------------------------------------------------------------------

function benchEditsAndSearch(big: string, runDir: string): void {
  log('');
  log(`edit: ${EDITS} deadline title changes through the dispatcher, alternating with ${EDITS} bare driver inserts (WAL, synchronous=FULL)`);
  const session = new Session({ dataDir: path.join(runDir, 'edit-data'), actor: ACTOR });
  const { caseId } = call<CaseInfo>(session, 'case.open', { path: big });
  const cf = session.get(caseId);
  const db = cf.connection;
  const ids = db.prepare('SELECT id FROM deadline WHERE deleted_at IS NULL ORDER BY id').pluck().all() as string[];
  const g = new TextGen(7);
  const bare = bareDatabase(path.join(runDir, 'bare.sqlite'));
  const editInput = (i: number) => ({ caseId, id: g.pick(ids), changes: { title: `${g.title()} #${i}` } });
  const edit = (i: number) => call(session, 'deadline.update', editInput(i));

  const { edits, inserts, ratio } = editsAgainstBareInserts(EDITS, edit, bare);
  rows.push({ metric: 'edit: deadline.update (record+audit+index)', s: edits });
  rows.push({ metric: 'edit: bare driver insert, same pragmas', s: inserts });
  rows.push({ metric: 'edit / bare insert ratio', s: ratio, target: { limit: 2, unit: 'x' } });

  // Where an edit's time goes.
  diagnostics.push({ metric: 'edit: input validation alone (zod)', s: measure(EDITS, (i) => CONTRACT['deadline.update'].input.parse(editInput(i)), 10) });
  diagnostics.push({ metric: 'edit: CaseFile.update, no dispatcher', s: measure(EDITS, (i) => cf.update('deadline', g.pick(ids), { title: `${g.title()} direct #${i}` }, ACTOR), 10) });
  db.pragma('synchronous = OFF');
  bare.db.pragma('synchronous = OFF');
  const cpuEdits: number[] = [];
  const cpuInserts: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    cpuEdits.push(time(() => edit(i)));
    cpuInserts.push(time(() => bare.insert(i)));
  }
  diagnostics.push({ metric: 'edit with synchronous=OFF (no fsync)', s: summarize(cpuEdits) });
  diagnostics.push({ metric: 'bare insert with synchronous=OFF', s: summarize(cpuInserts) });
  db.pragma('synchronous = FULL');
  bare.db.pragma('synchronous = FULL');
  const pages = (conn: Db, fn: (i: number) => void): number => {
    const threshold = conn.pragma('wal_autocheckpoint', { simple: true }) as number;
    conn.pragma('wal_autocheckpoint = 0');
    conn.pragma('wal_checkpoint(TRUNCATE)');
    for (let i = 0; i < 50; i++) fn(i);
    const [res] = conn.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
    conn.pragma(`wal_autocheckpoint = ${threshold}`);
    return (res?.log ?? 0) / 50;
  };
  const editPages = pages(db, edit);
  const barePages = pages(bare.db, bare.insert);
  log(`  pages written to the WAL per commit: edit ${editPages.toFixed(1)}, bare insert ${barePages.toFixed(1)} (page size ${db.pragma('page_size', { simple: true })} bytes)`);
  bare.db.close();

  benchSearch(session, caseId);

  // Reads the UI makes often; no targets were set for them.
  const deadlineId = ids[0]!;
  const meetingId = db.prepare('SELECT id FROM meeting LIMIT 1').pluck().get() as string;
  diagnostics.push({ metric: 'read: case.info', s: measure(10, () => call(session, 'case.info', { caseId })) });
  diagnostics.push({ metric: 'read: deadline.list, all 10,000', s: measure(10, () => call(session, 'deadline.list', { caseId })) });
  diagnostics.push({ metric: 'read: note.list of one meeting', s: measure(10, () => call(session, 'note.list', { caseId, filter: { meetingId } })) });
  diagnostics.push({ metric: 'read: case.recentChanges (50)', s: measure(10, () => call(session, 'case.recentChanges', { caseId })) });
  diagnostics.push({ metric: 'read: record.history of a deadline', s: measure(10, () => call(session, 'record.history', { caseId, id: deadlineId })) });
  session.closeAll();
}

function benchSearch(session: Session, caseId: string): void {
  log('');
  log(`search: case.search through the dispatcher, ${SEARCH_ROUNDS} rounds per query`);
  const count = session.get(caseId).connection.prepare('SELECT count(*) FROM search_index WHERE search_index MATCH ?').pluck();
  for (const [label, q] of [['common word', COMMON_WORD], ['rare word', RARE_WORD], ['two words, last typed in part', 'suspension lic']] as const) {
    const hits = call<unknown[]>(session, 'case.search', { caseId, query: q }).length;
    const matches = count.get(toFtsQuery(q)) as number;
    log(`  "${q}": ${matches} matching records, ${hits} returned`);
    rows.push({ metric: `search: ${label} ("${q}", ${matches} matches)`, s: measure(SEARCH_ROUNDS, () => call(session, 'case.search', { caseId, query: q }), 3), target: { limit: 20, unit: 'ms' } });
  }
}

// ---- the library ------------------------------------------------------------------------------------------------

function benchLibrary(m: Manifest): void {
  log('');
  log(`library: ${m.library.files} case files, none open in the session (each is opened read-only per query), ${LIBRARY_ROUNDS} rounds`);
  const session = new Session({ dataDir: m.library.dataDir, actor: ACTOR });
  const dash = call<Dashboard>(session, 'library.dashboard', { today: TODAY, withinDays: 14 });
  log(`  dashboard for ${TODAY}: ${dash.overdue.length} overdue, ${dash.upcoming.length} upcoming, ${dash.tbd.length} TBD deadlines, ${dash.openActionItems.length} open action items, ${dash.upcomingMeetings.length} meetings, ${dash.triggeredWatchItems.length} triggered watch items, ${dash.problems.length} problems`);
  if (dash.problems.length) log(`  WARNING: ${dash.problems[0]!.path}: ${dash.problems[0]!.message}`);
  rows.push({ metric: `library.dashboard as shown, first 50 rows (${m.library.files} files)`, s: measure(LIBRARY_ROUNDS, () => call(session, 'library.dashboard', DASHBOARD_AS_SHOWN)), target: { limit: 200, unit: 'ms' } });
  diagnostics.push({ metric: `library.dashboard, every row (${m.library.files} files)`, s: measure(LIBRARY_ROUNDS, () => call(session, 'library.dashboard', { today: TODAY, withinDays: 14 })) });
  benchLibrarySearch(session);
  rows.push({ metric: `library.list (${m.library.files} files)`, s: measure(LIBRARY_ROUNDS, () => call(session, 'library.list', {})), note: '(no target set)' });

  session.closeAll();

  // The first dashboard of a session: every file opened afresh, whatever the library keeps between calls.
  diagnostics.push({ metric: 'library: dashboard, first call of a new session', s: measure(5, () => {
    const fresh = new Session({ dataDir: m.library.dataDir, actor: ACTOR });
    call(fresh, 'library.dashboard', { today: TODAY, withinDays: 14 });
    fresh.closeAll();
  }, 1) });

  // What the cross-case queries spend on opening files, and what they would take with connections kept open.
  const files = session.library.paths();
  diagnostics.push({ metric: `library: open+close ${files.length} files read-only`, s: measure(LIBRARY_ROUNDS, () => {
    for (const f of files) openCaseDatabase(f, { readOnly: true, skipIntegrityCheck: true }).close();
  }) });
  const pool = new Map(files.map((f) => [f, openCaseDatabase(f, { readOnly: true, skipIntegrityCheck: true })]));
  const pooled = (p: string) => pool.get(p);
  diagnostics.push({ metric: 'library: dashboard, connections kept open', s: measure(LIBRARY_ROUNDS, () => session.library.dashboard(pooled, TODAY, 14)) });
  diagnostics.push({ metric: 'library: search common word, connections kept open', s: measure(LIBRARY_ROUNDS, () => session.library.search(pooled, COMMON_WORD)) });
  diagnostics.push({ metric: 'library: search rare word, connections kept open', s: measure(LIBRARY_ROUNDS, () => session.library.search(pooled, RARE_WORD)) });
  for (const db of pool.values()) db.close();
}

/** library.search over every file of the library, none open in the session. */
function benchLibrarySearch(session: Session): void {
  for (const [label, q] of [['common word', COMMON_WORD], ['rare word', RARE_WORD]] as const) {
    const hits = call<unknown[]>(session, 'library.search', { query: q }).length;
    log(`  library.search "${q}": ${hits} returned`);
    rows.push({ metric: `library.search: ${label} ("${q}")`, s: measure(LIBRARY_ROUNDS, () => call(session, 'library.search', { query: q })), target: { limit: 200, unit: 'ms' } });
  }
}

// --ui-only: the UI figures alone (the core figures take minutes and do not change with the renderer).
if (process.argv.includes(CORE_MEMORY_FLAG)) {
  // This bundle run again by the scaling table, as a process that only opens a case (bench/scaling.ts).
  const at = process.argv.indexOf(CORE_MEMORY_FLAG);
  probeCoreMemory(process.argv[at + 1]!, process.argv[at + 2]!);
} else if (process.argv.includes('--attachments-only')) {
  void mainAttachments().catch((err: unknown) => log(`Attachments benchmark failed: ${(err as Error).stack ?? String(err)}`));
} else if (process.argv.includes('--scaling-only')) {
  void mainScaling().catch((err: unknown) => log(`Scaling benchmark failed: ${(err as Error).stack ?? String(err)}`));
} else {
  if (!process.argv.includes('--ui-only')) main();
  const partial = ['--ui-only', '--merge-only', '--search-only', '--encryption-only', '--edit-only'].some((flag) => process.argv.includes(flag));
  if (!['--merge-only', '--search-only', '--encryption-only', '--edit-only'].some((flag) => process.argv.includes(flag))) {
    void benchUi(log)
      .then(() => (partial ? undefined : benchRendererMemory(log)))
      .catch((err: unknown) => log(`UI benchmark failed: ${(err as Error).stack ?? String(err)}`));
  }
}
