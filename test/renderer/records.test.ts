// @vitest-environment jsdom
// The record verbs called by kind (renderer/state/records.ts), through the real core: each is the kind's own
// operation, with its input and its answer.
import { describe, expect, it } from 'vitest';
import { anyRecord, createRecord, deleteRecord, getRecord, listRecords, queued, restoreRecord, updateRecord } from '../../renderer/state/records.js';
import { newCase } from '../helpers.js';
import { connectRenderer } from './connect.js';

describe('the record verbs by kind', () => {
  it('create, get, list, update, delete and restore a record of the kind named', async () => {
    const core = connectRenderer();
    const { caseId } = newCase(core);
    const precedent = await createRecord(caseId, 'precedent', { title: 'The 2019 suspension order', precedentType: 'earlier_directive' });
    expect(precedent).toMatchObject({ title: 'The 2019 suspension order', precedentType: 'earlier_directive', version: 1 });
    expect(await getRecord(caseId, 'precedent', precedent.id)).toEqual(precedent);

    const updated = await updateRecord(caseId, 'precedent', precedent.id, { citation: '84 Fed. Reg. 1234' }, { expectedVersion: 1, reason: 'Found the citation' });
    expect(updated).toMatchObject({ citation: '84 Fed. Reg. 1234', version: 2 });
    expect(core.call('record.history', { caseId, id: precedent.id }).at(-1)?.reason).toBe('Found the citation');

    await deleteRecord(caseId, 'precedent', precedent.id);
    expect(await listRecords(caseId, 'precedent')).toEqual([]);
    expect(await listRecords(caseId, 'precedent', { includeDeleted: true })).toHaveLength(1);
    const restored = await restoreRecord(caseId, 'precedent', precedent.id);
    expect(restored.deletedAt).toBeNull();
    expect(anyRecord(restored).title).toBe('The 2019 suspension order');
  });

  it('list passes a filter and a limit', async () => {
    const core = connectRenderer();
    const { caseId } = newCase(core);
    const meeting = await createRecord(caseId, 'meeting', { title: 'First meeting', status: 'planned' });
    await createRecord(caseId, 'note', { meetingId: meeting.id, body: 'In the meeting' });
    await createRecord(caseId, 'note', { body: 'Outside any meeting' });
    expect((await listRecords(caseId, 'note', { filter: { meetingId: meeting.id } })).map((n) => n.body)).toEqual(['In the meeting']);
    expect(await listRecords(caseId, 'note', { limit: 1 })).toHaveLength(1);
  });

  it('rejects with the core\'s refusal, per field', async () => {
    const core = connectRenderer();
    const { caseId } = newCase(core);
    const refusal = await createRecord(caseId, 'issue', { title: '', priority: 'high', status: 'open' }).catch((err: unknown) => err);
    expect(refusal).toMatchObject({ name: 'ApiFailure', code: 'invalid_input', operation: 'issue.create' });
  });
});

describe('queued', () => {
  it('runs one record\'s saves one after another, a failed one not stopping the next', async () => {
    const order: string[] = [];
    const step = (name: string, ms: number, fail = false) => () =>
      new Promise<string>((resolve, reject) => setTimeout(() => (order.push(name), fail ? reject(new Error(name)) : resolve(name)), ms));
    const first = queued('record-1', step('title', 30, true));
    const second = queued('record-1', step('status', 1));
    const elsewhere = queued('record-2', step('other record', 5));
    await expect(first).rejects.toThrow('title');
    expect(await second).toBe('status');
    await elsewhere;
    expect(order).toEqual(['other record', 'title', 'status']);
  });
});
