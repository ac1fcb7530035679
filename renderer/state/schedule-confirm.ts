// A change outside the deadlines screen that moves deadlines (a meeting's date, the directive's dates): the core
// refuses it as `needs_confirmation`, and the field that asked waits here while the schedule dialog (mounted once in
// the shell) shows what moves and asks for the reason. The field's save resolves when the change was confirmed and
// fails, keeping the user's text, when it was cancelled.
import { create } from 'zustand';
import { ApiFailure } from '../api/client.js';
import type { ScheduleRequest } from '../ui/schedule/ScheduleChangeDialog.js';

interface Waiting {
  caseId: string;
  request: ScheduleRequest;
  done(confirmed: boolean): void;
}

interface ScheduleConfirmState {
  waiting: Waiting | null;
  /** Opens the dialog for the change; true once the core applied it, false when the user cancelled. */
  ask(caseId: string, request: ScheduleRequest): Promise<boolean>;
  close(confirmed: boolean): void;
}

export const useScheduleConfirm = create<ScheduleConfirmState>()((set, get) => ({
  waiting: null,
  ask(caseId, request) {
    get().waiting?.done(false);
    return new Promise<boolean>((resolve) => set({ waiting: { caseId, request, done: resolve } }));
  },
  close(confirmed) {
    const waiting = get().waiting;
    set({ waiting: null });
    waiting?.done(confirmed);
  },
}));

export const needsConfirmation = (err: unknown): boolean => err instanceof ApiFailure && err.code === 'needs_confirmation';

/** What a field shows when the user cancelled the change it asked for: their text stays, unsaved. */
export class NotConfirmed extends Error {
  constructor() {
    super('Not changed: other deadlines count from this date, and the change was not confirmed. Save again to see what moves.');
  }
}

/**
 * Runs a save; when the core says it would move deadlines, asks through the dialog and applies it there. Resolves
 * with the save's result, or null when the change went through the dialog; throws NotConfirmed when cancelled.
 */
export async function saveOrConfirm<T>(caseId: string, save: () => Promise<T>, request: () => ScheduleRequest): Promise<T | null> {
  try {
    return await save();
  } catch (err) {
    if (!needsConfirmation(err)) throw err;
    if (await useScheduleConfirm.getState().ask(caseId, request())) return null;
    throw new NotConfirmed();
  }
}
