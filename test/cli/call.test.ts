// `parley call` and `parley operations`: every operation of the core reachable from a script, through the real
// command (the built bundle in a child process) on real case files in a temporary folder.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScheduleChange } from '../../shared/api-types.js';
import type { RecordOf } from '../../shared/records.js';
import { OPERATION_NAMES } from '../../shared/contract.js';
import type { OperationDescription } from '../../electron/cli/commands/operations.js';
import { buildCli, expectFailure, expectOk, parleyRunner, type ParleyRunner } from './support/parley.js';

let parley: ParleyRunner;
let data: string;

beforeAll(async () => {
  await buildCli();
  parley = parleyRunner();
  data = parley.file('library');
});
afterAll(() => parley.cleanUp());

/** `parley ARGS --data <the test's library>`. */
const run = (args: string[], opts?: { input?: string }) => parley.run([...args, '--data', data], opts);

function newCase(name: string): string {
  const file = parley.file(name);
  expectOk(run(['new', file, '--title', 'Export-control order']));
  return file;
}

function call<T = unknown>(file: string, operation: string, input?: unknown): T {
  const args = ['call', file, operation, ...(input === undefined ? [] : ['--input', JSON.stringify(input)])];
  return expectOk(run(args)).json<T>();
}

/** For the tests that run the command many times (each run starts a process, slow on a busy machine). */
const LONG = 120_000;

const RESPONSE_RULE = { amount: 30, unit: 'business_days', direction: 'after', roll: 'forward' };

describe('parley operations', () => {
  it('lists every operation of the contract with a summary, marking those that work on one case', () => {
    const lines = expectOk(run(['operations'])).stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(OPERATION_NAMES.length);
    expect(lines.find((l) => l.includes(' deadline.create '))).toMatch(/^\* deadline\.create +Create a deadline$/);
    expect(lines.find((l) => l.includes(' case.encrypt '))).toMatch(/^ {2}case\.encrypt +Encrypt a case file that is not open$/);
    for (const line of lines) expect(line).toMatch(/^[* ] \S+ {2,}\S/);
  });

  it('gives each operation\'s input as the JSON Schema of what the dispatcher accepts', () => {
    const ops = expectOk(run(['operations', '--json'])).json<OperationDescription[]>();
    expect(ops.map((o) => o.name).sort()).toEqual([...OPERATION_NAMES].sort());
    const create = ops.find((o) => o.name === 'deadline.create')!;
    expect(create).toMatchObject({ case: 'caseId', async: false });
    const input = create.input as { type: string; required: string[]; properties: { fields: { properties: Record<string, { enum?: string[] }> } } };
    expect(input.type).toBe('object');
    expect(input.required).toEqual(expect.arrayContaining(['caseId', 'fields']));
    expect(input.properties.fields.properties.dueType!.enum).toEqual(['date', 'datetime', 'tbd']);
    expect(ops.find((o) => o.name === 'brief.export')).toMatchObject({ case: 'caseId', async: true });
    expect(ops.find((o) => o.name === 'calendar.ics')).toMatchObject({ case: 'caseIds' });
    expect(ops.find((o) => o.name === 'case.open')).toMatchObject({ case: null });
  });
});

describe('parley call', () => {
  it('reads the directive, with the case id filled in', () => {
    const file = newCase('read.parley');
    const directive = call<RecordOf<'directive'>>(file, 'directive.get');
    expect(directive.title).toBe('Export-control order');
  });

  it('refuses an impossible date with the core\'s sentence and keeps the old value', () => {
    const file = newCase('dates.parley');
    call(file, 'directive.update', { changes: { receivedOn: '2026-11-20' } });
    const refused = run(['call', file, 'directive.update', '--input', JSON.stringify({ changes: { receivedOn: '2026-02-30' } })]);
    expectFailure(refused, 1, /directive\.update refused \(invalid_input\).*30 February 2026 does not exist/);
    expect(call<RecordOf<'directive'>>(file, 'directive.get').receivedOn).toBe('2026-11-20');
  });

  it('creates an event and a deadline counted from it, whose date the core computes', () => {
    const file = newCase('event.parley');
    const received = call<RecordOf<'event'>>(file, 'event.create', {
      fields: { title: 'Order received', eventKind: 'order_received', occurredOn: '2026-11-20' },
    });
    const response = call<RecordOf<'deadline'>>(file, 'deadline.create', {
      fields: { title: 'Response to the order', deadlineKind: 'response', status: 'open', dueType: 'date', triggerEventId: received.id, rule: RESPONSE_RULE },
    });
    // 30 business days after Friday 20 November 2026 on the US federal calendar (Thanksgiving, Christmas, New Year).
    expect(response.dueDate).toBe('2027-01-06');
  });

  it('dates a TBD deadline, and the date is kept in the file', () => {
    const file = newCase('tbd.parley');
    const meeting = call<RecordOf<'deadline'>>(file, 'deadline.create', {
      fields: { title: 'Meeting with officials', deadlineKind: 'meeting', status: 'open', dueType: 'tbd', windowStart: '2027-01-04', windowEnd: '2027-01-29' },
    });
    expect(meeting.dueDate).toBeNull();
    const dated = call<RecordOf<'deadline'>>(file, 'deadline.update', {
      id: meeting.id, changes: { dueType: 'date', dueDate: '2027-01-12' }, reason: 'The agency named the day',
    });
    expect(dated).toMatchObject({ dueType: 'date', dueDate: '2027-01-12' });
    expect(call<RecordOf<'deadline'>>(file, 'deadline.get', { id: meeting.id }).dueDate).toBe('2027-01-12');
  });

  it('dates a TBD deadline through schedule.preview and schedule.confirm with a reason, and makes it TBD again', () => {
    const file = newCase('lifecycle.parley');
    const meeting = call<RecordOf<'deadline'>>(file, 'deadline.create', {
      fields: { title: 'Meeting with officials', deadlineKind: 'meeting', status: 'open', dueType: 'tbd', windowStart: '2027-01-04', windowEnd: '2027-01-29' },
    });
    const brief = call<RecordOf<'deadline'>>(file, 'deadline.create', {
      fields: { title: 'Send our brief', deadlineKind: 'internal', status: 'open', dueType: 'tbd', triggerDeadlineId: meeting.id, rule: { amount: 2, unit: 'business_days', direction: 'before', roll: 'none' } },
    });
    const change = { kind: 'dateDeadline', id: meeting.id, dueDate: '2027-01-12' };
    const preview = call<ScheduleChange>(file, 'schedule.preview', { change });
    expect(preview.moves).toEqual([expect.objectContaining({ deadlineId: brief.id, title: 'Send our brief', changed: true, after: expect.objectContaining({ dueDate: '2027-01-08' }) })]);
    expectFailure(run(['call', file, 'schedule.confirm', '--input', JSON.stringify({ change })]), 1, /schedule\.confirm refused \(invalid_input\).*reason/);
    expect(call<RecordOf<'deadline'>>(file, 'deadline.get', { id: meeting.id }).dueType).toBe('tbd');
    call(file, 'schedule.confirm', { change, reason: 'The agency named the day' });
    expect(call<RecordOf<'deadline'>>(file, 'deadline.get', { id: brief.id }).dueDate).toBe('2027-01-08');
    const history = call<{ reason: string | null }[]>(file, 'record.history', { id: meeting.id });
    expect(history.at(-1)!.reason).toBe('The agency named the day');

    call(file, 'schedule.confirm', { change: { kind: 'tbdDeadline', id: meeting.id, windowStart: '2027-01-18', windowEnd: '2027-01-29' }, reason: 'Postponed' });
    expect(call<RecordOf<'deadline'>>(file, 'deadline.get', { id: meeting.id })).toMatchObject({ dueType: 'tbd', dueDate: null, windowStart: '2027-01-18', windowEnd: '2027-01-29' });
    expect(call<RecordOf<'deadline'>>(file, 'deadline.get', { id: brief.id })).toMatchObject({ dueType: 'tbd', windowStart: '2027-01-14', windowEnd: '2027-01-27' });
  }, LONG);

  it('counts a deadline from a meeting, which follows the meeting\'s date', () => {
    const file = newCase('meeting-trigger.parley');
    const meeting = call<RecordOf<'meeting'>>(file, 'meeting.create', { fields: { title: 'Terms meeting', status: 'planned' } });
    const minutes = call<RecordOf<'deadline'>>(file, 'deadline.create', {
      fields: { title: 'Send the minutes', deadlineKind: 'internal', status: 'open', dueType: 'tbd', triggerMeetingId: meeting.id, rule: { amount: 3, unit: 'business_days', direction: 'after', roll: 'forward' } },
    });
    expect(minutes.dueType).toBe('tbd');
    expectFailure(run(['call', file, 'meeting.update', '--input', JSON.stringify({ id: meeting.id, changes: { meetingDate: '2027-01-12' } })]), 1, /needs_confirmation.*“Send the minutes” from not yet known to 2027-01-15/);
    call(file, 'schedule.confirm', { change: { kind: 'meeting', id: meeting.id, changes: { meetingDate: '2027-01-12' } }, reason: 'Meeting set' });
    expect(call<RecordOf<'deadline'>>(file, 'deadline.get', { id: minutes.id }).dueDate).toBe('2027-01-15');
  }, LONG);

  it('refuses a loop of triggers, naming it in order, and changes nothing', () => {
    const file = newCase('loop.parley');
    const rule = { amount: 1, unit: 'calendar_days', direction: 'after', roll: 'none' };
    const a = call<RecordOf<'deadline'>>(file, 'deadline.create', { fields: { title: 'Alpha', deadlineKind: 'internal', status: 'open', dueType: 'date', dueDate: '2027-01-04' } });
    const b = call<RecordOf<'deadline'>>(file, 'deadline.create', { fields: { title: 'Bravo', deadlineKind: 'internal', status: 'open', dueType: 'tbd', triggerDeadlineId: a.id, rule } });
    const refused = run(['call', file, 'deadline.update', '--input', JSON.stringify({ id: a.id, changes: { triggerDeadlineId: b.id, rule } })]);
    expectFailure(refused, 1, /deadline\.update refused \(cycle\).*“Alpha” → “Bravo” → “Alpha”/);
    expect(call<RecordOf<'deadline'>>(file, 'deadline.get', { id: a.id })).toMatchObject({ dueDate: '2027-01-04', triggerDeadlineId: null, version: 1 });
  }, LONG);

  it('makes the directive\'s received date an event of the case, and a deadline counted from it gets its date from the core', () => {
    const file = newCase('received.parley');
    call(file, 'directive.update', { changes: { issuedOn: '2026-11-18', receivedOn: '2026-11-20' } });
    const events = call<RecordOf<'event'>[]>(file, 'event.list');
    const received = events.find((e) => e.directiveDate === 'receivedOn')!;
    expect(received).toMatchObject({ title: 'Order received', eventKind: 'order_received', occurredOn: '2026-11-20' });
    const response = call<RecordOf<'deadline'>>(file, 'deadline.create', {
      fields: { title: 'Response to the order', deadlineKind: 'response', status: 'open', dueType: 'tbd', triggerEventId: received.id, rule: RESPONSE_RULE },
    });
    expect(response.dueDate).toBe('2027-01-06');
  }, LONG);

  it('adds deadlines in bulk from a JSON file with --each, saving each, and stops at the first refusal saying what was saved', () => {
    const file = newCase('bulk.parley');
    const list = parley.file('deadlines.json');
    const deadline = (title: string, dueDate: string) => ({ fields: { title, deadlineKind: 'internal', status: 'open', dueType: 'date', dueDate } });
    fs.writeFileSync(list, JSON.stringify([deadline('Draft response', '2026-12-18'), deadline('Board briefing', '2027-01-04')]));
    const made = expectOk(run(['call', file, 'deadline.create', '--each', '--input', `@${list}`])).json<RecordOf<'deadline'>[]>();
    expect(made.map((d) => d.title)).toEqual(['Draft response', 'Board briefing']);

    fs.writeFileSync(list, JSON.stringify([deadline('Third', '2027-01-05'), deadline('Impossible', '2027-02-29'), deadline('Never run', '2027-01-06')]));
    expectFailure(run(['call', file, 'deadline.create', '--each', '--input', `@${list}`]), 1, /element 2 of 3: .*29 February 2027 does not exist .*the 1 before it was saved; the rest were not run/);
    const titles = call<RecordOf<'deadline'>[]>(file, 'deadline.list').map((d) => d.title).sort();
    expect(titles).toEqual(['Board briefing', 'Draft response', 'Third']);
  });

  it('reads its input from standard input with --input -', () => {
    const file = newCase('stdin.parley');
    const input = JSON.stringify({ fields: { title: 'Order issued', eventKind: 'order_issued', occurredOn: '2026-11-18' } });
    expect(expectOk(run(['call', file, 'event.create', '--input', '-'], { input })).json<RecordOf<'event'>>().title).toBe('Order issued');
  });

  it('opens an encrypted case with the passphrase from standard input and leaves nothing beside it', () => {
    const file = parley.file('secret.parley');
    expectOk(run(['new', file, '--title', 'Sealed order', '--encrypt', '--passphrase-stdin'], { input: 'correct horse battery\n' }));
    const input = parley.file('issue.json');
    fs.writeFileSync(input, JSON.stringify({ fields: { title: 'Scope of the suspension', status: 'open', priority: 'high' } }));
    const made = run(['call', file, 'issue.create', '--input', `@${input}`, '--passphrase-stdin'], { input: 'correct horse battery\n' });
    expect(made.stderr).toBe('');
    expect(made.json<RecordOf<'issue'>>().title).toBe('Scope of the suspension');
    expect(fs.readdirSync(parley.dir).filter((n) => n.startsWith('secret.parley') || n.startsWith('.secret.parley'))).toEqual(['secret.parley']);
    expectFailure(run(['call', file, 'issue.list', '--passphrase-stdin'], { input: 'wrong\n' }), 3, /passphrase/);
    expectFailure(run(['call', file, 'issue.list', '--input', '-', '--passphrase-stdin'], { input: '{}' }), 2, /both read standard input/);
  });

  it('refuses changes with --read-only and leaves the file byte-identical', () => {
    const file = newCase('readonly.parley');
    const before = fs.readFileSync(file);
    expectFailure(run(['call', file, 'directive.update', '--read-only', '--input', JSON.stringify({ changes: { title: 'Changed' } })]), 1, /directive\.update refused \(read_only\)/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('says clearly what is wrong with the command line, before opening the file', () => {
    const file = newCase('wrong.parley');
    const before = fs.readFileSync(file);
    expectFailure(run(['call', file, 'deadline.lst']), 2, /there is no operation "deadline\.lst"; deadline has deadline\.create, .*deadline\.list/);
    expectFailure(run(['call', file, 'case.encrypt']), 2, /case\.encrypt does not work on one open case/);
    expectFailure(run(['call', file, 'deadline.list', '--input', '{not json']), 2, /--input is not valid JSON/);
    expectFailure(run(['call', file, 'deadline.list', '--input', '[]']), 2, /must be a JSON object/);
    expectFailure(run(['call', file, 'deadline.create', '--each', '--input', '{}']), 2, /with --each, the input must be a JSON list/);
    expectFailure(run(['call', parley.file('missing.parley'), 'directive.get']), 3, /missing\.parley/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('passes on the core\'s refusal of an input that names another case or breaks the schema, and changes nothing', () => {
    const file = newCase('refused.parley');
    const auditBefore = call<unknown[]>(file, 'case.recentChanges');
    expectFailure(run(['call', file, 'deadline.list', '--input', JSON.stringify({ caseId: '6f1c1f3e-8a44-4c1e-9a43-1d5b0f7f2b11' })]), 2, /caseId is not the case in this file/);
    expectFailure(run(['call', file, 'deadline.create', '--input', JSON.stringify({ fields: { title: 'x' } })]), 1, /deadline\.create refused \(invalid_input\)/);
    expect(call<unknown[]>(file, 'case.recentChanges')).toEqual(auditBefore);
    expect(call<unknown[]>(file, 'deadline.list')).toEqual([]);
  });
});

describe('parley call with the start of a record id', () => {
  it('takes a unique start of an id for the input\'s id and the record ids in its fields', () => {
    const file = newCase('prefix.parley');
    const meeting = call<RecordOf<'meeting'>>(file, 'meeting.create', { fields: { title: 'Terms meeting', status: 'planned' } });
    const deadline = call<RecordOf<'deadline'>>(file, 'deadline.create', {
      fields: { title: 'Send the minutes', deadlineKind: 'internal', status: 'open', dueType: 'tbd', triggerMeetingId: meeting.id.slice(0, 8), rule: RESPONSE_RULE },
    });
    expect(deadline.triggerMeetingId).toBe(meeting.id);
    const updated = call<RecordOf<'deadline'>>(file, 'deadline.update', { id: deadline.id.slice(0, 6).toUpperCase(), changes: { title: 'Send the minutes today' } });
    expect(updated).toMatchObject({ id: deadline.id, title: 'Send the minutes today', version: 2 });
    expect(call<unknown[]>(file, 'record.history', { id: deadline.id.slice(0, 13) })).toHaveLength(2);
  }, LONG);

  it('says when no record\'s id starts so, and lists the records when several do', () => {
    const file = newCase('prefix-refused.parley');
    expectFailure(run(['call', file, 'deadline.get', '--input', '{"id": "0000-"}']), 1, /^parley: No deadline id in this case starts with 0000-\.$/m);
    expectFailure(run(['call', file, 'record.history', '--input', '{"id": "3f2"}']), 1, /is not the start of a record id: give at least 4 of its characters/);

    // Two notes whose ids share their start: an export with the ids chosen, imported as a new file.
    call(file, 'note.create', { fields: { body: 'First note' } });
    call(file, 'note.create', { fields: { body: 'Second note' } });
    const exported = call<{ records: Record<string, { id: string }[]> }>(file, 'case.export');
    exported.records.note!.forEach((n, i) => (n.id = `abcd0000-0000-4000-8000-00000000000${i + 1}`));
    const json = parley.file('chosen-ids.json');
    fs.writeFileSync(json, JSON.stringify(exported));
    const copy = parley.file('chosen-ids.parley');
    expectOk(run(['import', json, copy]));
    expectFailure(run(['call', copy, 'note.get', '--input', '{"id": "abcd"}']), 1,
      /More than one note id in this case starts with abcd: Note “First note” \(abcd0000-0000-4000-8000-000000000001\); Note “Second note” \(abcd0000-0000-4000-8000-000000000002\)\. Give more of the id\./);
    expect(call<RecordOf<'note'>>(copy, 'note.get', { id: 'abcd0000-0000-4000-8000-000000000002' }).body).toBe('Second note');
  }, LONG);
});
