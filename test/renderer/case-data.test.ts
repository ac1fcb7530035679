// @vitest-environment jsdom
// The app lock empties every store that holds case data. Stores register themselves when they are made
// (caseDataStore), so a store added tomorrow is emptied without anyone adding it to a list.
import { describe, expect, it } from 'vitest';
import { caseDataStore, resetCaseData } from '../../renderer/state/data.js';
import { useAppLock } from '../../renderer/state/app-lock.js';
import { useCases } from '../../renderer/state/cases.js';
import { newCase } from '../helpers.js';
import { connectRenderer } from './connect.js';

describe('caseDataStore', () => {
  it('makes a store that locking the app puts back to its initial state', async () => {
    const core = connectRenderer();
    const info = newCase(core);
    await useCases.getState().refresh();
    // A store made now, after every module of the app: nothing else knows of it.
    const useNotes = caseDataStore<{ text: string; caseId: string | null; write(text: string): void }>()((set) => ({
      text: '',
      caseId: null,
      write: (text) => set({ text }),
    }));
    useNotes.getState().write('Walk-away: no licence suspension beyond 90 days');
    useNotes.setState({ caseId: info.caseId });

    await useAppLock.getState().lock();

    expect(useAppLock.getState().locked).toBe(true);
    expect(useNotes.getState().text).toBe('');
    expect(useNotes.getState().caseId).toBeNull();
    // Its actions are those it was made with, and still work.
    useNotes.getState().write('after the lock');
    expect(useNotes.getState().text).toBe('after the lock');
    // The core closed the case, and the cases store is emptied too.
    expect(core.call('case.listOpen', {})).toEqual([]);
    expect(useCases.getState().open).toEqual([]);
  });

  it('resetCaseData leaves a store made with plain create alone', async () => {
    const { create } = await import('zustand');
    const useTheme = create<{ dark: boolean }>()(() => ({ dark: false }));
    const useHeld = caseDataStore<{ held: string[] }>()(() => ({ held: [] }));
    useTheme.setState({ dark: true });
    useHeld.setState({ held: ['a party name'] });
    resetCaseData();
    expect(useTheme.getState().dark).toBe(true);
    expect(useHeld.getState().held).toEqual([]);
  });
});
