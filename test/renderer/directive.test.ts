// @vitest-environment jsdom
// The directive's save-as-you-go store against the real core: a field saves after a pause or at once, at the version
// last read; someone else's change to another field is taken in, to the same field is left to the user; a refusal
// keeps the text beside the reason; a date that moves deadlines asks in the schedule dialog first.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useCases } from '../../renderer/state/cases.js';
import { overallSaveState, SAVE_PAUSE_MS, textOf, useDirective, valueOf } from '../../renderer/state/directive.js';
import { saveEverythingWaiting } from '../../renderer/state/pending-saves.js';
import { useScheduleConfirm } from '../../renderer/state/schedule-confirm.js';
import { newCase } from '../helpers.js';
import { connectRenderer, settle } from './connect.js';

afterEach(() => vi.useRealTimers());

async function loaded() {
  const core = connectRenderer();
  const info = newCase(core);
  await useCases.getState().refresh();
  await useDirective.getState().load(info.caseId);
  return { core, caseId: info.caseId };
}

const directive = () => useDirective.getState();

describe('the directive store', () => {
  it('loads the directive of a case', async () => {
    const { caseId } = await loaded();
    expect(directive()).toMatchObject({ caseId, loadError: null, drafts: {}, saves: {} });
    expect(directive().record?.title).toBe('Export-control suspension order');
  });

  it('says why a directive could not be read', async () => {
    const core = connectRenderer();
    const info = newCase(core);
    core.call('case.close', { caseId: info.caseId });
    await directive().load(info.caseId);
    expect(directive().record).toBeNull();
    expect(directive().loadError).toMatch(/not open/i);
  });

  it('keeps what is typed and saves it after a pause in typing', async () => {
    const { core, caseId } = await loaded();
    vi.useFakeTimers();
    directive().edit('summary', 'Suspends licences for');
    directive().edit('summary', 'Suspends licences for dual-use exports');
    expect(directive().drafts.summary).toBe('Suspends licences for dual-use exports');
    expect(overallSaveState(directive().saves, directive().drafts)).toEqual({ state: 'pending', text: 'Editing…' });
    await vi.advanceTimersByTimeAsync(SAVE_PAUSE_MS);
    await directive().flushAll();
    expect(core.call('directive.get', { caseId }).summary).toBe('Suspends licences for dual-use exports');
    expect(directive().drafts).toEqual({});
    expect(directive().saves.summary).toEqual({ state: 'saved' });
    expect(overallSaveState(directive().saves, directive().drafts)).toEqual({ state: 'saved', text: 'All changes saved' });
  });

  it('saves at once on commit, and a list one item a line', async () => {
    const { core, caseId } = await loaded();
    await directive().commit('authoritiesCited', '15 CFR 744\n\n  50 USC 4813  ');
    expect(core.call('directive.get', { caseId }).authoritiesCited).toEqual(['15 CFR 744', '50 USC 4813']);
    expect(textOf('authoritiesCited', directive().record?.authoritiesCited)).toBe('15 CFR 744\n50 USC 4813');
  });

  it('sends nothing for text that is what is stored', async () => {
    const { core, caseId } = await loaded();
    const version = directive().record!.version;
    await directive().commit('title', 'Export-control suspension order');
    expect(core.call('directive.get', { caseId }).version).toBe(version);
    expect(directive().saves.title).toBeUndefined();
  });

  it('keeps a refused title beside the reason the core gave for that field', async () => {
    const { core, caseId } = await loaded();
    await directive().commit('title', '   ');
    expect(directive().saves.title?.state).toBe('error');
    expect(directive().saves.title?.message).toMatch(/empty|required|at least/i);
    expect(directive().drafts.title).toBe('   ');
    expect(core.call('directive.get', { caseId }).title).toBe('Export-control suspension order');
    expect(overallSaveState(directive().saves, directive().drafts)).toEqual({ state: 'error', text: 'One change is not saved' });
  });

  it('never sends a date its input refused, and says why when it would have been saved', async () => {
    const { core, caseId } = await loaded();
    directive().edit('receivedOn', '', 'there is no 30 February');
    await directive().commit('receivedOn');
    expect(directive().saves.receivedOn).toEqual({ state: 'error', message: 'there is no 30 February' });
    expect(core.call('directive.get', { caseId }).receivedOn).toBeNull();
  });

  it('takes in someone else\'s change to another field and saves its own on top', async () => {
    const { core, caseId } = await loaded();
    core.call('directive.update', { caseId, changes: { counterparty: 'Bureau of Industry and Security' } });
    await directive().commit('summary', 'Suspends dual-use licences');
    const stored = core.call('directive.get', { caseId });
    expect(stored).toMatchObject({ counterparty: 'Bureau of Industry and Security', summary: 'Suspends dual-use licences' });
    expect(directive().record).toEqual(stored);
    expect(directive().saves.summary).toEqual({ state: 'saved' });
  });

  it('leaves a clash on the same field to the user, keeping their text', async () => {
    const { core, caseId } = await loaded();
    core.call('directive.update', { caseId, changes: { summary: 'Their summary' } });
    await directive().commit('summary', 'Our summary');
    expect(directive().saves.summary).toMatchObject({ state: 'error', conflict: true });
    expect(directive().drafts.summary).toBe('Our summary');
    expect(core.call('directive.get', { caseId }).summary).toBe('Their summary');
    await directive().reload();
    expect(directive().drafts).toEqual({});
    expect(directive().record?.summary).toBe('Their summary');
  });

  it('puts a new title in the list of open cases', async () => {
    const { caseId } = await loaded();
    await directive().commit('title', 'Suspension order, amended');
    expect(useCases.getState().open.find((c) => c.caseId === caseId)?.title).toBe('Suspension order, amended');
  });

  it('saves what waits for a pause when the app saves everything (before locking), and before loading another case', async () => {
    const { core, caseId } = await loaded();
    vi.useFakeTimers();
    directive().edit('scope', 'All dual-use items');
    await saveEverythingWaiting();
    expect(core.call('directive.get', { caseId }).scope).toBe('All dual-use items');

    directive().edit('subject', 'Licences');
    const other = core.call('case.create', { path: `${core.dir}/other.parley`, directive: { title: 'Another order', status: 'received' } });
    await directive().load(other.caseId);
    expect(core.call('directive.get', { caseId }).subject).toBe('Licences');
    expect(directive()).toMatchObject({ caseId: other.caseId, drafts: {} });
  });

  it('asks in the schedule dialog before a date that deadlines count from moves them; cancelled, the text stays unsaved', async () => {
    const { core, caseId } = await loaded();
    await directive().commit('receivedOn', '2026-03-02');
    const received = core.call('event.list', { caseId }).find((e) => e.directiveDate === 'receivedOn')!;
    core.call('deadline.create', {
      caseId,
      fields: { title: 'Response due', deadlineKind: 'response', status: 'open', dueType: 'date', triggerEventId: received.id, rule: { amount: 30, unit: 'calendar_days', direction: 'after', roll: 'forward' } },
    });
    const saving = directive().commit('receivedOn', '2026-03-09');
    await vi.waitFor(() => expect(useScheduleConfirm.getState().waiting).not.toBeNull());
    expect(useScheduleConfirm.getState().waiting).toMatchObject({ caseId, request: { change: { kind: 'directive', changes: { receivedOn: '2026-03-09' } } } });
    useScheduleConfirm.getState().close(false);
    await saving;
    expect(directive().saves.receivedOn?.state).toBe('error');
    expect(directive().saves.receivedOn?.message).toMatch(/not confirmed/);
    expect(directive().drafts.receivedOn).toBe('2026-03-09');
    expect(core.call('directive.get', { caseId }).receivedOn).toBe('2026-03-02');

    // Confirmed in the dialog (which applies the change through the core), the store reads the directive again.
    const again = directive().commit('receivedOn', '2026-03-09');
    await vi.waitFor(() => expect(useScheduleConfirm.getState().waiting).not.toBeNull());
    const { request } = useScheduleConfirm.getState().waiting!;
    core.call('schedule.confirm', { caseId, change: request.change, reason: 'The order was served a week later' });
    useScheduleConfirm.getState().close(true);
    await again;
    await settle();
    expect(directive().record?.receivedOn).toBe('2026-03-09');
    expect(directive().saves.receivedOn).toEqual({ state: 'saved' });
    expect(directive().drafts).toEqual({});
  });
});

describe('textOf and valueOf', () => {
  it('turn a stored value into the text a field shows and back', () => {
    expect(textOf('summary', null)).toBe('');
    expect(textOf('authoritiesCited', ['a', 'b'])).toBe('a\nb');
    expect(valueOf('summary', '  ')).toBeNull();
    expect(valueOf('title', '')).toBe('');
    expect(valueOf('authoritiesCited', '\n \n')).toBeNull();
  });
});
