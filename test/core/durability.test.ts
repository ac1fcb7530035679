// Durability, with a real second process writing to a real file: killed with SIGKILL at random moments, or stopped
// by a full disk, the case file stays whole and keeps every change whose write had returned.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onCleanup } from '../helpers.js';
import { crashRounds, crashSeed, crashTimeout } from './support/crash-settings.js';
import { seededRandom } from './support/random.js';
import { bundleWriter, startWriter, type Writer } from './support/writer-process.js';
import { CaseWorld } from './support/world.js';

const ROUNDS = crashRounds(10);
const KILL_SEED = crashSeed(20260310);

let buildDir: string;
let script: string;

beforeAll(async () => {
  buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-writer-'));
  script = await bundleWriter(buildDir);
});
afterAll(() => fs.rmSync(buildDir, { recursive: true, force: true }));

/** A closed case file for a writer process, and a data folder of the writer's own. */
function caseForWriter() {
  const w = CaseWorld.create();
  w.api.call('case.close', { caseId: w.caseId });
  return { w, args: (mode: string) => [mode, w.file, path.join(w.api.dir, 'writer-data')] };
}

/** What a writer said it had written: "note <id>", "issue <id> <version>", "attachment <id> <sha256>". */
function promised(writer: Writer, kind: string): string[][] {
  return writer.lines.filter((l) => l.startsWith(`${kind} `)).map((l) => l.split(' ').slice(1));
}

describe('a writer killed with SIGKILL at random moments', () => {
  it(`leaves a whole file holding every change whose write returned (${ROUNDS} rounds)`, async () => {
    const random = seededRandom(KILL_SEED);
    const { w, args } = caseForWriter();
    const notes = new Set<string>();
    const issueVersions = new Map<string, number>();
    for (let round = 0; round < ROUNDS; round++) {
      const writer = startWriter(script, args('crash'));
      await writer.linesPrinted(1); // it has the file open and has written to it
      await sleep(Math.floor(random() * 150));
      writer.child.kill('SIGKILL');
      expect((await writer.exited).signal, writer.stderr()).toBe('SIGKILL');
      for (const [id] of promised(writer, 'note')) notes.add(id!);
      for (const [id, version] of promised(writer, 'issue')) issueVersions.set(id!, Number(version));

      w.api.call('case.open', { path: w.file }); // passes the quick_check, and recovers the WAL
      const report = w.api.call('case.verify', { caseId: w.caseId });
      expect(report, `round ${round}`).toMatchObject({ ok: true, integrity: ['ok'], foreignKeys: [], auditChain: { problems: [] } });
      const stored = new Set(w.api.call('note.list', { caseId: w.caseId }).map((n) => n.id));
      expect([...notes].filter((id) => !stored.has(id)), `round ${round}: notes written but lost`).toEqual([]);
      for (const [id, version] of issueVersions) {
        expect(w.api.call('issue.get', { caseId: w.caseId, id }).version, `round ${round}: issue ${id}`).toBeGreaterThanOrEqual(version);
      }
      w.api.call('case.close', { caseId: w.caseId });
    }
    expect(notes.size).toBeGreaterThan(ROUNDS);
  }, crashTimeout(ROUNDS, 18_000)); // a child process per round: about 1.2 s each on an idle machine, far more on a loaded one
});

describe('a full disk', () => {
  // The disk fills up through a file size limit (ulimit -f), which holds for root too.
  it('refuses the write that does not fit with io_error, and loses nothing written before it', async () => {
    const { w, args } = caseForWriter();
    const writer = startWriter(script, args('fill'), { fileSizeLimitBlocks: 8192 });
    const { code } = await writer.exited;
    expect(code, writer.stderr()).toBe(0);
    const saved = promised(writer, 'attachment');
    expect(writer.lines.slice(-2), writer.stderr()).toEqual(['error io_error', `still-open ${saved.length}`]);
    expect(saved.length).toBeGreaterThan(0);

    w.api.call('case.open', { path: w.file });
    expect(w.api.call('case.verify', { caseId: w.caseId })).toMatchObject({ ok: true, integrity: ['ok'] });
    expect(w.api.call('attachment.list', { caseId: w.caseId }).map((a) => [a.id, a.sha256])).toEqual(saved);
    const [lastId] = saved.at(-1)!;
    const back = w.api.call('attachment.read', { caseId: w.caseId, id: lastId! });
    expect(Buffer.from(back.dataBase64, 'base64').length).toBe(256 * 1024);
  });
});

describe('a file without write permission', () => {
  // Root ignores permission bits, so under root the writer runs as the unprivileged user nobody (65534).
  it('is refused for editing with read_only before anything is written', async () => {
    const { w, args } = caseForWriter();
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      for (const dir of [w.api.dir, buildDir]) fs.chmodSync(dir, 0o777);
      fs.mkdirSync(path.join(w.api.dir, 'writer-data'), { mode: 0o777 });
      fs.chmodSync(path.join(w.api.dir, 'writer-data'), 0o777);
    }
    fs.chmodSync(w.file, 0o444);
    const before = fs.readFileSync(w.file);
    const writer = startWriter(script, args('edit'), asRoot ? { as: { uid: 65534, gid: 65534 } } : {});
    expect((await writer.exited).code, writer.stderr()).toBe(0);
    expect(writer.lines).toEqual(['open read_only']);
    expect(fs.readFileSync(w.file).equals(before)).toBe(true);
    expect(w.api.call('case.open', { path: w.file, readOnly: true }).readOnly).toBe(true);
  });
});

/** Sets or clears the immutable attribute; false where that cannot be done (no capability, or a file system without it). */
function setImmutable(files: string[], on: boolean): boolean {
  try {
    execFileSync('chattr', [on ? '+i' : '-i', ...files], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Whether, in `dir`, the immutable attribute stops writes through a descriptor opened before it was set. */
function immutableStopsOpenWriters(dir: string): boolean {
  const probe = path.join(dir, 'immutable-probe');
  const fd = fs.openSync(probe, 'w');
  try {
    if (!setImmutable([probe], true)) return false;
    fs.writeSync(fd, 'x');
    return false;
  } catch {
    return true;
  } finally {
    setImmutable([probe], false);
    fs.closeSync(fd);
    fs.rmSync(probe);
  }
}

describe('a file that becomes read-only while it is open', () => {
  // chmod cannot do this: root ignores permission bits, and a descriptor opened for writing stays writable after
  // chmod for anyone. The immutable attribute (chattr +i) refuses writes even through open descriptors, root's too.
  it('refuses the write with io_error, loses nothing, takes writes again once writable, and still closes', (ctx) => {
    const w = CaseWorld.create();
    const kept = [w.make('note'), w.make('note')].map((n) => n.id);
    const files = [w.file, `${w.file}-wal`];
    if (!immutableStopsOpenWriters(w.api.dir)) {
      ctx.skip('chattr +i cannot lock an open file here: it needs root, and a file system that honours it for open files (ext4 does, tmpfs does not)');
    }
    onCleanup(() => setImmutable(files, false));
    setImmutable(files, true);
    const before = w.diskState();
    expect(w.api.fail('note.create', { caseId: w.caseId, fields: { body: 'Written to a locked file' } }, 'io_error').message).toMatch(/not saved/);
    expect(w.api.call('note.list', { caseId: w.caseId }).map((n) => n.id)).toEqual(kept);
    expect(w.diskState()).toEqual(before);
    setImmutable(files, false);
    kept.push(w.make('note').id);
    setImmutable(files, true);
    w.api.call('case.close', { caseId: w.caseId }); // closing never fails for want of a disk to write to
    setImmutable(files, false);
    w.api.call('case.open', { path: w.file });
    expect(w.api.call('case.verify', { caseId: w.caseId }).ok).toBe(true);
    expect(w.api.call('note.list', { caseId: w.caseId }).map((n) => n.id)).toEqual(kept);
  });
});
