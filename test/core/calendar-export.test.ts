// Meetings and action items on an exported calendar (calendar.ics), through the real dispatcher and case files, read
// back with ical.js as a calendar app would: the right instant for a meeting in its zone, all-day entries for a
// date-only meeting and for action items, nothing internal, and UIDs that stay put when a record changes.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarUid } from '../../electron/core/calendar/export.js';
import { calendarLeftOutSentence } from '../../shared/calendar.js';
import { newCase, testApi, type TestApi } from '../helpers.js';

function parsed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const events = calendar.getAllSubcomponents('vevent');
  const byUid = (uid: string) => events.find((e) => e.getFirstPropertyValue('uid') === `${uid}@parley`);
  return { calendar, events, byUid, summaries: events.map((e) => String(e.getFirstPropertyValue('summary'))) };
}

function filledCase(api: TestApi) {
  const { caseId } = newCase(api, 'order.parley', 'Data localisation order');
  const c = { caseId };
  const make = (kind: string, fields: Record<string, unknown>) => api.call(`${kind}.create` as 'meeting.create', { ...c, fields } as never) as { id: string; version: number };
  // 29 March 2027 is the day after Brussels moves to summer time (UTC+2): 10:00 there is 08:00 UTC.
  const ministry = make('meeting', { title: 'Ministry meeting', status: 'planned', meetingDate: '2027-03-29', startTime: '10:00', endTime: '11:30', timeZone: 'Europe/Brussels', location: 'Rue de la Loi 16' });
  const workshop = make('meeting', { title: 'Technical workshop', status: 'planned', meetingDate: '2027-04-02' });
  make('meeting', { title: 'Follow-up, date to be agreed', status: 'planned' });
  const strategy = make('meeting', { title: 'Our strategy session', status: 'planned', meetingDate: '2027-03-25', startTime: '09:00', timeZone: 'Europe/Brussels' });
  api.call('sharing.set', { ...c, kind: 'meeting', id: strategy.id, level: 'internal' });
  const letter = make('actionItem', { title: 'Send the data-flow map', status: 'open', dueDate: '2027-03-26', owner: 'Dana Whitfield', meetingId: ministry.id });
  const filed = make('actionItem', { title: 'File the notification', status: 'done', dueDate: '2027-03-01' });
  make('actionItem', { title: 'Draft the fallback list', status: 'open', dueDate: '2027-03-24', meetingId: strategy.id });
  make('actionItem', { title: 'Find a local counsel', status: 'open' });
  const reply = make('deadline', { title: 'Written reply', deadlineKind: 'response', status: 'open', dueType: 'date', dueDate: '2027-04-15' });
  return { caseId, ministry, workshop, strategy, letter, filed, reply };
}

describe('calendar export of meetings and action items', () => {
  it('puts a timed meeting at its instant, a date-only one all day, and action items as all-day entries', () => {
    const api = testApi();
    const k = filledCase(api);
    const ics = api.call('calendar.ics', { caseIds: [k.caseId] });
    const { byUid, summaries, calendar } = parsed(ics.text);

    const ministry = new ICAL.Event(byUid(calendarUid(k.caseId, k.ministry.id, 'meeting'))!);
    expect(ministry.startDate.isDate).toBe(false);
    expect(ministry.startDate.toJSDate().toISOString()).toBe('2027-03-29T08:00:00.000Z');
    expect(ministry.endDate.toJSDate().toISOString()).toBe('2027-03-29T09:30:00.000Z');
    expect(ministry.location).toBe('Rue de la Loi 16');
    expect(ministry.description).toBe('Meeting on 2027-03-29 10:00–11:30 Europe/Brussels, planned.');

    const workshop = new ICAL.Event(byUid(calendarUid(k.caseId, k.workshop.id, 'meeting'))!);
    expect(workshop.startDate.isDate).toBe(true);
    expect(workshop.startDate.toString()).toBe('2027-04-02');
    expect(workshop.endDate.toString()).toBe('2027-04-03');

    const letter = byUid(calendarUid(k.caseId, k.letter.id, 'actionItem'))!;
    expect(letter.name).toBe('vevent');
    expect(new ICAL.Event(letter).startDate.toString()).toBe('2027-03-26');
    expect(letter.getFirstPropertyValue('description')).toBe('Action item due 2027-03-26, open. Owner: Dana Whitfield.');
    expect(letter.getFirstPropertyValue('categories')).toBe('Action item');
    const filed = byUid(calendarUid(k.caseId, k.filed.id, 'actionItem'))!;
    expect(filed.getFirstPropertyValue('summary')).toBe('File the notification (done)');

    // The internal meeting and the action item that belongs to it are not on it, nor named anywhere in it.
    expect(summaries.sort()).toEqual([
      'File the notification (done)', 'Ministry meeting', 'Send the data-flow map', 'Technical workshop', 'Written reply',
    ]);
    expect(ics.text).not.toMatch(/strategy|fallback/i);
    expect(calendar.getFirstPropertyValue('description')).toBe(
      'Deadlines, meetings and action items from Parley. Not included because their dates are not yet known: Follow-up, date to be agreed. '
      + 'Not included because they have no due date: 1 open action item.',
    );
    expect(ics.events).toBe(5);
    expect(ics.tally).toEqual({
      onIt: { deadlines: 1, meetings: 2, actions: 2 },
      leftOut: { undatedDeadlines: 0, undatedMeetings: 1, undatedActions: 1, internal: 2 },
    });
    expect(calendarLeftOutSentence(ics.tally)).toBe(
      'Left out: 1 meeting whose date is not yet known, 1 open action item without a due date and 2 internal records, which stay with the team.',
    );
    // No record id of the case file leaves in the calendar.
    for (const id of [k.caseId, k.ministry.id, k.letter.id, k.reply.id]) expect(ics.text).not.toContain(id);
  });

  it('keeps each UID across exports and raises SEQUENCE and LAST-MODIFIED after an edit', () => {
    const api = testApi();
    const k = filledCase(api);
    const first = parsed(api.call('calendar.ics', { caseIds: [k.caseId] }).text);
    const uid = calendarUid(k.caseId, k.ministry.id, 'meeting');
    const before = first.byUid(uid)!;
    const updated = api.call('meeting.update', { caseId: k.caseId, id: k.ministry.id, expectedVersion: k.ministry.version, changes: { startTime: '14:00', endTime: '15:00' } });

    const second = parsed(api.call('calendar.ics', {}).text);
    const after = second.byUid(uid)!;
    expect(second.events.map((e) => e.getFirstPropertyValue('uid')).sort()).toEqual(first.events.map((e) => e.getFirstPropertyValue('uid')).sort());
    expect(Number(after.getFirstPropertyValue('sequence'))).toBeGreaterThan(Number(before.getFirstPropertyValue('sequence')));
    // LAST-MODIFIED is the record's last change, to the second (as iCalendar writes times).
    const modified = (e: ICAL.Component) => (e.getFirstPropertyValue('last-modified') as ICAL.Time).toJSDate().toISOString();
    expect(modified(after)).toBe(updated.updatedAt.replace(/\.\d+Z$/, '.000Z'));
    expect(new ICAL.Event(after).startDate.toJSDate().toISOString()).toBe('2027-03-29T12:00:00.000Z');
    // The deadline's UID is the one calendars were given before meetings and action items came along.
    expect(second.byUid(calendarUid(k.caseId, k.reply.id))).toBeDefined();
  });

  it('carries only the kinds chosen, and refuses an empty choice in words', () => {
    const api = testApi();
    const k = filledCase(api);
    const meetingsOnly = api.call('calendar.ics', { caseIds: [k.caseId], include: ['meetings'] });
    expect(parsed(meetingsOnly.text).summaries.sort()).toEqual(['Ministry meeting', 'Technical workshop']);
    expect(meetingsOnly.included).toEqual(['meetings']);
    expect(meetingsOnly.tally.leftOut).toEqual({ undatedDeadlines: 0, undatedMeetings: 1, undatedActions: 0, internal: 1 });
    const actions = api.call('calendar.ics', { caseIds: [k.caseId], include: ['actions', 'deadlines'] });
    expect(parsed(actions.text).summaries.sort()).toEqual(['File the notification (done)', 'Send the data-flow map', 'Written reply']);
    expect(actions.included).toEqual(['deadlines', 'actions']);
    const refused = api.fail('calendar.ics', { caseIds: [k.caseId], include: [] }, 'invalid_input');
    expect(refused.message).toMatch(/choose at least one of deadlines, meetings and action items/);
  });

  it('shows a meeting\'s own deadline once, as its meeting, when meetings are on the calendar', () => {
    const api = testApi();
    const { caseId } = newCase(api);
    const meeting = api.call('meeting.create', { caseId, fields: { title: 'Hearing', status: 'planned', meetingDate: '2027-05-03' } });
    api.call('deadline.create', { caseId, fields: { title: 'Hearing day', deadlineKind: 'meeting', status: 'open', dueType: 'date', meetingId: meeting.id } });
    expect(parsed(api.call('calendar.ics', { caseIds: [caseId] }).text).summaries).toEqual(['Hearing']);
    expect(parsed(api.call('calendar.ics', { caseIds: [caseId], include: ['deadlines'] }).text).summaries).toEqual(['Hearing day']);
  });
});
