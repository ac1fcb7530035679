// The review comments imported into the case shown now (review.import): reviewers' comments that travelled back,
// now records of the case. One store, so that the overview's list and the panel beside each record agree.
import type { ReceivedReviewComment, ReviewImport } from '../../shared/api-types.js';
import { caseDataStore } from './data.js';
import { messageOf } from '../api/client.js';
import { api } from '../services.js';

interface ReceivedState {
  caseId: string | null;
  received: ReceivedReviewComment[];
  error: string | null;
  load(caseId: string): Promise<void>;
  /** Imports a reviewer's comments file (its bytes as base64); a refusal is thrown with the core's message. */
  importFile(caseId: string, dataBase64: string, passphrase?: string): Promise<ReviewImport>;
  /** Marks a comment dealt with, or open again; a refusal (someone else changed it first) is kept as the error. */
  resolve(caseId: string, id: string, resolved: boolean, expectedVersion: number): Promise<void>;
  reset(): void;
}

const EMPTY = { caseId: null, received: [], error: null };

export const useReceivedComments = caseDataStore<ReceivedState>()((set, get) => ({
  ...EMPTY,
  async load(caseId) {
    try {
      const received = await api().call('review.received', { caseId });
      set({ caseId, received, error: null });
    } catch (err) {
      set({ caseId, received: [], error: messageOf(err) });
    }
  },
  async importFile(caseId, dataBase64, passphrase) {
    const result = await api().call('review.import', { caseId, dataBase64, passphrase });
    await get().load(caseId);
    return result;
  },
  async resolve(caseId, id, resolved, expectedVersion) {
    try {
      await api().call('reviewComment.resolve', { caseId, id, resolved, expectedVersion });
      await get().load(caseId);
    } catch (err) {
      await get().load(caseId);
      set({ error: messageOf(err) });
    }
  },
  reset: () => set(EMPTY),
}));
