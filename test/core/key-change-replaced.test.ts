// Two key changes on one case at once: the one that comes second finds the file replaced by the other's new file
// while it starts. Here the other change's rename is made to land at the moments the race test
// (key-change-race.test.ts) can only hit by chance: between the check that the file is still the one found and the
// attach that reads it, and after the attach, just before the file is taken. Either way the second change is refused
// as "changed meanwhile" (never a wrong passphrase or a damaged file), and the new file, with what is beside it, is
// left exactly as the other change and the program writing to it made it (db/rewrite.ts).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rewriteWithKey } from '../../electron/core/db/rewrite.js';
import { testApi } from '../helpers.js';
import { KEY_CHANGES, openWithEither, pristineCase, type Key } from './support/key-change.js';

afterEach(() => vi.restoreAllMocks());

/** The input of the key-change call `mode`, from key `from` to key `to`. */
function keyChangeInput(mode: string, file: string, from: Key, to: Key): Record<string, string> {
  if (mode === 'encrypt') return { path: file, passphrase: to! };
  if (mode === 'rekey') return { path: file, passphrase: from!, newPassphrase: to! };
  return { path: file, passphrase: from! };
}

/** The case under `from` at work.parley, and the same case as another key change to `to` made it, ready to be renamed over it. */
function caseAndItsNewFile(mode: 'encrypt' | 'rekey' | 'decrypt', from: Key, to: Key) {
  const api = testApi();
  const pristine = pristineCase(api, 'pristine.parley', from);
  const file = path.join(fs.realpathSync(api.dir), 'work.parley');
  fs.copyFileSync(pristine.file, file);
  // The other change made its new file the same way, under a temporary name beside the case.
  const other = path.join(api.dir, '.work.parley.other-change');
  fs.copyFileSync(pristine.file, other);
  rewriteWithKey(other, mode, from, to);
  return { api, pristine, file, other, newBytes: fs.readFileSync(other) };
}

const ATTACH = /^ATTACH \? AS src KEY \?$/;

describe('a key change that finds the case replaced by another key change while it starts', () => {
  it.each(KEY_CHANGES)('$mode: the other\'s rename lands just before the attach: refused as changed meanwhile, not as a wrong passphrase or damage', ({ mode, from, to }) => {
    const { api, pristine, file, other, newBytes } = caseAndItsNewFile(mode, from, to);
    const prepare = Database.prototype.prepare;
    let renamed = 0;
    vi.spyOn(Database.prototype, 'prepare').mockImplementation(function (this: Database.Database, sql: string) {
      if (ATTACH.test(sql) && renamed++ === 0) fs.renameSync(other, file);
      return prepare.call(this, sql) as never;
    });

    const res = api.raw(`case.${mode}`, keyChangeInput(mode, file, from, to));

    expect(renamed).toBe(1);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('already_open');
    expect(res.error.message).toMatch(/by another program a moment ago.*Nothing was changed/);
    vi.restoreAllMocks();
    // What is stored is the other change's file, untouched, and nothing was left beside it.
    expect(fs.readFileSync(file).equals(newBytes)).toBe(true);
    expect(fs.readdirSync(api.dir).filter((n) => n.includes('work.parley'))).toEqual(['work.parley']);
    expect(openWithEither(api, file, [to], `${mode} replaced before the attach`, pristine)).toBe(to);
  });

  it.each(KEY_CHANGES)('$mode: the other\'s rename lands after the attach: the replaced file is let go, and the journal of a program writing to the new file is left where it is', ({ mode, from, to }) => {
    const { api, pristine, file, other, newBytes } = caseAndItsNewFile(mode, from, to);
    // A rollback journal that a program writing to the new file has begun: its header is not yet written (zeroed),
    // as SQLite leaves it until the journal is synced, so no reader takes it for a crashed write's.
    const journal = Buffer.concat([Buffer.alloc(28), Buffer.from('pages the writer is about to change')]);
    const pragma = Database.prototype.pragma;
    let renamed = 0;
    vi.spyOn(Database.prototype, 'pragma').mockImplementation(function (this: Database.Database, source: string, options?: Database.PragmaOptions) {
      // The first step of taking the file: the attach has read it already.
      if (source === 'src.locking_mode = EXCLUSIVE' && renamed++ === 0) {
        fs.renameSync(other, file);
        fs.writeFileSync(`${file}-journal`, journal);
      }
      return pragma.call(this, source, options);
    });

    const res = api.raw(`case.${mode}`, keyChangeInput(mode, file, from, to));

    expect(renamed).toBe(1);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('already_open');
    expect(res.error.message).toMatch(/by another program a moment ago/);
    vi.restoreAllMocks();
    expect(fs.readFileSync(file).equals(newBytes)).toBe(true);
    expect(fs.existsSync(`${file}-journal`), 'the writer\'s journal beside the new file').toBe(true);
    expect(fs.readFileSync(`${file}-journal`).equals(journal)).toBe(true);
    expect(fs.readdirSync(api.dir).filter((n) => n.includes('work.parley')).sort()).toEqual(['work.parley', 'work.parley-journal']);
    // The writer finishes (its journal goes): the case is whole under the other change's key.
    fs.rmSync(`${file}-journal`);
    expect(openWithEither(api, file, [to], `${mode} replaced after the attach`, pristine)).toBe(to);
  });
});
