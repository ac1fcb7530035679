// The library screen's data: the case files the user has worked with (library.list), the files in the default
// case folder that the library does not know yet, and the cross-case dashboard.
import { caseDataStore } from './data.js';
import type { Dashboard, LibraryEntry } from '../../shared/api-types.js';
import { messageOf } from '../api/client.js';
import type { CaseFolderFile, CaseFolderListing } from '../platform/platform.js';
import { api, platform } from '../services.js';
import { isoToday } from '../ui/dates.js';

export interface LibraryState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  entries: LibraryEntry[];
  /** Case files in the default folder that are not in the library yet. */
  unlisted: CaseFolderFile[];
  folder: CaseFolderListing | null;
  dashboard: Dashboard | null;
  load(): Promise<void>;
}

export const useLibrary = caseDataStore<LibraryState>()((set) => ({
  status: 'idle',
  error: null,
  entries: [],
  unlisted: [],
  folder: null,
  dashboard: null,
  async load() {
    set({ status: 'loading', error: null });
    try {
      const [entries, dashboard, folder] = await Promise.all([
        api().call('library.list', {}),
        // The user's calendar day, which is what "overdue" and "next 14 days" mean to them.
        api().call('library.dashboard', { today: isoToday() }),
        platform().caseFolder(),
      ]);
      const known = new Set(entries.map((e) => e.path));
      const unlisted = (folder?.files ?? []).filter((f) => !known.has(f.path));
      set({ status: 'ready', entries, dashboard, folder, unlisted });
    } catch (err) {
      set({ status: 'error', error: messageOf(err) });
    }
  },
}));
