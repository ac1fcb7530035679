// @vitest-environment jsdom
// The deadlines store against the real core: the first page drawn at once and the rest after it, fields saved as
// the user goes (one save at a time, at the version read), a move that other deadlines hang on waiting for the move
// dialog, soft deletes undone, and the case's own reminders.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIRST_PAGE, textOfField, useCaseCalendar, useDeadlines, useFieldSave, useFieldText } from '../../renderer/state/deadlines.js';
import { saveEverythingWaiting } from '../../renderer/state/pending-saves.js';
import { useDeleteQuestion } from '../../renderer/state/deleting.js';
import { undoLast, useCaseUndo } from '../../renderer/state/undo.js';
import { newCase, type TestApi } from '../helpers.js';
import { connectRenderer } from './connect.js';
import { renderHook, update } from './render-hook.js';

afterEach(() => vi.useRealTimers());

const store = () => useDeadlines.getState();

function dated(core: TestApi, caseId: string, title: string, dueDate: string) {
  return core.call('deadline.create', { caseId, fields: { title, deadlineKind: 'response', status: 'open', dueType: 'date', dueDate } });
}

async function caseWithDeadlines() {
  const core = connectRenderer();
  const { caseId } = newCase(core);
  const response = dated(core, caseId, 'Response to the order', '2090-04-01');
  const hearing = dated(core, caseId, 'Hearing', '2090-05-15');
  await store().load(caseId);
  return { core, caseId, response, hearing };
}

describe('the deadlines store', () => {
  it('loads the deadlines, events, meetings, schedule, directive and reminders of a case', async () => {
    const { core, caseId, response, hearing } = await caseWithDeadlines();
    expect(store()).toMatchObject({ caseId, loading: false, complete: true, loadError: null, remindersRead: true });
    expect(store().deadlines.map((d) => d.id).sort()).toEqual([response.id, hearing.id].sort());
    expect(store().directive).toEqual(core.call('directive.get', { caseId }));
    expect(store().reminders).toEqual([]);
  });

  it('draws the first page before the rest of a long list is in', async () => {
    const core = connectRenderer();
    const { caseId } = newCase(core);
    for (let i = 0; i < FIRST_PAGE + 5; i++) dated(core, caseId, `Filing ${i}`, `2026-06-${String((i % 28) + 1).padStart(2, '0')}`);
    const pages: number[] = [];
    const unsubscribe = useDeadlines.subscribe((s) => pages.push(s.deadlines.length));
    await store().load(caseId);
    unsubscribe();
    expect(pages).toContain(FIRST_PAGE);
    expect(store().deadlines).toHaveLength(FIRST_PAGE + 5);
    expect(store().complete).toBe(true);
  });

  it('says why the deadlines could not be read', async () => {
    const core = connectRenderer();
    const info = newCase(core);
    core.call('case.close', { caseId: info.caseId });
    await store().load(info.caseId);
    expect(store()).toMatchObject({ loading: false, complete: false });
    expect(store().loadError).toMatch(/not open/i);
  });

  it('saves a field after a pause in typing, at the version read', async () => {
    const { core, caseId, response } = await caseWithDeadlines();
    vi.useFakeTimers();
    store().edit(response.id, 'owner', 'Dana Whitfield');
    expect(store().drafts[`${response.id}:owner`]).toBe('Dana Whitfield');
    await vi.advanceTimersByTimeAsync(700);
    await store().flushAll();
    expect(core.call('deadline.get', { caseId, id: response.id })).toMatchObject({ owner: 'Dana Whitfield', version: 2 });
    expect(store().saves[`${response.id}:owner`]).toEqual({ state: 'saved' });
    expect(store().drafts).toEqual({});
    expect(textOfField(store().deadlines.find((d) => d.id === response.id)!, 'owner')).toBe('Dana Whitfield');
  });

  it('keeps a refused title beside the core\'s reason for that field, and never sends a refused date', async () => {
    const { core, caseId, response } = await caseWithDeadlines();
    await store().commit(response.id, 'title', '');
    expect(store().saves[`${response.id}:title`]?.state).toBe('error');
    expect(store().drafts[`${response.id}:title`]).toBe('');

    store().edit(response.id, 'dueDate', '', 'there is no 31 April');
    await store().commit(response.id, 'dueDate');
    expect(store().saves[`${response.id}:dueDate`]).toEqual({ state: 'error', message: 'there is no 31 April' });
    expect(core.call('deadline.get', { caseId, id: response.id })).toMatchObject({ title: 'Response to the order', dueDate: '2090-04-01', version: 1 });
  });

  it('saves over someone else\'s change to another field, and refuses to over a change to the same field', async () => {
    const { core, caseId, response } = await caseWithDeadlines();
    core.call('deadline.update', { caseId, id: response.id, changes: { notes: 'Counsel to review' } });
    await store().commit(response.id, 'owner', 'Dana Whitfield');
    expect(core.call('deadline.get', { caseId, id: response.id })).toMatchObject({ notes: 'Counsel to review', owner: 'Dana Whitfield' });

    core.call('deadline.update', { caseId, id: response.id, changes: { title: 'Their title' } });
    await store().commit(response.id, 'title', 'Our title');
    expect(store().saves[`${response.id}:title`]).toMatchObject({ state: 'error', message: expect.stringMatching(/someone else/i) });
    expect(core.call('deadline.get', { caseId, id: response.id }).title).toBe('Their title');
  });

  it('a new date on a deadline others hang on waits in the move dialog; closing it confirmed reads them again', async () => {
    const { core, caseId, response } = await caseWithDeadlines();
    const reply = core.call('deadline.create', {
      caseId,
      fields: { title: 'Reply to their answer', deadlineKind: 'response', status: 'open', dueType: 'date', triggerDeadlineId: response.id, rule: { amount: 10, unit: 'calendar_days', direction: 'after', roll: 'none' } },
    });
    await store().refresh();
    expect(store().schedule.get(reply.id)).toBeDefined();
    await store().commit(response.id, 'dueDate', '2090-04-08');
    expect(store().pendingMove).toMatchObject({ change: { kind: 'deadline', id: response.id, changes: { dueDate: '2090-04-08' } }, fieldKey: `${response.id}:dueDate` });
    expect(core.call('deadline.get', { caseId, id: response.id }).dueDate).toBe('2090-04-01');

    core.call('schedule.confirm', { caseId, change: store().pendingMove!.change, reason: 'The order was served late' });
    await store().moveClosed(true);
    expect(store().pendingMove).toBeNull();
    expect(store().drafts).toEqual({});
    expect(store().deadlines.find((d) => d.id === reply.id)?.dueDate).toBe('2090-04-18');
  });

  it('creates a deadline and puts it in the list', async () => {
    const { core, caseId } = await caseWithDeadlines();
    const created = await store().create({ title: 'Compliance report', deadlineKind: 'compliance', status: 'open', dueType: 'tbd' });
    expect(core.call('deadline.get', { caseId, id: created.id })).toEqual(created);
    expect(store().deadlines.map((d) => d.id)).toContain(created.id);
  });

  it('deletes a deadline, asking first once it has a history; the case\'s undo brings it back; a failed delete is said', async () => {
    const { core, caseId, hearing } = await caseWithDeadlines();
    core.call('deadline.update', { caseId, id: hearing.id, changes: { notes: 'Room 4' } });
    const question = () => useDeleteQuestion.getState().asking;
    // Kept: nothing is deleted.
    let removing = store().remove(hearing.id);
    await vi.waitFor(() => expect(question()?.message).toBe('Delete the deadline “Hearing”? Its history of 1 change goes with it; you can restore it from Recently deleted.'));
    useDeleteQuestion.getState().answer(false);
    await removing;
    expect(core.call('deadline.get', { caseId, id: hearing.id }).deletedAt).toBeNull();
    // Deleted, then undone through the case's undo, which names the delete.
    removing = store().remove(hearing.id);
    await vi.waitFor(() => expect(question()).not.toBeNull());
    useDeleteQuestion.getState().answer(true);
    await removing;
    expect(store().deadlines.map((d) => d.id)).not.toContain(hearing.id);
    await vi.waitFor(() => expect(useCaseUndo.getState().notice).toMatchObject({ caseId, message: 'Deadline “Hearing” deleted.', offers: 'deleting the deadline “Hearing”' }));
    await undoLast(caseId, useCaseUndo.getState().notice!.offers!);
    expect(core.call('deadline.get', { caseId, id: hearing.id }).deletedAt).toBeNull();
    expect(useCaseUndo.getState().notice?.message).toBe('Undone: deleting the deadline “Hearing”.');

    await store().load(caseId);
    core.call('deadline.delete', { caseId, id: hearing.id });
    await store().remove(hearing.id);
    expect(store().actionError).toMatch(/^“Hearing” could not be deleted: /);
  });

  it('reads this case\'s reminders due', async () => {
    const core = connectRenderer();
    const { caseId } = newCase(core);
    // Due yesterday, with a reminder a day before: due now, and overdue.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    core.call('deadline.create', { caseId, fields: { title: 'Overdue filing', deadlineKind: 'statutory', status: 'open', dueType: 'date', dueDate: yesterday, reminderOffsetsMinutes: [1440] } });
    await store().load(caseId);
    expect(store().reminders.map((r) => r.title)).toEqual(['Overdue filing']);
  });

  it('saves what waits for a pause when the app saves everything before locking', async () => {
    const { core, caseId, hearing } = await caseWithDeadlines();
    vi.useFakeTimers();
    store().edit(hearing.id, 'notes', 'Bring the licence files');
    await saveEverythingWaiting();
    expect(core.call('deadline.get', { caseId, id: hearing.id }).notes).toBe('Bring the licence files');
  });

  it('gives a field\'s text and save state, and the case\'s calendar, to the panel', async () => {
    const { core, caseId, response } = await caseWithDeadlines();
    const record = store().deadlines.find((d) => d.id === response.id)!;
    const hook = await renderHook(() => ({ text: useFieldText(record, 'owner'), save: useFieldSave(response.id, 'owner'), calendar: useCaseCalendar() }), null);
    expect(hook.current.text).toBe('');
    await update(() => store().edit(response.id, 'owner', 'Dana'));
    expect(hook.current.text).toBe('Dana');
    expect(hook.current.save).toEqual({ save: undefined, pending: true, refused: false });
    await update(() => store().commit(response.id, 'owner'));
    expect(hook.current.save).toEqual({ save: { state: 'saved' }, pending: false, refused: false });
    // Closure days of the case's directive are days off in its calendar.
    core.call('directive.update', { caseId, changes: { closures: [{ date: '2090-04-06', name: 'Office move' }] } });
    await update(() => store().refresh());
    expect(hook.current.calendar.closedOn('2090-04-06')).toMatchObject({ name: 'Office move' });
  });
});
