// Deleting with care, on every screen alike: the core says what a delete would take with it (record.deletionImpact);
// a record with a history or with records that go with it is deleted only once the user said yes in the question
// dialog (mounted once in the shell, ui/records/DeleteQuestion.tsx); then the case's notice offers the undo.
import { create } from 'zustand';
import { deletionQuestion } from '../../shared/deletion.js';
import { KINDS, type DeletableKind, type RecordOf } from '../../shared/records.js';
import { api } from '../services.js';
import { deleteRecord } from './records.js';
import { offerUndo } from './undo.js';

export interface Question {
  title: string;
  message: string;
  /** The button that does it: "Delete", "Purge". */
  confirm: string;
}

interface QuestionState {
  asking: (Question & { done(yes: boolean): void }) | null;
  answer(yes: boolean): void;
}

export const useDeleteQuestion = create<QuestionState>()((set, get) => ({
  asking: null,
  answer(yes) {
    const asking = get().asking;
    set({ asking: null });
    asking?.done(yes);
  },
}));

/** Asks the question in the dialog; true when the user confirmed. */
export function ask(question: Question): Promise<boolean> {
  useDeleteQuestion.getState().asking?.done(false);
  return new Promise((resolve) => useDeleteQuestion.setState({ asking: { ...question, done: resolve } }));
}

/**
 * Deletes the record, asking first where the core says there is something to lose; the deleted record, or null when
 * the user kept it. The case's notice then offers to undo the delete.
 */
export async function deleteWithCare<K extends DeletableKind>(caseId: string, kind: K, id: string): Promise<RecordOf<K> | null> {
  const impact = await api().call('record.deletionImpact', { caseId, kind, id });
  const label = KINDS[kind].label;
  if (impact.askFirst && !(await ask({ title: `Delete this ${label.toLowerCase()}?`, message: deletionQuestion(impact), confirm: 'Delete' }))) return null;
  const deleted = await deleteRecord(caseId, kind, id);
  void offerUndo(caseId, `${label} “${impact.title}” deleted.`);
  return deleted;
}

/**
 * Where focus goes once a row is gone, so that it never falls to the page: the row after it, else the one before,
 * else the screen's heading. `ids` are the rows in order, before the removal.
 */
export function focusAfterRemoval(ids: readonly string[], removedId: string): void {
  const at = ids.indexOf(removedId);
  const candidates = [ids[at + 1], ids[at - 1]].filter((id): id is string => !!id);
  // Once React has drawn the list without the row (its commit may come after the next frame).
  setTimeout(() => {
    for (const id of candidates) {
      const row = document.querySelector<HTMLElement>(`[data-record-id="${CSS.escape(id)}"]`);
      const target = row?.querySelector<HTMLElement>('[data-row-open], button, a[href]');
      if (target) return target.focus();
    }
    const heading = document.querySelector<HTMLElement>('#main h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }, 50);
}
