// Random JSON thrown at random operations of the contract, through the real dispatcher, on a real case file: no
// call may fail as `internal` (an unexplained error), and the case still passes verify afterwards. Inputs are drawn
// from each operation's contract schema with something else entirely now and then at every level (see
// support/arbitrary-input.ts), and one call in eight is any JSON at all; the case's real ids stand in for uuids, so
// that calls reach the handlers and change the case, not only its validation.
import { createHash } from 'node:crypto';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTRACT, OPERATION_NAMES } from '../../shared/contract.js';
import { arbitraryFor } from './support/arbitrary-input.js';
import { CaseWorld } from './support/world.js';

const SEED = 20_261_130;
const RUNS = 200;

function world() {
  const w = CaseWorld.create();
  const event = w.make('event');
  const records = [
    event.id,
    w.make('deadline').id,
    w.make('deadline', { rule: { amount: 2, unit: 'business_days', direction: 'after', roll: 'forward' }, triggerEventId: event.id, dueType: 'tbd', dueDate: null }).id,
    w.make('meeting').id,
    w.make('issue', { ourOpening: 'No suspension' }).id,
    w.make('link').id,
    w.make('attachment').id,
    w.make('draftRevision').id,
  ];
  return { w, ids: { caseId: w.caseId, records } };
}

describe('random input to random operations', () => {
  it(`never fails as internal, and leaves a case that verifies (${RUNS} runs, seed ${SEED})`, async () => {
    const { w, ids } = world();
    const call = fc.constantFrom(...OPERATION_NAMES).chain((name) => fc.tuple(
      fc.constant(name),
      fc.oneof({ weight: 7, arbitrary: arbitraryFor(CONTRACT[name].input, ids) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) }),
    ));

    /** Paths stay in the test's folder: a random string names a file there, whatever it says. */
    const confined = (input: unknown): unknown => {
      if (typeof input !== 'object' || input === null || !('path' in input) || typeof input.path !== 'string' || input.path.includes('\0')) return input;
      return { ...input, path: path.join(w.api.dir, `random-${createHash('sha256').update(input.path).digest('hex').slice(0, 8)}.parley`) };
    };

    const outcomes: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(call, async ([name, input]) => {
        const res = await w.api.rawAsync(name, confined(input));
        const code = res.ok ? 'ok' : res.error.code;
        outcomes[code] = (outcomes[code] ?? 0) + 1;
        expect(code, `${name} ${JSON.stringify(input)?.slice(0, 300)}`).not.toBe('internal');
        expect(w.api.internalErrors).toEqual([]);
        // The case may have been closed (case.close, session.lock): open it again, as the user would.
        if (!w.api.raw('case.info', { caseId: w.caseId }).ok) w.api.call('case.open', { path: w.file });
        expect(w.api.call('case.verify', { caseId: w.caseId }), `after ${name}`).toMatchObject({ ok: true });
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // The calls reach the handlers: many succeed, and many are refused there (no such record), not by validation. One
    // in twenty succeeding is the floor: many operations need what random input seldom gives (another copy of the case
    // to merge, a bundle, an open conflict, a record id's prefix), so their random calls are refused.
    expect(outcomes.ok ?? 0).toBeGreaterThan(RUNS / 20);
    expect(outcomes.not_found ?? 0).toBeGreaterThan(RUNS / 10);
  }, 60_000);
});
