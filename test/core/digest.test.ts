// The daily digest (library.digest) through the real dispatcher and case files: what falls due now, and the changes
// others made since the user last marked it read (the profile's digestReadAt); and the notification settings'
// checks (quiet hours, the digest's time).
import { describe, expect, it } from 'vitest';
import { digestPhrases } from '../../shared/digest.js';
import { newCase, testApi } from '../helpers.js';

const NOW = '2027-03-10T09:00:00Z';
const TODAY = '2027-03-10';

describe('library.digest', () => {
  it('lists what falls due now and the changes others made since the digest was last read', () => {
    const api = testApi();
    const { caseId } = newCase(api, 'order.parley', 'Data localisation order');
    const deadline = (title: string, dueDate: string) => api.call('deadline.create', { caseId, fields: { title, deadlineKind: 'response', status: 'open', dueType: 'date', dueDate } });
    deadline('Overdue reply', '2027-03-08');
    deadline('Reply in two days', '2027-03-12');
    deadline('Reply next month', '2027-04-10');
    api.call('actionItem.create', { caseId, fields: { title: 'Call the ministry', status: 'open', dueDate: TODAY } });
    api.call('actionItem.create', { caseId, fields: { title: 'Send the map', status: 'open', dueDate: '2027-03-11' } });
    // The changes above were made under another name than the one the user now goes by: a colleague's, as a merge
    // would bring them in.
    api.call('profile.set', { displayName: 'Dana Whitfield' });

    const first = api.call('library.digest', { now: new Date().toISOString(), timeZone: 'UTC' });
    expect(first.sinceRead).toBe(false);
    expect(first.changesByOthers).toEqual([expect.objectContaining({ caseId, caseTitle: 'Data localisation order', count: 6, by: ['Test Counsel'] })]);

    const dueNow = api.call('library.digest', { now: NOW, timeZone: 'UTC' });
    expect(dueNow.today).toBe(TODAY);
    expect(dueNow.deadlinesSoon.map((d) => d.title)).toEqual(['Overdue reply', 'Reply in two days']);
    expect(dueNow.actionItemsDue.map((a) => a.title)).toEqual(['Call the ministry']);
    // Their reminders are due too, but the deadlines are listed already: only reminders of later deadlines are.
    expect(dueNow.remindersDue).toEqual([]);
    const weekBefore = api.call('library.digest', { now: '2027-04-03T09:00:00Z', timeZone: 'UTC' });
    expect(weekBefore.remindersDue.map((r) => r.title)).toEqual(['Reply next month']);
    expect(weekBefore.deadlinesSoon.map((d) => d.title)).toEqual(['Overdue reply', 'Reply in two days']);
    expect(dueNow.conflicts).toEqual([]);

    // Read: the changes are counted from then on, and only others' count.
    api.call('settings.set', { digestReadAt: new Date().toISOString() });
    api.call('actionItem.create', { caseId, fields: { title: 'My own note to self', status: 'open' } });
    const read = api.call('library.digest', { now: NOW, timeZone: 'UTC' });
    expect(read.sinceRead).toBe(true);
    expect(read.changesByOthers).toEqual([]);
    expect(digestPhrases(read)).toEqual(['2 deadlines overdue or in the next 3 days', '1 action item due']);
  });

  it('refuses quiet hours that start and end at once, and a digest time that is not a time of day, in words', () => {
    const api = testApi();
    const same = api.fail('settings.set', { quietHours: { from: '22:00', to: '22:00' } }, 'invalid_input');
    expect(same.message).toMatch(/must start and end at different times/);
    const late = api.fail('settings.set', { digestAt: '25:00' }, 'invalid_input');
    expect(late.message).toMatch(/must be a time of day as HH:mm/);
    const set = api.call('settings.set', { quietHours: { from: '20:00', to: '07:00' }, digestAt: null });
    expect(set.settings).toMatchObject({ quietHours: { from: '20:00', to: '07:00' }, digestAt: null });
    expect(api.call('profile.get', {}).settings.digestAt).toBeNull();
  });
});
