// `parley library list|dashboard|search|index` as a user runs it: the built command line in a child process, with a
// --data folder of its own holding real case files; and the progress bar it draws on a terminal, run in-process.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSearchHit, Dashboard, LibraryEntry } from '../../shared/api-types.js';
import { INDEX_FILE } from '../../electron/core/library-index.js';
import { progressBar } from '../../electron/cli/commands/library.js';
import { runCli } from '../../electron/cli/run.js';
import { expectFailure, expectOk, sampleCaseRunner, type ParleyRunner } from './support/parley.js';

let parley: ParleyRunner;
let data: string;
let sample: string;
let second: string;

beforeAll(async () => {
  ({ parley, data, sample } = await sampleCaseRunner());
  second = parley.file('second.parley');
  expectOk(parley.run(['demo', second, '--data', data]));
}, 120_000);
afterAll(() => parley?.cleanUp());

const TITLE = 'Order to suspend foreign-national access to the Atlas-5 model family';

describe('parley library', () => {
  it('lists the library\'s case files, in plain words or as JSON', () => {
    const text = expectOk(parley.run(['library', 'list', '--data', data, '--today', '2026-11-01'])).stdout.split('\n');
    expect(text[0]).toBe('2 case files:');
    expect(text).toContain(`  ${TITLE}`);
    expect(text.filter((l) => /^ {4}5 open deadlines, 3 open action items, 6 issues(; next deadline \d{4}-\d\d-\d\d: .+)?$/.test(l))).toHaveLength(2);
    expect(text).toContain(`    ${sample}`);
    const json = expectOk(parley.run(['library', 'list', '--data', data, '--json'])).json<LibraryEntry[]>();
    expect(json.map((e) => [e.path, e.title, e.state])).toEqual([[second, TITLE, 'ok'], [sample, TITLE, 'ok']]);
    expect(fs.existsSync(path.join(data, INDEX_FILE))).toBe(true);
  });

  it('shows the dashboard for a day, and searches every case', () => {
    const dashboard = expectOk(parley.run(['library', 'dashboard', '--data', data, '--today', '2026-11-20', '--json'])).json<Dashboard>();
    expect(dashboard.today).toBe('2026-11-20');
    expect(dashboard.overdue.map((d) => d.path).sort()).toEqual([sample, second].sort());
    const text = expectOk(parley.run(['library', 'dashboard', '--data', data, '--today', '2026-11-20'])).stdout;
    const first = dashboard.overdue[0]!;
    expect(text.startsWith(`Across the library on 2026-11-20:\nOverdue (2):\n  ${first.dueDate}  ${first.title}  (${TITLE})\n`)).toBe(true);
    expect(text).toContain(`Open action items (${dashboard.openActionItems.length}):`);
    const hits = expectOk(parley.run(['library', 'search', 'deemed export', '--data', data, '--json'])).json<CaseSearchHit[]>();
    expect(hits.filter((h) => h.title === 'Deemed-export rule').map((h) => h.path).sort()).toEqual([sample, second].sort());
    const found = expectOk(parley.run(['library', 'search', 'deemed export', '--data', data, '--limit', '1'])).stdout;
    expect(found).toMatch(/^Precedent: Deemed-export rule \(Order to suspend .*, .*\.parley\)\n {4}.*\[Deemed\]-\[export\]/);
    expect(expectOk(parley.run(['library', 'search', 'zanzibar', '--data', data])).stdout).toBe('No matches for "zanzibar" in the library.\n');
  });

  it('shows only the first rows of each list with --first, saying how many more there are', () => {
    const whole = expectOk(parley.run(['library', 'dashboard', '--data', data, '--today', '2026-11-20', '--json'])).json<Dashboard>();
    const first = expectOk(parley.run(['library', 'dashboard', '--data', data, '--today', '2026-11-20', '--first', '1', '--json'])).json<Dashboard>();
    expect(whole.openActionItems.length).toBeGreaterThan(1);
    expect(first.openActionItems).toEqual(whole.openActionItems.slice(0, 1));
    expect(first.totals).toEqual(whole.totals);
    const text = expectOk(parley.run(['library', 'dashboard', '--data', data, '--today', '2026-11-20', '--first', '1'])).stdout.split('\n');
    const at = text.indexOf(`Open action items (${whole.openActionItems.length}):`);
    expect(text[at + 2]).toBe(`  and ${whole.openActionItems.length - 1} more`);
    expectFailure(parley.run(['library', 'dashboard', '--first', '0', '--data', data]), 2, /--first must be a whole number from 1 to 10,000/);
    expectFailure(parley.run(['library', 'list', '--first', '5', '--data', data]), 2, /--first goes with library dashboard/);
  });

  it('sees a change made to a case since the index was made', () => {
    const copy = parley.file('changed.parley');
    expectOk(parley.run(['demo', copy, '--data', data]));
    expect(expectOk(parley.run(['library', 'search', 'molybdenum', '--data', data])).stdout).toMatch(/^No matches/);
    const caseId = parley.run(['info', copy, '--json']).json<{ caseId: string }>().caseId;
    expectOk(parley.run(['call', copy, 'note.create', '--input', JSON.stringify({ fields: { body: 'Molybdenum supply terms' } }), '--data', data]));
    const hits = expectOk(parley.run(['library', 'search', 'molybdenum', '--data', data, '--json'])).json<CaseSearchHit[]>();
    expect(hits.map((h) => [h.caseId, h.snippet])).toEqual([[caseId, '\u0002Molybdenum\u0003 supply terms']]);
  });

  it('refuses what it cannot do with a usage error', () => {
    expectFailure(parley.run(['library', 'tidy', '--data', data]), 2, /ACTION must be one of list, dashboard, search, index/);
    expectFailure(parley.run(['library', 'search', '--data', data]), 2, /give the words to search for/);
    expectFailure(parley.run(['library', 'list', 'extra', '--data', data]), 2, /library list takes no QUERY/);
    expectFailure(parley.run(['library', 'dashboard', '--today', '20 Nov', '--data', data]), 2, /--today must be a date written YYYY-MM-DD/);
    expectFailure(parley.run(['library', 'list', '--rebuild', '--data', data]), 2, /--rebuild goes with library index/);
  });

  it('rebuilds the index, drawing its progress on a terminal and nothing when standard error is not one', async () => {
    const plain = expectOk(parley.run(['library', 'index', '--rebuild', '--data', data]));
    expect(plain.stdout).toBe('The library index is up to date: 3 case files.\n');
    expect(plain.stderr).toBe('');
    expect(fs.readdirSync(data).some((n) => n.startsWith(`${INDEX_FILE}.set-aside-`))).toBe(true);

    let stderr = '';
    let stdout = '';
    const code = await runCli(['library', 'index', '--rebuild', '--data', data], {
      stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: () => '', readSecret: () => null, stdoutIsTty: false, stderrIsTty: true, env: {},
    });
    expect(code).toBe(0);
    expect(stdout).toBe('The library index is up to date: 3 case files.\n');
    // Drawn only when the work takes more than one step (of 200 ms): three small files may take one.
    expect(stderr).toMatch(/^((Indexing case files \[[#.]{20}\] \d \/ 3\r)*Indexing case files \[#{20}\] 3 \/ 3\n)?$/);
  });

  it('draws its progress bar as a line of twenty marks and the counts', () => {
    expect(progressBar({ indexed: 340, total: 2_000, complete: false })).toBe('Indexing case files [###.................] 340 / 2,000');
    expect(progressBar({ indexed: 2_000, total: 2_000, complete: true })).toBe('Indexing case files [####################] 2,000 / 2,000');
    expect(progressBar({ indexed: 0, total: 0, complete: true })).toBe('Indexing case files [####################] 0 / 0');
  });
});
