// @vitest-environment jsdom
// The renderer's small stores that hold no data of the core: the problem dialog, the passphrase question, the
// saves waiting for a pause, the schedule question, the route, the theme and the palette.
import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../../renderer/api/client.js';
import { hashOf, routeFromHash, go, useNavigation, type Route } from '../../renderer/state/navigation.js';
import { askPassphrase, usePassphrasePrompt } from '../../renderer/state/passphrase-prompt.js';
import { saveEverythingWaiting, whileEditing } from '../../renderer/state/pending-saves.js';
import { showProblem, useProblem } from '../../renderer/state/problem.js';
import { NotConfirmed, needsConfirmation, saveOrConfirm, useScheduleConfirm } from '../../renderer/state/schedule-confirm.js';
import { useTheme } from '../../renderer/state/theme.js';
import { showPalette, usePalette } from '../../renderer/shell/palette/palette-state.js';
import { settle } from './connect.js';

afterEach(() => {
  localStorage.clear();
  window.location.hash = '';
});

describe('the problem dialog store', () => {
  it('holds one problem until it is dismissed', () => {
    showProblem({ title: 'The file is not there', message: 'No such file', detail: '/cases/gone.parley' });
    showProblem({ title: 'This case file is damaged', message: 'The file is damaged' });
    expect(useProblem.getState().problem?.title).toBe('This case file is damaged');
    useProblem.getState().dismiss();
    expect(useProblem.getState().problem).toBeNull();
  });
});

describe('the passphrase question', () => {
  it('resolves to the answer, and a new question cancels the one still open', async () => {
    const first = askPassphrase({ fileName: 'a.parley', error: null });
    const second = askPassphrase({ fileName: 'b.parley', error: 'Wrong passphrase' });
    expect(await first).toBeNull();
    expect(usePassphrasePrompt.getState().question).toEqual({ fileName: 'b.parley', error: 'Wrong passphrase' });
    usePassphrasePrompt.getState().answer!({ passphrase: 'correct horse battery staple', remember: true });
    expect(await second).toEqual({ passphrase: 'correct horse battery staple', remember: true });
    expect(usePassphrasePrompt.getState()).toMatchObject({ question: null, answer: null });
  });
});

describe('saves waiting for a pause', () => {
  it('are all saved at once, a failed one not stopping the rest, until unregistered', async () => {
    const saved: string[] = [];
    const stopA = whileEditing(async () => void saved.push('a'));
    const stopB = whileEditing(async () => {
      throw new Error('refused');
    });
    const stopC = whileEditing(async () => void saved.push('c'));
    await saveEverythingWaiting();
    expect(saved).toEqual(['a', 'c']);
    stopA();
    stopB();
    await saveEverythingWaiting();
    expect(saved).toEqual(['a', 'c', 'c']);
    stopC();
  });
});

describe('the schedule question', () => {
  const request = { change: { kind: 'deadline' as const, id: '0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e01', changes: { dueDate: '2026-05-01' } }, title: 'Move “Response”' };
  const needs = new ApiFailure('deadline.update', { code: 'needs_confirmation', message: 'Other deadlines count from this one.' });

  it('saveOrConfirm returns the save\'s result when nothing else moves', async () => {
    expect(await saveOrConfirm('case-1', async () => 'saved', () => request)).toBe('saved');
    expect(useScheduleConfirm.getState().waiting).toBeNull();
  });

  it('asks when the core says deadlines would move: null once confirmed, NotConfirmed when cancelled', async () => {
    const confirmed = saveOrConfirm('case-1', () => Promise.reject(needs), () => request);
    await settle();
    expect(useScheduleConfirm.getState().waiting).toMatchObject({ caseId: 'case-1', request });
    useScheduleConfirm.getState().close(true);
    expect(await confirmed).toBeNull();

    const cancelled = saveOrConfirm('case-1', () => Promise.reject(needs), () => request);
    await settle();
    useScheduleConfirm.getState().close(false);
    await expect(cancelled).rejects.toBeInstanceOf(NotConfirmed);
    expect(useScheduleConfirm.getState().waiting).toBeNull();
  });

  it('passes any other failure on, and a new question cancels the one waiting', async () => {
    const other = new ApiFailure('deadline.update', { code: 'conflict', message: 'Changed meanwhile.' });
    await expect(saveOrConfirm('case-1', () => Promise.reject(other), () => request)).rejects.toBe(other);
    expect(needsConfirmation(other)).toBe(false);
    const first = useScheduleConfirm.getState().ask('case-1', request);
    const second = useScheduleConfirm.getState().ask('case-1', { ...request, title: 'Another' });
    expect(await first).toBe(false);
    useScheduleConfirm.getState().close(true);
    expect(await second).toBe(true);
  });
});

describe('navigation', () => {
  it('reads a route from the address and writes it back the same', () => {
    const routes: Route[] = [
      { screen: 'library' },
      { screen: 'new-case' },
      { screen: 'case', caseId: 'c 1', section: 'deadlines' },
      { screen: 'case', caseId: 'c1', section: 'negotiation', record: 'r/1' },
    ];
    for (const route of routes) expect(routeFromHash(hashOf(route))).toEqual(route);
    expect(routeFromHash('#/case/c1/nowhere')).toEqual({ screen: 'case', caseId: 'c1', section: 'overview' });
    expect(routeFromHash('#/elsewhere')).toEqual({ screen: 'library' });
  });

  it('go changes the address, and the route follows it (back and forward work)', async () => {
    go({ screen: 'case', caseId: 'c1', section: 'timeline' });
    await settle();
    expect(window.location.hash).toBe('#/case/c1/timeline');
    expect(useNavigation.getState().route).toEqual({ screen: 'case', caseId: 'c1', section: 'timeline' });
    window.location.hash = '#/new';
    await settle();
    expect(useNavigation.getState().route).toEqual({ screen: 'new-case' });
  });
});

describe('the theme', () => {
  it('follows the system until chosen, keeps the choice and marks the page with it', () => {
    expect(useTheme.getState().choice).toBe('system');
    useTheme.getState().choose('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem('parley.theme')).toBe('dark');
    useTheme.getState().choose('system');
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });
});

describe('the palette', () => {
  it('opens and closes', () => {
    showPalette();
    expect(usePalette.getState().open).toBe(true);
    usePalette.getState().hide();
    expect(usePalette.getState().open).toBe(false);
  });
});
