// What the overview shows besides the directive: what changed recently, and the dates coming up.
import { create } from 'zustand';
import type { AuditEntry } from '../../shared/api-types.js';
import type { RecordOf } from '../../shared/records.js';
import { messageOf } from '../api/client.js';
import { api } from '../services.js';

interface CaseOverviewState {
  caseId: string | null;
  recentChanges: AuditEntry[];
  openDeadlines: RecordOf<'deadline'>[];
  meetings: RecordOf<'meeting'>[];
  error: string | null;
  load(caseId: string): Promise<void>;
}

export const RECENT_CHANGES_SHOWN = 12;

export const useCaseOverview = create<CaseOverviewState>()((set, get) => ({
  caseId: null,
  recentChanges: [],
  openDeadlines: [],
  meetings: [],
  error: null,
  async load(caseId) {
    if (get().caseId !== caseId) set({ caseId, recentChanges: [], openDeadlines: [], meetings: [], error: null });
    try {
      const [recentChanges, openDeadlines, meetings] = await Promise.all([
        api().call('case.recentChanges', { caseId, limit: RECENT_CHANGES_SHOWN }),
        api().call('deadline.list', { caseId, filter: { status: 'open' } }),
        api().call('meeting.list', { caseId, filter: { status: 'planned' } }),
      ]);
      if (get().caseId === caseId) set({ recentChanges, openDeadlines, meetings, error: null });
    } catch (err) {
      if (get().caseId === caseId) set({ error: messageOf(err) });
    }
  },
}));
