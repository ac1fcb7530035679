// The overview's key dates come from the core (case.keyDates): counted and picked by the database, so that they
// agree with the deadlines themselves without the overview reading every one of them.
import { describe, expect, it } from 'vitest';
import { CaseWorld } from './support/world.js';

const TODAY = '2027-03-10';

describe('case.keyDates', () => {
  it('counts the overdue, finds the earliest of them and the next deadline, counts the undated, and finds the next planned meeting', () => {
    const w = CaseWorld.create();
    const deadline = (title: string, fields: Record<string, unknown>) =>
      w.make('deadline', { title, deadlineKind: 'internal', status: 'open', ...fields });
    deadline('Old filing', { dueType: 'date', dueDate: '2027-02-01' });
    deadline('Late reply', { dueType: 'datetime', dueDate: '2027-03-09', dueTime: '17:00', timeZone: 'Europe/Brussels' });
    deadline('Done long ago', { dueType: 'date', dueDate: '2027-01-05', status: 'done' });
    const today = deadline('Due today', { dueType: 'date', dueDate: TODAY });
    deadline('Later', { dueType: 'date', dueDate: '2027-04-01' });
    deadline('Not known', { dueType: 'tbd', dueDate: null, windowStart: '2027-05-01' });
    const gone = deadline('Deleted and overdue', { dueType: 'date', dueDate: '2027-01-01' });
    w.api.call('deadline.delete', { caseId: w.caseId, id: gone.id });
    w.make('meeting', { title: 'Past meeting', status: 'planned', meetingDate: '2027-03-01' });
    const soon = w.make('meeting', { title: 'Meeting with the ministry', status: 'planned', meetingDate: '2027-03-12' });
    w.make('meeting', { title: 'Held already', status: 'held', meetingDate: '2027-03-11' });

    const dates = w.api.call('case.keyDates', { caseId: w.caseId, today: TODAY });
    expect(dates.overdue.count).toBe(2);
    expect(dates.overdue.earliest).toMatchObject({ title: 'Old filing', dueDate: '2027-02-01' });
    expect(dates.next).toEqual({ id: today.id, title: 'Due today', dueDate: TODAY });
    expect(dates.undated).toBe(1);
    expect(dates.nextMeeting).toEqual({ id: soon.id, title: 'Meeting with the ministry', meetingDate: '2027-03-12' });
  });

  it('answers for an empty case, and refuses a day that is not a date', () => {
    const w = CaseWorld.create();
    expect(w.api.call('case.keyDates', { caseId: w.caseId, today: TODAY })).toEqual({
      today: TODAY, overdue: { count: 0, earliest: null }, next: null, undated: 0, nextMeeting: null,
    });
    expect(() => w.api.call('case.keyDates', { caseId: w.caseId, today: 'tomorrow' })).toThrow(/date/i);
  });
});
