// The review comments of the case shown now, when it is open for review. Kept by the core in a file of its own
// (never in the case file); this store holds one case's comments so that every panel shows the same list.
import { caseDataStore } from './data.js';
import type { ReviewComment } from '../../shared/api-types.js';
import type { ReviewableKind } from '../../shared/enums.js';
import { messageOf } from '../api/client.js';
import { api } from '../services.js';

interface ReviewState {
  caseId: string | null;
  comments: ReviewComment[];
  error: string | null;
  load(caseId: string): Promise<void>;
  add(caseId: string, recordKind: ReviewableKind, recordId: string, text: string): Promise<void>;
  resolve(caseId: string, id: string, resolved: boolean): Promise<void>;
  remove(caseId: string, id: string): Promise<void>;
  /** Forgets every comment (the app locked, or the case closed). */
  reset(): void;
}

const EMPTY = { caseId: null, comments: [], error: null };

export const useReview = caseDataStore<ReviewState>()((set, get) => {
  /** Runs a change and reloads the list; a refusal is kept as the store's error for the panel to show. */
  const change = async (caseId: string, run: () => Promise<unknown>) => {
    try {
      await run();
      set({ error: null });
    } catch (err) {
      set({ error: messageOf(err) });
      throw err;
    } finally {
      await get().load(caseId);
    }
  };
  return {
    ...EMPTY,
    async load(caseId) {
      try {
        const comments = await api().call('review.list', { caseId });
        set({ caseId, comments });
      } catch (err) {
        set({ caseId, comments: [], error: messageOf(err) });
      }
    },
    add: (caseId, recordKind, recordId, text) => change(caseId, () => api().call('review.add', { caseId, recordKind, recordId, text })),
    resolve: (caseId, id, resolved) => change(caseId, () => api().call('review.resolve', { caseId, id, resolved })),
    remove: (caseId, id) => change(caseId, () => api().call('review.remove', { caseId, id })),
    reset: () => set(EMPTY),
  };
});
