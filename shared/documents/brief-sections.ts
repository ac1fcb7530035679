// The sections of a meeting brief, in order, by the stable id its heading carries (attrs.sectionId). The editor
// offers "regenerate this section" for a heading with one of these ids; the core builds the section afresh.
//
// Each section says what it is built from (`draws`: the kinds and fields of records it shows), so that the
// shareable preview can say what was left out of it and warn about the texts it would carry; a test holds every
// section to it. A section that is the team's alone as a whole (`internalOnly`) is never in a shareable brief,
// whatever order the user puts the sections in. A section `offByDefault` is in a brief only when the user chooses it
// (the "Prepare brief" dialog's list, a brief template, the command line's --sections).
import type { FieldsOfKind, KindName } from '../records.js';

interface SectionDef {
  id: string;
  title: string;
  internalOnly?: true;
  offByDefault?: true;
  draws: { [K in KindName]?: readonly (keyof FieldsOfKind<K> & string)[] };
}

export const MEETING_BRIEF_SECTIONS = [
  { id: 'purpose', title: 'Purpose and desired outcome', draws: { meeting: ['meetingDate', 'startTime', 'endTime', 'timeZone', 'location', 'purpose', 'desiredOutcome', 'agenda'] } },
  { id: 'attendees', title: 'Attendees and roles', draws: { attendee: ['name', 'role', 'side'], party: ['name', 'role', 'organization', 'partyKind'] } },
  {
    id: 'background', title: 'Background',
    draws: {
      directive: ['title', 'referenceNumber', 'issuingAuthority', 'issuedOn', 'receivedOn', 'counterparty', 'status', 'risk', 'subject', 'scope', 'summary', 'legalBasis', 'authoritiesCited'],
      event: ['title', 'occurredOn', 'occurredTime', 'description'],
    },
  },
  {
    id: 'deadlines', title: 'Deadlines',
    draws: { deadline: ['title', 'deadlineKind', 'dueType', 'dueDate', 'dueTime', 'timeZone', 'windowStart', 'windowEnd', 'confidence', 'owner'], party: ['name'] },
  },
  { id: 'issues', title: 'Issues', draws: { issue: ['title', 'priority', 'ourOpening', 'ourTarget', 'ourWalkaway', 'theirPosition', 'status'] } },
  { id: 'batna', title: 'Alternatives to agreement (BATNA)', internalOnly: true, draws: { batna: ['side', 'description', 'strength', 'notes'] } },
  { id: 'options', title: 'Options and carve-outs to propose', draws: { issue: ['title', 'description', 'status', 'ourOpening', 'ourTarget', 'theirPosition'] } },
  {
    id: 'precedents', title: 'Precedents',
    draws: { precedent: ['title', 'precedentType', 'citation', 'decidedOn', 'jurisdiction', 'summary', 'relevance'], link: ['linkType'], issue: ['title'] },
  },
  {
    id: 'actions', title: 'Open action items and commitments',
    draws: { actionItem: ['title', 'status', 'owner', 'dueDate', 'isCommitment'], decision: ['text'], meeting: ['title', 'meetingDate'], party: ['name'] },
  },
  // Derived from what the case does not know yet: what we mean to ask is ours until we ask it.
  {
    id: 'questions', title: 'Questions to ask', internalOnly: true,
    draws: { issue: ['title', 'status', 'theirPosition', 'theirInterests'], deadline: ['title', 'dueType', 'windowStart', 'windowEnd', 'confidence'], watchItem: ['title', 'status', 'triggeredOn'], batna: ['side'] },
  },
  { id: 'watch', title: 'Watch items', draws: { watchItem: ['title', 'status', 'triggeredOn', 'description', 'indicators', 'implications', 'evidence'] } },
  { id: 'notes', title: 'Preparation notes', draws: { note: ['body', 'takenAt', 'internal'] } },
  // The case's files, listed (not their content). Attachments are internal by default: a shareable brief lists only
  // those a person marked shareable.
  { id: 'attachments', title: 'Appendix: attachments', offByDefault: true, draws: { attachment: ['name', 'attachedToKind', 'attachedToId', 'mediaType', 'size', 'description'] } },
] as const satisfies readonly SectionDef[];

export type MeetingBriefSectionId = (typeof MEETING_BRIEF_SECTIONS)[number]['id'];
export const MEETING_BRIEF_SECTION_IDS = MEETING_BRIEF_SECTIONS.map((s) => s.id) as [MeetingBriefSectionId, ...MeetingBriefSectionId[]];

/** The sections of a brief when nobody chose: every one, in the order above, but those off by default. */
export const DEFAULT_BRIEF_SECTION_IDS: readonly MeetingBriefSectionId[] = MEETING_BRIEF_SECTIONS
  .filter((s) => !('offByDefault' in s && s.offByDefault)).map((s) => s.id);

/** Whether a section is the team's alone as a whole, so never in a shareable brief. */
export function isInternalOnlySection(id: MeetingBriefSectionId): boolean {
  const def = MEETING_BRIEF_SECTIONS.find((s) => s.id === id);
  return !!def && 'internalOnly' in def && def.internalOnly;
}
