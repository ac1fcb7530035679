// The benchmark's case files, generated through the real write path (the dispatcher), so that every record has
// its audit entry and search document exactly as the app would write them. Generating them takes a while, so they
// are kept under the system's temp folder, keyed by the schema version and this generator's version, and reused.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispatch } from '../electron/core/api/dispatcher.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../electron/core/db/migrations.js';
import { Session } from '../electron/core/session.js';
import { TextGen, addDaysIso } from './text.js';

/**
 * Bump whenever what the generator writes changes, so old caches are not reused. (2: case files are left as the core
 * now closes them, one self-contained file in rollback-journal mode.)
 */
export const GENERATOR_VERSION = 2;
/** The fixed "today" of the fixtures; the dashboard is asked about this day. */
export const TODAY = '2026-06-15';
/** In nearly every note and many other records. */
export const COMMON_WORD = 'export';
/** In a handful of notes only (five in the big case file, a few files of the library). */
export const RARE_WORD = 'molybdenum';
export const ACTOR = 'Bench Counsel';
/**
 * library.dashboard as the library screen asks for it: the first rows of each list and every list's total
 * (renderer/state/library.ts DASHBOARD_FIRST_FEW; the bench may not import the renderer).
 */
export const DASHBOARD_AS_SHOWN = { today: TODAY, withinDays: 14, firstFew: 50 } as const;

export const BIG_COUNTS = { deadline: 10_000, meeting: 2_000, positionChange: 5_000, note: 20_000 };
const BIG_ISSUES = 250;
const BIG_PARTIES = 40;
const BIG_EVENTS = 60;
export const LIBRARY_FILES = 200;

export interface Manifest {
  schemaVersion: number;
  generatorVersion: number;
  generatedAt: string;
  seconds: { bigCase: number; library: number };
  bigCase: { file: string; bytes: number; counts: Record<string, number>; auditEntries: number };
  library: { dataDir: string; files: number; bytes: number; records: number; auditEntries: number };
}

export interface Fixtures {
  dir: string;
  cached: boolean;
  manifest: Manifest;
}

export type Log = (line: string) => void;

/**
 * The schema the fixtures are made at, as a folder name: its version and a digest of every migration's SQL, so that
 * a migration edited under the same number (on a branch) is not mistaken for the one the fixtures were made with.
 */
export function schemaTag(): string {
  const digest = crypto.createHash('sha256').update(MIGRATIONS.map((m) => m.sql).join('\n')).digest('hex').slice(0, 8);
  return `s${LATEST_SCHEMA_VERSION}-${digest}`;
}

export function fixtureDir(): string {
  return path.join(os.tmpdir(), `parley-bench-fixtures-${schemaTag()}-g${GENERATOR_VERSION}`);
}

/** Returns the cached fixtures, generating them first if there are none (or `fresh` is asked for). */
export function ensureFixtures(log: Log, fresh = false): Fixtures {
  const dir = fixtureDir();
  const manifestFile = path.join(dir, 'manifest.json');
  if (!fresh && fs.existsSync(manifestFile)) {
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
    if (manifest.schemaVersion === LATEST_SCHEMA_VERSION && manifest.generatorVersion === GENERATOR_VERSION && fs.existsSync(manifest.bigCase.file)) {
      return { dir, cached: true, manifest };
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  log(`generating fixtures in ${dir} (first run, or the schema or generator changed)`);

  let start = Date.now();
  const bigCase = generateBigCase(dir, log);
  const bigSeconds = (Date.now() - start) / 1000;
  log(`  big case file: ${bigSeconds.toFixed(1)} s`);

  start = Date.now();
  const library = generateLibrary(dir, log);
  const librarySeconds = (Date.now() - start) / 1000;
  log(`  library of ${LIBRARY_FILES} case files: ${librarySeconds.toFixed(1)} s`);

  const manifest: Manifest = {
    schemaVersion: LATEST_SCHEMA_VERSION,
    generatorVersion: GENERATOR_VERSION,
    generatedAt: new Date().toISOString(),
    seconds: { bigCase: bigSeconds, library: librarySeconds },
    bigCase,
    library,
  };
  // Written last: a cache without its manifest is incomplete and is regenerated.
  fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  return { dir, cached: false, manifest };
}

/** Calls an operation through the real dispatcher; a failure stops the benchmark. */
export function call<T = Record<string, unknown>>(session: Session, name: string, input: unknown): T {
  const res = dispatch(session, name, input, (op, err) => console.error(`[bench] ${op} failed:`, err));
  if (!res.ok) throw new Error(`${name} failed: ${res.error.code}: ${res.error.message}`);
  return res.data as T;
}

export interface Id {
  id: string;
}

const ZONES = ['Europe/Brussels', 'America/New_York', 'Asia/Tokyo', 'Europe/London'];
const OWNERS = ['A. Moreau', 'J. Okafor', 'L. Chen', 'R. Santos', 'M. Keller', 'S. Haddad', 'T. Novak', 'Trade team', 'Litigation team'];
const LOCATIONS = ['Ministry, room 4.12', 'Video call', 'Our offices, floor 9', 'Agency headquarters', 'Embassy annex'];

export function parties(session: Session, caseId: string, g: TextGen, n: number): string[] {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const side = g.pick(['ours', 'theirs', 'third_party'] as const);
    ids.push(call<Id>(session, 'party.create', {
      caseId,
      fields: {
        name: `${g.pick(OWNERS)} ${i}`, partyKind: g.next() < 0.7 ? 'person' : 'organization', side,
        role: g.title(1, 3), organization: g.title(2, 4), notes: g.next() < 0.5 ? g.sentence() : null,
      },
    }).id);
  }
  return ids;
}

export function deadlineFields(g: TextGen, due: string, opts: { partyIds: string[]; trigger?: string | null; overdueOpenShare: number }) {
  const r = g.next();
  const dueType = r < 0.7 ? 'date' : r < 0.9 ? 'datetime' : 'tbd';
  const past = due < TODAY;
  const status = dueType === 'tbd' || !past ? 'open' : g.next() < opts.overdueOpenShare ? 'open' : g.pick(['done', 'done', 'done', 'waived', 'missed'] as const);
  const fields: Record<string, unknown> = {
    title: g.title(), deadlineKind: g.pick(['statutory', 'response', 'compliance', 'meeting', 'internal'] as const), status, dueType,
    confidence: g.pick(['low', 'medium', 'high'] as const), owner: g.pick(OWNERS),
    ownerPartyId: opts.partyIds.length && g.next() < 0.3 ? g.pick(opts.partyIds) : null,
    reminderOffsetsMinutes: g.next() < 0.4 ? [1440, 10080] : null,
    notes: g.next() < 0.5 ? g.sentences(1, 3) : null,
  };
  if (dueType === 'date') fields.dueDate = due;
  if (dueType === 'datetime') Object.assign(fields, { dueDate: due, dueTime: g.pick(['09:00', '12:00', '17:00', '23:59']), timeZone: g.pick(ZONES) });
  if (dueType === 'tbd' && g.next() < 0.5) Object.assign(fields, { windowStart: due, windowEnd: addDaysIso(due, 30) });
  if (opts.trigger && dueType !== 'tbd') {
    fields.triggerDeadlineId = opts.trigger;
    fields.rule = { amount: g.int(5, 30), unit: g.pick(['calendar_days', 'business_days'] as const), direction: 'after', roll: 'forward' };
  }
  return fields;
}

function meetingFields(g: TextGen, date: string) {
  const start = g.int(8, 16);
  return {
    title: `${g.title(2, 5)} meeting`, status: date < TODAY ? (g.next() < 0.9 ? 'held' : 'cancelled') : 'planned',
    meetingDate: date, startTime: `${String(start).padStart(2, '0')}:00`, endTime: `${String(start + 1).padStart(2, '0')}:30`,
    timeZone: g.pick(ZONES), location: g.pick(LOCATIONS), purpose: g.sentence(), desiredOutcome: g.sentence(),
    agenda: Array.from({ length: g.int(2, 5) }, () => g.title(2, 5)), summary: date < TODAY ? g.sentences(1, 3) : null,
  };
}

function issueFields(g: TextGen, i: number) {
  return {
    title: `${g.title(2, 4)} (${i + 1})`, description: g.sentences(1, 2), priority: g.pick(['critical', 'high', 'medium', 'low'] as const),
    status: g.pick(['open', 'open', 'proposed', 'agreed', 'parked'] as const), ourInterests: g.sentence(),
    ourOpening: g.sentence(), ourTarget: g.sentence(), ourWalkaway: g.sentence(), theirPosition: g.sentence(), theirInterests: g.sentence(),
    sortOrder: i,
  };
}

const POSITION_KEYS = ['ourOpening', 'ourTarget', 'ourWalkaway', 'theirPosition'] as const;

/**
 * The big case file: 10,000 deadlines, 2,000 meetings each with 10 notes (20,000), 250 issues whose positions
 * change 5,000 times in all (4 positions when each issue is made, then 2,000 updates changing 2 each), parties,
 * events. Written in the order a real case grows: one meeting after another, with its notes, deadlines and a
 * position update.
 */
function generateBigCase(dir: string, log: Log): Manifest['bigCase'] {
  const g = new TextGen(20260615);
  const file = path.join(dir, 'big.parley');
  const session = new Session({ dataDir: path.join(dir, 'big-data'), actor: ACTOR });
  const { caseId } = call<{ caseId: string }>(session, 'case.create', {
    path: file,
    directive: {
      title: 'Directive 2026/014 suspending export licences for critical minerals', status: 'negotiating',
      referenceNumber: 'MIN-EXP-2026-014', issuingAuthority: 'Ministry of Trade', counterparty: 'Ministry of Trade, Export Control Directorate',
      ourOrganization: 'Northern Minerals Refining Ltd', summary: g.sentences(3, 5), risk: 'high',
    },
  });
  const partyIds = parties(session, caseId, g, BIG_PARTIES);
  for (let i = 0; i < BIG_EVENTS; i++) {
    call(session, 'event.create', {
      caseId, fields: { title: g.title(), eventKind: g.pick(['order_issued', 'statement', 'filing', 'correspondence', 'other'] as const), occurredOn: addDaysIso(TODAY, -900 + i * 15), description: g.sentence() },
    });
  }
  const issueIds: string[] = [];
  for (let i = 0; i < BIG_ISSUES; i++) issueIds.push(call<Id>(session, 'issue.create', { caseId, fields: issueFields(g, i) }).id);

  const steps = BIG_COUNTS.meeting;
  const deadlinesPerStep = BIG_COUNTS.deadline / steps;
  const notesPerMeeting = BIG_COUNTS.note / steps;
  const recentDeadlines: string[] = [];
  let noteNo = 0;
  let revision = 0;
  const started = Date.now();
  for (let step = 0; step < steps; step++) {
    const date = addDaysIso(TODAY, -900 + Math.floor((step * 1800) / steps));
    const meetingId = call<Id>(session, 'meeting.create', { caseId, fields: meetingFields(g, date) }).id;
    for (let n = 0; n < notesPerMeeting; n++, noteNo++) {
      let body = g.sentences(2, 5);
      if (noteNo % 4_000 === 1_234) body += ` The ${RARE_WORD} supply question came up again.`;
      call(session, 'note.create', {
        caseId, fields: { meetingId, body, takenAt: `${date}T${String(9 + (n % 8)).padStart(2, '0')}:15:00Z`, internal: g.next() < 0.3 },
      });
    }
    for (let d = 0; d < deadlinesPerStep; d++) {
      const trigger = recentDeadlines.length && g.next() < 0.1 ? g.pick(recentDeadlines) : null;
      const fields = deadlineFields(g, addDaysIso(date, g.int(-30, 120)), { partyIds, trigger, overdueOpenShare: 0.05 });
      const id = call<Id>(session, 'deadline.create', { caseId, fields }).id;
      if (!fields.triggerDeadlineId) {
        recentDeadlines.push(id);
        if (recentDeadlines.length > 50) recentDeadlines.shift();
      }
    }
    // Two of an issue's positions move in this meeting.
    const issueId = issueIds[step % issueIds.length]!;
    const [a, b] = [g.int(0, 3), g.int(0, 2)];
    const keys = [POSITION_KEYS[a]!, POSITION_KEYS.filter((_, i) => i !== a)[b]!];
    revision++;
    call(session, 'issue.update', {
      caseId, id: issueId, meetingId, reason: g.sentence(6, 10),
      changes: Object.fromEntries(keys.map((k) => [k, `${g.sentence()} (revision ${revision})`])),
    });
    if ((step + 1) % 200 === 0) {
      const rate = ((Date.now() - started) / 1000 / (step + 1)) * (steps - step - 1);
      log(`    ${step + 1}/${steps} meetings written, about ${rate.toFixed(0)} s to go`);
    }
  }
  const info = call<{ counts: Record<string, number>; auditEntries: number }>(session, 'case.info', { caseId });
  session.closeAll();
  for (const [kind, n] of Object.entries(BIG_COUNTS)) {
    if (info.counts[kind] !== n) throw new Error(`the big case file has ${info.counts[kind]} ${kind} records, expected ${n}`);
  }
  return { file, bytes: fs.statSync(file).size, counts: info.counts, auditEntries: info.auditEntries };
}

/**
 * 200 case files of varied size (most with 20-80 deadlines, every tenth with 150), a few meetings, notes, issues,
 * action items and watch items each, all in one library (the data folder's library.json).
 */
function generateLibrary(dir: string, log: Log): Manifest['library'] {
  const dataDir = path.join(dir, 'library-data');
  const casesDir = path.join(dir, 'library');
  fs.mkdirSync(casesDir, { recursive: true });
  const session = new Session({ dataDir, actor: ACTOR });
  let bytes = 0;
  let records = 0;
  let auditEntries = 0;
  for (let i = 0; i < LIBRARY_FILES; i++) {
    const g = new TextGen(1_000 + i);
    const file = path.join(casesDir, `case-${String(i + 1).padStart(3, '0')}.parley`);
    const { caseId } = call<{ caseId: string }>(session, 'case.create', {
      path: file,
      directive: {
        title: `${g.title(3, 6)} directive ${i + 1}`, status: g.pick(['received', 'under_review', 'contesting', 'negotiating', 'settled', 'litigating'] as const),
        referenceNumber: `DIR-${2024 + (i % 3)}-${String(i + 1).padStart(3, '0')}`, issuingAuthority: g.title(2, 3), summary: g.sentences(1, 3),
      },
    });
    const partyIds = parties(session, caseId, g, g.int(3, 8));
    const deadlines = i % 10 === 0 ? 150 : g.int(20, 80);
    const ids: string[] = [];
    for (let d = 0; d < deadlines; d++) {
      const trigger = ids.length && g.next() < 0.1 ? g.pick(ids) : null;
      const fields = deadlineFields(g, addDaysIso(TODAY, g.int(-60, 180)), { partyIds, trigger, overdueOpenShare: 0.2 });
      const id = call<Id>(session, 'deadline.create', { caseId, fields }).id;
      if (!fields.triggerDeadlineId) ids.push(id);
    }
    const meetings = g.int(2, 8);
    const meetingIds: string[] = [];
    for (let m = 0; m < meetings; m++) {
      const meetingId = call<Id>(session, 'meeting.create', { caseId, fields: meetingFields(g, addDaysIso(TODAY, g.int(-90, 60))) }).id;
      meetingIds.push(meetingId);
      const notes = g.int(0, 5);
      for (let n = 0; n < notes; n++) {
        const body = g.sentences(2, 5) + (i % 70 === 7 && n === 0 && m === 0 ? ` The ${RARE_WORD} clause is open.` : '');
        call(session, 'note.create', { caseId, fields: { meetingId, body } });
      }
    }
    const issues = g.int(3, 10);
    for (let k = 0; k < issues; k++) {
      const issueId = call<Id>(session, 'issue.create', { caseId, fields: issueFields(g, k) }).id;
      for (let u = g.int(0, 2); u > 0; u--) {
        call(session, 'issue.update', { caseId, id: issueId, meetingId: g.pick(meetingIds), changes: { [g.pick(POSITION_KEYS)]: `${g.sentence()} (update ${u})` } });
      }
    }
    for (let a = g.int(2, 10); a > 0; a--) {
      call(session, 'actionItem.create', {
        caseId, fields: { title: g.title(), status: g.next() < 0.6 ? 'open' : 'done', owner: g.pick(OWNERS), dueDate: addDaysIso(TODAY, g.int(-20, 40)), meetingId: g.pick(meetingIds) },
      });
    }
    for (let w = g.int(0, 3); w > 0; w--) {
      const triggered = g.next() < 0.4;
      call(session, 'watchItem.create', {
        caseId, fields: { title: g.title(), status: triggered ? 'triggered' : 'watching', description: g.sentence(), triggeredOn: triggered ? addDaysIso(TODAY, -g.int(1, 30)) : null },
      });
    }
    const info = call<{ counts: Record<string, number>; auditEntries: number }>(session, 'case.info', { caseId });
    records += Object.values(info.counts).reduce((s, n) => s + n, 0);
    auditEntries += info.auditEntries;
    call(session, 'case.close', { caseId });
    bytes += fs.statSync(file).size;
    if ((i + 1) % 50 === 0) log(`    ${i + 1}/${LIBRARY_FILES} case files written`);
  }
  return { dataDir, files: LIBRARY_FILES, bytes, records, auditEntries };
}
