// The library: the case files a user has opened, and the questions asked across all of them. Files that moved,
// are damaged or come from a newer Parley are reported as problems; the rest still answer.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations.js';
import { isoToday } from '../../electron/core/today.js';
import { newCase, testApi, type TestApi } from '../helpers.js';
import { damageTable, withRawConnection } from './support/files.js';

const TODAY = '2026-03-10';

interface Library {
  api: TestApi;
  /** Open: one of everything the dashboard shows. */
  open: { caseId: string; path: string };
  /** Closed: one deadline inside the window, and some that are not shown. */
  closed: { caseId: string; path: string };
  damaged: string;
  missing: string;
  newer: string;
}

function deadline(api: TestApi, caseId: string, title: string, extra: Record<string, unknown>) {
  return api.call('deadline.create', { caseId, fields: { title, deadlineKind: 'response', status: 'open', dueType: 'date', ...extra } });
}

/** Makes a case file, lets `fill` add to it, and closes it; the library remembers it. */
function closedCase(api: TestApi, name: string, title: string, fill: (caseId: string) => void = () => {}): string {
  const info = newCase(api, name, title);
  fill(info.caseId);
  api.call('case.close', { caseId: info.caseId });
  return info.path;
}

function library(): Library {
  const api = testApi();
  const damaged = closedCase(api, 'damaged.parley', 'Damaged order', (caseId) => deadline(api, caseId, 'Lost deadline', { dueDate: '2026-03-11' }));
  damageTable(damaged, 'deadline');
  const missing = closedCase(api, 'missing.parley', 'Moved order');
  fs.renameSync(missing, path.join(api.dir, 'moved-away.parley'));
  const newer = closedCase(api, 'newer.parley', 'Future order');
  withRawConnection(newer, (db) => db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`));

  const closedInfo = newCase(api, 'closed.parley', 'Data localisation order');
  const c = closedInfo.caseId;
  deadline(api, c, 'Closed-case reply on sovereignty', { dueDate: '2026-03-20' });
  deadline(api, c, 'Beyond the window', { dueDate: '2026-04-30' });
  deadline(api, c, 'Far-off review', { dueDate: '2099-01-01' });
  deadline(api, c, 'Already done', { dueDate: '2026-03-12', status: 'done' });
  api.call('deadline.delete', { caseId: c, id: deadline(api, c, 'Deleted', { dueDate: '2026-03-12' }).id });
  api.call('case.close', { caseId: c });

  const openInfo = newCase(api, 'open.parley', 'Export-control suspension order');
  const o = openInfo.caseId;
  deadline(api, o, 'Overdue sovereignty filing', { dueDate: '2026-03-01' });
  deadline(api, o, 'Upcoming reply', { dueDate: '2026-03-15' });
  deadline(api, o, 'Hearing date', { dueType: 'tbd', windowStart: '2026-04-01', windowEnd: '2026-05-01' });
  api.call('actionItem.create', { caseId: o, fields: { title: 'Draft the sovereignty letter', status: 'open', dueDate: '2026-03-12' } });
  api.call('meeting.create', { caseId: o, fields: { title: 'Ministry meeting', status: 'planned', meetingDate: '2026-03-12', startTime: '10:00' } });
  api.call('meeting.create', { caseId: o, fields: { title: 'Last month', status: 'planned', meetingDate: '2026-02-12' } });
  api.call('watchItem.create', { caseId: o, fields: { title: 'Allied rules', status: 'triggered', triggeredOn: '2026-03-09' } });
  return { api, open: openInfo, closed: closedInfo, damaged, missing, newer };
}

describe('the library', () => {
  it('lists every known file, newest first, with a summary or the reason it could not be read', () => {
    const lib = library();
    const entries = lib.api.call('library.list', {});
    expect(entries.map((e) => [path.basename(e.path), e.state])).toEqual([
      ['open.parley', 'ok'], ['closed.parley', 'ok'], ['newer.parley', 'unreadable'], ['missing.parley', 'missing'], ['damaged.parley', 'unreadable'],
    ]);
    const [open, closed, newer, missing, damaged] = entries;
    expect(open).toMatchObject({ caseId: lib.open.caseId, title: 'Export-control suspension order', counts: { openDeadlines: 3, tbdDeadlines: 1, openActionItems: 1, meetings: 2 } });
    // The next deadline is counted from the real today, which the list does not take as input.
    const next = [['Closed-case reply on sovereignty', '2026-03-20'], ['Beyond the window', '2026-04-30'], ['Far-off review', '2099-01-01']].find(([, due]) => due! >= isoToday())!;
    expect(closed).toMatchObject({ caseId: lib.closed.caseId, nextDeadline: { title: next[0], dueDate: next[1] } });
    expect(newer!.problem).toMatch(/newer version of Parley/);
    expect(missing!.problem).toMatch(/no longer where it was/);
    expect(damaged!.problem).toMatch(/damaged/);
    for (const e of entries) expect(e.lastOpenedAt).toEqual(expect.any(String));
  });

  it('gathers the dashboard across case files and reports the ones it could not read', () => {
    const lib = library();
    const dash = lib.api.call('library.dashboard', { today: TODAY, withinDays: 14 });
    const titles = (rows: { title: string; caseId: string }[]) => rows.map((r) => [r.title, r.caseId]);
    expect(titles(dash.overdue)).toEqual([['Overdue sovereignty filing', lib.open.caseId]]);
    expect(titles(dash.upcoming)).toEqual([['Upcoming reply', lib.open.caseId], ['Closed-case reply on sovereignty', lib.closed.caseId]]);
    expect(titles(dash.tbd)).toEqual([['Hearing date', lib.open.caseId]]);
    expect(titles(dash.openActionItems)).toEqual([['Draft the sovereignty letter', lib.open.caseId]]);
    expect(titles(dash.upcomingMeetings)).toEqual([['Ministry meeting', lib.open.caseId]]);
    expect(titles(dash.triggeredWatchItems)).toEqual([['Allied rules', lib.open.caseId]]);
    expect(dash.upcoming[1]).toMatchObject({ caseTitle: 'Data localisation order', path: lib.closed.path });
    const problems = Object.fromEntries(dash.problems.map((p) => [path.basename(p.path), p.message]));
    expect(Object.keys(problems).sort()).toEqual(['damaged.parley', 'missing.parley', 'newer.parley']);
    expect(problems['damaged.parley']).toMatch(/damaged/);
    expect(lib.api.internalErrors).toEqual([]);
  });

  it('lists my open action items across cases: those whose owner is my name, spacing and letter case aside', () => {
    const api = testApi('Dana Whitfield');
    const item = (caseId: string, title: string, owner: string | null, extra: Record<string, unknown> = {}) =>
      api.call('actionItem.create', { caseId, fields: { title, status: 'open', owner, ...extra } });
    let meetingId = '';
    const closedPath = closedCase(api, 'closed.parley', 'Data localisation order', (caseId) => {
      meetingId = api.call('meeting.create', { caseId, fields: { title: 'Ministry meeting', status: 'held' } }).id;
      item(caseId, 'Send the ministry our draft', '  dana   WHITFIELD ', { meetingId, dueDate: '2026-03-12' });
      item(caseId, 'Book the room', 'Ben Okafor', { meetingId });
    });
    const open = newCase(api, 'open.parley', 'Export-control suspension order');
    item(open.caseId, 'Brief the minister', 'Dana Whitfield', { dueDate: '2026-03-11' });
    item(open.caseId, 'Already done', 'Dana Whitfield', { status: 'done' });
    item(open.caseId, 'Nobody’s', null);

    const mine = api.call('library.dashboard', { today: TODAY }).myActionItems;
    expect(mine.map((a) => [a.title, a.caseTitle])).toEqual([
      ['Brief the minister', 'Export-control suspension order'],
      ['Send the ministry our draft', 'Data localisation order'],
    ]);
    // Each names its meeting and its case file: a click opens the case at that meeting.
    expect(mine[1]).toMatchObject({ meetingId, path: closedPath });
    expect(api.call('library.dashboard', { today: TODAY }).openActionItems).toHaveLength(4); // everyone's, as before
  });

  it('still answers when a damaged file is open read-only in the session', () => {
    const lib = library();
    lib.api.call('case.open', { path: lib.damaged, readOnly: true });
    const dash = lib.api.call('library.dashboard', { today: TODAY });
    expect(dash.upcoming.map((d) => d.title)).toEqual(['Upcoming reply', 'Closed-case reply on sovereignty']);
    expect(dash.problems.map((p) => path.basename(p.path)).sort()).toEqual(['damaged.parley', 'missing.parley', 'newer.parley']);
    expect(lib.api.call('library.list', {}).find((e) => e.path === lib.damaged)).toMatchObject({ state: 'unreadable', problem: expect.stringMatching(/damaged/) });
    expect(lib.api.call('library.search', { query: 'sovereignty' })).toHaveLength(3);
  });

  it('searches every readable case file, best match first, and says which case each hit is in', () => {
    const lib = library();
    const hits = lib.api.call('library.search', { query: 'sovereignty' });
    expect(hits.map((h) => [h.title, h.caseTitle]).sort()).toEqual([
      ['Closed-case reply on sovereignty', 'Data localisation order'],
      ['Draft the sovereignty letter', 'Export-control suspension order'],
      ['Overdue sovereignty filing', 'Export-control suspension order'],
    ]);
    expect(hits.map((h) => h.rank)).toEqual([...hits.map((h) => h.rank)].sort((a, b) => a - b));
    expect(lib.api.call('library.search', { query: 'sovereignty', limit: 1 })).toHaveLength(1);
  });

  it('forgets a file without touching it, and refuses to forget one it does not know', () => {
    const lib = library();
    const bytes = fs.readFileSync(lib.closed.path);
    lib.api.call('library.forget', { path: lib.closed.path });
    expect(lib.api.call('library.list', {}).map((e) => e.path)).not.toContain(lib.closed.path);
    expect(lib.api.call('library.dashboard', { today: TODAY }).upcoming.map((d) => d.caseId)).not.toContain(lib.closed.caseId);
    expect(fs.readFileSync(lib.closed.path).equals(bytes)).toBe(true);
    lib.api.fail('library.forget', { path: lib.closed.path }, 'not_found');
  });

  it('keeps its list across sessions, and sets a damaged list aside instead of failing', () => {
    const lib = library();
    const again = testApi('Other Counsel', lib.api.dir);
    expect(again.call('library.list', {}).map((e) => e.path)).toEqual(lib.api.call('library.list', {}).map((e) => e.path));
    fs.writeFileSync(path.join(lib.api.dir, 'data', 'library.json'), '{ not json');
    expect(again.call('library.list', {})).toEqual([]);
    expect(fs.readdirSync(path.join(lib.api.dir, 'data')).some((f) => f.startsWith('library.json.unreadable-'))).toBe(true);
  });

  it('reports an entry naming a folder, a FIFO or a device as a file it could not read, and still answers for the rest', async () => {
    const lib = library();
    const fifo = path.join(lib.api.dir, 'a-fifo');
    execFileSync('mkfifo', [fifo]);
    const listFile = path.join(lib.api.dir, 'data', 'library.json');
    const list = JSON.parse(fs.readFileSync(listFile, 'utf8')) as { files: { path: string }[] };
    const strange = [lib.api.dir, fifo, '/proc/self/mem', '/dev/zero'];
    list.files.push(...strange.map((p) => ({ path: p, caseId: crypto.randomUUID(), lastOpenedAt: '2026-03-01T00:00:00.000Z' })));
    fs.writeFileSync(listFile, JSON.stringify(list));

    const entries = lib.api.call('library.list', {});
    expect(entries.find((e) => e.path === lib.closed.path)).toMatchObject({ state: 'ok', title: 'Data localisation order' });
    for (const p of strange) expect(entries.find((e) => e.path === p), p).toMatchObject({ state: 'unreadable', problem: expect.any(String) });
    const dashboard = lib.api.call('library.dashboard', { today: TODAY });
    expect(dashboard.upcoming.map((d) => d.title)).toContain('Closed-case reply on sovereignty');
    expect(dashboard.problems.map((p) => p.path)).toEqual(expect.arrayContaining(strange));
    expect(lib.api.call('library.search', { query: 'sovereignty' }).length).toBeGreaterThan(0);
    expect((await lib.api.rawAsync('calendar.ics', {})).ok).toBe(true);
    expect(lib.api.internalErrors).toEqual([]);
  });
});
