// @vitest-environment jsdom
// The meetings store against the real core: a case's meetings with the parties and issues they refer to, the
// meeting opened with everything attached to it, changes put in place as the core returns them, deletes undone.
import { describe, expect, it, vi } from 'vitest';
import { orderMeetings, problemOf, useMeetings, type Meeting } from '../../renderer/state/meetings.js';
import { useDeleteQuestion } from '../../renderer/state/deleting.js';
import { undoLast, useCaseUndo } from '../../renderer/state/undo.js';
import { useScheduleConfirm } from '../../renderer/state/schedule-confirm.js';
import { ApiFailure } from '../../renderer/api/client.js';
import { newCase } from '../helpers.js';
import { connectRenderer } from './connect.js';

const meetings = () => useMeetings.getState();

async function caseWithMeeting() {
  const core = connectRenderer();
  const { caseId } = newCase(core);
  const first = core.call('meeting.create', { caseId, fields: { title: 'First meeting with the Bureau', status: 'held', meetingDate: '2026-03-10' } });
  core.call('party.create', { caseId, fields: { name: 'Bureau of Industry and Security', partyKind: 'organization', side: 'theirs' } });
  core.call('issue.create', { caseId, fields: { title: 'Scope of the suspension', priority: 'high', status: 'open' } });
  await meetings().load(caseId);
  return { core, caseId, first };
}

describe('the meetings store', () => {
  it('loads a case\'s meetings, parties and issues', async () => {
    const { caseId, first } = await caseWithMeeting();
    expect(meetings()).toMatchObject({ caseId, status: 'ready', error: null, selectedId: null, detail: null });
    expect(meetings().meetings.map((m) => m.id)).toEqual([first.id]);
    expect(meetings().parties.map((p) => p.name)).toEqual(['Bureau of Industry and Security']);
    expect(meetings().issues.map((i) => i.title)).toEqual(['Scope of the suspension']);
  });

  it('says why the meetings could not be read', async () => {
    const core = connectRenderer();
    const info = newCase(core);
    core.call('case.close', { caseId: info.caseId });
    await meetings().load(info.caseId);
    expect(meetings().status).toBe('error');
    expect(meetings().error).toMatch(/not open/i);
  });

  it('opens a meeting with what is attached to it, and remembers it for the next visit in this tab', async () => {
    const { core, caseId, first } = await caseWithMeeting();
    const attendee = core.call('attendee.create', { caseId, fields: { meetingId: first.id, name: 'Deputy Assistant Secretary', side: 'theirs' } });
    const other = core.call('meeting.create', { caseId, fields: { title: 'Second meeting', status: 'planned' } });
    core.call('note.create', { caseId, fields: { meetingId: other.id, body: 'Not this meeting’s note' } });
    await meetings().select(first.id);
    expect(meetings().detail).toMatchObject({ meetingId: first.id, notes: [], decisions: [], actionItems: [], concessions: [] });
    expect(meetings().detail?.attendees.map((a) => a.id)).toEqual([attendee.id]);

    // Leaving the screen and coming back (the store emptied, as by the lock): the meeting opens again.
    useMeetings.setState(useMeetings.getInitialState(), true);
    await meetings().load(caseId);
    expect(meetings().selectedId).toBe(first.id);
    expect(meetings().detail?.attendees).toHaveLength(1);
    await meetings().select(null);
    expect(meetings().detail).toBeNull();
  });

  it('creates a meeting and opens it', async () => {
    const { core, caseId } = await caseWithMeeting();
    const created = await meetings().createMeeting({ title: 'Technical session', status: 'planned', meetingDate: '2026-04-02', startTime: '10:00' });
    expect(core.call('meeting.get', { caseId, id: created.id })).toEqual(created);
    expect(meetings().selectedId).toBe(created.id);
    expect(meetings().meetings.map((m) => m.title)).toContain('Technical session');
    expect(meetings().detail?.meetingId).toBe(created.id);
  });

  it('adds, changes and deletes what is attached to the open meeting; the case\'s undo brings the delete back', async () => {
    const { core, caseId, first } = await caseWithMeeting();
    await meetings().select(first.id);
    const decision = await meetings().add('decision', { meetingId: first.id, text: 'Ask for a thirty-day extension.' });
    expect(meetings().detail?.decisions.map((d) => d.text)).toEqual(['Ask for a thirty-day extension.']);
    const changed = await meetings().update('decision', decision.id, { text: 'Ask for a sixty-day extension.' });
    expect(changed.version).toBe(2);
    expect(meetings().detail?.decisions.map((d) => d.text)).toEqual(['Ask for a sixty-day extension.']);

    // The decision has a history (it was changed): the user is asked first, and a kept one stays.
    let removing = meetings().remove('decision', decision.id);
    await vi.waitFor(() => expect(useDeleteQuestion.getState().asking?.message).toMatch(/^Delete the decision “Ask for a sixty-day extension\.”\? Its history of 1 change goes with it/));
    useDeleteQuestion.getState().answer(false);
    await removing;
    expect(core.call('decision.list', { caseId })).toHaveLength(1);

    removing = meetings().remove('decision', decision.id);
    await vi.waitFor(() => expect(useDeleteQuestion.getState().asking).not.toBeNull());
    useDeleteQuestion.getState().answer(true);
    await removing;
    expect(meetings().detail?.decisions).toEqual([]);
    expect(core.call('decision.list', { caseId })).toEqual([]);
    await vi.waitFor(() => expect(useCaseUndo.getState().notice?.offers).toMatch(/^deleting the decision/));
    await undoLast(caseId, useCaseUndo.getState().notice!.offers!);
    expect(core.call('decision.list', { caseId }).map((d) => d.id)).toEqual([decision.id]);
  });

  it('takes a record moved to another meeting out of the open one', async () => {
    const { caseId, first } = await caseWithMeeting();
    const second = await meetings().createMeeting({ title: 'Second meeting', status: 'planned', meetingDate: null, startTime: null });
    await meetings().select(first.id);
    const note = await meetings().add('note', { meetingId: first.id, body: 'They hinted at a carve-out.' });
    await meetings().update('note', note.id, { meetingId: second.id });
    expect(meetings().detail?.notes).toEqual([]);
    expect(meetings().caseId).toBe(caseId);
  });

  it('deleting the open meeting closes it; with nothing attached, it goes without asking', async () => {
    const { first } = await caseWithMeeting();
    await meetings().select(first.id);
    await meetings().remove('meeting', first.id);
    expect(useDeleteQuestion.getState().asking).toBeNull();
    expect(meetings().meetings).toEqual([]);
    expect(meetings().selectedId).toBeNull();
  });

  it('keeps a failed delete as the problem to show', async () => {
    const { core, caseId, first } = await caseWithMeeting();
    core.call('meeting.delete', { caseId, id: first.id });
    await meetings().remove('meeting', first.id);
    expect(meetings().problem).toMatch(/^Could not delete: /);
    meetings().dismissProblem();
    expect(meetings().problem).toBeNull();
  });

  it('throws a refused change to the field, with the field\'s own reason', async () => {
    const { first } = await caseWithMeeting();
    const refusal = await meetings().update('meeting', first.id, { title: '' }).catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(ApiFailure);
    expect(problemOf(refusal, 'title')).toMatch(/empty|at least/i);
    expect(problemOf(new Error('disk full'))).toBe('Something went wrong: disk full');
  });

  it('asks in the schedule dialog before a meeting\'s new date moves deadlines', async () => {
    const { core, caseId, first } = await caseWithMeeting();
    core.call('deadline.create', {
      caseId,
      fields: { title: 'Follow-up letter', deadlineKind: 'response', status: 'open', dueType: 'date', triggerMeetingId: first.id, rule: { amount: 5, unit: 'business_days', direction: 'after', roll: 'forward' } },
    });
    const saving = meetings().update('meeting', first.id, { meetingDate: '2026-03-17' });
    await vi.waitFor(() => expect(useScheduleConfirm.getState().waiting).not.toBeNull());
    const { request } = useScheduleConfirm.getState().waiting!;
    expect(request.title).toBe('Change the date of “First meeting with the Bureau”');
    core.call('schedule.confirm', { caseId, change: request.change, reason: 'Moved at the Bureau’s request' });
    useScheduleConfirm.getState().close(true);
    expect((await saving).meetingDate).toBe('2026-03-17');
    expect(meetings().meetings[0]?.meetingDate).toBe('2026-03-17');
  });
});

describe('orderMeetings', () => {
  it('puts upcoming meetings first, soonest first and undated last, then past ones, latest first', () => {
    const m = (title: string, meetingDate: string | null, startTime: string | null = null) => ({ title, meetingDate, startTime }) as Meeting;
    const { upcoming, past } = orderMeetings([m('past-early', '2026-01-05'), m('undated', null), m('today-late', '2026-03-01', '15:00'), m('today-early', '2026-03-01', '09:00'), m('past-late', '2026-02-20')], '2026-03-01');
    expect(upcoming.map((x) => x.title)).toEqual(['today-early', 'today-late', 'undated']);
    expect(past.map((x) => x.title)).toEqual(['past-late', 'past-early']);
  });
});
