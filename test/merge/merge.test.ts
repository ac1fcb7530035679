// Copies of one case merged through the real dispatcher on real files: each person's copy made with a plain file
// copy, edited apart, merged both ways; conflicts kept with both values and resolved; bundles; refusals.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newCase, tempDir, testApi, type TestApi } from '../helpers.js';

/** Alice's case, and Bob's copy of it made with the file manager, each open in its own session and data folder. */
function twoCopies() {
  const alice = testApi('Alice Adler');
  const { caseId, path: file } = newCase(alice, 'case.parley');
  const issue = alice.call('issue.create', { caseId, fields: { title: 'Access for foreign nationals', priority: 'high', status: 'open', ourTarget: 'Keep access for all staff', ourWalkaway: 'Access for EU staff only' } });
  alice.call('case.close', { caseId });
  const bob = testApi('Bob Baker');
  const bobFile = path.join(tempDir(), 'bob.parley');
  fs.copyFileSync(file, bobFile);
  alice.call('case.open', { path: file });
  bob.call('case.open', { path: bobFile });
  return { alice, bob, caseId, file, bobFile, issueId: issue.id };
}

const records = (api: TestApi, caseId: string) =>
  (['issue', 'deadline', 'meeting', 'note'] as const).flatMap((k) => api.call(`${k}.list`, { caseId, includeDeleted: true } as never) as { id: string }[])
    .map(({ version: _v, updatedAt: _u, updatedBy: _b, ...r }: Record<string, unknown>) => r)
    .sort((a, b) => String(a.id).localeCompare(String(b.id)));

describe('two copies of a case edited apart', () => {
  it('merge both ways to the same records, keeping each edit, with authors and copies in the audit trail', () => {
    const { alice, bob, caseId, file, bobFile, issueId } = twoCopies();
    alice.call('issue.update', { caseId, id: issueId, changes: { ourTarget: 'Keep access for all staff, with logging' } });
    bob.call('issue.update', { caseId, id: issueId, changes: { title: 'Access for foreign nationals (EAR 744)' } });
    const note = bob.call('note.create', { caseId, fields: { body: 'Officials open to a carve-out' } });

    const intoAlice = alice.call('case.merge', { caseId, from: bobFile });
    expect(intoAlice).toMatchObject({ changes: 2, records: 2, authors: ['Bob Baker'], newConflicts: 0, preview: false });
    expect(alice.call('case.merge', { caseId, from: bobFile }).changes).toBe(0); // twice: nothing more
    bob.call('case.merge', { caseId, from: file });

    expect(records(alice, caseId)).toEqual(records(bob, caseId));
    expect(alice.call('issue.get', { caseId, id: issueId })).toMatchObject({ title: 'Access for foreign nationals (EAR 744)', ourTarget: 'Keep access for all staff, with logging' });
    expect(alice.call('note.get', { caseId, id: note.id }).body).toBe('Officials open to a carve-out');
    for (const api of [alice, bob]) expect(api.call('case.verify', { caseId }).ok).toBe(true);
    const history = alice.call('record.history', { caseId, id: issueId });
    expect(history.map((h) => h.actor)).toEqual(['Alice Adler', 'Alice Adler', 'Bob Baker']);
  });

  it('keeps both values of a field changed in both copies as a conflict, resolved by picking one (audited)', () => {
    const { alice, bob, caseId, file, bobFile, issueId } = twoCopies();
    alice.call('issue.update', { caseId, id: issueId, changes: { ourWalkaway: 'EU and UK staff' } });
    bob.call('issue.update', { caseId, id: issueId, changes: { ourWalkaway: 'No restriction before the hearing' } });
    expect(alice.call('case.merge', { caseId, from: bobFile }).newConflicts).toBe(1);
    bob.call('case.merge', { caseId, from: file });
    for (const api of [alice, bob]) {
      const [conflict] = api.call('conflict.list', { caseId });
      expect(conflict).toMatchObject({ kind: 'issue', recordId: issueId, field: 'ourWalkaway' });
      expect(conflict!.sides.map((s) => [s.value, s.author]).sort()).toEqual([['EU and UK staff', 'Alice Adler'], ['No restriction before the hearing', 'Bob Baker']]);
      expect(api.call('case.info', { caseId }).openConflicts).toBe(1);
    }
    expect(records(alice, caseId)).toEqual(records(bob, caseId));
    const [conflict] = alice.call('conflict.list', { caseId });
    const bobSide = conflict!.sides.findIndex((s) => s.author === 'Bob Baker');
    expect(alice.call('conflict.resolve', { caseId, id: conflict!.id, side: bobSide, reason: 'Agreed at the team call' })).toEqual([]);
    expect(alice.call('issue.get', { caseId, id: issueId }).ourWalkaway).toBe('No restriction before the hearing');
    expect(alice.call('record.history', { caseId, id: issueId }).at(-1)).toMatchObject({ actor: 'Alice Adler', reason: 'Agreed at the team call' });
    // The resolution settles the conflict in Bob's copy too.
    bob.call('case.merge', { caseId, from: file });
    expect(bob.call('conflict.list', { caseId })).toEqual([]);
    expect(records(alice, caseId)).toEqual(records(bob, caseId));
    for (const api of [alice, bob]) expect(api.call('case.verify', { caseId }).ok).toBe(true);
  });

  it('brings back a record deleted in one copy and changed in the other, flagged', () => {
    const { alice, bob, caseId, bobFile, issueId } = twoCopies();
    alice.call('issue.delete', { caseId, id: issueId });
    bob.call('issue.update', { caseId, id: issueId, changes: { ourTarget: 'Bob’s new target' } });
    alice.call('case.merge', { caseId, from: bobFile });
    expect(alice.call('issue.get', { caseId, id: issueId })).toMatchObject({ deletedAt: null, ourTarget: 'Bob’s new target' });
    expect(alice.call('conflict.list', { caseId })).toMatchObject([{ field: '(deleted)', sides: [{ value: 'deleted', author: 'Alice Adler' }, { value: 'changed', author: 'Bob Baker' }] }]);
    expect(alice.call('case.verify', { caseId }).ok).toBe(true);
  });

  it('refuses a copy of another case, and a bundle altered after export', () => {
    const { alice, bob, caseId, issueId } = twoCopies();
    const other = newCase(alice, 'other.parley', 'Another order');
    expect(() => alice.call('case.merge', { caseId, from: other.path })).toThrow(/different_case/);
    bob.call('issue.update', { caseId, id: issueId, changes: { ourWalkaway: 'Sent as a bundle' } });
    const bundle = path.join(tempDir(), 'from-bob');
    const exported = bob.call('changes.export', { caseId, path: bundle });
    expect(exported.path.endsWith('.parley-changes')).toBe(true);
    const text = fs.readFileSync(exported.path, 'utf8');
    const altered = path.join(tempDir(), 'altered.parley-changes');
    fs.writeFileSync(altered, text.replace('Sent as a bundle', 'Altered on the way'));
    expect(() => alice.call('changes.import', { caseId, path: altered })).toThrow(/altered/);
    // The walk-away and the position change recorded with it; all the rest Alice has.
    expect(alice.call('changes.import', { caseId, path: exported.path, preview: true })).toMatchObject({ changes: 2, preview: true });
    expect(alice.call('issue.get', { caseId, id: issueId }).ourWalkaway).toBe('Access for EU staff only');
    expect(alice.call('changes.import', { caseId, path: exported.path }).changes).toBe(2);
    expect(alice.call('changes.import', { caseId, path: exported.path }).changes).toBe(0);
    expect(alice.call('issue.get', { caseId, id: issueId }).ourWalkaway).toBe('Sent as a bundle');
  });
});
