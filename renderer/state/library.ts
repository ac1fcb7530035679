// The library screen's data: the case files the user has worked with (library.list), the files in the default
// case folder that the library does not know yet, and the cross-case dashboard. Both answer from the library
// index, which is brought up to date first, in steps (library-index.ts).
import { caseDataStore } from './data.js';
import type { Dashboard, LibraryEntry } from '../../shared/api-types.js';
import { messageOf } from '../api/client.js';
import type { CaseFolderFile, CaseFolderListing } from '../platform/platform.js';
import { api, platform } from '../services.js';
import { isoToday } from '../ui/dates.js';
import { prepareLibraryIndex } from './library-index.js';

/**
 * Rows of each dashboard list the library screen asks for: a panel shows its first five, and a page of fifty more
 * opened; the rest (thousands, in a library of years) are asked for only when the user wants them all ("Show all"),
 * so that the answer, and the time to read it, stay small however large the library.
 */
export const DASHBOARD_FIRST_FEW = 50;

export interface LibraryState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  entries: LibraryEntry[];
  /** Case files in the default folder that are not in the library yet. */
  unlisted: CaseFolderFile[];
  folder: CaseFolderListing | null;
  dashboard: Dashboard | null;
  /** Reads the dashboard again with every row of every list (the screen first asks for the first few of each). */
  loadWholeDashboard(): Promise<void>;
  /** Reads it all again, once the index is up to date; nothing is read if `signal` aborts first (the screen left). */
  load(signal?: AbortSignal): Promise<void>;
}

export const useLibrary = caseDataStore<LibraryState>()((set, get) => ({
  status: 'idle',
  error: null,
  entries: [],
  unlisted: [],
  folder: null,
  dashboard: null,
  async load(signal) {
    set({ status: 'loading', error: null });
    // What was read before stays on screen meanwhile: the case list as it was, a dashboard that may be out of date.
    if (!(await prepareLibraryIndex(signal))) return set({ status: 'idle' });
    try {
      // The user's calendar day, which is what "overdue", "next 14 days" and a case's next deadline mean to them.
      const today = isoToday();
      const [entries, dashboard, folder] = await Promise.all([
        api().call('library.list', { today }),
        api().call('library.dashboard', { today, firstFew: DASHBOARD_FIRST_FEW }),
        platform().caseFolder(),
      ]);
      const known = new Set(entries.map((e) => e.path));
      const unlisted = (folder?.files ?? []).filter((f) => !known.has(f.path));
      set({ status: 'ready', entries, dashboard, folder, unlisted });
    } catch (err) {
      set({ status: 'error', error: messageOf(err) });
    }
  },
  async loadWholeDashboard() {
    const shown = get().dashboard;
    if (!shown) return;
    const whole = await api().call('library.dashboard', { today: shown.today });
    // Unless the screen read everything again meanwhile (a newer, shorter answer is kept).
    if (get().dashboard === shown) set({ dashboard: whole });
  },
}));

/** An encrypted file that is not open: the library knows nothing of it but its name, and reads none of it. */
export function isClosedEncrypted(entry: LibraryEntry): boolean {
  return entry.encrypted && entry.title === null;
}
