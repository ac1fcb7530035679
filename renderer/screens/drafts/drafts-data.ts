// What the drafts screen writes through the API besides its fields (a revision), and the small pure helpers around it.
// It reads drafts and revisions with useRecords (state/data.ts).
import { documentText, sectionIds, type DocumentNode } from '../../../shared/documents/index.js';
import type { RecordOf } from '../../../shared/records.js';
import { createRecord } from '../../state/records.js';

export type Draft = RecordOf<'draft'>;
export type Revision = RecordOf<'draftRevision'>;
export type Meeting = RecordOf<'meeting'>;
export type TemplateName = 'positionPaper' | 'agencyLetter' | 'internalMemo';

export const DRAFT_TYPE_LABELS: Record<Draft['draftType'], string> = {
  meeting_brief: 'Meeting brief',
  position_paper: 'Position paper',
  letter: 'Letter',
  memo: 'Memo',
  other: 'Other',
};

export const TEMPLATE_LABELS: Record<TemplateName, string> = {
  positionPaper: 'Position paper',
  agencyLetter: 'Letter to the agency',
  internalMemo: 'Internal memo',
};

export const EMPTY_DOCUMENT: DocumentNode = { type: 'doc', content: [{ type: 'paragraph' }] };

/** The stored document of a prosemirror revision, or null for another format or a body that does not parse. */
export function documentOf(revision: Revision): DocumentNode | null {
  return revision.format === 'prosemirror' ? parsedDocument(revision.body) : null;
}

/** The text typed since the draft's newest revision (its working text), or null when that revision holds it all. */
export function workingDocumentOf(draft: Draft): DocumentNode | null {
  return draft.workingBody == null ? null : parsedDocument(draft.workingBody);
}

function parsedDocument(body: string): DocumentNode | null {
  try {
    return JSON.parse(body) as DocumentNode;
  } catch {
    return null;
  }
}

/** What a reader sees of a revision, as plain text: the words of a document, the source of Markdown or HTML. */
export function revisionText(revision: Revision): string {
  const doc = documentOf(revision);
  return doc ? documentText(doc) : revision.body;
}

/**
 * Whether a brief is the shareable variant, so regenerating a section keeps to it and exports carry its marking:
 * the draft says so since it has the flag; for a brief prepared before that, a shareable one is known by having
 * no BATNA section.
 */
export function isShareableDraft(draft: Draft, doc: DocumentNode | null): boolean {
  if (draft.shareable !== null && draft.shareable !== undefined) return draft.shareable;
  return draft.draftType === 'meeting_brief' && doc !== null && !sectionIds(doc).includes('batna');
}

export function revisionsOf(all: readonly Revision[], draftId: string): Revision[] {
  return all.filter((r) => r.draftId === draftId).sort((a, b) => a.revisionNumber - b.revisionNumber);
}

export function saveRevision(caseId: string, draftId: string, doc: DocumentNode, note?: string): Promise<Revision> {
  return createRecord(caseId, 'draftRevision', { draftId, format: 'prosemirror', body: JSON.stringify(doc), ...(note ? { note } : {}) });
}
