// `parley deadline calc` and `parley ics` as a user runs them: the built bundle in a child process, real files.
import fs from 'node:fs';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeadlineCalculation } from '../../electron/cli/commands/deadline.js';
import { buildCli, parleyRunner, type ParleyRunner, type Run } from './support/parley.js';

let parley: ParleyRunner;

beforeAll(async () => {
  await buildCli();
  parley = parleyRunner();
});
afterAll(() => parley.cleanUp());

function expectOk(run: Run): string {
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout;
}

function expectUsageError(run: Run, message: RegExp): void {
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(message);
  expect(run.status).toBe(2);
}

const calc = (...args: string[]) => parley.run(['deadline', 'calc', ...args]);

describe('parley deadline calc', () => {
  it('prints the date and how it was reached, skipping holidays, at a time in its zone', () => {
    const out = expectOk(calc('--from', '2026-11-20', '--add', '30 business days', '--at', '17:00', '--tz', 'America/New_York'));
    expect(out).toBe([
      '2027-01-06 17:00 America/New_York',
      "30 business days after 2026-11-20; skipped 2026-11-26 Thanksgiving Day, 2026-12-25 Christmas Day, 2027-01-01 New Year's Day; due 2027-01-06 17:00 America/New_York",
      '',
    ].join('\n'));
  });

  it('rolls a calendar-day result off a closed day as asked, and reads closure dates from a file', () => {
    // 2026-12-24 + 2 days = Saturday 26 December: forward to Monday 28, back to Thursday 24 (unless it is closed).
    expect(expectOk(calc('--from', '2026-12-24', '--add', '2 days', '--json'))).toContain('"dueDate": "2026-12-28"');
    const back = JSON.parse(expectOk(calc('--from', '2026-12-24', '--add', '2 calendar days', '--roll', 'back', '--json'))) as DeadlineCalculation;
    expect(back.dueDate).toBe('2026-12-24');
    const closures = parley.file('closures.json');
    fs.writeFileSync(closures, JSON.stringify([{ date: '2026-12-24', name: 'Office closed' }]));
    const closed = JSON.parse(expectOk(calc('--from', '2026-12-24', '--add', '2 calendar days', '--roll', 'back', '--closures', closures, '--json'))) as DeadlineCalculation;
    expect(closed).toMatchObject({ dueDate: '2026-12-23', dueAt: null });
    expect(closed.explanation).toContain('rolled back to 2026-12-23');
    const lines = parley.file('closures.txt');
    fs.writeFileSync(lines, '# office\n2026-12-28 Office move\n');
    expect(JSON.parse(expectOk(calc('--from', '2026-12-24', '--add', '2 days', '--closures', lines, '--json'))).dueDate).toBe('2026-12-29');
  });

  it('counts back with "before", and gives the UTC instant with --json', () => {
    const result = JSON.parse(expectOk(calc('--from', '2027-03-19', '--add', '1 week before', '--at', '09:00', '--tz', 'Europe/London', '--json'))) as DeadlineCalculation;
    expect(result).toMatchObject({ dueDate: '2027-03-12', rule: { direction: 'before', unit: 'weeks' }, dueAt: '2027-03-12T09:00:00Z' });
  });

  it.each([
    [['--from', '2026-02-30', '--add', '3 days'], /--from must be a calendar date as YYYY-MM-DD, not "2026-02-30"/],
    [['--from', '2026-11-20', '--add', '3 fortnights'], /unknown unit "fortnights"/],
    [['--from', '2026-11-20', '--add', 'thirty days'], /--add must be a number and a unit/],
    [['--from', '2026-11-20', '--add', '3 days', '--at', '17:00', '--tz', 'Mars/Olympus'], /unknown time zone "Mars\/Olympus"/],
    [['--from', '2026-11-20', '--add', '3 days', '--at', '17:00'], /--at needs --tz ZONE/],
    [['--from', '2026-11-20', '--add', '3 days', '--roll', 'sideways'], /--roll must be forward, back or none/],
    [['--from', '2026-11-20'], /--add is required/],
  ])('refuses bad input with one clear line: %j', (args, message) => {
    expectUsageError(calc(...args), message);
  });

  it('refuses an unknown action', () => {
    expectUsageError(parley.run(['deadline', 'compute', '--from', '2026-11-20', '--add', '3 days']), /unknown action "compute"/);
  });
});

describe('parley ics', () => {
  it('writes one calendar of several case files; ical.js reads it and a second export keeps every UID', () => {
    const first = parley.file('first.parley');
    const second = parley.file('second.parley');
    expectOk(parley.run(['demo', first]));
    expectOk(parley.run(['demo', second]));
    const out = parley.file('out.ics');
    expect(expectOk(parley.run(['ics', first, second, '-o', out]))).toMatch(/^Wrote \d+ deadlines, \d+ meetings and \d+ action items of 2 case files to /);
    const uids = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('uid') as string).sort();
    const exported = uids(fs.readFileSync(out, 'utf8'));
    expect(exported.length).toBeGreaterThanOrEqual(8);
    expect(new Set(exported).size).toBe(exported.length);

    expectUsageError(parley.run(['ics', '-o', out]), /missing FILE/);
    expect(parley.run(['ics', first, '-o', out]).stderr).toMatch(/already exists; use --force/);
    const again = expectOk(parley.run(['ics', first, second]));
    expect(uids(again)).toEqual(exported);
  });

  it('puts on the calendar only the kinds --include names, and refuses a kind it does not know', () => {
    const file = parley.file('demo.parley');
    expectOk(parley.run(['demo', file]));
    const categories = (text: string) => new Set(new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((e) => String(e.getFirstPropertyValue('categories'))));
    expect([...categories(expectOk(parley.run(['ics', file, '--include', 'meetings'])))]).toEqual(['Meeting']);
    const out = parley.file('actions.ics');
    expect(expectOk(parley.run(['ics', file, '--include', 'actions', '-o', out]))).toMatch(/^Wrote \d+ action items of 1 case file to /);
    expect([...categories(fs.readFileSync(out, 'utf8'))]).toEqual(['Action item']);
    expectUsageError(parley.run(['ics', file, '--include', 'meetings,tasks']), /--include takes kinds of entries among deadlines, meetings, actions; not tasks/);
  });
});
