// What the overview shows besides the directive: what changed recently, and the dates coming up.
import { caseDataStore } from './data.js';
import type { AuditEntry, KeyDates } from '../../shared/api-types.js';
import { messageOf } from '../api/client.js';
import { api } from '../services.js';
import { isoToday } from '../ui/dates.js';

interface CaseOverviewState {
  caseId: string | null;
  recentChanges: AuditEntry[];
  /** Null until read. Counted by the core: the overview never reads every deadline of a large case. */
  keyDates: KeyDates | null;
  error: string | null;
  load(caseId: string): Promise<void>;
}

export const RECENT_CHANGES_SHOWN = 12;

export const useCaseOverview = caseDataStore<CaseOverviewState>()((set, get) => ({
  caseId: null,
  recentChanges: [],
  keyDates: null,
  error: null,
  async load(caseId) {
    if (get().caseId !== caseId) set({ caseId, recentChanges: [], keyDates: null, error: null });
    try {
      const [recentChanges, keyDates] = await Promise.all([
        api().call('case.recentChanges', { caseId, limit: RECENT_CHANGES_SHOWN }),
        api().call('case.keyDates', { caseId, today: isoToday() }),
      ]);
      if (get().caseId === caseId) set({ recentChanges, keyDates, error: null });
    } catch (err) {
      if (get().caseId === caseId) set({ error: messageOf(err) });
    }
  },
}));
