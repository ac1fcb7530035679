// Draft templates (a position paper, a letter to the agency, an internal memo) and the merge fields that fill
// them from live case data. The templates are ordinary documents with {{field}} placeholders, so a user can edit
// a template's wording in the editor and fill it again; shared/documents/merge-fields.ts says how filling works.
//
// The merge fields (MERGE_FIELDS below lists each with what it holds):
//   {{today}}                      today's date, "3 December 2026"
//   {{directive.<field>}}          title, referenceNumber, issuingAuthority, legalBasis, authoritiesCited,
//                                  issuedOn, receivedOn, subject, scope, summary, status
//   {{counterparty}}, {{ourOrganization}}   from the directive
//   {{issue.<n>.<field>}}          the n-th issue (1-based, in the case's issue order): title, priority, status,
//                                  ourOpening, theirPosition; internal by default: ourTarget, ourWalkaway,
//                                  ourInterests, theirInterests
//   {{issues.count}}               how many issues the case has
//   {{nextMeeting.title}}, {{nextMeeting.date}}, {{nextMeeting.location}}   the next planned meeting from today
//   {{batna.ours}}, {{batna.theirs}}   internal by default
// Block fields (alone in a paragraph):
//   {{issues.table}}               the issues table
//   {{issues.positions}}           one heading per issue still in play, with the position we propose and theirs
//   {{deadlines.table}}            open deadlines, TBD ones with their expected window
//   {{precedents.list}}            precedents with their citations as footnotes
// A template meant to stay inside the team (the internal memo) is filled from the whole case. Any other goes to the
// other side, so it is filled from the shareable projection of the case (shared/sharing.ts), like a shareable
// brief: a field that may not leave reads "[name not recorded]", and the filled draft has no record links.
import {
  bold, doc, fillMergeFields, heading, paragraph, table, withoutRecordLinks, type BlockNode, type DocumentNode, type MergeValues,
} from '../../../shared/documents/index.js';
import type { DRAFT_TYPES } from '../../../shared/enums.js';
import { KINDS } from '../../../shared/records.js';
import type { CaseFile } from '../case-file.js';
import { ParleyError } from '../errors.js';
import { directiveAsShown } from '../sharing.js';
import { capitalized, formatDay } from './format.js';
import { isoToday } from '../today.js';
import { ACTIVE_ISSUE, CASE_SECTIONS, readCaseData, type CaseData } from './meeting-brief.js';

export interface MergeFieldInfo {
  name: string;
  description: string;
  block?: boolean;
  /** Internal by default (the registry says so): filled only in internal documents, unless marked shareable. */
  internal?: boolean;
}

const DIRECTIVE_FIELDS = [
  'title', 'referenceNumber', 'issuingAuthority', 'legalBasis', 'authoritiesCited', 'issuedOn', 'receivedOn',
  'subject', 'scope', 'summary', 'status',
] as const;
const ISSUE_FIELDS = ['title', 'priority', 'status', 'ourOpening', 'ourTarget', 'ourWalkaway', 'ourInterests', 'theirPosition', 'theirInterests'] as const;

/** "referenceNumber" -> "reference number". */
const spaced = (field: string) => field.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);

/** Every merge field, for the editor's "insert field" menu. */
export const MERGE_FIELDS: MergeFieldInfo[] = [
  { name: 'today', description: "Today's date" },
  ...DIRECTIVE_FIELDS.map((f) => ({ name: `directive.${f}`, description: `The directive's ${spaced(f)}`, ...internalOf(KINDS.directive.fields[f].share) })),
  { name: 'counterparty', description: 'The other side, as named on the directive' },
  { name: 'ourOrganization', description: 'Our organization, as named on the directive' },
  ...ISSUE_FIELDS.map((f) => ({ name: `issue.<n>.${f}`, description: `The n-th issue's ${spaced(f)}`, ...internalOf(KINDS.issue.fields[f].share) })),
  { name: 'issues.count', description: 'How many issues the case has' },
  { name: 'nextMeeting.title', description: 'The next planned meeting' },
  { name: 'nextMeeting.date', description: 'Its date' },
  { name: 'nextMeeting.location', description: 'Its location' },
  // A BATNA is internal as a whole by default (the registry's rule for its kind).
  { name: 'batna.ours', description: 'Our best alternative to agreement', internal: true },
  { name: 'batna.theirs', description: 'Their best alternative to agreement', internal: true },
  { name: 'issues.table', description: 'The issues table (in outward documents, only the positions that may leave)', block: true },
  { name: 'issues.positions', description: 'The position we propose and theirs, issue by issue', block: true },
  { name: 'deadlines.table', description: 'Open deadlines, including TBD ones', block: true },
  { name: 'precedents.list', description: 'Precedents with citations', block: true },
];

function internalOf(share: 'internal' | 'shareable'): { internal?: true } {
  return share === 'internal' ? { internal: true } : {};
}

function text(value: string | readonly string[] | null | undefined): string | null {
  if (Array.isArray(value)) return value.join('; ') || null;
  return (value as string | null | undefined) ?? null;
}

function nextMeeting(data: CaseData, today: string): CaseData['meetings'][number] | undefined {
  return data.meetings.find((m) => m.status === 'planned' && m.meetingDate && m.meetingDate >= today);
}

function issuePositions(data: CaseData): BlockNode[] {
  const active = data.issues.filter((i) => ACTIVE_ISSUE.has(i.status));
  if (!active.length) return [paragraph('No issue remains open.')];
  return active.flatMap((i) => [
    heading(3, i.title),
    ...(i.description ? [paragraph(i.description)] : []),
    paragraph(bold('Our position: '), i.ourTarget || i.ourOpening || 'to be set out'),
    ...(i.theirPosition ? [paragraph(bold('Stated position of the agency: '), i.theirPosition)] : []),
  ]);
}

/**
 * The values of every merge field from the case as it is now: from the whole case for an internal document, else
 * from its shareable projection (a field that may not leave has no value).
 */
export function caseMergeValues(cf: CaseFile, opts: { today?: string; internal?: boolean } = {}): MergeValues {
  const today = opts.today ?? isoToday();
  const data = readCaseData(cf, !opts.internal);
  const d = data.directive;
  const inline: MergeValues['inline'] = {
    today: formatDay(today),
    counterparty: d.counterparty,
    ourOrganization: d.ourOrganization,
    'issues.count': String(data.issues.length),
  };
  for (const f of DIRECTIVE_FIELDS) {
    const value = d[f];
    inline[`directive.${f}`] = f === 'issuedOn' || f === 'receivedOn' ? formatDay(value as string | null) : f === 'status' ? capitalized(d.status) : text(value);
  }
  data.issues.forEach((issue, index) => {
    for (const f of ISSUE_FIELDS) inline[`issue.${index + 1}.${f}`] = f === 'priority' || f === 'status' ? capitalized(issue[f]) : issue[f];
  });
  const meeting = nextMeeting(data, today);
  inline['nextMeeting.title'] = meeting?.title ?? null;
  inline['nextMeeting.date'] = meeting?.meetingDate ? formatDay(meeting.meetingDate) : null;
  inline['nextMeeting.location'] = meeting?.location ?? null;
  for (const side of ['ours', 'theirs'] as const) {
    inline[`batna.${side}`] = data.batnas.filter((b) => b.side === side).map((b) => b.description).join('; ') || null;
  }
  return {
    inline,
    blocks: {
      'issues.table': CASE_SECTIONS.issues(data),
      'issues.positions': issuePositions(data),
      'deadlines.table': CASE_SECTIONS.deadlines(data),
      'precedents.list': CASE_SECTIONS.precedents(data),
    },
  };
}

// ---- the templates ------------------------------------------------------------------------------------------

export interface DraftTemplate {
  title: string;
  draftType: (typeof DRAFT_TYPES)[number];
  /** Whether it stays inside the team: filled from the whole case. Otherwise from the shareable projection. */
  internal: boolean;
  doc: DocumentNode;
}

export const TEMPLATES = {
  positionPaper: {
    title: 'Position paper',
    draftType: 'position_paper',
    internal: false,
    doc: doc([
      heading(1, 'Position of {{ourOrganization}} on {{directive.title}}'),
      paragraph('{{directive.referenceNumber}} \u00b7 {{today}}'),
      heading(2, 'Summary'),
      paragraph('{{ourOrganization}} has received {{directive.title}} ({{directive.referenceNumber}}), issued by {{directive.issuingAuthority}} on {{directive.issuedOn}}. This paper sets out our position on each open issue and the terms we propose.'),
      heading(2, 'The directive'),
      paragraph(bold('Legal basis: '), '{{directive.legalBasis}}'),
      paragraph(bold('Scope: '), '{{directive.scope}}'),
      heading(2, 'Our position, issue by issue'),
      paragraph('{{issues.positions}}'),
      heading(2, 'Authorities'),
      paragraph('{{precedents.list}}'),
      heading(2, 'Proposed next steps'),
      paragraph('We propose to discuss these terms at {{nextMeeting.title}} on {{nextMeeting.date}}.'),
    ]),
  },
  agencyLetter: {
    title: 'Letter to the agency',
    draftType: 'letter',
    internal: false,
    doc: doc([
      paragraph('{{today}}'),
      paragraph('{{directive.issuingAuthority}}'),
      paragraph(bold('Re: {{directive.title}} ({{directive.referenceNumber}})')),
      paragraph('Dear Sir or Madam,'),
      paragraph('We write on behalf of {{ourOrganization}} concerning the directive referenced above, issued on {{directive.issuedOn}} and received on {{directive.receivedOn}}.'),
      paragraph('Our client is committed to resolving this matter cooperatively. On {{issue.1.title}}, we propose the following: {{issue.1.ourOpening}}'),
      paragraph('We would welcome the opportunity to discuss these points at {{nextMeeting.title}} on {{nextMeeting.date}}.'),
      paragraph('Yours faithfully,'),
      paragraph('Counsel for {{ourOrganization}}'),
    ]),
  },
  internalMemo: {
    title: 'Internal memo',
    draftType: 'memo',
    internal: true,
    doc: doc([
      heading(1, 'Memorandum'),
      table(null, [
        [bold('To'), 'Negotiation team'],
        [bold('Date'), '{{today}}'],
        [bold('Re'), '{{directive.title}} ({{directive.referenceNumber}})'],
      ]),
      heading(2, 'Where things stand'),
      paragraph('Status: {{directive.status}}. The case has {{issues.count}} negotiation issues. Next meeting: {{nextMeeting.title}}, {{nextMeeting.date}}.'),
      heading(2, 'Deadlines'),
      paragraph('{{deadlines.table}}'),
      heading(2, 'Issues'),
      paragraph('{{issues.table}}'),
      paragraph(bold('Lead issue: '), '{{issue.1.title}}. Target: {{issue.1.ourTarget}}. Walk-away: {{issue.1.ourWalkaway}}.'),
      heading(2, 'Alternatives'),
      paragraph(bold('Our BATNA: '), '{{batna.ours}}'),
      paragraph(bold('Theirs: '), '{{batna.theirs}}'),
    ]),
  },
} as const satisfies Record<string, DraftTemplate>;

export type TemplateName = keyof typeof TEMPLATES;

export interface FilledTemplate {
  title: string;
  draftType: DraftTemplate['draftType'];
  /** Filled from the shareable projection (the template is not internal): save the draft as shareable. */
  shareable: boolean;
  doc: DocumentNode;
  /** Fields with no value in the case (they read "[name not recorded]"). */
  missing: string[];
  /** Fields the template uses that do not exist. */
  unresolved: string[];
}

/** A template filled from the case as it is now; `template` may be an edited copy of one of TEMPLATES' documents. */
export function fillTemplate(cf: CaseFile, name: TemplateName, opts: { today?: string; template?: DocumentNode } = {}): FilledTemplate {
  const template: DraftTemplate | undefined = TEMPLATES[name];
  if (!template) throw new ParleyError('not_found', `There is no template called "${String(name)}".`);
  return fillDraftTemplate(cf, opts.template ? { ...template, doc: opts.template } : template, opts.today);
}

/**
 * A firm's template (one saved from a draft, electron/core/firm-templates.ts) filled from the case as it is now: its
 * merge fields filled like a built-in template's, from the shareable projection unless it was saved from an
 * internal draft. Its title is the template's, with the directive's.
 */
export function fillFirmTemplate(cf: CaseFile, stored: { title: string; draftType: DraftTemplate['draftType']; shareable: boolean; document: DocumentNode }, today?: string): FilledTemplate {
  return fillDraftTemplate(cf, { title: stored.title, draftType: stored.draftType, internal: !stored.shareable, doc: stored.document }, today);
}

function fillDraftTemplate(cf: CaseFile, template: DraftTemplate, today: string | undefined): FilledTemplate {
  const values = caseMergeValues(cf, { today, internal: template.internal });
  const filled = fillMergeFields(template.doc, values);
  const shareable = !template.internal;
  return {
    title: `${template.title}: ${directiveAsShown(cf, shareable).title}`, draftType: template.draftType, shareable, ...filled,
    doc: shareable ? withoutRecordLinks(filled.doc) : filled.doc,
  };
}
