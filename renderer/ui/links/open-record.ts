// Going to a record from a link: the section that shows its kind, and a request (kept here until that screen
// reads it) to open that record there.
import type { KindName } from '../../../shared/records.js';
import { go, type CaseSection } from '../../state/navigation.js';

const SECTION_OF: Partial<Record<KindName, CaseSection>> = {
  directive: 'overview', deadline: 'deadlines', meeting: 'meetings', attendee: 'meetings', note: 'meetings', decision: 'meetings',
  actionItem: 'meetings', issue: 'negotiation', positionChange: 'negotiation', concession: 'negotiation', batna: 'negotiation',
  precedent: 'precedents', watchItem: 'watch', draft: 'drafts', draftRevision: 'drafts', event: 'deadlines', party: 'people',
  attachment: 'attachments',
};

export const sectionOf = (kind: KindName): CaseSection | undefined => SECTION_OF[kind];

let request: { kind: KindName; id: string } | null = null;

export function openRecord(caseId: string, kind: KindName, id: string): void {
  request = { kind, id };
  go({ screen: 'case', caseId, section: SECTION_OF[kind] ?? 'overview' });
}

/** The record a link asked this screen to open, once: later visits start as usual. */
export function takeOpenRequest(kind: KindName): string | null {
  if (request?.kind !== kind) return null;
  const id = request.id;
  request = null;
  return id;
}
