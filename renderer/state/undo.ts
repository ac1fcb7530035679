// Undo and redo of the case on screen, and the one notice that offers an undo. The history itself is the core's
// (electron/core/undo-history.ts): one per open case, holding every change this window made through the record
// verbs, whichever screen made it. So Ctrl+Z, the palette's "Undo …" and a notice's Undo button all undo through it,
// and each undo is refused, with a plain sentence, where the record changed again since.
//
// The notice belongs to the case, not to a screen: it stays when the user moves to another section, and goes after
// NOTICE_MS or when another notice replaces it. Its Undo names the change it offered to undo; the core refuses it
// if that is no longer the last change, so an old notice can never bring back a record beside its replacement.
import type { UndoState } from '../../shared/deletion.js';
import { messageOf } from '../api/client.js';
import { api } from '../services.js';
import { caseDataStore } from './data.js';
import { saveEverythingWaiting } from './pending-saves.js';
import { useTeam } from './team.js';

/** How long a notice stays. */
export const NOTICE_MS = 15_000;

export interface UndoNotice {
  caseId: string;
  message: string;
  /** The change its Undo button undoes, as the core names it; null for a notice without one. */
  offers: string | null;
  failed?: boolean;
}

interface CaseUndoState {
  /** What Undo and Redo would do next, by case, as last read. */
  next: Record<string, UndoState>;
  notice: UndoNotice | null;
}

export const useCaseUndo = caseDataStore<CaseUndoState>()(() => ({ next: {}, notice: null }));

let expiry: ReturnType<typeof setTimeout> | undefined;

function showNotice(notice: UndoNotice | null): void {
  clearTimeout(expiry);
  useCaseUndo.setState({ notice });
  if (notice) expiry = setTimeout(() => useCaseUndo.setState({ notice: null }), NOTICE_MS);
}

export const dismissUndoNotice = () => showNotice(null);

/** Reads what Undo and Redo would do next in the case. */
export async function refreshUndoState(caseId: string): Promise<UndoState> {
  const next = await api().call('case.undoState', { caseId });
  useCaseUndo.setState((s) => ({ next: { ...s.next, [caseId]: next } }));
  return next;
}

/** After a change the user may want back at once (a delete): a notice whose Undo undoes that change only. */
export async function offerUndo(caseId: string, message: string): Promise<void> {
  const next = await refreshUndoState(caseId).catch(() => null);
  showNotice({ caseId, message, offers: next?.undo ?? null });
}

export const undoLast = (caseId: string, expected?: string) => step(caseId, 'undo', expected);
export const redoLast = (caseId: string) => step(caseId, 'redo');

/**
 * Saves what is typed and waiting first (it is a change that comes before), then undoes or redoes; the section on
 * screen is drawn again from the case, and the notice says what was done or why not.
 */
async function step(caseId: string, direction: 'undo' | 'redo', expected?: string): Promise<void> {
  await saveEverythingWaiting();
  try {
    const outcome = await api().call(direction === 'undo' ? 'case.undo' : 'case.redo', { caseId, expected });
    useCaseUndo.setState((s) => ({ next: { ...s.next, [caseId]: { undo: outcome.undo, redo: outcome.redo } } }));
    useTeam.setState((s) => ({ revision: { ...s.revision, [caseId]: (s.revision[caseId] ?? 0) + 1 } }));
    showNotice({ caseId, message: outcome.did, offers: null });
  } catch (err) {
    showNotice({ caseId, message: messageOf(err), offers: null, failed: true });
  }
}
