// What an interruption leaves, and what Parley does with it at the next opening: a hot rollback journal is rolled
// back (nothing lost, the file not refused), temporary files of a killed operation are removed (a decrypt's
// plaintext copy among them), and a read-only opening puts nothing beside a file. Each state is made for real, by a
// child process killed in the middle of its work.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, REPO } from '../cli/support/parley.js';
import { HOST_TAG } from '../../electron/core/files.js';
import { onCleanup, testApi, type TestApi } from '../helpers.js';
import { rawConnection, withRawConnection } from './support/files.js';
import { FIRST_PASSPHRASE, SECOND_PASSPHRASE } from './support/passphrases.js';
import { isPlain, pristineCase } from './support/key-change.js';
import { bundleWriter, startWriter } from './support/writer-process.js';

const DRIVER = path.join(import.meta.dirname, '..', '..', 'node_modules', 'better-sqlite3-multiple-ciphers');

let buildDir: string;
let script: string;

beforeAll(async () => {
  buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-interrupted-'));
  script = await bundleWriter(buildDir);
});
afterAll(() => fs.rmSync(buildDir, { recursive: true, force: true }));

/** A closed case with notes; what it held when closed. */
function closedCase(api: TestApi, name: string, passphrase?: string) {
  const file = path.join(api.dir, name);
  const { caseId } = api.call('case.create', { path: file, directive: { title: 'Export-control suspension order', status: 'received' }, passphrase });
  for (let i = 0; i < 40; i++) api.call('note.create', { caseId, fields: { body: `Note ${i}: ${'the ministry asked about allied suppliers '.repeat(30)}` } });
  const info = api.call('case.info', { caseId });
  api.call('case.close', { caseId });
  return { file, caseId, auditHead: info.auditHead, counts: info.counts };
}

/**
 * Starts a rollback-mode write in another process and kills it before it commits, with the pages it changed
 * already written to the file: what a crash leaves in the middle of closing a case (the switch out of WAL mode is
 * such a write), or of any rollback-mode write. Returns once the process is dead.
 */
function killMidRollbackWrite(file: string, passphrase?: string): void {
  const code = `
    const Database = require(${JSON.stringify(DRIVER)});
    const db = new Database(${JSON.stringify(file)});
    ${passphrase ? `db.pragma("cipher = 'sqlcipher'"); db.pragma('legacy = 4'); db.key(Buffer.from(${JSON.stringify(passphrase)}));` : ''}
    db.pragma('cache_size = 2'); // spill changed pages to the file before the commit
    db.exec('BEGIN IMMEDIATE');
    db.exec("UPDATE note SET body = 'overwritten by a write that never committed'");
    process.kill(process.pid, 'SIGKILL');`;
  const res = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
  expect(res.signal, res.stderr).toBe('SIGKILL');
}

function journalIsHot(file: string): boolean {
  return fs.existsSync(`${file}-journal`) && fs.readFileSync(`${file}-journal`).subarray(0, 8).equals(Buffer.from('d9d505f920a163d7', 'hex'));
}

describe('a hot rollback journal left by a crash (for example in the middle of closing a case)', () => {
  it.each([
    ['plain', undefined],
    ['encrypted', FIRST_PASSPHRASE],
  ])('%s: is rolled back at the next opening, read-only or for editing, with nothing lost', (_label, passphrase) => {
    const api = testApi();
    for (const readOnly of [true, false]) {
      const before = closedCase(api, `case-${readOnly}.parley`, passphrase);
      killMidRollbackWrite(before.file, passphrase);
      expect(journalIsHot(before.file)).toBe(true);

      const info = api.call('case.open', { path: before.file, readOnly, passphrase });
      expect(info.auditHead).toBe(before.auditHead);
      expect(info.counts).toEqual(before.counts);
      expect(api.call('note.list', { caseId: info.caseId }).filter((n) => n.body.startsWith('overwritten'))).toEqual([]);
      expect(api.call('case.verify', { caseId: info.caseId })).toMatchObject({ ok: true, integrity: ['ok'], foreignKeys: [], auditChain: { problems: [] } });
      expect(journalIsHot(before.file)).toBe(false);
      api.call('case.close', { caseId: info.caseId });
    }
  });

  it('encrypted, opened with a wrong passphrase: wrong_passphrase, the file and its journal untouched; the right one then recovers all', () => {
    const api = testApi();
    const before = closedCase(api, 'case.parley', FIRST_PASSPHRASE);
    killMidRollbackWrite(before.file, FIRST_PASSPHRASE);
    expect(journalIsHot(before.file)).toBe(true);
    const fileBytes = fs.readFileSync(before.file);
    const journalBytes = fs.readFileSync(`${before.file}-journal`);

    for (const readOnly of [true, false]) {
      expect(api.fail('case.open', { path: before.file, readOnly, passphrase: SECOND_PASSPHRASE }, 'wrong_passphrase').message).toMatch(/passphrase is wrong/);
      expect(fs.readFileSync(before.file).equals(fileBytes), 'the file is untouched').toBe(true);
      expect(fs.readFileSync(`${before.file}-journal`).equals(journalBytes), 'the journal is untouched').toBe(true);
    }
    expect(fs.readdirSync(api.dir).filter((n) => n.startsWith('case.parley')).sort()).toEqual(['case.parley', 'case.parley-journal']);

    const info = api.call('case.open', { path: before.file, passphrase: FIRST_PASSPHRASE });
    expect(info.auditHead).toBe(before.auditHead);
    expect(info.counts).toEqual(before.counts);
    expect(api.call('note.list', { caseId: info.caseId }).filter((n) => n.body.startsWith('overwritten'))).toEqual([]);
    expect(api.call('case.verify', { caseId: info.caseId })).toMatchObject({ ok: true, integrity: ['ok'], auditChain: { problems: [] } });
    expect(api.internalErrors).toEqual([]);
  });

  it('in a folder Parley cannot write to is refused with a sentence that says what to do, and left as it is', (ctx) => {
    if (process.getuid?.() === 0) ctx.skip('root may write to any folder, so a read-only folder cannot be made here');
    const api = testApi();
    const before = closedCase(api, 'case.parley');
    killMidRollbackWrite(before.file);
    fs.chmodSync(api.dir, 0o555);
    onCleanup(() => fs.chmodSync(api.dir, 0o755));
    expect(api.fail('case.open', { path: before.file, readOnly: true }, 'read_only').message).toMatch(/interrupted.*copy the file and its -journal/s);
    expect(journalIsHot(before.file)).toBe(true);
  });
});

describe('a file another program holds in the middle of a write', () => {
  it('is reported in use (already_open), not damaged, and opens once the other program is done', async () => {
    const api = testApi();
    const before = closedCase(api, 'case.parley');
    const holder = spawn(process.execPath, ['-e', `
      const Database = require(${JSON.stringify(DRIVER)});
      const db = new Database(${JSON.stringify(before.file)});
      db.exec('BEGIN EXCLUSIVE');
      process.stdout.write('holding\\n');
      setTimeout(() => { db.exec('COMMIT'); db.close(); }, 12000);`], { stdio: ['ignore', 'pipe', 'inherit'] });
    onCleanup(() => holder.kill('SIGKILL'));
    const exited = new Promise((resolve) => holder.on('exit', resolve));
    await new Promise((resolve) => holder.stdout.once('data', resolve));
    // It holds the file far longer than an open waits (5 seconds), so the open cannot pass by outwaiting it.
    const started = Date.now();
    expect(api.fail('case.open', { path: before.file, readOnly: true }, 'already_open').message).toMatch(/in use by another program.*try again/);
    expect(holder.exitCode, 'the other program still held the file when the open was refused').toBeNull();
    expect(Date.now() - started).toBeLessThan(12_000);
    await exited;
    expect(api.call('case.open', { path: before.file }).auditHead).toBe(before.auditHead);
  }, 40_000);
});

describe('a journal that looks hot while another program is still writing (it holds the lock, and its journal is not synced)', () => {
  it('is reported in use (already_open) after one attempt to roll it back, the file and journal left to that program, which then finishes', async () => {
    const api = testApi();
    const before = closedCase(api, 'case.parley');
    // With synchronous = OFF, SQLite writes the journal's header whole at once, so the journal carries the mark of a
    // hot one while its writer holds the file's RESERVED lock: for SQLite it is not hot (readers read past it), and
    // nothing can roll it back.
    const holder = spawn(process.execPath, ['-e', `
      const Database = require(${JSON.stringify(DRIVER)});
      const db = new Database(${JSON.stringify(before.file)});
      db.pragma('synchronous = OFF');
      db.exec('BEGIN IMMEDIATE');
      db.exec("UPDATE note SET body = 'rewritten by the other program'");
      process.stdout.write('holding\\n');
      process.stdin.once('data', () => { db.exec('COMMIT'); db.close(); process.stdout.write('committed\\n'); });`], { stdio: ['pipe', 'pipe', 'inherit'] });
    onCleanup(() => holder.kill('SIGKILL'));
    const exited = new Promise((resolve) => holder.on('exit', resolve));
    await new Promise((resolve) => holder.stdout.once('data', resolve));
    expect(journalIsHot(before.file)).toBe(true);
    const fileBytes = fs.readFileSync(before.file);
    const journalBytes = fs.readFileSync(`${before.file}-journal`);

    for (const readOnly of [true, false]) {
      expect(api.fail('case.open', { path: before.file, readOnly }, 'already_open').message).toMatch(/in use by another program.*try again/);
    }
    expect(fs.readFileSync(before.file).equals(fileBytes)).toBe(true);
    expect(fs.readFileSync(`${before.file}-journal`).equals(journalBytes)).toBe(true);

    holder.stdin.end('commit\n');
    await exited;
    const info = api.call('case.open', { path: before.file, readOnly: true });
    expect(api.call('note.list', { caseId: info.caseId }).every((n) => n.body === 'rewritten by the other program')).toBe(true);
  }, 30_000);
});

describe('temporary files of an interrupted operation', () => {
  it('a decrypt killed while it writes its plaintext copy: the copy is gone at the next opening of the case, the case is whole', async () => {
    const api = testApi();
    const pristine = pristineCase(api, 'work.parley', FIRST_PASSPHRASE);
    let leftover: string | undefined;
    for (let attempt = 0; attempt < 20 && !leftover; attempt++) {
      const writer = startWriter(script, ['decrypt', pristine.file, path.join(api.dir, 'writer-data')]);
      await writer.linesPrinted(1);
      // Kill it once its copy is on the disk, before the copy is renamed into place.
      for (let i = 0; i < 400 && !leftover && writer.child.exitCode === null; i++) {
        leftover = fs.readdirSync(api.dir).find((n) => /^\.work\.parley\.rewrite-[0-9a-f]{8}-\d+-\d+$/.test(n) && fs.statSync(path.join(api.dir, n)).size > 4096);
        if (!leftover) await sleep(2);
      }
      writer.child.kill('SIGKILL');
      await writer.exited;
      if (leftover && !fs.existsSync(path.join(api.dir, leftover))) leftover = undefined;
    }
    expect(leftover, 'a kill fell while the copy was on the disk').toBeDefined();
    expect(isPlain(path.join(api.dir, leftover!)), 'the leftover copy is the decrypted case').toBe(true);
    expect(isPlain(pristine.file)).toBe(false);

    const info = api.call('case.open', { path: pristine.file, readOnly: true, passphrase: FIRST_PASSPHRASE });
    expect(info.auditHead).toBe(pristine.auditHead);
    expect(fs.readdirSync(api.dir).filter((n) => n.includes('work.parley'))).toEqual(['work.parley']);
  }, 120_000);

  it("are removed when any case of the folder is opened or created, but not while the process that made them runs", async () => {
    const api = testApi();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(dead.stdout);
    const aliveChild = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    onCleanup(() => aliveChild.kill('SIGKILL'));
    const left = [
      `.gone.parley.rewrite-${HOST_TAG}-${deadPid}-17`, `.gone.parley.rewrite-${HOST_TAG}-${deadPid}-17.keying`, `.gone.parley.rewrite-${HOST_TAG}-${deadPid}-17.keying-mj0A1B2C3D`,
      `.new.parley.creating-${HOST_TAG}-${deadPid}-3`, `.new.parley.creating-${HOST_TAG}-${deadPid}-3-wal`, `.sent.parley.transfer-${HOST_TAG}-${deadPid}-9`,
      `.library.json.tmp-${HOST_TAG}-${deadPid}-1`, `.kept.parley.copy-${HOST_TAG}-${deadPid}-4`,
    ];
    const running = `.other.parley.rewrite-${HOST_TAG}-${aliveChild.pid}-5`;
    for (const name of [...left, running]) fs.writeFileSync(path.join(api.dir, name), 'SQLite format 3\0 plaintext of a case');
    const unrelated = ['.hidden-notes', 'case.parley.v3-2026.backup.parley', '.gone.parley.rewrite-notapid'];
    for (const name of unrelated) fs.writeFileSync(path.join(api.dir, name), 'kept');

    api.call('case.create', { path: path.join(api.dir, 'fresh.parley'), directive: { title: 'A new case', status: 'received' } });
    const names = fs.readdirSync(api.dir);
    expect(names.filter((n) => left.includes(n))).toEqual([]);
    expect(names).toContain(running);
    for (const name of unrelated) expect(names).toContain(name);

    aliveChild.kill('SIGKILL');
    await new Promise((resolve) => aliveChild.on('exit', resolve));
    const { caseId } = api.call('case.open', { path: path.join(api.dir, 'fresh.parley') }) as { caseId: string };
    expect(caseId).toBeTruthy();
    api.call('case.close', { caseId });
    api.call('case.open', { path: path.join(api.dir, 'fresh.parley'), readOnly: true });
    expect(fs.readdirSync(api.dir)).not.toContain(running);
  });
});

describe('a read-only opening', () => {
  /** A copy of a case made while it was open (its header says WAL, and no WAL is beside the copy). */
  function copyMadeWhileOpen(api: TestApi): { file: string; bytes: Buffer } {
    const original = path.join(api.dir, 'original.parley');
    const { caseId } = api.call('case.create', { path: original, directive: { title: 'Export-control suspension order', status: 'received' } });
    api.call('note.create', { caseId, fields: { body: 'Written before the copy' } });
    api.call('case.certificate', { caseId }); // folds the WAL into the file, as a careful copier would
    const file = path.join(api.dir, 'copy.parley');
    fs.copyFileSync(original, file);
    api.call('case.close', { caseId });
    const bytes = fs.readFileSync(file);
    expect([bytes[18], bytes[19]], 'the copy is in WAL mode').toEqual([2, 2]);
    return { file, bytes };
  }

  it('of a file copied while it was open (WAL mode) leaves nothing beside it and the file byte-identical: read-only and review', () => {
    const api = testApi();
    const { file, bytes } = copyMadeWhileOpen(api);
    const ro = api.call('case.open', { path: file, readOnly: true });
    expect(api.call('note.list', { caseId: ro.caseId }).map((n) => n.body)).toEqual(['Written before the copy']);
    api.call('case.close', { caseId: ro.caseId });
    expect(fs.readdirSync(api.dir).filter((n) => n.startsWith('copy.parley'))).toEqual(['copy.parley']);

    const review = api.call('case.openForReview', { path: file });
    api.call('case.close', { caseId: review.caseId });
    expect(fs.readdirSync(api.dir).filter((n) => n.startsWith('copy.parley'))).toEqual(['copy.parley']);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('leaves the -wal and -shm of a program that has the file open, and that program loses nothing', () => {
    const api = testApi();
    const { file } = copyMadeWhileOpen(api);
    const other = rawConnection(file);
    onCleanup(() => other.open && other.close());
    other.exec("INSERT INTO case_meta (key, value) VALUES ('written_elsewhere', 'yes')"); // another program, mid-session
    const ro = api.call('case.open', { path: file, readOnly: true });
    api.call('case.close', { caseId: ro.caseId });
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    expect(other.prepare("SELECT value FROM case_meta WHERE key = 'written_elsewhere'").pluck().get()).toBe('yes');
    other.close();
    expect(fs.readdirSync(api.dir).filter((n) => n.startsWith('copy.parley'))).toEqual(['copy.parley']);
  });
});

describe('a file with Parley\'s mark and nothing else', () => {
  it('is refused as not a case file, read-only or for editing, and left byte-identical with nothing beside it', () => {
    const api = testApi();
    const file = path.join(api.dir, 'empty.parley');
    withRawConnection(file, (db) => db.pragma('application_id = 1347570777'), { create: true }); // 0x50524C59, "PRLY"
    const bytes = fs.readFileSync(file);
    for (const readOnly of [false, true]) {
      expect(api.fail('case.open', { path: file, readOnly }, 'not_a_case_file').message).toMatch(/holds no case.*not changed/);
    }
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.readdirSync(api.dir).filter((n) => n.startsWith('empty.parley'))).toEqual(['empty.parley']);
  });
});

/** The exit code once the process has exited; fails the test if it is still running after `ms`. */
async function exitedWithin(exited: Promise<number | null>, ms: number): Promise<number | null> {
  const late = Symbol('late');
  const timer = sleep(ms, late);
  const result = await Promise.race([exited, timer]);
  expect(result, `the process exited within ${ms} ms of the signal`).not.toBe(late);
  return result as number | null;
}

describe('`parley decrypt` interrupted with Ctrl-C (SIGINT) or SIGTERM', () => {
  it('finishes or undoes what it began first: no plaintext copy is left beside the file, which is whole', async () => {
    await buildCli();
    const api = testApi();
    const pristine = pristineCase(api, 'work.parley', FIRST_PASSPHRASE);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const child = spawn(process.execPath, [path.join(REPO, 'bin', 'parley.cjs'), 'decrypt', pristine.file, '--passphrase-stdin', '--data', path.join(api.dir, 'cli-data')], { stdio: ['pipe', 'pipe', 'pipe'] });
      child.stdin.end(`${FIRST_PASSPHRASE}\n`);
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      let sawCopy = false;
      for (let i = 0; i < 2000 && !sawCopy && child.exitCode === null; i++) {
        sawCopy = fs.readdirSync(api.dir).some((n) => n.startsWith('.work.parley.rewrite-'));
        if (!sawCopy) await sleep(1);
      }
      child.kill(signal);
      const code = await exitedWithin(exited, 30_000);
      expect(sawCopy, 'the signal came while the copy was being written').toBe(true);
      expect([0, signal === 'SIGINT' ? 130 : 143], stderr).toContain(code);
      expect(fs.readdirSync(api.dir).filter((n) => n.includes('work.parley'))).toEqual(['work.parley']);
      const info = api.call('case.open', { path: pristine.file, readOnly: true, passphrase: isPlain(pristine.file) ? undefined : FIRST_PASSPHRASE });
      expect(info.auditHead).toBe(pristine.auditHead);
      api.call('case.close', { caseId: info.caseId });
      if (isPlain(pristine.file)) {
        // Decrypted by the first run: encrypt it again for the second.
        api.call('case.encrypt', { path: pristine.file, passphrase: FIRST_PASSPHRASE });
      }
    }
  }, 120_000);
});
