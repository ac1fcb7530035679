// Ctrl-C, SIGTERM and SIGHUP in the middle of a long run of the real `parley` (the built bundle, as a child
// process): the run stops at its next checkpoint, closes every file it opened through their own close, and ends
// with 128 + the signal's number and a line saying so. Nothing is left beside the case, which still verifies.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { onCleanup, testApi } from '../helpers.js';
import { buildCli, REPO } from './support/parley.js';

const BIN = path.join(REPO, 'bin', 'parley.cjs');

beforeAll(async () => {
  await buildCli();
}, 120_000);

/**
 * A case file copied while it was open (as a backup tool or a sync client copies it): its header says WAL, so every
 * read-only opening makes a -wal and -shm beside it, which only its close removes again. A run killed with the file
 * open would leave them.
 */
function copyMadeWhileOpen(dir: string): string {
  const api = testApi('Test Counsel', dir);
  const original = path.join(dir, 'original.parley');
  const { caseId } = api.call('case.create', { path: original, directive: { title: 'Export-control suspension order', status: 'received' } });
  api.call('note.create', { caseId, fields: { body: 'The ministry asked about the allied-supplier carve-out' } });
  api.call('case.certificate', { caseId }); // folds the WAL into the file
  const file = path.join(dir, 'copy.parley');
  fs.copyFileSync(original, file);
  api.call('case.close', { caseId });
  fs.rmSync(original);
  expect(fs.readFileSync(file)[18], 'the copy is in WAL mode').toBe(2);
  return file;
}

function run(dir: string, args: string[], data = 'cli-data') {
  const child = spawn(process.execPath, [BIN, ...args, '--data', path.join(dir, data)], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  onCleanup(() => child.kill('SIGKILL'));
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

/** Waits for the run to end, at most `ms`; null if it has not. */
async function exitWithin(exited: Promise<number | null>, ms: number): Promise<number | null | 'still running'> {
  return Promise.race([exited, sleep(ms).then(() => 'still running' as const)]);
}

describe('a signal in the middle of a long run', () => {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    it(`${signal}: the run stops between files, closes them, exits ${code} saying so; nothing is left beside the case, which verifies`, async () => {
      const dir = testApi().dir;
      const file = copyMadeWhileOpen(dir);
      const bytes = fs.readFileSync(file);
      // A search of the same file a thousand times over: each opened read-only and closed in turn, for many seconds.
      const search = run(dir, ['search', 'carve-out', ...Array<string>(1000).fill('copy.parley')]);
      let reading = false;
      for (let i = 0; i < 3000 && !reading && search.child.exitCode === null; i++) {
        reading = fs.existsSync(`${file}-wal`);
        if (!reading) await sleep(5);
      }
      expect(reading, 'the search was reading the file when the signal came').toBe(true);
      await sleep(300);
      search.child.kill(signal);

      const exit = await exitWithin(search.exited, 10_000);
      const { stdout, stderr } = search.output();
      expect(exit, stderr).toBe(code);
      expect(stderr).toBe(`parley: stopped (${signal}): nothing after the last saved change was written, and every file this run opened was closed\n`);
      expect(stdout).toBe('');
      expect(fs.readdirSync(dir).filter((n) => n !== 'data' && n !== 'cli-data')).toEqual(['copy.parley']);
      expect(fs.readFileSync(file).equals(bytes)).toBe(true);

      const verify = run(dir, ['verify', 'copy.parley']);
      expect(await exitWithin(verify.exited, 30_000), verify.output().stderr).toBe(0);
      expect(verify.output().stdout).toMatch(/Every check passed/);
      expect(fs.readdirSync(dir).filter((n) => n !== 'data' && n !== 'cli-data')).toEqual(['copy.parley']);
    }, 60_000);
  }
});

describe('a signal during an import', () => {
  it('stops it before the case file is begun, or lets the one step of making it finish: never half a case, nothing left beside it', async () => {
    const dir = testApi().dir;
    const api = testApi('Test Counsel', dir);
    const { caseId } = api.call('case.create', { path: path.join(dir, 'source.parley'), directive: { title: 'Export-control suspension order', status: 'received' } });
    for (let i = 0; i < 6; i++) {
      api.call('attachment.add', { caseId, name: `scan-${i}.png`, mediaType: 'image/png', dataBase64: Buffer.alloc(3 * 1024 * 1024, i).toString('base64') });
      api.call('note.create', { caseId, fields: { body: `Note ${i} on the allied-supplier carve-out` } });
    }
    const exported = api.call('case.export', { caseId, includeAttachments: true });
    api.call('case.close', { caseId });
    fs.writeFileSync(path.join(dir, 'export.json'), JSON.stringify(exported));

    const outcomes = new Set<string>();
    for (const [round, delay] of [0, 200, 600, 1200].entries()) {
      const target = `imported-${round}.parley`;
      const data = `cli-data-${round}`;
      const importing = run(dir, ['import', 'export.json', target], data);
      // Its library folder appears once the run has begun (the signal handlers are in place by then).
      for (let i = 0; i < 3000 && !fs.existsSync(path.join(dir, data)) && importing.child.exitCode === null; i++) await sleep(2);
      await sleep(delay);
      // On a quiet machine the later rounds may finish before their signal is sent: then it is an import like any other.
      const finishedFirst = importing.child.exitCode !== null;
      importing.child.kill('SIGINT');
      const exit = await exitWithin(importing.exited, 30_000);
      const { stderr } = importing.output();
      expect(exit, stderr).toBe(finishedFirst ? 0 : 130);
      const made = fs.existsSync(path.join(dir, target));
      if (finishedFirst) expect(made, 'an import that ended by itself made its case').toBe(true);
      if (made) {
        if (!finishedFirst) expect(stderr).toMatch(/^parley: SIGINT came as the command was finishing; it finished, and what it reported stands\n$/);
        const verify = run(dir, ['verify', target, '--json']);
        expect(await exitWithin(verify.exited, 30_000)).toBe(0);
        expect(JSON.parse(verify.output().stdout)).toMatchObject({ ok: true, auditChain: { problems: [] } });
      } else {
        expect(stderr).toBe('parley: stopped (SIGINT): nothing after the last saved change was written, and every file this run opened was closed\n');
      }
      outcomes.add(made ? 'finished' : 'stopped');
      expect(fs.readdirSync(dir).filter((n) => n.startsWith('.') || n.startsWith(`${target}-`))).toEqual([]);
    }
    expect(outcomes.has('stopped'), 'some signal came before the import began').toBe(true);
  }, 240_000);
});
