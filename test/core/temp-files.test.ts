// Temporary files outside case folders (export targets, the library folder) and on folders shared between
// machines: an atomic write cleans what interrupted writes left in its folder, and a temporary file another machine
// made is removed only once it is old. Real files in a temporary folder.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOST_TAG, OTHER_HOST_TEMP_GRACE_MS, removeLeftoversIn, tempPathBeside, removeTemp, writeFileAtomic } from '../../electron/core/files.js';
import { onCleanup, tempDir, testApi } from '../helpers.js';

function deadPid(): number {
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(dead.stdout);
}

function aliveChild() {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  onCleanup(() => child.kill('SIGKILL'));
  return child;
}

function write(dir: string, names: string[], ageMs = 0): void {
  for (const name of names) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, '{"partial": "export of a case"');
    if (ageMs) {
      const then = new Date(Date.now() - ageMs);
      fs.utimesSync(file, then, then);
    }
  }
}

const OTHER_HOST = HOST_TAG === 'abcdef01' ? 'abcdef02' : 'abcdef01';

describe('temporary names', () => {
  it('name this machine and this process', () => {
    const dir = tempDir();
    const temp = tempPathBeside(path.join(dir, 'brief.docx'), 'tmp');
    onCleanup(() => removeTemp(temp));
    expect(path.basename(temp)).toMatch(new RegExp(`^\\.brief\\.docx\\.tmp-${HOST_TAG}-${process.pid}-\\d+$`));
    expect(HOST_TAG).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe('an atomic write outside any case folder', () => {
  it('removes the temporary files this machine left there when their process is gone, and keeps those of a running one', () => {
    const dir = tempDir();
    const dead = deadPid();
    const running = aliveChild();
    const left = [`.case.json.tmp-${HOST_TAG}-${dead}-17`, `.brief.docx.tmp-${HOST_TAG}-${dead}-3`, `.case.json.tmp-${HOST_TAG}-${process.pid}-1`];
    const kept = [`.case.json.tmp-${HOST_TAG}-${running.pid}-5`, '.case.json.tmp-notes', 'case.json.tmp-1-2'];
    write(dir, [...left, ...kept]);

    writeFileAtomic(path.join(dir, 'case.json'), '{"whole": true}');
    const names = fs.readdirSync(dir);
    expect(names.filter((n) => left.includes(n))).toEqual([]);
    for (const name of kept) expect(names).toContain(name);
    expect(fs.readFileSync(path.join(dir, 'case.json'), 'utf8')).toBe('{"whole": true}');
  });

  it('of the library (library.json in the data folder) cleans that folder too', () => {
    const api = testApi();
    const dataDir = path.join(api.dir, 'data');
    const left = `.library.json.tmp-${HOST_TAG}-${deadPid()}-9`;
    write(dataDir, [left]);
    api.call('case.create', { path: path.join(api.dir, 'cases-elsewhere.parley'), directive: { title: 'Export-control suspension order', status: 'received' } });
    expect(fs.readFileSync(path.join(dataDir, 'library.json'), 'utf8')).toContain('cases-elsewhere.parley');
    expect(fs.readdirSync(dataDir)).not.toContain(left);
  });
});

describe('a temporary file another machine made (a shared or synced folder)', () => {
  it('is kept while it is younger than the grace, whatever its process number (even one alive here), and removed once older', () => {
    const dir = tempDir();
    const dead = deadPid();
    const young = [`.case.json.tmp-${OTHER_HOST}-${dead}-1`, `.other.parley.rewrite-${OTHER_HOST}-${process.pid}-2`, `.other.parley.rewrite-${OTHER_HOST}-${process.pid}-2-wal`];
    // Names an earlier Parley made carry no machine: they are treated as another machine's.
    const youngUntagged = [`.older.parley.rewrite-${dead}-3`];
    const old = [`.case.json.tmp-${OTHER_HOST}-${dead}-4`, `.gone.parley.creating-${OTHER_HOST}-1-5`, `.older.parley.rewrite-${dead}-6`];
    write(dir, [...young, ...youngUntagged]);
    write(dir, old, OTHER_HOST_TEMP_GRACE_MS + 60_000);
    const almost = `.case.json.tmp-${OTHER_HOST}-${dead}-7`;
    write(dir, [almost], OTHER_HOST_TEMP_GRACE_MS - 60 * 60_000);

    expect(removeLeftoversIn(dir).sort()).toEqual([...old].sort());
    const names = fs.readdirSync(dir);
    for (const name of [...young, ...youngUntagged, almost]) expect(names).toContain(name);

    // The same file, once it has aged past the grace, goes at the next write in the folder.
    const then = new Date(Date.now() - OTHER_HOST_TEMP_GRACE_MS - 1000);
    fs.utimesSync(path.join(dir, almost), then, then);
    writeFileAtomic(path.join(dir, 'case.json'), '{}');
    expect(fs.readdirSync(dir)).not.toContain(almost);
  });
});
