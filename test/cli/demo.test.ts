// The sample case holds what DOMAIN.md's reference scenario needs, written through the dispatcher (so audited).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ANCHOR, demoDay, writeDemoCase } from '../../electron/core/demo.js';
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

  it('has a meeting brief with two markdown revisions', () => {
    const [brief] = api.call('draft.list', { caseId });
    expect(brief).toMatchObject({ draftType: 'meeting_brief' });
    const revisions = api.call('draftRevision.list', { caseId, filter: { draftId: brief!.id } });
    expect(revisions.map((r) => [r.revisionNumber, r.format])).toEqual([[1, 'markdown'], [2, 'markdown']]);
    expect(revisions[1]!.body).toMatch(/\| Allied-nation carve-out \|/);
    expect(revisions[1]!.body.length).toBeGreaterThan(revisions[0]!.body.length);
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
