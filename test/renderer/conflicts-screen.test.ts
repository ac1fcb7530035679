// @vitest-environment jsdom
// The Conflicts screen drawn in a real React root over the real core: a record deleted in one copy and changed in
// another is offered as "Delete it" / "Keep it"; a text field's conflict can be resolved with another value written.
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { ConflictsScreen, isFreeText } from '../../renderer/screens/conflicts/ConflictsScreen.js';
import { applyMerge } from '../../renderer/state/team.js';
import { onCleanup } from '../helpers.js';
import { connectRenderer, settle } from './connect.js';
import './render-hook.js'; // React's act() environment
import { aliceAndBobsCopy } from './two-copies.js';

/** Alice's case with an issue, Bob's copy changed by `bobChanges` and merged into hers after `aliceEdits`. */
async function merged(aliceEdits: (alice: ReturnType<typeof connectRenderer>, caseId: string, id: string) => void, bobChanges: Record<string, string>) {
  const { alice, caseId, issueId, bobFile } = await aliceAndBobsCopy(bobChanges);
  aliceEdits(alice, caseId, issueId);
  await applyMerge(caseId, { from: 'copy', path: bobFile });
  return { alice, caseId, issueId };
}

async function render(caseId: string): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => root.render(createElement(ConflictsScreen, { caseId })));
  await act(settle);
  onCleanup(() => {
    act(() => root.unmount());
    container.remove();
  });
  return container;
}

const button = (root: HTMLElement, name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === name);

describe('the Conflicts screen', () => {
  it('offers Delete it / Keep it for a record deleted in one copy and changed in another, and keeps it', async () => {
    const { alice, caseId, issueId } = await merged((a, id, issue) => a.call('issue.delete', { caseId: id, id: issue }), { ourTarget: 'Bob’s new target' });
    const screen = await render(caseId);
    expect(screen.textContent).toContain('Deleted in one copy, changed in another');
    expect(button(screen, 'Delete it (Alice Adler’s)')).toBeDefined();
    expect(screen.textContent).not.toContain('Write another value');
    await act(async () => button(screen, 'Keep it (Bob Baker’s)')!.click());
    await act(settle);
    expect(screen.textContent).toContain('Resolved: the issue “Access for foreign nationals” is kept.');
    expect(screen.textContent).toContain('No conflicts.');
    expect(alice.call('issue.get', { caseId, id: issueId })).toMatchObject({ deletedAt: null, ourTarget: 'Bob’s new target' });
  });

  it('resolves a text field with another value written, and the reason given', async () => {
    const { alice, caseId, issueId } = await merged(
      (a, id, issue) => a.call('issue.update', { caseId: id, id: issue, changes: { ourWalkaway: 'EU and UK staff' } }),
      { ourWalkaway: 'No restriction before the hearing' },
    );
    const screen = await render(caseId);
    expect(screen.querySelectorAll('.conflict-side')).toHaveLength(2);
    const [reason, written] = [screen.querySelector('input[type="text"]') as HTMLInputElement, screen.querySelector('textarea') as HTMLTextAreaElement];
    await act(async () => {
      setValue(reason, 'Both were too broad');
      setValue(written, 'EU, UK and Swiss staff');
    });
    await act(async () => button(screen, 'Save this value')!.click());
    await act(settle);
    expect(screen.textContent).toContain('Resolved: Our walk-away of “Access for foreign nationals” has the value you wrote.');
    expect(alice.call('issue.get', { caseId, id: issueId }).ourWalkaway).toBe('EU, UK and Swiss staff');
    expect(alice.call('record.history', { caseId, id: issueId }).at(-1)).toMatchObject({ actor: 'Alice Adler', reason: 'Both were too broad' });
  });

  it('offers another value only for free text', () => {
    expect(isFreeText({ kind: 'issue', field: 'ourWalkaway' })).toBe(true);
    expect(isFreeText({ kind: 'issue', field: 'priority' })).toBe(false);
    expect(isFreeText({ kind: 'meeting', field: 'meetingDate' })).toBe(false);
    expect(isFreeText({ kind: 'directive', field: 'authoritiesCited' })).toBe(false);
  });
});

/** Types into a React-controlled field: the value set as the browser would, then the input event React listens to. */
function setValue(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}
