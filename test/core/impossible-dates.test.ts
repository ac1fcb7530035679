// An impossible date, time or time zone given to any record kind is refused by the core, through the real dispatcher
// on a real case file: code invalid_input, the field named with what is wrong in plain words, and nothing changed:
// not the record, not the audit trail, not a byte on disk.
import path from 'node:path';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isoDate, timeOfDay, timeZone } from '../../shared/fields.js';
import { KINDS, type CreatableKind, type KindName } from '../../shared/records.js';
import { testApi } from '../helpers.js';
import { deadline, writeBehindTheApi } from './support/behind-the-api.js';
import { MINIMAL_FIELDS, CaseWorld } from './support/world.js';

/** For each kind of value, one that must be refused and the words the refusal must say. */
const BAD_VALUE = new Map<unknown, { value: string; says: RegExp }>([
  [isoDate, { value: '2026-02-30', says: /30 February 2026 does not exist/ }],
  [timeOfDay, { value: '24:00', says: /time of day/ }],
  [timeZone, { value: 'Mars/Olympus_Mons', says: /time zone/ }],
]);

/** Every field of every kind that holds a date, a time of day or a time zone. */
const TEMPORAL_FIELDS = Object.entries(KINDS).flatMap(([kind, def]) =>
  Object.entries(def.fields as Record<string, { schema: unknown }>)
    .filter(([, f]) => BAD_VALUE.has(f.schema))
    .map(([field, f]) => ({ kind: kind as KindName, field, ...BAD_VALUE.get(f.schema)! })),
);

describe('impossible dates, times and zones', () => {
  it('directive.update refuses 30 February over a saved date and keeps the record, the audit trail and the file as they were', () => {
    const w = CaseWorld.create();
    w.api.call('directive.update', { caseId: w.caseId, changes: { issuedOn: '2026-03-02', receivedOn: '2026-03-04' } });
    const before = w.api.call('directive.get', { caseId: w.caseId });
    const history = w.api.call('record.history', { caseId: w.caseId, id: before.id });
    const head = w.auditHead();
    const disk = w.diskState();

    const refusals: [value: string, says: string][] = [
      ['2026-02-30', '30 February 2026 does not exist'],
      ['2026-13-01', '2026-13-01 is not a date: there is no month 13'],
      ['2026-04-31', '31 April 2026 does not exist'],
      ['0202-03-02', '0202-03-02 has the year 202: write the year in full, from 1000 on, such as 2026'],
      ['02/30/2026', 'must be a date written as YYYY-MM-DD, such as 2026-03-02'],
      ['2026-03', 'must be a date written as YYYY-MM-DD, such as 2026-03-02'],
      ['next Tuesday', 'must be a date written as YYYY-MM-DD, such as 2026-03-02'],
    ];
    for (const [value, says] of refusals) {
      const error = w.api.fail('directive.update', { caseId: w.caseId, changes: { issuedOn: value }, expectedVersion: before.version }, 'invalid_input');
      expect(error.issues, value).toEqual([{ path: 'changes.issuedOn', message: says }]);
      expect(error.message, value).toBe(says.startsWith('must ') ? `The issued on ${says}.` : `Issued on: ${says}.`);
    }
    // One bad field refuses the whole change: the good one beside it is not stored either.
    w.api.fail('directive.update', { caseId: w.caseId, changes: { receivedOn: '2026-03-05', issuedOn: '2026-02-30' } }, 'invalid_input');

    expect(w.api.call('directive.get', { caseId: w.caseId })).toEqual(before);
    expect(w.api.call('record.history', { caseId: w.caseId, id: before.id })).toEqual(history);
    expect(w.auditHead()).toBe(head);
    expect(w.diskState()).toEqual(disk);
    expect(w.api.internalErrors).toEqual([]);
  });

  it('covers the fields this test walks: dates, times and zones of the directive, deadlines, events, meetings, action items, watch items and more', () => {
    const names = TEMPORAL_FIELDS.map((f) => `${f.kind}.${f.field}`);
    expect(names).toEqual(expect.arrayContaining([
      'directive.issuedOn', 'directive.receivedOn', 'deadline.dueDate', 'deadline.dueTime', 'deadline.timeZone', 'deadline.windowStart',
      'event.occurredOn', 'event.occurredTime', 'event.timeZone', 'meeting.meetingDate', 'meeting.startTime', 'meeting.timeZone',
      'actionItem.dueDate', 'watchItem.triggeredOn', 'precedent.decidedOn', 'concession.madeOn',
    ]));
  });

  it.each(TEMPORAL_FIELDS.map((f) => [`${f.kind}.${f.field}`, f] as const))('%s: update and create refuse an impossible value and change nothing', (_name, { kind, field, value, says }) => {
    const w = CaseWorld.create();
    const record = w.make(kind);
    const head = w.auditHead();
    const disk = w.diskState();

    const update = kind === 'directive' ? 'directive.update' : `${kind}.update`;
    const idInput = kind === 'directive' ? {} : { id: record.id };
    // Append-only kinds (a position change) have no update: what they record is written once.
    if (KINDS[kind].mode !== 'appendOnly') {
      const updateError = w.api.fail(update, { caseId: w.caseId, ...idInput, changes: { [field]: value } }, 'invalid_input');
      expect(updateError.issues?.find((i) => i.path === `changes.${field}`)?.message).toMatch(says);
    }

    if (KINDS[kind].mode === 'editable' || KINDS[kind].mode === 'appendOnly') {
      // The record it points at, if any, exists already: the refusal is about the value alone.
      const fields = { ...MINIMAL_FIELDS[kind as CreatableKind](w.ref), [field]: value };
      const beforeCreate = { head: w.auditHead(), disk: w.diskState() };
      const createError = w.api.fail(`${kind}.create`, { caseId: w.caseId, fields }, 'invalid_input');
      expect(createError.issues?.find((i) => i.path === `fields.${field}`)?.message).toMatch(says);
      expect(w.auditHead()).toBe(beforeCreate.head);
      expect(w.diskState()).toEqual(beforeCreate.disk);
    } else {
      expect(w.auditHead()).toBe(head);
      expect(w.diskState()).toEqual(disk);
    }
    expect((w.op(`${kind === 'directive' ? 'directive' : kind}.get`, { caseId: w.caseId, ...idInput }) as Record<string, unknown>)[field]).toBe(record[field]);
    expect(w.api.internalErrors).toEqual([]);
  });

  it('a closure date of the case calendar, a trigger moved through schedule.preview and a note\'s time are refused the same way', () => {
    const w = CaseWorld.create();
    const event = w.make('event');
    const note = w.make('note');
    const head = w.auditHead();
    const noteError = w.api.fail('note.update', { caseId: w.caseId, id: note.id, changes: { takenAt: '2026-02-30T10:00:00Z' } }, 'invalid_input');
    expect(noteError.issues?.[0]?.path).toBe('changes.takenAt');
    const closureError = w.api.fail('directive.update', { caseId: w.caseId, changes: { closures: [{ date: '2026-04-31', name: 'Agency shutdown' }] } }, 'invalid_input');
    expect(closureError.issues).toEqual([{ path: 'changes.closures.0.date', message: '31 April 2026 does not exist' }]);
    const moveError = w.api.fail('schedule.preview', { caseId: w.caseId, change: { kind: 'event', id: event.id, changes: { occurredOn: '2026-02-30' } } }, 'invalid_input');
    expect(moveError.issues?.[0]?.message).toBe('30 February 2026 does not exist');
    expect(w.auditHead()).toBe(head);
  });

  it('case.create with an impossible date, as the new-case form sends it, makes no file', () => {
    const w = CaseWorld.create();
    const file = path.join(w.api.dir, 'second.parley');
    const error = w.api.fail('case.create', { path: file, directive: { title: 'Second order', status: 'received', issuedOn: '2026-02-30' } }, 'invalid_input');
    expect(error.issues).toEqual([{ path: 'directive.issuedOn', message: '30 February 2026 does not exist' }]);
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe('a date before the year 1000 stored by an earlier Parley', () => {
  // Parley before December 2026 accepted such a day (what a date field makes of a year typed short); it is refused as
  // new input now, but a file that holds one must stay readable, and the date correctable.
  it('reads as stored, lets the record be edited and the date corrected, and is still refused as new input', () => {
    const api = testApi();
    const file = path.join(api.dir, 'earlier.parley');
    const { caseId } = api.call('case.create', { path: file, directive: { title: 'Export-control suspension order', status: 'received' } });
    api.call('case.close', { caseId });
    const stored = deadline('Reply to the ministry', { dueType: 'date', dueDate: '0026-03-15' });
    writeBehindTheApi(file, [['deadline', stored]]);

    api.call('case.open', { path: file });
    expect(api.call('deadline.list', { caseId }).map((d) => d.dueDate)).toEqual(['0026-03-15']);
    expect(api.call('case.verify', { caseId }).ok).toBe(true);
    expect(api.call('deadline.update', { caseId, id: stored.id, changes: { title: 'Reply to the ministry (draft sent)' } }).dueDate).toBe('0026-03-15');
    expect(api.fail('deadline.update', { caseId, id: stored.id, changes: { dueDate: '0027-03-15' } }, 'invalid_input').message).toMatch(/write the year in full/);
    expect(api.call('deadline.update', { caseId, id: stored.id, changes: { dueDate: '2026-03-15' } }).dueDate).toBe('2026-03-15');
    expect(api.call('case.export', { caseId }).records.deadline).toHaveLength(1);
  });
});
