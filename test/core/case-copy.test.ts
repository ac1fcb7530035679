// Save a Copy As in the core: a checked copy of an open case, kept as the case is kept (an encrypted case's copy
// encrypted under the same passphrase), never written over a file another program has open. Real case files.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveCopyOf } from '../../electron/core/case-copy.js';
import { onCleanup, testApi, type TestApi } from '../helpers.js';
import { isPlain } from './support/key-change.js';
import { FIRST_PASSPHRASE, SECOND_PASSPHRASE } from './support/passphrases.js';

/** An open case with records of several kinds, an attachment among them; `passphrase` encrypts it. */
function openCase(api: TestApi, passphrase?: string, attachmentBytes = 64 * 1024) {
  const file = path.join(api.dir, 'original.parley');
  const { caseId } = api.call('case.create', { path: file, directive: { title: 'Export-control suspension order', status: 'received' }, passphrase });
  api.call('issue.create', { caseId, fields: { title: 'Scope of the suspension', priority: 'high', status: 'open' } });
  for (let i = 0; i < 5; i++) api.call('note.create', { caseId, fields: { body: `Note ${i} on the allied-supplier carve-out` } });
  api.call('attachment.add', { caseId, name: 'scan.png', mediaType: 'image/png', dataBase64: Buffer.alloc(attachmentBytes, 7).toString('base64') });
  return { file, caseId, info: api.call('case.info', { caseId }) };
}

/** Opens `file` in a session of its own and returns what it holds, having checked it passes verify. */
function contentsOf(file: string, passphrase?: string) {
  const other = testApi();
  const { caseId } = other.call('case.open', { path: file, readOnly: true, passphrase });
  expect(other.call('case.verify', { caseId })).toMatchObject({ ok: true, integrity: ['ok'], auditChain: { problems: [] } });
  const info = other.call('case.info', { caseId });
  const notes = other.call('note.list', { caseId }).map((n) => n.body).sort();
  const issues = other.call('issue.list', { caseId }).map((i) => i.title);
  const attachments = other.call('attachment.list', { caseId }).map((a) => a.sha256);
  other.call('case.close', { caseId });
  return { caseId: info.caseId, auditHead: info.auditHead, counts: info.counts, encrypted: info.encrypted, notes, issues, attachments };
}

function bytesBeside(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const suffix of ['', '-wal']) if (fs.existsSync(file + suffix)) out[suffix] = fs.readFileSync(file + suffix).toString('base64');
  return out;
}

const leftovers = (dir: string) => fs.readdirSync(dir).filter((n) => n.startsWith('.'));

describe('Save a Copy As (core)', () => {
  for (const passphrase of [undefined, FIRST_PASSPHRASE]) {
    const kind = passphrase ? 'an encrypted case' : 'a plain case';
    it(`of ${kind}: the copy opens as the case is opened, passes verify and holds every record; the original is only read`, () => {
      const api = testApi();
      const original = openCase(api, passphrase);
      const before = bytesBeside(original.file);
      const target = path.join(api.dir, 'copy.parley');
      expect(saveCopyOf(api.session, original.caseId, target)).toEqual({ path: target });

      expect(bytesBeside(original.file)).toEqual(before);
      expect(leftovers(api.dir)).toEqual([]);
      expect(isPlain(target)).toBe(!passphrase);
      if (passphrase) {
        expect(testApi().fail('case.open', { path: target, readOnly: true }, 'passphrase_required')).toBeTruthy();
        expect(testApi().fail('case.open', { path: target, readOnly: true, passphrase: SECOND_PASSPHRASE }, 'wrong_passphrase')).toBeTruthy();
      }
      const copy = contentsOf(target, passphrase);
      expect(copy).toMatchObject({ caseId: original.caseId, auditHead: original.info.auditHead, counts: original.info.counts, encrypted: !!passphrase });
      expect(copy.notes).toHaveLength(5);
      expect(copy.issues).toEqual(['Scope of the suspension']);
      expect(copy.attachments).toHaveLength(1);

      // The original goes on as it was, and what is written to it later is not in the copy.
      api.call('note.create', { caseId: original.caseId, fields: { body: 'Written after the copy' } });
      expect(contentsOf(target, passphrase).notes).not.toContain('Written after the copy');
      api.call('case.close', { caseId: original.caseId });
      expect(contentsOf(original.file, passphrase).notes).toContain('Written after the copy');
    });
  }

  it('replaces a file the user chose to overwrite, and it is the copy that is there', () => {
    const api = testApi();
    const original = openCase(api, FIRST_PASSPHRASE);
    const target = path.join(api.dir, 'older.parley');
    fs.writeFileSync(target, 'an older file');
    saveCopyOf(api.session, original.caseId, target);
    expect(contentsOf(target, FIRST_PASSPHRASE).auditHead).toBe(original.info.auditHead);
  });

  for (const suffix of ['-wal', '-shm', '-journal']) {
    it(`refuses a target with a ${suffix} beside it, changing nothing and leaving nothing`, () => {
      const api = testApi();
      const original = openCase(api, FIRST_PASSPHRASE);
      const target = path.join(api.dir, 'in-use.parley');
      fs.writeFileSync(target, 'a file another program has open');
      fs.writeFileSync(target + suffix, 'its journal');
      expect(() => saveCopyOf(api.session, original.caseId, target)).toThrow(/open in another program.*choose another name.*Nothing was changed/);
      expect(fs.readFileSync(target, 'utf8')).toBe('a file another program has open');
      expect(leftovers(api.dir)).toEqual([]);
    });
  }

  it('refuses when another program opens the target while the copy is being made (checked again just before the rename)', async () => {
    const api = testApi();
    // Some weight, so that the copy and its checks take a while after its temporary file appears.
    const original = openCase(api, FIRST_PASSPHRASE, 8 * 1024 * 1024);
    const target = path.join(api.dir, 'target.parley');
    fs.writeFileSync(target, 'the file at the chosen place');
    // Another program: as soon as the copy's temporary file appears beside the target, it opens the target (its WAL).
    const watcher = spawn(process.execPath, ['-e', `
      const fs = require('node:fs');
      const dir = ${JSON.stringify(api.dir)};
      process.stdout.write('watching\\n');
      const poll = () => {
        if (fs.readdirSync(dir).some((n) => n.startsWith('.target.parley.copy-'))) {
          fs.writeFileSync(${JSON.stringify(`${target}-wal`)}, '');
          process.exit(0);
        }
        setImmediate(poll);
      };
      poll();`], { stdio: ['ignore', 'pipe', 'inherit'] });
    onCleanup(() => watcher.kill('SIGKILL'));
    await new Promise((resolve) => watcher.stdout.once('data', resolve));
    const exited = new Promise((resolve) => watcher.on('exit', resolve));

    expect(() => saveCopyOf(api.session, original.caseId, target)).toThrow(/open in another program.*wal is beside it/);
    await exited;
    expect(fs.readFileSync(target, 'utf8')).toBe('the file at the chosen place');
    expect(leftovers(api.dir)).toEqual([]);
  }, 60_000);

  it('refuses the case itself, or another case this session has open, as the target', () => {
    const api = testApi();
    const original = openCase(api);
    const other = api.call('case.create', { path: path.join(api.dir, 'other.parley'), directive: { title: 'Another directive', status: 'received' } });
    for (const target of [original.file, other.path]) {
      expect(() => saveCopyOf(api.session, original.caseId, target)).toThrow(/is open in Parley; choose another name/);
    }
    expect(leftovers(api.dir)).toEqual([]);
  });
});
