// Search ranks records, not index rows: a word in a record's title puts it first, and a record's history (an issue's
// position changes, a meeting's notes, a draft's revisions) folds into the record. Real case files, the real
// dispatcher, in one case (case.search) and across the library (library.search).
import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../shared/api-types.js';
import { foldedWords } from '../../shared/search-ranking.js';
import { newCase, testApi, type TestApi } from '../helpers.js';

/**
 * An issue with "carve-out" in its title, its target changed four times (four position changes, each saying
 * "carve-out" more often than the title does), a meeting whose note says it, and a note of no meeting that says it
 * three times. Returns the ids.
 */
function negotiation(api: TestApi, caseId: string) {
  const issue = api.call('issue.create', { caseId, fields: { title: 'Allied-nation carve-out', priority: 'high', status: 'open' } });
  const targets = ['A carve-out for allied nations', 'A carve-out, carve-out first', 'Carve-out by capability tier', 'Carve-out list agreed'];
  for (const ourTarget of targets) api.call('issue.update', { caseId, id: issue.id, changes: { ourTarget } });
  const changes = api.call('positionChange.list', { caseId, filter: { issueId: issue.id } });
  const meeting = api.call('meeting.create', { caseId, fields: { title: 'First meeting with the Bureau', status: 'held' } });
  const meetingNote = api.call('note.create', { caseId, fields: { meetingId: meeting.id, body: 'They floated the carve-out.' } });
  const looseNote = api.call('note.create', { caseId, fields: { body: 'Carve-out, carve-out, carve-out.' } });
  return { issue: issue.id, changes: changes.map((c) => c.id), meeting: meeting.id, meetingNote: meetingNote.id, looseNote: looseNote.id };
}

const kindsAndIds = (hits: readonly SearchHit[]) => hits.map((h) => `${h.kind}:${h.id}`);

describe('case.search', () => {
  it('ranks an issue with the word in its title first, its position changes folded into it, the meeting note into its meeting', () => {
    const api = testApi();
    const { caseId } = newCase(api);
    const ids = negotiation(api, caseId);
    expect(ids.changes).toHaveLength(4);

    const hits = api.call('case.search', { caseId, query: 'carve-out' });
    expect(kindsAndIds(hits)).toEqual([`issue:${ids.issue}`, `note:${ids.looseNote}`, `meeting:${ids.meeting}`]);
    const [issue, loose, meeting] = hits as [SearchHit, SearchHit, SearchHit];
    expect(issue).toMatchObject({ title: 'Allied-nation carve-out', matchedItself: true, matchedIn: null, folded: [{ kind: 'positionChange', count: 4 }] });
    expect(foldedWords(issue.folded, issue.matchedItself)).toBe('Also in 4 position changes');
    expect(loose).toMatchObject({ matchedItself: true, folded: [] });
    // The meeting's own text does not hold the word: the hit is the meeting, its snippet the note's, and it says so.
    expect(meeting).toMatchObject({ title: 'First meeting with the Bureau', matchedItself: false, matchedIn: { kind: 'note', id: ids.meetingNote } });
    expect(meeting.snippet).toContain('carve');
    expect(foldedWords(meeting.folded, meeting.matchedItself)).toBe('In 1 note');
    // No history entry is a hit of its own.
    expect(hits.map((h) => h.kind)).not.toContain('positionChange');
  });

  it('puts an issue named by the word before an action item named by it, and both before the word in text', () => {
    const api = testApi();
    const { caseId } = newCase(api);
    const action = api.call('actionItem.create', { caseId, fields: { title: 'Send the carve-out list', status: 'open' } });
    const precedent = api.call('precedent.create', { caseId, fields: { title: 'Deemed-export rule', precedentType: 'regulation', summary: 'The model for a carve-out, carve-out.' } });
    const issue = api.call('issue.create', { caseId, fields: { title: 'Scope of the carve-out for allied nations and partners', priority: 'high', status: 'open' } });
    const hits = api.call('case.search', { caseId, query: 'carve' });
    expect(kindsAndIds(hits)).toEqual([`issue:${issue.id}`, `actionItem:${action.id}`, `precedent:${precedent.id}`]);
    expect(hits.map((h) => h.rank)).toEqual([...hits.map((h) => h.rank)].sort((a, b) => a - b));
  });

  it("folds a draft's many revisions into one hit for the draft, under the draft's title", () => {
    const api = testApi();
    const { caseId } = newCase(api);
    const draft = api.call('draft.create', { caseId, fields: { title: 'Letter to the Bureau', draftType: 'letter', status: 'working' } });
    const revisions = [1, 2, 3, 4, 5, 6].map((n) =>
      api.call('draftRevision.create', { caseId, fields: { draftId: draft.id, format: 'markdown', body: `We ask for an allied carve-out (draft ${n}).` } }),
    );
    const hits = api.call('case.search', { caseId, query: 'carve-out' });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ kind: 'draft', id: draft.id, title: 'Letter to the Bureau', matchedItself: false, folded: [{ kind: 'draftRevision', count: 6 }] });
    expect(revisions.map((r) => r.id)).toContain(hits[0]!.matchedIn?.id);
    expect(foldedWords(hits[0]!.folded, false)).toBe('In 6 draft revisions');
  });

  it('folds nothing under a record that is not in the index (a deleted issue)', () => {
    const api = testApi();
    const { caseId } = newCase(api);
    const issue = api.call('issue.create', { caseId, fields: { title: 'Reporting', priority: 'low', status: 'open' } });
    api.call('issue.update', { caseId, id: issue.id, changes: { ourTarget: 'Quarterly zanzibar reports' } });
    expect(kindsAndIds(api.call('case.search', { caseId, query: 'zanzibar' }))).toEqual([`issue:${issue.id}`]);
    api.call('issue.delete', { caseId, id: issue.id });
    // The issue left the index: no hit stands for it (whether its history is still found is for the deletion rules).
    expect(api.call('case.search', { caseId, query: 'zanzibar' }).map((h) => h.kind)).not.toContain('issue');
  });
});

describe('library.search', () => {
  it('ranks across case files the same way: the issue named by the word first, history folded, in whichever file', () => {
    const api = testApi();
    const other = newCase(api, 'other.parley', 'Data localisation order');
    // The other case says the word often, in text only: it must not outrank a title.
    for (let i = 0; i < 5; i++) api.call('note.create', { caseId: other.caseId, fields: { body: `Carve-out carve-out carve-out ${i}.` } });
    const action = api.call('actionItem.create', { caseId: other.caseId, fields: { title: 'Ask about a carve-out', status: 'open' } });
    api.call('case.close', { caseId: other.caseId });
    const main = newCase(api, 'main.parley', 'Export-control suspension order');
    const ids = negotiation(api, main.caseId);

    const hits = api.call('library.search', { query: 'carve-out' });
    expect(hits.slice(0, 2).map((h) => [h.kind, h.id, h.caseTitle])).toEqual([
      ['issue', ids.issue, 'Export-control suspension order'],
      ['actionItem', action.id, 'Data localisation order'],
    ]);
    expect(hits[0]!.folded).toEqual([{ kind: 'positionChange', count: 4 }]);
    expect(hits.map((h) => h.kind)).not.toContain('positionChange');
    expect(hits).toHaveLength(2 + 5 + 2); // the issue, the action item, five notes, the loose note and the meeting
    expect(hits.map((h) => h.rank)).toEqual([...hits.map((h) => h.rank)].sort((a, b) => a - b));
    // The same order as each case's own search, interleaved.
    const inMain = api.call('case.search', { caseId: main.caseId, query: 'carve-out' }).map((h) => h.id);
    expect(hits.filter((h) => h.caseId === main.caseId).map((h) => h.id)).toEqual(inMain);
    expect(api.call('library.search', { query: 'carve-out', limit: 1 }).map((h) => h.id)).toEqual([ids.issue]);
  });
});
