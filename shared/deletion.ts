// Deleting, restoring and undoing, as the core answers and the app says it: what a delete takes with it, the
// records of the Recently deleted view, and what Undo and Redo would do next. Pure: no I/O.
import { KINDS, KIND_NAMES, type KindName } from './records.js';
import { countOf } from './words.js';

/** The kinds a user deletes (and restores and purges): those with the delete verb (see verbsOf in contract.ts). */
export const DELETABLE_KIND_NAMES = KIND_NAMES.filter((k) => KINDS[k].mode === 'editable' || KINDS[k].mode === 'attachment');

/** The kinds whose records point at a record of `kind` with a required reference, each with its field; `history`
 * marks append-only ones (a position change of an issue), which stay when it is deleted. */
export function belongingTo(kind: KindName): { kind: KindName; field: string; history: boolean }[] {
  return KIND_NAMES.flatMap((child) =>
    Object.entries(KINDS[child].fields as Record<string, { ref?: string; required: boolean }>)
      .filter(([, def]) => def.ref === kind && def.required)
      .map(([field]) => ({ kind: child, field, history: KINDS[child].mode === 'appendOnly' })),
  );
}

/** Records of one kind that go with a deleted record, and how many. */
export interface GoesWith {
  kind: KindName;
  count: number;
}

/** What deleting a record would take with it (record.deletionImpact). */
export interface DeletionImpact {
  kind: KindName;
  id: string;
  title: string;
  /** Changes the audit trail holds about the record beyond its creation. */
  laterChanges: number;
  /**
   * Records that belong to it: its links, the records that cannot be without it (a concession of an issue, the
   * attendees of a meeting), which are deleted with it and restored with it, and its own history kept as records
   * (position changes, draft revisions), which stay in the file but leave every list and search while it is deleted.
   */
  goesWith: GoesWith[];
  /** Whether to ask before deleting: the record has a history beyond its creation, or records go with it. */
  askFirst: boolean;
}

/** A deleted record as the Recently deleted view lists it (case.deleted). */
export interface DeletedRecord {
  kind: KindName;
  id: string;
  title: string;
  deletedAt: string;
  deletedBy: string;
  version: number;
  /** The records deleted with it (or hidden with it), which a restore brings back together. */
  goesWith: GoesWith[];
}

/** What Undo and Redo would do next in a case, in words ("deleting the issue “Scope”"), or null when nothing. */
export interface UndoState {
  undo: string | null;
  redo: string | null;
}

/** What an undo or redo did, and what the next ones would do. */
export interface UndoOutcome extends UndoState {
  did: string;
}

/** "the issue “Scope”". */
export function recordInWords(kind: KindName, title: string): string {
  return `the ${KINDS[kind].label.toLowerCase()} “${title}”`;
}

/** "4 position changes and 2 links". */
export function goesWithInWords(goesWith: readonly GoesWith[]): string {
  const parts = goesWith.map((g) => countOf(g.count, KINDS[g.kind].label.toLowerCase(), KINDS[g.kind].plural.toLowerCase()));
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** The confirmation question: "Delete the issue “Scope”? Its 4 position changes and 2 links go with it; …". */
export function deletionQuestion(impact: DeletionImpact): string {
  const what = recordInWords(impact.kind, impact.title);
  const single = impact.goesWith.length === 1 && impact.goesWith[0]!.count === 1;
  const withIt = impact.goesWith.length
    ? ` Its ${goesWithInWords(impact.goesWith)} ${single ? 'goes' : 'go'} with it;`
    : ` Its history of ${countOf(impact.laterChanges, 'change')} goes with it;`;
  return `Delete ${what}?${withIt} you can restore it from Recently deleted.`;
}
