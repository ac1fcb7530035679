// The meeting brief: one document assembled from the case's own records for one meeting. Each section opens with
// a heading carrying a stable sectionId (shared/documents/brief-sections.ts), so after the user has edited the
// brief, one section can be rebuilt from the case (regenerateSection) while the others stay as edited.
//
// The shareable variant is built by the same code from the shareable projection of the case (shared/sharing.ts):
// what may not leave is not in the records the sections are built from, so this file holds no rule about who may
// see what. A section shows a column or a line for a field only if the records it is given carry that field. The
// sections that are internal as a whole are declared so in brief-sections.ts; the finished shareable brief has its
// record links turned into plain text.
import {
  DEFAULT_BRIEF_SECTION_IDS, isInternalOnlySection, MEETING_BRIEF_SECTIONS, SHAREABLE_MARKING, bold, bulletList, doc, footnote, heading, italic, orderedList, paragraph, parseDocument, recordLink,
  replaceSection, SectionNotFoundError, table, withoutRecordLinks, type BlockNode, type DocumentNode, type InlineInput,
  type MeetingBriefSectionId, type PageOptions,
} from '../../../shared/documents/index.js';
import type { SharingChoiceInForce } from '../../../shared/api-types.js';
import { acceptedType, formatFileSize } from '../../../shared/attachments.js';
import { KINDS, type KindName } from '../../../shared/records.js';
import {
  fieldLabel, hasValue, recordTitle, rulesOver, shareableProjection, type CaseRecords, type ProjectedRecord, type ProjectedRecords,
} from '../../../shared/sharing.js';
import type { CaseFile } from '../case-file.js';
import { ParleyError } from '../errors.js';
import { caseRecords, directiveAsShown, shareableRecords } from '../sharing.js';
import { capitalized, dueText, formatDay, meetingWhen, words } from './format.js';
import { isoToday } from '../today.js';

export interface MeetingBriefOptions {
  /** The version that can leave the negotiating team: built from the shareable projection of the case. */
  shareable?: boolean;
  /** Sections the user chose to leave out (the preview's checklist). */
  leaveOut?: readonly MeetingBriefSectionId[];
  /**
   * The sections chosen, in the order chosen (the dialog's list, a brief template); DEFAULT_BRIEF_SECTION_IDS if
   * not given. The shareable rules and leaveOut apply to them as to the default.
   */
  sections?: readonly MeetingBriefSectionId[];
}

/** Issue statuses still in play: the ones to propose options for and ask questions about. */
export const ACTIVE_ISSUE: ReadonlySet<string> = new Set(['open', 'proposed', 'parked']);

/**
 * Issues that call for a carve-out, exemption, exception, waiver, tiered treatment or safe harbour, in any of
 * their title, description or positions: the options section proposes a position on each of them.
 */
const CARVE_OUT_WORDS = /carve[\s-]?outs?|exempt(?:ion|ions|ed)?|exceptions?|waivers?|tier(?:s|ed|ing)?\b|safe[\s-]harbou?rs?|allied/i;

/** The kinds a brief (and a template) is built from; the projection reads these and nothing else. */
export const BRIEF_KINDS: readonly KindName[] = [
  'directive', 'party', 'event', 'deadline', 'meeting', 'attendee', 'note', 'decision', 'actionItem', 'issue', 'batna',
  'precedent', 'link', 'watchItem', 'disclosure', 'attachment',
];

type Rec<K extends KindName> = ProjectedRecord<K>;

/** What the case holds apart from any meeting: every record, or only what the shareable projection lets leave. */
export interface CaseData {
  directive: Rec<'directive'>;
  parties: Map<string, Rec<'party'>>;
  events: Rec<'event'>[];
  /** Open deadlines, due ones first, then TBD ones. */
  deadlines: Rec<'deadline'>[];
  issues: Rec<'issue'>[];
  batnas: Rec<'batna'>[];
  precedents: Rec<'precedent'>[];
  /** For each precedent, the issues it is linked to (either direction), how, and by which link. */
  precedentIssues: Map<string, { issue: Rec<'issue'>; linkType: string; linkId: string }[]>;
  actionItems: Rec<'actionItem'>[];
  /** Watch items not closed. */
  watchItems: Rec<'watchItem'>[];
  /** Every live meeting, in date order. */
  meetings: Rec<'meeting'>[];
  /** The case's live attachments (in a shareable brief, those marked shareable). */
  attachments: Rec<'attachment'>[];
}

/** Everything a brief is made from: the case, and the meeting with what surrounds it. */
export interface BriefData extends CaseData {
  meeting: Rec<'meeting'>;
  previousMeeting: Rec<'meeting'> | null;
  attendees: Rec<'attendee'>[];
  previousDecisions: Rec<'decision'>[];
  /** Notes taken for this meeting. */
  notes: Rec<'note'>[];
}

/**
 * The meeting before this one: the latest meeting dated before it (by date, then start time) that was held or
 * planned. Cancelled and postponed meetings made no commitments. A meeting without a date comes after every
 * dated one, so its previous meeting is the latest dated meeting.
 */
function findPreviousMeeting(meetings: Rec<'meeting'>[], meeting: Rec<'meeting'>): Rec<'meeting'> | null {
  const key = (m: Rec<'meeting'>) => `${m.meetingDate ?? '9999-12-31'}T${m.startTime ?? '00:00'}`;
  const before = meetings.filter((m) =>
    m.id !== meeting.id && m.meetingDate && (m.status === 'held' || m.status === 'planned') && key(m) < key(meeting));
  return before.sort((a, b) => (key(a) < key(b) ? -1 : 1)).at(-1) ?? null;
}

/** The case's records a brief is built from: all of them, or the shareable projection. */
export function briefRecords(cf: CaseFile, shareable: boolean | undefined): CaseRecords | ProjectedRecords {
  return shareable ? shareableRecords(cf, BRIEF_KINDS).records : caseRecords(cf, BRIEF_KINDS);
}

/** The case data of the records given (see briefRecords). */
export function caseDataOf(records: CaseRecords | ProjectedRecords): CaseData {
  const all = records as ProjectedRecords;
  const issues = all.issue ?? [];
  const issuesById = new Map(issues.map((i) => [i.id, i]));
  const precedents = all.precedent ?? [];
  const precedentIds = new Set(precedents.map((p) => p.id));
  const precedentIssues: CaseData['precedentIssues'] = new Map();
  for (const link of all.link ?? []) {
    if (link.toCaseId) continue;
    const [precedentId, issueId] =
      link.fromKind === 'precedent' && link.toKind === 'issue' ? [link.fromId, link.toId]
      : link.fromKind === 'issue' && link.toKind === 'precedent' ? [link.toId, link.fromId]
      : [null, null];
    const issue = issueId ? issuesById.get(issueId) : undefined;
    if (!precedentId || !issue || !precedentIds.has(precedentId)) continue;
    precedentIssues.set(precedentId, [...(precedentIssues.get(precedentId) ?? []), { issue, linkType: link.linkType, linkId: link.id }]);
  }
  const directive = all.directive?.[0];
  if (!directive) throw new ParleyError('damaged', 'The case file holds no directive.');
  return {
    directive,
    parties: new Map((all.party ?? []).map((p) => [p.id, p])),
    events: all.event ?? [],
    deadlines: (all.deadline ?? []).filter((d) => d.status === 'open'),
    issues,
    batnas: all.batna ?? [],
    precedents,
    precedentIssues,
    actionItems: all.actionItem ?? [],
    watchItems: (all.watchItem ?? []).filter((w) => w.status !== 'closed'),
    meetings: all.meeting ?? [],
    attachments: all.attachment ?? [],
  };
}

/** The case data of the whole case (templates read it). */
export function readCaseData(cf: CaseFile, shareable = false): CaseData {
  return caseDataOf(briefRecords(cf, shareable));
}

/** Refuses a meeting that is not there or is deleted (briefDataOf refuses one the sharing rules keep in). */
export function checkBriefable(cf: CaseFile, meetingId: string): void {
  const meeting = cf.get('meeting', meetingId);
  if (meeting.deletedAt) throw new ParleyError('not_found', 'This meeting is deleted; restore it to brief it.');
}

/** The brief's data for one meeting, from the records given. */
export function briefDataOf(records: CaseRecords | ProjectedRecords, meetingId: string): BriefData {
  const data = caseDataOf(records);
  const meeting = data.meetings.find((m) => m.id === meetingId);
  if (!meeting) throw internalMeeting();
  const all = records as ProjectedRecords;
  const previousMeeting = findPreviousMeeting(data.meetings, meeting);
  return {
    ...data,
    meeting,
    previousMeeting,
    attendees: (all.attendee ?? []).filter((a) => a.meetingId === meetingId),
    previousDecisions: previousMeeting ? (all.decision ?? []).filter((d) => d.meetingId === previousMeeting.id) : [],
    notes: (all.note ?? []).filter((n) => n.meetingId === meetingId),
  };
}

function internalMeeting(): ParleyError {
  return new ParleyError('invalid_input', 'This meeting is internal, so it has no shareable brief. Mark it shareable to prepare one.');
}

/** The meeting as an artefact names it: as recorded, or (shareable) as the shareable projection has it. */
export function meetingAsShown(cf: CaseFile, meetingId: string, shareable: boolean | undefined): Rec<'meeting'> {
  checkBriefable(cf, meetingId);
  if (!shareable) return cf.get('meeting', meetingId);
  const meeting = shareableRecords(cf, ['meeting']).records.meeting?.find((m) => m.id === meetingId);
  if (!meeting) throw internalMeeting();
  return meeting;
}

/** Whether any of the records carries the field (a field that may not leave is not carried: see shared/sharing.ts). */
function carries<T extends object>(records: readonly T[], field: keyof T & string): boolean {
  return records.some((r) => field in r);
}

// ---- the sections ------------------------------------------------------------------------------------------

type SectionBuilder = (data: BriefData) => BlockNode[];
/** A section that needs the case only, not a meeting: templates use these as block merge fields. */
type CaseSectionBuilder = (data: CaseData) => BlockNode[];

const NONE = '\u2014';

/** Free text as paragraphs, one per blank-line-separated block. */
function prose(value: string | null | undefined, ...lead: InlineInput[]): BlockNode[] {
  const parts = (value ?? '').split(/\n\s*\n/).map((s) => s.trim()).filter(Boolean);
  if (!parts.length) return lead.length ? [paragraph(...lead)] : [];
  return parts.map((part, i) => paragraph(...(i === 0 ? lead : []), part));
}

/** "Label: value" paragraphs, or nothing (or "Label: not recorded", if the value is expected) when there is no value. */
function labelled(label: string, value: string | null | undefined, expected = false): BlockNode[] {
  if (value) return prose(value, bold(`${label}: `));
  return expected ? [paragraph(bold(`${label}: `), italic('not recorded'))] : [];
}

const issueLink = (issue: Rec<'issue'>) => recordLink(issue.title, 'issue', issue.id);

function ownerOf(data: CaseData, owner: string | null | undefined, partyId: string | null | undefined): string {
  return owner ?? (partyId ? data.parties.get(partyId)?.name : undefined) ?? '';
}

const purpose: SectionBuilder = ({ meeting }) => [
  paragraph(bold('When and where: '), meetingWhen(meeting)),
  // "Not recorded" only where the field is there to be recorded: a withheld one leaves no trace.
  ...labelled('Purpose', meeting.purpose, 'purpose' in meeting),
  ...labelled('Desired outcome', meeting.desiredOutcome, 'desiredOutcome' in meeting),
  ...(meeting.agenda?.length ? [paragraph(bold('Agenda')), orderedList(meeting.agenda)] : []),
];

const SIDE_TITLES: Record<Rec<'attendee'>['side'], string> = { ours: 'Our side', theirs: 'Their side', third_party: 'Third parties' };

const attendees: SectionBuilder = (data) => {
  if (!data.attendees.length) return [paragraph(italic('No attendees are recorded for this meeting yet.'))];
  return (Object.keys(SIDE_TITLES) as Rec<'attendee'>['side'][]).flatMap((side) => {
    const people = data.attendees.filter((a) => a.side === side);
    if (!people.length) return [];
    return [
      paragraph(bold(SIDE_TITLES[side])),
      bulletList(people.map((a) => {
        const party = a.partyId ? data.parties.get(a.partyId) : undefined;
        const organization = party?.organization ?? (party?.partyKind === 'organization' ? party.name : null);
        return [recordLink(a.name, 'attendee', a.id), a.role || party?.role ? ` \u2014 ${a.role ?? party?.role}` : '', organization ? ` (${organization})` : ''];
      })),
    ];
  });
};

const background: CaseSectionBuilder = ({ directive: d, events }) => {
  const facts = [
    d.referenceNumber && ['Reference', d.referenceNumber],
    d.issuingAuthority && ['Issued by', d.issuingAuthority],
    d.issuedOn && ['Issued on', formatDay(d.issuedOn)],
    d.receivedOn && ['Received on', formatDay(d.receivedOn)],
    d.counterparty && ['Counterparty', d.counterparty],
    ['Status', capitalized(d.status)],
    d.risk && ['Risk', capitalized(d.risk)],
  ].filter((f): f is [string, string] => !!f);
  return [
    paragraph(bold(d.title)),
    bulletList(facts.map(([label, value]) => [bold(`${label}: `), value])),
    ...labelled('Subject', d.subject),
    ...labelled('Scope', d.scope),
    ...labelled('Summary', d.summary),
    heading(3, 'Legal basis'),
    ...(d.legalBasis ? prose(d.legalBasis) : 'legalBasis' in d ? [paragraph(italic('Not recorded.'))] : []),
    ...(d.authoritiesCited?.length ? [paragraph('Authorities cited:'), bulletList(d.authoritiesCited)] : []),
    heading(3, 'Timeline'),
    events.length
      ? bulletList(events.map((e) => [bold(formatDay(e.occurredOn)), e.occurredTime ? ` ${e.occurredTime}` : '', ' \u2014 ', recordLink(e.title, 'event', e.id), e.description ? `: ${e.description}` : '']))
      : paragraph(italic('No events recorded yet.')),
  ];
};

const deadlines: CaseSectionBuilder = (data) => {
  const shown = data.deadlines;
  if (!shown.length) return [paragraph(italic('No open deadlines.'))];
  const tbd = shown.filter((d) => d.dueType === 'tbd').length;
  return [
    ...(tbd ? [paragraph(`${tbd} of these ${tbd === 1 ? 'has' : 'have'} not been disclosed (TBD); the expected window and our confidence in it are given.`)] : []),
    table(['Deadline', 'Kind', 'Due', 'Owner'], shown.map((d) => [
      recordLink(d.title, 'deadline', d.id), capitalized(d.deadlineKind), dueText(d), ownerOf(data, d.owner, d.ownerPartyId) || NONE,
    ])),
  ];
};

/** The issues table's position columns: each shown if any issue carries its field. */
const POSITION_COLUMNS = [
  ['ourOpening', 'Our opening'], ['ourTarget', 'Our target'], ['ourWalkaway', 'Walk-away'], ['theirPosition', 'Their position'],
] as const;

const issuesTable: CaseSectionBuilder = ({ issues }) => {
  if (!issues.length) return [paragraph(italic('No negotiation issues recorded yet.'))];
  const columns = POSITION_COLUMNS.filter(([field]) => carries(issues, field));
  const header = ['Issue', 'Priority', ...columns.map(([, title]) => title), 'Status'];
  return [table(header, issues.map((i) => [
    issueLink(i), capitalized(i.priority), ...columns.map(([field]) => i[field] || NONE), capitalized(i.status),
  ]))];
};

const batna: SectionBuilder = ({ batnas }) => {
  if (!batnas.length) return [paragraph(italic('No BATNA recorded for either side.'))];
  return (['ours', 'theirs'] as const).flatMap((side) => {
    const mine = batnas.filter((b) => b.side === side);
    return [
      paragraph(bold(side === 'ours' ? 'Ours' : 'Theirs')),
      mine.length
        ? bulletList(mine.map((b) => [recordLink(b.description, 'batna', b.id), b.strength ? ` (${b.strength})` : '', b.notes ? ` \u2014 ${b.notes}` : '']))
        : paragraph(italic('Not recorded.')),
    ];
  });
};

/** The position we propose on an issue: our target where the brief carries one, else our opening. */
const proposal = (i: Rec<'issue'>) => i.ourTarget || i.ourOpening;

const options: SectionBuilder = ({ issues }) => {
  const active = issues.filter((i) => ACTIVE_ISSUE.has(i.status));
  const carveOuts = active.filter((i) =>
    [i.title, i.description, i.ourOpening, i.ourTarget, i.theirPosition].some((t) => t && CARVE_OUT_WORDS.test(t)));
  if (carveOuts.length) {
    return [
      paragraph(italic('Issues that mention a carve-out, exemption, exception, waiver, tier or safe harbour, with the position we propose on each.')),
      bulletList(carveOuts.map((i) => [
        paragraph(issueLink(i), ': propose ', proposal(i) || 'a position still to be set'),
        ...(i.theirPosition ? [paragraph(italic('Their position: '), i.theirPosition)] : []),
      ])),
    ];
  }
  if (!active.length) return [paragraph(italic('No issue is still open.'))];
  return [
    paragraph(italic('No issue mentions a carve-out, exemption or tiered approach; these are the positions we propose on the issues still open.')),
    bulletList(active.map((i) => [issueLink(i), ': ', proposal(i) || italic('position not set')])),
  ];
};

const precedents: CaseSectionBuilder = ({ precedents: all, precedentIssues }) => {
  if (!all.length) return [paragraph(italic('No precedents recorded yet.'))];
  // Those that bear on an issue come first, in the order of the issues they bear on.
  const issueRank = (p: Rec<'precedent'>) => Math.min(...(precedentIssues.get(p.id) ?? []).map((l) => l.issue.sortOrder ?? Number.MAX_SAFE_INTEGER - 1), Number.MAX_SAFE_INTEGER);
  const ordered = all.map((p, index) => ({ p, index, linked: precedentIssues.has(p.id) }))
    .sort((a, b) => Number(b.linked) - Number(a.linked) || issueRank(a.p) - issueRank(b.p) || a.index - b.index);
  return [bulletList(ordered.map(({ p }) => {
    const facts = [capitalized(p.precedentType), p.jurisdiction, p.decidedOn && formatDay(p.decidedOn)].filter(Boolean).join(', ');
    const linked = precedentIssues.get(p.id) ?? [];
    return [
      // The citation is the precedent's footnote (Word puts it at the foot of the page; HTML and PDF at the end).
      paragraph(recordLink(p.title, 'precedent', p.id, { type: 'bold' }), p.citation ? footnote(p.citation) : null, facts ? ` (${facts})` : '', p.citation ? '' : italic(' (no citation recorded)')),
      ...(p.summary ? [paragraph(p.summary)] : []),
      ...(p.relevance ? [paragraph(bold('Why it matters: '), p.relevance)] : []),
      ...(linked.length ? [paragraph(bold('Bears on: '), linked.flatMap((l, n) => [n ? '; ' : '', issueLink(l.issue), ` (${words(l.linkType)})`]))] : []),
    ];
  }))];
};

/**
 * The action items the brief shows. From the previous meeting: every open item, and every commitment not cancelled
 * (a kept promise is still worth recalling in the room); from elsewhere, the open ones.
 */
export function actionItemsShown(data: BriefData): { fromPrevious: Rec<'actionItem'>[]; otherOpen: Rec<'actionItem'>[] } {
  const prev = data.previousMeeting;
  return {
    fromPrevious: prev ? data.actionItems.filter((a) => a.meetingId === prev.id && (a.status === 'open' || (a.isCommitment && a.status !== 'cancelled'))) : [],
    otherOpen: data.actionItems.filter((a) => a.status === 'open' && (!prev || a.meetingId !== prev.id)),
  };
}

const actions: SectionBuilder = (data) => {
  const prev = data.previousMeeting;
  const itemTable = (items: Rec<'actionItem'>[]) => table(['Item', 'Owner', 'Due', 'Status'], items.map((a) => [
    [a.isCommitment ? bold('Commitment: ') : '', recordLink(a.title, 'actionItem', a.id)],
    ownerOf(data, a.owner, a.ownerPartyId) || NONE, a.dueDate ? formatDay(a.dueDate) : NONE, capitalized(a.status),
  ]));
  const { fromPrevious, otherOpen } = actionItemsShown(data);
  return [
    ...(prev
      ? [
          paragraph('From the previous meeting, ', recordLink(prev.title, 'meeting', prev.id, { type: 'bold' }), ` (${formatDay(prev.meetingDate)}):`),
          fromPrevious.length ? itemTable(fromPrevious) : paragraph(italic('Nothing left open from that meeting.')),
          ...(data.previousDecisions.length ? [paragraph(bold('Decided at that meeting')), bulletList(data.previousDecisions.map((d) => d.text))] : []),
        ]
      : [paragraph(italic('No earlier meeting is recorded.'))]),
    ...(otherOpen.length ? [paragraph(bold('Other open action items')), itemTable(otherOpen)] : []),
  ];
};

/**
 * Questions to ask, derived from what the case does not know yet:
 * - each issue still in play whose position on their side is unrecorded (ask for it), or whose interests behind
 *   their stated position are unrecorded (ask what drives it);
 * - each open deadline not yet disclosed (TBD): ask when, giving the window we expect;
 * - each triggered watch item: ask how it bears on their position;
 * - no BATNA of theirs recorded: ask what happens for them without agreement.
 */
const questions: SectionBuilder = (data) => {
  const items: InlineInput[] = [];
  for (const i of data.issues.filter((x) => ACTIVE_ISSUE.has(x.status))) {
    if (!i.theirPosition?.trim()) items.push(['What is their position on ', issueLink(i), '?']);
    else if (!i.theirInterests?.trim()) items.push(['What lies behind their position on ', issueLink(i), ' (\u201c', i.theirPosition.trim(), '\u201d), and what do they need from it?']);
  }
  for (const d of data.deadlines.filter((x) => x.dueType === 'tbd')) {
    items.push(['When will ', recordLink(d.title, 'deadline', d.id), ' fall due? We have it as ', dueText(d), '.']);
  }
  for (const w of data.watchItems.filter((x) => x.status === 'triggered')) {
    items.push(['How does ', recordLink(w.title, 'watchItem', w.id), w.triggeredOn ? ` (triggered ${formatDay(w.triggeredOn)})` : ' (triggered)', ' change their position?']);
  }
  if (!data.batnas.some((b) => b.side === 'theirs')) items.push('What happens on their side if we reach no agreement?');
  return items.length ? [bulletList(items)] : [paragraph(italic('No open questions derived from the case.'))];
};

const watch: SectionBuilder = ({ watchItems }) => {
  if (!watchItems.length) return [paragraph(italic('Nothing is being watched.'))];
  return [bulletList(watchItems.map((w) => [
    paragraph(recordLink(w.title, 'watchItem', w.id, { type: 'bold' }), ` \u2014 ${w.status === 'triggered' ? `triggered${w.triggeredOn ? ` ${formatDay(w.triggeredOn)}` : ''}` : 'watching'}`),
    ...(w.description ? [paragraph(w.description)] : []),
    ...(w.indicators?.length ? [paragraph(bold('Indicators: '), w.indicators.join('; '))] : []),
    ...(w.implications ? [paragraph(bold('What it would change: '), w.implications)] : []),
    ...(w.evidence ? [paragraph(bold('Evidence: '), w.evidence)] : []),
  ]))];
};

const notes: SectionBuilder = (data) => {
  const shown = data.notes;
  if (!shown.length) return [paragraph(italic('No notes for this meeting.'))];
  return shown.flatMap((n) => [
    paragraph(italic(`${n.createdBy}, ${formatDay((n.takenAt ?? n.createdAt).slice(0, 10))}${n.internal ? ' (internal)' : ''}`)),
    ...prose(n.body),
  ]);
};

/**
 * The appendix: each file of the case by name, with what it is attached to, its type, size and description (never
 * its content). The record attached to is named by its title when the brief holds that record (in a shareable brief,
 * only a shareable one), else by its kind alone, so an internal record's title never leaves through an attachment.
 */
const attachments: CaseSectionBuilder = (data) => {
  if (!data.attachments.length) return [paragraph(italic('No attachments are listed.'))];
  const titles = recordTitles(data);
  const attachedTo = (a: Rec<'attachment'>) => {
    if (!a.attachedToKind || !a.attachedToId) return 'The case';
    const title = titles.get(a.attachedToId);
    return title ? recordLink(title, a.attachedToKind, a.attachedToId) : KINDS[a.attachedToKind].label;
  };
  return [table(['Name', 'Attached to', 'Type', 'Size', 'Description'], data.attachments.map((a) => [
    recordLink(a.name, 'attachment', a.id), attachedTo(a), acceptedType(a.mediaType)?.label ?? a.mediaType, formatFileSize(a.size), a.description || NONE,
  ]))];
};

/** The titles of the records the case data holds, by id (what an appendix entry may name). */
function recordTitles(data: CaseData): Map<string, string> {
  const titled: readonly { id: string; title: string }[] = [
    data.directive, ...data.deadlines, ...data.issues, ...data.precedents, ...data.actionItems, ...data.watchItems, ...data.meetings, ...data.events,
  ];
  const titles = new Map(titled.map((r) => [r.id, r.title]));
  for (const party of data.parties.values()) titles.set(party.id, party.name);
  return titles;
}

const SECTION_BUILDERS: Record<MeetingBriefSectionId, SectionBuilder> = {
  purpose, attendees, background, deadlines, issues: issuesTable, batna, options, precedents, actions, questions, watch, notes, attachments,
};

/** The sections a template can take as block fields, built from the case alone. */
export const CASE_SECTIONS = { background, deadlines, issues: issuesTable, precedents } satisfies Record<string, CaseSectionBuilder>;

/**
 * The sections a brief holds, in order: those chosen (by default all but the ones off by default), each once, less
 * those internal as a whole for a shareable one, less those left out.
 */
export function briefSections(opts: MeetingBriefOptions): MeetingBriefSectionId[] {
  return [...new Set(opts.sections ?? DEFAULT_BRIEF_SECTION_IDS)]
    .filter((id) => !(opts.shareable && isInternalOnlySection(id)) && !opts.leaveOut?.includes(id));
}

/** The records of each kind a brief's sections show, by id (the preview and the sharing-choices note read it). */
export type BriefScope = Map<KindName, Map<string, Readonly<Record<string, unknown>>>>;

export function briefScope(data: BriefData): BriefScope {
  const { fromPrevious, otherOpen } = actionItemsShown(data);
  const owners = [...data.attendees.map((a) => a.partyId), ...data.deadlines.map((d) => d.ownerPartyId), ...fromPrevious.map((a) => a.ownerPartyId), ...otherOpen.map((a) => a.ownerPartyId)];
  const parties = owners.flatMap((id) => (id && data.parties.get(id) ? [data.parties.get(id)!] : []));
  const links = [...data.precedentIssues.values()].flat().map((l) => ({ id: l.linkId, linkType: l.linkType }));
  const byKind: [KindName, readonly { id: string }[]][] = [
    ['directive', [data.directive]], ['party', parties], ['event', data.events], ['deadline', data.deadlines],
    ['issue', data.issues], ['batna', data.batnas], ['precedent', data.precedents], ['link', links],
    ['actionItem', [...fromPrevious, ...otherOpen]], ['watchItem', data.watchItems], ['attendee', data.attendees],
    ['meeting', data.previousMeeting ? [data.meeting, data.previousMeeting] : [data.meeting]],
    ['decision', data.previousDecisions], ['note', data.notes], ['attachment', data.attachments],
  ];
  return new Map(byKind.map(([kind, list]) => [kind, new Map(list.map((r) => [r.id, r as Readonly<Record<string, unknown>>]))]));
}

/**
 * The sharing choices a brief shows (issue 13: "the brief shows which"): those in force about the records and fields
 * its sections show. A shareable brief names only what a person let out that is internal by default (never what
 * was kept in, nor who chose); the internal brief names every choice, with who made it and when.
 */
export function choicesShown(all: CaseRecords, data: BriefData, opts: MeetingBriefOptions): SharingChoiceInForce[] {
  const rules = rulesOver(all);
  const stored = new Map<string, Readonly<Record<string, unknown>>>();
  for (const list of Object.values(all)) for (const rec of list ?? []) stored.set(rec.id, rec);
  const included = new Set(briefSections(opts));
  const drawn = new Map<KindName, Set<string>>();
  for (const s of MEETING_BRIEF_SECTIONS.filter((x) => included.has(x.id))) {
    for (const [kind, fields] of Object.entries(s.draws) as [KindName, readonly string[]][]) {
      drawn.set(kind, new Set([...(drawn.get(kind) ?? []), ...fields]));
    }
  }
  const scope = briefScope(data);
  const out: SharingChoiceInForce[] = [];
  for (const [kind, fields] of drawn) {
    for (const shown of scope.get(kind)?.values() ?? []) {
      const rec = stored.get(shown.id as string) as (Readonly<Record<string, unknown>> & { id: string }) | undefined;
      if (!rec) continue;
      const title = recordTitle(kind, shown);
      const entry = (field: string | null, c: { level: 'internal' | 'shareable'; by: string; at: string }): SharingChoiceInForce =>
        ({ kind, id: rec.id, title, field, fieldLabel: field ? fieldLabel(kind, field) : null, level: c.level, by: c.by, at: c.at, live: true });
      const whole = rules.choice(rec.id, null);
      if (whole && (!opts.shareable || (whole.level === 'shareable' && rules.record(kind, rec as never).defaultWhy))) out.push(entry(null, whole));
      for (const field of fields) {
        const c = rules.choice(rec.id, field);
        if (!c || !hasValue(rec[field])) continue;
        if (opts.shareable && !(c.level === 'shareable' && field in shown && rules.field(kind, rec as never, field).default === 'internal')) continue;
        out.push(entry(field, c));
      }
    }
  }
  return out;
}

/** A choice in words: "our target of “Allied access”", "the note “Call the bureau…”". */
function choiceWords(c: SharingChoiceInForce): string {
  const cut = c.title.slice(0, 60);
  const title = c.title.length > 60 ? `${cut.slice(0, cut.lastIndexOf(' ') > 20 ? cut.lastIndexOf(' ') : 60).trimEnd()}\u2026` : c.title;
  return c.fieldLabel ? `${c.fieldLabel.toLowerCase()} of \u201c${title}\u201d` : `the ${KINDS[c.kind].label.toLowerCase()} \u201c${title}\u201d`;
}

/** The brief's small note of the sharing choices it shows (see choicesShown), or nothing. */
function choicesNote(choices: readonly SharingChoiceInForce[], opts: MeetingBriefOptions): BlockNode[] {
  if (!choices.length) return [];
  if (opts.shareable) return [paragraph(italic(`Shared at the team\u2019s choice: ${choices.map(choiceWords).join('; ')}.`))];
  const each = choices.map((c) => `${choiceWords(c)} marked ${c.level} by ${c.by}, ${formatDay(c.at.slice(0, 10))}`);
  return [paragraph(italic(`Sharing choices (for the shareable version): ${each.join('; ')}.`))];
}

function sectionTitle(id: MeetingBriefSectionId): string {
  return MEETING_BRIEF_SECTIONS.find((s) => s.id === id)!.title;
}

function compose(data: BriefData, opts: MeetingBriefOptions, choices: readonly SharingChoiceInForce[] = []): DocumentNode {
  const { meeting, directive } = data;
  const front: BlockNode[] = [
    heading(1, `Meeting brief: ${meeting.title}`),
    paragraph(bold('Directive: '), recordLink(directive.title, 'directive', directive.id), directive.referenceNumber ? ` (${directive.referenceNumber})` : ''),
    ...(opts.shareable ? [paragraph(italic('Shareable version.'))] : []),
    ...choicesNote(choices, opts),
  ];
  const sections = briefSections(opts).flatMap((id) => [heading(2, sectionTitle(id), id), ...SECTION_BUILDERS[id](data)]);
  const built = doc([...front, ...sections]);
  // Nothing shareable points back into the case file: record links become their words.
  return opts.shareable ? withoutRecordLinks(built) : built;
}

/** Builds the brief for one meeting from the case's records (or, shareable, from what of them may leave). */
export function buildMeetingBrief(cf: CaseFile, meetingId: string, opts: MeetingBriefOptions = {}): DocumentNode {
  checkBriefable(cf, meetingId);
  const all = caseRecords(cf, BRIEF_KINDS);
  const data = briefDataOf(opts.shareable ? shareableProjection(all).records : all, meetingId);
  return compose(data, opts, choicesShown(all, data, opts));
}

/**
 * Rebuilds one section of an edited brief from a freshly built one (see replaceSection in
 * shared/documents/sections.ts for what is kept); the edited document is validated first.
 */
export function regenerateSection(edited: unknown, sectionId: string, freshBrief: DocumentNode): DocumentNode {
  const parsed = parseDocument(edited);
  if (!parsed.ok) throw new ParleyError('invalid_input', `The brief is not a valid document: ${parsed.problems[0]?.message ?? 'unknown problem'}.`, parsed.problems);
  try {
    return replaceSection(parsed.doc, sectionId, freshBrief);
  } catch (err) {
    if (err instanceof SectionNotFoundError) throw new ParleyError('not_found', `A meeting brief has no section "${sectionId}".`);
    throw err;
  }
}

/**
 * What the pages of any document of a case carry: its title, the case line (the directive's title and reference
 * number), the date and the marking. A brief exported from the app's drafts and one written by `parley brief` get
 * their pages here, so their footers read the same in every format. A shareable document's case line is read from
 * the shareable projection, like the document itself, and its marking is the shareable one unless another is chosen.
 */
export function casePage(cf: CaseFile, title: string, opts: { marking?: string; today?: string; shareable?: boolean } = {}): PageOptions {
  const marking = opts.marking ?? (opts.shareable ? SHAREABLE_MARKING : undefined);
  return {
    title,
    caseReference: caseReferenceOf(directiveAsShown(cf, opts.shareable)),
    date: formatDay(opts.today ?? isoToday()),
    ...(marking !== undefined ? { marking } : {}),
  };
}

/** What the pages of an exported brief carry: its title, the case reference, the date and the marking. */
export function meetingBriefPage(cf: CaseFile, meetingId: string, opts: MeetingBriefOptions & { marking?: string; today?: string } = {}): PageOptions {
  const meeting = meetingAsShown(cf, meetingId, opts.shareable);
  return casePage(cf, `Meeting brief - ${meeting.title}${opts.shareable ? ' (shareable)' : ''}`, { marking: opts.marking, today: opts.today, shareable: opts.shareable });
}

/** How a page names its case: the directive's title, with its reference number where it has one. */
export function caseReferenceOf(directive: Rec<'directive'>): string {
  return directive.referenceNumber ? `${directive.title} (${directive.referenceNumber})` : directive.title;
}
