// Every operation of the contract, called through the real dispatcher on a real case file, does what it promises.
import { describe, expect, it } from 'vitest';
import { OPERATION_NAMES } from '../../shared/contract.js';
import { HANDLERS } from '../../electron/core/api/handlers.js';
import { scenarioFor } from './support/scenarios.js';
import { CaseWorld } from './support/world.js';

describe('the contract', () => {
  it('has a handler for every operation and no handler without an operation', () => {
    expect(Object.keys(HANDLERS).sort()).toEqual([...OPERATION_NAMES].sort());
  });

  it.each(OPERATION_NAMES)('%s succeeds on valid input', async (name) => {
    const w = CaseWorld.create();
    const prepared = scenarioFor(name).setup(w);
    const res = await w.api.rawAsync(name, prepared.input);
    expect(res, JSON.stringify(res)).toMatchObject({ ok: true });
    if (res.ok) scenarioFor(name).check(w, res.data, prepared);
    expect(w.api.internalErrors).toEqual([]);
  });

  it.each(['no.such', 'toString', '__proto__', 'constructor', '', 'note.create '])('refuses the unknown operation %j', (name) => {
    const w = CaseWorld.create();
    const before = w.diskState();
    expect(w.api.raw(name, { caseId: w.caseId })).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
    expect(w.diskState()).toEqual(before);
  });
});
