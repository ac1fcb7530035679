// Deleting with what goes with it, restoring it together, purging it audited, searching without it, and undo and
// redo of the changes of an open case: through the real dispatcher on real case files.
import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../shared/api-types.js';
import { deletionQuestion } from '../../shared/deletion.js';
import { colleaguesCopy, newCase, testApi, type TestApi } from '../helpers.js';

/** An issue with a history: three position changes after its first, a concession, and links to two precedents. */
function issueWithHistory(api: TestApi, caseId: string) {
  const issue = api.call('issue.create', { caseId, fields: { title: 'Scope', priority: 'high', status: 'open', theirPosition: 'All exports' } });
  for (const theirPosition of ['Dual-use only', 'Dual-use, listed items', 'Listed items only']) {
    api.call('issue.update', { caseId, id: issue.id, changes: { theirPosition } });
  }
  const concession = api.call('concession.create', { caseId, fields: { issueId: issue.id, direction: 'given', description: 'Quarterly reports' } });
  const precedents = ['The 2019 order', 'The 2021 ruling'].map((title) => api.call('precedent.create', { caseId, fields: { title, precedentType: 'earlier_directive' } }));
  const links = precedents.map((p) => api.call('link.create', { caseId, fields: { fromKind: 'issue', fromId: issue.id, linkType: 'cites', toKind: 'precedent', toId: p.id } }));
  return { issue, concession, precedents, links };
}

const positionChangesOf = (api: TestApi, caseId: string, issueId: string) => api.call('positionChange.list', { caseId, filter: { issueId } });

/** The kinds a search found: each hit's own, and those of the history folded into it. */
const kindsFound = (hits: SearchHit[]) => hits.flatMap((h) => [h.kind, ...h.folded.map((f) => f.kind)]);

describe('deleting a record with what goes with it', () => {
  it('says what a delete takes with it, and asks only where there is something to lose', () => {
    const api = testApi();
    const { caseId } = newCase(api);
    const { issue } = issueWithHistory(api, caseId);
    const impact = api.call('record.deletionImpact', { caseId, kind: 'issue', id: issue.id });
    expect(impact).toMatchObject({ title: 'Scope', laterChanges: 3, askFirst: true });
    expect(impact.goesWith).toEqual([{ kind: 'positionChange', count: 4 }, { kind: 'link', count: 2 }, { kind: 'concession', count: 1 }]);
    expect(deletionQuestion(impact)).toBe('Delete the issue “Scope”? Its 4 position changes, 2 links and 1 concession go with it; you can restore it from Recently deleted.');

    const note = api.call('note.create', { caseId, fields: { body: 'Nothing hangs on this' } });
    expect(api.call('record.deletionImpact', { caseId, kind: 'note', id: note.id })).toMatchObject({ laterChanges: 0, goesWith: [], askFirst: false });
    expect(api.fail('record.deletionImpact', { caseId, kind: 'positionChange', id: note.id }, 'invalid_input').message).toMatch(/kind/i);
  });

  it('deletes the links and dependants with it, lists it alone in Recently deleted, and restores them together', () => {
    const api = testApi('Dana Delete');
    const { caseId } = newCase(api);
    const { issue, concession, precedents, links } = issueWithHistory(api, caseId);
    // A link deleted on its own before stays deleted when the issue comes back.
    const earlier = api.call('link.create', { caseId, fields: { fromKind: 'precedent', fromId: precedents[0]!.id, linkType: 'supports', toKind: 'issue', toId: issue.id } });
    api.call('link.delete', { caseId, id: earlier.id });

    const deleted = api.call('issue.delete', { caseId, id: issue.id });
    expect(api.call('link.list', { caseId })).toEqual([]);
    expect(api.call('concession.list', { caseId })).toEqual([]);
    for (const l of links) expect(api.call('link.get', { caseId, id: l.id }).deletedAt).toBe(deleted.deletedAt);
    expect(api.call('record.history', { caseId, id: concession.id }).at(-1)).toMatchObject({ operation: 'delete', reason: 'deleted with the issue “Scope”' });

    const listed = api.call('case.deleted', { caseId });
    expect(listed.map((d) => [d.kind, d.title, d.deletedBy])).toEqual([['issue', 'Scope', 'Dana Delete'], ['link', 'supports', 'Dana Delete']]);
    expect(listed[0]!.goesWith).toEqual([{ kind: 'positionChange', count: 4 }, { kind: 'link', count: 2 }, { kind: 'concession', count: 1 }]);

    api.call('issue.restore', { caseId, id: issue.id });
    expect(api.call('link.list', { caseId }).map((l) => l.id).sort()).toEqual(links.map((l) => l.id).sort());
    expect(api.call('concession.list', { caseId }).map((c) => c.id)).toEqual([concession.id]);
    expect(positionChangesOf(api, caseId, issue.id)).toHaveLength(4);
    expect(api.call('link.get', { caseId, id: earlier.id }).deletedAt).not.toBeNull();
    expect(api.call('case.deleted', { caseId }).map((d) => d.kind)).toEqual(['link']);
    expect(api.call('case.verify', { caseId }).ok).toBe(true);
  });

  it('keeps a deleted record and its history out of case and library search until it is restored', () => {
    const api = testApi();
    const { caseId } = newCase(api);
    const { issue } = issueWithHistory(api, caseId);
    const found = () => kindsFound(api.call('case.search', { caseId, query: 'listed' }));
    const foundInLibrary = () => kindsFound(api.call('library.search', { query: 'listed' }));
    expect(found()).toContain('positionChange');
    expect(foundInLibrary()).toContain('positionChange');
    api.call('issue.delete', { caseId, id: issue.id });
    expect(found()).toEqual([]);
    expect(foundInLibrary()).toEqual([]);
    expect(api.call('case.search', { caseId, query: 'Quarterly' })).toEqual([]);
    api.call('issue.restore', { caseId, id: issue.id });
    expect(found()).toContain('positionChange');
    expect(kindsFound(api.call('case.search', { caseId, query: 'Quarterly' }))).toEqual(['issue', 'concession']);
  });

  it('purges a deleted record with what went with it, for good, and the audit trail keeps who purged what and when', () => {
    const api = testApi('Pat Purge');
    const { caseId } = newCase(api);
    const { issue, concession, links } = issueWithHistory(api, caseId);
    const changes = positionChangesOf(api, caseId, issue.id);
    api.call('issue.delete', { caseId, id: issue.id });
    api.call('issue.purge', { caseId, id: issue.id, reason: 'Entered in the wrong case' });
    for (const [kind, id] of [['issue', issue.id], ['concession', concession.id], ['link', links[0]!.id], ['positionChange', changes[0]!.id]] as const) {
      expect(api.raw(`${kind}.get`, { caseId, id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    const trail = api.call('record.history', { caseId, id: issue.id });
    expect(trail.at(-1)).toMatchObject({ operation: 'purge', actor: 'Pat Purge', reason: 'Entered in the wrong case', after: null, before: expect.objectContaining({ title: 'Scope' }) });
    expect(api.call('record.history', { caseId, id: concession.id }).at(-1)).toMatchObject({ operation: 'purge', actor: 'Pat Purge' });
    expect(api.call('case.deleted', { caseId })).toEqual([]);
    expect(api.call('case.verify', { caseId }).ok).toBe(true);
  });
});

/** Alice's case holding an issue, and Bob's copy of it made with a file copy, each open in its own session. */
function twoCopies() {
  const alice = testApi('Alice Adler');
  const { caseId, path: file } = newCase(alice);
  const { issue, links } = issueWithHistory(alice, caseId);
  const { other: bob, otherFile: bobFile } = colleaguesCopy(alice, caseId, file);
  return { alice, bob, caseId, file, bobFile, issue, links };
}

describe('deleting, restoring and purging, then merging a copy', () => {
  it('a delete and restore merge into the other copy with what went with them', () => {
    const { alice, bob, caseId, file, issue, links } = twoCopies();
    alice.call('issue.delete', { caseId, id: issue.id });
    bob.call('case.merge', { caseId, from: file });
    expect(bob.call('issue.get', { caseId, id: issue.id }).deletedAt).not.toBeNull();
    expect(bob.call('link.list', { caseId })).toEqual([]);
    alice.call('issue.restore', { caseId, id: issue.id });
    bob.call('case.merge', { caseId, from: file });
    expect(bob.call('issue.get', { caseId, id: issue.id }).deletedAt).toBeNull();
    expect(bob.call('link.list', { caseId }).map((l) => l.id).sort()).toEqual(links.map((l) => l.id).sort());
    expect(kindsFound(bob.call('case.search', { caseId, query: 'listed' }))).toContain('positionChange');
  });

  it('a purged record stays purged when a copy that still holds it unchanged is merged', () => {
    const { alice, caseId, bobFile, issue } = twoCopies();
    alice.call('issue.delete', { caseId, id: issue.id });
    alice.call('issue.purge', { caseId, id: issue.id });
    const summary = alice.call('case.merge', { caseId, from: bobFile });
    expect(summary.changes).toBe(0);
    expect(alice.raw('issue.get', { caseId, id: issue.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('a copy that changed the record after it was purged here does not bring it back silently', () => {
    const { alice, bob, caseId, bobFile, issue } = twoCopies();
    alice.call('issue.delete', { caseId, id: issue.id });
    alice.call('issue.purge', { caseId, id: issue.id });
    bob.call('issue.update', { caseId, id: issue.id, changes: { title: 'Scope (revised)' } });
    // It comes back with Bob's change, and the merge says so: a conflict asks whether to keep the deletion.
    expect(alice.call('case.merge', { caseId, from: bobFile })).toMatchObject({ changes: 1, newConflicts: 1 });
    expect(alice.call('issue.get', { caseId, id: issue.id }).title).toBe('Scope (revised)');
    const [conflict] = alice.call('conflict.list', { caseId });
    expect(conflict).toMatchObject({ kind: 'issue', recordId: issue.id, fieldLabel: 'Deleted in one copy, changed in another' });
    expect(conflict!.sides.map((s) => [s.value, s.author])).toEqual(expect.arrayContaining([['deleted', 'Alice Adler']]));
  });
});

describe('undo and redo of the changes of an open case', () => {
  it('undoes and redoes an edit, a delete and a create, each an audited change of its own', () => {
    const api = testApi('Uma Undo');
    const { caseId } = newCase(api);
    const { issue, links } = issueWithHistory(api, caseId);
    api.call('issue.update', { caseId, id: issue.id, changes: { title: 'Scope of the order' } });
    expect(api.call('case.undoState', { caseId })).toEqual({ undo: 'editing the title of the issue “Scope”', redo: null });

    expect(api.call('case.undo', { caseId }).did).toBe('Undone: editing the title of the issue “Scope”.');
    expect(api.call('issue.get', { caseId, id: issue.id }).title).toBe('Scope');
    expect(api.call('record.history', { caseId, id: issue.id }).at(-1)).toMatchObject({ operation: 'update', reason: 'Undo: editing the title of the issue “Scope”', actor: 'Uma Undo' });
    expect(api.call('case.undoState', { caseId })).toMatchObject({ redo: 'editing the title of the issue “Scope”' });
    api.call('case.redo', { caseId });
    expect(api.call('issue.get', { caseId, id: issue.id }).title).toBe('Scope of the order');
    expect(api.call('record.history', { caseId, id: issue.id }).at(-1)).toMatchObject({ reason: 'Redo: editing the title of the issue “Scope”' });

    api.call('issue.delete', { caseId, id: issue.id });
    api.call('case.undo', { caseId, expected: 'deleting the issue “Scope of the order”' });
    expect(api.call('link.list', { caseId })).toHaveLength(links.length);
    // A banner's undo names the change it offers; it is refused once another change came after.
    api.call('note.create', { caseId, fields: { body: 'Call back Monday' } });
    expect(api.fail('case.undo', { caseId, expected: 'deleting the issue “Scope of the order”' }, 'conflict').message).toBe(
      'Not undone: the last change is now adding the note “Call back Monday”, not deleting the issue “Scope of the order”. Nothing was changed.',
    );
    api.call('case.undo', { caseId });
    expect(api.call('note.list', { caseId })).toEqual([]);
    expect(api.fail('case.redo', { caseId: caseId, expected: 'something else' }, 'conflict').message).toMatch(/^Not redone/);
  });

  it('refuses an undo that would overwrite a later change of the same field made in another copy', () => {
    const { alice, bob, caseId, bobFile, issue } = twoCopies();
    alice.call('issue.update', { caseId, id: issue.id, changes: { ourTarget: 'Listed items, with a licence' } });
    alice.call('issue.update', { caseId, id: issue.id, changes: { title: 'Scope, first round' } });
    bob.call('issue.update', { caseId, id: issue.id, changes: { title: 'Scope (agreed wording)' } });
    alice.call('case.merge', { caseId, from: bobFile });
    const title = alice.call('issue.get', { caseId, id: issue.id }).title;
    const before = alice.call('case.info', { caseId }).auditHead;
    const refusal = alice.fail('case.undo', { caseId }, 'conflict');
    expect(refusal.message).toMatch(/^Not undone: the title of the issue “.+” was changed again since( \(by (Bob Baker|Alice Adler)\))?; undoing would overwrite that change\. Nothing was changed\.$/);
    expect(alice.call('issue.get', { caseId, id: issue.id }).title).toBe(title);
    expect(alice.call('case.info', { caseId }).auditHead).toBe(before);
  });

  it('has nothing to undo in a case just opened, and says so plainly', () => {
    const api = testApi();
    const { caseId } = newCase(api);
    expect(api.call('case.undoState', { caseId })).toEqual({ undo: null, redo: null });
    expect(api.fail('case.undo', { caseId }, 'invalid_input').message).toBe('There is nothing to undo in this case.');
  });
});
