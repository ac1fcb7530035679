// The app lock: after the idle time chosen in Settings (kept with the profile), or on command (the Lock button, Ctrl+Shift+L, the desktop menu), every case
// file is closed in the core and every store that holds case data (each made with caseDataStore) is emptied; only
// the lock screen is drawn, so what screens read for themselves (useRead, useRecords) goes with them.
// Unlocking opens again the cases that were open, each the way it was (for editing, read-only, for review), and goes
// back to where the user was: the same screen, case, section and record.
import { create } from 'zustand';
import type { LockedCase } from '../../shared/api-types.js';
import { messageOf } from '../api/client.js';
import { api } from '../services.js';
import { openCase, useCases } from './cases.js';
import { resetCaseData } from './data.js';
import { saveEverythingWaiting } from './pending-saves.js';
import { go, useNavigation, type Route } from './navigation.js';

export { LOCK_AFTER_CHOICES } from '../../shared/profile.js';

interface AppLockState {
  locked: boolean;
  /** What to open again on unlocking: paths and modes only. */
  toReopen: LockedCase[];
  /** Where the user was when the app locked: only the address (a case's id, a section, a record's id). */
  returnTo: Route | null;
  /** Why the last lock or unlock failed, for the lock screen. */
  error: string | null;
  lock(): Promise<void>;
  unlock(): Promise<void>;
}

export const useAppLock = create<AppLockState>()((set, get) => ({
  locked: false,
  toReopen: [],
  returnTo: null,
  error: null,
  async lock() {
    if (get().locked) return;
    const returnTo = useNavigation.getState().route;
    // Typed text not yet saved is saved first, everywhere; a failure to save must not keep the app from locking.
    await saveEverythingWaiting();
    let toReopen: LockedCase[] = [];
    let error: string | null = null;
    try {
      toReopen = await api().call('session.lock', {});
    } catch (err) {
      error = `Not every case could be closed cleanly: ${messageOf(err)}`;
    }
    // Every store that holds case data registered itself when it was made (caseDataStore in data.ts).
    resetCaseData();
    go({ screen: 'library' });
    set({ locked: true, toReopen, returnTo, error });
  },
  async unlock() {
    const { toReopen, returnTo } = get();
    set({ locked: false, toReopen: [], returnTo: null, error: null });
    for (const c of toReopen) {
      await openCase(c.path, { readOnly: c.mode === 'readOnly', review: c.mode === 'review' });
    }
    const open = useCases.getState().open;
    if (returnTo && (returnTo.screen !== 'case' || open.some((c) => c.caseId === returnTo.caseId))) {
      go(returnTo);
    } else {
      // The case on screen did not open again (moved, or its passphrase not given): the first that did, or the library.
      const first = open.find((c) => toReopen.some((r) => r.path === c.path));
      go(first ? { screen: 'case', caseId: first.caseId, section: 'overview' } : { screen: 'library' });
    }
  },
}));

/** Locks the app now (the button, the shortcut, the desktop menu). */
export const lockApp = () => void useAppLock.getState().lock();
