// Managing the library's case files: archiving (out of the dashboard, search and calendar export, restorable),
// renaming on disk (never over another file, never while open), and duplicating (another copy of the same case,
// which merges with the original).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newCase, testApi, type TestApi } from '../helpers.js';

const TODAY = '2026-03-10';

/** A closed case file with one deadline inside the dashboard's window and a searchable word in its title. */
function closedCase(api: TestApi, name: string, title: string): { caseId: string; path: string } {
  const info = newCase(api, name, title);
  api.call('deadline.create', { caseId: info.caseId, fields: { title: `${title} sovereignty reply`, deadlineKind: 'response', status: 'open', dueType: 'date', dueDate: '2026-03-15' } });
  api.call('case.close', { caseId: info.caseId });
  return { caseId: info.caseId, path: info.path };
}

describe('archiving a case', () => {
  it('keeps it listed, marked archived, and leaves it out of the dashboard, search and calendar export until restored', () => {
    const api = testApi();
    const kept = closedCase(api, 'kept.parley', 'Data localisation order');
    const old = closedCase(api, 'old.parley', 'Old export order');
    api.call('library.archive', { path: old.path, archived: true });

    expect(api.call('library.list', {}).map((e) => [path.basename(e.path), e.archived, e.title])).toEqual([
      ['old.parley', true, 'Old export order'], ['kept.parley', false, 'Data localisation order'],
    ]);
    expect(api.call('library.dashboard', { today: TODAY }).upcoming.map((d) => d.caseId)).toEqual([kept.caseId]);
    expect(api.call('library.search', { query: 'sovereignty' }).map((h) => h.caseId)).toEqual([kept.caseId]);
    expect(api.call('calendar.ics', {}).text).not.toContain('Old export order');

    // Opening an archived case to look something up leaves it in the archive.
    const opened = api.call('case.open', { path: old.path });
    api.call('case.close', { caseId: opened.caseId });
    expect(api.call('library.list', {}).find((e) => e.path === old.path)?.archived).toBe(true);

    api.call('library.archive', { path: old.path, archived: false });
    expect(api.call('library.list', {}).find((e) => e.path === old.path)?.archived).toBe(false);
    expect(api.call('library.search', { query: 'sovereignty' }).map((h) => h.caseId).sort()).toEqual([kept.caseId, old.caseId].sort());
  });

  it('refuses a file the library does not list', () => {
    const api = testApi();
    api.fail('library.archive', { path: path.join(api.dir, 'stranger.parley'), archived: true }, 'not_found');
  });
});

describe('renaming a case file', () => {
  it('renames the file in its folder, keeps the extension, and the library follows it with its archive mark', () => {
    const api = testApi();
    const c = closedCase(api, 'order.parley', 'Data localisation order');
    api.call('library.archive', { path: c.path, archived: true });
    const bytes = fs.readFileSync(c.path);
    const renamed = path.join(api.dir, 'Localisation – final.parley');
    expect(api.call('library.rename', { path: c.path, name: '  Localisation – final  ' })).toEqual({ path: renamed });
    expect(fs.existsSync(c.path)).toBe(false);
    expect(fs.readFileSync(renamed).equals(bytes)).toBe(true);
    expect(api.call('library.list', {})).toMatchObject([{ path: renamed, caseId: c.caseId, archived: true, state: 'ok' }]);
    // A name that already ends in the extension does not get it twice.
    expect(api.call('library.rename', { path: renamed, name: 'again.parley' })).toEqual({ path: path.join(api.dir, 'again.parley') });
    expect(api.call('case.open', { path: path.join(api.dir, 'again.parley') }).caseId).toBe(c.caseId);
  });

  it('refuses a name a file already has, and changes nothing', () => {
    const api = testApi();
    const c = closedCase(api, 'order.parley', 'Data localisation order');
    const other = path.join(api.dir, 'taken.parley');
    fs.writeFileSync(other, 'someone else’s file');
    const err = api.fail('library.rename', { path: c.path, name: 'taken' }, 'invalid_input');
    expect(err.message).toBe('There is already a file named taken.parley in that folder; choose another name. Nothing was changed.');
    expect(fs.readFileSync(other, 'utf8')).toBe('someone else’s file');
    expect(fs.existsSync(c.path)).toBe(true);
    expect(api.call('library.list', {}).map((e) => e.path)).toEqual([c.path]);
  });

  it('refuses while the case is open here or in another program, and refuses names with folders in them', () => {
    const api = testApi();
    const open = newCase(api, 'open.parley', 'Open order');
    expect(api.fail('library.rename', { path: open.path, name: 'new' }, 'already_open').message).toBe('open.parley is open in Parley; close it before renaming it. Nothing was changed.');
    api.call('case.close', { caseId: open.caseId });

    fs.writeFileSync(`${open.path}-wal`, ''); // what SQLite leaves beside a file another program has open
    expect(api.fail('library.rename', { path: open.path, name: 'new' }, 'invalid_input').message).toMatch(/^open\.parley is open in another program.*close it there first, then rename it\. Nothing was changed\.$/);
    fs.rmSync(`${open.path}-wal`);

    expect(api.fail('library.rename', { path: open.path, name: '../escape' }, 'invalid_input').message).toMatch(/without folders/);
    expect(api.fail('library.rename', { path: open.path, name: '.hidden' }, 'invalid_input').message).toMatch(/dot/);
    api.fail('library.rename', { path: path.join(api.dir, 'unknown.parley'), name: 'x' }, 'not_found');
    expect(fs.existsSync(open.path)).toBe(true);
  });
});

describe('duplicating a case file', () => {
  it('makes another copy of the same case beside it, listed after it, which merges back into the original', () => {
    const api = testApi();
    const c = closedCase(api, 'order.parley', 'Data localisation order');
    const copy = path.join(api.dir, 'order copy.parley');
    expect(api.call('library.duplicate', { path: c.path })).toEqual({ path: copy });
    expect(api.call('library.duplicate', { path: c.path })).toEqual({ path: path.join(api.dir, 'order copy 2.parley') });
    expect(api.call('library.list', {}).map((e) => [path.basename(e.path), e.caseId, e.lastOpenedAt === null])).toEqual([
      ['order.parley', c.caseId, false], ['order copy 2.parley', c.caseId, true], ['order copy.parley', c.caseId, true],
    ]);

    // The same case: a change made in the duplicate merges into the original.
    api.call('case.open', { path: copy });
    const note = api.call('note.create', { caseId: c.caseId, fields: { body: 'Written in the duplicate' } });
    api.call('case.close', { caseId: c.caseId });
    api.call('case.open', { path: c.path });
    api.call('case.merge', { caseId: c.caseId, from: copy });
    expect(api.call('note.get', { caseId: c.caseId, id: note.id })).toMatchObject({ body: 'Written in the duplicate' });
  });

  it('duplicates a case that is open, and refuses an encrypted one that is not', () => {
    const api = testApi();
    const open = newCase(api, 'open.parley', 'Open order');
    expect(api.call('library.duplicate', { path: open.path })).toEqual({ path: path.join(api.dir, 'open copy.parley') });
    api.call('case.close', { caseId: open.caseId });

    const sealed = api.call('case.create', { path: path.join(api.dir, 'sealed.parley'), directive: { title: 'Sealed order', status: 'received' }, passphrase: 'copper lantern orchard' });
    api.call('case.close', { caseId: sealed.caseId });
    expect(api.fail('library.duplicate', { path: sealed.path }, 'invalid_input').message).toBe('sealed.parley is encrypted: open it with its passphrase first, then duplicate it. Nothing was changed.');
    expect(fs.readdirSync(api.dir).filter((f) => f.startsWith('sealed'))).toEqual(['sealed.parley']);
  });
});
