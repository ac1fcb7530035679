import { describe, expect, it } from 'vitest';
import {
  dueReminders, reminderAnchor, reminderOffsetsFor, DEFAULT_REMINDER_OFFSETS_MINUTES, type DeadlineInput,
} from '../../shared/deadlines/index.js';

const DAY = 24 * 60;
const HOUR = 60;
const NEW_YORK = { timeZone: 'America/New_York' };

const responseDue: DeadlineInput = {
  id: 'response', title: 'Response due', deadlineKind: 'response', status: 'open',
  dueType: 'datetime', dueDate: '2027-01-06', dueTime: '17:00', timeZone: 'America/New_York', // 22:00 UTC
};
const internalReview: DeadlineInput = {
  id: 'review', title: 'Internal review', deadlineKind: 'internal', status: 'open', dueType: 'date', dueDate: '2027-01-04',
};

describe('reminder offsets', () => {
  it('default by kind: a week, a day and two hours before for legal deadlines; less for the rest', () => {
    expect(DEFAULT_REMINDER_OFFSETS_MINUTES.statutory).toEqual([7 * DAY, DAY, 2 * HOUR]);
    expect(reminderOffsetsFor(responseDue)).toEqual([7 * DAY, DAY, 2 * HOUR]);
    expect(reminderOffsetsFor({ deadlineKind: 'meeting' })).toEqual([DAY, HOUR]);
    expect(reminderOffsetsFor(internalReview)).toEqual([DAY]);
  });

  it('are the deadline\'s own when it has them, earliest first; an empty list means none', () => {
    expect(reminderOffsetsFor({ deadlineKind: 'statutory', reminderOffsetsMinutes: [30, 3 * DAY, 30] })).toEqual([3 * DAY, 30]);
    expect(reminderOffsetsFor({ deadlineKind: 'statutory', reminderOffsetsMinutes: [] })).toEqual([]);
  });

  it('count back from the due instant, or from the start of a date-only deadline\'s day where the user is', () => {
    expect(reminderAnchor(responseDue, 'Asia/Tokyo')?.toISOString()).toBe('2027-01-06T22:00:00.000Z');
    expect(reminderAnchor(internalReview, 'America/New_York')?.toISOString()).toBe('2027-01-04T05:00:00.000Z');
    expect(reminderAnchor({ ...internalReview, dueType: 'tbd', dueDate: null }, 'UTC')).toBeNull();
  });
});

describe('reminders due', () => {
  it('are none before the first offset', () => {
    expect(dueReminders([responseDue], new Date('2026-12-30T21:59:00Z'), {}, NEW_YORK)).toEqual([]);
  });

  it('list the latest reminder to have fallen due, counting those that fell due while the app was closed', () => {
    // The app was closed from before the week-ahead reminder until after the day-ahead one.
    const [reminder, ...others] = dueReminders([responseDue], new Date('2027-01-06T12:00:00Z'), {}, NEW_YORK);
    expect(others).toEqual([]);
    expect(reminder).toEqual({
      key: 'response|1440|2027-01-06T22:00:00Z', deadlineId: 'response', title: 'Response due', deadlineKind: 'response',
      offsetMinutes: DAY, fellDueAt: '2027-01-05T22:00:00Z', anchorAt: '2027-01-06T22:00:00Z', overdue: false, earlierReminders: 1,
    });
  });

  it('stay away once dismissed, until a later one falls due', () => {
    const now = new Date('2027-01-06T12:00:00Z');
    const dismissed = { dismissed: ['response|1440|2027-01-06T22:00:00Z'] };
    expect(dueReminders([responseDue], now, dismissed, NEW_YORK)).toEqual([]);
    const twoHoursBefore = dueReminders([responseDue], new Date('2027-01-06T20:00:00Z'), dismissed, NEW_YORK);
    expect(twoHoursBefore.map((r) => r.offsetMinutes)).toEqual([2 * HOUR]);
  });

  it('come back when a snooze ends', () => {
    const snoozed = { snoozedUntil: { 'response|1440|2027-01-06T22:00:00Z': '2027-01-06T15:00:00Z' } };
    expect(dueReminders([responseDue], new Date('2027-01-06T14:59:00Z'), snoozed, NEW_YORK)).toEqual([]);
    expect(dueReminders([responseDue], new Date('2027-01-06T15:00:00Z'), snoozed, NEW_YORK)).toHaveLength(1);
  });

  it('come back when the deadline moves, since the dismissed one was for the old date', () => {
    const moved = { ...responseDue, dueDate: '2027-01-07' };
    const dismissed = { dismissed: ['response|1440|2027-01-06T22:00:00Z'] };
    expect(dueReminders([moved], new Date('2027-01-06T23:00:00Z'), dismissed, NEW_YORK).map((r) => r.key))
      .toEqual(['response|1440|2027-01-07T22:00:00Z']);
  });

  it('say when the deadline has passed: a date-only one at the end of its day', () => {
    const lateOnTheDay = dueReminders([internalReview], new Date('2027-01-05T04:59:00Z'), {}, NEW_YORK);
    expect(lateOnTheDay[0]).toMatchObject({ overdue: false, fellDueAt: '2027-01-03T05:00:00Z' });
    expect(dueReminders([internalReview], new Date('2027-01-05T05:00:00Z'), {}, NEW_YORK)[0]?.overdue).toBe(true);
    expect(dueReminders([responseDue], new Date('2027-01-06T22:00:00Z'), {}, NEW_YORK)[0]?.overdue).toBe(true);
  });

  it('leave out deadlines that are done, waived, deleted, TBD or without reminders, and put the most urgent first', () => {
    const now = new Date('2027-01-06T12:00:00Z');
    const deadlines: DeadlineInput[] = [
      responseDue,
      internalReview,
      { ...responseDue, id: 'done', status: 'done' },
      { ...responseDue, id: 'waived', status: 'waived' },
      { ...responseDue, id: 'deleted', deletedAt: '2027-01-01T00:00:00Z' },
      { ...responseDue, id: 'unknown', dueType: 'tbd', dueDate: null, dueTime: null },
      { ...responseDue, id: 'silent', reminderOffsetsMinutes: [] },
    ];
    expect(dueReminders(deadlines, now, {}, NEW_YORK).map((r) => r.deadlineId)).toEqual(['review', 'response']);
  });
});
