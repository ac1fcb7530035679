// Working as a team on copies of one case (issue 16): the dialog that merges another copy or imports or exports a
// bundle of changes (opened from the File menu, the palette, the overview or the Conflicts screen), the conflicts
// merges kept, and a case's screens read again once a merge changed it.
import type { ChangesExported, MergeConflictView, MergeSummary } from '../../shared/api-types.js';
import { messageOf } from '../api/client.js';
import { api } from '../services.js';
import { useCases } from './cases.js';
import { caseDataStore } from './data.js';
import { saveEverythingWaiting } from './pending-saves.js';

/** What the team dialog does: merge a whole copy, import a bundle of changes, or export one. */
export type TeamAction = 'merge' | 'import' | 'export';

interface TeamState {
  dialog: { action: TeamAction; caseId: string } | null;
  /**
   * Per case, how many merges changed it while open. The section on screen is drawn again when it changes (its key),
   * so every screen and store reads the case afresh, as on arriving.
   */
  revision: Record<string, number>;
  show(action: TeamAction, caseId: string): void;
  close(): void;
}

export const useTeam = caseDataStore<TeamState>()((set) => ({
  dialog: null,
  revision: {},
  show: (action, caseId) => set({ dialog: { action, caseId } }),
  close: () => set({ dialog: null }),
}));

export const showTeamDialog = (action: TeamAction, caseId: string) => useTeam.getState().show(action, caseId);

/** Where the changes of a merge come from: another copy's case file, or a bundle of changes. */
export type MergeSource = { from: 'copy' | 'changes'; path: string };

export interface MergeOptions {
  /** The other copy's, or the bundle's, when it is not sealed with this case's own. */
  passphrase?: string;
  /** Given when the merge would move rule-built deadlines: they move, audited with it. */
  reason?: string;
}

function mergeCall(caseId: string, source: MergeSource, preview: boolean, options: MergeOptions): Promise<MergeSummary> {
  const { passphrase, reason } = options;
  const confirmMoves = reason ? true : undefined;
  return source.from === 'copy'
    ? api().call('case.merge', { caseId, from: source.path, passphrase, preview, confirmMoves, reason })
    : api().call('changes.import', { caseId, path: source.path, passphrase, preview, confirmMoves, reason });
}

/** What a merge would take in; nothing is changed. A refusal is thrown with the core's message. */
export function previewMerge(caseId: string, source: MergeSource, options: MergeOptions = {}): Promise<MergeSummary> {
  return mergeCall(caseId, source, true, options);
}

/**
 * Merges: saves what is typed and waiting first (a merge is a change like any other), then takes the changes in and
 * has the case's summary (its open conflicts), the conflicts and the section on screen read again.
 */
export async function applyMerge(caseId: string, source: MergeSource, options: MergeOptions = {}): Promise<MergeSummary> {
  await saveEverythingWaiting();
  const summary = await mergeCall(caseId, source, false, options);
  if (summary.changes > 0) {
    useTeam.setState((s) => ({ revision: { ...s.revision, [caseId]: (s.revision[caseId] ?? 0) + 1 } }));
  }
  await Promise.all([refreshCaseInfo(caseId), useConflicts.getState().caseId === caseId ? useConflicts.getState().load(caseId) : undefined]);
  return summary;
}

/** Writes this copy's changes (all, or those since a day) as a bundle; a refusal is thrown with the core's message. */
export function exportChanges(caseId: string, path: string, since?: string): Promise<ChangesExported> {
  return api().call('changes.export', { caseId, path, since: since || undefined });
}

/** Reads the case's summary again (its open conflicts for the sidebar's badge and the overview). */
export async function refreshCaseInfo(caseId: string): Promise<void> {
  try {
    useCases.getState().replace(await api().call('case.info', { caseId }));
  } catch {
    // The case was closed meanwhile: the sidebar no longer shows it.
  }
}

/** How a conflict is resolved: one side kept (its index), or a value written instead of both. */
export type ConflictChoice = { side: number } | { value: unknown };

interface ConflictsState {
  caseId: string | null;
  /** Null until read. */
  conflicts: MergeConflictView[] | null;
  error: string | null;
  load(caseId: string): Promise<void>;
  /**
   * Resolves one conflict (audited with the reason); the list is what the core says is still open. A refusal is
   * thrown with the core's message, the list read again (someone may have resolved it in the meantime).
   */
  resolve(caseId: string, id: number, choice: ConflictChoice, options?: { reason?: string; confirmMoves?: boolean }): Promise<void>;
}

export const useConflicts = caseDataStore<ConflictsState>()((set, get) => ({
  caseId: null,
  conflicts: null,
  error: null,
  async load(caseId) {
    if (get().caseId !== caseId) set({ caseId, conflicts: null, error: null });
    try {
      const conflicts = await api().call('conflict.list', { caseId });
      if (get().caseId === caseId) set({ conflicts, error: null });
    } catch (err) {
      if (get().caseId === caseId) set({ error: messageOf(err) });
    }
  },
  async resolve(caseId, id, choice, options = {}) {
    const reason = options.reason?.trim() || undefined;
    try {
      const conflicts = await api().call('conflict.resolve', { caseId, id, ...choice, reason, confirmMoves: options.confirmMoves });
      if (get().caseId === caseId) set({ conflicts, error: null });
    } catch (err) {
      await get().load(caseId);
      throw err;
    } finally {
      await refreshCaseInfo(caseId);
    }
  },
}));
