// The library index (electron/core/library-index.ts): the library's list, dashboard, search and digest answered from
// it equal what reading every case file gives; it never shows what a case file no longer holds, even after a process
// is killed between a case's write and the index's; it never holds plaintext of an encrypted case; and a damaged,
// foreign, newer or missing index file is set aside and rebuilt.
import fs from 'node:fs';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../shared/api-types.js';
import { DIGEST_DAYS } from '../../shared/digest.js';
import { dispatch } from '../../electron/core/api/dispatcher.js';
import { closeCaseDatabase, openCaseDatabase, type Db } from '../../electron/core/db/connection.js';
import { couldBeEncrypted } from '../../electron/core/db/encryption.js';
import { INDEX_FILE, LibraryIndex, RACY_MS } from '../../electron/core/library-index.js';
import { Session } from '../../electron/core/session.js';
import { newCase, onCleanup, tempDir, testApi, type TestApi } from '../helpers.js';
import { damageTable, rawConnection, withRawConnection } from './support/files.js';
import { bundleWriter, startWriter } from './support/writer-process.js';

const TODAY = '2026-03-10';
const PASSPHRASE = 'correct horse battery staple';

function deadline(api: TestApi, caseId: string, title: string, extra: Record<string, unknown> = {}) {
  return api.call('deadline.create', { caseId, fields: { title, deadlineKind: 'response', status: 'open', dueType: 'date', dueDate: '2026-03-20', ...extra } });
}

/** A case with one of everything the dashboard, list and search read, closed unless `keepOpen`. */
function fullCase(api: TestApi, name: string, title: string, keepOpen = false) {
  const info = newCase(api, name, title);
  const c = info.caseId;
  deadline(api, c, `${title}: overdue sovereignty filing`, { dueDate: '2026-03-01' });
  deadline(api, c, `${title}: reply on sovereignty`, { dueType: 'datetime', dueDate: '2026-03-15', dueTime: '10:00', timeZone: 'UTC' });
  deadline(api, c, `${title}: far-off review`, { dueDate: '2099-01-01' });
  deadline(api, c, `${title}: hearing`, { dueType: 'tbd', dueDate: null, windowStart: '2026-04-01', windowEnd: '2026-05-01' });
  deadline(api, c, `${title}: done`, { status: 'done' });
  api.call('deadline.delete', { caseId: c, id: deadline(api, c, `${title}: deleted sovereignty`).id });
  api.call('actionItem.create', { caseId: c, fields: { title: `${title}: draft the letter`, status: 'open', owner: 'Test Counsel', dueDate: '2026-03-12' } });
  const meeting = api.call('meeting.create', { caseId: c, fields: { title: `${title}: ministry meeting`, status: 'planned', meetingDate: '2026-03-12', startTime: '10:00' } });
  api.call('meeting.create', { caseId: c, fields: { title: `${title}: last month`, status: 'planned', meetingDate: '2026-02-12' } });
  api.call('meeting.create', { caseId: c, fields: { title: `${title}: date to fix`, status: 'planned' } });
  api.call('note.create', { caseId: c, fields: { meetingId: meeting.id, body: 'The ministry spoke of sovereignty twice.' } });
  const issue = api.call('issue.create', { caseId: c, fields: { title: `${title}: data sovereignty`, priority: 'high', status: 'open' } });
  const watch = api.call('watchItem.create', { caseId: c, fields: { title: `${title}: allied rules`, status: 'watching', checkBy: '2026-03-05' } });
  api.call('link.create', { caseId: c, fields: { fromKind: 'issue', fromId: issue.id, linkType: 'responds_to', toKind: 'watchItem', toId: watch.id } });
  api.call('watchItem.update', { caseId: c, id: watch.id, changes: { status: 'triggered', triggeredOn: '2026-03-09' } });
  if (!keepOpen) api.call('case.close', { caseId: c });
  return info;
}

/** The same question answered by reading every file as before the index: each readable file read through a connection of its own. */
function byReadingEachFile<T>(api: TestApi, ask: (openConnection: (p: string) => Db | undefined) => T): T {
  const pool = new Map<string, Db>();
  for (const file of api.session.library.paths()) {
    const open = api.session.connectionFor(file);
    if (open) pool.set(file, open);
    else if (!couldBeEncrypted(file)) {
      try {
        pool.set(file, openCaseDatabase(file, { readOnly: true, skipIntegrityCheck: true }));
      } catch {
        // Missing or unreadable: reported by both alike.
      }
    }
  }
  try {
    return ask((p) => pool.get(p));
  } finally {
    for (const [file, db] of pool) if (!api.session.connectionFor(file)) closeCaseDatabase(db);
  }
}

describe('the library index', () => {
  it('answers the list, dashboard, search and digest exactly as reading every case file does', () => {
    const api = testApi();
    const a = fullCase(api, 'a.parley', 'Alpha order');
    const b = fullCase(api, 'b.parley', 'Bravo order');
    api.call('library.duplicate', { path: b.path }); // a second copy of the same case: the same record ids
    const archived = fullCase(api, 'archived.parley', 'Archived order');
    api.call('library.archive', { path: archived.path, archived: true });
    const missing = fullCase(api, 'missing.parley', 'Missing order');
    fs.renameSync(missing.path, path.join(api.dir, 'moved-away.parley'));
    const damaged = fullCase(api, 'damaged.parley', 'Damaged order');
    damageTable(damaged.path, 'deadline');
    const sealed = api.call('case.create', { path: path.join(api.dir, 'sealed.parley'), directive: { title: 'Sealed order', status: 'received' }, passphrase: PASSPHRASE });
    deadline(api, sealed.caseId, 'Sealed sovereignty reply');
    api.call('case.close', { caseId: sealed.caseId });
    const open = fullCase(api, 'open.parley', 'Open order', true);
    // Another person's change, for the digest to count.
    const other = new Session({ dataDir: path.join(api.dir, 'other-data'), actor: 'Bob Baker' });
    onCleanup(() => other.closeAll());
    const opened = dispatch(other, 'case.open', { path: a.path }, () => {});
    const otherCase = (opened as { data: { caseId: string } }).data.caseId;
    expect(dispatch(other, 'note.create', { caseId: otherCase, fields: { body: 'Bob was here' } }, () => {}).ok).toBe(true);
    other.close(otherCase);

    const fromIndex = {
      list: api.call('library.list', {}),
      dashboard: api.call('library.dashboard', { today: TODAY }),
      search: api.call('library.search', { query: 'sovereignty', limit: 500 }),
    };
    const fromFiles = byReadingEachFile(api, (openConnection) => ({
      list: api.session.library.list(openConnection),
      dashboard: api.session.library.dashboard(openConnection, TODAY, 14, 'Test Counsel'),
      search: api.session.library.search(openConnection, 'sovereignty', 500),
    }));
    expect(fromIndex.list.map((e) => [path.basename(e.path), e.state, e.encrypted, e.archived])).toEqual([
      ['open.parley', 'ok', false, false], ['sealed.parley', 'ok', true, false], ['damaged.parley', 'unreadable', false, false], ['missing.parley', 'missing', false, false],
      ['archived.parley', 'ok', false, true], ['b.parley', 'ok', false, false], ['b copy.parley', 'ok', false, false], ['a.parley', 'ok', false, false],
    ]);
    expect(fromIndex.list).toEqual(fromFiles.list);
    expect(fromIndex.dashboard).toEqual(fromFiles.dashboard);
    const shown = (d: Dashboard) => [...d.overdue, ...d.upcoming, ...d.tbd, ...d.openActionItems, ...d.upcomingMeetings, ...d.triggeredWatchItems, ...d.checksDue].map((r) => r.caseTitle);
    expect(new Set(shown(fromIndex.dashboard))).toEqual(new Set(['Alpha order', 'Bravo order', 'Open order']));
    expect(fromIndex.dashboard.toReview.length).toBe(4);
    // Ranks differ (bm25 over the whole index rather than over each file); what is found, and how it is shown, does
    // not. One difference: a file that cannot be read whole is left out of search, where reading each file searched
    // what was left of it.
    const found = (hits: typeof fromIndex.search) => hits.map(({ rank: _rank, ...hit }) => hit).sort((x, y) => `${x.path} ${x.id}`.localeCompare(`${y.path} ${y.id}`));
    expect(found(fromIndex.search)).toEqual(found(fromFiles.search.filter((h) => h.path !== damaged.path)));
    expect(fromIndex.search.filter((h) => h.folded.length).length).toBeGreaterThan(0); // the meeting's note folded under it
    expect(new Set(fromIndex.search.map((h) => path.basename(h.path)))).toEqual(new Set(['a.parley', 'b.parley', 'b copy.parley', 'open.parley']));

    const digest = api.call('library.digest', { now: `${TODAY}T12:00:00Z`, timeZone: 'UTC' });
    // The changes by others, counted by opening each file.
    const others = [a.path].map((file) => withRawConnection(file, (db) => db.prepare("SELECT count(*) FROM audit_log WHERE actor = 'Bob Baker'").pluck().get() as number));
    expect(digest.changesByOthers.map((c) => [path.basename(c.path), c.by])).toEqual(others[0] ? [['a.parley', ['Bob Baker']]] : []);
    expect(digest.changesByOthers.map((c) => c.count)).toEqual(others.filter(Boolean));
    const soon = byReadingEachFile(api, (openConnection) => api.session.library.dashboard(openConnection, TODAY, DIGEST_DAYS, 'Test Counsel'));
    expect(digest.deadlinesSoon).toEqual([...soon.overdue, ...soon.upcoming]);
    expect(digest.deadlinesSoon.length).toBeGreaterThan(0);
    expect(api.internalErrors).toEqual([]);
    expect(open.caseId).toBeTruthy();
  });

  it('reports its progress while it brings its entries up to date, a file at least per call', () => {
    const api = testApi();
    for (const name of ['one', 'two', 'three']) api.call('case.close', { caseId: newCase(api, `${name}.parley`, name).caseId });
    fs.rmSync(path.join(api.session.library.dataDir, INDEX_FILE));
    api.session.library.closeReaders();
    const first = api.call('library.prepareIndex', { budgetMs: 10 });
    expect(first.total).toBe(3);
    expect(first.indexed).toBeGreaterThanOrEqual(1);
    let progress = first;
    for (let i = 0; i < 3 && !progress.complete; i++) progress = api.call('library.prepareIndex', { budgetMs: 10 });
    expect(progress).toEqual({ indexed: 3, total: 3, complete: true });
  });

  it('reads a file again when a copy of the same case replaces it with its size and modification time set back', async () => {
    const api = testApi();
    const info = newCase(api, 'case.parley', 'Replaced order');
    const made = deadline(api, info.caseId, 'Original reply');
    api.call('case.close', { caseId: info.caseId });
    const older = path.join(api.dir, 'older.parley');
    fs.copyFileSync(info.path, older);
    const cf = api.session.open(info.path);
    api.call('deadline.update', { caseId: cf.caseId, id: made.id, changes: { title: 'Renamed reply' } });
    api.call('case.close', { caseId: cf.caseId });
    const aDayAgo = Date.now() / 1000 - 86_400;
    fs.utimesSync(info.path, aDayAgo, aDayAgo);
    const renamed = fs.statSync(info.path);
    expect(api.call('library.search', { query: 'renamed' }).map((h) => h.title)).toEqual(['Renamed reply']);
    // Past the racy moment, the entry is vouched for by its fingerprint alone.
    await sleep(RACY_MS + 100);
    expect(api.call('library.search', { query: 'renamed' }).map((h) => h.title)).toEqual(['Renamed reply']);
    // The older copy is written over the file in place (same inode), the same size, its times set back.
    expect(fs.statSync(older).size).toBe(renamed.size);
    fs.copyFileSync(older, info.path);
    fs.utimesSync(info.path, aDayAgo, aDayAgo);
    expect(fs.statSync(info.path)).toMatchObject({ ino: renamed.ino, size: renamed.size, mtimeMs: renamed.mtimeMs });
    // What the design catches: the inode's change time, which setting the times back changes too (and which only
    // the system's clock can set). A copy written with the change time too (a restore of the whole disk, as root)
    // would go unseen until the file next changes.
    expect(api.call('library.search', { query: 'renamed' })).toEqual([]);
    expect(api.call('library.search', { query: 'original' }).map((h) => h.title)).toEqual(['Original reply']);
  });

  it('sets aside a damaged, foreign, newer or missing index file and answers from a new one', () => {
    const api = testApi();
    const info = fullCase(api, 'case.parley', 'Kept order');
    const indexFile = path.join(api.session.library.dataDir, INDEX_FILE);
    const expected = api.call('library.search', { query: 'sovereignty' }).length;
    expect(expected).toBeGreaterThan(0);
    const spoilers: [string, () => void][] = [
      ['damaged', () => fs.writeFileSync(indexFile, Buffer.alloc(8192, 0x5a))],
      ['foreign', () => fs.copyFileSync(info.path, indexFile)],
      ['newer', () => withRawConnection(indexFile, (db) => db.pragma('user_version = 99'))],
      ['missing', () => fs.rmSync(indexFile)],
      ['damaged in its pages', () => damageTable(indexFile, 'dashboard_row')],
    ];
    for (const [label, spoil] of spoilers) {
      api.session.library.closeReaders(); // as at lock: the index is closed, then spoiled while closed
      for (const side of ['-wal', '-shm']) fs.rmSync(`${indexFile}${side}`, { force: true });
      spoil();
      expect(api.call('library.search', { query: 'sovereignty' }).length, label).toBe(expected);
      expect(api.call('library.dashboard', { today: TODAY }).overdue.map((d) => d.title), label).toEqual(['Kept order: overdue sovereignty filing']);
      expect(api.call('library.list', {})[0], label).toMatchObject({ title: 'Kept order', state: 'ok' });
    }
    const setAside = fs.readdirSync(api.session.library.dataDir).filter((n) => n.startsWith(`${INDEX_FILE}.set-aside-`) && !/-(wal|shm)$/.test(n));
    expect(setAside.length).toBeGreaterThanOrEqual(4);
    expect(api.internalErrors).toEqual([]);
  });
});

/**
 * What an index file holds of one case file, numbers of its own aside: the entry's mark and summary, its dashboard
 * rows and audit activity, and its search documents in the index's newest-first order, with which of them each of
 * some words finds.
 */
function indexedRowsOf(indexFile: string, caseFile: string) {
  const db = rawConnection(indexFile, { readonly: true });
  try {
    const entry = db.prepare('SELECT case_no, case_id, schema_version, head_seq, head_hash, conflicts, title, status, counts_json FROM indexed_case WHERE path = ?').get(caseFile) as { case_no: number };
    const { case_no: caseNo, ...mark } = entry;
    const found = (word: string) => db.prepare('SELECT d.record_id FROM search_text JOIN search_doc d ON d.docid = search_text.rowid WHERE search_text MATCH ? AND d.case_no = ? ORDER BY d.docid DESC').pluck().all(word, caseNo);
    return {
      mark,
      dashboard: db.prepare('SELECT section, seq, day, row_json FROM dashboard_row WHERE case_no = ? ORDER BY section, seq').all(caseNo),
      activity: db.prepare('SELECT seq, at, actor FROM audit_activity WHERE case_no = ? ORDER BY seq').all(caseNo),
      docs: db.prepare('SELECT d.record_kind, d.record_id, d.parent_id, t.title, t.body FROM search_doc d JOIN search_text t ON t.rowid = d.docid WHERE d.case_no = ? ORDER BY d.docid DESC').all(caseNo),
      found: Object.fromEntries(['sovereignty', 'ministry', 'tariff', 'licence', 'scope'].map((w) => [w, found(w)])),
      /** Documents placed before place 0, the first a whole reading uses (see DOC_SPAN): written by catching up. */
      placedFirst: db.prepare('SELECT count(*) FROM search_doc WHERE case_no = ? AND docid >= ?').pluck().get(caseNo, 2 ** 52 + 2 ** 24) as number,
    };
  } finally {
    db.close();
  }
}

describe('the library index caught up from the audit trail of a case Parley closed', () => {
  it('holds after random edits, deletes, restores and notes exactly what reading the case whole holds', () => {
    const api = testApi();
    const rolling = fullCase(api, 'rolling.parley', 'Rolling order', true);
    const c = rolling.caseId;
    const issue = api.call('issue.create', { caseId: c, fields: { title: 'Scope of the tariff', priority: 'high', status: 'open', theirPosition: 'All exports' } });
    const meeting = api.call('meeting.create', { caseId: c, fields: { title: 'Tariff talks', status: 'planned', meetingDate: '2026-03-11' } });
    api.call('case.close', { caseId: c });
    const steady = fullCase(api, 'steady.parley', 'Steady order');
    const indexFile = path.join(api.session.library.dataDir, INDEX_FILE);
    const steadyBefore = indexedRowsOf(indexFile, steady.path);

    let seed = 19;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const words = ['sovereignty', 'ministry', 'tariff', 'licence', 'quota'];
    const phrase = () => `${pick(words)} ${pick(words)} ${Math.floor(random() * 1000)}`;
    const live: { kind: 'deadline' | 'note'; id: string }[] = [];
    const deleted: typeof live = [];
    let issueDeleted = false;
    let placedFirst = 0;
    for (let round = 0; round < 6; round++) {
      const { caseId } = api.call('case.open', { path: rolling.path });
      for (let step = 0; step < 10; step++) {
        const action = pick(['deadline', 'note', 'update', 'delete', 'restore', 'position', 'issue'] as const);
        if (action === 'deadline') {
          live.push({ kind: 'deadline', id: deadline(api, caseId, phrase(), { dueDate: pick(['2026-03-01', '2026-03-12', '2026-04-30']), status: pick(['open', 'done']) }).id });
        } else if (action === 'note') {
          live.push({ kind: 'note', id: api.call('note.create', { caseId, fields: { meetingId: random() < 0.5 ? meeting.id : undefined, body: phrase() } }).id });
        } else if (action === 'update' && live.length) {
          const r = pick(live);
          if (r.kind === 'deadline') api.call('deadline.update', { caseId, id: r.id, changes: { title: phrase(), dueDate: pick(['2026-03-02', '2026-03-20']) } });
          else api.call('note.update', { caseId, id: r.id, changes: { body: phrase() } });
        } else if (action === 'delete' && live.length) {
          const r = live.splice(Math.floor(random() * live.length), 1)[0]!;
          api.call(`${r.kind}.delete`, { caseId, id: r.id });
          deleted.push(r);
        } else if (action === 'restore' && deleted.length) {
          const r = deleted.splice(Math.floor(random() * deleted.length), 1)[0]!;
          api.call(`${r.kind}.restore`, { caseId, id: r.id });
          live.push(r);
        } else if (action === 'position' && !issueDeleted) {
          api.call('issue.update', { caseId, id: issue.id, changes: { theirPosition: phrase() } }); // a position change, a history record
        } else if (action === 'issue') {
          // Its position changes leave search with it and come back with it, without audit entries of their own.
          api.call(issueDeleted ? 'issue.restore' : 'issue.delete', { caseId, id: issue.id });
          issueDeleted = !issueDeleted;
        }
      }
      api.call('case.close', { caseId });

      const caughtUp = indexedRowsOf(indexFile, rolling.path);
      const wholeDir = tempDir();
      const whole = new LibraryIndex(wholeDir);
      whole.survey([{ path: rolling.path }], [{ path: rolling.path, caseId: c }], () => undefined);
      whole.close();
      const readWhole = indexedRowsOf(path.join(wholeDir, INDEX_FILE), rolling.path);
      expect({ ...caughtUp, placedFirst: 0 }, `round ${round}`).toEqual({ ...readWhole, placedFirst: 0 });
      expect(readWhole.placedFirst).toBe(0);
      placedFirst = caughtUp.placedFirst;

      // And what the library answers, against reading the case file itself.
      const fromFiles = byReadingEachFile(api, (openConnection) => ({
        dashboard: api.session.library.dashboard(openConnection, TODAY, 14, 'Test Counsel'),
        search: words.map((w) => api.session.library.search(openConnection, w, 500).map((h) => [h.path, h.id, h.title, h.folded])),
      }));
      expect(api.call('library.dashboard', { today: TODAY }), `round ${round}`).toEqual(fromFiles.dashboard);
      const searched = words.map((w) => api.call('library.search', { query: w, limit: 500 }).map((h) => [h.path, h.id, h.title, h.folded]));
      const sorted = (hits: unknown[][]) => hits.map((h) => [...h].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))));
      expect(sorted(searched), `round ${round}`).toEqual(sorted(fromFiles.search));
    }
    expect(placedFirst).toBeGreaterThan(0); // so that the comparison above is of a case caught up, not read again
    expect(indexedRowsOf(indexFile, steady.path)).toEqual(steadyBefore);
    expect(api.internalErrors).toEqual([]);
  });
});

describe('the library index and an encrypted case', () => {
  it('never holds anything of an encrypted case but its path and id, open or closed, edited or not', () => {
    const api = testApi();
    const plain = newCase(api, 'plain.parley', 'Plainmarker directive');
    deadline(api, plain.caseId, 'Plainmarker reply');
    api.call('case.close', { caseId: plain.caseId });
    const sealed = api.call('case.create', { path: path.join(api.dir, 'sealed.parley'), directive: { title: 'Sealmarkertitle directive', status: 'received' }, passphrase: PASSPHRASE });
    const made = deadline(api, sealed.caseId, 'Sealmarkerdeadline reply', { dueDate: '2026-03-01' });
    api.call('note.create', { caseId: sealed.caseId, fields: { body: 'Sealmarkernote of the meeting' } });
    const ask = () => {
      api.call('library.list', {});
      api.call('library.dashboard', { today: TODAY });
      api.call('library.search', { query: 'sealmarkernote' });
      api.call('library.digest', { now: `${TODAY}T12:00:00Z`, timeZone: 'UTC' });
      api.call('library.prepareIndex', {});
    };
    ask();
    // While open, the encrypted case is answered from its own connection.
    expect(api.call('library.search', { query: 'sealmarkernote' }).map((h) => h.caseId)).toEqual([sealed.caseId]);
    api.call('deadline.update', { caseId: sealed.caseId, id: made.id, changes: { title: 'Sealmarkerrenamed reply' } });
    ask();
    api.call('case.close', { caseId: sealed.caseId });
    ask();
    expect(api.call('library.search', { query: 'sealmarkernote' })).toEqual([]);
    api.call('case.open', { path: sealed.path, passphrase: PASSPHRASE });
    ask();
    api.session.closeAll();
    ask();
    api.session.library.closeReaders();

    const dataDir = api.session.library.dataDir;
    const indexFiles = fs.readdirSync(dataDir).filter((n) => n.startsWith(INDEX_FILE));
    expect(indexFiles).toContain(INDEX_FILE);
    const bytes = Buffer.concat(indexFiles.map((n) => fs.readFileSync(path.join(dataDir, n)))).toString('latin1').toLowerCase();
    expect(bytes).toContain('plainmarker'); // so that this test can fail
    expect(bytes).not.toContain('sealmarker');
  });
});

describe('the library index after a process is killed', () => {
  let writer: string;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-index-writer-'));
    writer = path.join(dir, 'index-writer.cjs');
    await bundleWriter(dir, 'index-writer.ts', 'index-writer.cjs');
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** A case the library has indexed, with a record to delete and one to rename. */
  function indexedCase() {
    const dir = tempDir();
    const dataDir = path.join(dir, 'data');
    const api = testApi('Test Counsel', dir);
    const info = newCase(api, 'case.parley', 'Staletitle order');
    const doomed = deadline(api, info.caseId, 'Doomedrecord sovereignty reply', { dueDate: '2026-03-01' });
    const kept = deadline(api, info.caseId, 'Staledeadline sovereignty reply', { dueDate: '2026-03-02' });
    api.call('case.close', { caseId: info.caseId });
    expect(api.call('library.search', { query: 'doomedrecord' }).length).toBe(1);
    api.session.closeAll();
    return { file: info.path, dataDir, doomed: doomed.id, kept: kept.id };
  }

  function expectNothingStale(dataDir: string) {
    const session = new Session({ dataDir, actor: 'Test Counsel' });
    onCleanup(() => session.closeAll());
    const text = JSON.stringify([
      session.library.list(() => undefined),
      session.library.dashboard(() => undefined, TODAY, 14, null),
      ...['doomedrecord', 'staletitle', 'staledeadline', 'sovereignty', 'freshtitle', 'freshdeadline'].map((q) => session.library.search(() => undefined, q, 50)),
    ]).toLowerCase();
    expect(text).not.toContain('doomedrecord');
    expect(text).not.toContain('staletitle');
    expect(text).not.toContain('staledeadline');
    expect(text).toContain('freshtitle order');
    expect(text).toContain('freshdeadline sovereignty reply');
  }

  it('never shows a deleted record or a stale title when killed between the case write and the index write', async () => {
    const c = indexedCase();
    const run = startWriter(writer, ['close', c.file, c.dataDir, c.doomed, c.kept], { env: { PARLEY_TEST_KILL_BEFORE_INDEX_WRITE: '1' } });
    await run.lineStarting('edited');
    expect((await run.exited).signal, run.stderr()).toBe('SIGKILL');
    expect(fs.existsSync(`${c.file}-wal`)).toBe(false); // the case closed: its write is in the file itself
    expectNothingStale(c.dataDir);
  }, 60_000);

  it('never shows them either when the kill leaves the case’s write-ahead log beside it', async () => {
    const c = indexedCase();
    const run = startWriter(writer, ['crash', c.file, c.dataDir, c.doomed, c.kept]);
    expect((await run.exited).signal, run.stderr()).toBe('SIGKILL');
    expect(run.lines).toContain('edited');
    expect(fs.existsSync(`${c.file}-wal`)).toBe(true);
    expectNothingStale(c.dataDir);
  }, 60_000);
});
