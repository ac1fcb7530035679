// record.resolveId: the one record whose id starts with a prefix, as the command line takes ids. Ids are random, so
// the records that share a start are made by importing an export whose ids were chosen.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseWorld } from './support/world.js';

const id = (n: number, start = 'abcd0000') => `${start}-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A case whose notes and one issue have the ids given. */
function caseWithIds(ids: { kind: 'note' | 'issue'; id: string; title: string }[]) {
  const w = CaseWorld.create();
  for (const r of ids) {
    if (r.kind === 'note') w.make('note', { body: r.title });
    else w.make('issue', { title: r.title });
  }
  const data = w.api.call('case.export', { caseId: w.caseId, includeAttachments: true });
  for (const kind of ['note', 'issue'] as const) {
    const wanted = ids.filter((r) => r.kind === kind);
    (data.records[kind] ?? []).forEach((rec, i) => (rec.id = wanted[i]!.id));
  }
  w.api.call('case.close', { caseId: w.caseId });
  const info = w.api.call('case.import', { path: path.join(w.api.dir, 'chosen-ids.parley'), data });
  return { api: w.api, caseId: info.caseId };
}

describe('record.resolveId', () => {
  it('finds the one record a prefix names, in any kind, whatever the case of its letters', () => {
    const { api, caseId } = caseWithIds([
      { kind: 'note', id: id(1), title: 'First note' },
      { kind: 'issue', id: id(2, 'abce0000'), title: 'Allied carve-out' },
    ]);
    expect(api.call('record.resolveId', { caseId, prefix: 'ABCE' })).toEqual({ kind: 'issue', id: id(2, 'abce0000'), title: 'Allied carve-out' });
    expect(api.call('record.resolveId', { caseId, prefix: id(1) })).toEqual({ kind: 'note', id: id(1), title: 'First note' });
    expect(api.call('record.resolveId', { caseId, prefix: 'abcd', kind: 'note' }).id).toBe(id(1));
  });

  it('says plainly when no record or several records start so, listing at most five', () => {
    const { api, caseId } = caseWithIds([1, 2, 3, 4, 5, 6, 7].map((n) => ({ kind: 'note' as const, id: id(n), title: `Note ${n}` })));
    expect(api.fail('record.resolveId', { caseId, prefix: '3f2a' }, 'not_found').message).toBe('No record id in this case starts with 3f2a.');
    expect(api.fail('record.resolveId', { caseId, prefix: 'abcd', kind: 'deadline' }, 'not_found').message).toBe('No deadline id in this case starts with abcd.');
    const several = api.fail('record.resolveId', { caseId, prefix: 'abcd' }, 'invalid_input').message;
    expect(several).toContain(`More than one record id in this case starts with abcd: Note “Note 1” (${id(1)}); Note “Note 2” (${id(2)})`);
    expect(several).toContain(`(${id(5)}); and more. Give more of the id.`);
    expect(several).not.toContain(id(6));
  });

  it('refuses what cannot be the start of an id', () => {
    const { api, caseId } = caseWithIds([]);
    for (const prefix of ['abc', 'abcd%', 'xyzw', '____']) {
      expect(api.fail('record.resolveId', { caseId, prefix }, 'invalid_input').message).toContain('is not the start of a record id');
    }
  });
});
