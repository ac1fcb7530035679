// The merge's promises, property-tested with fast-check over random edit sequences on three copies of one case (each
// its own file, session and author, the copies made with a plain file copy): importing the same changes twice does
// nothing; the order of merges does not matter; every edit made in any copy survives somewhere a person sees it (the
// record, a conflict, or the record's history); verify passes on every copy after every merge.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newCase, tempDir, testApi, type TestApi } from '../helpers.js';

const FIELDS = ['title', 'ourTarget', 'ourWalkaway', 'description'] as const;
type Step =
  | { op: 'edit'; copy: number; issue: number; field: (typeof FIELDS)[number]; value: string }
  | { op: 'delete' | 'restore'; copy: number; issue: number }
  /** A tag added to or taken off an issue: tags merge item by item, never a conflict (they must converge too). */
  | { op: 'tag'; copy: number; issue: number; tag: string; add: boolean }
  | { op: 'note'; copy: number; body: string }
  | { op: 'batna'; copy: number; description: string }
  | { op: 'merge'; into: number; from: number };

const copyIndex = fc.integer({ min: 0, max: 2 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('edit' as const), copy: copyIndex, issue: fc.integer({ min: 0, max: 1 }), field: fc.constantFrom(...FIELDS), value: fc.string({ minLength: 1, maxLength: 12 }).map((s) => s.trim() || 'x') }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constantFrom('delete' as const, 'restore' as const), copy: copyIndex, issue: fc.integer({ min: 0, max: 1 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('tag' as const), copy: copyIndex, issue: fc.integer({ min: 0, max: 1 }), tag: fc.constantFrom('phase 2', 'fallback', 'urgent'), add: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('note' as const), copy: copyIndex, body: fc.string({ minLength: 1, maxLength: 12 }).map((s) => s.trim() || 'n') }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('batna' as const), copy: copyIndex, description: fc.string({ minLength: 1, maxLength: 12 }).map((s) => s.trim() || 'b') }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('merge' as const), into: copyIndex, from: copyIndex }).filter((m) => m.into !== m.from) },
);

interface Copy {
  api: TestApi;
  file: string;
}

function threeCopies(): { copies: Copy[]; caseId: string; issues: string[] } {
  const first = testApi('Author 0');
  const made = newCase(first, 'case.parley');
  const issues = ['Access', 'Timing'].map((title) => first.call('issue.create', { caseId: made.caseId, fields: { title, priority: 'high', status: 'open' } }).id);
  first.call('case.close', { caseId: made.caseId });
  const copies = [0, 1, 2].map((i) => {
    const api = i === 0 ? first : testApi(`Author ${i}`);
    const file = i === 0 ? made.path : path.join(tempDir(), `copy-${i}.parley`);
    if (i) fs.copyFileSync(made.path, file);
    api.call('case.open', { path: file });
    return { api, file };
  });
  return { copies, caseId: made.caseId, issues };
}

/** Every record a copy holds, as a person sees it (versions and who changed it last differ between copies by design). */
function recordsOf({ api }: Copy, caseId: string): unknown[] {
  return (['issue', 'note', 'positionChange', 'batna'] as const)
    .flatMap((k) => api.call(`${k}.list`, { caseId, includeDeleted: true } as never) as Record<string, unknown>[])
    .map(({ version: _v, ...r }) => r)
    .sort((a, b) => String(a.id).localeCompare(String(b.id)));
}

function apply(s: Step, copies: Copy[], caseId: string, issues: string[], written: { id: string; field: string; value: string }[]): void {
  const c = 'into' in s ? copies[s.into]! : copies[s.copy]!;
  const call = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      // A refusal the user would see (editing a deleted issue, restoring a live one) is no change: nothing to merge.
      // A second BATNA for our side where one is live is refused (conflict) the same way.
      if (!/not_found|invalid_input|conflict:/.test(String(err))) throw err;
    }
  };
  if (s.op === 'edit') {
    call(() => {
      c.api.call('issue.update', { caseId, id: issues[s.issue]!, changes: { [s.field]: s.value } });
      written.push({ id: issues[s.issue]!, field: s.field, value: s.value });
    });
  } else if (s.op === 'delete') call(() => c.api.call('issue.delete', { caseId, id: issues[s.issue]! }));
  else if (s.op === 'restore') call(() => c.api.call('issue.restore', { caseId, id: issues[s.issue]! }));
  else if (s.op === 'tag') {
    call(() => {
      const tags = (c.api.call('issue.get', { caseId, id: issues[s.issue]! }).tags ?? []).filter((t) => t !== s.tag);
      c.api.call('issue.update', { caseId, id: issues[s.issue]!, changes: { tags: s.add ? [...tags, s.tag] : tags } });
    });
  } else if (s.op === 'note') c.api.call('note.create', { caseId, fields: { body: s.body } });
  else if (s.op === 'batna') call(() => c.api.call('batna.create', { caseId, fields: { side: 'ours', description: s.description } }));
  else {
    c.api.call('case.merge', { caseId, from: copies[(s as { from: number }).from]!.file });
    expect(c.api.call('case.verify', { caseId }).ok).toBe(true);
  }
}

describe('merging copies of a case', () => {
  it('converges whatever was edited where and merged in what order; nothing is lost; verify passes throughout', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 14 }), (steps) => {
        const { copies, caseId, issues } = threeCopies();
        const written: { id: string; field: string; value: string }[] = [];
        for (const s of steps) apply(s, copies, caseId, issues, written);

        // Two orders of taking in the other copies' changes, on two copies of copy 0: the same records.
        const [a, b, c] = copies as [Copy, Copy, Copy];
        const twin = { api: testApi('Twin'), file: path.join(tempDir(), 'twin.parley') };
        a.api.call('case.close', { caseId });
        fs.copyFileSync(a.file, twin.file);
        a.api.call('case.open', { path: a.file });
        twin.api.call('case.open', { path: twin.file });
        a.api.call('case.merge', { caseId, from: b.file });
        a.api.call('case.merge', { caseId, from: c.file });
        twin.api.call('case.merge', { caseId, from: c.file });
        twin.api.call('case.merge', { caseId, from: b.file });
        expect(recordsOf(twin, caseId)).toEqual(recordsOf(a, caseId));
        expect(twin.api.call('conflict.list', { caseId }).length).toBe(a.api.call('conflict.list', { caseId }).length);

        // Everyone takes in copy 0's (now everything): all hold the same records; again, nothing more comes in.
        for (const other of [b, c]) other.api.call('case.merge', { caseId, from: a.file });
        for (const other of [b, c, twin]) expect(recordsOf(other, caseId)).toEqual(recordsOf(a, caseId));
        for (const other of [b, c]) expect(a.api.call('case.merge', { caseId, from: other.file }).changes).toBe(0);
        for (const copy of [a, b, c, twin]) expect(copy.api.call('case.verify', { caseId }).ok).toBe(true);

        // Every value written survives where a person sees it: in the record, a conflict, or the record's history.
        const conflicts = a.api.call('conflict.list', { caseId });
        for (const w of written) {
          const seen = [
            (a.api.call('issue.get', { caseId, id: w.id }) as Record<string, unknown>)[w.field],
            ...conflicts.filter((k) => k.recordId === w.id && k.field === w.field).flatMap((k) => k.sides.map((s) => s.value)),
            ...a.api.call('record.history', { caseId, id: w.id }).flatMap((h) => [h.after?.[w.field], h.wrote?.[w.field]]),
          ];
          expect(seen).toContain(w.value);
        }
        for (const copy of [...copies, twin]) copy.api.session.closeAll();
      }),
      { numRuns: Number(process.env.MERGE_PROPERTY_RUNS ?? 25) },
    );
  }, 600_000);
});
