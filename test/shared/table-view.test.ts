// The one sort and filter every table uses: a heading clicked sorts by it, clicked again reverses; empty values go
// last either way; filters combine; ties keep their order; ten thousand rows sort well within a frame.
import { describe, expect, it } from 'vitest';
import { filteredBy, hasTag, sortedBy, distinctTexts, UNSORTED_VIEW, viewRows, type TableSpec } from '../../shared/table-view.js';

interface Row { title: string; status: 'open' | 'done'; due: string | null; owner: string | null; tags: string[] | null; rank: number }
const rows: Row[] = [
  { title: 'Brief the minister', status: 'open', due: '2026-12-10', owner: 'Ana', tags: ['Phase 2'], rank: 2 },
  { title: 'answer the letter', status: 'done', due: null, owner: 'Ben', tags: null, rank: 1 },
  { title: 'Call counsel', status: 'open', due: '2026-12-01', owner: null, tags: ['phase 2', 'urgent'], rank: 3 },
  { title: 'Draft reply', status: 'open', due: '', owner: 'Ana', tags: ['urgent'], rank: 1 },
];
const spec: TableSpec<Row> = {
  sortBy: { title: (r) => r.title, due: (r) => r.due, rank: (r) => r.rank },
  filterBy: { status: (r, v) => r.status === v, owner: (r, v) => r.owner === v, tags: (r, v) => hasTag(r.tags, v) },
};
const titles = (list: Row[]) => list.map((r) => r.title);

describe('viewRows', () => {
  it('shows every record in the order given when nothing is chosen', () => {
    expect(viewRows(rows, UNSORTED_VIEW, spec)).toEqual(rows);
    expect(viewRows(rows, UNSORTED_VIEW, spec)).not.toBe(rows);
  });

  it('sorts by a column, letter case aside; a second click reverses; a new column starts ascending', () => {
    const once = sortedBy(UNSORTED_VIEW, 'title');
    expect(once.sort).toEqual({ column: 'title', direction: 'ascending' });
    expect(titles(viewRows(rows, once, spec))).toEqual(['answer the letter', 'Brief the minister', 'Call counsel', 'Draft reply']);
    const twice = sortedBy(once, 'title');
    expect(twice.sort?.direction).toBe('descending');
    expect(titles(viewRows(rows, twice, spec))).toEqual(['Draft reply', 'Call counsel', 'Brief the minister', 'answer the letter']);
    expect(sortedBy(twice, 'title').sort?.direction).toBe('ascending');
    expect(sortedBy(twice, 'due').sort).toEqual({ column: 'due', direction: 'ascending' });
  });

  it('puts empty values last both ways, and keeps the given order among equal values', () => {
    const due = sortedBy(UNSORTED_VIEW, 'due');
    expect(titles(viewRows(rows, due, spec))).toEqual(['Call counsel', 'Brief the minister', 'answer the letter', 'Draft reply']);
    expect(titles(viewRows(rows, sortedBy(due, 'due'), spec))).toEqual(['Brief the minister', 'Call counsel', 'answer the letter', 'Draft reply']);
    expect(titles(viewRows(rows, sortedBy(UNSORTED_VIEW, 'rank'), spec))).toEqual(['answer the letter', 'Draft reply', 'Brief the minister', 'Call counsel']);
  });

  it('keeps the records every filter holds for; a filter taken off shows them again; tags match letter case aside', () => {
    const open = filteredBy(UNSORTED_VIEW, 'status', 'open');
    expect(titles(viewRows(rows, open, spec))).toEqual(['Brief the minister', 'Call counsel', 'Draft reply']);
    const openPhase2 = filteredBy(open, 'tags', 'PHASE 2');
    expect(titles(viewRows(rows, openPhase2, spec))).toEqual(['Brief the minister', 'Call counsel']);
    expect(titles(viewRows(rows, filteredBy(openPhase2, 'owner', 'Ana'), spec))).toEqual(['Brief the minister']);
    expect(filteredBy(openPhase2, 'status', null).filters).toEqual({ tags: 'PHASE 2' });
    expect(filteredBy(openPhase2, 'tags', '').filters).toEqual({ status: 'open' });
    // A filter the table does not have (remembered from an older version) is left out rather than hiding everything.
    expect(viewRows(rows, filteredBy(UNSORTED_VIEW, 'kind', 'x'), spec)).toHaveLength(4);
  });

  it('lists the distinct tags of the records, first spelling kept, in alphabetical order', () => {
    expect(distinctTexts(rows, (r) => r.tags)).toEqual(['Phase 2', 'urgent']);
  });

  it('sorts and filters ten thousand rows well within a frame', () => {
    const many: Row[] = Array.from({ length: 10_000 }, (_, i) => ({
      title: `Deadline ${(i * 7919) % 10_000}`, status: i % 3 ? 'open' : 'done', due: i % 5 ? `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}` : null,
      owner: i % 2 ? 'Ana' : 'Ben', tags: i % 4 ? ['urgent'] : null, rank: i % 7,
    }));
    const view = filteredBy(sortedBy(UNSORTED_VIEW, 'due'), 'status', 'open');
    viewRows(many, view, spec); // warm up
    // Processor time, not the clock: the suite runs in parallel on a shared machine, where waiting for a core is not
    // the sort's cost. The fastest of five, so that one collection of garbage does not decide.
    const times = Array.from({ length: 5 }, () => {
      const start = process.cpuUsage();
      viewRows(many, sortedBy(view, 'title'), spec);
      const used = process.cpuUsage(start);
      return (used.user + used.system) / 1_000;
    }).sort((a, b) => a - b);
    expect(times[0]).toBeLessThan(16);
  });
});
