// Random cases for the release check of what leaves the team (shareable.property.test.ts): every kind of record
// that has internal text, with a unique marker in every text the domain guide's "Who may see what" keeps ours alone,
// and ordinary words everywhere else. Written through the real dispatcher, so the case is what the app would hold.
//
// Which texts are internal is worked out here from the rule in its own words, not by asking the code under test:
// a field the registry declares internal; every text of a record that is ours as a whole (an internal note or
// deadline, a BATNA, a precedent from our own case files, a supports/undermines link, a concession not made in a
// held meeting, a draft not prepared as shareable, an attachment) or that a person marked internal, and of the
// records that belong to one (a meeting's attendees, notes, decisions and action items; an issue's decisions and
// concessions; a link whose end is internal); and a field a person marked internal.
import fc from 'fast-check';
import { DEADLINE_KINDS, LINK_TYPES, PRECEDENT_TYPES } from '../../shared/enums.js';
import { KINDS, type KindName } from '../../shared/records.js';
import type { TestApi } from '../helpers.js';

/** Words the texts are made of: none is a marker, and none is a link type (the brief writes those in words). */
const WORDS = [
  'bureau', 'licence', 'access', 'model', 'tier', 'review', 'allied', 'export', 'notice', 'terms', 'scope', 'hosted',
  'research', 'customers', 'timeline', 'order', 'agency', 'capability', 'framework', 'country', 'list', 'session',
  'proposal', 'the', 'of', 'for', 'with', 'carve-out', 'exemption',
] as const;

const text = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
/** Ordinary text; now and then with a parley: address pasted in, which nothing shareable may carry either. */
const shareableText = fc.tuple(text, fc.option(fc.uuid(), { freq: 6 })).map(([t, id]) => (id ? `${t} (parley://record/issue/${id})` : t));
const choice = fc.option(fc.constant('internal' as const), { freq: 4 });
const index = fc.nat({ max: 5 });

export interface CasePlan {
  /** Meeting 0 is the one briefed (planned, shareable); 1 is held before it; the others are held earlier still. */
  meetings: { internal: boolean }[];
  parties: { internal: boolean }[];
  events: { internal: boolean }[];
  attendees: { meeting: number; party: number | null; internal: boolean }[];
  notes: { meeting: number; markedInternal: boolean; internal: boolean }[];
  decisions: { meeting: number; issue: number | null }[];
  actionItems: { meeting: number | null; status: 'open' | 'done'; owner: number | null; internal: boolean }[];
  issues: { status: 'open' | 'proposed' | 'agreed' | 'parked'; internal: boolean }[];
  concessions: { issue: number; meeting: number | null }[];
  batnas: ('ours' | 'theirs')[];
  deadlines: { kind: (typeof DEADLINE_KINDS)[number]; tbd: boolean; open: boolean; owner: number | null; internal: boolean }[];
  precedents: { type: (typeof PRECEDENT_TYPES)[number]; internal: boolean }[];
  links: { precedent: number; issue: number; type: (typeof LINK_TYPES)[number]; reversed: boolean }[];
  watchItems: { status: 'watching' | 'triggered' | 'closed'; internal: boolean }[];
  /** Per record, which of its shareable text fields a person marks internal (drawn as a bit mask over them). */
  fieldMask: number[];
  /** The ordinary texts, drawn in the order they are used (cycled). */
  texts: string[];
}

const marked = fc.boolean().chain((b) => (b ? choice.map((c) => c === 'internal') : fc.constant(false)));

export const casePlan: fc.Arbitrary<CasePlan> = fc.record({
  meetings: fc.array(fc.record({ internal: marked }), { minLength: 1, maxLength: 3 }),
  parties: fc.array(fc.record({ internal: marked }), { maxLength: 3 }),
  events: fc.array(fc.record({ internal: marked }), { maxLength: 2 }),
  attendees: fc.array(fc.record({ meeting: index, party: fc.option(index), internal: marked }), { maxLength: 4 }),
  notes: fc.array(fc.record({ meeting: index, markedInternal: fc.boolean(), internal: marked }), { maxLength: 4 }),
  decisions: fc.array(fc.record({ meeting: index, issue: fc.option(index) }), { maxLength: 3 }),
  actionItems: fc.array(fc.record({ meeting: fc.option(index), status: fc.constantFrom('open' as const, 'done' as const), owner: fc.option(index), internal: marked }), { maxLength: 3 }),
  issues: fc.array(fc.record({ status: fc.constantFrom('open' as const, 'proposed' as const, 'agreed' as const, 'parked' as const), internal: marked }), { minLength: 1, maxLength: 4 }),
  concessions: fc.array(fc.record({ issue: index, meeting: fc.option(index) }), { maxLength: 3 }),
  batnas: fc.subarray(['ours', 'theirs'] as ('ours' | 'theirs')[]),
  deadlines: fc.array(fc.record({ kind: fc.constantFrom(...DEADLINE_KINDS), tbd: fc.boolean(), open: fc.boolean(), owner: fc.option(index), internal: marked }), { maxLength: 4 }),
  precedents: fc.array(fc.record({ type: fc.constantFrom(...PRECEDENT_TYPES), internal: marked }), { maxLength: 3 }),
  links: fc.array(fc.record({ precedent: index, issue: index, type: fc.constantFrom(...LINK_TYPES), reversed: fc.boolean() }), { maxLength: 4 }),
  watchItems: fc.array(fc.record({ status: fc.constantFrom('watching' as const, 'triggered' as const, 'closed' as const), internal: marked }), { maxLength: 3 }),
  fieldMask: fc.array(fc.nat({ max: 255 }), { minLength: 8, maxLength: 8 }),
  texts: fc.array(shareableText, { minLength: 8, maxLength: 8 }),
});

/** Fields a user writes words in: those the registry indexes for search (titles, descriptions, notes, lists of text). */
function textFields(kind: KindName): string[] {
  return Object.entries(KINDS[kind].fields).filter(([, f]) => (f as { search?: boolean }).search).map(([name]) => name);
}

export interface MarkedCase {
  caseId: string;
  meetingId: string;
  /** Every marker put in the case: none may reach anything shareable. */
  markers: string[];
  /** Markers the internal brief must carry (texts its sections show), so that the check can fail. */
  inInternalBrief: string[];
}

/**
 * Writes the plan as a case in a new file. Marker strings are `zq<case><n>zq` with fixed-width numbers, so no marker
 * holds another.
 */
export function writeMarkedCase(api: TestApi, plan: CasePlan, caseNumber: number, file: string): MarkedCase {
  const markers: string[] = [];
  const inInternalBrief: string[] = [];
  let nextText = 0;
  let nextMask = 0;
  const marker = () => {
    const m = `zq${String(caseNumber).padStart(4, '0')}${String(markers.length).padStart(4, '0')}zq`;
    markers.push(m);
    return m;
  };
  const words = () => plan.texts[nextText++ % plan.texts.length]!;
  const { caseId } = api.call('case.create', { path: file, directive: { title: 'Directive', status: 'negotiating' } });
  const call = (name: string, input: Record<string, unknown>) => (api.call as (n: string, i: unknown) => { id: string })(name, { caseId, ...input });

  /**
   * The text fields of a new record: a marker in each internal one (all of them for a record internal as a whole),
   * words in the others; with some shareable fields marked internal by a person afterwards (returned).
   */
  const texts = (kind: KindName, wholeInternal: boolean, shown: readonly string[] = [], allowChoices = true) => {
    const fields: Record<string, unknown> = {};
    const chosen: string[] = [];
    const mask = plan.fieldMask[nextMask++ % plan.fieldMask.length]!;
    textFields(kind).forEach((field, i) => {
      const def = (KINDS[kind].fields as Record<string, { share: string; required: boolean; json?: boolean; set?: boolean }>)[field]!;
      const choose = allowChoices && !wholeInternal && !def.required && def.share === 'shareable' && (mask >> (i % 8)) & 1 && i % 3 === 0;
      const isInternal = wholeInternal || def.share === 'internal' || !!choose;
      // A set's items are short labels (tags: at most 40 characters): the marker alone, or the first word.
      const value = def.set ? (isInternal ? marker() : words().split(' ')[0]!) : isInternal ? `${words().replace(/ \(parley:.*\)$/, '')} ${marker()}` : words();
      if (isInternal && shown.includes(field)) inInternalBrief.push(value.split(' ').at(-1)!);
      if (choose) chosen.push(field);
      // A list (tags) holds short items: the marker alone, or the first word.
      fields[field] = def.json ? [isInternal ? value.split(' ').at(-1)! : value.split(' ')[0]!] : value;
    });
    return { fields, chosen };
  };
  const make = (kind: KindName, structure: Record<string, unknown>, opts: { whole?: boolean; mark?: boolean; shown?: readonly string[] } = {}) => {
    const { fields, chosen } = texts(kind, !!(opts.whole || opts.mark), opts.shown);
    const rec = call(`${kind}.create`, { fields: { ...fields, ...structure } });
    if (opts.mark) call('sharing.set', { kind, id: rec.id, level: 'internal' });
    for (const field of chosen) call('sharing.set', { kind, id: rec.id, field, level: 'internal' });
    return rec.id;
  };
  const at = <T>(list: readonly T[], i: number | null) => (i === null || !list.length ? undefined : list[i % list.length]);

  // The directive: its internal fields (risk is a choice from a list; closures name days) and chosen ones.
  const directive = texts('directive', false);
  const directiveId = call('directive.update', { changes: { ...directive.fields, risk: 'high', closures: [{ date: '2026-12-24', name: `Office closed ${marker()}` }] } }).id;
  for (const field of directive.chosen) call('sharing.set', { kind: 'directive', id: directiveId, field, level: 'internal' });

  const parties = plan.parties.map((p) => ({ id: make('party', { partyKind: 'person', side: 'theirs' }, { mark: p.internal }), internal: p.internal }));
  for (const e of plan.events) make('event', { eventKind: 'statement', occurredOn: '2026-11-03' }, { mark: e.internal });

  // Meeting 0 is briefed: planned, last, and shareable (an internal meeting has no shareable brief).
  const meetings = plan.meetings.map((m, i) => {
    const internal = i > 0 && m.internal;
    const structure = i === 0
      ? { status: 'planned', meetingDate: '2026-12-03', agenda: [words()] }
      : { status: 'held', meetingDate: `2026-11-${String(20 - i).padStart(2, '0')}` };
    return { id: make('meeting', structure, { mark: internal, shown: i === 0 ? ['desiredOutcome'] : [] }), internal };
  });
  const briefed = meetings[0]!;
  const issues = plan.issues.map((issue, i) => ({
    id: make('issue', { priority: 'high', status: issue.status, sortOrder: i }, { mark: issue.internal, shown: ['ourTarget', 'ourWalkaway'] }),
    internal: issue.internal,
  }));

  for (const a of plan.attendees) {
    const meeting = at(meetings, a.meeting)!;
    const party = at(parties, a.party);
    make('attendee', { meetingId: meeting.id, side: 'ours', ...(party ? { partyId: party.id } : {}) }, { whole: meeting.internal, mark: a.internal && !meeting.internal });
  }
  for (const n of plan.notes) {
    const meeting = at(meetings, n.meeting)!;
    const shown = meeting === briefed ? ['body'] : [];
    make('note', { meetingId: meeting.id, internal: n.markedInternal }, { whole: meeting.internal || n.markedInternal, mark: n.internal && !meeting.internal && !n.markedInternal, shown });
  }
  for (const d of plan.decisions) {
    const meeting = at(meetings, d.meeting)!;
    const issue = at(issues, d.issue);
    make('decision', { meetingId: meeting.id, ...(issue ? { issueId: issue.id } : {}) }, { whole: meeting.internal || !!issue?.internal });
  }
  for (const a of plan.actionItems) {
    const meeting = at(meetings, a.meeting);
    const owner = at(parties, a.owner);
    make('actionItem', { status: a.status, ...(meeting ? { meetingId: meeting.id } : {}), ...(owner ? { ownerPartyId: owner.id } : {}) }, { whole: !!meeting?.internal, mark: a.internal && !meeting?.internal });
  }
  for (const c of plan.concessions) {
    const issue = at(issues, c.issue)!;
    const meeting = at(meetings, c.meeting);
    // Made across the table only in a held meeting that may itself be shared; otherwise one we plan.
    const made = !!meeting && meeting !== briefed && !meeting.internal;
    make('concession', { issueId: issue.id, direction: 'given', ...(meeting ? { meetingId: meeting.id } : {}) }, { whole: issue.internal || !made });
  }
  for (const side of plan.batnas) make('batna', { side }, { whole: true, shown: ['description'] });
  for (const d of plan.deadlines) {
    const owner = at(parties, d.owner);
    const whole = d.kind === 'internal';
    const due = d.tbd ? { dueType: 'tbd', windowStart: '2027-01-05', windowEnd: '2027-02-15', confidence: 'low' } : { dueType: 'date', dueDate: '2026-12-15' };
    // The owner's name comes from the party where no owner is written: leave it out now and then.
    const structure = { deadlineKind: d.kind, status: d.open ? 'open' : 'done', ...due, ...(owner ? { ownerPartyId: owner.id } : {}) };
    const id = make('deadline', structure, { whole, mark: d.internal && !whole, shown: d.open ? ['title'] : [] });
    if (owner && d.owner! % 2 === 0) call('deadline.update', { id, changes: { owner: null } });
  }
  const precedents = plan.precedents.map((p) => {
    const whole = p.type === 'case_file';
    return { id: make('precedent', { precedentType: p.type }, { whole, mark: p.internal && !whole, shown: ['relevance'] }), internal: whole || p.internal };
  });
  for (const l of plan.links) {
    const precedent = at(precedents, l.precedent);
    const issue = at(issues, l.issue)!;
    if (!precedent) continue;
    const ends = [{ kind: 'precedent', id: precedent.id }, { kind: 'issue', id: issue.id }];
    const [from, to] = l.reversed ? [ends[1]!, ends[0]!] : ends;
    const whole = l.type === 'supports' || l.type === 'undermines' || precedent.internal || issue.internal;
    make('link', { fromKind: from!.kind, fromId: from!.id, toKind: to!.kind, toId: to!.id, linkType: l.type }, { whole });
  }
  for (const w of plan.watchItems) make('watchItem', { status: w.status }, { mark: w.internal, shown: w.status === 'closed' ? [] : ['implications'] });

  // Drafts and attachments reach only a shareable copy of the case: an internal draft, a shareable one whose
  // document links a record, and an attachment (internal: its content is not read) whose bytes hold a marker.
  // Each has text typed since its last revision (internal, even on the shareable draft): an editor document, set
  // after the revision, which would take it over.
  const typedSince = () => ({ workingBody: JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `${words().replace(/ \(parley:.*\)$/, '')} ${marker()}` }] }] }) });
  const internalDraft = make('draft', { draftType: 'memo', status: 'working', workingBody: null }, { whole: true });
  call('draftRevision.create', { fields: { draftId: internalDraft, format: 'markdown', body: `${words()} ${marker()}`, note: marker() } });
  const sharedDraft = make('draft', { draftType: 'letter', status: 'working', shareable: true, workingBody: null }, {});
  const linked = { type: 'text', text: words(), marks: [{ type: 'recordLink', attrs: { kind: 'issue', id: issues[0]!.id } }] };
  const body = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [linked] }] });
  call('draftRevision.create', { fields: { draftId: sharedDraft, format: 'prosemirror', body, note: marker() } });
  for (const draft of [internalDraft, sharedDraft]) call('draft.update', { id: draft, changes: typedSince() });
  api.call('attachment.add', { caseId, name: `scan ${marker()}.pdf`, mediaType: 'application/pdf', description: marker(), dataBase64: Buffer.from(`%PDF-1.4 ${marker()}`).toString('base64') });

  return { caseId, meetingId: briefed.id, markers, inInternalBrief };
}
