// Spike for issue 16 (merging copies of one case record by record): what Automerge 3 costs on a case the size of the
// bench's big case, against plain SQLite rows. Not part of `npm run bench` and not a dependency of Parley: Automerge
// is installed in a scratch folder outside the repo.
//
// How to run (from the repo root; the SQLite driver is the project's own, from node_modules):
//   mkdir -p /tmp/am && cd /tmp/am && npm init -y && npm i @automerge/automerge@3 && cd -
//   node bench/spikes/automerge-spike.mjs
// Environment:
//   AUTOMERGE_DIR    the automerge package folder (default /tmp/am/node_modules/@automerge/automerge)
//   SPIKE_DIR        scratch folder for the files (default <tmp>/parley-automerge-spike; emptied at the start)
//   SPIKE_DEADLINES, SPIKE_ISSUES   record counts (default 10000 and 1000), smaller for a quick try
//   SPIKE_EDITS      edit rounds (default 200)
// It takes about two to four minutes on the bench machine and prints its figures; bench/spikes/automerge-spike.md has
// the figures of one run and what they say.
//
// What is measured (wall clock, process.hrtime; nearest-rank percentiles as in bench/stats.ts; with 5 runs the p95
// is the slowest run):
//   A1  one Automerge document for the whole case: build, save() size, load(), resident memory after load (in
//       child processes), one field edit + saveIncremental (in memory, and with the chunk appended to SQLite), merge
//       of 1,000 changes made in a forked copy, conflicts after concurrent edits to the same field.
//   A2  one Automerge document per record, saved as BLOBs beside the plain rows in SQLite: file bytes, open with the
//       documents loaded lazily, one edit, merge of 1,000 changed records from another copy of the file.
//   Baseline  the same records as plain rows, one UPDATE per edit in its own transaction.
// Every SQLite connection has the case file's pragmas (electron/core/db/connection.ts) in WAL mode with
// synchronous=FULL. Strings are stored as Automerge ImmutableString (a scalar: a concurrent write to the same field is
// a conflict, as issue 16 wants), not as collaborative text; one side figure shows the default (text) for size.
// A.free() is called only on documents that nothing was cloned from: with Automerge 3.5.0, after A.free(doc),
// A.getConflicts on an object of a clone of doc read before the free throws "null pointer passed to rust".

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SCRIPT = fileURLToPath(import.meta.url);
const AM_DIR = process.env.AUTOMERGE_DIR ?? '/tmp/am/node_modules/@automerge/automerge';
const amPkg = JSON.parse(fs.readFileSync(path.join(AM_DIR, 'package.json'), 'utf8'));
const A = await import(pathToFileURL(path.join(AM_DIR, amPkg.exports['.'].node.import)).href);
const require = createRequire(import.meta.url);
const Database = require('better-sqlite3-multiple-ciphers');

const N_DEADLINES = Number(process.env.SPIKE_DEADLINES ?? 10_000);
const N_ISSUES = Number(process.env.SPIKE_ISSUES ?? 1_000);
const EDITS = Number(process.env.SPIKE_EDITS ?? 200);
const MERGE_N = Math.min(1_000, N_DEADLINES);
const RUNS = 5;
const WORK = process.env.SPIKE_DIR ?? path.join(os.tmpdir(), 'parley-automerge-spike');

// ---------------------------------------------------------------------------------------------------------------
// Timing

const now = () => process.hrtime.bigint();
const since = (t) => Number(now() - t) / 1e6;
function time(fn) {
  const t = now();
  const r = fn();
  return [since(t), r];
}
function pct(sorted, p) {
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length))) - 1];
}
function summarize(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, min: s[0], p50: pct(s, 0.5), p95: pct(s, 0.95), max: s[s.length - 1] };
}
const fmt = (v) => (!Number.isFinite(v) ? '-' : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v >= 1 ? v.toFixed(2) : v.toFixed(3));
const mb = (b) => `${(b / 1e6).toFixed(2)} MB`;

const results = []; // { model, what, s?, note }
function record(model, what, s, note = '') {
  results.push({ model, what, s, note });
  const line = s ? `n=${s.n} min ${fmt(s.min)} / p50 ${fmt(s.p50)} / p95 ${fmt(s.p95)} ms` : '';
  console.log(`  [${model}] ${what}: ${line}${note ? `  ${note}` : ''}`);
}
const log = (l) => console.log(l);

// ---------------------------------------------------------------------------------------------------------------
// Data: deadline and negotiation_issue records shaped like migrations/0001 (+0003, 0007), seeded, so every run is
// the same.

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const WORDS = ('export licence ministry suspension order counsel agency review deadline compliance tariff quota exemption ' +
  'carve-out allied capability tier shipment customs notice hearing appeal statute regulation authority delegation position ' +
  'proposal draft letter memorandum minister official industry association supplier contract penalty waiver extension ' +
  'schedule consultation evidence assessment impact jobs investment plant semiconductor battery graphite lithium gallium').split(' ');
const OWNERS = ['A. Moreau', 'J. Okafor', 'L. Chen', 'R. Santos', 'M. Keller', 'S. Haddad', 'Trade team', 'Litigation team'];
const ZONES = ['Europe/Brussels', 'America/New_York', 'Asia/Tokyo', 'Europe/London'];

class Gen {
  constructor(seed) { this.r = rng(seed); }
  int(lo, hi) { return lo + Math.floor(this.r() * (hi - lo + 1)); }
  pick(a) { return a[Math.floor(this.r() * a.length)]; }
  word() { const x = this.r(); return WORDS[Math.floor(WORDS.length * x * x)]; }
  sentence(min = 8, max = 16) {
    const s = Array.from({ length: this.int(min, max) }, () => this.word()).join(' ');
    return s[0].toUpperCase() + s.slice(1) + '.';
  }
  text(target) { // about `target` characters of sentences
    let t = this.sentence();
    while (t.length < target - 40) t += ' ' + this.sentence();
    return t.slice(0, target + 20);
  }
  title(min = 3, max = 7) {
    const s = Array.from({ length: this.int(min, max) }, () => this.word()).join(' ');
    return s[0].toUpperCase() + s.slice(1);
  }
  uuid() {
    const h = () => Math.floor(this.r() * 16).toString(16);
    const p = (n) => Array.from({ length: n }, h).join('');
    return `${p(8)}-${p(4)}-4${p(3)}-a${p(3)}-${p(12)}`;
  }
  date(base = Date.UTC(2024, 0, 1), days = 1000) { return new Date(base + this.int(0, days) * 86_400_000).toISOString().slice(0, 10); }
  stamp() { return `${this.date()}T${String(this.int(7, 19)).padStart(2, '0')}:${String(this.int(0, 59)).padStart(2, '0')}:00.000Z`; }
}

const DEADLINE_COLS = ['id', 'title', 'deadlineKind', 'status', 'dueType', 'dueDate', 'dueTime', 'timeZone', 'dueAt', 'windowStart',
  'windowEnd', 'confidence', 'owner', 'ownerPartyId', 'rule', 'triggerDeadlineId', 'triggerEventId', 'reminderOffsetsMinutes', 'notes',
  'version', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'deletedAt', 'deletedBy', 'reminderState', 'triggerMeetingId', 'meetingId'];
const ISSUE_COLS = ['id', 'title', 'description', 'priority', 'status', 'ourInterests', 'ourOpening', 'ourTarget', 'ourWalkaway',
  'theirPosition', 'theirInterests', 'sortOrder', 'version', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'deletedAt', 'deletedBy'];
const snake = (k) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function makeData() {
  const g = new Gen(20260615);
  const parties = Array.from({ length: 40 }, () => g.uuid());
  const events = Array.from({ length: 60 }, () => g.uuid());
  const deadlines = [];
  for (let i = 0; i < N_DEADLINES; i++) {
    const r = g.r();
    const dueType = r < 0.7 ? 'date' : r < 0.9 ? 'datetime' : 'tbd';
    const due = g.date();
    const created = g.stamp();
    const trigger = i > 50 && g.r() < 0.1 ? deadlines[i - g.int(1, 50)].id : null;
    deadlines.push({
      id: g.uuid(), title: g.title(), deadlineKind: g.pick(['statutory', 'response', 'compliance', 'meeting', 'internal']),
      status: g.pick(['open', 'open', 'done', 'waived', 'missed']), dueType,
      dueDate: dueType === 'tbd' ? null : due, dueTime: dueType === 'datetime' ? g.pick(['09:00', '12:00', '17:00']) : null,
      timeZone: dueType === 'datetime' ? g.pick(ZONES) : null, dueAt: dueType === 'datetime' ? `${due}T15:00:00.000Z` : null,
      windowStart: dueType === 'tbd' ? due : null, windowEnd: dueType === 'tbd' ? g.date() : null,
      confidence: g.pick(['low', 'medium', 'high']), owner: g.pick(OWNERS), ownerPartyId: g.r() < 0.3 ? g.pick(parties) : null,
      rule: trigger ? JSON.stringify({ amount: g.int(5, 30), unit: 'business_days', direction: 'after', roll: 'forward' }) : null,
      triggerDeadlineId: trigger, triggerEventId: null,
      reminderOffsetsMinutes: g.r() < 0.4 ? '[1440,10080]' : null, notes: g.text(200),
      version: g.int(1, 4), createdAt: created, createdBy: g.pick(OWNERS), updatedAt: created, updatedBy: g.pick(OWNERS),
      deletedAt: null, deletedBy: null, reminderState: null, triggerMeetingId: null, meetingId: null,
    });
  }
  const issues = [];
  for (let i = 0; i < N_ISSUES; i++) {
    const created = g.stamp();
    issues.push({
      id: g.uuid(), title: `${g.title(2, 4)} (${i + 1})`, description: g.text(150), priority: g.pick(['critical', 'high', 'medium', 'low']),
      status: g.pick(['open', 'open', 'proposed', 'agreed', 'parked']), ourInterests: g.sentence(), ourOpening: g.sentence(),
      ourTarget: g.sentence(), ourWalkaway: g.sentence(), theirPosition: g.sentence(), theirInterests: g.sentence(), sortOrder: i,
      version: g.int(1, 6), createdAt: created, createdBy: g.pick(OWNERS), updatedAt: created, updatedBy: g.pick(OWNERS),
      deletedAt: null, deletedBy: null,
    });
  }
  void events;
  return { deadlines, issues };
}

// Automerge values: strings as ImmutableString (scalar, last-writer-wins with conflicts kept), numbers and nulls as is.
const amValue = (v) => (typeof v === 'string' ? new A.ImmutableString(v) : v);
const amRecord = (rec) => Object.fromEntries(Object.entries(rec).map(([k, v]) => [k, amValue(v)]));
const plainValue = (v) => (v instanceof A.ImmutableString ? v.val : v);

// ---------------------------------------------------------------------------------------------------------------
// SQLite: the case file's pragmas (setConnectionPragmas + WAL), and the two tables as in the migrations (the foreign
// keys left out: the tables they point at are not here; none of the measured statements touches those columns).

const PRAGMAS = ['trusted_schema = OFF', 'cell_size_check = ON', 'mmap_size = 0', 'foreign_keys = ON', 'temp_store = MEMORY',
  'journal_mode = WAL', 'synchronous = FULL', 'busy_timeout = 5000'];
function openDb(file, opts = {}) {
  const db = new Database(file, opts);
  for (const p of PRAGMAS) if (!(opts.readonly && p.startsWith('journal_mode'))) db.pragma(p);
  return db;
}
const ROWS_DDL = `
CREATE TABLE deadline (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36), title TEXT NOT NULL,
  deadline_kind TEXT NOT NULL CHECK (deadline_kind IN ('statutory', 'response', 'compliance', 'meeting', 'internal')),
  status TEXT NOT NULL CHECK (status IN ('open', 'done', 'waived', 'missed')),
  due_type TEXT NOT NULL CHECK (due_type IN ('date', 'datetime', 'tbd')),
  due_date TEXT, due_time TEXT, time_zone TEXT, due_at TEXT, window_start TEXT, window_end TEXT,
  confidence TEXT CHECK (confidence IS NULL OR confidence IN ('low', 'medium', 'high')), owner TEXT, owner_party_id TEXT,
  rule TEXT CHECK (rule IS NULL OR json_valid(rule)), trigger_deadline_id TEXT, trigger_event_id TEXT,
  reminder_offsets_minutes TEXT CHECK (reminder_offsets_minutes IS NULL OR json_valid(reminder_offsets_minutes)), notes TEXT,
  version INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL, created_by TEXT NOT NULL, updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL, deleted_at TEXT, deleted_by TEXT,
  reminder_state TEXT CHECK (reminder_state IS NULL OR json_valid(reminder_state)), trigger_meeting_id TEXT, meeting_id TEXT
) STRICT;
CREATE INDEX deadline_owner_party_id ON deadline(owner_party_id);
CREATE INDEX deadline_trigger_deadline_id ON deadline(trigger_deadline_id);
CREATE INDEX deadline_trigger_event_id ON deadline(trigger_event_id);
CREATE INDEX deadline_live ON deadline(deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX deadline_trigger_meeting_id ON deadline(trigger_meeting_id);
CREATE INDEX deadline_meeting_id ON deadline(meeting_id);
CREATE UNIQUE INDEX deadline_one_per_meeting ON deadline(meeting_id) WHERE deleted_at IS NULL AND meeting_id IS NOT NULL;
CREATE TABLE negotiation_issue (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36), title TEXT NOT NULL, description TEXT,
  priority TEXT NOT NULL CHECK (priority IN ('critical', 'high', 'medium', 'low')),
  status TEXT NOT NULL CHECK (status IN ('open', 'proposed', 'agreed', 'rejected', 'parked')),
  our_interests TEXT, our_opening TEXT, our_target TEXT, our_walkaway TEXT, their_position TEXT, their_interests TEXT,
  sort_order INTEGER CHECK (sort_order IS NULL OR typeof(sort_order) = 'integer'),
  version INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL, created_by TEXT NOT NULL, updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL, deleted_at TEXT, deleted_by TEXT
) STRICT;
CREATE INDEX negotiation_issue_live ON negotiation_issue(deleted_at) WHERE deleted_at IS NULL;`;
const DOC_DDL = `CREATE TABLE record_doc (
  id TEXT PRIMARY KEY NOT NULL, kind TEXT NOT NULL, heads TEXT NOT NULL, doc BLOB NOT NULL
) STRICT;`;

function insertRows(db, data) {
  const ins = (table, cols) => db.prepare(`INSERT INTO ${table} (${cols.map(snake).join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
  const d = ins('deadline', DEADLINE_COLS);
  const i = ins('negotiation_issue', ISSUE_COLS);
  db.transaction(() => {
    for (const r of data.deadlines) d.run(r);
    for (const r of data.issues) i.run(r);
  })();
}
function fileBytes(db, file) {
  db.pragma('wal_checkpoint(TRUNCATE)');
  return fs.statSync(file).size;
}
const updateAll = (db, table, cols) => db.prepare(`UPDATE ${table} SET ${cols.filter((c) => c !== 'id').map((c) => `${snake(c)} = @${c}`).join(', ')} WHERE id = @id`);

// ---------------------------------------------------------------------------------------------------------------
// Child processes: resident memory after one load, in a fresh process each time.

if (process.argv[2] === '--child') {
  const [mode, file] = process.argv.slice(3);
  global.gc?.();
  const before = process.memoryUsage();
  const t = now();
  let keep;
  if (mode === 'a1-load') keep = A.load(fs.readFileSync(file));
  else if (mode === 'rows-read') {
    const db = openDb(file, { readonly: true });
    keep = [db.prepare('SELECT * FROM deadline').all(), db.prepare('SELECT * FROM negotiation_issue').all()];
  }
  const ms = since(t);
  const after = process.memoryUsage();
  global.gc?.();
  const afterGc = process.memoryUsage();
  process.stdout.write(JSON.stringify({ ms, rssDelta: after.rss - before.rss, rssDeltaAfterGc: afterGc.rss - before.rss, keep: !!keep }));
  process.exit(0);
}
function child(mode, file) {
  const out = execFileSync(process.execPath, ['--expose-gc', SCRIPT, '--child', mode, file], { encoding: 'utf8' });
  return JSON.parse(out);
}

// ---------------------------------------------------------------------------------------------------------------

fs.rmSync(WORK, { recursive: true, force: true });
fs.mkdirSync(WORK, { recursive: true });
const started = Date.now();
const load0 = os.loadavg();
log(`Automerge spike: node ${process.version}, automerge ${amPkg.version}, SQLite ${new Database(':memory:').prepare('select sqlite_version() v').get().v}`);
log(`${os.cpus().length} CPUs (${os.cpus()[0]?.model}), load average at start ${load0.map((x) => x.toFixed(2)).join(' ')}`);
log(`${N_DEADLINES} deadlines, ${N_ISSUES} issues; work folder ${WORK}`);

const data = makeData();
const allRecs = [...data.deadlines.map((r) => ['deadline', r]), ...data.issues.map((r) => ['issue', r])];
const avgNotes = data.deadlines.reduce((a, r) => a + r.notes.length, 0) / data.deadlines.length;
log(`records made: ${allRecs.length} (deadline notes ${avgNotes.toFixed(0)} chars on average)`);

// Baseline: plain rows.
const rowsFile = path.join(WORK, 'rows.sqlite');
const rowsDb = openDb(rowsFile);
rowsDb.exec(ROWS_DDL);
insertRows(rowsDb, data);
const rowsBytes = fileBytes(rowsDb, rowsFile);
log(`\nBaseline: plain rows file ${mb(rowsBytes)}`);
const sizes = { rowsBytes };

// ---------------------------------------------------------------------------------------------------------------
// A1: one document for the whole case.

log('\nA1: one Automerge document for the whole case');
const wholeCase = () => ({
  deadlines: Object.fromEntries(data.deadlines.map((r) => [r.id, amRecord(r)])),
  issues: Object.fromEntries(data.issues.map((r) => [r.id, amRecord(r)])),
});
let a1;
{
  const samples = [];
  for (let i = 0; i < 3; i++) {
    const input = wholeCase();
    const [ms, doc] = time(() => A.from(input));
    samples.push(ms);
    if (i === 2) a1 = doc; else A.free?.(doc);
  }
  record('A1', 'build (A.from of all records, ImmutableString strings)', summarize(samples), '3 runs');
}
let a1Bytes;
{
  const samples = [];
  for (let i = 0; i < 3; i++) {
    const [ms, bytes] = time(() => A.save(a1));
    samples.push(ms);
    a1Bytes = bytes;
  }
  sizes.a1Save = a1Bytes.length;
  record('A1', 'save()', summarize(samples), `3 runs; ${mb(a1Bytes.length)} (${(a1Bytes.length / rowsBytes).toFixed(2)}x the plain rows file)`);
}
const a1File = path.join(WORK, 'a1.automerge');
fs.writeFileSync(a1File, a1Bytes);
{
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const [ms, doc] = time(() => A.load(a1Bytes));
    samples.push(ms);
    A.free?.(doc);
  }
  record('A1', 'load()', summarize(samples), `${RUNS} runs in this process`);
}
{
  const am = [];
  const rows = [];
  for (let i = 0; i < RUNS; i++) {
    am.push(child('a1-load', a1File));
    rows.push(child('rows-read', rowsFile));
  }
  const s = (xs, k) => summarize(xs.map((x) => x[k] / 1e6));
  const r = s(am, 'rssDelta');
  const rg = s(am, 'rssDeltaAfterGc');
  record('A1', 'load() in a fresh process', summarize(am.map((x) => x.ms)), `${RUNS} processes`);
  log(`  [A1] rss delta after load(): p50 ${r.p50.toFixed(1)} MB, max ${r.max.toFixed(1)} MB (after gc ${rg.p50.toFixed(1)} MB)`);
  const pr = s(rows, 'rssDelta');
  log(`  [baseline] rss delta after reading every row into objects: p50 ${pr.p50.toFixed(1)} MB, max ${pr.max.toFixed(1)} MB; time p50 ${fmt(summarize(rows.map((x) => x.ms)).p50)} ms`);
  sizes.a1RssMb = r;
  sizes.a1RssGcMb = rg;
  sizes.rowsRssMb = pr;
}
{
  // Side figure: the same document with the default string type (collaborative text), one run.
  const input = {
    deadlines: Object.fromEntries(data.deadlines.map((r) => [r.id, r])),
    issues: Object.fromEntries(data.issues.map((r) => [r.id, r])),
  };
  const [ms, doc] = time(() => A.from(input));
  const bytes = A.save(doc);
  sizes.a1TextSave = bytes.length;
  record('A1', 'side: build with default strings (collaborative text)', summarize([ms]), `1 run; save() ${mb(bytes.length)}`);
  A.free?.(doc);
}

// ---------------------------------------------------------------------------------------------------------------
// A2: one document per record, as BLOBs beside the rows.

log('\nA2: one Automerge document per record, in SQLite beside the rows');
const a2File = path.join(WORK, 'a2.sqlite');
fs.copyFileSync(rowsFile, a2File);
let a2Db = openDb(a2File);
a2Db.exec(DOC_DDL);
const docRow = (doc) => ({ heads: JSON.stringify(A.getHeads(doc)), doc: A.save(doc) });
{
  const samples = [];
  let built;
  for (let i = 0; i < 3; i++) {
    const [ms, rows] = time(() => allRecs.map(([kind, r]) => {
      const doc = A.from(amRecord(r));
      const row = { id: r.id, kind, ...docRow(doc) };
      A.free?.(doc);
      return row;
    }));
    samples.push(ms);
    built = rows;
  }
  record('A2', `build + save() of ${allRecs.length} documents`, summarize(samples), '3 runs');
  const ins = a2Db.prepare('INSERT INTO record_doc (id, kind, heads, doc) VALUES (@id, @kind, @heads, @doc)');
  const [ms] = time(() => a2Db.transaction(() => { for (const r of built) ins.run(r); })());
  const docBytes = built.reduce((a, r) => a + r.doc.length, 0);
  const a2Bytes = fileBytes(a2Db, a2File);
  sizes.a2Bytes = a2Bytes;
  sizes.a2DocBytes = docBytes;
  log(`  [A2] inserted in one transaction in ${fmt(ms)} ms; documents ${mb(docBytes)} (${(docBytes / built.length).toFixed(0)} bytes each on average)`);
  log(`  [A2] file with rows + documents ${mb(a2Bytes)} vs rows alone ${mb(rowsBytes)}: +${(((a2Bytes - rowsBytes) / rowsBytes) * 100).toFixed(0)}%`);
}
a2Db.close();

// Open with the documents loaded lazily: connection + pragmas + the summary counts; then the documents of the records
// touched.
const liveCounts = (db) => [db.prepare('SELECT count(*) n FROM deadline WHERE deleted_at IS NULL').get().n,
  db.prepare('SELECT count(*) n FROM negotiation_issue WHERE deleted_at IS NULL').get().n];
function openRounds(file, touched) {
  const samples = [];
  const ids = data.deadlines.slice(0, touched).map((r) => r.id);
  for (let i = -2; i < 20; i++) {
    const t = now();
    const db = openDb(file);
    liveCounts(db);
    if (touched) {
      const get = db.prepare('SELECT doc FROM record_doc WHERE id = ?');
      for (const id of ids) A.free?.(A.load(get.get(id).doc));
    }
    db.close();
    if (i >= 0) samples.push(since(t));
  }
  return summarize(samples);
}
record('baseline', 'open rows file (connection, pragmas, live counts)', openRounds(rowsFile, 0), '2 warm-up + 20 rounds');
record('A2', 'open, no document loaded (lazy)', openRounds(a2File, 0), '2 warm-up + 20 rounds');
record('A2', 'open + load the documents of 1 record', openRounds(a2File, 1), '2 warm-up + 20 rounds');
record('A2', 'open + load the documents of 200 records (a first page)', openRounds(a2File, 200), '2 warm-up + 20 rounds');
{
  const db = openDb(a2File);
  const get = db.prepare('SELECT doc FROM record_doc WHERE id = ?');
  const g = new Gen(7);
  const per = [];
  for (let i = 0; i < 1000; i++) {
    const id = data.deadlines[g.int(0, data.deadlines.length - 1)].id;
    per.push(time(() => A.free?.(A.load(get.get(id).doc)))[0]);
  }
  record('A2', 'read + load() of one record document', summarize(per), '1,000 random records');
  const all = [];
  const getAll = db.prepare('SELECT doc FROM record_doc');
  for (let i = 0; i < 3; i++) all.push(time(() => { for (const r of getAll.iterate()) A.free?.(A.load(r.doc)); })[0]);
  record('A2', `eager: load() all ${allRecs.length} documents`, summarize(all), '3 runs');
  db.close();
}

// ---------------------------------------------------------------------------------------------------------------
// Edits, alternating round by round so that all meet the same load: baseline UPDATE; A1 change + saveIncremental with
// the chunk appended to SQLite; A2 document only; A2 document + its row.

log(`\nEdits: ${EDITS} rounds (+5 warm-up), the four kinds alternating, order rotated each round`);
const baseUpdate = rowsDb.prepare('UPDATE deadline SET title = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?');
const a1StoreFile = path.join(WORK, 'a1-store.sqlite');
const a1Store = openDb(a1StoreFile);
a1Store.exec('CREATE TABLE am_chunk (seq INTEGER PRIMARY KEY, bytes BLOB NOT NULL) STRICT');
a1Store.prepare('INSERT INTO am_chunk (bytes) VALUES (?)').run(a1Bytes);
const a1Append = a1Store.prepare('INSERT INTO am_chunk (bytes) VALUES (?)');
a2Db = openDb(a2File);
const a2Get = a2Db.prepare('SELECT doc FROM record_doc WHERE id = ?');
const a2Put = a2Db.prepare('UPDATE record_doc SET doc = @doc, heads = @heads WHERE id = @id');
const a2RowUpdate = a2Db.prepare('UPDATE deadline SET title = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?');
A.saveIncremental(a1); // everything so far is in the saved chunk
const eg = new Gen(99);
const edits = { base: [], a1Change: [], a1Mem: [], a1: [], a2Doc: [], a2Row: [], a1Chunk: [], a2Grow: [] };
const editCount = { a1: 0, a2: 0 };
function editA2(id, title, stamp, withRow) {
  a2Db.transaction(() => {
    const before = a2Get.get(id).doc;
    let doc = A.load(before);
    doc = A.change(doc, (d) => { d.title = new A.ImmutableString(title); d.version += 1; d.updatedAt = new A.ImmutableString(stamp); d.updatedBy = new A.ImmutableString('Spike'); });
    const row = docRow(doc);
    A.free?.(doc);
    a2Put.run({ id, ...row });
    if (withRow) a2RowUpdate.run(title, stamp, 'Spike', id);
    edits.a2Grow.push(row.doc.length - before.length);
    editCount.a2++;
  })();
}
function editRounds(rounds, edits) {
for (let i = -5; i < rounds; i++) {
  const rec = data.deadlines[eg.int(0, data.deadlines.length - 1)];
  const title = eg.title();
  const stamp = new Date().toISOString();
  const kinds = [
    () => { const [ms] = time(() => rowsDb.transaction(() => baseUpdate.run(title, stamp, 'Spike', rec.id))()); if (i >= 0) edits.base.push(ms); },
    () => {
      const t = now();
      a1 = A.change(a1, (d) => { const r = d.deadlines[rec.id]; r.title = new A.ImmutableString(title); r.version += 1; r.updatedAt = new A.ImmutableString(stamp); r.updatedBy = new A.ImmutableString('Spike'); });
      const changed = since(t);
      editCount.a1++;
      const chunk = A.saveIncremental(a1);
      const mem = since(t);
      a1Store.transaction(() => a1Append.run(chunk))();
      if (i >= 0) { edits.a1Change.push(changed); edits.a1Mem.push(mem); edits.a1.push(since(t)); edits.a1Chunk.push(chunk.length); }
    },
    () => { const [ms] = time(() => editA2(rec.id, title, stamp, false)); if (i >= 0) edits.a2Doc.push(ms); },
    () => { const [ms] = time(() => editA2(rec.id, title, stamp, true)); if (i >= 0) edits.a2Row.push(ms); },
  ];
  const start = ((i % 4) + 4) % 4;
  for (let k = 0; k < 4; k++) kinds[(start + k) % 4]();
}
}
editRounds(EDITS, edits);
const baseEdit = summarize(edits.base);
record('baseline', 'edit: one UPDATE in a transaction', baseEdit, `${EDITS} edits`);
const ratio = (s) => `${(s.p50 / baseEdit.p50).toFixed(2)}x / ${(s.p95 / baseEdit.p95).toFixed(2)}x the baseline (p50 / p95)`;
record('A1', 'edit: change() alone, in memory', summarize(edits.a1Change));
const a1MemS = summarize(edits.a1Mem);
record('A1', 'edit: change() + saveIncremental(), in memory', a1MemS, `chunk ${summarize(edits.a1Chunk).p50} bytes (p50)`);
const a1EditS = summarize(edits.a1);
record('A1', 'edit: change() + saveIncremental() + append the chunk to SQLite', a1EditS, ratio(a1EditS));
const a2DocS = summarize(edits.a2Doc);
record('A2', 'edit: read doc, load, change, save, write doc (one transaction)', a2DocS, ratio(a2DocS));
const a2RowS = summarize(edits.a2Row);
record('A2', 'edit: the same + UPDATE of the plain row', a2RowS, ratio(a2RowS));
const grow = summarize(edits.a2Grow);
log(`  [A2] a record document grows by ${grow.p50} bytes per edit (p50; min ${grow.min}, max ${grow.max})`);
sizes.a1ChunkP50 = summarize(edits.a1Chunk).p50;
// The same with synchronous=OFF on every connection: the processor's part of each edit, without the fsyncs (which
// other work on the machine delays for all alike).
{
  for (const db of [rowsDb, a1Store, a2Db]) db.pragma('synchronous = OFF');
  const off = { base: [], a1Change: [], a1Mem: [], a1: [], a2Doc: [], a2Row: [], a1Chunk: [], a2Grow: [] };
  editRounds(100, off);
  const b = summarize(off.base);
  const r = (s) => `${(s.p50 / b.p50).toFixed(1)}x / ${(s.p95 / b.p95).toFixed(1)}x the baseline (p50 / p95)`;
  record('baseline', 'edit with synchronous=OFF', b, '100 edits');
  record('A1', 'edit with synchronous=OFF (change + saveIncremental + append)', summarize(off.a1), r(summarize(off.a1)));
  record('A2', 'edit with synchronous=OFF (doc only)', summarize(off.a2Doc), r(summarize(off.a2Doc)));
  record('A2', 'edit with synchronous=OFF (doc + row)', summarize(off.a2Row), r(summarize(off.a2Row)));
  for (const db of [rowsDb, a1Store, a2Db]) db.pragma('synchronous = FULL');
}

sizes.a2GrowP50 = grow.p50;
rowsDb.close();
a1Store.close();

// ---------------------------------------------------------------------------------------------------------------
// A1 merge: 1,000 changes in a forked copy, 100 in the local copy (50 to the same field of the same records).

log(`\nA1 merge: ${MERGE_N} changes (one record each) in a fork, 100 concurrent local changes`);
const mergeIds = data.deadlines.slice(0, MERGE_N).map((r) => r.id);
const sameField = mergeIds.slice(0, 50);
const otherField = mergeIds.slice(50, 100);
// No A.free() from here on in A1: freeing a document breaks getConflicts on its clones (see the note at the top).
let base = A.clone(a1);
let fork = A.clone(base);
for (const id of mergeIds) {
  fork = A.change(fork, (d) => { const r = d.deadlines[id]; r.title = new A.ImmutableString(`Theirs: ${r.title.val}`); r.version += 1; r.updatedBy = new A.ImmutableString('Other counsel'); });
}
const baseHeads = A.getHeads(base);
let local = A.clone(base);
for (const id of sameField) local = A.change(local, (d) => { d.deadlines[id].title = new A.ImmutableString(`Ours: ${d.deadlines[id].title.val}`); });
for (const id of otherField) local = A.change(local, (d) => { d.deadlines[id].status = 'done' === d.deadlines[id].status.val ? new A.ImmutableString('open') : new A.ImmutableString('done'); });
const localHeads = A.getHeads(local);
const forkSince = A.saveSince(fork, baseHeads);
const forkFull = A.save(fork);
log(`  fork's changes since the common heads: ${(forkSince.length / 1024).toFixed(1)} KB; whole fork saved: ${mb(forkFull.length)}`);
sizes.a1ForkSince = forkSince.length;
let merged;
{
  const mem = [];
  const inc = [];
  const full = [];
  const diffS = [];
  for (let i = 0; i < RUNS; i++) {
    let l = A.clone(local);
    const [ms, m] = time(() => A.merge(l, fork));
    mem.push(ms);
    // Which records the merge touched, and which of their fields are in conflict, from the patches.
    const [dms, found] = time(() => {
      const patches = A.diff(m, localHeads, A.getHeads(m));
      const touched = new Set();
      let conflicts = 0;
      for (const p of patches) {
        if (p.path[0] === 'deadlines' || p.path[0] === 'issues') touched.add(p.path[1]);
        if (p.action === 'put' && p.conflict) conflicts++;
      }
      return { touched: touched.size, conflicts, patches: patches.length };
    });
    diffS.push(dms);
    if (i === RUNS - 1) { merged = m; log(`  diff after merge: ${found.patches} patches, ${found.touched} records touched, ${found.conflicts} put patches flagged as conflicts`); }
    l = A.clone(local);
    inc.push(time(() => A.loadIncremental(l, forkSince))[0]);
    l = A.clone(local);
    full.push(time(() => A.merge(l, A.load(forkFull)))[0]);
  }
  record('A1', `merge(local, fork) in memory, ${MERGE_N} changes`, summarize(mem), `${RUNS} runs`);
  record('A1', 'loadIncremental(local, fork changes since common heads)', summarize(inc), `${RUNS} runs`);
  record('A1', 'load(whole fork file) + merge', summarize(full), `${RUNS} runs`);
  record('A1', 'diff(before, after merge): touched records and conflict flags', summarize(diffS), `${RUNS} runs`);
}
{
  const getAll = () => {
    let n = 0;
    let calls = 0;
    for (const id of mergeIds) for (const k of DEADLINE_COLS) { calls++; const c = A.getConflicts(merged.deadlines[id], k); if (c && Object.keys(c).length > 1) n++; }
    return [n, calls];
  };
  const s = [];
  let found;
  for (let i = 0; i < RUNS; i++) { const [ms, r] = time(getAll); s.push(ms); found = r; }
  record('A1', `getConflicts on every field of the ${MERGE_N} merged records (${found[1]} calls)`, summarize(s), `${found[0]} fields in conflict (expected 50: the same title edited on both sides)`);
  const sample = A.getConflicts(merged.deadlines[sameField[0]], 'title');
  log(`  e.g. title of ${sameField[0]}: ${JSON.stringify(Object.values(sample).map(String))}; shown value "${merged.deadlines[sameField[0]].title}"`);
  const o = merged.deadlines[otherField[0]];
  log(`  a record edited on different fields (status here, title there): status "${o.status}", title "${o.title}", conflicts ${Object.keys(A.getConflicts(o, 'status') ?? {}).length}/${Object.keys(A.getConflicts(o, 'title') ?? {}).length}`);
  const scan = time(() => { let n = 0; for (const sect of ['deadlines', 'issues']) for (const rec of Object.values(merged[sect])) for (const k of Object.keys(rec)) { const c = A.getConflicts(rec, k); if (c && Object.keys(c).length > 1) n++; } return n; });
  record('A1', 'side: getConflicts scan of every field of every record', summarize([scan[0]]), `1 run; ${scan[1]} conflicts`);
  const mergedBytes = A.save(merged);
  sizes.a1MergedSave = mergedBytes.length;
  log(`  merged document saved: ${mb(mergedBytes.length)} (was ${mb(a1Bytes.length)} before the ${editCount.a1} edits and the merge)`);
}

// ---------------------------------------------------------------------------------------------------------------
// A2 merge: another copy of the file in which 1,000 records were changed; locally 100 of them changed too (50 on the
// same field). The merge finds the records whose heads differ, loads both documents, merges, notes the conflicts,
// and writes the document and the row, in one transaction.

log(`\nA2 merge: ${MERGE_N} records changed in another copy of the file, 100 of them changed locally too`);
a2Db.pragma('wal_checkpoint(TRUNCATE)');
a2Db.close();
const otherFile = path.join(WORK, 'a2-other.sqlite');
const localFile = path.join(WORK, 'a2-local.sqlite');
fs.copyFileSync(a2File, otherFile);
fs.copyFileSync(a2File, localFile);
function editCopy(file, ids, fn) {
  const db = openDb(file);
  const get = db.prepare('SELECT doc FROM record_doc WHERE id = ?');
  const put = db.prepare('UPDATE record_doc SET doc = @doc, heads = @heads WHERE id = @id');
  const rowPut = updateAll(db, 'deadline', DEADLINE_COLS);
  db.transaction(() => {
    for (const id of ids) {
      const doc = A.change(A.load(get.get(id).doc), fn);
      put.run({ id, ...docRow(doc) });
      rowPut.run(Object.fromEntries(DEADLINE_COLS.map((k) => [k, plainValue(doc[k])])));
      A.free?.(doc);
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}
editCopy(otherFile, mergeIds, (d) => { d.title = new A.ImmutableString(`Theirs: ${d.title.val}`); d.version += 1; d.updatedBy = new A.ImmutableString('Other counsel'); });
editCopy(localFile, sameField, (d) => { d.title = new A.ImmutableString(`Ours: ${d.title.val}`); });
editCopy(localFile, otherField, (d) => { d.status = new A.ImmutableString(d.status.val === 'done' ? 'open' : 'done'); });
{
  const samples = [];
  let outcome;
  for (let i = -1; i < RUNS; i++) {
    const runFile = path.join(WORK, 'a2-merge-run.sqlite');
    for (const sfx of ['', '-wal', '-shm']) fs.rmSync(runFile + sfx, { force: true });
    fs.copyFileSync(localFile, runFile);
    const t = now();
    const db = openDb(runFile);
    const other = openDb(otherFile, { readonly: true });
    const theirs = new Map(other.prepare('SELECT id, heads FROM record_doc').raw().all());
    const differing = db.prepare('SELECT id, heads FROM record_doc').raw().all().filter(([id, h]) => theirs.has(id) && theirs.get(id) !== h).map(([id]) => id);
    const getOurs = db.prepare('SELECT kind, doc FROM record_doc WHERE id = ?');
    const getTheirs = other.prepare('SELECT doc FROM record_doc WHERE id = ?');
    const put = db.prepare('UPDATE record_doc SET doc = @doc, heads = @heads WHERE id = @id');
    const rowPut = { deadline: updateAll(db, 'deadline', DEADLINE_COLS), issue: updateAll(db, 'negotiation_issue', ISSUE_COLS) };
    let conflicts = 0;
    db.transaction(() => {
      for (const id of differing) {
        const ours = getOurs.get(id);
        const m = A.merge(A.load(ours.doc), A.load(getTheirs.get(id).doc));
        const cols = ours.kind === 'deadline' ? DEADLINE_COLS : ISSUE_COLS;
        for (const k of cols) { const c = A.getConflicts(m, k); if (c && Object.keys(c).length > 1) conflicts++; }
        put.run({ id, ...docRow(m) });
        rowPut[ours.kind].run(Object.fromEntries(cols.map((k) => [k, plainValue(m[k])])));
        A.free?.(m);
      }
    })();
    other.close();
    db.close();
    const ms = since(t);
    if (i >= 0) samples.push(ms);
    outcome = { differing: differing.length, conflicts };
  }
  record('A2', `merge ${outcome.differing} changed records from the other file (find, load both, merge, conflicts, write doc + row)`, summarize(samples), `1 warm-up + ${RUNS} runs; ${outcome.conflicts} fields in conflict (expected 50)`);
  const db = openDb(path.join(WORK, 'a2-merge-run.sqlite'));
  sizes.a2MergedBytes = fileBytes(db, path.join(WORK, 'a2-merge-run.sqlite'));
  db.close();
  log(`  [A2] file after the ${editCount.a2} edits and the merge: ${mb(sizes.a2MergedBytes)} (rows alone ${mb(rowsBytes)}: +${(((sizes.a2MergedBytes - rowsBytes) / rowsBytes) * 100).toFixed(0)}%)`);
}

const load1 = os.loadavg();
log(`\nload average at end ${load1.map((x) => x.toFixed(2)).join(' ')}; ${((Date.now() - started) / 1000).toFixed(0)} s in all`);
fs.writeFileSync(path.join(WORK, 'results.json'), JSON.stringify({ node: process.version, automerge: amPkg.version, load: [load0, load1], sizes, results }, null, 2));
log(`figures also in ${path.join(WORK, 'results.json')}`);
