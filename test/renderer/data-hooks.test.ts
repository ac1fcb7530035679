// @vitest-environment jsdom
// The hooks a screen reads its own data with (renderer/state/data.ts), rendered in React against the real core:
// what they read, when they read again, and what they show meanwhile.
import { describe, expect, it, vi } from 'vitest';
import type { OpName } from '../../shared/contract.js';
import type { ListOptions } from '../../renderer/state/records.js';
import { useRead, useRecords, type ReadOptions } from '../../renderer/state/data.js';
import { newCase, type TestApi } from '../helpers.js';
import { connectRenderer } from './connect.js';
import { renderHook, update, waitFor } from './render-hook.js';

function caseWithIssues(core: TestApi) {
  const { caseId } = newCase(core);
  const issue = (title: string) => core.call('issue.create', { caseId, fields: { title, priority: 'high', status: 'open' } });
  return { caseId, scope: issue('Scope of the suspension'), term: issue('Length of the suspension') };
}

/** Holds the calls of one operation at the transport until released, the rest going through as they come. */
function hold(name: OpName) {
  const bridge = window.parley!;
  const send = bridge[name] as (input: unknown) => Promise<unknown>;
  const waiting: (() => void)[] = [];
  (bridge as Record<string, unknown>)[name] = (input: unknown) => new Promise<void>((resolve) => waiting.push(resolve)).then(() => send(input));
  return {
    get count() {
      return waiting.length;
    },
    /** Lets the n-th held call (from 0) go through. */
    release: (n: number) => waiting[n]!(),
  };
}

describe('useRecords', () => {
  it('reads one kind of a case, typed by the kind, and keeps saves, additions and deletions in place', async () => {
    const core = connectRenderer();
    const { caseId, scope, term } = caseWithIssues(core);
    const hook = await renderHook(() => useRecords(caseId, 'issue'), null);
    expect(hook.renders[0]!.records).toBeNull();
    await waitFor(() => expect(hook.current.records?.map((i) => i.title)).toEqual([scope.title, term.title]));
    expect(hook.current.error).toBeNull();

    const renamed = core.call('issue.update', { caseId, id: scope.id, changes: { title: 'Scope, narrowed' } });
    const added = core.call('issue.create', { caseId, fields: { title: 'Reporting duties', priority: 'low', status: 'open' } });
    await update(() => {
      hook.current.put(renamed);
      hook.current.put(added);
      hook.current.drop(term.id);
    });
    await waitFor(() => expect(hook.current.records?.map((i) => [i.title, i.priority])).toEqual([['Scope, narrowed', 'high'], ['Reporting duties', 'low']]));
  });

  it('reads again when the filter changes, not when the same filter comes as a new object', async () => {
    const core = connectRenderer();
    const { caseId, scope, term } = caseWithIssues(core);
    const concession = (issueId: string, description: string) => core.call('concession.create', { caseId, fields: { issueId, direction: 'given', description } });
    concession(scope.id, 'Quarterly compliance reports');
    concession(term.id, 'No appeal before the review date');
    const reads = vi.spyOn(window.parley!, 'concession.list');
    const held = hold('concession.list');
    const hook = await renderHook((issueId: string) => useRecords(caseId, 'concession', { filter: { issueId } }), scope.id);
    await update(() => held.release(0));
    await waitFor(() => expect(hook.current.records?.map((c) => c.description)).toEqual(['Quarterly compliance reports']));
    await hook.rerender(scope.id);
    await hook.rerender(scope.id);
    expect(held.count).toBe(1);

    await hook.rerender(term.id);
    // The list of the other issue is not shown as this one's while it is read.
    expect(hook.current.records).toBeNull();
    await update(() => held.release(1));
    await waitFor(() => expect(hook.current.records?.map((c) => c.description)).toEqual(['No appeal before the review date']));
    expect(held.count).toBe(2);
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('shows the answer to the latest filter even when an older one answers last', async () => {
    const core = connectRenderer();
    const { caseId, scope, term } = caseWithIssues(core);
    core.call('positionChange.create', { caseId, fields: { issueId: scope.id, side: 'theirs', position: 'stated', value: 'All exports' } });
    core.call('positionChange.create', { caseId, fields: { issueId: term.id, side: 'theirs', position: 'stated', value: 'Two years' } });
    const held = hold('positionChange.list');
    const hook = await renderHook((issueId: string) => useRecords(caseId, 'positionChange', { filter: { issueId } }), scope.id);
    await hook.rerender(term.id);
    await waitFor(() => expect(held.count).toBe(2));
    await update(() => held.release(1));
    await waitFor(() => expect(hook.current.records?.map((c) => c.value)).toEqual(['Two years']));
    await update(() => held.release(0));
    // The first issue's answer, arriving late, is dropped.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await waitFor(() => expect(hook.current.records?.map((c) => c.value)).toEqual(['Two years']));
  });

  it('reads nothing while disabled, reads when enabled, and keeps the list when disabled again', async () => {
    const core = connectRenderer();
    const { caseId } = caseWithIssues(core);
    core.call('meeting.create', { caseId, fields: { title: 'First meeting with the Bureau', status: 'planned' } });
    const held = hold('meeting.list');
    const hook = await renderHook((enabled: boolean) => useRecords(caseId, 'meeting', { enabled }), false);
    expect(hook.current.records).toBeNull();
    expect(held.count).toBe(0);
    await hook.rerender(true);
    await update(() => held.release(0));
    await waitFor(() => expect(hook.current.records?.map((m) => m.title)).toEqual(['First meeting with the Bureau']));
    await hook.rerender(false);
    expect(hook.current.records?.map((m) => m.title)).toEqual(['First meeting with the Bureau']);
    // Opened again (a dialog), it reads again, showing the last list meanwhile.
    core.call('meeting.create', { caseId, fields: { title: 'Second meeting', status: 'planned' } });
    await hook.rerender(true);
    expect(held.count).toBe(2);
    expect(hook.current.records?.map((m) => m.title)).toEqual(['First meeting with the Bureau']);
    await update(() => held.release(1));
    await waitFor(() => expect(hook.current.records).toHaveLength(2));
  });

  it('passes list options to the core', async () => {
    const core = connectRenderer();
    const { caseId } = caseWithIssues(core);
    for (const title of ['a', 'b', 'c']) core.call('watchItem.create', { caseId, fields: { title, status: 'watching' } });
    const hook = await renderHook((options: ListOptions) => useRecords(caseId, 'watchItem', options), { limit: 2 });
    await waitFor(() => expect(hook.current.records).toHaveLength(2));
  });

  it('reload reads again with the list still shown; a failure is said in words and cleared by the next answer', async () => {
    const core = connectRenderer();
    const info = newCase(core);
    const hook = await renderHook(() => useRecords(info.caseId, 'precedent'), null);
    await waitFor(() => expect(hook.current.records).toEqual([]));
    core.call('case.close', { caseId: info.caseId });
    await update(() => hook.current.reload());
    await waitFor(() => expect(hook.current.error).toMatch(/not open/i));
    expect(hook.current.records).toEqual([]);

    core.call('case.open', { path: info.path });
    core.call('precedent.create', { caseId: info.caseId, fields: { title: 'The 2019 suspension order', precedentType: 'earlier_directive' } });
    await update(() => hook.current.reload());
    await waitFor(() => expect(hook.current.records?.map((p) => p.title)).toEqual(['The 2019 suspension order']));
    expect(hook.current.error).toBeNull();
  });
});

describe('useRead', () => {
  it('calls one operation of the contract with its input and hands back its typed answer', async () => {
    const core = connectRenderer();
    const { caseId, scope } = caseWithIssues(core);
    core.call('issue.update', { caseId, id: scope.id, changes: { ourTarget: 'Licences for allied nations' } });
    const hook = await renderHook(() => useRead('record.history', { caseId, id: scope.id }), null);
    await waitFor(() => expect(hook.current.data?.map((e) => e.operation)).toEqual(['create', 'update']));
    expect(hook.current.reading).toBe(false);
  });

  it('reads nothing for a null input', async () => {
    connectRenderer();
    const reads = vi.spyOn(window.parley!, 'library.list');
    const hook = await renderHook(() => useRead('library.list', null), null);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reads).not.toHaveBeenCalled();
    expect(hook.current).toMatchObject({ data: null, error: null, reading: false });
  });

  it('with keepPrevious, shows the last answer while the next input is read, and says it is reading', async () => {
    const core = connectRenderer();
    const { caseId, scope, term } = caseWithIssues(core);
    const held = hold('sharing.get');
    const hook = await renderHook((id: string) => useRead('sharing.get', { caseId, kind: 'issue', id }, { keepPrevious: true }), scope.id);
    await waitFor(() => expect(held.count).toBe(1));
    await update(() => held.release(0));
    await waitFor(() => expect(hook.current.data?.id).toBe(scope.id));
    await hook.rerender(term.id);
    expect(hook.current.reading).toBe(true);
    expect(hook.current.data?.id).toBe(scope.id);
    await waitFor(() => expect(held.count).toBe(2));
    await update(() => held.release(1));
    await waitFor(() => expect(hook.current.data?.id).toBe(term.id));
    expect(hook.current.reading).toBe(false);
  });

  it('reads the same input again when refreshKey changes', async () => {
    const core = connectRenderer();
    const { caseId, scope } = caseWithIssues(core);
    const hook = await renderHook((version: number) => useRead('record.history', { caseId, id: scope.id }, { refreshKey: version }), 1);
    await waitFor(() => expect(hook.current.data).toHaveLength(1));
    const saved = core.call('issue.update', { caseId, id: scope.id, changes: { status: 'agreed' } });
    await hook.rerender(saved.version);
    await waitFor(() => expect(hook.current.data).toHaveLength(2));
  });

  it('with pauseMs, reads only the input the typing stopped at', async () => {
    const core = connectRenderer();
    const { caseId } = caseWithIssues(core);
    const reads = vi.spyOn(window.parley!, 'case.search');
    const options: ReadOptions = { pauseMs: 40, keepPrevious: true };
    const hook = await renderHook((query: string) => useRead('case.search', { caseId, query }, options), 's');
    await hook.rerender('sc');
    await hook.rerender('scope');
    await waitFor(() => expect(hook.current.data?.map((h) => h.title)).toEqual(['Scope of the suspension']));
    expect(reads).toHaveBeenCalledTimes(1);
    expect(reads.mock.calls[0]![0]).toMatchObject({ query: 'scope' });
  });

  it('set changes what is shown without a read', async () => {
    const core = connectRenderer();
    const { caseId, scope } = caseWithIssues(core);
    const hook = await renderHook(() => useRead('sharing.get', { caseId, kind: 'issue', id: scope.id }), null);
    await waitFor(() => expect(hook.current.data).not.toBeNull());
    const changed = core.call('sharing.set', { caseId, kind: 'issue', id: scope.id, field: 'ourTarget', level: 'shareable' });
    await update(() => hook.current.set(() => changed));
    await waitFor(() => expect(hook.current.data?.fields.find((f) => f.field === 'ourTarget')?.level).toBe('shareable'));
  });

  it('drops an answer that arrives after the component is gone', async () => {
    const core = connectRenderer();
    const { caseId } = caseWithIssues(core);
    const held = hold('case.keyDates');
    const errors = vi.spyOn(console, 'error');
    const hook = await renderHook(() => useRead('case.keyDates', { caseId, today: '2026-05-01' }), null);
    await waitFor(() => expect(held.count).toBe(1));
    await hook.unmount();
    await update(() => held.release(0));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(errors).not.toHaveBeenCalled();
  });
});
