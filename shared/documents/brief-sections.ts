// The sections of a meeting brief, in order, by the stable id its heading carries (attrs.sectionId). The editor
// offers "regenerate this section" for a heading with one of these ids; the core builds the section afresh.

export const MEETING_BRIEF_SECTIONS = [
  { id: 'purpose', title: 'Purpose and desired outcome' },
  { id: 'attendees', title: 'Attendees and roles' },
  { id: 'background', title: 'Background' },
  { id: 'deadlines', title: 'Deadlines' },
  { id: 'issues', title: 'Issues' },
  { id: 'batna', title: 'Alternatives to agreement (BATNA)', internalOnly: true },
  { id: 'options', title: 'Options and carve-outs to propose' },
  { id: 'precedents', title: 'Precedents' },
  { id: 'actions', title: 'Open action items and commitments' },
  { id: 'questions', title: 'Questions to ask' },
  { id: 'watch', title: 'Watch items' },
  { id: 'notes', title: 'Preparation notes' },
] as const satisfies readonly { id: string; title: string; internalOnly?: boolean }[];

export type MeetingBriefSectionId = (typeof MEETING_BRIEF_SECTIONS)[number]['id'];
