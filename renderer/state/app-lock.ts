// The app lock: after a set idle time, or on command (the Lock button, Ctrl+Shift+L, the desktop menu), every case
// file is closed in the core and every store that holds case data (each made with caseDataStore) is emptied; only
// the lock screen is drawn, so what screens read for themselves (useRead, useRecords) goes with them.
// Unlocking opens again the cases that were open, each the way it was (for editing, read-only, for review).
import { create } from 'zustand';
import type { LockedCase } from '../../shared/api-types.js';
import { messageOf } from '../api/client.js';
import { api } from '../services.js';
import { openCase, useCases } from './cases.js';
import { resetCaseData } from './data.js';
import { saveEverythingWaiting } from './pending-saves.js';
import { go } from './navigation.js';

const LOCK_AFTER_KEY = 'parley.lockAfterMinutes';
export const DEFAULT_LOCK_AFTER_MINUTES = 15;
/** The idle times a user can choose, in minutes; 0 is "never" (locking on command only). */
export const LOCK_AFTER_CHOICES = [1, 5, 10, 15, 30, 60, 0] as const;

function storedLockAfter(): number {
  const value = Number(localStorage.getItem(LOCK_AFTER_KEY));
  return (LOCK_AFTER_CHOICES as readonly number[]).includes(value) && localStorage.getItem(LOCK_AFTER_KEY) !== null ? value : DEFAULT_LOCK_AFTER_MINUTES;
}

interface AppLockState {
  locked: boolean;
  /** What to open again on unlocking: paths and modes only. */
  toReopen: LockedCase[];
  /** Minutes without keyboard or pointer use before the app locks; 0 for never. */
  lockAfterMinutes: number;
  /** Why the last lock or unlock failed, for the lock screen. */
  error: string | null;
  setLockAfterMinutes(minutes: number): void;
  lock(): Promise<void>;
  unlock(): Promise<void>;
}

export const useAppLock = create<AppLockState>()((set, get) => ({
  locked: false,
  toReopen: [],
  lockAfterMinutes: storedLockAfter(),
  error: null,
  setLockAfterMinutes(minutes) {
    localStorage.setItem(LOCK_AFTER_KEY, String(minutes));
    set({ lockAfterMinutes: minutes });
  },
  async lock() {
    if (get().locked) return;
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
    set({ locked: true, toReopen, error });
  },
  async unlock() {
    const { toReopen } = get();
    set({ locked: false, toReopen: [], error: null });
    for (const c of toReopen) {
      await openCase(c.path, { readOnly: c.mode === 'readOnly', review: c.mode === 'review' });
    }
    if (toReopen.length > 0) {
      const first = useCases.getState().open.find((c) => c.path === toReopen[0]!.path);
      if (first) go({ screen: 'case', caseId: first.caseId, section: 'overview' });
    } else {
      go({ screen: 'library' });
    }
  },
}));

/** Locks the app now (the button, the shortcut, the desktop menu). */
export const lockApp = () => void useAppLock.getState().lock();
