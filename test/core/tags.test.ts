// Tags on issues, precedents and watch items through the real dispatcher on real case files: written and changed
// with their records, checked as they enter, found by a list filter and by search. Merged tag by tag: test/merge/merge.test.ts.
import { describe, expect, it } from 'vitest';
import { newCase, testApi } from '../helpers.js';

function caseWithIssue() {
  const api = testApi('Alice Adler');
  const { caseId, path: file } = newCase(api);
  const issue = api.call('issue.create', { caseId, fields: { title: 'Access for foreign nationals', priority: 'high', status: 'open', tags: ['export control', 'Phase 2'] } });
  return { api, caseId, file, issue };
}

describe('tags', () => {
  it('are kept on create and update of issues, precedents and watch items', () => {
    const { api, caseId, issue } = caseWithIssue();
    expect(issue.tags).toEqual(['export control', 'Phase 2']);
    const changed = api.call('issue.update', { caseId, id: issue.id, changes: { tags: ['Phase 2', 'fallback'] } });
    expect(api.call('issue.get', { caseId, id: issue.id }).tags).toEqual(['Phase 2', 'fallback']);
    expect(changed.version).toBe(2);
    const precedent = api.call('precedent.create', { caseId, fields: { title: 'Acme v. Commerce', precedentType: 'court_decision', tags: ['fallback'] } });
    const watch = api.call('watchItem.create', { caseId, fields: { title: 'Licence policy change', status: 'watching', tags: ['policy'] } });
    expect(precedent.tags).toEqual(['fallback']);
    expect(watch.tags).toEqual(['policy']);
    expect(api.call('issue.update', { caseId, id: issue.id, changes: { tags: null } }).tags).toBeNull();
  });

  it('filter a list by one tag, letter case aside', () => {
    const { api, caseId, issue } = caseWithIssue();
    api.call('issue.create', { caseId, fields: { title: 'Reporting duties', priority: 'low', status: 'open', tags: ['reporting'] } });
    api.call('issue.create', { caseId, fields: { title: 'Untagged', priority: 'low', status: 'open' } });
    expect(api.call('issue.list', { caseId, filter: { tags: 'phase 2' } }).map((i) => i.id)).toEqual([issue.id]);
    expect(api.call('issue.list', { caseId, filter: { tags: 'nothing like it' } })).toEqual([]);
  });

  it('are found by search', () => {
    const { api, caseId, issue } = caseWithIssue();
    const hits = api.call('case.search', { caseId, query: 'export control' });
    expect(hits.map((h) => h.id)).toContain(issue.id);
  });

  it('are refused in plain words when empty, too long, with a control character or given twice; nothing changes', () => {
    const { api, caseId, issue } = caseWithIssue();
    const refusal = (tags: string[]) => api.fail('issue.update', { caseId, id: issue.id, changes: { tags } }, 'invalid_input');
    for (const [tags, words] of [
      [['  '], 'a tag must not be empty'],
      [['x'.repeat(41)], 'a tag is at most 40 characters'],
      [['line\nbreak'], 'control characters'],
      [['Fallback', 'fallback'], 'each tag may be given only once'],
    ] as const) {
      expect(JSON.stringify(refusal([...tags]))).toContain(words);
    }
    expect(api.call('issue.get', { caseId, id: issue.id })).toMatchObject({ version: 1, tags: ['export control', 'Phase 2'] });
  });
});
