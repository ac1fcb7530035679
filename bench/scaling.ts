// The scaling table: how the core's costs grow with the work. The library's cross-case calls over 200, 1,000 and
// 2,000 case files (the library index rebuilt from scratch, then warm calls); a case's open, list, edit and search at
// 1,000, 10,000 and 100,000 deadlines; the core's memory with each case open and listed. Beside each row, the growth
// fitted over the sizes (bench/growth.ts). The renderer's memory is measured apart (bench/renderer-memory.ts), since
// it needs Chromium. Method: docs/PERFORMANCE.md.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { CaseInfo } from '../shared/api-types.js';
import { CONTRACT } from '../shared/contract.js';
import { Session } from '../electron/core/session.js';
import { bareDatabase, editsAgainstBareInserts } from './bare-insert.js';
import { ACTOR, COMMON_WORD, DASHBOARD_AS_SHOWN, RARE_WORD, TODAY, call, type Log, type Manifest } from './fixtures.js';
import { EXPLAINED_SHARE, NOTICEABLE_RISE, describeGrowth, growthOf } from './growth.js';
import { ensureScalingFixtures, type DeadlineCase, type LibraryFixture } from './scaling-fixtures.js';
import { measure, ms, summarize, table, time, type Row, type Summary } from './stats.js';
import { TextGen } from './text.js';

const LIBRARY_ROUNDS = 15;
const OPEN_ROUNDS = 20;
const EDITS = 100;
const SEARCH_ROUNDS = 30;
/** How long each library.prepareIndex call may work before it answers (when the contract has the op). */
const PREPARE_BUDGET_MS = 250;
/** The flag that makes this bundle the memory probe of bench/scaling.ts instead of the benchmark. */
export const CORE_MEMORY_FLAG = '--core-memory';

/** A row of the scaling table: one figure at each size. */
export interface ScalingRow {
  metric: string;
  unit: 'ms' | 'x' | 'MB' | 's';
  figures: Summary[];
}

/** Runs the scaling benchmark on fresh copies in `runDir`, prints its tables, and adds its targets to `rows`. */
export function benchScaling(base: Manifest, runDir: string, log: Log, rows: Row[], fresh = false): void {
  const started = Date.now();
  log('');
  log('Scaling: how costs grow with the work');
  const fx = ensureScalingFixtures(base, log, fresh);
  const libraries = fx.libraries.map((lib) => benchLibraryOfSize(lib, runDir, log));
  printScaling(log, 'case files in the library', fx.libraries.map((l) => l.files), [
    { metric: 'library index rebuilt from scratch', unit: 's', figures: libraries.map((l) => single(l.rebuildMs / 1000)) },
    { metric: 'library.dashboard as shown (first 50 of each list, warm)', unit: 'ms', figures: libraries.map((l) => l.dashboard) },
    { metric: 'library.dashboard, every row (warm)', unit: 'ms', figures: libraries.map((l) => l.wholeDashboard) },
    { metric: `library.search "${COMMON_WORD}" (warm)`, unit: 'ms', figures: libraries.map((l) => l.common) },
    { metric: `library.search "${RARE_WORD}" (warm)`, unit: 'ms', figures: libraries.map((l) => l.rare) },
  ]);
  const largest = fx.libraries.length - 1;
  const files = `${fx.libraries[largest]!.files.toLocaleString('en')} files`;
  rows.push({ metric: `scaling: library index rebuilt, ${files}`, s: single(libraries[largest]!.rebuildMs), target: { limit: 60_000, unit: 'ms' } });
  rows.push({ metric: `scaling: library.dashboard, ${files}`, s: libraries[largest]!.dashboard, target: { limit: 200, unit: 'ms' } });
  rows.push({ metric: `scaling: library.search common word, ${files}`, s: libraries[largest]!.common, target: { limit: 200, unit: 'ms' } });
  rows.push({ metric: `scaling: library.search rare word, ${files}`, s: libraries[largest]!.rare, target: { limit: 200, unit: 'ms' } });

  const cases = fx.deadlineCases.map((c) => benchCaseOfSize(c, runDir, log));
  printScaling(log, 'deadlines in the case', fx.deadlineCases.map((c) => c.deadlines), [
    { metric: 'case.open (check skipped, as after a clean close)', unit: 'ms', figures: cases.map((c) => c.open) },
    { metric: 'deadline.list, all', unit: 'ms', figures: cases.map((c) => c.list) },
    { metric: 'edit: deadline.update', unit: 'ms', figures: cases.map((c) => c.edit) },
    { metric: 'edit / bare insert, same run', unit: 'x', figures: cases.map((c) => c.ratio) },
    { metric: `case.search "${COMMON_WORD}"`, unit: 'ms', figures: cases.map((c) => c.common) },
    { metric: `case.search "${RARE_WORD}"`, unit: 'ms', figures: cases.map((c) => c.rare) },
    { metric: 'core memory: resident set, case open and listed', unit: 'MB', figures: cases.map((c) => single(c.memory.rss)) },
    { metric: 'core memory: JS heap used, the same', unit: 'MB', figures: cases.map((c) => single(c.memory.heapUsed)) },
  ]);
  fx.deadlineCases.forEach((c, i) => {
    rows.push({ metric: `scaling: edit / bare insert, ${c.deadlines.toLocaleString('en')} deadlines`, s: cases[i]!.ratio, target: { limit: 2, unit: 'x' } });
  });
  const big = fx.deadlineCases.length - 1;
  rows.push({ metric: `scaling: open, ${fx.deadlineCases[big]!.deadlines.toLocaleString('en')} deadlines`, s: cases[big]!.open, target: { limit: 100, unit: 'ms' } });
  log(`  the scaling part took ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

// ---- the library ------------------------------------------------------------------------------------------------

interface LibraryFigures {
  rebuildMs: number;
  dashboard: Summary;
  /** The whole dashboard, every row of every list (the digest and the command line without --first ask so). */
  wholeDashboard: Summary;
  common: Summary;
  rare: Summary;
}

/** The library's calls over one library, in a data folder of its own made afresh (no index yet, no readers). */
function benchLibraryOfSize(lib: LibraryFixture, runDir: string, log: Log): LibraryFigures {
  const dataDir = path.join(runDir, `library-${lib.files}-data`);
  fs.mkdirSync(dataDir, { recursive: true });
  fs.copyFileSync(path.join(lib.dataDir, 'library.json'), path.join(dataDir, 'library.json'));
  const session = new Session({ dataDir, actor: ACTOR });
  try {
    log(`  library of ${lib.files.toLocaleString('en')} case files:`);
    const rebuildMs = rebuildIndex(session, log);
    const dashboard = measure(LIBRARY_ROUNDS, () => call(session, 'library.dashboard', DASHBOARD_AS_SHOWN));
    const wholeDashboard = measure(LIBRARY_ROUNDS, () => call(session, 'library.dashboard', { today: TODAY, withinDays: 14 }));
    const common = measure(LIBRARY_ROUNDS, () => call(session, 'library.search', { query: COMMON_WORD }));
    const rare = measure(LIBRARY_ROUNDS, () => call(session, 'library.search', { query: RARE_WORD }));
    log(`    warm: dashboard ${ms(dashboard.p50)}, search "${COMMON_WORD}" ${ms(common.p50)}, "${RARE_WORD}" ${ms(rare.p50)} (p50)`);
    return { rebuildMs, dashboard, wholeDashboard, common, rare };
  } finally {
    session.closeAll();
  }
}

/**
 * Brings the library's index up to date from nothing and returns how long it took, in milliseconds: by calling
 * library.prepareIndex until it says it is complete, drawing a progress bar, where the contract has that operation;
 * otherwise the first library.dashboard of the session, which pays whatever the first cross-case call costs.
 */
function rebuildIndex(session: Session, log: Log): number {
  const prepare = 'library.prepareIndex';
  if (!(prepare in CONTRACT)) {
    const took = time(() => call(session, 'library.dashboard', { today: TODAY, withinDays: 14 }));
    log(`    no ${prepare} in this build: the first library.dashboard of a new session, ${ms(took)}`);
    return took;
  }
  const bar = progressBar(log);
  const start = process.hrtime.bigint();
  for (;;) {
    const step = call<{ indexed: number; total: number; complete: boolean }>(session, prepare, { budgetMs: PREPARE_BUDGET_MS });
    bar.show(step.indexed, step.total);
    if (step.complete) break;
  }
  const took = Number(process.hrtime.bigint() - start) / 1e6;
  bar.done(`index rebuilt in ${(took / 1000).toFixed(1)} s`);
  return took;
}

/**
 * A progress bar: redrawn in place on a terminal; in a log (not a terminal), one line at each tenth, so the log
 * stays short.
 */
export function progressBar(log: Log, width = 30, tty = !!process.stdout.isTTY): { show: (done: number, total: number) => void; done: (message: string) => void } {
  let lastTenth = -1;
  const draw = (done: number, total: number) => {
    const share = total > 0 ? Math.min(1, done / total) : 1;
    const filled = Math.floor(share * width); // full only when done
    return `    [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done.toLocaleString('en')}/${total.toLocaleString('en')} files`;
  };
  return {
    show: (done, total) => {
      if (tty) {
        process.stdout.write(`\r${draw(done, total)}`);
        return;
      }
      const tenth = total > 0 ? Math.floor((done / total) * 10) : 10;
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      log(draw(done, total));
    },
    done: (message) => {
      if (tty) process.stdout.write('\n');
      log(`    ${message}`);
    },
  };
}

// ---- one case, at each size ---------------------------------------------------------------------------------------

interface CaseFigures {
  open: Summary;
  list: Summary;
  edit: Summary;
  ratio: Summary;
  common: Summary;
  rare: Summary;
  memory: CoreMemory;
}

function benchCaseOfSize(c: DeadlineCase, runDir: string, log: Log): CaseFigures {
  const label = `${c.deadlines.toLocaleString('en')} deadlines`;
  log(`  case of ${label} (${(c.bytes / 1e6).toFixed(1)} MB):`);
  const file = path.join(runDir, `deadlines-${c.deadlines}.parley`);
  fs.copyFileSync(c.file, file); // the benchmark edits it; the cached copy stays as generated
  const memory = coreMemory(file, path.join(runDir, `memory-${c.deadlines}-data`));
  const session = new Session({ dataDir: path.join(runDir, `deadlines-${c.deadlines}-data`), actor: ACTOR });
  try {
    // The first open checks the whole file; a clean close lets the next ones skip the check, as the app's do.
    let { caseId } = call<CaseInfo>(session, 'case.open', { path: file });
    call(session, 'case.close', { caseId });
    const opens: number[] = [];
    for (let i = -2; i < OPEN_ROUNDS; i++) {
      const took = time(() => (caseId = call<CaseInfo>(session, 'case.open', { path: file }).caseId));
      call(session, 'case.close', { caseId });
      if (i >= 0) opens.push(took);
    }
    caseId = call<CaseInfo>(session, 'case.open', { path: file }).caseId;
    const list = measure(c.deadlines >= 100_000 ? 5 : 10, () => call(session, 'deadline.list', { caseId }), 1);
    const ids = session.get(caseId).connection.prepare('SELECT id FROM deadline WHERE deleted_at IS NULL ORDER BY id').pluck().all() as string[];
    const g = new TextGen(7);
    const bare = bareDatabase(path.join(runDir, `bare-${c.deadlines}.sqlite`));
    const edits = editsAgainstBareInserts(EDITS, (i) => call(session, 'deadline.update', { caseId, id: g.pick(ids), changes: { title: `${g.title()} #${i}` } }), bare);
    bare.db.close();
    const common = measure(SEARCH_ROUNDS, () => call(session, 'case.search', { caseId, query: COMMON_WORD }), 3);
    const rare = measure(SEARCH_ROUNDS, () => call(session, 'case.search', { caseId, query: RARE_WORD }), 3);
    const figures = { open: summarize(opens), list, edit: edits.edits, ratio: edits.ratio, common, rare, memory };
    log(`    open ${ms(figures.open.p50)}, list ${ms(list.p50)}, edit ${ms(edits.edits.p50)} (${edits.ratio.p50.toFixed(2)}x a bare insert), search ${ms(common.p50)} / ${ms(rare.p50)} (p50); the core ${memory.rss.toFixed(0)} MB resident, ${memory.rssBefore.toFixed(0)} MB before the open`);
    return figures;
  } finally {
    session.closeAll();
  }
}

// ---- the core's memory ------------------------------------------------------------------------------------------

interface CoreMemory {
  /** Megabytes. */
  rss: number;
  heapUsed: number;
  /** The resident set of the same process before it opened anything, for comparison. */
  rssBefore: number;
}

/**
 * The memory of a process that only opens the case and lists its deadlines: this bundle run again with
 * CORE_MEMORY_FLAG, so that what the benchmark itself has read before does not count.
 */
function coreMemory(file: string, dataDir: string): CoreMemory {
  const script = process.argv[1]!;
  const res = spawnSync(process.execPath, [script, CORE_MEMORY_FLAG, file, dataDir], { encoding: 'utf8', maxBuffer: 1e6 });
  const last = res.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(last) as CoreMemory;
  } catch {
    throw new Error(`the memory probe of ${file} failed: ${res.stderr || res.stdout}`);
  }
}

/** The probe itself (in its own process): open the case, list every deadline, and print the memory in use. */
export function probeCoreMemory(file: string, dataDir: string): void {
  const mb = (bytes: number) => bytes / 1024 / 1024;
  const rssBefore = mb(process.memoryUsage().rss);
  const session = new Session({ dataDir, actor: ACTOR });
  const { caseId } = call<CaseInfo>(session, 'case.open', { path: file });
  const listed = call<unknown[]>(session, 'deadline.list', { caseId });
  const now = process.memoryUsage();
  const memory: CoreMemory = { rss: mb(now.rss), heapUsed: mb(now.heapUsed), rssBefore };
  if (!listed.length) throw new Error('the memory probe listed no deadlines');
  session.closeAll();
  console.log(JSON.stringify(memory));
}

// ---- the table ----------------------------------------------------------------------------------------------------

function single(value: number): Summary {
  return summarize([value]);
}

/** Prints a scaling table: each row's figure at each size (p50 / p95 where timed in rounds) and its fitted growth. */
export function printScaling(log: Log, sizeName: string, sizes: readonly number[], list: ScalingRow[]): void {
  const format = (unit: ScalingRow['unit'], v: number) =>
    unit === 'ms' ? ms(v) : unit === 'x' ? `${v.toFixed(2)}x` : unit === 's' ? `${v.toFixed(v >= 10 ? 0 : 1)} s` : `${v.toFixed(0)} MB`;
  log('');
  log(table(
    ['metric', ...sizes.map((n) => n.toLocaleString('en')), 'growth of p50, largest/smallest'],
    list.map((r) => [
      r.metric,
      ...r.figures.map((s) => (s.n > 1 ? `${format(r.unit, s.p50)} / ${format(r.unit, s.p95)}` : format(r.unit, s.p50))),
      describeGrowth(growthOf([...sizes], r.figures.map((s) => s.p50))),
    ]),
  ));
  log(`  (sizes: ${sizeName}; figures timed in rounds are p50 / p95; growth fitted by least squares as flat, log or linear: flat unless a slope explains ${EXPLAINED_SHARE * 100}% of the spread and rises ${NOTICEABLE_RISE * 100}%)`);
}
