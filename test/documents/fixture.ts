// A sample negotiation, made through the real dispatcher: the directive, three meetings around the one being
// briefed, attendees on both sides, issues with every position, both BATNAs, precedents linked to issues, dated and
// TBD deadlines, events, watch items, and notes (one internal). Every text is distinct, so a test can look for it.
import path from 'node:path';
import { testApi, type TestApi } from '../helpers.js';

export const TEXT = {
  directiveTitle: 'Suspension of foreign-national access to the Meridian model family',
  reference: 'BIS-EO-2026-114',
  legalBasis: 'Export Administration Regulations, deemed-export provisions',
  authority: '15 C.F.R. 734.13',
  meetingTitle: 'Negotiation session with BIS',
  purpose: 'Narrow the scope of the suspension before it takes effect',
  outcome: 'Agreement in principle on an allied-nation carve-out',
  previousTitle: 'Initial call with BIS officials',
  ourAttendee: 'Dana Whitlock',
  ourRole: 'General Counsel',
  theirAttendee: 'Marcus Bell',
  theirRole: 'Deputy Assistant Secretary',
  eventTitle: 'Directive received by Halyard legal',
  issues: [
    {
      title: 'Scope of suspension', priority: 'critical' as const,
      ourOpening: 'No suspension for existing enterprise customers',
      ourTarget: 'Allied-nation carve-out for Five Eyes and NATO nationals',
      ourWalkaway: 'Suspension limited to nationals of embargoed countries',
      theirPosition: 'Suspend access for every foreign national',
      theirInterests: null,
    },
    {
      title: 'Tiered access by model capability', priority: 'high' as const,
      ourOpening: 'All capability tiers remain available',
      ourTarget: 'Only the frontier capability tier is suspended',
      ourWalkaway: 'Top two tiers suspended under a licence exception',
      theirPosition: 'All tiers suspended pending review',
      theirInterests: 'Avoid a precedent of partial compliance',
    },
    {
      title: 'Timing of compliance', priority: 'medium' as const,
      ourOpening: 'A transition of 180 days',
      ourTarget: 'A transition of 90 days',
      ourWalkaway: 'A transition of no less than 30 days',
      theirPosition: null,
      theirInterests: null,
    },
  ],
  ourBatna: 'Seek judicial review under the Administrative Procedure Act',
  theirBatna: 'Publish a formal order in the Federal Register',
  precedents: {
    linkedToScope: { title: 'Entity-list licensing decision of 2019', citation: '84 Fed. Reg. 22961 (May 21, 2019)' },
    linkedToTiers: { title: 'Deemed-export rule', citation: '15 C.F.R. 734.13(b)' },
    unlinked: { title: 'Bernstein v. Department of Justice', citation: '176 F.3d 1132 (9th Cir. 1999)' },
  },
  datedDeadline: 'Written response to the directive',
  tbdDeadline: 'Suspension takes effect',
  internalDeadline: 'Board briefing on negotiation strategy',
  openAction: 'Send BIS the list of affected API customers by country',
  commitment: 'BIS to confirm whether research access is in scope',
  doneAction: 'Circulate notes of the initial call',
  olderAction: 'Retain outside export-control counsel',
  decision: 'Both sides will exchange written positions before the next session',
  triggeredWatch: 'Allied governments announce matching restrictions',
  watching: 'Bill to codify AI export controls introduced in Congress',
  closedWatch: 'Press reports of an imminent order',
  internalNote: 'The board will accept a thirty-day transition if pressed hard',
  sharedNote: 'Bring the customer-by-country breakdown to the session',
};

export interface SampleCase {
  api: TestApi;
  caseId: string;
  meetingId: string;
  issueIds: string[];
}

export function sampleCase(): SampleCase {
  const api = testApi('Dana Whitlock');
  const { caseId } = api.call('case.create', {
    path: path.join(api.dir, 'meridian.parley'),
    directive: {
      title: TEXT.directiveTitle, status: 'negotiating', referenceNumber: TEXT.reference,
      issuingAuthority: 'Department of Commerce, Bureau of Industry and Security', legalBasis: TEXT.legalBasis,
      authoritiesCited: [TEXT.authority, '50 U.S.C. 4813'], issuedOn: '2026-11-02', receivedOn: '2026-11-03',
      subject: 'The Meridian model family and its hosted API', scope: 'Every user who is not a US national',
      ourOrganization: 'Halyard AI Inc.', counterparty: 'Bureau of Industry and Security', risk: 'high',
      summary: 'An order to suspend access to the Meridian models for foreign nationals, resting on export-control authority.',
    },
  });
  const create = <N extends Parameters<TestApi['call']>[0]>(name: N, fields: Record<string, unknown>) =>
    api.call(name, { caseId, fields } as never) as { id: string };

  const older = create('meeting.create', { title: 'Internal kickoff', status: 'held', meetingDate: '2026-11-04' });
  const previous = create('meeting.create', { title: TEXT.previousTitle, status: 'held', meetingDate: '2026-11-10' });
  const meeting = create('meeting.create', {
    title: TEXT.meetingTitle, status: 'planned', meetingDate: '2026-12-03', startTime: '10:00', endTime: '11:30',
    timeZone: 'America/New_York', location: 'Herbert C. Hoover Building, Room 3830',
    purpose: TEXT.purpose, desiredOutcome: TEXT.outcome, agenda: ['Scope', 'Capability tiers', 'Timing'],
  });
  create('meeting.create', { title: 'Follow-up session', status: 'planned', meetingDate: '2026-12-20' });

  const ours = create('party.create', { name: TEXT.ourAttendee, partyKind: 'person', side: 'ours', role: TEXT.ourRole, organization: 'Halyard AI Inc.' });
  const theirs = create('party.create', { name: TEXT.theirAttendee, partyKind: 'person', side: 'theirs', organization: 'Bureau of Industry and Security' });
  create('attendee.create', { meetingId: meeting.id, partyId: ours.id, name: TEXT.ourAttendee, side: 'ours', role: TEXT.ourRole });
  create('attendee.create', { meetingId: meeting.id, partyId: theirs.id, name: TEXT.theirAttendee, side: 'theirs', role: TEXT.theirRole });

  create('event.create', { title: 'Directive issued', eventKind: 'order_issued', occurredOn: '2026-11-02' });
  create('event.create', { title: TEXT.eventTitle, eventKind: 'order_received', occurredOn: '2026-11-03' });

  const issueIds = TEXT.issues.map((i, n) => create('issue.create', { ...i, status: 'open', sortOrder: n + 1 }).id);
  create('batna.create', { side: 'ours', description: TEXT.ourBatna, strength: 'moderate' });
  create('batna.create', { side: 'theirs', description: TEXT.theirBatna, strength: 'strong' });

  const p = TEXT.precedents;
  const unlinked = create('precedent.create', { title: p.unlinked.title, precedentType: 'court_decision', citation: p.unlinked.citation, jurisdiction: '9th Cir.' });
  const scope = create('precedent.create', { title: p.linkedToScope.title, precedentType: 'agency_action', citation: p.linkedToScope.citation, summary: 'Licences were granted case by case.', relevance: 'Shows that the agency has accepted exemptions before.' });
  const tiers = create('precedent.create', { title: p.linkedToTiers.title, precedentType: 'regulation', citation: p.linkedToTiers.citation });
  void unlinked;
  create('link.create', { fromKind: 'precedent', fromId: scope.id, linkType: 'supports', toKind: 'issue', toId: issueIds[0] });
  create('link.create', { fromKind: 'issue', fromId: issueIds[1], linkType: 'cites', toKind: 'precedent', toId: tiers.id });

  create('deadline.create', { title: TEXT.datedDeadline, deadlineKind: 'response', status: 'open', dueType: 'date', dueDate: '2026-12-15', owner: TEXT.ourAttendee });
  create('deadline.create', { title: TEXT.tbdDeadline, deadlineKind: 'compliance', status: 'open', dueType: 'tbd', windowStart: '2027-01-05', windowEnd: '2027-02-15', confidence: 'low' });
  create('deadline.create', { title: TEXT.internalDeadline, deadlineKind: 'internal', status: 'open', dueType: 'date', dueDate: '2026-11-30' });

  create('actionItem.create', { title: TEXT.openAction, status: 'open', meetingId: previous.id, owner: TEXT.ourAttendee, dueDate: '2026-11-24' });
  create('actionItem.create', { title: TEXT.commitment, status: 'open', meetingId: previous.id, ownerPartyId: theirs.id, isCommitment: true });
  create('actionItem.create', { title: TEXT.doneAction, status: 'done', meetingId: previous.id });
  create('actionItem.create', { title: TEXT.olderAction, status: 'open', meetingId: older.id });
  create('decision.create', { meetingId: previous.id, text: TEXT.decision });

  create('watchItem.create', { title: TEXT.triggeredWatch, status: 'triggered', triggeredOn: '2026-11-20', indicators: ['Joint statement by allied ministers'], implications: 'Weakens the case for an allied-nation carve-out.' });
  create('watchItem.create', { title: TEXT.watching, status: 'watching', indicators: ['Bill introduced', 'Committee hearing scheduled'] });
  create('watchItem.create', { title: TEXT.closedWatch, status: 'closed' });

  create('note.create', { meetingId: meeting.id, body: TEXT.internalNote, internal: true });
  create('note.create', { meetingId: meeting.id, body: TEXT.sharedNote });

  return { api, caseId, meetingId: meeting.id, issueIds };
}
