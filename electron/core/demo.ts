// The sample case: a fictional export-control order against a fictional AI developer, written through the
// dispatcher like any user's work, so every record has its audit entry and search document. It backs
// `parley demo`, the app's first-run sample, and tests that want a realistic case. Every date is counted from
// DEMO_ANCHOR, so the sample is the same on every run.
import fs from 'node:fs';
import { addDays, format, parseISO } from 'date-fns';
import type { CaseInfo } from '../../shared/api-types.js';
import type { InputOf, OutputOf, SyncOpName } from '../../shared/contract.js';
import { applyRule, US_FEDERAL, workingCalendar } from '../../shared/deadlines/index.js';
import type { CreateInputOf, DeadlineRule } from '../../shared/records.js';
import { dispatch, type InternalErrorLog } from './api/dispatcher.js';
import { ParleyError } from './errors.js';
import type { Session } from './session.js';

/** The day the order reached Meridian Labs (a Monday). */
export const DEMO_ANCHOR = '2026-11-02';

/** The date `offset` days after the anchor (before it, if negative), as YYYY-MM-DD. */
export function demoDay(offset: number): string {
  return format(addDays(parseISO(DEMO_ANCHOR), offset), 'yyyy-MM-dd');
}

// November and December 2026 in Washington are on Eastern Standard Time (daylight time ends 1 November).
const EASTERN = 'America/New_York';
const easternInstant = (offset: number, time: string) => `${demoDay(offset)}T${time}:00-05:00`;

type Call = <N extends SyncOpName>(name: N, input: InputOf<N>) => OutputOf<N>;
interface Writer {
  call: Call;
  caseId: string;
}

/**
 * Writes the sample case to a new case file at `file` and returns its summary. The file is left open in the
 * session. If any step fails, the half-written file is closed and removed, so no partial sample is left behind.
 * `log` receives unexpected failures (the dispatcher's default prints them to stderr).
 */
export function writeDemoCase(session: Session, file: string, log?: InternalErrorLog): CaseInfo {
  const call: Call = (name, input) => {
    const result = dispatch(session, name, input, log);
    if (!result.ok) throw new ParleyError(result.error.code, `Writing the sample case failed at ${name}: ${result.error.message}`);
    return result.data;
  };
  const { caseId, path } = call('case.create', { path: file, directive: DIRECTIVE });
  try {
    writeRecords({ call, caseId });
    return call('case.info', { caseId });
  } catch (err) {
    discard(session, caseId, path);
    throw err;
  }
}

function discard(session: Session, caseId: string, path: string): void {
  session.close(caseId);
  for (const f of [path, `${path}-wal`, `${path}-shm`]) fs.rmSync(f, { force: true });
  session.library.forget(path);
}

function writeRecords(w: Writer): void {
  const parties = writeParties(w);
  const events = writeEvents(w);
  const meetings = writeMeetings(w, parties);
  writeDeadlines(w, parties, events);
  const issues = writeIssues(w, meetings.first);
  writeMeetingOutcomes(w, parties, meetings.first, issues);
  writeBatnas(w);
  const precedents = writePrecedents(w);
  const watchItems = writeWatchItems(w);
  writeLinks(w, { issues, precedents, watchItems, events });
  writeBrief(w, meetings.second);
  w.call('directive.update', {
    caseId: w.caseId,
    changes: { status: 'negotiating' },
    reason: 'The Bureau agreed at the first meeting to negotiate the terms; no suspension date while talks continue.',
  });
}

/** Creates one record per entry and returns their ids under the same keys. */
function createEach<K extends string, F>(entries: Record<K, F>, create: (fields: F) => { id: string }): Record<K, string> {
  return Object.fromEntries(Object.entries<F>(entries).map(([key, fields]) => [key, create(fields).id])) as Record<K, string>;
}

// ---- the directive ---------------------------------------------------------------------------------------------

const DIRECTIVE: CreateInputOf<'directive'> = {
  title: 'Order to suspend foreign-national access to the Atlas-5 model family',
  referenceNumber: 'BIC-SO-2026-0147',
  issuingAuthority: 'Bureau of Industry Controls, Department of Trade Security',
  legalBasis:
    'Issued under the Bureau\'s existing export-control authority over controlled technology. The order treats giving a ' +
    'foreign national access to the model (through the API, the assistant or model weights) as an export or deemed export ' +
    'of controlled technology. It cites no AI-specific statute: none exists.',
  authoritiesCited: [
    'Strategic Technology Export Act § 12(a) (controls on exports and in-country transfers)',
    'Strategic Technology Export Act § 14(c) (orders against a named person)',
    'Controlled Technology Regulations, 17 C.T.R. § 4.13 (deemed exports)',
  ],
  issuedOn: demoDay(-3),
  receivedOn: demoDay(0),
  subject: 'The Atlas-5 model family: Atlas-5, Atlas-5 Mini and Atlas-5 Vision, through the public API, the Atlas assistant and enterprise deployments.',
  scope:
    'Every foreign national, wherever located, including employees of US customers and US-resident visa holders. ' +
    'No exemption for allied countries; no distinction between the models of the family.',
  ourOrganization: 'Meridian Labs, Inc.',
  counterparty: 'Bureau of Industry Controls',
  holidayCalendarId: 'us-federal',
  closures: [],
  summary:
    'The first formal order to shut off access to a named frontier model. Meridian Labs must suspend access to Atlas-5 ' +
    'for every foreign national "on a date the Bureau will specify"; no date has been disclosed. Meridian confirmed ' +
    'receipt and is meeting officials to contest or negotiate the terms. Peer labs serve foreign nationals every day, so ' +
    'the outcome is likely to become the floor for them too. (Sample case: every name, citation and date is fictional.)',
  status: 'received',
  risk: 'critical',
};

// ---- parties ---------------------------------------------------------------------------------------------------

const PARTIES = {
  meridian: { name: 'Meridian Labs, Inc.', partyKind: 'organization', side: 'ours', role: 'Recipient of the order; developer of Atlas-5', contact: 'legal@meridian.example' },
  okafor: { name: 'Dana Okafor', partyKind: 'person', side: 'ours', role: 'General Counsel; leads the negotiation', organization: 'Meridian Labs', contact: 'dana.okafor@meridian.example' },
  brandt: { name: 'Luis Brandt', partyKind: 'person', side: 'ours', role: 'Head of Global Policy', organization: 'Meridian Labs', notes: 'Owns relations with allied governments and the carve-out list.' },
  hale: { name: 'Ruth Hale', partyKind: 'person', side: 'ours', role: 'Outside counsel (export controls)', organization: 'Hale & Wexford LLP', contact: '+1 202 555 0143' },
  bureau: { name: 'Bureau of Industry Controls', partyKind: 'organization', side: 'theirs', role: 'Issuing authority', organization: 'Department of Trade Security' },
  vance: { name: 'Marguerite Vance', partyKind: 'person', side: 'theirs', role: 'Under Secretary for Industry Controls; signed the order', organization: 'Bureau of Industry Controls' },
  reyes: { name: 'Tomas Reyes', partyKind: 'person', side: 'theirs', role: 'Deputy Director, Office of Licensing Policy', organization: 'Bureau of Industry Controls', notes: 'Technical lead on their side; asks about capability evaluations.' },
  northwind: { name: 'Northwind AI', partyKind: 'organization', side: 'third_party', role: 'Peer frontier lab; serves foreign nationals through its API', notes: 'Said publicly it would follow any allied-country framework.' },
  cobalt: { name: 'Cobalt Systems', partyKind: 'organization', side: 'third_party', role: 'Peer frontier lab', notes: 'No public position yet.' },
  marsh: { name: 'Office of Senator Ellen Marsh', partyKind: 'organization', side: 'third_party', role: 'Legislator\'s office; sponsor of the bill to codify the suspension authority' },
} satisfies Record<string, CreateInputOf<'party'>>;
type PartyIds = Record<keyof typeof PARTIES, string>;

function writeParties(w: Writer): PartyIds {
  return createEach(PARTIES, (fields) => w.call('party.create', { caseId: w.caseId, fields }));
}

// ---- events ----------------------------------------------------------------------------------------------------

const EVENTS = {
  issued: { title: 'Suspension order issued', eventKind: 'order_issued', occurredOn: demoDay(-3), description: 'The Bureau signs order BIC-SO-2026-0147 against Meridian Labs.', source: 'Order BIC-SO-2026-0147, p. 1' },
  received: { title: 'Order served on Meridian Labs', eventKind: 'order_received', occurredOn: demoDay(0), occurredTime: '09:40', timeZone: EASTERN, description: 'Delivered by courier to the general counsel\'s office.', source: 'Courier receipt' },
  confirmed: { title: 'Meridian confirms receipt and says it will meet officials', eventKind: 'statement', occurredOn: demoDay(1), description: 'Public statement: Meridian has received the order and will meet the administration to contest or negotiate its terms.', source: 'Meridian Labs newsroom' },
  acknowledged: { title: 'Written acknowledgment sent to the Bureau', eventKind: 'correspondence', occurredOn: demoDay(2), description: 'Letter from Dana Okafor acknowledging the order and asking for a meeting.' },
  billIntroduced: { title: 'Senator Marsh introduces a bill to codify the suspension authority', eventKind: 'statement', occurredOn: demoDay(7), description: 'The Frontier Model Export Security Act would give the Bureau express authority over foreign access to frontier models.', source: 'Senate floor statement' },
  firstMeeting: { title: 'First meeting with the Bureau', eventKind: 'meeting_held', occurredOn: demoDay(10), occurredTime: '10:00', timeZone: EASTERN },
} satisfies Record<string, CreateInputOf<'event'>>;
type EventIds = Record<keyof typeof EVENTS, string>;

function writeEvents(w: Writer): EventIds {
  // The directive's issued and received dates are events of the case already, made with it: they get their details.
  const directiveDate = { order_issued: 'issuedOn', order_received: 'receivedOn' } as Partial<Record<string, string>>;
  return createEach(EVENTS, (fields) => {
    const field = directiveDate[fields.eventKind];
    if (!field) return w.call('event.create', { caseId: w.caseId, fields });
    const [own] = w.call('event.list', { caseId: w.caseId, filter: { directiveDate: field } });
    if (!own) return w.call('event.create', { caseId: w.caseId, fields });
    return w.call('event.update', { caseId: w.caseId, id: own.id, changes: fields });
  });
}

// ---- meetings --------------------------------------------------------------------------------------------------

function writeMeetings(w: Writer, parties: PartyIds): { first: string; second: string } {
  const first = w.call('meeting.create', {
    caseId: w.caseId,
    fields: {
      title: 'First meeting with the Bureau on the suspension order',
      status: 'held',
      meetingDate: demoDay(10), startTime: '10:00', endTime: '12:00', timeZone: EASTERN,
      location: 'Bureau of Industry Controls, Washington, DC (Room 4830)',
      purpose: 'Hear the Bureau\'s concerns first-hand and open negotiation on the order\'s terms.',
      desiredOutcome: 'No suspension date while talks continue; the Bureau open to an allied-country carve-out and tiers by capability.',
      agenda: ['The Bureau\'s concerns and evidence', 'Who counts as a foreign national', 'Carve-outs: allied countries, capability tiers', 'Timing and wind-down', 'Next steps'],
      summary: 'Constructive. No suspension date while talks continue; interest in tiers defined by evaluation thresholds; an allied list possible for lower tiers only.',
    },
  }).id;
  const second = w.call('meeting.create', {
    caseId: w.caseId,
    fields: {
      title: 'Second meeting: tiered-access proposal',
      status: 'planned',
      meetingDate: demoDay(29), startTime: '14:00', endTime: '16:00', timeZone: EASTERN,
      location: 'Hale & Wexford LLP, Washington, DC',
      purpose: 'Walk the Bureau through our written tiered-access proposal and the allied-country list.',
      desiredOutcome: 'Agreement in principle on three capability tiers and an allied list for the two lower tiers.',
      agenda: ['Our tiered-access proposal', 'The allied-country list', 'Identity verification and reporting', 'A timetable to a written framework'],
    },
  }).id;
  const attendees: CreateInputOf<'attendee'>[] = [
    { meetingId: first, partyId: parties.okafor, name: 'Dana Okafor', side: 'ours', role: 'Lead negotiator', attended: true },
    { meetingId: first, partyId: parties.brandt, name: 'Luis Brandt', side: 'ours', role: 'Policy', attended: true },
    { meetingId: first, partyId: parties.hale, name: 'Ruth Hale', side: 'ours', role: 'Outside counsel', attended: true },
    { meetingId: first, partyId: parties.vance, name: 'Marguerite Vance', side: 'theirs', role: 'Chair', attended: true },
    { meetingId: first, partyId: parties.reyes, name: 'Tomas Reyes', side: 'theirs', role: 'Licensing policy', attended: true },
    { meetingId: first, name: 'Bureau note-taker', side: 'theirs', role: 'Minutes', attended: true },
    { meetingId: second, partyId: parties.okafor, name: 'Dana Okafor', side: 'ours', role: 'Lead negotiator' },
    { meetingId: second, partyId: parties.hale, name: 'Ruth Hale', side: 'ours', role: 'Outside counsel' },
    { meetingId: second, partyId: parties.reyes, name: 'Tomas Reyes', side: 'theirs', role: 'Licensing policy' },
  ];
  for (const fields of attendees) w.call('attendee.create', { caseId: w.caseId, fields });
  return { first, second };
}

// ---- deadlines -------------------------------------------------------------------------------------------------

/** Reconsideration must be asked for within 30 business days of receiving the order. */
const RECONSIDERATION_RULE: DeadlineRule = { amount: 30, unit: 'business_days', direction: 'after', roll: 'forward' };
/** Counted by the deadline engine over the US federal calendar, so it passes over Veterans Day and Thanksgiving. */
const RECONSIDERATION_DUE = applyRule(workingCalendar(US_FEDERAL), EVENTS.received.occurredOn, RECONSIDERATION_RULE).date;

function writeDeadlines(w: Writer, parties: PartyIds, events: EventIds): void {
  const deadlines: CreateInputOf<'deadline'>[] = [
    {
      title: 'Suspension of foreign-national access takes effect', deadlineKind: 'compliance', status: 'open', dueType: 'tbd',
      windowStart: demoDay(14), windowEnd: demoDay(75), confidence: 'low', owner: 'Dana Okafor', ownerPartyId: parties.okafor,
      notes: 'The order applies "on a date the Bureau will specify". Officials said no date will be set while talks are productive; the Marsh bill could speed one up.',
    },
    {
      title: 'Acknowledge the order in writing', deadlineKind: 'response', status: 'done', dueType: 'date', dueDate: demoDay(3),
      owner: 'Dana Okafor', ownerPartyId: parties.okafor,
    },
    {
      title: 'Written response to the Bureau\'s questions on scope', deadlineKind: 'response', status: 'open', dueType: 'date', dueDate: demoDay(17),
      owner: 'Ruth Hale', ownerPartyId: parties.hale, notes: 'Asked for at the first meeting: how we tell foreign nationals apart today, by product.',
    },
    {
      title: 'Deliver the written tiered-access proposal', deadlineKind: 'internal', status: 'open', dueType: 'datetime',
      dueDate: demoDay(22), dueTime: '17:00', timeZone: EASTERN, owner: 'Dana Okafor', ownerPartyId: parties.okafor,
      reminderOffsetsMinutes: [2 * 24 * 60, 120], notes: 'Our commitment from the first meeting; a week before the second meeting.',
    },
    {
      title: 'Second meeting with the Bureau', deadlineKind: 'meeting', status: 'open', dueType: 'datetime',
      dueDate: demoDay(29), dueTime: '14:00', timeZone: EASTERN, owner: 'Dana Okafor', notes: 'Our tiered-access proposal and the allied-country list.',
    },
    {
      title: 'Last day to ask the Bureau to reconsider the order', deadlineKind: 'statutory', status: 'open', dueType: 'date',
      dueDate: RECONSIDERATION_DUE,
      owner: 'Ruth Hale', ownerPartyId: parties.hale, triggerEventId: events.received, rule: RECONSIDERATION_RULE,
      notes: 'Reconsideration under the Bureau\'s procedures keeps the route to court open. File even if talks continue.',
    },
  ];
  for (const fields of deadlines) w.call('deadline.create', { caseId: w.caseId, fields });
}

// ---- negotiation issues ----------------------------------------------------------------------------------------

interface IssueSeed {
  fields: CreateInputOf<'issue'>;
  /** How a position moved at the first meeting, and why. */
  afterFirstMeeting?: { changes: Partial<CreateInputOf<'issue'>>; reason: string };
}

const ISSUES = {
  alliedCarveOut: {
    fields: {
      title: 'Allied-nation carve-out', priority: 'critical', status: 'proposed', sortOrder: 1,
      description: 'Whether nationals of allied countries are exempt from the suspension.',
      ourInterests: 'Most of our foreign usage is in allied countries; keep serving those customers and researchers, and avoid treating every foreign national alike.',
      ourOpening: 'Exempt nationals of every country in the allied country groups of the Controlled Technology Regulations.',
      ourTarget: 'Exempt nationals of the closest allies (about 30 countries), with screening for the rest.',
      ourWalkaway: 'An exemption list the Bureau may change only with 60 days\' notice and a transition period.',
      theirPosition: 'No country exemptions; licences case by case for named customers.',
      theirInterests: 'A rule they can defend in public and apply to other labs, with control over the list kept by the Bureau.',
    },
    afterFirstMeeting: {
      changes: { theirPosition: 'Open to a short allied list, for the lower capability tiers only.' },
      reason: 'Stated by Under Secretary Vance at the first meeting.',
    },
  },
  tieredAccess: {
    fields: {
      title: 'Tiered access by model capability', priority: 'critical', status: 'proposed', sortOrder: 2,
      description: 'Whether restrictions depend on what a model can do rather than on its name.',
      ourInterests: 'Keep Atlas-5 Mini and Vision available worldwide; confine any restriction to the most capable model.',
      ourOpening: 'Only the full Atlas-5 model is restricted, and only for nationals of countries of concern.',
      ourTarget: 'Three tiers named in the order: Atlas-5 restricted, Mini and Vision open.',
      ourWalkaway: 'The top tier suspended for foreign nationals outside allied countries; lower tiers unaffected.',
      theirPosition: 'Every Atlas-5 model is in scope until the Bureau has reviewed capability evaluations.',
      theirInterests: 'Not be seen to let the most capable models reach adversaries; avoid a test another lab can game.',
    },
    afterFirstMeeting: {
      changes: { ourTarget: 'Three tiers defined by published evaluation thresholds; only the top tier restricted for foreign nationals outside allied countries.' },
      reason: 'The Bureau will accept tiers defined by evaluation thresholds, not by model name; thresholds also protect future models.',
    },
  },
  foreignNational: {
    fields: {
      title: 'Who counts as a foreign national', priority: 'high', status: 'open', sortOrder: 3,
      description: 'Whether US-resident visa holders and employees of US customers are covered.',
      ourInterests: 'Not police the nationality of our customers\' staff; keep US research teams whole.',
      ourOpening: 'Only access from outside the United States counts; everyone in the US is out of scope.',
      ourTarget: 'US-resident visa holders and employees of US customers are out of scope.',
      ourWalkaway: 'US-resident visa holders out of scope; customers\' other foreign staff screened by the customer.',
      theirPosition: 'Any non-US person, wherever located.',
      theirInterests: 'Consistency with the deemed-export rule they apply elsewhere.',
    },
    afterFirstMeeting: {
      changes: { theirPosition: 'US-resident visa holders out of scope until the Bureau issues guidance; everyone else in scope.' },
      reason: 'Conceded by the Bureau at the first meeting.',
    },
  },
  windDown: {
    fields: {
      title: 'Suspension date and wind-down period', priority: 'high', status: 'open', sortOrder: 4,
      description: 'When any suspension takes effect, and how long existing customers have to move.',
      ourInterests: 'Honour enterprise contracts; give customers time to move; no cliff edge during renewals.',
      ourOpening: 'No suspension while talks continue; a 180-day wind-down if one is ordered.',
      ourTarget: 'At least 120 days\' notice before any suspension date.',
      ourWalkaway: '30 days\' notice, and service to existing enterprise customers until their contract ends.',
      theirPosition: 'Suspension on a date the Bureau will specify; no wind-down promised.',
      theirInterests: 'Keep the threat of a date as leverage; avoid a long period that looks like inaction.',
    },
    afterFirstMeeting: {
      changes: { ourTarget: 'At least 90 days\' notice before any suspension date.' },
      reason: 'Officials said a long wind-down would be hard to defend publicly; 90 days still covers our enterprise renewals.',
    },
  },
  verification: {
    fields: {
      title: 'Identity verification and reporting', priority: 'medium', status: 'proposed', sortOrder: 5,
      description: 'What we must do to know who uses the restricted tier, and what we report.',
      ourInterests: 'Keep verification proportionate for developers; no customer names in reports.',
      ourOpening: 'Our existing know-your-customer checks for enterprise accounts; no new reporting.',
      ourTarget: 'Enhanced checks for API customers outside allied countries; quarterly aggregate reports.',
      ourWalkaway: 'Enhanced checks for all API customers; monthly reports without customer names.',
      theirPosition: 'Verify the identity of every user; access logs on request.',
      theirInterests: 'Evidence that any carve-out is enforced, without building their own monitoring.',
    },
  },
  confidentiality: {
    fields: {
      title: 'Public statements during the talks', priority: 'low', status: 'agreed', sortOrder: 6,
      description: 'What either side says in public while the talks continue.',
      ourInterests: 'Reassure customers without provoking the Bureau or the Hill.',
      ourOpening: 'Either side may describe the talks in general terms.',
      ourTarget: 'A joint statement when a framework is agreed; otherwise no comment.',
      ourWalkaway: 'No public comment by us while talks continue.',
      theirPosition: 'No public comment on the talks by either side.',
      theirInterests: 'Control the announcement of any framework.',
    },
  },
} satisfies Record<string, IssueSeed>;
type IssueIds = Record<keyof typeof ISSUES, string>;

function writeIssues(w: Writer, firstMeeting: string): IssueIds {
  const ids = createEach(ISSUES, (seed: IssueSeed) => w.call('issue.create', { caseId: w.caseId, fields: seed.fields }));
  for (const [key, seed] of Object.entries<IssueSeed>(ISSUES)) {
    if (!seed.afterFirstMeeting) continue;
    w.call('issue.update', {
      caseId: w.caseId, id: ids[key as keyof IssueIds], changes: seed.afterFirstMeeting.changes,
      reason: seed.afterFirstMeeting.reason, meetingId: firstMeeting,
    });
  }
  return ids;
}

// ---- what the first meeting produced ---------------------------------------------------------------------------

function writeMeetingOutcomes(w: Writer, parties: PartyIds, meetingId: string, issues: IssueIds): void {
  const notes: CreateInputOf<'note'>[] = [
    { meetingId, takenAt: easternInstant(10, '10:05'), body: 'Vance opened: the order is "a floor, not a ceiling". No suspension date will be set while the talks are productive.' },
    { meetingId, takenAt: easternInstant(10, '10:40'), body: 'Reyes asked whether we can tell capability tiers apart at the API. We said yes, by model endpoint, and offered a written proposal.' },
    { meetingId, takenAt: easternInstant(10, '11:15'), body: 'The Bureau would consider an allied-nation exemption list modelled on its existing country groups, but not for the most capable tier.' },
    { meetingId, takenAt: easternInstant(10, '12:20'), internal: true, body: 'Our read: they need something to announce before the Marsh bill moves. A framework they can present as theirs is worth more to them than the suspension.' },
  ];
  for (const fields of notes) w.call('note.create', { caseId: w.caseId, fields });

  const decisions: CreateInputOf<'decision'>[] = [
    { meetingId, issueId: issues.tieredAccess, text: 'Meridian will send a written tiered-access proposal before the second meeting.' },
    { meetingId, issueId: issues.foreignNational, text: 'US-resident visa holders are outside the order until the Bureau issues guidance.' },
    { meetingId, issueId: issues.confidentiality, text: 'Neither side comments publicly on the talks until a framework is agreed.' },
  ];
  for (const fields of decisions) w.call('decision.create', { caseId: w.caseId, fields });

  const actionItems: CreateInputOf<'actionItem'>[] = [
    { meetingId, title: 'Send the written tiered-access proposal to the Bureau', status: 'open', isCommitment: true, owner: 'Dana Okafor', ownerPartyId: parties.okafor, dueDate: demoDay(22), notes: 'Promised to Tomas Reyes at the first meeting.' },
    { meetingId, title: 'Draft the allied-country list with the reasons for each country', status: 'open', owner: 'Luis Brandt', ownerPartyId: parties.brandt, dueDate: demoDay(20) },
    { meetingId, title: 'Bureau to say whether and when it will set a suspension date', status: 'open', owner: 'Tomas Reyes', ownerPartyId: parties.reyes },
    { meetingId, title: 'Circulate the meeting notes to the negotiating team', status: 'done', owner: 'Ruth Hale', ownerPartyId: parties.hale, dueDate: demoDay(11) },
  ];
  for (const fields of actionItems) w.call('actionItem.create', { caseId: w.caseId, fields });

  const concessions: CreateInputOf<'concession'>[] = [
    { issueId: issues.verification, direction: 'given', meetingId, madeOn: demoDay(10), description: 'Offered enhanced identity checks for API customers outside allied countries.' },
    { issueId: issues.confidentiality, direction: 'given', meetingId, madeOn: demoDay(10), description: 'Agreed to make no public comment on the talks while they continue.' },
    { issueId: issues.foreignNational, direction: 'received', meetingId, madeOn: demoDay(10), description: 'The Bureau accepted that US-resident visa holders are outside the order until it issues guidance.' },
    { issueId: issues.alliedCarveOut, direction: 'received', meetingId, madeOn: demoDay(10), description: 'The Bureau agreed to consider an allied-country list for the lower capability tiers.' },
  ];
  for (const fields of concessions) w.call('concession.create', { caseId: w.caseId, fields });
}

function writeBatnas(w: Writer): void {
  const batnas: CreateInputOf<'batna'>[] = [
    {
      side: 'ours', strength: 'moderate',
      description: 'Comply under protest for the top tier and ask a court to set the order aside as beyond the Bureau\'s export-control authority and without a reasoned explanation.',
      notes: 'A suit takes 6 to 12 months and the suspension would likely apply meanwhile. Allied governments may press the administration on our behalf.',
    },
    {
      side: 'theirs', strength: 'strong',
      description: 'Set a suspension date and enforce the order as written, while the Marsh bill gives them express statutory authority.',
      notes: 'Weaker if allied governments object in public or if peer labs refuse to follow the order voluntarily.',
    },
  ];
  for (const fields of batnas) w.call('batna.create', { caseId: w.caseId, fields });
}

// ---- precedents and watch items --------------------------------------------------------------------------------

const PRECEDENTS = {
  statute: {
    title: 'Strategic Technology Export Act', precedentType: 'statute', citation: 'Strategic Technology Export Act §§ 12-14', decidedOn: '2019-08-13', jurisdiction: 'United States (federal)',
    summary: 'Lets the Bureau control exports, re-exports and in-country transfers of controlled technology, including release to foreign nationals, and issue orders against named persons.',
    relevance: 'The order\'s only legal basis. It says nothing about access to a model offered as a service: our strongest argument that the order goes beyond the Act.',
  },
  deemedExportRule: {
    title: 'Deemed-export rule', precedentType: 'regulation', citation: 'Controlled Technology Regulations, 17 C.T.R. § 4.13', decidedOn: '2020-03-02', jurisdiction: 'United States (federal)',
    summary: 'Releasing controlled technology to a foreign national inside the United States is deemed an export to that person\'s country.',
    relevance: 'How the Bureau reaches visa holders. Its country groups are also the template for an allied carve-out.',
  },
  halden: {
    title: 'Halden Robotics, Inc. v. Bureau of Industry Controls', precedentType: 'court_decision', citation: 'No. 24-cv-0912 (D.D.C. 2025)', decidedOn: '2025-06-18', jurisdiction: 'District of Columbia (federal district court)',
    summary: 'An order aimed at one company must rest on a reasoned explanation in the record; the court sent the order back to the Bureau without setting it aside.',
    relevance: 'Supports asking for the record behind the order and an explanation for covering every foreign national.',
  },
  computeThresholds: {
    title: 'Interim rule on advanced computing thresholds', precedentType: 'agency_action', citation: 'Bureau of Industry Controls, Interim Final Rule IFR-2025-07', decidedOn: '2025-03-10', jurisdiction: 'United States (federal)',
    summary: 'Controls advanced chips by performance thresholds, with a licence exception for allied country groups.',
    relevance: 'The Bureau itself has tiered controls by capability and exempted allies: the closest model for both carve-outs we want.',
  },
  marshStatement: {
    title: 'Senator Marsh introduces the Frontier Model Export Security Act', precedentType: 'public_statement', citation: 'Congressional Record, Senate floor statement (S. 4127)', decidedOn: demoDay(7), jurisdiction: 'United States Congress',
    summary: 'Proposes express authority for the Bureau to restrict foreign access to frontier models, with no country exemptions.',
    relevance: 'If enacted, it removes our argument that the order exceeds the Bureau\'s authority, and the Bureau\'s reason to compromise.',
  },
  northwindStatement: {
    title: 'Northwind AI on access for allied countries', precedentType: 'public_statement', citation: 'Northwind AI blog post', decidedOn: demoDay(14), jurisdiction: 'Industry',
    summary: 'Northwind says it would apply any allied-country framework the Bureau adopts to its own models.',
    relevance: 'A framework would not be Meridian\'s alone: the Bureau can present it as an industry standard.',
  },
} satisfies Record<string, CreateInputOf<'precedent'>>;
type PrecedentIds = Record<keyof typeof PRECEDENTS, string>;

function writePrecedents(w: Writer): PrecedentIds {
  return createEach(PRECEDENTS, (fields) => w.call('precedent.create', { caseId: w.caseId, fields }));
}

const WATCH_ITEMS = {
  carveOutFramework: {
    title: 'A carve-out framework adopted by other labs', status: 'watching',
    description: 'Whether the talks produce a framework (allied-nation exemptions, tiered access by capability) that other frontier labs adopt.',
    indicators: ['A peer lab announces allied-country access rules', 'The Bureau publishes a framework or FAQ naming capability tiers', 'Allied governments endorse the framework'],
    implications: 'If peers adopt it first, the Bureau can no longer call a carve-out unworkable: hold our target on the allied list and push for thresholds.',
    evidence: 'Northwind AI said it would follow any allied-country framework the Bureau adopts.',
  },
  codifyingLegislation: {
    title: 'Legislation turning the order into statutory authority', status: 'triggered', triggeredOn: demoDay(7),
    description: 'Whether the legislature gives the Bureau express authority over foreign access to frontier models.',
    indicators: ['A bill is introduced', 'A committee hearing is scheduled', 'The bill is attached to must-pass legislation'],
    implications: 'Our argument that the order exceeds the Bureau\'s authority weakens and their BATNA strengthens: aim to settle before committee markup.',
    evidence: 'S. 4127, introduced by Senator Marsh and referred to committee.',
  },
  suspensionDate: {
    title: 'The Bureau sets a suspension date', status: 'watching',
    description: 'Any sign that the undisclosed suspension date is about to be fixed.',
    indicators: ['A notice in the Federal Register', 'Officials stop answering about timing', 'Peer labs receive similar orders'],
    implications: 'Start the wind-down plan and file for reconsideration at once.',
  },
} satisfies Record<string, CreateInputOf<'watchItem'>>;
type WatchItemIds = Record<keyof typeof WATCH_ITEMS, string>;

function writeWatchItems(w: Writer): WatchItemIds {
  return createEach(WATCH_ITEMS, (fields) => w.call('watchItem.create', { caseId: w.caseId, fields }));
}

// ---- typed links -----------------------------------------------------------------------------------------------

function writeLinks(w: Writer, ids: { issues: IssueIds; precedents: PrecedentIds; watchItems: WatchItemIds; events: EventIds }): void {
  const { issues, precedents, watchItems, events } = ids;
  const directiveId = w.call('directive.get', { caseId: w.caseId }).id;
  const links: CreateInputOf<'link'>[] = [
    { fromKind: 'directive', fromId: directiveId, linkType: 'cites', toKind: 'precedent', toId: precedents.statute },
    { fromKind: 'directive', fromId: directiveId, linkType: 'cites', toKind: 'precedent', toId: precedents.deemedExportRule },
    { fromKind: 'precedent', fromId: precedents.computeThresholds, linkType: 'supports', toKind: 'issue', toId: issues.tieredAccess, note: 'The Bureau already controls chips by capability thresholds.' },
    { fromKind: 'precedent', fromId: precedents.computeThresholds, linkType: 'supports', toKind: 'issue', toId: issues.alliedCarveOut, note: 'Same rule exempts allied country groups.' },
    { fromKind: 'precedent', fromId: precedents.deemedExportRule, linkType: 'undermines', toKind: 'issue', toId: issues.foreignNational, note: 'The rule reaches foreign nationals inside the US.' },
    { fromKind: 'precedent', fromId: precedents.halden, linkType: 'supports', toKind: 'issue', toId: issues.foreignNational, note: 'Covering everyone needs a reasoned explanation.' },
    { fromKind: 'precedent', fromId: precedents.halden, linkType: 'analogous_to', toKind: 'directive', toId: directiveId },
    { fromKind: 'precedent', fromId: precedents.marshStatement, linkType: 'undermines', toKind: 'issue', toId: issues.alliedCarveOut, note: 'The bill has no country exemptions.' },
    { fromKind: 'watchItem', fromId: watchItems.carveOutFramework, linkType: 'supports', toKind: 'issue', toId: issues.alliedCarveOut, note: 'Adoption by peers makes the carve-out the industry norm.' },
    { fromKind: 'watchItem', fromId: watchItems.codifyingLegislation, linkType: 'cites', toKind: 'precedent', toId: precedents.marshStatement },
    { fromKind: 'precedent', fromId: precedents.northwindStatement, linkType: 'supports', toKind: 'watchItem', toId: watchItems.carveOutFramework },
    { fromKind: 'event', fromId: events.confirmed, linkType: 'responds_to', toKind: 'directive', toId: directiveId },
  ];
  for (const fields of links) w.call('link.create', { caseId: w.caseId, fields });
}

// ---- the meeting brief -----------------------------------------------------------------------------------------

function writeBrief(w: Writer, meetingId: string): void {
  const draft = w.call('draft.create', {
    caseId: w.caseId,
    fields: { title: 'Brief for the second meeting with the Bureau', draftType: 'meeting_brief', status: 'working', meetingId },
  });
  const revisions: { body: string; note: string }[] = [
    { body: briefOutline(), note: 'Outline' },
    { body: fullBrief(), note: 'Issues table, carve-outs, commitments from the first meeting' },
  ];
  for (const { body, note } of revisions) {
    w.call('draftRevision.create', { caseId: w.caseId, fields: { draftId: draft.id, format: 'markdown', body, note } });
  }
}

function briefOutline(): string {
  return [
    '# Brief: second meeting with the Bureau of Industry Controls',
    '',
    '## Purpose',
    'Present the tiered-access proposal and the allied-country list.',
    '',
    '## To fill in',
    '- Attendees and roles',
    '- Issues table',
    '- Carve-outs to propose',
    '- Questions to ask',
    '',
  ].join('\n');
}

const cell = (text: string | null | undefined) => (text ?? '').replaceAll('|', '\\|');

function fullBrief(): string {
  const issueRows = Object.values<IssueSeed>(ISSUES).map(({ fields, afterFirstMeeting }) => {
    const now = { ...fields, ...afterFirstMeeting?.changes };
    return `| ${cell(now.title)} | ${cell(now.ourOpening)} | ${cell(now.ourTarget)} | ${cell(now.ourWalkaway)} | ${cell(now.theirPosition)} | ${now.status} |`;
  });
  return [
    '# Brief: second meeting with the Bureau of Industry Controls',
    '',
    `**When:** ${demoDay(29)}, 14:00-16:00 (${EASTERN}) · **Where:** Hale & Wexford LLP, Washington, DC`,
    '',
    '## Purpose and desired outcome',
    'Walk the Bureau through our written tiered-access proposal. Desired outcome: agreement in principle on three capability tiers and an allied list for the two lower tiers.',
    '',
    '## Attendees',
    '- Ours: Dana Okafor (lead negotiator), Ruth Hale (outside counsel)',
    '- Theirs: Tomas Reyes (Deputy Director, Office of Licensing Policy)',
    '',
    '## Background',
    `Order ${DIRECTIVE.referenceNumber}, issued ${DIRECTIVE.issuedOn} and received ${DIRECTIVE.receivedOn}, suspends foreign-national access to the Atlas-5 family. It rests on existing export-control authority (Strategic Technology Export Act §§ 12 and 14; 17 C.T.R. § 4.13), not on any AI-specific statute.`,
    '',
    '## Deadlines',
    `- Suspension date: **not disclosed**; expected between ${demoDay(14)} and ${demoDay(75)} (low confidence)`,
    `- Tiered-access proposal due ${demoDay(22)} 17:00 (our commitment)`,
    `- Last day to ask for reconsideration: 30 business days after receipt, ${RECONSIDERATION_DUE}`,
    '',
    '## Issues',
    '| Issue | Our opening | Target | Walk-away | Their position | Status |',
    '| --- | --- | --- | --- | --- | --- |',
    ...issueRows,
    '',
    '## Carve-outs to propose',
    '1. Capability tiers defined by published evaluation thresholds; only the top tier restricted.',
    '2. An allied-country list for the lower tiers, changed only with notice.',
    '',
    '## Precedents',
    `- ${PRECEDENTS.computeThresholds.title} (${PRECEDENTS.computeThresholds.citation}): the Bureau already tiers by capability and exempts allies.`,
    `- ${PRECEDENTS.halden.title}, ${PRECEDENTS.halden.citation}: an order against one company needs a reasoned explanation.`,
    '',
    '## Open commitments from the first meeting',
    `- Send the written tiered-access proposal (Dana Okafor, by ${demoDay(22)})`,
    `- Allied-country list with reasons (Luis Brandt, by ${demoDay(20)})`,
    '',
    '## Questions to ask',
    '- Will the Bureau commit to notice before any suspension date?',
    '- Which evaluations would it accept to place a model in a tier?',
    '',
    '## Watch items',
    '- Legislation codifying the authority: **triggered** (S. 4127 introduced)',
    '- Carve-out framework adopted by other labs: watching',
    '',
  ].join('\n');
}
