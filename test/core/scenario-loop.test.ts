// The scenario's own loop through the real dispatcher on real case files: a TBD deadline dated from its own step and
// made TBD again (previewed, confirmed with a reason, audited); the directive's dates as events a deadline counts
// from; a meeting as a trigger; a meeting and its own deadline as one date; cycles refused naming the loop; the time
// of record of what a meeting records; a watch item watched again; undated meetings in the key dates and dashboard.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScheduleChange } from '../../shared/api-types.js';
import type { RecordOf } from '../../shared/records.js';
import { isoToday } from '../../electron/core/today.js';
import { newCase, testApi } from '../helpers.js';
import { withRawConnection } from './support/files.js';
import { CaseWorld } from './support/world.js';

type Rule = NonNullable<RecordOf<'deadline'>['rule']>;
const after = (amount: number, unit: Rule['unit'] = 'business_days'): Rule => ({ amount, unit, direction: 'after', roll: 'forward' });
type Deadline = RecordOf<'deadline'>;

function world() {
  const w = CaseWorld.create();
  const c = { caseId: w.caseId };
  const get = (id: string) => w.api.call('deadline.get', { ...c, id }) as Deadline;
  const tbd = (title: string, extra: object = {}) => w.make('deadline', { title, dueType: 'tbd', dueDate: null, ...extra }) as unknown as Deadline;
  const dependant = (trigger: { id: string }, title: string, rule: Rule = after(5)) =>
    w.make('deadline', { title, dueType: 'tbd', dueDate: null, rule, triggerDeadlineId: trigger.id }) as unknown as Deadline;
  return { w, c, get, tbd, dependant };
}

describe('a TBD deadline given its date, and made TBD again', () => {
  it('dates a TBD deadline with no dependants and keeps its history', () => {
    const { w, c, get, tbd } = world();
    const hearing = tbd('Hearing', { windowStart: '2027-01-04', windowEnd: '2027-01-29', confidence: 'low' });
    const preview = w.api.call('schedule.preview', { ...c, change: { kind: 'dateDeadline', id: hearing.id, dueDate: '2027-01-12' } });
    expect(preview.moves).toEqual([]);
    expect(preview.record).toMatchObject({ dueType: 'date', dueDate: '2027-01-12', windowStart: null, windowEnd: null });
    expect(get(hearing.id).dueType).toBe('tbd'); // a preview changes nothing
    w.api.call('schedule.confirm', { ...c, change: { kind: 'dateDeadline', id: hearing.id, dueDate: '2027-01-12' }, reason: 'Date announced by the agency' });
    expect(get(hearing.id)).toMatchObject({ id: hearing.id, dueType: 'date', dueDate: '2027-01-12', version: 2 });
    const history = w.api.call('record.history', { ...c, id: hearing.id });
    expect(history.map((h) => h.operation)).toEqual(['create', 'update']);
    expect(history[1]).toMatchObject({ reason: 'Date announced by the agency', changedFields: expect.arrayContaining(['dueType', 'dueDate', 'windowStart']) });
  });

  it('shows the dependants it moves, refuses to move them unconfirmed, and moves them all with the reason', () => {
    const { w, c, get, tbd, dependant } = world();
    const meeting = tbd('Meeting with the agency');
    const brief = dependant(meeting, 'Send our brief', { ...after(2), direction: 'before' as const });
    expect(get(brief.id).dueType).toBe('tbd');
    const change = { kind: 'dateDeadline', id: meeting.id, dueDate: '2027-01-12' } as const;
    const preview = w.api.call('schedule.preview', { ...c, change });
    expect(preview.moves).toEqual([expect.objectContaining({ deadlineId: brief.id, changed: true, after: expect.objectContaining({ dueDate: '2027-01-08' }) })]);
    // The same date through a plain update is refused, naming the move; nothing changes.
    const refused = w.api.fail('deadline.update', { ...c, id: meeting.id, changes: { dueType: 'date', dueDate: '2027-01-12' } }, 'needs_confirmation');
    expect(refused.message).toContain('“Send our brief” from not yet known to 2027-01-08');
    expect(get(meeting.id).dueType).toBe('tbd');
    w.api.call('schedule.confirm', { ...c, change, reason: 'Agency set the date' });
    expect(get(brief.id)).toMatchObject({ dueType: 'date', dueDate: '2027-01-08' });
    expect(w.api.call('record.history', { ...c, id: brief.id }).at(-1)!.reason).toBe('Agency set the date (moved with “Meeting with the agency”)');
  });

  it('turns a dated deadline back into TBD with its window, and its dependants with it', () => {
    const { w, c, get, dependant } = world();
    const meeting = w.make('deadline', { title: 'Meeting with the agency', dueDate: '2027-01-12' }) as unknown as Deadline;
    const brief = dependant(meeting, 'Send our brief');
    expect(get(brief.id).dueDate).toBe('2027-01-20');
    const change = { kind: 'tbdDeadline', id: meeting.id, windowStart: '2027-01-11', windowEnd: '2027-01-22', confidence: 'medium' } as const;
    const preview = w.api.call('schedule.preview', { ...c, change });
    expect(preview.moves[0]).toMatchObject({ deadlineId: brief.id, after: { dueType: 'tbd', windowStart: '2027-01-19', windowEnd: '2027-01-29' } });
    w.api.fail('schedule.confirm', { ...c, change, reason: '  ' }, 'invalid_input');
    w.api.call('schedule.confirm', { ...c, change, reason: 'Agency postponed it' });
    expect(get(meeting.id)).toMatchObject({ dueType: 'tbd', dueDate: null, windowStart: '2027-01-11', windowEnd: '2027-01-22', confidence: 'medium' });
    expect(get(brief.id)).toMatchObject({ dueType: 'tbd', windowStart: '2027-01-19', windowEnd: '2027-01-29' });
  });

  it('refuses a window that ends before it starts, and a time without its zone, changing nothing', () => {
    const { w, c, get } = world();
    const d = w.make('deadline', { title: 'Reply', dueDate: '2027-01-12' }) as unknown as Deadline;
    expect(w.api.fail('schedule.confirm', { ...c, change: { kind: 'tbdDeadline', id: d.id, windowStart: '2027-02-01', windowEnd: '2027-01-01' }, reason: 'x' }, 'invalid_input').message).toContain('the window start must not be after the window end');
    expect(w.api.fail('schedule.confirm', { ...c, change: { kind: 'dateDeadline', id: d.id, dueDate: '2027-01-13', dueTime: '17:00' }, reason: 'x' }, 'invalid_input').message).toContain('time zone');
    expect(get(d.id)).toMatchObject({ dueType: 'date', dueDate: '2027-01-12', version: 1 });
  });
});

describe('the directive\'s dates as events', () => {
  it('makes issued and received dates events of a new case, and a deadline 30 business days after receipt falls on 2027-01-06', () => {
    const api = testApi();
    const info = api.call('case.create', { path: path.join(api.dir, 'c.parley'), directive: { title: 'Order', status: 'received', issuedOn: '2026-11-18', receivedOn: '2026-11-20' } });
    const c = { caseId: info.caseId };
    const events = api.call('event.list', c);
    expect(events.map((e) => [e.title, e.eventKind, e.occurredOn, e.directiveDate])).toEqual([
      ['Order issued', 'order_issued', '2026-11-18', 'issuedOn'],
      ['Order received', 'order_received', '2026-11-20', 'receivedOn'],
    ]);
    const received = events[1]!;
    const reply = api.call('deadline.create', { ...c, fields: { title: 'Reply', deadlineKind: 'response', status: 'open', dueType: 'tbd', rule: after(30), triggerEventId: received.id } });
    expect(reply).toMatchObject({ dueType: 'date', dueDate: '2027-01-06' });

    // Changing the received date moves the event and the reply: previewed, confirmed, audited.
    api.fail('directive.update', { ...c, changes: { receivedOn: '2026-11-23' } }, 'needs_confirmation');
    const change = { kind: 'directive', changes: { receivedOn: '2026-11-23' } } as const;
    const preview: ScheduleChange = api.call('schedule.preview', { ...c, change });
    expect(preview.moves.filter((m) => m.changed)).toEqual([expect.objectContaining({ deadlineId: reply.id, after: expect.objectContaining({ dueDate: '2027-01-07' }) })]);
    api.call('schedule.confirm', { ...c, change, reason: 'Receipt was on Monday' });
    expect(api.call('event.get', { ...c, id: received.id })).toMatchObject({ occurredOn: '2026-11-23', version: 2 });
    expect(api.call('deadline.get', { ...c, id: reply.id }).dueDate).toBe('2027-01-07');
    expect(api.call('record.history', { ...c, id: received.id }).at(-1)!.reason).toBe('Receipt was on Monday (the directive\'s received date changed)');

    // And the other way: the event's date is the directive's.
    api.call('schedule.confirm', { ...c, change: { kind: 'event', id: received.id, changes: { occurredOn: '2026-11-20' } }, reason: 'Back to Friday' });
    expect(api.call('directive.get', c).receivedOn).toBe('2026-11-20');
    expect(api.call('deadline.get', { ...c, id: reply.id }).dueDate).toBe('2027-01-06');

    // Clearing the date deletes its event, unless deadlines count from it.
    expect(api.fail('directive.update', { ...c, changes: { receivedOn: null } }, 'has_dependants').message).toContain('“Reply”');
    api.call('directive.update', { ...c, changes: { issuedOn: null } });
    expect(api.call('event.list', c).map((e) => e.title)).toEqual(['Order received']);
    // Setting it again makes a new event; deleting that event clears the date.
    api.call('directive.update', { ...c, changes: { issuedOn: '2026-11-17' } });
    const issued = api.call('event.list', { ...c, filter: { eventKind: 'order_issued' } })[0]!;
    expect(issued).toMatchObject({ occurredOn: '2026-11-17', directiveDate: 'issuedOn' });
    api.call('event.delete', { ...c, id: issued.id });
    expect(api.call('directive.get', c).issuedOn).toBeNull();
    api.call('event.restore', { ...c, id: issued.id });
    expect(api.call('directive.get', c).issuedOn).toBe('2026-11-17');
    expect(api.call('case.verify', c).ok).toBe(true);
  });

  it('creates, edits and deletes an event of its own, which the caller cannot make a directive date', () => {
    const { w, c } = world();
    const statement = w.api.call('event.create', { ...c, fields: { title: 'Agency statement', eventKind: 'statement', occurredOn: '2026-12-01' } });
    expect(statement.directiveDate).toBeNull();
    w.api.fail('event.update', { ...c, id: statement.id, changes: { directiveDate: 'receivedOn' } }, 'invalid_input');
    expect(w.api.call('event.update', { ...c, id: statement.id, changes: { title: 'Agency press statement' } }).title).toBe('Agency press statement');
    w.api.call('event.delete', { ...c, id: statement.id });
    expect(w.api.call('event.list', c).some((e) => e.id === statement.id)).toBe(false);
  });
});

describe('triggers and rules on an existing deadline', () => {
  it('counts from a meeting, follows the meeting\'s date, and is TBD while the meeting has none', () => {
    const { w, c, get } = world();
    const meeting = w.api.call('meeting.create', { ...c, fields: { title: 'Terms meeting', status: 'planned' } });
    const minutes = w.api.call('deadline.create', { ...c, fields: { title: 'Send the minutes', deadlineKind: 'internal', status: 'open', dueType: 'tbd', rule: after(3), triggerMeetingId: meeting.id } });
    expect(minutes).toMatchObject({ dueType: 'tbd', dueDate: null });
    const change = { kind: 'meeting', id: meeting.id, changes: { meetingDate: '2027-01-12' } } as const;
    expect(w.api.call('schedule.preview', { ...c, change }).moves).toEqual([expect.objectContaining({ deadlineId: minutes.id, changed: true })]);
    w.api.fail('meeting.update', { ...c, id: meeting.id, changes: { meetingDate: '2027-01-12' } }, 'needs_confirmation');
    w.api.call('schedule.confirm', { ...c, change, reason: 'Meeting set' });
    expect(get(minutes.id).dueDate).toBe('2027-01-15');
    expect(w.api.call('schedule.get', c).find((s) => s.deadlineId === minutes.id)!.formula).toBe('3 business days after Terms meeting');
    w.api.fail('meeting.delete', { ...c, id: meeting.id }, 'has_dependants');
  });

  it('changes a deadline\'s trigger and rule with the same preview and confirmation as a move', () => {
    const { w, c, get, dependant } = world();
    const received = w.make('event', { title: 'Order received', occurredOn: '2026-11-20' });
    const reply = w.make('deadline', { title: 'Reply', dueType: 'tbd', dueDate: null, rule: after(30), triggerEventId: received.id }) as unknown as Deadline;
    const followUp = dependant(reply, 'Follow-up');
    expect(get(followUp.id).dueDate).toBe('2027-01-13');
    const change = { kind: 'deadline', id: reply.id, changes: { rule: after(10, 'calendar_days') } } as const;
    const preview = w.api.call('schedule.preview', { ...c, change });
    expect(preview.record).toMatchObject({ dueDate: '2026-11-30' });
    expect(preview.moves[0]).toMatchObject({ deadlineId: followUp.id, after: { dueDate: '2026-12-07' } });
    w.api.fail('deadline.update', { ...c, id: reply.id, changes: change.changes }, 'needs_confirmation');
    w.api.call('schedule.confirm', { ...c, change, reason: 'The statute says calendar days' });
    expect(get(reply.id)).toMatchObject({ dueDate: '2026-11-30', rule: { unit: 'calendar_days' } });
    expect(get(followUp.id).dueDate).toBe('2026-12-07');
    // Another trigger: from the event to a meeting.
    const meeting = w.api.call('meeting.create', { ...c, fields: { title: 'Terms meeting', status: 'planned', meetingDate: '2026-12-01' } });
    w.api.call('schedule.confirm', { ...c, change: { kind: 'deadline', id: reply.id, changes: { triggerEventId: null, triggerMeetingId: meeting.id } }, reason: 'Counts from the meeting' });
    expect(get(reply.id)).toMatchObject({ dueDate: '2026-12-11', triggerEventId: null, triggerMeetingId: meeting.id });
    expect(w.api.fail('deadline.update', { ...c, id: reply.id, changes: { triggerEventId: received.id } }, 'invalid_input').message).toContain('one trigger');
  });

  it('refuses a loop of triggers through the API, naming it in order, and changes nothing', () => {
    const { w, c, get, tbd, dependant } = world();
    const a = tbd('Alpha');
    const b = dependant(a, 'Bravo');
    const ch = dependant(b, 'Charlie');
    const err = w.api.fail('schedule.confirm', { ...c, change: { kind: 'deadline', id: a.id, changes: { rule: after(1), triggerDeadlineId: ch.id } }, reason: 'x' }, 'cycle');
    expect(err.message).toContain('“Alpha” → “Charlie” → “Bravo” → “Alpha”');
    expect(w.api.fail('deadline.update', { ...c, id: a.id, changes: { rule: after(1), triggerDeadlineId: a.id } }, 'cycle').message).toContain('“Alpha” → “Alpha”');
    expect(get(a.id)).toMatchObject({ rule: null, triggerDeadlineId: null, version: 1 });
  });
});

describe('a meeting is its date', () => {
  it('dates the meeting and its deadline from either one, moving the dependants after a preview', () => {
    const { w, c, get, dependant } = world();
    const meeting = w.api.call('meeting.create', { ...c, fields: { title: 'Terms meeting', status: 'planned' } });
    const own = w.api.call('deadline.create', { ...c, fields: { title: 'Terms meeting', deadlineKind: 'meeting', status: 'open', dueType: 'tbd', meetingId: meeting.id, windowStart: '2027-01-04', windowEnd: '2027-01-15' } });
    expect(own).toMatchObject({ dueType: 'tbd', windowStart: '2027-01-04' });
    const brief = dependant(own, 'Send our brief', { ...after(2), direction: 'before' as const });
    expect(get(brief.id)).toMatchObject({ dueType: 'tbd', windowStart: '2026-12-30', windowEnd: '2027-01-13' });
    expect(w.api.call('case.keyDates', { ...c, today: '2026-12-01' }).nextMeeting).toEqual({ id: meeting.id, title: 'Terms meeting', meetingDate: null });

    // From the meeting: the deadline follows without a question, its dependant after the preview.
    const change = { kind: 'meeting', id: meeting.id, changes: { meetingDate: '2027-01-12' } } as const;
    const preview = w.api.call('schedule.preview', { ...c, change });
    expect(preview.moves).toEqual(expect.arrayContaining([
      expect.objectContaining({ deadlineId: own.id, followsMeeting: true, after: expect.objectContaining({ dueDate: '2027-01-12' }) }),
      expect.objectContaining({ deadlineId: brief.id, after: expect.objectContaining({ dueDate: '2027-01-08' }) }),
    ]));
    expect(w.api.fail('meeting.update', { ...c, id: meeting.id, changes: { meetingDate: '2027-01-12' } }, 'needs_confirmation').message).not.toContain('“Terms meeting”');
    w.api.call('schedule.confirm', { ...c, change, reason: 'Agency confirmed the date' });
    expect(get(own.id)).toMatchObject({ dueType: 'date', dueDate: '2027-01-12' });
    expect(get(brief.id).dueDate).toBe('2027-01-08');
    expect(w.api.call('case.keyDates', { ...c, today: '2026-12-01' }).nextMeeting).toEqual({ id: meeting.id, title: 'Terms meeting', meetingDate: '2027-01-12' });

    // From the deadline: the meeting takes the date, with its time.
    w.api.call('schedule.confirm', { ...c, change: { kind: 'dateDeadline', id: own.id, dueDate: '2027-01-14', dueTime: '10:00', timeZone: 'America/New_York' }, reason: 'Moved by two days' });
    expect(w.api.call('meeting.get', { ...c, id: meeting.id })).toMatchObject({ meetingDate: '2027-01-14', startTime: '10:00', timeZone: 'America/New_York' });
    expect(get(own.id)).toMatchObject({ dueType: 'datetime', dueDate: '2027-01-14', dueTime: '10:00' });
    expect(get(brief.id).dueDate).toBe('2027-01-12');
    const brief2 = w.api.call('brief.build', { ...c, meetingId: meeting.id });
    expect(JSON.stringify(brief2)).toContain('14 January 2027');

    // Back to TBD from the deadline: the meeting's date is cleared, the deadline keeps its window.
    w.api.call('schedule.confirm', { ...c, change: { kind: 'tbdDeadline', id: own.id, windowStart: '2027-01-18', windowEnd: '2027-01-29' }, reason: 'Postponed' });
    expect(w.api.call('meeting.get', { ...c, id: meeting.id }).meetingDate).toBeNull();
    expect(get(own.id)).toMatchObject({ dueType: 'tbd', windowStart: '2027-01-18', windowEnd: '2027-01-29' });
    expect(get(brief.id)).toMatchObject({ dueType: 'tbd', windowStart: '2027-01-14', windowEnd: '2027-01-27' });
    expect(w.api.call('case.verify', c).ok).toBe(true);
  });

  it('keeps one deadline per meeting, and a meeting with its deadline is not deleted under it', () => {
    const { w, c } = world();
    const meeting = w.api.call('meeting.create', { ...c, fields: { title: 'Terms meeting', status: 'planned', meetingDate: '2027-01-12' } });
    const own = w.api.call('deadline.create', { ...c, fields: { title: 'Terms meeting', deadlineKind: 'meeting', status: 'open', dueType: 'tbd', meetingId: meeting.id } });
    expect(own).toMatchObject({ dueType: 'date', dueDate: '2027-01-12' });
    const again = w.api.fail('deadline.create', { ...c, fields: { title: 'Twin', deadlineKind: 'meeting', status: 'open', dueType: 'tbd', meetingId: meeting.id } }, 'invalid_input');
    expect(again.message).toContain('already has its deadline “Terms meeting”');
    w.api.fail('meeting.delete', { ...c, id: meeting.id }, 'has_dependants');
  });

  it('a deadline linked to a meeting without a date gives the meeting its date', () => {
    const { w, c } = world();
    const meeting = w.api.call('meeting.create', { ...c, fields: { title: 'Terms meeting', status: 'planned' } });
    const own = w.make('deadline', { title: 'Terms meeting', deadlineKind: 'meeting', dueDate: '2027-01-12' });
    w.api.call('deadline.update', { ...c, id: own.id, changes: { meetingId: meeting.id } });
    expect(w.api.call('meeting.get', { ...c, id: meeting.id }).meetingDate).toBe('2027-01-12');
  });

  it('lists planned meetings without a date on the dashboard as such, after the dated ones', () => {
    const api = testApi();
    const info = newCase(api);
    const c = { caseId: info.caseId };
    const undated = api.call('meeting.create', { ...c, fields: { title: 'Follow-up', status: 'planned' } });
    const dated = api.call('meeting.create', { ...c, fields: { title: 'Terms meeting', status: 'planned', meetingDate: '2027-01-12' } });
    const dash = api.call('library.dashboard', { today: '2026-12-01' });
    expect(dash.upcomingMeetings.map((m) => [m.id, m.meetingDate])).toEqual([[dated.id, '2027-01-12'], [undated.id, null]]);
  });
});

describe('the time of record', () => {
  it('takes the meeting\'s date for what is recorded in it unless another is given, and keeps the typing time in the audit', () => {
    const { w, c } = world();
    const meeting = w.api.call('meeting.create', { ...c, fields: { title: 'Terms meeting', status: 'held', meetingDate: '2026-12-03' } });
    const note = w.api.call('note.create', { ...c, fields: { meetingId: meeting.id, body: 'They floated a carve-out' } });
    expect(note.recordedOn).toBe('2026-12-03');
    expect(w.api.call('record.history', { ...c, id: note.id })[0]!.at.slice(0, 10)).toBe(new Date().toISOString().slice(0, 10));
    const backdated = w.api.call('note.create', { ...c, fields: { meetingId: meeting.id, body: 'Said in the corridor', recordedOn: '2026-12-02' } });
    expect(backdated.recordedOn).toBe('2026-12-02');
    const decision = w.api.call('decision.create', { ...c, fields: { meetingId: meeting.id, text: 'Propose tiers' } });
    expect(decision.recordedOn).toBe('2026-12-03');
    const issue = w.api.call('issue.create', { ...c, fields: { title: 'Scope', priority: 'high', status: 'open' } });
    const concession = w.api.call('concession.create', { ...c, fields: { issueId: issue.id, direction: 'given', description: 'Reports', meetingId: meeting.id } });
    expect(concession.madeOn).toBe('2026-12-03');
    w.api.call('issue.update', { ...c, id: issue.id, changes: { theirPosition: 'Allies exempt' }, meetingId: meeting.id, reason: 'Said at the meeting' });
    w.api.call('issue.update', { ...c, id: issue.id, changes: { ourOpening: 'Tiers' }, recordedOn: '2026-12-05' });
    const changes = w.api.call('positionChange.list', { ...c, filter: { issueId: issue.id } });
    expect(changes.map((p) => [p.position, p.recordedOn, p.reason])).toEqual([['stated', '2026-12-03', 'Said at the meeting'], ['opening', '2026-12-05', null]]);
    const loose = w.api.call('note.create', { ...c, fields: { body: 'No meeting' } });
    expect(loose.recordedOn).toBe(isoToday());
  });

  it('fills the time of record of records made before it from their meeting or the day they were made, audited', () => {
    const { w, c } = world();
    const meeting = w.api.call('meeting.create', { ...c, fields: { title: 'Terms meeting', status: 'held', meetingDate: '2026-12-03' } });
    const inMeeting = w.api.call('note.create', { ...c, fields: { meetingId: meeting.id, body: 'In the meeting' } });
    const loose = w.api.call('note.create', { ...c, fields: { body: 'Alone' } });
    w.api.call('case.close', c);
    // As a file from before migration 0007 holds them: no time of record.
    withRawConnection(w.file, (db) => {
      db.exec("UPDATE note SET recorded_on = NULL, created_at = '2026-12-06T10:00:00.000Z'");
    });
    // (Changed behind the audit trail on purpose; the fill itself must be audited.)
    const reopened = w.api.call('case.open', { path: w.file });
    const notes = w.api.call('note.list', { caseId: reopened.caseId });
    expect(notes.find((n) => n.id === inMeeting.id)!.recordedOn).toBe('2026-12-03');
    expect(notes.find((n) => n.id === loose.id)!.recordedOn).toBe('2026-12-06');
    expect(w.api.call('record.history', { caseId: reopened.caseId, id: loose.id }).at(-1)!.reason).toMatch(/filled in by Parley/);
  });
});

describe('what leaves the team', () => {
  it('a meeting\'s own deadline leaves with its meeting only, and a rule counting from a meeting not shared is withheld', () => {
    const { w, c } = world();
    const meeting = w.api.call('meeting.create', { ...c, fields: { title: 'Terms meeting', status: 'planned', meetingDate: '2027-01-12' } });
    w.api.call('deadline.create', { ...c, fields: { title: 'Terms meeting day', deadlineKind: 'meeting', status: 'open', dueType: 'tbd', meetingId: meeting.id } });
    w.api.call('deadline.create', { ...c, fields: { title: 'Minutes due', deadlineKind: 'response', status: 'open', dueType: 'tbd', rule: after(3), triggerMeetingId: meeting.id } });
    // A calendar of deadlines alone (with meetings, a meeting's own deadline is its meeting's entry).
    const ics = () => w.api.call('calendar.ics', { caseIds: [w.caseId], include: ['deadlines'] }).text;
    // Shared meeting: its deadline is on the calendar, and the rule is explained with the meeting's name.
    expect(ics()).toContain('Terms meeting day');
    expect(ics()).toContain('3 business days after Terms meeting');
    // The meeting marked internal: its own deadline stays in; the other keeps its date but not the rule naming it.
    w.api.call('sharing.set', { ...c, kind: 'meeting', id: meeting.id, level: 'internal' });
    expect(ics()).not.toContain('Terms meeting day');
    expect(ics()).toContain('Minutes due');
    expect(ics()).not.toContain('after Terms meeting');
  });

  it('a copy of a date that is internal stays in with it: a meeting\'s own deadline, and the directive\'s dates as events', () => {
    const api = testApi();
    const info = api.call('case.create', { path: path.join(api.dir, 'c.parley'), directive: { title: 'Order', status: 'received', issuedOn: '2026-11-18', receivedOn: '2026-11-20' } });
    const c = { caseId: info.caseId };
    const meeting = api.call('meeting.create', { ...c, fields: { title: 'Terms meeting', status: 'planned', meetingDate: '2027-01-12' } });
    const own = api.call('deadline.create', { ...c, fields: { title: 'Terms meeting day', deadlineKind: 'meeting', status: 'open', dueType: 'tbd', meetingId: meeting.id } });
    const ics = () => api.call('calendar.ics', { caseIds: [info.caseId], include: ['deadlines'] }).text;
    expect(ics()).toContain('Terms meeting day');

    // Only the meeting's date marked internal (the meeting itself still shareable): its deadline, which holds that
    // date, no longer leaves, and says why.
    api.call('sharing.set', { ...c, kind: 'meeting', id: meeting.id, field: 'meetingDate', level: 'internal' });
    expect(api.call('sharing.get', { ...c, kind: 'meeting', id: meeting.id }).record.level).toBe('shareable');
    expect(api.call('sharing.get', { ...c, kind: 'deadline', id: own.id }).record).toMatchObject({ level: 'internal', why: 'the date of a meeting whose date is internal' });
    expect(ics()).not.toContain('Terms meeting day');
    expect(ics()).not.toContain('20270112');

    // The directive's received date marked internal: its event stays in too; the issued date's event still leaves.
    const [issued, received] = api.call('event.list', c);
    const eventLevel = (id: string) => api.call('sharing.get', { ...c, kind: 'event', id }).record;
    expect(eventLevel(received!.id).level).toBe('shareable');
    api.call('sharing.set', { ...c, kind: 'directive', id: api.call('directive.get', c).id, field: 'receivedOn', level: 'internal' });
    expect(eventLevel(received!.id)).toMatchObject({ level: 'internal', why: 'the directive\'s received date, which is internal' });
    expect(eventLevel(issued!.id).level).toBe('shareable');
  });
});

describe('small things', () => {
  it('a watch item watched again loses its triggered date', () => {
    const { w, c } = world();
    const item = w.api.call('watchItem.create', { ...c, fields: { title: 'Statute', status: 'triggered', triggeredOn: '2026-12-10' } });
    expect(w.api.call('watchItem.update', { ...c, id: item.id, changes: { status: 'watching' } })).toMatchObject({ status: 'watching', triggeredOn: null });
  });

  it('reminders of one case only when asked for that case', () => {
    const api = testApi();
    const one = newCase(api, 'one.parley', 'One');
    const two = newCase(api, 'two.parley', 'Two');
    for (const info of [one, two]) {
      api.call('deadline.create', { caseId: info.caseId, fields: { title: `Reply ${info.caseId.slice(0, 4)}`, deadlineKind: 'response', status: 'open', dueType: 'date', dueDate: '2027-01-06' } });
    }
    const now = '2027-01-05T12:00:00.000Z';
    expect(new Set(api.call('reminder.due', { now }).map((r) => r.caseId))).toEqual(new Set([one.caseId, two.caseId]));
    expect(new Set(api.call('reminder.due', { caseId: one.caseId, now }).map((r) => r.caseId))).toEqual(new Set([one.caseId]));
  });
});
