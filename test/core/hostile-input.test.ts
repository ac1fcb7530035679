// Hostile input through the real dispatcher: each is refused with a named code and a sentence, never `internal`.
// Prototype keys where a name is looked up, paths that are not files (a device that cannot be read, a folder, a
// FIFO, /dev/zero, NUL, names too long), operation names that are not strings, and case files whose cells hold what
// Parley never writes (written here with SQLite directly, CHECK constraints turned off as another tool could).
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import type { CaseExport } from '../../shared/contract.js';
import type { ErrorCode } from '../../shared/result.js';
import { dispatch } from '../../electron/core/api/dispatcher.js';
import { CaseWorld } from './support/world.js';

type Input = Record<string, unknown>;

/** Calls through the real dispatcher (the async path, which runs every operation) and returns the error code. */
async function codeOf(w: CaseWorld, name: string, input: unknown): Promise<ErrorCode | 'ok'> {
  const res = await w.api.rawAsync(name, input);
  if (res.ok) return 'ok';
  expect(res.error.message, `${name}: said in words`).toMatch(/^\S.{10,}$/s);
  expect(res.error.message).not.toMatch(/SQLITE|sqlite_|at \w+ \(|\.ts:\d+/);
  return res.error.code;
}

function exportOf(w: CaseWorld): CaseExport {
  return w.api.call('case.export', { caseId: w.caseId });
}

describe('names looked up in the registry: prototype keys are no kind, field or unit', () => {
  const keys = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

  it.each(keys)('an import holding records of the "kind" %s is invalid_input, and makes no file', async (key) => {
    const w = CaseWorld.create();
    const data = exportOf(w);
    w.api.call('case.close', { caseId: w.caseId });
    // As JSON.parse makes it: "__proto__" becomes an own key, as any other.
    const hostile = JSON.parse(JSON.stringify(data).replace('"records":{', `"records":{"${key}":[{}],`)) as unknown;
    const target = path.join(w.api.dir, `${key}.parley`);
    expect(await codeOf(w, 'case.import', { path: target, data: hostile })).toBe('invalid_input');
    expect(fs.existsSync(target)).toBe(false);
    expect(w.api.internalErrors).toEqual([]);
  });

  it.each(keys)('a list filtered by the "field" %s is invalid_input', async (key) => {
    const w = CaseWorld.create();
    expect(await codeOf(w, 'deadline.list', JSON.parse(`{"caseId":"${w.caseId}","filter":{"${key}":"x"}}`))).toBe('invalid_input');
    expect(w.api.internalErrors).toEqual([]);
  });

  it('a record of an import holding a "__proto__" field is invalid_input', async () => {
    const w = CaseWorld.create();
    w.make('note');
    const data = exportOf(w);
    w.api.call('case.close', { caseId: w.caseId });
    const hostile = JSON.parse(JSON.stringify(data).replace('"body":', '"__proto__":{"deletedAt":"x"},"body":')) as unknown;
    expect(await codeOf(w, 'case.import', { path: path.join(w.api.dir, 'proto.parley'), data: hostile })).toBe('invalid_input');
  });
});

describe('operation names that are not strings', () => {
  const names: [string, unknown][] = [
    ['a number', 1], ['an object', {}], ['an array', []], ['null', null], ['undefined', undefined], ['true', true],
    ['an object whose toString is not a function', { toString: 1 }], ['an object without a prototype', Object.create(null)],
    ['a symbol', Symbol('case.open')],
  ];

  it.each(names)('%s is unknown_operation, said in words', (_label, name) => {
    const w = CaseWorld.create();
    const res = dispatch(w.api.session, name as string, { caseId: w.caseId });
    expect(res).toEqual({ ok: false, error: { code: 'unknown_operation', message: 'An operation is named by a string.' } });
  });
});

describe('paths that are not case files', () => {
  function paths(dir: string): [label: string, file: string][] {
    const fifo = path.join(dir, 'a-fifo');
    if (!fs.existsSync(fifo)) execFileSync('mkfifo', [fifo]);
    return [
      ['a device that cannot be read (/proc/self/mem)', '/proc/self/mem'],
      ['a folder', dir],
      ['a FIFO', fifo],
      ['/dev/zero', '/dev/zero'],
      ['a path with NUL', path.join(dir, 'a\0b.parley')],
      ['a file name too long', path.join(dir, `${'n'.repeat(300)}.parley`)],
      // As long as the contract allows (4,096 characters): one more than the system's limit for a path.
      ['a path too long', path.join(dir, ...Array.from({ length: 45 }, () => 'd'.repeat(99))).slice(0, 4_096)],
      ['a path through a file', path.join(dir, 'case.parley', 'inside.parley')],
      ['a loop of symbolic links', path.join(dir, 'loop', 'case.parley')],
    ];
  }

  const operations: [name: string, input: (w: CaseWorld, file: string, data: CaseExport) => Input][] = [
    ['case.open', (_w, file) => ({ path: file })],
    ['case.open read-only', (_w, file) => ({ path: file, readOnly: true })],
    ['case.openForReview', (_w, file) => ({ path: file })],
    ['case.create', (_w, file) => ({ path: file, directive: { title: 'Order', status: 'received' } })],
    ['case.import', (_w, file, data) => ({ path: file, data })],
    ['case.exportForTransfer', (w, file) => ({ caseId: w.caseId, path: file, passphrase: 'transfer passphrase' })],
    ['case.encrypt', (_w, file) => ({ path: file, passphrase: 'a new passphrase' })],
    ['case.rekey', (_w, file) => ({ path: file, passphrase: 'old passphrase', newPassphrase: 'a new passphrase' })],
    ['case.decrypt', (_w, file) => ({ path: file, passphrase: 'old passphrase' })],
    ['library.forget', (_w, file) => ({ path: file })],
  ];

  it.each(operations)('%s refuses each with a named code', async (label, input) => {
    const w = CaseWorld.create();
    const data = { ...exportOf(w), caseId: crypto.randomUUID() }; // another case's export: not refused as open already
    const loop = path.join(w.api.dir, 'loop');
    if (!fs.existsSync(loop)) fs.symlinkSync(loop, loop);
    const name = label.split(' ')[0]!;
    const codes: Record<string, string> = {};
    for (const [what, file] of paths(w.api.dir)) codes[what] = await codeOf(w, name, input(w, file, data));
    expect(Object.values(codes).filter((c) => c === 'internal'), JSON.stringify(codes)).toEqual([]);
    expect(w.api.internalErrors).toEqual([]);
    if (name === 'library.forget') return; // forgetting a path the library does not hold is fine
    expect(codes['a path with NUL']).toBe('invalid_input');
    for (const code of Object.values(codes)) expect(code).not.toBe('ok');
    if (name === 'case.open' || name === 'case.openForReview') {
      expect(codes).toMatchObject({
        'a device that cannot be read (/proc/self/mem)': 'io_error', 'a folder': 'not_a_sqlite_file', 'a FIFO': 'not_a_sqlite_file',
        '/dev/zero': 'not_a_sqlite_file', 'a file name too long': 'invalid_input', 'a path too long': 'invalid_input',
        'a path through a file': 'not_found', 'a loop of symbolic links': 'invalid_input',
      });
    }
  });
});

describe('cells holding what Parley never writes', () => {
  /** Changes cells of a closed case file with SQLite directly, its CHECK constraints turned off. */
  function spoil(file: string, sql: string): void {
    const db = new Database(file);
    db.pragma('ignore_check_constraints = ON');
    db.exec(sql);
    db.close();
  }

  const damages: [label: string, sql: string][] = [
    ['text that is not JSON in a JSON cell', "UPDATE deadline SET rule = 'not json'"],
    ['JSON of the wrong shape (a string for a rule)', `UPDATE deadline SET rule = '"every Monday"'`],
    ['JSON of the wrong shape (an object for a list)', "UPDATE deadline SET reminder_offsets_minutes = '{}'"],
    ['a number where text is expected in JSON', `UPDATE deadline SET rule = '{"amount":"x","unit":"weeks","direction":"after","roll":"none"}'`],
    ['a date that is not a date', "UPDATE deadline SET due_date = 'garbage'"],
    ['a time zone that does not exist', "UPDATE deadline SET due_type = 'datetime', due_time = '10:00', time_zone = 'Mars/Olympus'"],
    ['a time of day that is not one', "UPDATE deadline SET due_type = 'datetime', due_time = '99:99', time_zone = 'UTC'"],
    ['a value outside its vocabulary', "UPDATE deadline SET due_type = 'someday'"],
    ['a boolean that is neither 0 nor 1', 'UPDATE attendee SET attended = 7'],
    ['an event date that is not a date', "UPDATE event SET occurred_on = 'yesterday'"],
    ['a directive closure list that is text', `UPDATE directive SET closures = '"every Friday"'`],
    ['a meeting agenda that is a number', "UPDATE meeting SET agenda = '5'"],
  ];

  /** Every read a user can ask of the case: none may fail unexplained. */
  const reads: [name: string, input: (caseId: string, ids: Record<string, string>) => Input][] = [
    ...['deadline', 'event', 'meeting', 'attendee', 'issue'].map((kind): [string, (c: string) => Input] => [`${kind}.list`, (caseId) => ({ caseId, includeDeleted: true })]),
    ['deadline.get', (caseId, ids) => ({ caseId, id: ids.deadline })],
    ['directive.get', (caseId) => ({ caseId })],
    ['case.info', (caseId) => ({ caseId })],
    ['schedule.get', (caseId) => ({ caseId })],
    ['reminder.due', (caseId) => ({ caseId, now: '2026-03-30T12:00:00Z' })],
    ['calendar.ics', (caseId) => ({ caseIds: [caseId] })],
    ['calendar.ics', () => ({})],
    ['case.keyDates', (caseId) => ({ caseId, today: '2026-03-30' })],
    ['case.export', (caseId) => ({ caseId })],
    ['case.certificate', (caseId) => ({ caseId })],
    ['brief.build', (caseId, ids) => ({ caseId, meetingId: ids.meeting })],
    ['template.fill', (caseId) => ({ caseId, template: 'positionPaper' })],
    ['record.links', (caseId, ids) => ({ caseId, kind: 'deadline', id: ids.deadline })],
    ['record.history', (caseId, ids) => ({ caseId, id: ids.deadline })],
    ['case.recentChanges', (caseId) => ({ caseId })],
    ['library.dashboard', () => ({ today: '2026-03-30' })],
    ['library.search', () => ({ query: 'response' })],
    ['library.list', () => ({})],
    ['deadline.update', (caseId, ids) => ({ caseId, id: ids.deadline, changes: { title: 'Renamed' } })],
  ];

  it.each(damages)('%s: opening and every read give a named code, and verify reports the record', async (_label, sql) => {
    const w = CaseWorld.create();
    const event = w.make('event');
    const ids: Record<string, string> = {
      deadline: w.make('deadline', { rule: { amount: 3, unit: 'business_days', direction: 'after', roll: 'forward' }, triggerEventId: event.id, dueType: 'tbd', dueDate: null }).id,
      meeting: w.make('meeting', { agenda: ['Scope'] }).id,
    };
    w.make('attendee', { meetingId: ids.meeting, attended: true });
    w.api.call('case.close', { caseId: w.caseId });
    spoil(w.file, sql);

    for (const readOnly of [true, false]) {
      const opened = await w.api.rawAsync('case.open', { path: w.file, readOnly });
      expect(opened.ok || opened.error.code === 'damaged', JSON.stringify(opened)).toBe(true);
      if (!opened.ok) continue;
      const caseId = (opened.data as { caseId: string }).caseId;
      const codes: string[] = [];
      for (const [name, input] of reads) codes.push(`${name}: ${await codeOf(w, name, input(caseId, ids))}`);
      expect(codes.filter((c) => c.endsWith('internal')), codes.join('; ')).toEqual([]);
      expect(codes.filter((c) => c.endsWith('damaged')).length, codes.join('; ')).toBeGreaterThan(0);
      const report = w.api.call('case.verify', { caseId });
      expect(report.ok).toBe(false);
      expect(report.auditChain.problems.map((p) => p.message).join('\n')).toMatch(/differs from its last audited state/);
      w.api.call('case.close', { caseId });
    }
    expect(w.api.internalErrors).toEqual([]);
  });

  it('an audit entry that does not hold a record is damaged in the history, and verify says the trail was altered', async () => {
    const w = CaseWorld.create();
    const note = w.make('note');
    w.api.call('case.close', { caseId: w.caseId });
    // The audit trail's triggers stop updates, not inserts: another tool can append a row it made up.
    spoil(w.file, `INSERT INTO audit_log (seq, at, actor, operation, record_kind, record_id, before_json, after_json, reason, prev_hash, hash)
      VALUES ((SELECT max(seq) + 1 FROM audit_log), 'now', 'x', 'update', 'note', '${note.id}', '[1, 2]', 'not json', NULL, 'x', 'x')`);
    const { caseId } = w.api.call('case.open', { path: w.file, readOnly: true });
    expect(await codeOf(w, 'record.history', { caseId, id: note.id })).toBe('damaged');
    expect(await codeOf(w, 'case.recentChanges', { caseId })).toBe('damaged');
    expect(w.api.call('case.verify', { caseId }).auditChain.problems.length).toBeGreaterThan(0);
    expect(w.api.internalErrors).toEqual([]);
  });
});
