import { describe, expect, it } from 'vitest';
import { newCase, testApi } from '../helpers.js';

describe('smoke', () => {
  it('creates a case, adds records, searches, verifies', () => {
    const api = testApi();
    const info = newCase(api);
    const { caseId } = info;
    const m = api.call('meeting.create', { caseId, fields: { title: 'Meeting with officials', status: 'planned', meetingDate: '2026-12-03' } });
    api.call('note.create', { caseId, fields: { meetingId: m.id, body: 'They hinted at an allied-nation carve-out.' } });
    const issue = api.call('issue.create', { caseId, fields: { title: 'Scope', priority: 'high', status: 'open', ourOpening: 'No suspension' } });
    api.call('issue.update', { caseId, id: issue.id, changes: { ourOpening: 'Suspension for tier-1 capability only' }, reason: 'after meeting' });
    const hist = api.call('positionChange.list', { caseId, filter: { issueId: issue.id } });
    expect(hist.map((h) => h.value)).toEqual(['No suspension', 'Suspension for tier-1 capability only']);
    const hits = api.call('case.search', { caseId, query: 'carve' });
    // The note is history of its meeting: the hit is the meeting, its snippet the note's.
    expect(hits[0]).toMatchObject({ kind: 'meeting', id: m.id, matchedIn: { kind: 'note' }, folded: [{ kind: 'note', count: 1 }] });
    const report = api.call('case.verify', { caseId });
    expect(report.auditChain.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
