// The cost of copies that merge (issue 16's targets, docs/PERFORMANCE.md "Copies and merging"), on the big case:
// - an edit with its change recorded, against the same edit with the change log's part skipped, alternating in one
//   process on one file so that both meet the same load (target: within 1.5x);
// - merging 1,000 changes made in another copy (target: under 1 s), and previewing it;
// - how much the change log adds to the file: the file compacted (VACUUM) with and without its tables (target: 30%).
// Opening the big case (target 50 ms) is measured in run.ts with the change log in place.
import fs from 'node:fs';
import path from 'node:path';
import type { CaseInfo } from '../shared/api-types.js';
import { CaseFile } from '../electron/core/case-file.js';
import { Session } from '../electron/core/session.js';
import { ChangeLog } from '../electron/core/store/change-log.js';
import { ACTOR, call } from './fixtures.js';
import { summarize, time, type Row, type Summary } from './stats.js';
import { TextGen } from './text.js';

const EDITS = 150;
const MERGE_ROUNDS = 3;
const MERGED_CHANGES = 1_000;


export function benchMerge(source: string, runDir: string, log: (line: string) => void, rows: Row[], diagnostics: Row[]): void {
  log('');
  log(`merge: ${EDITS} edits with and without the change log's part, alternating; ${MERGE_ROUNDS} merges of ${MERGED_CHANGES} changes from another copy; the file's growth`);
  benchEditCost(source, runDir, rows);
  benchMergeTime(source, runDir, rows, diagnostics);
  benchGrowth(source, runDir, rows);
}

function benchEditCost(source: string, runDir: string, rows: Row[]): void {
  const file = path.join(runDir, 'merge-edit.parley');
  fs.copyFileSync(source, file);
  const session = new Session({ dataDir: path.join(runDir, 'merge-edit-data'), actor: ACTOR });
  const { caseId } = call<CaseInfo>(session, 'case.open', { path: file });
  const ids = session.get(caseId).connection.prepare('SELECT id FROM deadline WHERE deleted_at IS NULL ORDER BY id').pluck().all() as string[];
  const g = new TextGen(11);
  const edit = (i: number) => call(session, 'deadline.update', { caseId, id: g.pick(ids), changes: { title: `${g.title()} #${i}` } });
  // The change log's own work (its id, parents, heads, patch), skipped: what an edit cost before copies merged.
  const recordLocal = ChangeLog.prototype.recordLocal;
  const skipped = function (this: ChangeLog) {
    return undefined as never;
  };
  const tracked: number[] = [];
  const untracked: number[] = [];
  try {
    for (let i = -10; i < EDITS; i++) {
      ChangeLog.prototype.recordLocal = recordLocal;
      const a = time(() => edit(i));
      ChangeLog.prototype.recordLocal = skipped;
      const b = time(() => edit(i));
      if (i >= 0) {
        tracked.push(a);
        untracked.push(b);
      }
    }
  } finally {
    ChangeLog.prototype.recordLocal = recordLocal;
    session.closeAll();
  }
  const t = summarize(tracked);
  const u = summarize(untracked);
  rows.push({ metric: 'edit with its change recorded (deadline.update)', s: t });
  rows.push({ metric: 'edit, change log skipped (as before copies merged)', s: u });
  rows.push({ metric: 'edit: with / without the change log', s: { ...t, p50: t.p50 / u.p50, p95: t.p95 / u.p95 }, target: { limit: 1.5, unit: 'x' } });
}

function benchMergeTime(source: string, runDir: string, rows: Row[], diagnostics: Row[]): void {
  const merges: number[] = [];
  const previews: number[] = [];
  for (let round = 0; round < MERGE_ROUNDS; round++) {
    const into = path.join(runDir, `merge-into-${round}.parley`);
    const from = path.join(runDir, `merge-from-${round}.parley`);
    fs.copyFileSync(source, into);
    fs.copyFileSync(source, from);
    // 1,000 changes in the other copy: deadline titles and notes, the edits a colleague makes in a working day or two.
    const other = CaseFile.open(from);
    const ids = other.connection.prepare('SELECT id FROM deadline WHERE deleted_at IS NULL ORDER BY id').pluck().all() as string[];
    const g = new TextGen(100 + round);
    for (let i = 0; i < MERGED_CHANGES; i++) other.update('deadline', g.pick(ids), { title: `${g.title()} (from a colleague) #${i}` }, 'Colleague');
    other.close();
    const cf = CaseFile.open(into);
    previews.push(time(() => cf.mergeCopy(from, undefined, ACTOR, { preview: true })));
    let changes = 0;
    merges.push(time(() => (changes = cf.mergeCopy(from, undefined, ACTOR).changes)));
    if (changes !== MERGED_CHANGES) throw new Error(`the merge took in ${changes} changes, not ${MERGED_CHANGES}`);
    cf.close();
  }
  rows.push({ metric: `merge ${MERGED_CHANGES.toLocaleString('en-US')} changes from another copy (case.merge)`, s: summarize(merges), target: { limit: 1000, unit: 'ms' } });
  diagnostics.push({ metric: `merge: preview of ${MERGED_CHANGES.toLocaleString('en-US')} changes (worked out, rolled back)`, s: summarize(previews) });
}

function benchGrowth(source: string, runDir: string, rows: Row[]): void {
  const withLog = path.join(runDir, 'growth-with.parley');
  const withoutLog = path.join(runDir, 'growth-without.parley');
  fs.copyFileSync(source, withLog);
  fs.copyFileSync(source, withoutLog);
  const compact = (file: string, sql: string) => {
    const cf = CaseFile.open(file);
    cf.connection.exec(sql);
    cf.connection.exec('VACUUM');
    cf.close();
    return fs.statSync(file).size;
  };
  const a = compact(withLog, 'SELECT 1');
  const b = compact(withoutLog, 'DROP TABLE change_log; DROP TABLE change_head; DROP TABLE case_copy; DROP TABLE merge_conflict;');
  const ratio = a / b;
  rows.push({
    metric: 'file size: with / without the change log',
    s: { n: 1, min: ratio, p50: ratio, p95: ratio, max: ratio, mean: ratio } as Summary,
    target: { limit: 1.3, unit: 'x' },
    note: `(${(a / 1024 / 1024).toFixed(1)} MB against ${(b / 1024 / 1024).toFixed(1)} MB)`,
  });
}
