// @vitest-environment jsdom
// What the overview shows besides the directive, read from the real core: the recent changes and the key dates.
import { describe, expect, it } from 'vitest';
import { RECENT_CHANGES_SHOWN, useCaseOverview } from '../../renderer/state/case-overview.js';
import { newCase } from '../helpers.js';
import { connectRenderer } from './connect.js';

const overview = () => useCaseOverview.getState();

describe('the case overview store', () => {
  it('reads the latest changes, newest first and no more than it shows, and the key dates', async () => {
    const core = connectRenderer();
    const { caseId } = newCase(core);
    for (let i = 1; i <= RECENT_CHANGES_SHOWN + 3; i++) core.call('note.create', { caseId, fields: { body: `Note ${i}` } });
    core.call('deadline.create', { caseId, fields: { title: 'Response to the order', deadlineKind: 'response', status: 'open', dueType: 'date', dueDate: '2099-04-01' } });
    core.call('deadline.create', { caseId, fields: { title: 'Compliance plan', deadlineKind: 'compliance', status: 'open', dueType: 'tbd' } });
    await overview().load(caseId);
    expect(overview()).toMatchObject({ caseId, error: null });
    expect(overview().recentChanges).toHaveLength(RECENT_CHANGES_SHOWN);
    const seqs = overview().recentChanges.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(overview().keyDates).toMatchObject({ next: { title: 'Response to the order', dueDate: '2099-04-01' }, undated: 1, overdue: { count: 0 } });
  });

  it('shows nothing of the last case while another is read, and says why one could not be read', async () => {
    const core = connectRenderer();
    const first = newCase(core);
    await overview().load(first.caseId);
    expect(overview().recentChanges.length).toBeGreaterThan(0);

    const second = newCase(core, 'second.parley', 'Another order');
    core.call('case.close', { caseId: second.caseId });
    const reading = overview().load(second.caseId);
    expect(overview()).toMatchObject({ caseId: second.caseId, recentChanges: [], keyDates: null, error: null });
    await reading;
    expect(overview().error).toMatch(/not open/i);
  });
});
