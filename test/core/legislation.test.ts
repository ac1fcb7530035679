// Watch items that track a bill or a rule, through the real dispatcher on real case files: the tracking fields kept
// and checked, each stage change kept in the history, and the review prompts it raises on the issues linked to it:
// on the issue, on the dashboard, cleared by marking the issue reviewed, put back by undo, and raised in a copy that
// merges the stage change in.
import { describe, expect, it } from 'vitest';
import { colleaguesCopy, newCase, testApi, type TestApi } from '../helpers.js';

const TRACKED = {
  title: 'Legislation turning the order into statutory authority',
  status: 'watching',
  measure: 'bill',
  billOrRuleNumber: 'H.R. 4512',
  jurisdiction: 'U.S. House of Representatives',
  stage: 'introduced',
  sponsors: ['Rep. Ortiz', 'Rep. Hale'],
  sourceReference: 'congress.gov/bill/119th-congress/house-bill/4512',
  checkBy: '2026-12-01',
  likelihood: 'medium',
} as const;

/** A case with a tracked bill linked to one of two issues. */
function trackedBill(api: TestApi = testApi('Alice Adler')) {
  const { caseId, path: file } = newCase(api);
  const linked = api.call('issue.create', { caseId, fields: { title: 'Scope of “foreign national”', priority: 'high', status: 'open' } });
  const other = api.call('issue.create', { caseId, fields: { title: 'Reporting duties', priority: 'low', status: 'open' } });
  const bill = api.call('watchItem.create', { caseId, fields: { ...TRACKED, sponsors: [...TRACKED.sponsors] } });
  api.call('link.create', { caseId, fields: { fromKind: 'watchItem', fromId: bill.id, linkType: 'responds_to', toKind: 'issue', toId: linked.id } });
  return { api, caseId, file, linked, other, bill };
}

const prompts = (api: TestApi, caseId: string) => api.call('issue.reviewPrompts', { caseId });

describe('a watch item tracking a bill', () => {
  it('keeps what it tracks, and the time of each stage change; a stage that does not fit the measure is refused', () => {
    const { api, caseId, bill } = trackedBill();
    expect(bill).toMatchObject({ ...TRACKED, triggeredAt: null });
    expect(bill.stageChangedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const moved = api.call('watchItem.update', { caseId, id: bill.id, changes: { stage: 'in_committee' } });
    expect(moved.stageChangedAt! > bill.stageChangedAt!).toBe(true);
    // Another field changed: the stage's time stays.
    expect(api.call('watchItem.update', { caseId, id: bill.id, changes: { likelihood: 'high' } }).stageChangedAt).toBe(moved.stageChangedAt);

    const refusal = api.fail('watchItem.update', { caseId, id: bill.id, changes: { stage: 'final_rule' } }, 'invalid_input');
    expect(refusal.message).toContain('“final rule” is not a stage of a bill');
    expect(api.fail('watchItem.update', { caseId, id: bill.id, changes: { measure: 'other' } }, 'invalid_input').message).toContain('is for a bill or a rule');
    expect(api.fail('watchItem.update', { caseId, id: bill.id, changes: { likelihood: 'certain' } }, 'invalid_input').message).toMatch(/likelihood/i);
    expect(api.call('watchItem.get', { caseId, id: bill.id })).toMatchObject({ stage: 'in_committee', likelihood: 'high', measure: 'bill' });
  });

  it('keeps every stage change in its history, one entry each', () => {
    const { api, caseId, bill } = trackedBill();
    for (const stage of ['in_committee', 'passed_one_chamber'] as const) api.call('watchItem.update', { caseId, id: bill.id, changes: { stage } });
    const stages = api.call('record.history', { caseId, id: bill.id })
      .filter((e) => e.operation === 'update' && e.changedFields.includes('stage'))
      .map((e) => [e.before?.stage, e.after?.stage]);
    expect(stages).toEqual([['introduced', 'in_committee'], ['in_committee', 'passed_one_chamber']]);
  });
});

describe('review prompts', () => {
  it('a stage change makes each linked issue need a review, and only those; marking one reviewed clears it', () => {
    const { api, caseId, linked, bill } = trackedBill();
    expect(prompts(api, caseId)).toEqual([]); // linked after it reached its stage: nothing has moved since
    const moved = api.call('watchItem.update', { caseId, id: bill.id, changes: { stage: 'passed_one_chamber' } });
    expect(prompts(api, caseId)).toEqual([{
      issueId: linked.id, issueTitle: linked.title, watchItemId: bill.id, watchItemTitle: bill.title,
      move: 'stage', stage: 'passed_one_chamber', billOrRuleNumber: 'H.R. 4512', movedAt: moved.stageChangedAt,
    }]);

    const reviewed = api.call('issue.update', { caseId, id: linked.id, changes: { reviewedAt: new Date().toISOString(), reviewedBy: 'Alice Adler' } });
    expect(reviewed).toMatchObject({ reviewedBy: 'Alice Adler' });
    expect(prompts(api, caseId)).toEqual([]);
    // Who and when go together.
    expect(api.fail('issue.update', { caseId, id: linked.id, changes: { reviewedBy: null } }, 'invalid_input').message).toContain('give both or neither');
  });

  it('marking the item triggered raises one too; watched again, it goes', () => {
    const { api, caseId, linked, bill } = trackedBill();
    const triggered = api.call('watchItem.update', { caseId, id: bill.id, changes: { status: 'triggered' } });
    expect(triggered.triggeredAt).not.toBeNull();
    expect(prompts(api, caseId)).toMatchObject([{ issueId: linked.id, move: 'triggered', stage: null, movedAt: triggered.triggeredAt }]);
    expect(api.call('watchItem.update', { caseId, id: bill.id, changes: { status: 'watching' } }).triggeredAt).toBeNull();
    expect(prompts(api, caseId)).toEqual([]);
  });

  it('undoing the review brings the prompt back; undoing the stage change takes it away without a new one', () => {
    const { api, caseId, linked, bill } = trackedBill();
    api.call('watchItem.update', { caseId, id: bill.id, changes: { stage: 'in_committee' } });
    api.call('issue.update', { caseId, id: linked.id, changes: { reviewedAt: new Date().toISOString(), reviewedBy: 'Alice Adler' } });
    expect(prompts(api, caseId)).toEqual([]);
    api.call('case.undo', { caseId });
    expect(prompts(api, caseId)).toHaveLength(1);
    api.call('case.undo', { caseId });
    expect(api.call('watchItem.get', { caseId, id: bill.id })).toMatchObject({ stage: 'introduced', stageChangedAt: bill.stageChangedAt });
    expect(prompts(api, caseId)).toEqual([]);
  });

  it('leaves out deleted links and deleted issues', () => {
    const { api, caseId, linked, bill } = trackedBill();
    api.call('watchItem.update', { caseId, id: bill.id, changes: { stage: 'in_committee' } });
    api.call('issue.delete', { caseId, id: linked.id });
    expect(prompts(api, caseId)).toEqual([]);
  });

  it('a stage change made in one copy and merged into another raises the prompt there', () => {
    const { api: alice, caseId, file, linked, bill } = trackedBill();
    const { other: bob, otherFile: bobFile } = colleaguesCopy(alice, caseId, file);
    bob.call('watchItem.update', { caseId, id: bill.id, changes: { stage: 'passed_one_chamber' } });
    expect(prompts(alice, caseId)).toEqual([]);
    alice.call('case.merge', { caseId, from: bobFile });
    expect(alice.call('watchItem.get', { caseId, id: bill.id }).stage).toBe('passed_one_chamber');
    expect(prompts(alice, caseId)).toMatchObject([{ issueId: linked.id, stage: 'passed_one_chamber' }]);
    // Reviewed here, and merged back: Bob's copy has nothing left to review either.
    alice.call('issue.update', { caseId, id: linked.id, changes: { reviewedAt: new Date().toISOString(), reviewedBy: 'Alice Adler' } });
    expect(prompts(bob, caseId)).toHaveLength(1);
    bob.call('case.merge', { caseId, from: file });
    expect(prompts(bob, caseId)).toEqual([]);
  });

  it('are listed on the dashboard across cases, with the checks whose date has come', () => {
    const { api, caseId, linked, bill } = trackedBill();
    api.call('watchItem.update', { caseId, id: bill.id, changes: { stage: 'passed_one_chamber' } });
    api.call('watchItem.create', { caseId, fields: { title: 'A rule later on', status: 'watching', measure: 'rule', stage: 'proposed_rule', checkBy: '2027-03-01' } });
    api.call('watchItem.create', { caseId, fields: { title: 'Closed long ago', status: 'closed', checkBy: '2026-11-01' } });
    const dashboard = api.call('library.dashboard', { today: '2026-12-07' });
    expect(dashboard.toReview).toMatchObject([{ caseId, issueId: linked.id, watchItemTitle: bill.title, stage: 'passed_one_chamber' }]);
    expect(dashboard.checksDue).toEqual([expect.objectContaining({ caseId, id: bill.id, billOrRuleNumber: 'H.R. 4512', checkBy: '2026-12-01' })]);
    api.call('issue.update', { caseId, id: linked.id, changes: { reviewedAt: new Date().toISOString(), reviewedBy: 'Alice Adler' } });
    expect(api.call('library.dashboard', { today: '2026-12-07' }).toReview).toEqual([]);
  });

  it('refuses a request without a case in plain words', () => {
    const api = testApi();
    expect(api.fail('issue.reviewPrompts', {}, 'invalid_input').message).toMatch(/case/i);
  });
});
