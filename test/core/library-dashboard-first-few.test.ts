// The dashboard asked for its first few rows of each list (library.dashboard's firstFew): each list is the first
// rows of the whole dashboard's, in the same order, and its totals count every row, over a library of closed
// (indexed) cases, a case open in the session, an archived case, a damaged file, ties in dates, undated rows and
// action items owned by the user under several spellings of their name. An index of an older version is set aside.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dashboard, DashboardListName } from '../../shared/api-types.js';
import { INDEX_FILE } from '../../electron/core/library-index.js';
import { newCase, testApi, type TestApi } from '../helpers.js';
import { damageTable, withRawConnection } from './support/files.js';

const TODAY = '2026-03-10';
const LISTS: DashboardListName[] = ['overdue', 'upcoming', 'tbd', 'openActionItems', 'myActionItems', 'upcomingMeetings', 'triggeredWatchItems', 'toReview', 'checksDue'];
/** Owners as typed: the first two name the user (Test Counsel), spacing and letter case aside. */
const OWNERS = ['Test Counsel', '  test   COUNSEL ', 'Bob Baker', null];

/** A case with `n` rows of every list; dates repeat across cases (ties), and some rows are undated. */
function variedCase(api: TestApi, name: string, n: number, keepOpen = false) {
  const info = newCase(api, name, `${name} order`);
  const c = info.caseId;
  for (let i = 0; i < n; i++) {
    const day = `2026-03-${String(1 + ((i * 7) % 20)).padStart(2, '0')}`; // overdue and upcoming, three cases alike
    const dated = { title: `${name} deadline ${i}`, deadlineKind: 'response' as const, status: 'open' as const, dueType: 'date' as const, dueDate: day };
    api.call('deadline.create', { caseId: c, fields: i % 4 === 3 ? { ...dated, dueType: 'tbd' as const, dueDate: null } : dated });
    api.call('actionItem.create', { caseId: c, fields: { title: `${name} action ${i}`, status: 'open', owner: OWNERS[i % OWNERS.length], dueDate: i % 3 ? day : null } });
    api.call('meeting.create', { caseId: c, fields: { title: `${name} meeting ${i}`, status: 'planned', meetingDate: i % 3 ? '2026-03-20' : null, startTime: i % 2 ? '10:00' : null } });
    const watch = api.call('watchItem.create', { caseId: c, fields: { title: `${name} watch ${i}`, status: 'watching', checkBy: i % 2 ? '2026-03-05' : '2026-03-09' } });
    const issue = api.call('issue.create', { caseId: c, fields: { title: `${name} issue ${i}`, priority: 'high', status: 'open' } });
    api.call('link.create', { caseId: c, fields: { fromKind: 'issue', fromId: issue.id, linkType: 'responds_to', toKind: 'watchItem', toId: watch.id } });
    if (i % 2) api.call('watchItem.update', { caseId: c, id: watch.id, changes: { status: 'triggered', triggeredOn: '2026-03-09' } });
  }
  if (!keepOpen) api.call('case.close', { caseId: c });
  return info;
}

function variedLibrary() {
  const api = testApi();
  variedCase(api, 'alpha.parley', 9);
  variedCase(api, 'bravo.parley', 7);
  const archived = variedCase(api, 'archived.parley', 3);
  api.call('library.archive', { path: archived.path, archived: true });
  const damaged = variedCase(api, 'damaged.parley', 2);
  damageTable(damaged.path, 'deadline');
  variedCase(api, 'open.parley', 8, true);
  variedCase(api, 'charlie.parley', 6);
  return api;
}

/** The whole dashboard cut to its first `n` rows of each list. */
function cut(whole: Dashboard, n: number): Dashboard {
  return { ...whole, ...Object.fromEntries(LISTS.map((list) => [list, whole[list].slice(0, n)])) };
}

describe('the dashboard asked for its first few rows', () => {
  it('holds the first rows of each list of the whole dashboard, in its order, with the full counts', () => {
    const api = variedLibrary();
    const whole = api.call('library.dashboard', { today: TODAY });
    for (const list of LISTS) expect(whole.totals[list], list).toBe(whole[list].length);
    // The library is varied enough for the cuts below to fall inside runs of equal dates, and to need the open case.
    expect(whole.overdue.length).toBeGreaterThan(12);
    expect(whole.myActionItems.length).toBeGreaterThan(8);
    expect(whole.myActionItems.length).toBeLessThan(whole.openActionItems.length);
    expect(new Set(whole.overdue.slice(0, 10).map((d) => d.dueDate)).size).toBeLessThan(10);
    expect(whole.tbd.slice(0, 5).map((d) => d.caseTitle)).toContain('open.parley order');
    expect(whole.problems.map((p) => path.basename(p.path))).toEqual(['damaged.parley']);
    for (const n of [1, 2, 5, 11, 10_000]) {
      const first = api.call('library.dashboard', { today: TODAY, firstFew: n });
      expect(first, `firstFew ${n}`).toEqual(cut(whole, n));
    }
    expect(api.internalErrors).toEqual([]);
  });

  it('counts and cuts the user’s own action items by their name, spacing and letter case aside', () => {
    const api = variedLibrary();
    const first = api.call('library.dashboard', { today: TODAY, firstFew: 3 });
    const mine = (owner: string | null) => /^\s*test\s+counsel\s*$/i.test(owner ?? '');
    expect(first.myActionItems).toHaveLength(3);
    expect(first.myActionItems.every((a) => mine(a.owner))).toBe(true);
    const whole = api.call('library.dashboard', { today: TODAY });
    expect(new Set(whole.myActionItems.map((a) => a.owner))).toEqual(new Set(OWNERS.slice(0, 2)));
    expect(first.totals.myActionItems).toBe(whole.openActionItems.filter((a) => mine(a.owner)).length);
    // Without a name of the user's, no action item is theirs.
    const nobody = api.session.library.dashboard(api.session.connectionFor, TODAY, 14, null, 3);
    expect([nobody.myActionItems, nobody.totals.myActionItems]).toEqual([[], 0]);
  });

  it('sets aside an index of an older version and answers from a new one', () => {
    const api = testApi();
    const info = newCase(api, 'case.parley', 'Kept order');
    api.call('deadline.create', { caseId: info.caseId, fields: { title: 'Kept reply', deadlineKind: 'response', status: 'open', dueType: 'date', dueDate: '2026-03-01' } });
    api.call('case.close', { caseId: info.caseId });
    expect(api.call('library.dashboard', { today: TODAY, firstFew: 5 }).overdue.map((d) => d.title)).toEqual(['Kept reply']);
    const dataDir = api.session.library.dataDir;
    const indexFile = path.join(dataDir, INDEX_FILE);
    api.session.library.closeReaders();
    withRawConnection(indexFile, (db) => db.pragma('user_version = 1'));
    expect(api.call('library.dashboard', { today: TODAY, firstFew: 5 }).overdue.map((d) => d.title)).toEqual(['Kept reply']);
    expect(fs.readdirSync(dataDir).filter((n) => n.startsWith(`${INDEX_FILE}.set-aside-`) && !/-(wal|shm)$/.test(n))).toHaveLength(1);
    expect(api.internalErrors).toEqual([]);
  });
});
