// Which case section shows each kind of record: where a search hit leads.
import type { SearchHit } from '../../../shared/api-types.js';
import type { KindName } from '../../../shared/records.js';
import type { CaseSection } from '../../state/navigation.js';

export const SECTION_OF_KIND: Record<KindName, CaseSection> = {
  directive: 'overview',
  party: 'people',
  event: 'deadlines',
  deadline: 'deadlines',
  meeting: 'meetings',
  attendee: 'meetings',
  note: 'meetings',
  decision: 'meetings',
  actionItem: 'meetings',
  issue: 'negotiation',
  positionChange: 'negotiation',
  concession: 'negotiation',
  batna: 'negotiation',
  precedent: 'precedents',
  link: 'precedents',
  watchItem: 'watch',
  draft: 'drafts',
  draftRevision: 'drafts',
  attachment: 'attachments',
  reviewComment: 'overview', // the overview lists the review comments of the case
  disclosure: 'overview', // never a search hit (not indexed); a choice shows with the record it is about
};

export const sectionOfKind = (kind: KindName): CaseSection => SECTION_OF_KIND[kind] ?? 'overview';

/**
 * Where a search hit lands: the record's section, and in the address the history entry whose text matched best when
 * it was one (the screen opens the record it belongs to and marks that entry), else the record itself.
 */
export function landingOf(hit: SearchHit): { section: CaseSection; record: string } {
  return { section: sectionOfKind(hit.kind), record: hit.matchedIn?.id ?? hit.id };
}
