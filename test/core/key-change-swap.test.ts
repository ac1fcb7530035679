// How a key change puts its new file in place, on each kind of system: POSIX holds the old file through the rename;
// Windows, which renames over no open file and removes no open journal, lets go of it first (db/rewrite.ts SwapMode).
// Both ways run here, on the real file system: each must leave the case whole under its new key with nothing beside
// it, and each must be refused while the case is open elsewhere.
import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rewriteWithKey, swapModeOf, type SwapMode } from '../../electron/core/db/rewrite.js';
import { onCleanup, testApi } from '../helpers.js';
import { KEY_CHANGES, openWithEither, pristineCase } from './support/key-change.js';

afterEach(() => vi.restoreAllMocks());

/** The paths this process has open (Linux: /proc/self/fd), among `files`. */
function openHere(files: string[]): string[] {
  const open = new Set<string>();
  for (const fd of fs.readdirSync('/proc/self/fd')) {
    try {
      open.add(fs.readlinkSync(`/proc/self/fd/${fd}`));
    } catch {
      // closed meanwhile (the fd of readdir itself)
    }
  }
  return files.filter((f) => open.has(f));
}

const onLinux = process.platform === 'linux';

describe('the platform decides how the new file takes the old one\'s place', () => {
  it('Windows lets go first; every other system holds the file through the rename', () => {
    expect(swapModeOf('win32')).toBe('windows');
    for (const p of ['linux', 'darwin', 'freebsd'] as const) expect(swapModeOf(p)).toBe('posix');
  });
});

describe.each(['posix', 'windows'] as SwapMode[])('a key change, %s way', (swap) => {
  it.each(KEY_CHANGES)('$mode: the case is whole under the new key, nothing beside it; the old file was held at the rename only on POSIX', ({ mode, from, to }) => {
    const api = testApi();
    const pristine = pristineCase(api, 'work.parley', from);
    const file = fs.realpathSync(pristine.file);
    const heldAtRename: string[][] = [];
    const rename = fs.renameSync;
    vi.spyOn(fs, 'renameSync').mockImplementation((from_, to_) => {
      if (to_ === file) heldAtRename.push(openHere([file, `${file}-journal`]));
      rename(from_, to_);
    });

    rewriteWithKey(file, mode, from, to, swap);

    expect(heldAtRename).toHaveLength(1);
    if (onLinux) expect(heldAtRename[0]).toEqual(swap === 'posix' ? [file] : []);
    expect(fs.readdirSync(api.dir).filter((n) => n.includes('work.parley'))).toEqual(['work.parley']);
    expect(openWithEither(api, file, [to], `${swap} ${mode}`, pristine)).toBe(to);
  });

  it.each(KEY_CHANGES)('$mode: refused as already_open while the case is open for editing elsewhere, the file left as it was', ({ mode, from, to }) => {
    const api = testApi();
    const pristine = pristineCase(api, 'work.parley', from);
    const elsewhere = testApi('Other Counsel', api.dir);
    const { caseId } = elsewhere.call('case.open', { path: pristine.file, passphrase: from ?? undefined });
    onCleanup(() => elsewhere.session.closeAll());
    const bytes = fs.readFileSync(pristine.file);

    expect(() => rewriteWithKey(pristine.file, mode, from, to, swap)).toThrow(/in use by another program/);

    expect(fs.readFileSync(pristine.file).equals(bytes)).toBe(true);
    expect(fs.readdirSync(api.dir).filter((n) => n.includes('work.parley') && !/-(wal|shm)$/.test(n))).toEqual(['work.parley']);
    elsewhere.call('note.create', { caseId, fields: { body: 'Written after the refused change' } });
    elsewhere.call('case.close', { caseId });
    expect(openWithEither(api, pristine.file, [from], `${swap} ${mode} refused`, () => {})).toBe(from);
  });
});
