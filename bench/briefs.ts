// The meeting-brief benchmark: how long "Prepare brief" takes on a large case (500 negotiation issues, 1,000 notes
// on the meeting being briefed, with the precedents, deadlines, action items and watch items around them). The
// brief is built through the real dispatcher (brief.build), as the app and the command line call it; the target
// is judged on p95. The case is generated into the run folder each time: it takes a few seconds and is not cached.
import path from 'node:path';
import { dispatch } from '../electron/core/api/dispatcher.js';
import { Session } from '../electron/core/session.js';
import { toHtml, toMarkdown, type DocumentNode } from '../shared/documents/index.js';
import { ACTOR, TODAY, call } from './fixtures.js';
import { measure, type Summary } from './stats.js';
import { TextGen, addDaysIso } from './text.js';

export const BRIEF_CASE = { issues: 500, notes: 1_000, precedents: 60, deadlines: 120, actionItems: 150, watchItems: 30, attendees: 16 };
const BRIEF_ROUNDS = 30;
export const BRIEF_TARGET_MS = 300;

export interface BriefBenchRow {
  metric: string;
  s: Summary;
  target?: { limit: number; unit: 'ms' | 'x' };
  note?: string;
}

interface Id {
  id: string;
}

/** Builds the brief case through the core API, the way bench/fixtures.ts builds the big case. */
function generateBriefCase(session: Session, file: string): { caseId: string; meetingId: string } {
  const g = new TextGen(20261203);
  const { caseId } = call<{ caseId: string }>(session, 'case.create', {
    path: file,
    directive: {
      title: 'Order suspending foreign-national access to a frontier model family', status: 'negotiating',
      referenceNumber: 'EXP-AI-2026-007', issuingAuthority: 'Department of Commerce', counterparty: 'Bureau of Industry and Security',
      ourOrganization: 'Frontier Lab Inc.', legalBasis: g.sentences(2, 3), summary: g.sentences(3, 5), risk: 'high',
    },
  });
  const txn = (name: string, fields: Record<string, unknown>) => call<Id>(session, name, { caseId, fields }).id;
  // Two earlier meetings (the previous one carries commitments), then the meeting being briefed.
  const earlier = txn('meeting.create', { title: 'First working session', status: 'held', meetingDate: addDaysIso(TODAY, -30) });
  const previous = txn('meeting.create', { title: 'Second working session', status: 'held', meetingDate: addDaysIso(TODAY, -7) });
  const meetingId = txn('meeting.create', {
    title: 'Terms meeting with the agency', status: 'planned', meetingDate: TODAY, startTime: '10:00', endTime: '12:00',
    timeZone: 'America/New_York', location: 'Agency headquarters', purpose: g.sentence(), desiredOutcome: g.sentence(),
    agenda: Array.from({ length: 6 }, () => g.title(2, 5)),
  });
  for (let i = 0; i < 12; i++) txn('event.create', { title: g.title(), eventKind: 'statement', occurredOn: addDaysIso(TODAY, -60 + i * 4), description: g.sentence() });
  for (let i = 0; i < BRIEF_CASE.attendees; i++) {
    txn('attendee.create', { meetingId, name: `Attendee ${i + 1}`, side: g.pick(['ours', 'theirs', 'third_party'] as const), role: g.title(1, 3) });
  }
  const issueIds: string[] = [];
  for (let i = 0; i < BRIEF_CASE.issues; i++) {
    // About one issue in ten speaks of a carve-out, so the options section has real work to do.
    const carveOut = i % 10 === 0 ? ' An allied-nation carve-out would settle it.' : '';
    issueIds.push(txn('issue.create', {
      title: `${g.title(2, 4)} (${i + 1})`, description: g.sentences(1, 2) + carveOut, priority: g.pick(['critical', 'high', 'medium', 'low'] as const),
      status: g.pick(['open', 'open', 'proposed', 'agreed', 'parked'] as const), ourInterests: g.sentence(), ourOpening: g.sentence(),
      ourTarget: g.sentence(), ourWalkaway: g.sentence(), theirPosition: i % 7 === 0 ? null : g.sentence(), theirInterests: i % 3 === 0 ? null : g.sentence(),
      sortOrder: i,
    }));
  }
  for (const side of ['ours', 'theirs'] as const) txn('batna.create', { side, description: g.sentence(), strength: 'moderate' });
  for (let i = 0; i < BRIEF_CASE.precedents; i++) {
    const precedentId = txn('precedent.create', {
      title: g.title(3, 6), precedentType: g.pick(['statute', 'regulation', 'court_decision', 'agency_action'] as const),
      citation: `${g.int(1, 99)} F.4th ${g.int(100, 999)} (${g.int(2001, 2026)})`, summary: g.sentence(), relevance: g.sentence(),
    });
    txn('link.create', { fromKind: 'precedent', fromId: precedentId, linkType: 'supports', toKind: 'issue', toId: issueIds[(i * 7) % issueIds.length] });
  }
  for (let i = 0; i < BRIEF_CASE.deadlines; i++) {
    const tbd = i % 6 === 0;
    txn('deadline.create', {
      title: g.title(), deadlineKind: g.pick(['statutory', 'response', 'compliance', 'meeting', 'internal'] as const), status: 'open',
      dueType: tbd ? 'tbd' : 'date', ...(tbd ? { windowStart: addDaysIso(TODAY, 10), windowEnd: addDaysIso(TODAY, 40), confidence: 'low' } : { dueDate: addDaysIso(TODAY, i) }),
      owner: 'Trade team',
    });
  }
  for (let i = 0; i < BRIEF_CASE.actionItems; i++) {
    txn('actionItem.create', {
      title: g.title(), meetingId: g.pick([earlier, previous]), status: g.pick(['open', 'open', 'done'] as const),
      isCommitment: i % 5 === 0, owner: 'J. Okafor', dueDate: addDaysIso(TODAY, i % 30),
    });
  }
  for (let i = 0; i < BRIEF_CASE.watchItems; i++) {
    txn('watchItem.create', {
      title: g.title(), status: i % 4 === 0 ? 'triggered' : 'watching', description: g.sentence(), indicators: [g.title(2, 4), g.title(2, 4)],
      implications: g.sentence(), ...(i % 4 === 0 ? { triggeredOn: addDaysIso(TODAY, -3) } : {}),
    });
  }
  for (let i = 0; i < BRIEF_CASE.notes; i++) {
    txn('note.create', { meetingId, body: g.sentences(2, 5), takenAt: `${addDaysIso(TODAY, -1)}T09:${String(i % 60).padStart(2, '0')}:00Z`, internal: i % 3 === 0 });
  }
  return { caseId, meetingId };
}

function countNodes(doc: DocumentNode): number {
  let n = 0;
  const walk = (node: unknown): void => {
    n++;
    const content = (node as { content?: unknown[] }).content;
    if (Array.isArray(content)) content.forEach(walk);
  };
  walk(doc);
  return n;
}

/** Generates the brief case in runDir, times brief.build and adds its figures to the results and diagnostics tables. */
export function benchBriefs(runDir: string, log: (line: string) => void, rows: BriefBenchRow[], diagnostics: BriefBenchRow[]): void {
  log('');
  const started = Date.now();
  const session = new Session({ dataDir: path.join(runDir, 'brief-data'), actor: ACTOR });
  try {
    const { caseId, meetingId } = generateBriefCase(session, path.join(runDir, 'brief.parley'));
    const c = BRIEF_CASE;
    log(`briefs: a case with ${c.issues} issues, ${c.notes} notes on the meeting briefed, ${c.precedents} precedents, ${c.deadlines} open deadlines, ${c.actionItems} action items, ${c.watchItems} watch items (generated in ${((Date.now() - started) / 1000).toFixed(1)} s); ${BRIEF_ROUNDS} rounds each`);
    const build = (shareable: boolean): DocumentNode => {
      const res = dispatch(session, 'brief.build', { caseId, meetingId, shareable });
      if (!res.ok) throw new Error(`brief.build failed: ${res.error.message}`);
      return res.data;
    };
    const doc = build(false);
    log(`  the brief: ${countNodes(doc)} nodes, ${(JSON.stringify(doc).length / 1e6).toFixed(2)} MB as JSON`);
    const target = { limit: BRIEF_TARGET_MS, unit: 'ms' } as const;
    rows.push(
      { metric: `brief.build, internal (${c.issues} issues, ${c.notes} notes)`, s: measure(BRIEF_ROUNDS, () => build(false)), target },
      { metric: `brief.build, shareable (${c.issues} issues, ${c.notes} notes)`, s: measure(BRIEF_ROUNDS, () => build(true)), target },
    );
    // What follows a build in the app: the document crosses IPC as JSON; exports write Markdown or HTML from it.
    diagnostics.push(
      { metric: 'brief: document to JSON and back (IPC)', s: measure(BRIEF_ROUNDS, () => JSON.parse(JSON.stringify(doc))) },
      { metric: 'brief: document to Markdown', s: measure(BRIEF_ROUNDS, () => toMarkdown(doc)) },
      { metric: 'brief: document to printable HTML', s: measure(BRIEF_ROUNDS, () => toHtml(doc, { title: 'Brief' })) },
    );
  } finally {
    session.closeAll();
  }
}
