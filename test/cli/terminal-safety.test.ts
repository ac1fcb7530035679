// Text from a case file never drives the terminal: the real `parley` command (the built bundle, with --data a
// temporary folder) run on case files whose directive title, record titles, owners, notes, record ids, case id,
// audit head, creation time and file name hold escape sequences (ESC [ 2J, an OSC title, BEL), CR, NUL, DEL, C1
// controls and bidirectional overrides. Nothing printed, on stdout or stderr, as text or as JSON, holds a control
// character but line feeds (and a calendar's CRLF).
import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatcher.js';
import { Session } from '../../electron/core/session.js';
import { buildCli, parleyRunner, type ParleyRunner } from './support/parley.js';

/** Every kind of control character (but NUL, which no argument can hold: see the planted ones), around a word. */
const evil = (word: string) => `\u001b[2J\u001b]0;owned\u0007${word}\r\u007f\u009b31m\u0085\u202e\u2066\u200f\u2028\u0002\u0003 done`;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

let parley: ParleyRunner;
let data: string;
/** A case file with a hostile name and hostile text in its records; one with a hostile case id, audit head and time. */
let hostile: string;
let hostileMeta: string;

/** Writes records through the real dispatcher, in this process. */
function fill(file: string): void {
  const session = new Session({ dataDir: data, actor: `Counsel ${evil('actor')}` });
  const call = (name: string, input: unknown) => {
    const res = dispatch(session, name, input);
    if (!res.ok) throw new Error(res.error.message);
    return res.data as { caseId: string; id: string };
  };
  try {
    const { caseId } = call('case.open', { path: file });
    call('deadline.create', { caseId, fields: { title: evil('DEADLINE'), deadlineKind: 'response', status: 'open', dueType: 'date', dueDate: '2026-03-10', owner: evil('OWNER') } });
    call('deadline.create', { caseId, fields: { title: evil('UNKNOWN'), deadlineKind: 'response', status: 'open', dueType: 'tbd', windowStart: '2026-04-01' } });
    call('meeting.create', { caseId, fields: { title: evil('MEETING'), status: 'planned', meetingDate: '2026-03-05' } });
    call('note.create', { caseId, fields: { body: `zanzibar ${evil('NOTE')} zanzibar` } });
  } finally {
    session.closeAll();
  }
}

beforeAll(async () => {
  await buildCli();
  parley = parleyRunner();
  data = parley.file('library');
  fs.mkdirSync(data);
  hostile = parley.file(`case \u001b[2J\u0007\u009b31m\u202e\r.parley`);
  expect(parley.run(['new', hostile, '--title', evil('TITLE'), '--data', data]).status).toBe(0);
  fill(hostile);
  // A record id of 36 characters, as the schema asks, made of escape sequences: written behind the API.
  const db = new Database(hostile);
  const id = `\u001b[2J\u001b]0;x\u0007\u009b1m\u202e`.padEnd(36, '\u0085');
  db.prepare(`INSERT INTO deadline (id, title, deadline_kind, status, due_type, due_date, version, created_at, created_by, updated_at, updated_by)
    VALUES (?, 'Planted', 'response', 'open', 'date', '2026-03-11', 1, 'x', 'x', 'x', 'x')`).run(id);
  db.close();

  hostileMeta = parley.file('meta.parley');
  fs.copyFileSync(hostile, hostileMeta);
  const meta = new Database(hostileMeta);
  const setMeta = meta.prepare('UPDATE case_meta SET value = ? WHERE key = ?');
  for (const key of ['case_id', 'audit_head', 'created_at']) setMeta.run(`${evil(key.toUpperCase())}\u0000`, key);
  meta.close();
});
afterAll(() => parley.cleanUp());

function expectClean(args: string[]): { stdout: string; stderr: string; status: number | null } {
  const run = parley.run([...args, '--data', data]);
  // A calendar's lines end in CRLF: that carriage return, and only that one, may stay.
  expect(run.stdout.replace(/\r\n/g, '\n'), `stdout of ${JSON.stringify(args)}`).not.toMatch(CONTROL);
  expect(run.stderr, `stderr of ${JSON.stringify(args)}`).not.toMatch(CONTROL);
  return run;
}

describe('nothing from a case file drives the terminal', () => {
  it('parley info, as text and as JSON; the case id, audit head and time of the file too', () => {
    const text = expectClean(['info', hostile]);
    expect(text.stdout).toMatch(/\[2J\]0;ownedTITLE/);
    expect(text.stdout).toContain('case [2J31m.parley');
    expect(JSON.parse(expectClean(['info', hostile, '--json']).stdout).title).toBe(evil('TITLE'));
    const meta = expectClean(['info', hostileMeta]);
    expect(meta.stdout).toMatch(/Case id .*CASE_ID/);
    expect(meta.stdout).toMatch(/head .*AUDIT_HEAD/);
    expect(meta.stdout).toMatch(/Created .*CREATED_AT/);
    expect(JSON.parse(expectClean(['info', hostileMeta, '--json']).stdout).auditHead).toBe(`${evil('AUDIT_HEAD')}\u0000`);
  });

  it('parley verify, whose problems name a record id made of escapes', () => {
    const run = expectClean(['verify', hostile]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/audit trail: deadline \[2J\]0;x\[?1m.* has no audit entry/);
    expectClean(['verify', hostile, '--json']);
    expectClean(['verify', hostileMeta]);
  });

  it('parley deadlines, as text and as JSON', () => {
    const run = expectClean(['deadlines', hostile, '--today', '2026-03-01']);
    expect(run.stdout).toMatch(/DEADLINE .* owner .*OWNER/);
    expect(run.stdout).toMatch(/UNKNOWN/);
    expectClean(['deadlines', hostile, '--json']);
  });

  it('parley search, with matches in brackets', () => {
    const run = expectClean(['search', 'zanzibar', hostile]);
    expect(run.stdout).toMatch(/\[zanzibar\].*NOTE/);
    expectClean(['search', 'zanzibar', hostile, '--json']);
    expectClean(['search', evil('query'), hostile]);
  });

  it('parley export to standard output, and its JSON reads back the same', () => {
    const run = expectClean(['export', hostile]);
    expect(JSON.parse(run.stdout).records.directive[0].title).toBe(evil('TITLE'));
    expectClean(['export', hostile, '--json']);
  });

  it('parley ics to standard output', () => {
    expect(expectClean(['ics', hostile]).stdout).toMatch(/SUMMARY:.*DEADLINE/);
  });

  it('parley brief, listing the meetings and their ids', () => {
    expect(expectClean(['brief', hostile]).stdout).toMatch(/MEETING/);
  });

  it('parley new and import, which print the new case', () => {
    expect(expectClean(['new', parley.file('second.parley'), '--title', evil('SECOND')]).stdout).toMatch(/SECOND/);
    const json = parley.file('export.json');
    expectClean(['export', hostile, '-o', json]);
    fs.writeFileSync(json, fs.readFileSync(json, 'utf8').replace(/"caseId": "[^"]+"/, '"caseId": "6f1c1a52-0000-4000-8000-0000000000bb"'));
    expectClean(['import', json, parley.file(`imported \u001b[2J\u009b\u202e.parley`)]);
  });

  it('error messages naming a hostile file, a hostile argument, or a hostile id', () => {
    const notACase = parley.file(`letter \u001b]0;owned\u0007\u009b\u202e.parley`);
    fs.writeFileSync(notACase, 'Dear Under Secretary');
    expect(expectClean(['info', notACase]).stderr).toMatch(/letter .*is not a Parley case file/);
    expect(expectClean(['info', parley.file(`missing \u001b[2J\r.parley`)]).stderr).toMatch(/There is no file at/);
    expect(expectClean(['deadlines', hostileMeta]).stderr).toMatch(/^parley: /);
    expect(expectClean([`\u001b[2J\u0007frobnicate`]).stderr).toMatch(/unknown command/);
    expect(expectClean(['deadline', 'calc', '--from', evil('DATE'), '--add', '3 days']).stderr).toMatch(/--from must be/);
    expect(expectClean(['export', hostile, '-o', parley.file(`out \u001b[2J.json`), '--passphrase-stdin']).status).toBe(0);
    expect(expectClean(['export', hostile, '-o', parley.file(`out \u001b[2J.json`)]).stderr).toMatch(/already exists/);
  });
});
