// The meeting brief: one document assembled from the case's own records for one meeting. Each section opens with
// a heading carrying a stable sectionId (shared/documents/brief-sections.ts), so after the user has edited the
// brief, one section can be rebuilt from the case (regenerateSection) while the others stay as edited.
//
// The shareable variant leaves out: walk-away positions (the column and every mention), both BATNAs (the section),
// notes marked internal, deadlines of kind "internal", and the directive's risk rating.
import {
  MEETING_BRIEF_SECTIONS, SHAREABLE_MARKING, bold, bulletList, doc, footnote, heading, italic, orderedList, paragraph, parseDocument, recordLink,
  replaceSection, SectionNotFoundError, table, type BlockNode, type DocumentNode, type InlineInput,
  type MeetingBriefSectionId, type PageOptions,
} from '../../../shared/documents/index.js';
import type { RecordOf } from '../../../shared/records.js';
import type { CaseFile } from '../case-file.js';
import { ParleyError } from '../errors.js';
import { capitalized, dueText, formatDay, meetingWhen, todayIso, words } from './format.js';

export interface MeetingBriefOptions {
  /** The version that can leave the negotiating team: see the list at the top of this file. */
  shareable?: boolean;
}


/** Issue statuses still in play: the ones to propose options for and ask questions about. */
export const ACTIVE_ISSUE: ReadonlySet<string> = new Set(['open', 'proposed', 'parked']);

/**
 * Issues that call for a carve-out, exemption, exception, waiver, tiered treatment or safe harbour, in any of
 * their title, description or positions: the options section proposes our target on each of them.
 */
const CARVE_OUT_WORDS = /carve[\s-]?outs?|exempt(?:ion|ions|ed)?|exceptions?|waivers?|tier(?:s|ed|ing)?\b|safe[\s-]harbou?rs?|allied/i;

/** What the case holds apart from any meeting, read once through the CaseFile API. */
export interface CaseData {
  directive: RecordOf<'directive'>;
  parties: Map<string, RecordOf<'party'>>;
  events: RecordOf<'event'>[];
  /** Open deadlines, due ones first, then TBD ones. */
  deadlines: RecordOf<'deadline'>[];
  issues: RecordOf<'issue'>[];
  batnas: RecordOf<'batna'>[];
  precedents: RecordOf<'precedent'>[];
  /** For each precedent, the issues it is linked to (either direction) and how. */
  precedentIssues: Map<string, { issue: RecordOf<'issue'>; linkType: string }[]>;
  actionItems: RecordOf<'actionItem'>[];
  /** Watch items not closed. */
  watchItems: RecordOf<'watchItem'>[];
}

/** Everything a brief is made from: the case, and the meeting with what surrounds it. */
interface BriefData extends CaseData {
  meeting: RecordOf<'meeting'>;
  previousMeeting: RecordOf<'meeting'> | null;
  attendees: RecordOf<'attendee'>[];
  previousDecisions: RecordOf<'decision'>[];
  /** Notes taken for this meeting. */
  notes: RecordOf<'note'>[];
}

/**
 * The meeting before this one: the latest meeting dated before it (by date, then start time) that was held or
 * planned. Cancelled and postponed meetings made no commitments. A meeting without a date comes after every
 * dated one, so its previous meeting is the latest dated meeting.
 */
function findPreviousMeeting(meetings: RecordOf<'meeting'>[], meeting: RecordOf<'meeting'>): RecordOf<'meeting'> | null {
  const key = (m: RecordOf<'meeting'>) => `${m.meetingDate ?? '9999-12-31'}T${m.startTime ?? '00:00'}`;
  const before = meetings.filter((m) =>
    m.id !== meeting.id && m.meetingDate && (m.status === 'held' || m.status === 'planned') && key(m) < key(meeting));
  return before.sort((a, b) => (key(a) < key(b) ? -1 : 1)).at(-1) ?? null;
}

export function readCaseData(cf: CaseFile): CaseData {
  const issues = cf.list('issue');
  const issuesById = new Map(issues.map((i) => [i.id, i]));
  const precedents = cf.list('precedent');
  const precedentIds = new Set(precedents.map((p) => p.id));
  const precedentIssues = new Map<string, { issue: RecordOf<'issue'>; linkType: string }[]>();
  for (const link of cf.list('link')) {
    if (link.toCaseId) continue;
    const [precedentId, issueId] =
      link.fromKind === 'precedent' && link.toKind === 'issue' ? [link.fromId, link.toId]
      : link.fromKind === 'issue' && link.toKind === 'precedent' ? [link.toId, link.fromId]
      : [null, null];
    const issue = issueId ? issuesById.get(issueId) : undefined;
    if (!precedentId || !issue || !precedentIds.has(precedentId)) continue;
    precedentIssues.set(precedentId, [...(precedentIssues.get(precedentId) ?? []), { issue, linkType: link.linkType }]);
  }
  return {
    directive: cf.directive(),
    parties: new Map(cf.list('party').map((p) => [p.id, p])),
    events: cf.list('event'),
    deadlines: cf.list('deadline', { filter: { status: 'open' } }),
    issues,
    batnas: cf.list('batna'),
    precedents,
    precedentIssues,
    actionItems: cf.list('actionItem'),
    watchItems: cf.list('watchItem').filter((w) => w.status !== 'closed'),
  };
}

function readBriefData(cf: CaseFile, meetingId: string): BriefData {
  const meeting = cf.get('meeting', meetingId);
  if (meeting.deletedAt) throw new ParleyError('not_found', 'This meeting is deleted; restore it to brief it.');
  const previousMeeting = findPreviousMeeting(cf.list('meeting'), meeting);
  return {
    ...readCaseData(cf),
    meeting,
    previousMeeting,
    attendees: cf.list('attendee', { filter: { meetingId } }),
    previousDecisions: previousMeeting ? cf.list('decision', { filter: { meetingId: previousMeeting.id } }) : [],
    notes: cf.list('note', { filter: { meetingId } }),
  };
}

// ---- the sections ------------------------------------------------------------------------------------------

type SectionBuilder = (data: BriefData, opts: MeetingBriefOptions) => BlockNode[];
/** A section that needs the case only, not a meeting: templates use these as block merge fields. */
type CaseSectionBuilder = (data: CaseData, opts: MeetingBriefOptions) => BlockNode[];

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

const issueLink = (issue: RecordOf<'issue'>) => recordLink(issue.title, 'issue', issue.id);

function ownerOf(data: CaseData, owner: string | null, partyId: string | null): string {
  return owner ?? (partyId ? data.parties.get(partyId)?.name : undefined) ?? '';
}

const purpose: SectionBuilder = ({ meeting }) => [
  paragraph(bold('When and where: '), meetingWhen(meeting)),
  ...labelled('Purpose', meeting.purpose, true),
  ...labelled('Desired outcome', meeting.desiredOutcome, true),
  ...(meeting.agenda?.length ? [paragraph(bold('Agenda')), orderedList(meeting.agenda)] : []),
];

const SIDE_TITLES: Record<RecordOf<'attendee'>['side'], string> = { ours: 'Our side', theirs: 'Their side', third_party: 'Third parties' };

const attendees: SectionBuilder = (data) => {
  if (!data.attendees.length) return [paragraph(italic('No attendees are recorded for this meeting yet.'))];
  return (Object.keys(SIDE_TITLES) as RecordOf<'attendee'>['side'][]).flatMap((side) => {
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

const background: CaseSectionBuilder = ({ directive: d, events }, opts) => {
  const facts = [
    d.referenceNumber && ['Reference', d.referenceNumber],
    d.issuingAuthority && ['Issued by', d.issuingAuthority],
    d.issuedOn && ['Issued on', formatDay(d.issuedOn)],
    d.receivedOn && ['Received on', formatDay(d.receivedOn)],
    d.counterparty && ['Counterparty', d.counterparty],
    ['Status', capitalized(d.status)],
    !opts.shareable && d.risk && ['Risk', capitalized(d.risk)],
  ].filter((f): f is [string, string] => !!f);
  return [
    paragraph(bold(d.title)),
    bulletList(facts.map(([label, value]) => [bold(`${label}: `), value])),
    ...labelled('Subject', d.subject),
    ...labelled('Scope', d.scope),
    ...labelled('Summary', d.summary),
    heading(3, 'Legal basis'),
    ...(d.legalBasis ? prose(d.legalBasis) : [paragraph(italic('Not recorded.'))]),
    ...(d.authoritiesCited?.length ? [paragraph('Authorities cited:'), bulletList(d.authoritiesCited)] : []),
    heading(3, 'Timeline'),
    events.length
      ? bulletList(events.map((e) => [bold(formatDay(e.occurredOn)), e.occurredTime ? ` ${e.occurredTime}` : '', ' \u2014 ', recordLink(e.title, 'event', e.id), e.description ? `: ${e.description}` : '']))
      : paragraph(italic('No events recorded yet.')),
  ];
};

const deadlines: CaseSectionBuilder = (data, opts) => {
  const shown = data.deadlines.filter((d) => !(opts.shareable && d.deadlineKind === 'internal'));
  if (!shown.length) return [paragraph(italic('No open deadlines.'))];
  const tbd = shown.filter((d) => d.dueType === 'tbd').length;
  return [
    ...(tbd ? [paragraph(`${tbd} of these ${tbd === 1 ? 'has' : 'have'} not been disclosed (TBD); the expected window and our confidence in it are given.`)] : []),
    table(['Deadline', 'Kind', 'Due', 'Owner'], shown.map((d) => [
      recordLink(d.title, 'deadline', d.id), capitalized(d.deadlineKind), dueText(d), ownerOf(data, d.owner, d.ownerPartyId) || NONE,
    ])),
  ];
};

const issuesTable: CaseSectionBuilder = ({ issues }, opts) => {
  if (!issues.length) return [paragraph(italic('No negotiation issues recorded yet.'))];
  const header = ['Issue', 'Priority', 'Our opening', 'Our target', ...(opts.shareable ? [] : ['Walk-away']), 'Their position', 'Status'];
  return [table(header, issues.map((i) => [
    issueLink(i), capitalized(i.priority), i.ourOpening || NONE, i.ourTarget || NONE,
    ...(opts.shareable ? [] : [i.ourWalkaway || NONE]), i.theirPosition || NONE, capitalized(i.status),
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

const options: SectionBuilder = ({ issues }) => {
  const active = issues.filter((i) => ACTIVE_ISSUE.has(i.status));
  const carveOuts = active.filter((i) =>
    [i.title, i.description, i.ourOpening, i.ourTarget, i.theirPosition].some((t) => t && CARVE_OUT_WORDS.test(t)));
  if (carveOuts.length) {
    return [
      paragraph(italic('Issues that mention a carve-out, exemption, exception, waiver, tier or safe harbour, with the position we propose on each.')),
      bulletList(carveOuts.map((i) => [
        paragraph(issueLink(i), ': propose ', i.ourTarget || i.ourOpening || 'a position still to be set'),
        ...(i.theirPosition ? [paragraph(italic('Their position: '), i.theirPosition)] : []),
      ])),
    ];
  }
  if (!active.length) return [paragraph(italic('No issue is still open.'))];
  return [
    paragraph(italic('No issue mentions a carve-out, exemption or tiered approach; these are our target positions on the issues still open.')),
    bulletList(active.map((i) => [issueLink(i), ': ', i.ourTarget || italic('target not set')])),
  ];
};

const precedents: CaseSectionBuilder = ({ precedents: all, precedentIssues }) => {
  if (!all.length) return [paragraph(italic('No precedents recorded yet.'))];
  // Those that bear on an issue come first, in the order of the issues they bear on.
  const issueRank = (p: RecordOf<'precedent'>) => Math.min(...(precedentIssues.get(p.id) ?? []).map((l) => l.issue.sortOrder ?? Number.MAX_SAFE_INTEGER - 1), Number.MAX_SAFE_INTEGER);
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

const actions: SectionBuilder = (data) => {
  const prev = data.previousMeeting;
  const itemTable = (items: RecordOf<'actionItem'>[]) => table(['Item', 'Owner', 'Due', 'Status'], items.map((a) => [
    [a.isCommitment ? bold('Commitment: ') : '', recordLink(a.title, 'actionItem', a.id)],
    ownerOf(data, a.owner, a.ownerPartyId) || NONE, a.dueDate ? formatDay(a.dueDate) : NONE, capitalized(a.status),
  ]));
  // From the previous meeting: every open item, and every commitment not cancelled (a kept promise is still worth
  // recalling in the room).
  const fromPrevious = prev ? data.actionItems.filter((a) => a.meetingId === prev.id && (a.status === 'open' || (a.isCommitment && a.status !== 'cancelled'))) : [];
  const otherOpen = data.actionItems.filter((a) => a.status === 'open' && (!prev || a.meetingId !== prev.id));
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
const questions: SectionBuilder = (data, opts) => {
  const items: InlineInput[] = [];
  for (const i of data.issues.filter((x) => ACTIVE_ISSUE.has(x.status))) {
    if (!i.theirPosition?.trim()) items.push(['What is their position on ', issueLink(i), '?']);
    else if (!i.theirInterests?.trim()) items.push(['What lies behind their position on ', issueLink(i), ' (\u201c', i.theirPosition.trim(), '\u201d), and what do they need from it?']);
  }
  for (const d of data.deadlines.filter((x) => x.dueType === 'tbd' && !(opts.shareable && x.deadlineKind === 'internal'))) {
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

const notes: SectionBuilder = (data, opts) => {
  const shown = data.notes.filter((n) => !(opts.shareable && n.internal));
  if (!shown.length) return [paragraph(italic('No notes for this meeting.'))];
  return shown.flatMap((n) => [
    paragraph(italic(`${n.createdBy}, ${formatDay((n.takenAt ?? n.createdAt).slice(0, 10))}${n.internal ? ' (internal)' : ''}`)),
    ...prose(n.body),
  ]);
};

const SECTION_BUILDERS: Record<MeetingBriefSectionId, SectionBuilder> = {
  purpose, attendees, background, deadlines, issues: issuesTable, batna, options, precedents, actions, questions, watch, notes,
};

/** The sections a template can take as block fields, built from the case alone. */
export const CASE_SECTIONS = { background, deadlines, issues: issuesTable, precedents } satisfies Record<string, CaseSectionBuilder>;

function compose(data: BriefData, opts: MeetingBriefOptions): DocumentNode {
  const { meeting, directive } = data;
  const front: BlockNode[] = [
    heading(1, `Meeting brief: ${meeting.title}`),
    paragraph(bold('Directive: '), recordLink(directive.title, 'directive', directive.id), directive.referenceNumber ? ` (${directive.referenceNumber})` : ''),
    ...(opts.shareable ? [paragraph(italic('Shareable version.'))] : []),
  ];
  const sections = MEETING_BRIEF_SECTIONS
    .filter((s) => !(opts.shareable && 'internalOnly' in s && s.internalOnly))
    .flatMap((s) => [heading(2, s.title, s.id), ...SECTION_BUILDERS[s.id](data, opts)]);
  return doc([...front, ...sections]);
}

/** Builds the brief for one meeting from the case's records. */
export function buildMeetingBrief(cf: CaseFile, meetingId: string, opts: MeetingBriefOptions = {}): DocumentNode {
  return compose(readBriefData(cf, meetingId), opts);
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
 * their pages here, so their footers read the same in every format.
 */
export function casePage(cf: CaseFile, title: string, opts: { marking?: string; today?: string } = {}): PageOptions {
  const directive = cf.directive();
  return {
    title,
    caseReference: directive.referenceNumber ? `${directive.title} (${directive.referenceNumber})` : directive.title,
    date: formatDay(opts.today ?? todayIso()),
    ...(opts.marking !== undefined ? { marking: opts.marking } : {}),
  };
}

/** What the pages of an exported brief carry: its title, the case reference, the date and the marking. */
export function meetingBriefPage(cf: CaseFile, meetingId: string, opts: MeetingBriefOptions & { marking?: string; today?: string } = {}): PageOptions {
  const meeting = cf.get('meeting', meetingId);
  const marking = opts.marking ?? (opts.shareable ? SHAREABLE_MARKING : undefined);
  return casePage(cf, `Meeting brief - ${meeting.title}${opts.shareable ? ' (shareable)' : ''}`, { marking, today: opts.today });
}
