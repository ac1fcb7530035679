// The sample case holds what DOMAIN.md's reference scenario needs, written through the dispatcher (so audited).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSample, DEMO_ANCHOR, demoDay, sampleAnchorNear, writeDemoCase } from '../../electron/core/demo.js';
import meridian from '../../electron/core/sample-case/meridian.json';
import { documentText } from '../../shared/documents/text.js';
import type { DocumentNode } from '../../shared/documents/model.js';
import { testApi } from '../helpers.js';
import { writeSuiteSampleCase, type SuiteCase } from './support/suite-case.js';

describe('the sample case', () => {
  let api: SuiteCase;
  let caseId: string;
  beforeAll(() => {
    api = writeSuiteSampleCase('Demo Writer');
    caseId = api.caseId;
  });
  afterAll(() => api.close());

  it('has a directive with every field filled, now under negotiation', () => {
    const directive = api.call('directive.get', { caseId });
    for (const [field, value] of Object.entries(directive)) {
      if (field !== 'deletedAt' && field !== 'deletedBy') expect(value, field).not.toBeNull();
    }
    expect(directive.status).toBe('negotiating');
    expect(directive.legalBasis).toMatch(/export-control authority/);
    expect(directive.receivedOn).toBe(DEMO_ANCHOR);
    expect(directive.issuedOn! < directive.receivedOn!).toBe(true);
    const history = api.call('record.history', { caseId, id: directive.id });
    expect(history.map((h) => h.operation)).toEqual(['create', 'update']);
    expect(history[1]!.changedFields).toEqual(['status']);
  });

  it('has parties on our side, theirs, and third parties including peer labs and a legislator\'s office', () => {
    const parties = api.call('party.list', { caseId });
    const sides = new Set(parties.map((p) => p.side));
    expect([...sides].sort()).toEqual(['ours', 'theirs', 'third_party']);
    const third = parties.filter((p) => p.side === 'third_party').map((p) => `${p.name} ${p.role}`);
    expect(third.filter((t) => /peer/i.test(t)).length).toBeGreaterThanOrEqual(2);
    expect(third.some((t) => /senator|legislat/i.test(t))).toBe(true);
  });

  it('has the timeline: order issued, order received, statements, the meeting held', () => {
    const kinds = api.call('event.list', { caseId }).map((e) => e.eventKind);
    expect(kinds).toEqual(expect.arrayContaining(['order_issued', 'order_received', 'statement', 'meeting_held']));
  });

  it('has a TBD suspension deadline with its expected window, and dated deadlines of each kind', () => {
    const deadlines = api.call('deadline.list', { caseId });
    const tbd = deadlines.find((d) => d.dueType === 'tbd')!;
    expect(tbd.title).toMatch(/suspension/i);
    expect(tbd).toMatchObject({ dueDate: null, windowStart: demoDay(14), windowEnd: demoDay(75), confidence: 'low' });

    const dateOnly = deadlines.filter((d) => d.dueType === 'date' && !d.rule);
    expect(dateOnly.length).toBeGreaterThanOrEqual(1);

    const timed = deadlines.find((d) => d.dueType === 'datetime' && d.deadlineKind !== 'meeting')!;
    expect(timed).toMatchObject({ dueDate: demoDay(22), dueTime: '17:00', timeZone: 'America/New_York' });
    expect(timed.dueAt).toBe('2026-11-24T22:00:00.000Z'); // 17:00 Eastern Standard Time

    const received = api.call('event.list', { caseId, filter: { eventKind: 'order_received' } })[0]!;
    const derived = deadlines.find((d) => d.rule)!;
    expect(derived.triggerEventId).toBe(received.id);
    expect(derived.rule).toEqual({ amount: 30, unit: 'business_days', direction: 'after', roll: 'forward' });
    // 30 business days after Monday 2 November 2026, passing over Veterans Day and Thanksgiving.
    expect(derived.dueDate).toBe('2026-12-16');
  });

  it('has a held meeting with both sides, agenda, notes, decisions and action items, one a commitment', () => {
    const held = api.call('meeting.list', { caseId, filter: { status: 'held' } });
    expect(held).toHaveLength(1);
    const meetingId = held[0]!.id;
    expect(held[0]!.agenda!.length).toBeGreaterThanOrEqual(3);
    const attendees = api.call('attendee.list', { caseId, filter: { meetingId } });
    expect(new Set(attendees.map((a) => a.side))).toEqual(new Set(['ours', 'theirs']));
    expect(api.call('note.list', { caseId, filter: { meetingId } }).length).toBeGreaterThanOrEqual(3);
    expect(api.call('decision.list', { caseId, filter: { meetingId } }).length).toBeGreaterThanOrEqual(2);
    const actions = api.call('actionItem.list', { caseId, filter: { meetingId } });
    expect(actions.filter((a) => a.status === 'open').length).toBeGreaterThanOrEqual(2);
    expect(actions.filter((a) => a.isCommitment && a.status === 'open')).toHaveLength(1);
  });

  it('has five or more issues with every position filled, including the two carve-outs', () => {
    const issues = api.call('issue.list', { caseId });
    expect(issues.length).toBeGreaterThanOrEqual(5);
    for (const issue of issues) {
      for (const field of ['ourInterests', 'ourOpening', 'ourTarget', 'ourWalkaway', 'theirPosition', 'theirInterests'] as const) {
        expect(issue[field], `${issue.title}: ${field}`).toBeTruthy();
      }
    }
    const titles = issues.map((i) => i.title);
    expect(titles.some((t) => /allied/i.test(t) && /carve-out/i.test(t))).toBe(true);
    expect(titles.some((t) => /tiered access/i.test(t) && /capability/i.test(t))).toBe(true);
  });

  it('keeps the history of positions that moved at the first meeting, with the reason and the meeting', () => {
    const meetingId = api.call('meeting.list', { caseId, filter: { status: 'held' } })[0]!.id;
    const moved = api.call('positionChange.list', { caseId, filter: { meetingId } });
    expect(moved.length).toBeGreaterThanOrEqual(2);
    for (const change of moved) {
      expect(change.previousValue).toBeTruthy();
      expect(change.value).not.toBe(change.previousValue);
      expect(change.reason).toBeTruthy();
    }
    expect(new Set(moved.map((c) => c.side))).toEqual(new Set(['ours', 'theirs']));
    const windDown = api.call('issue.list', { caseId }).find((i) => /wind-down/i.test(i.title))!;
    const targets = api.call('positionChange.list', { caseId, filter: { issueId: windDown.id, position: 'target' } });
    expect(targets.map((t) => t.value)).toEqual([expect.stringMatching(/120 days/), expect.stringMatching(/90 days/)]);
  });

  it('has concessions given and received at the meeting, and a BATNA for each side', () => {
    const meetingId = api.call('meeting.list', { caseId, filter: { status: 'held' } })[0]!.id;
    const concessions = api.call('concession.list', { caseId });
    expect(new Set(concessions.map((c) => c.direction))).toEqual(new Set(['given', 'received']));
    expect(concessions.every((c) => c.meetingId === meetingId)).toBe(true);
    expect(api.call('batna.list', { caseId }).map((b) => b.side).sort()).toEqual(['ours', 'theirs']);
  });

  it('has precedents of every main type, each with citation, summary and relevance', () => {
    const precedents = api.call('precedent.list', { caseId });
    expect(new Set(precedents.map((p) => p.precedentType))).toEqual(
      new Set(['statute', 'regulation', 'court_decision', 'agency_action', 'public_statement']),
    );
    for (const p of precedents) expect([p.citation, p.summary, p.relevance].every(Boolean), p.title).toBe(true);
  });

  it('joins precedents and issues with typed links, and a watch item to an issue', () => {
    const links = api.call('link.list', { caseId });
    expect(new Set(links.map((l) => l.linkType))).toEqual(new Set(['supports', 'undermines', 'cites', 'analogous_to', 'responds_to']));
    expect(links.some((l) => l.fromKind === 'precedent' && l.toKind === 'issue' && l.linkType === 'supports')).toBe(true);
    expect(links.some((l) => l.fromKind === 'precedent' && l.toKind === 'issue' && l.linkType === 'undermines')).toBe(true);
    const fromWatch = links.find((l) => l.fromKind === 'watchItem' && l.toKind === 'issue')!;
    const seenFromIssue = api.call('record.links', { caseId, kind: 'issue', id: fromWatch.toId });
    expect(seenFromIssue.incoming.map((v) => v.otherTitle)).toContain(api.call('watchItem.get', { caseId, id: fromWatch.fromId }).title);
  });

  it('watches for a carve-out framework and for codifying legislation, the latter triggered', () => {
    const items = api.call('watchItem.list', { caseId });
    const framework = items.find((w) => /carve-out framework/i.test(w.title))!;
    const legislation = items.find((w) => /legislation/i.test(w.title))!;
    expect(framework.status).toBe('watching');
    expect(legislation).toMatchObject({ status: 'triggered', triggeredOn: demoDay(7) });
    expect(legislation.indicators!.length).toBeGreaterThan(0);
  });

  it('has a meeting brief with two revisions, each an editor document (it opens in the editor, not as Markdown)', () => {
    const [brief] = api.call('draft.list', { caseId });
    expect(brief).toMatchObject({ draftType: 'meeting_brief' });
    const revisions = api.call('draftRevision.list', { caseId, filter: { draftId: brief!.id } });
    expect(revisions.map((r) => [r.revisionNumber, r.format])).toEqual([[1, 'prosemirror'], [2, 'prosemirror']]);
    const [first, second] = revisions.map((r) => textOf(r.body));
    expect(second).toMatch(/^Allied-nation carve-out\t/m);
    expect(second!.length).toBeGreaterThan(first!.length);
    expect(textOf(revisions[1]!.body).split('\n')[0]).toBe('Brief: second meeting with the Bureau of Industry Controls');
  });

  it('is written through the audited write path: every record has its audit entry and verify passes', () => {
    const report = api.call('case.verify', { caseId });
    expect(report.ok).toBe(true);
    const info = api.call('case.info', { caseId });
    const records = Object.values(info.counts).reduce((n, c) => n + (c ?? 0), 0);
    expect(report.auditChain.entries).toBeGreaterThanOrEqual(records);
    expect(api.call('case.recentChanges', { caseId, limit: 1 })[0]!.actor).toBe('Demo Writer');
    expect(api.call('party.list', { caseId }).length).toBe(info.counts.party);
  });

  it('holds every record its data creates, and a brief that reads the records as written', () => {
    const info = api.call('case.info', { caseId });
    const created: Record<string, number> = {};
    for (const step of (meridian as unknown as SampleData).steps) {
      if (step.create) created[step.create] = (created[step.create] ?? 0) + Object.keys(step.records).length;
    }
    const { directive, positionChange, ...counts } = info.counts;
    expect([directive, positionChange! > 0]).toEqual([1, true]);
    expect(Object.fromEntries(Object.entries(counts).filter(([, n]) => n))).toEqual(created);

    const [brief] = api.call('draft.list', { caseId });
    const body = textOf(api.call('draftRevision.list', { caseId, filter: { draftId: brief!.id } })[1]!.body);
    const reconsideration = api.call('deadline.list', { caseId }).find((d) => d.rule)!;
    expect(body).toContain(`Last day to ask for reconsideration: 30 business days after receipt, ${reconsideration.dueDate}`);
    expect(body).toContain(`When: ${demoDay(29)}, 14:00-16:00 (America/New_York)`);
    // One row per issue, with the positions as they stood after the first meeting.
    const rows = body.split('\n').filter((line) => line.includes('\t') && !line.startsWith('Issue\t'));
    expect(rows).toEqual(api.call('issue.list', { caseId }).map((i) =>
      [i.title, i.ourOpening, i.ourTarget, i.ourWalkaway, i.theirPosition, i.status].join('\t')));
    expect(body).toContain('Three tiers defined by published evaluation thresholds');
  });

  it('made for the app, counts its dates from two weeks before today: nothing open is overdue, the first meeting is just past', () => {
    const today = '2031-07-15';
    const again = testApi();
    const id = writeDemoCase(again.session, path.join(again.dir, 'near.parley'), undefined, sampleAnchorNear(today)).caseId;
    expect(sampleAnchorNear(today)).toBe('2031-07-01');
    const open = again.call('deadline.list', { caseId: id }).filter((d) => d.status === 'open');
    expect(open.filter((d) => d.dueDate !== null && d.dueDate < today).map((d) => d.title)).toEqual([]);
    // The first dated one is three days ahead; the suspension's window opens today.
    expect(open.flatMap((d) => (d.dueDate ? [d.dueDate] : [])).sort()[0]).toBe('2031-07-18');
    expect(open.find((d) => d.dueType === 'tbd')).toMatchObject({ windowStart: today });
    const meetings = again.call('meeting.list', { caseId: id });
    expect(meetings.map((m) => [m.status, m.meetingDate])).toEqual(expect.arrayContaining([['held', '2031-07-11'], ['planned', '2031-07-30']]));
    expect(again.call('directive.get', { caseId: id }).summary).toContain('This is a sample case');
  });

  it('has the same dates on every run', () => {
    const again = testApi();
    const otherId = writeDemoCase(again.session, path.join(again.dir, 'again.parley')).caseId;
    const dates = (call: SuiteCase['call'], id: string) => call('deadline.list', { caseId: id }).map((d) => [d.title, d.dueDate, d.dueAt, d.windowStart, d.windowEnd]);
    expect(dates(again.call, otherId)).toEqual(dates(api.call, caseId));
  });

  it('refuses to overwrite an existing file and leaves it as it was', () => {
    const { dir, session } = testApi();
    const target = path.join(dir, 'taken.parley');
    fs.writeFileSync(target, 'not mine to replace');
    expect(() => writeDemoCase(session, target)).toThrow(/already exists/);
    expect(fs.readFileSync(target, 'utf8')).toBe('not mine to replace');
  });
});

describe('the sample case\'s data', () => {
  const step = (data: SampleData, create: string) => data.steps.find((s) => s.create === create)!;
  const named = (data: SampleData, kind: string, key: string) => (step(data, kind).records as Record<string, Record<string, unknown>>)[key]!;
  const listed = (data: SampleData, kind: string, i: number) => (step(data, kind).records as Record<string, unknown>[])[i]!;
  /** The sample's data with one change made by `edit`. */
  const edited = (edit: (data: SampleData) => void) => {
    const data = structuredClone(meridian) as unknown as SampleData;
    edit(data);
    return data;
  };

  it('passes its check', () => {
    expect(() => checkSample(meridian)).not.toThrow();
  });

  it.each<[string, (data: SampleData) => void, RegExp]>([
    ['a misspelled field', (d) => { named(d, 'party', 'okafor').nmae = 'Dana'; },
      /steps\[0\], create party "okafor": fields: Unrecognized key: "nmae"/],
    ['a value its field does not take', (d) => { named(d, 'party', 'okafor').side = 'our'; },
      /create party "okafor": fields\.side: Invalid option/],
    ['a reference to a record not there', (d) => { listed(d, 'attendee', 0).partyId = '@party:okafr'; },
      /create attendee: @party:okafr: no party "okafr" is written before this step/],
    ['a reference to a record of the wrong kind', (d) => { listed(d, 'attendee', 0).partyId = '@meeting:first'; },
      /create attendee: partyId: @meeting:first names a meeting, where a party is taken/],
    ['a reference to a record written later', (d) => { named(d, 'party', 'okafor').notes = '@issue:windDown'; },
      /create party "okafor": @issue:windDown: no issue "windDown" is written before this step/],
    ['a date that is not a day from the anchor', (d) => { d.directive.issuedOn = '@day-three'; },
      /at directive: "@day-three" is neither a date/],
    ['a day that does not exist', (d) => { named(d, 'precedent', 'halden').decidedOn = '2025-02-30'; },
      /create precedent "halden": fields\.decidedOn: 30 February 2025 does not exist/],
    ['a record its kind\'s rules refuse', (d) => { named(d, 'deadline', 'suspension').windowStart = '@day+100'; },
      /create deadline "suspension": the window start must not be after the window end/],
    ['a field a text reads that its record lacks', (d) => { (listed(d, 'draftRevision', 1).body as { documentLines: unknown[] }).documentLines.push('{{@meeting:second.meetingDay}}'); },
      /create draftRevision: a meeting has no field "meetingDay"/],
    ['a kind of record there is not', (d) => { step(d, 'batna').create = 'batnas'; },
      /not in its form: steps\.11\.create: not a kind of record/],
  ])('refuses %s, saying where and what', (_, edit, message) => {
    expect(() => checkSample(edited(edit))).toThrow(message);
  });
});

/** The form of the sample's data, as the tests change it. */
interface SampleData {
  directive: Record<string, unknown>;
  steps: { create?: string; update?: string; records: Record<string, Record<string, unknown>> | Record<string, unknown>[] }[];
}

/** The plain text of a stored editor document: one line per paragraph, heading and list item, a table row's cells apart by tabs. */
function textOf(body: string): string {
  return documentText(JSON.parse(body) as DocumentNode);
}
