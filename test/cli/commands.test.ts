// The `parley` command as a user runs it: the built bundle in a child process, on real files in a temporary folder.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseInfo, CaseSearchHit, VerifyReport } from '../../shared/api-types.js';
import type { CaseExport } from '../../shared/contract.js';
import { MATCH_END, MATCH_START } from '../../shared/result.js';
import type { DeadlinesReport } from '../../electron/cli/commands/deadlines.js';
import { buildCli, expectFailure, expectOk, parleyRunner, REPO, type ParleyRunner } from './support/parley.js';

let parley: ParleyRunner;
/** A sample case made once by `parley demo`; tests that change files work on copies or on files of their own. */
let sample: string;

beforeAll(async () => {
  await buildCli();
  parley = parleyRunner();
  sample = parley.file('sample.parley');
  expectOk(parley.run(['demo', sample]));
});
afterAll(() => parley.cleanUp());

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A copy made by SQLite itself (never a byte copy of a file that may have a WAL beside it). */
function copyOfSample(name: string): string {
  const copy = parley.file(name);
  const db = new Database(sample, { readonly: true });
  try {
    db.prepare('VACUUM INTO ?').run(copy);
  } finally {
    db.close();
  }
  return copy;
}

function libraryPaths(dataDir: string): string[] {
  const file = path.join(dataDir, 'library.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { files: { path: string }[] }).files.map((f) => f.path) : [];
}

describe('parley demo (the acceptance check)', () => {
  it('writes a sample case that SQLite finds intact and that verify passes', () => {
    const file = parley.file('x.parley');
    const made = expectOk(parley.run(['demo', file]));
    expect(made.stdout).toMatch(/Wrote the sample case to .*x\.parley/);
    expect(execFileSync('/usr/bin/sqlite3', [file, 'pragma integrity_check'], { encoding: 'utf8' }).trim()).toBe('ok');
    const verified = expectOk(parley.run(['verify', file]));
    expect(verified.stdout).toMatch(/Every check passed/);
  });

  it('adds the new file to the default library', () => {
    expect(libraryPaths(parley.defaultLibrary)).toContain(sample);
  });

  it('with --json prints the new case\'s summary', () => {
    const info = expectOk(parley.run(['demo', parley.file('demo-json.parley'), '--json'])).json<CaseInfo>();
    expect(info.status).toBe('negotiating');
    expect(info.counts.issue).toBeGreaterThanOrEqual(5);
  });

  it('refuses a file that exists', () => {
    const before = sha256(sample);
    expectFailure(parley.run(['demo', sample]), 1, /already exists/);
    expect(sha256(sample)).toBe(before);
  });
});

describe('parley help and usage errors', () => {
  it('lists every command', () => {
    const help = expectOk(parley.run(['--help'])).stdout;
    for (const command of ['new', 'info', 'verify', 'search', 'deadlines', 'export', 'import', 'demo']) expect(help).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(expectOk(parley.run(['help'])).stdout).toBe(help);
  });

  it('explains each command, with its arguments and options', () => {
    const own = expectOk(parley.run(['deadlines', '--help'])).stdout;
    expect(own).toMatch(/^Usage: parley deadlines FILE\.\.\. \[--within N\] \[--today YYYY-MM-DD\]/);
    expect(own).toMatch(/--data DIR/);
    expect(expectOk(parley.run(['help', 'deadlines'])).stdout).toBe(own);
    expect(expectOk(parley.run(['new', '-h'])).stdout).toMatch(/^Usage: parley new FILE --title T \[--status S\]/);
  });

  it.each([
    [[], /no command given/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['help', 'frobnicate'], /unknown command "frobnicate"/],
    [['info'], /missing FILE/],
    [['info', 'a.parley', 'b.parley'], /unexpected argument "b.parley"/],
    [['info', 'a.parley', '--bogus'], /unknown option --bogus/],
    [['info', 'a.parley', '--data'], /option --data needs a value/],
    [['info', 'a.parley', '--json=yes'], /option --json takes no value/],
    [['new', 'n.parley'], /--title is required/],
    [['new', 'n.parley', '--title', 'T', '--status', 'pending'], /--status must be one of received/],
    [['search', 'words'], /missing FILE/],
    [['deadlines', 'a.parley', '--within', '0'], /--within must be/],
    [['deadlines', 'a.parley', '--within', 'soon'], /--within must be/],
    [['deadlines', 'a.parley', '--today', '2026-02-30'], /--today must be a date/],
    [['search', 'x', 'a.parley', '--limit', '0'], /--limit must be/],
    [['import', 'only-one-argument.json'], /missing FILE/],
  ])('parley %j is a usage error (exit 2)', (args, message) => {
    expectFailure(parley.run(args), 2, message);
  });
});

describe('parley new', () => {
  it('creates a case file with the title, status and author given', () => {
    const file = parley.file('new.parley');
    const data = parley.file('new-library');
    const info = expectOk(parley.run(['new', file, '--title', 'Order on model access', '--status', 'under_review', '--as', 'Dana Okafor', '--data', data, '--json'])).json<CaseInfo>();
    expect(info).toMatchObject({ title: 'Order on model access', status: 'under_review', path: file, readOnly: false, auditEntries: 1 });
    const exported = expectOk(parley.run(['export', file])).json<CaseExport>();
    expect(exported.records.directive![0]).toMatchObject({ createdBy: 'Dana Okafor', title: 'Order on model access' });
    expect(libraryPaths(data)).toEqual([file]);
    expect(libraryPaths(parley.defaultLibrary)).not.toContain(file);
  });

  it('prints a summary for a person', () => {
    const run = expectOk(parley.run(['new', parley.file('plain.parley'), '--title', 'Plain']));
    expect(run.stdout).toMatch(/^Created .*plain\.parley\nPlain\n {2}File/);
  });

  it('refuses a folder that does not exist', () => {
    expectFailure(parley.run(['new', parley.file('no/such/folder/n.parley'), '--title', 'T']), 1, /does not exist/);
  });

  it('adds .parley to a name without an extension, and keeps another extension as it is', () => {
    const data = parley.file('extension-library');
    const info = expectOk(parley.run(['new', parley.file('acme'), '--title', 'Acme', '--data', data, '--json'])).json<CaseInfo>();
    expect(info.path).toBe(parley.file('acme.parley'));
    expect(fs.existsSync(parley.file('acme'))).toBe(false);
    expectFailure(parley.run(['new', parley.file('acme'), '--title', 'Again', '--data', data]), 1, /acme\.parley/);
    const json = parley.file('acme.json');
    fs.writeFileSync(json, expectOk(parley.run(['export', info.path, '--data', data])).stdout);
    const imported = expectOk(parley.run(['import', json, parley.file('acme-copy'), '--data', parley.file('extension-library-2'), '--json'])).json<CaseInfo>();
    expect(imported.path).toBe(parley.file('acme-copy.parley'));
  });
});

describe('parley info', () => {
  it('prints title, status, ids, schema version, counts and the audit trail', () => {
    const run = expectOk(parley.run(['info', sample]));
    expect(run.stdout).toMatch(/^Order to suspend foreign-national access to the Atlas-5 model family\n/);
    expect(run.stdout).toMatch(/Status +negotiating/);
    expect(run.stdout).toMatch(/Schema version +\d+/);
    expect(run.stdout).toMatch(/Audit trail +\d+ entries, head \d+:[0-9a-f]{64}/);
    expect(run.stdout).toMatch(/Issues +6/);
  });

  it('with --json gives the case info, opened read-only', () => {
    const info = expectOk(parley.run(['info', sample, '--json'])).json<CaseInfo>();
    expect(info).toMatchObject({ path: sample, readOnly: true, status: 'negotiating' });
    expect(info.counts).toMatchObject({ party: 10, issue: 6, watchItem: 3, draftRevision: 2 });
    expect(info.auditHead).toBe(`${info.auditEntries}:${info.auditHead.split(':')[1]}`);
  });

  it('leaves the file and the user\'s library as they were', () => {
    const file = copyOfSample('info-copy.parley');
    const before = sha256(file);
    const libraryBefore = libraryPaths(parley.defaultLibrary);
    expectOk(parley.run(['info', file]));
    expect(sha256(file)).toBe(before);
    expect(libraryPaths(parley.defaultLibrary)).toEqual(libraryBefore);
    expect(libraryBefore).not.toContain(file);
  });

  it('keeps a title\'s terminal control characters out of the terminal', () => {
    const file = parley.file('escape.parley');
    expectOk(parley.run(['new', file, '--title', 'Innocent\u001b[2J\u001b]0;owned\u0007 title']));
    const run = expectOk(parley.run(['info', file]));
    expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(run.stdout).toMatch(/^Innocent\[2J\]0;owned title$/m);
  });
});

describe('parley verify', () => {
  it('with --json reports each check', () => {
    const report = expectOk(parley.run(['verify', sample, '--json'])).json<VerifyReport & { path: string }>();
    expect(report).toMatchObject({ path: sample, ok: true, integrity: ['ok'], foreignKeys: [] });
    expect(report.auditChain.problems).toEqual([]);
    expect(report.auditChain.entries).toBeGreaterThan(100);
  });

  it('prints every problem of a damaged file and exits 1', () => {
    const file = copyOfSample('damaged-index.parley');
    changeOneStoredId(file, 'sqlite_autoindex_party_1');
    const run = parley.run(['verify', file]);
    expect(run.stdout).toMatch(/integrity: row \d+ missing from index sqlite_autoindex_party_1/);
    expect(run.stdout).toMatch(/\d+ problems found\./);
    expect(run.status).toBe(1);
    const report = parley.run(['verify', file, '--json']).json<VerifyReport>();
    expect(report.ok).toBe(false);
    expect(report.integrity.length).toBeGreaterThan(0);
  });

  it('opens a file that fails its quick check read-only and reports it, exit 1', () => {
    const file = copyOfSample('damaged-page.parley');
    overwritePageHeader(file, 'sqlite_autoindex_party_1');
    const run = parley.run(['verify', file]);
    expect(run.stdout + run.stderr).toMatch(/damaged|malformed|btreeInitPage/i);
    expect(run.status).toBe(1);
  });

  it('tells a file that cannot be opened (exit 3) from one that failed verification (exit 1)', () => {
    fs.writeFileSync(parley.file('notes.txt'), 'meeting notes, not a case file');
    expectFailure(parley.run(['verify', parley.file('notes.txt')]), 3, /not a Parley case file/);
    expectFailure(parley.run(['verify', parley.file('missing.parley')]), 3, /There is no file at/);
  });
});

describe('files that cannot be opened (exit 3, file unchanged)', () => {
  const readers = [['info'], ['verify'], ['export'], ['deadlines'], ['search', 'carve']];

  it.each(readers)('parley %s on a file that does not exist', (...command) => {
    expectFailure(parley.run([...command, parley.file('absent.parley')]), 3, /There is no file at .*absent\.parley/);
  });

  it.each(readers)('parley %s on a file that is not a case file', (...command) => {
    const text = parley.file('letter.parley');
    fs.writeFileSync(text, 'Dear Under Secretary Vance,');
    expectFailure(parley.run([...command, text]), 3, /letter\.parley is not a Parley case file/);
    const other = parley.file('other.sqlite');
    if (!fs.existsSync(other)) new Database(other).exec('CREATE TABLE t (x)').close();
    expectFailure(parley.run([...command, other]), 3, /other\.sqlite is a SQLite database, but not a Parley case file/);
  });

  it.each(readers)('parley %s on a file made by a newer Parley', (...command) => {
    const file = copyOfSample(`newer-${command[0]}.parley`);
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    const before = sha256(file);
    expectFailure(parley.run([...command, file]), 3, /made by a newer version of Parley/);
    expect(sha256(file)).toBe(before);
  });
});

describe('parley search', () => {
  it('shows hits with the matched words in brackets', () => {
    const run = expectOk(parley.run(['search', 'allied carve', sample]));
    expect(run.stdout).toMatch(new RegExp(`^${sample}: Order to suspend .* \\(\\d+ hits\\)$`, 'm'));
    expect(run.stdout).toMatch(/^ {2}Issue: Allied-nation carve-out$/m);
    expect(run.stdout).toMatch(/\[Allied\]-nation \[carve\]-out/);
    expect(run.stdout).not.toMatch(/[\u0002\u0003]/);
  });

  it('searches several files, even two copies of one case', () => {
    const copy = parley.file('imported-copy.parley');
    expectOk(parley.run(['export', sample, '-o', parley.file('for-copy.json')]));
    expectOk(parley.run(['import', parley.file('for-copy.json'), copy]));
    const hits = expectOk(parley.run(['search', 'Okafor', sample, copy, '--json', '--limit', '3'])).json<CaseSearchHit[]>();
    expect(hits.map((h) => h.path)).toEqual([sample, sample, sample, copy, copy, copy]);
    expect(hits[0]!.snippet).toContain(`${MATCH_START}Okafor${MATCH_END}`);
    expect(new Set(hits.map((h) => h.caseId)).size).toBe(1);
  });

  it('says so when nothing matches', () => {
    expect(expectOk(parley.run(['search', 'zeppelin', sample])).stdout).toBe('No matches for "zeppelin".\n');
    expect(expectOk(parley.run(['search', 'zeppelin', sample, '--json'])).json()).toEqual([]);
  });

  it.skipIf(!fs.existsSync('/usr/bin/script'))('highlights in bold on a terminal', () => {
    // `script` runs the command on a pseudo-terminal, as a user's shell would.
    const command = [process.execPath, path.join(REPO, 'bin/parley.cjs'), 'search', 'carve', sample].map((a) => `'${a}'`).join(' ');
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: parley.file('config') };
    delete env.NO_COLOR;
    const out = execFileSync('/usr/bin/script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env });
    expect(out).toContain('\u001b[1mcarve\u001b[22m');
    expect(out).not.toContain('[carve]');
  });
});

describe('parley deadlines', () => {
  // Dates of the sample: response due 2026-11-19, proposal 2026-11-24 17:00, second meeting 2026-12-01 14:00,
  // reconsideration 2026-12-16, suspension TBD between 2026-11-16 and 2027-01-16.
  it('lists overdue, due soon and TBD deadlines, soonest first', () => {
    const run = expectOk(parley.run(['deadlines', sample, '--today', '2026-11-20']));
    expect(run.stdout).toBe([
      'Open deadlines as of 2026-11-20, looking 14 days ahead (to 2026-12-04)',
      'Overdue (1)',
      '  2026-11-19  1 calendar day overdue  Written response to the Bureau\'s questions on scope (response; owner Ruth Hale)',
      'Due within 14 days (2)',
      '  2026-11-24 17:00 America/New_York  in 4 calendar days   Deliver the written tiered-access proposal (internal; owner Dana Okafor)',
      '  2026-12-01 14:00 America/New_York  in 11 calendar days  Second meeting with the Bureau (meeting; owner Dana Okafor)',
      'Date not yet known (1)',
      '  expected 2026-11-16 to 2027-01-16, low confidence  Suspension of foreign-national access takes effect (compliance; owner Dana Okafor)',
      '',
    ].join('\n'));
  });

  it('with --within reaches further, and --json gives the lists', () => {
    const report = expectOk(parley.run(['deadlines', sample, '--today', '2026-11-20', '--within', '4w', '--json'])).json<DeadlinesReport>();
    expect(report).toMatchObject({ today: '2026-11-20', withinDays: 28, until: '2026-12-18' });
    expect(report.overdue.map((d) => d.dueDate)).toEqual(['2026-11-19']);
    expect(report.dueSoon.map((d) => d.dueDate)).toEqual(['2026-11-24', '2026-12-01', '2026-12-16']);
    expect(report.tbd).toHaveLength(1);
    expect(report.tbd[0]).toMatchObject({ dueType: 'tbd', windowStart: '2026-11-16', windowEnd: '2027-01-16', confidence: 'low', path: sample });
  });

  it('leaves out deadlines that are done', () => {
    const report = expectOk(parley.run(['deadlines', sample, '--today', '2026-12-31', '--json'])).json<DeadlinesReport>();
    expect(report.overdue.map((d) => d.title)).not.toContain('Acknowledge the order in writing');
    expect(report.overdue).toHaveLength(4);
  });

  it('merges several files and names the case on each line', () => {
    const other = parley.file('deadlines-other.parley');
    expectOk(parley.run(['new', other, '--title', 'Second directive']));
    const run = expectOk(parley.run(['deadlines', sample, other, '--today', '2026-11-20']));
    expect(run.stdout).toMatch(/Written response .*; Order to suspend foreign-national access/);
  });
});

describe('parley export and import', () => {
  it('exports the whole case as JSON to standard output', () => {
    const data = expectOk(parley.run(['export', sample, '--json'])).json<CaseExport>();
    expect(data).toMatchObject({ format: 'parley-case-export', formatVersion: 1 });
    expect(data.records.issue).toHaveLength(6);
    expect(data.records.positionChange!.length).toBeGreaterThan(6);
  });

  it('stops quietly when the reader of its output goes away', () => {
    // `head` closes the pipe after a few bytes of an export far larger than a pipe's buffer.
    const command = `set -o pipefail; '${process.execPath}' '${path.join(REPO, 'bin/parley.cjs')}' export '${sample}' | head -c 10 > /dev/null`;
    const result = spawnSync('/bin/bash', ['-c', command], { encoding: 'utf8', env: { ...process.env, XDG_CONFIG_HOME: parley.file('config') } });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('writes to -o, and replaces an existing file only with --force', () => {
    const out = parley.file('export.json');
    expect(expectOk(parley.run(['export', sample, '-o', out])).stdout).toMatch(/^Exported \d+ records of case [0-9a-f-]{36} to .*export\.json\n$/);
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).format).toBe('parley-case-export');
    fs.writeFileSync(out, 'keep me');
    expectFailure(parley.run(['export', sample, '-o', out]), 1, /already exists; use --force/);
    expect(fs.readFileSync(out, 'utf8')).toBe('keep me');
    expectOk(parley.run(['export', sample, '-o', out, '--force']));
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).format).toBe('parley-case-export');
  });

  it('imports an export into a new case file that holds the same records and verifies', () => {
    const json = parley.file('round-trip.json');
    const file = parley.file('round-trip.parley');
    expectOk(parley.run(['export', sample, '-o', json]));
    const imported = expectOk(parley.run(['import', json, file, '--json'])).json<CaseInfo>();
    const original = expectOk(parley.run(['info', sample, '--json'])).json<CaseInfo>();
    expect(imported.caseId).toBe(original.caseId);
    expect(imported.counts).toEqual(original.counts);
    expectOk(parley.run(['verify', file]));
    expect(libraryPaths(parley.defaultLibrary)).toContain(file);
  });

  it('imports from standard input with "-"', () => {
    const exported = expectOk(parley.run(['export', sample])).stdout;
    const file = parley.file('from-stdin.parley');
    const run = expectOk(parley.run(['import', '-', file], { input: exported }));
    expect(run.stdout).toMatch(/^Imported standard input into .*from-stdin\.parley/);
  });

  it('refuses what is not an export, and a target that exists', () => {
    fs.writeFileSync(parley.file('broken.json'), '{"format": ');
    expectFailure(parley.run(['import', parley.file('broken.json'), parley.file('i1.parley')]), 1, /broken\.json is not valid JSON/);
    fs.writeFileSync(parley.file('other.json'), JSON.stringify({ format: 'something-else' }));
    expectFailure(parley.run(['import', parley.file('other.json'), parley.file('i2.parley')]), 1, /The format must be/);
    expectFailure(parley.run(['import', parley.file('absent.json'), parley.file('i3.parley')]), 3, /cannot read .*absent\.json: no such file/);
    expect(fs.existsSync(parley.file('i1.parley')) || fs.existsSync(parley.file('i2.parley'))).toBe(false);
    const json = parley.file('for-existing.json');
    expectOk(parley.run(['export', sample, '-o', json]));
    const before = sha256(sample);
    expectFailure(parley.run(['import', json, sample]), 1, /already exists/);
    expect(sha256(sample)).toBe(before);
  });
});

// ---- damaging a copy of the sample ---------------------------------------------------------------------------

function rootPage(file: string, name: string): { page: number; pageSize: number } {
  const db = new Database(file, { readonly: true });
  try {
    const page = db.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').pluck().get(name) as number;
    return { page, pageSize: db.pragma('page_size', { simple: true }) as number };
  } finally {
    db.close();
  }
}

/** Edits one character of one id stored in an index, behind SQLite's back: the index no longer matches its table. */
function changeOneStoredId(file: string, index: string): void {
  const { page, pageSize } = rootPage(file, index);
  const fd = fs.openSync(file, 'r+');
  try {
    const bytes = Buffer.alloc(pageSize);
    fs.readSync(fd, bytes, 0, pageSize, (page - 1) * pageSize);
    const at = bytes.toString('latin1').search(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(at).toBeGreaterThanOrEqual(0);
    bytes[at] = bytes[at] === 0x30 ? 0x31 : 0x30;
    fs.writeSync(fd, bytes, 0, pageSize, (page - 1) * pageSize);
  } finally {
    fs.closeSync(fd);
  }
}

/** Overwrites the header of an index's page, so that SQLite cannot read that page at all. */
function overwritePageHeader(file: string, index: string): void {
  const { page, pageSize } = rootPage(file, index);
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, Buffer.alloc(8, 0x55), 0, 8, (page - 1) * pageSize);
  } finally {
    fs.closeSync(fd);
  }
}
