// The scaling table's fixtures (bench/scaling.ts): cases of 1,000, 10,000 and 100,000 deadlines, and libraries of
// 200, 1,000 and 2,000 case files. Cached beside the core benchmark's fixtures, per schema, generator and this
// module's version; each piece is kept as soon as it is made, so an interrupted generation resumes where it stopped.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CaseExport } from '../shared/contract.js';
import type { CaseInfo } from '../shared/api-types.js';
import { Library } from '../electron/core/library.js';
import { Session } from '../electron/core/session.js';
import { ACTOR, GENERATOR_VERSION, schemaTag, RARE_WORD, TODAY, call, deadlineFields, parties, type Id, type Log, type Manifest } from './fixtures.js';
import { TextGen, addDaysIso } from './text.js';

/** Bump whenever what this module writes changes, so old caches are not reused. */
const SCALING_VERSION = 1;
export const DEADLINE_SIZES = [1_000, 10_000, 100_000] as const;
export const LIBRARY_SIZES = [200, 1_000, 2_000] as const;
/** Deadlines whose notes hold the rare word, at every size, so that a rare search finds as many at each. */
const RARE_DEADLINES = 5;

export interface DeadlineCase {
  deadlines: number;
  file: string;
  bytes: number;
  auditEntries: number;
  seconds: number;
}

export interface LibraryFixture {
  files: number;
  /** A data folder whose library.json lists the library's files; copy it before use (the app writes beside it). */
  dataDir: string;
}

export interface ScalingFixtures {
  deadlineCases: DeadlineCase[];
  libraries: LibraryFixture[];
  librarySeconds: number;
}

export function scalingFixtureDir(): string {
  return path.join(os.tmpdir(), `parley-bench-scaling-${schemaTag()}-g${GENERATOR_VERSION}-v${SCALING_VERSION}`);
}

/** The scaling fixtures, each piece generated first if it is not cached (or `fresh` is asked for). */
export function ensureScalingFixtures(base: Manifest, log: Log, fresh = false): ScalingFixtures {
  const dir = scalingFixtureDir();
  if (fresh) fs.rmSync(dir, { recursive: true, force: true });
  const deadlineCases = ensureDeadlineCases(log);
  const libs = cachedPiece(dir, 'libraries', log, () => generateLibraries(dir, base, log));
  return { deadlineCases, libraries: libs.libraries, librarySeconds: libs.seconds };
}

/** The cases of 1,000, 10,000 and 100,000 deadlines alone, each generated first if it is not cached. */
export function ensureDeadlineCases(log: Log): DeadlineCase[] {
  const dir = scalingFixtureDir();
  return DEADLINE_SIZES.map((n) => cachedPiece(dir, `deadlines-${n}`, log, () => generateDeadlineCase(dir, n, log)));
}

/** A piece of the fixtures: its description read from `<name>.json`, or made and then described there (last). */
function cachedPiece<T>(dir: string, name: string, log: Log, make: () => T): T {
  fs.mkdirSync(dir, { recursive: true });
  const described = path.join(dir, `${name}.json`);
  if (fs.existsSync(described)) return JSON.parse(fs.readFileSync(described, 'utf8')) as T;
  log(`  generating the scaling fixture "${name}" in ${dir}`);
  const piece = make();
  fs.writeFileSync(described, JSON.stringify(piece, null, 2));
  return piece;
}

/**
 * A case of `n` deadlines and a few parties, nothing else, so that the three sizes differ only in how many deadlines
 * they hold: one `deadline.create` per deadline through the dispatcher, as the big case is made. Due dates are spread
 * over five years around TODAY; a tenth are rule-built on a recent deadline; five hold the rare word.
 */
function generateDeadlineCase(dir: string, n: number, log: Log): DeadlineCase {
  const file = path.join(dir, `deadlines-${n}.parley`);
  for (const leftover of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(leftover, { force: true });
  const started = Date.now();
  const g = new TextGen(500_000 + n);
  const session = new Session({ dataDir: path.join(dir, `deadlines-${n}-data`), actor: ACTOR });
  const { caseId } = call<CaseInfo>(session, 'case.create', {
    path: file,
    directive: { title: `Directive with ${n.toLocaleString('en')} deadlines`, status: 'negotiating', referenceNumber: `SCALE-${n}`, issuingAuthority: 'Ministry of Trade' },
  });
  const partyIds = parties(session, caseId, g, 10);
  const recent: string[] = [];
  const rareEvery = Math.floor(n / RARE_DEADLINES);
  const progressEvery = n / 10;
  for (let i = 0; i < n; i++) {
    const trigger = recent.length && g.next() < 0.1 ? g.pick(recent) : null;
    const due = addDaysIso(TODAY, -900 + Math.floor((i * 1800) / n) + g.int(-30, 120));
    const fields = deadlineFields(g, due, { partyIds, trigger, overdueOpenShare: 0.05 });
    if (i % rareEvery === rareEvery - 1) fields.notes = `${(fields.notes as string | null) ?? ''} The ${RARE_WORD} supply question came up again.`.trim();
    const { id } = call<Id>(session, 'deadline.create', { caseId, fields });
    if (!fields.triggerDeadlineId) {
      recent.push(id);
      if (recent.length > 50) recent.shift();
    }
    if ((i + 1) % progressEvery === 0 && n >= 10_000) {
      const toGo = ((Date.now() - started) / 1000 / (i + 1)) * (n - i - 1);
      log(`    ${(i + 1).toLocaleString('en')}/${n.toLocaleString('en')} deadlines written, about ${toGo.toFixed(0)} s to go`);
    }
  }
  const info = call<CaseInfo>(session, 'case.info', { caseId });
  session.closeAll();
  if (info.counts.deadline !== n) throw new Error(`the ${n}-deadline case holds ${info.counts.deadline} deadlines`);
  const seconds = (Date.now() - started) / 1000;
  log(`    ${n.toLocaleString('en')} deadlines: ${seconds.toFixed(1)} s`);
  return { deadlines: n, file, bytes: fs.statSync(file).size, auditEntries: info.auditEntries, seconds };
}

/**
 * The libraries of 200, 1,000 and 2,000 case files: the core benchmark's 200 files, and copies of them made through
 * the product's own export and import (`case.export` of the original, opened read-only, then `case.import` of that
 * export with a new case id and the title numbered), so that every copy is a distinct case, made and checked as an
 * import is. The 1,000-file library is the 200 and their first four copies each; the 2,000-file library all nine.
 */
function generateLibraries(dir: string, base: Manifest, log: Log): { libraries: LibraryFixture[]; seconds: number } {
  const started = Date.now();
  const copiesDir = path.join(dir, 'library-copies');
  fs.rmSync(copiesDir, { recursive: true, force: true });
  fs.mkdirSync(copiesDir, { recursive: true });
  const dataDirs = LIBRARY_SIZES.map((files) => {
    const dataDir = path.join(dir, `library-${files}-data`);
    fs.rmSync(dataDir, { recursive: true, force: true });
    return dataDir;
  });
  const [small, middle, large] = dataDirs.map((d) => new Library(d)) as [Library, Library, Library];
  const copiesPerFile = LIBRARY_SIZES[2] / LIBRARY_SIZES[0] - 1;
  const copiesInMiddle = LIBRARY_SIZES[1] / LIBRARY_SIZES[0] - 1;
  // The originals are read in a session of their own, read-only, so the cached files stay as generated.
  const reading = new Session({ dataDir: path.join(dir, 'library-export-data'), actor: ACTOR });
  const importing = new Session({ dataDir: dataDirs[2]!, actor: ACTOR });
  const originals = new Library(base.library.dataDir).paths().sort();
  if (originals.length !== LIBRARY_SIZES[0]) throw new Error(`the core benchmark's library holds ${originals.length} files, expected ${LIBRARY_SIZES[0]}`);
  originals.forEach((original, i) => {
    const opened = call<CaseInfo>(reading, 'case.open', { path: original, readOnly: true });
    const exported = call<CaseExport>(reading, 'case.export', { caseId: opened.caseId });
    call(reading, 'case.close', { caseId: opened.caseId });
    for (const lib of [small, middle, large]) lib.remember(original, opened.caseId);
    for (let k = 1; k <= copiesPerFile; k++) {
      const file = path.join(copiesDir, `${path.basename(original, '.parley')}-copy-${k}.parley`);
      const copy = call<CaseInfo>(importing, 'case.import', { path: file, data: numberedCopy(exported, k) });
      call(importing, 'case.close', { caseId: copy.caseId });
      if (k <= copiesInMiddle) middle.remember(file, copy.caseId);
    }
    if ((i + 1) % 20 === 0) log(`    ${(i + 1) * (copiesPerFile + 1)}/${LIBRARY_SIZES[2]} library files ready`);
  });
  reading.closeAll();
  importing.closeAll();
  const libraries = LIBRARY_SIZES.map((files, i) => ({ files, dataDir: dataDirs[i]! }));
  for (const lib of libraries) {
    const listed = new Library(lib.dataDir).paths().length;
    if (listed !== lib.files) throw new Error(`the library of ${lib.files} files lists ${listed}`);
  }
  return { libraries, seconds: (Date.now() - started) / 1000 };
}

/** The export as the k-th copy of its case: a case id of its own and "(copy k)" after the directive's title. */
function numberedCopy(exported: CaseExport, k: number): CaseExport {
  const [directive] = exported.records.directive ?? [];
  if (!directive) throw new Error(`the export of case ${exported.caseId} holds no directive`);
  return {
    ...exported,
    caseId: crypto.randomUUID(),
    records: { ...exported.records, directive: [{ ...directive, title: `${String(directive.title)} (copy ${k})` }] },
  };
}
