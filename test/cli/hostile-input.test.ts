// Hostile input to the real `parley` command (the built bundle, in a child process, with --data a temporary
// folder): every one ends with a clear refusal on one line of stderr and exit 1, 2 or 3, never Parley's sentence for
// an unexplained error.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, parleyRunner, type ParleyRunner } from './support/parley.js';

const UNEXPLAINED = 'Something went wrong inside Parley';

let parley: ParleyRunner;
let data: string;
/** A small case file made by `parley new`, and one whose deadline has a cell Parley never wrote. */
let sound: string;
let spoiled: string;
let fifo: string;

beforeAll(async () => {
  await buildCli();
  parley = parleyRunner();
  data = parley.file('library');
  fs.mkdirSync(data);
  sound = parley.file('sound.parley');
  expect(parley.run(['new', sound, '--title', 'Export-control suspension order', '--data', data]).status).toBe(0);
  spoiled = parley.file('spoiled.parley');
  fs.copyFileSync(sound, spoiled);
  const db = new Database(spoiled);
  db.pragma('ignore_check_constraints = ON');
  db.exec(`INSERT INTO deadline (id, title, deadline_kind, status, due_type, due_date, rule, version, created_at, created_by, updated_at, updated_by)
    VALUES ('6f1c1a52-0000-4000-8000-000000000001', 'Reply', 'response', 'open', 'date', 'not a date', 'not json', 1, 'x', 'x', 'x', 'x')`);
  db.close();
  fifo = parley.file('a-fifo');
  execFileSync('mkfifo', [fifo]);
});
afterAll(() => parley.cleanUp());

/** Runs parley with --data; the run must end in a refusal said in one line, with the given exit status. */
function refused(args: string[], status: number, message: RegExp): void {
  const run = parley.run([...args, '--data', data]);
  expect(run.stderr).not.toContain(UNEXPLAINED);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(message);
  expect(run.status).toBe(status);
}

describe('names every object has', () => {
  it.each([
    [['deadline', 'calc', '--from', '2026-01-05', '--add', '3 constructor'], 2, /unknown unit "constructor"/],
    [['deadline', 'calc', '--from', '2026-01-05', '--add', '3 constructor before'], 2, /unknown unit "constructor"/],
    [['constructor'], 2, /unknown command "constructor"/],
    [['__proto__'], 2, /unknown command "__proto__"/],
    [['info', 'x.parley', '--constructor'], 2, /unknown option --constructor/],
    [['info', 'x.parley', '--__proto__'], 2, /unknown option --__proto__/],
    [['deadlines', 'x.parley', '--within', 'constructor'], 2, /--within must be/],
  ])('parley %j', (args, status, message) => refused(args, status, message));

  it.each(['constructor', '__proto__', 'toString'])('an export holding records of the "kind" %s is refused, and no file is made', (key) => {
    const exported = parley.run(['export', sound, '--data', data]).stdout;
    const json = parley.file(`${key}.json`);
    fs.writeFileSync(json, exported.replace('"records": {', `"records": {"${key}": [{}],`));
    const target = parley.file(`${key}.parley`);
    refused(['import', json, target], 1, /unknown kind|“__proto__” is not allowed/);
    expect(fs.existsSync(target)).toBe(false);
  });
});

describe('paths that are not files Parley can use', () => {
  const readers = [['info'], ['verify'], ['export'], ['deadlines'], ['search', 'carve'], ['ics'], ['brief']];
  const notCaseFiles = (): [string, string][] => [
    ['a device that cannot be read', '/proc/self/mem'],
    ['a folder', parley.dir],
    ['a FIFO', fifo],
    ['/dev/zero', '/dev/zero'],
    ['a name too long', parley.file(`${'n'.repeat(300)}.parley`)],
    ['a path through a file', path.join(sound, 'inside.parley')],
  ];

  it.each(readers)('parley %s on each is "cannot open" (exit 3)', (...command) => {
    for (const [, file] of notCaseFiles()) refused([...command, file], 3, /cannot be used|is not a file|There is no file/);
  });

  it.each([
    ['a device that cannot be read', '/proc/self/mem', /cannot read \/proc\/self\/mem: the disk or device reported an input\/output error/],
    ['a folder', '.', /cannot read \.: it is not a file/],
    ['a FIFO', 'a-fifo', /cannot read a-fifo: it is not a file/],
    ['/dev/zero', '/dev/zero', /cannot read \/dev\/zero: it is not a file/],
    ['a name too long', `${'j'.repeat(300)}.json`, /the name or the path is too long/],
  ])('parley import from %s is "cannot read" (exit 3)', (_label, source, message) => {
    refused(['import', source, parley.file('never.parley')], 3, message);
    expect(fs.existsSync(parley.file('never.parley'))).toBe(false);
  });

  it.each([
    ['a device that cannot be read', '/proc/self/mem'],
    ['a FIFO', 'a-fifo'],
    ['/dev/zero', '/dev/zero'],
  ])('parley deadline calc --closures from %s is "cannot read" (exit 3)', (_label, source) => {
    refused(['deadline', 'calc', '--from', '2026-01-05', '--add', '3 days', '--closures', source], 3, /cannot read/);
  });

  it('parley new or import onto a name too long, or through a file, is refused', () => {
    refused(['new', parley.file(`${'n'.repeat(300)}.parley`), '--title', 'T'], 1, /the name or the path is too long/);
    refused(['new', path.join(sound, 'inside.parley'), '--title', 'T'], 1, /a part of the path is not a folder/);
    const exported = parley.file('sound.json');
    fs.writeFileSync(exported, parley.run(['export', sound, '--data', data]).stdout.replace(/"caseId": "[^"]+"/, '"caseId": "6f1c1a52-0000-4000-8000-0000000000aa"'));
    refused(['import', exported, parley.file(`${'i'.repeat(300)}.parley`)], 1, /the name or the path is too long/);
  });

  it('parley export -o onto a device, a folder or a name too long is refused', () => {
    refused(['export', sound, '-o', '/proc/self/mem', '--force'], 1, /cannot write \/proc\/self\/mem/);
    refused(['export', sound, '-o', parley.dir], 1, /already exists/);
    refused(['export', sound, '-o', parley.file(`${'o'.repeat(300)}.json`)], 1, /cannot write .*: the name or the path is too long/);
  });
});

describe('a case file with cells Parley never wrote', () => {
  it.each([['export'], ['deadlines'], ['ics']])('parley %s says the file is damaged, naming the record and field (exit 1)', (...command) => {
    refused([...command, spoiled], 1, /damaged: the deadline 6f1c1a52-0000-4000-8000-000000000001 holds a value in its field “(rule|dueDate)”/);
  });

  it.each([['info'], ['search', 'reply']])('parley %s, which does not read the record, works', (...command) => {
    const run = parley.run([...command, spoiled, '--data', data]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('parley verify reports the record as changed outside Parley, exit 1', () => {
    const run = parley.run(['verify', spoiled, '--data', data]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/audit trail: deadline 6f1c1a52-0000-4000-8000-000000000001 has no audit entry/);
    expect(run.status).toBe(1);
  });
});
