// @vitest-environment jsdom
// The app lock, through the renderer's stores and the real core: typed text is saved first, every case is closed
// and every store that holds case data emptied, and unlocking opens each case again the way it was open.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { lockApp, useAppLock } from '../../renderer/state/app-lock.js';
import { useProfile } from '../../renderer/state/profile.js';
import { DEFAULT_SETTINGS } from '../../shared/profile.js';
import { useCaseOverview } from '../../renderer/state/case-overview.js';
import { openCase, useCases } from '../../renderer/state/cases.js';
import { useDeadlines } from '../../renderer/state/deadlines.js';
import { useDirective } from '../../renderer/state/directive.js';
import { useLibrary } from '../../renderer/state/library.js';
import { useMeetings } from '../../renderer/state/meetings.js';
import { go, useNavigation } from '../../renderer/state/navigation.js';
import { showProblem, useProblem } from '../../renderer/state/problem.js';
import { useReceivedComments } from '../../renderer/state/received-comments.js';
import { useReview } from '../../renderer/state/review.js';
import { usePalette } from '../../renderer/shell/palette/palette-state.js';
import { newCase } from '../helpers.js';
import { connectRenderer, settle } from './connect.js';

/** The app's stores that hold case data, each made with caseDataStore. */
const CASE_DATA = { useCases, useDirective, useCaseOverview, useLibrary, useReview, useReceivedComments, useMeetings, useDeadlines, usePalette, useProblem };

describe('the app lock', () => {
  it('saves typed text, closes every case, empties every store of case data, and opens each case again on unlock', async () => {
    const core = connectRenderer();
    const edited = newCase(core);
    const readOnly = newCase(core, 'read-only.parley', 'An order read only');
    core.call('case.close', { caseId: readOnly.caseId });
    await useCases.getState().refresh();
    await openCase(readOnly.path, { readOnly: true });
    const meeting = core.call('meeting.create', { caseId: edited.caseId, fields: { title: 'First meeting with the Bureau', status: 'planned' } });
    // The user is on the meeting, in the case's Meetings section.
    const where = { screen: 'case', caseId: edited.caseId, section: 'meetings', record: meeting.id } as const;
    go(where);
    await settle();

    // Each store holds something of the cases.
    await useDirective.getState().load(edited.caseId);
    useDirective.getState().edit('summary', 'Typed just before the lock');
    await useCaseOverview.getState().load(edited.caseId);
    await useLibrary.getState().load();
    await useMeetings.getState().load(edited.caseId);
    await useDeadlines.getState().load(edited.caseId);
    usePalette.getState().show();
    showProblem({ title: 'The case could not be closed', message: 'Something', detail: edited.path });
    for (const [name, store] of Object.entries(CASE_DATA)) {
      if (name !== 'useReview' && name !== 'useReceivedComments') expect(store.getState(), name).not.toEqual(store.getInitialState());
    }

    await useAppLock.getState().lock();
    expect(useAppLock.getState()).toMatchObject({ locked: true, error: null });
    expect(useAppLock.getState().toReopen).toEqual(expect.arrayContaining([{ path: edited.path, mode: 'edit' }, { path: readOnly.path, mode: 'readOnly' }]));
    expect(core.call('case.listOpen', {})).toEqual([]);
    for (const [name, store] of Object.entries(CASE_DATA)) expect(store.getState(), name).toEqual(store.getInitialState());
    await settle();
    expect(useNavigation.getState().route).toEqual({ screen: 'library' });

    // What was typed was saved before the case closed.
    core.call('case.open', { path: edited.path });
    expect(core.call('directive.get', { caseId: edited.caseId }).summary).toBe('Typed just before the lock');
    core.call('case.close', { caseId: edited.caseId });

    await useAppLock.getState().unlock();
    expect(useAppLock.getState()).toMatchObject({ locked: false, toReopen: [] });
    const open = core.call('case.listOpen', {});
    expect(open.map((c) => [c.path, c.readOnly])).toEqual(expect.arrayContaining([[edited.path, false], [readOnly.path, true]]));
    await settle();
    // Back where the user was: the same case, section and record.
    expect(useNavigation.getState().route).toEqual(where);
  });

  it('goes back to the first case opened again when the one on screen does not open again', async () => {
    const core = connectRenderer();
    const kept = newCase(core);
    const gone = newCase(core, 'moved.parley', 'An order moved away');
    await useCases.getState().refresh();
    go({ screen: 'case', caseId: gone.caseId, section: 'deadlines' });
    await settle();
    await useAppLock.getState().lock();
    fs.renameSync(gone.path, `${gone.path}.elsewhere`);
    await useAppLock.getState().unlock();
    await settle();
    expect(useNavigation.getState().route).toEqual({ screen: 'case', caseId: kept.caseId, section: 'overview' });
  });

  it('locks once: a second lock while locked does nothing', async () => {
    const core = connectRenderer();
    newCase(core);
    await useCases.getState().refresh();
    lockApp();
    await settle();
    const { toReopen } = useAppLock.getState();
    expect(toReopen).toHaveLength(1);
    await useAppLock.getState().lock();
    expect(useAppLock.getState().toReopen).toBe(toReopen);
    await useAppLock.getState().unlock();
  });

  it('with nothing open, unlocking goes to the library', async () => {
    connectRenderer();
    await useAppLock.getState().lock();
    await useAppLock.getState().unlock();
    await settle();
    expect(useNavigation.getState().route).toEqual({ screen: 'library' });
  });

  it('keeps the idle time chosen with the profile, in the data folder', async () => {
    const core = connectRenderer();
    await useProfile.getState().load();
    expect(useProfile.getState().info?.settings.lockAfterMinutes).toBe(DEFAULT_SETTINGS.lockAfterMinutes);
    await useProfile.getState().saveSettings({ lockAfterMinutes: 0 });
    expect(useProfile.getState().info?.settings.lockAfterMinutes).toBe(0);
    expect(core.call('profile.get', {}).settings.lockAfterMinutes).toBe(0);
  });
});
