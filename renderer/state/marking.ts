// The confidentiality marking a case's pages carry when printed or exported from the app (the command line's
// `parley brief --marking`). Chosen beside a draft's Export buttons and remembered per case on this machine, in two
// kinds: the marking of internal material (every table screen, every draft) and that of a shareable brief, which may
// leave the team. Until the user chooses, internal material is "Privileged & Confidential - Attorney Work Product"
// and a shareable brief "Confidential", as in the command line.
import { create } from 'zustand';
import { DEFAULT_MARKING, SHAREABLE_MARKING } from '../../shared/documents/page.js';

export type MarkingKind = 'internal' | 'shareable';

/** The markings offered by name; any other text can be typed (up to MARKING_MAX_LENGTH characters). */
export const MARKING_PRESETS = [DEFAULT_MARKING, SHAREABLE_MARKING, 'Draft - Not for Distribution', 'Confidential - Settlement Communication'] as const;
/** As the API accepts (document.export, brief.export). */
export const MARKING_MAX_LENGTH = 200;

export const defaultMarking = (kind: MarkingKind): string => (kind === 'shareable' ? SHAREABLE_MARKING : DEFAULT_MARKING);

const STORAGE_KEY = 'parley.markings';

type Stored = Record<string, string>;
const keyOf = (caseId: string, kind: MarkingKind) => `${caseId}:${kind}`;

function load(): Stored {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].length <= MARKING_MAX_LENGTH),
    );
  } catch {
    return {};
  }
}

interface MarkingState {
  chosen: Stored;
  choose(caseId: string, kind: MarkingKind, marking: string): void;
}

export const useMarkings = create<MarkingState>()((set, get) => ({
  chosen: load(),
  choose(caseId, kind, marking) {
    const chosen = { ...get().chosen, [keyOf(caseId, kind)]: marking.slice(0, MARKING_MAX_LENGTH) };
    set({ chosen });
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(chosen));
    } catch {
      // Storage full or refused: the choice still holds for this session.
    }
  },
}));

/** The marking a case's pages of that kind carry: the one chosen, else the default ('' is "no marking"). */
export function markingOf(chosen: Stored, caseId: string, kind: MarkingKind): string {
  return chosen[keyOf(caseId, kind)] ?? defaultMarking(kind);
}

export function useMarking(caseId: string, kind: MarkingKind): string {
  return useMarkings((s) => markingOf(s.chosen, caseId, kind));
}

export const currentMarking = (caseId: string, kind: MarkingKind): string => markingOf(useMarkings.getState().chosen, caseId, kind);
