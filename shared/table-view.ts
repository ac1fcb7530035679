// How a table of records is sorted and filtered: one pure function every table uses (the issues matrix, precedents,
// the watch list, the deadlines, a meeting's action items), so that they agree on what a click on a heading does and
// how filters combine. Each record's sort value is worked out once per sort, not once per comparison: ten thousand
// deadlines sort in a few milliseconds.

export type SortDirection = 'ascending' | 'descending';

/** What a table shows: its order (a column, both ways) and its filters (filter name → the value chosen). */
export interface TableView {
  sort: { column: string; direction: SortDirection } | null;
  filters: Readonly<Record<string, string>>;
}

export const UNSORTED_VIEW: TableView = { sort: null, filters: {} };

/** What a column sorts by; an empty value (null, or blank text) goes last whichever way the column is sorted. */
export type SortValue = string | number | boolean | null | undefined;

export interface TableSpec<R> {
  /** The sortable columns, each with the value a record sorts by. */
  sortBy: Readonly<Record<string, (record: R) => SortValue>>;
  /** The filters, each saying whether a record stays with the value chosen. */
  filterBy: Readonly<Record<string, (record: R, value: string) => boolean>>;
}

/** The records a view shows, in its order: those every filter keeps, sorted (ties keep the order given). */
export function viewRows<R>(records: readonly R[], view: TableView, spec: TableSpec<R>): R[] {
  const tests = Object.entries(view.filters).flatMap(([name, value]) => {
    const test = spec.filterBy[name];
    return test ? [(r: R) => test(r, value)] : [];
  });
  const kept = tests.length ? records.filter((r) => tests.every((t) => t(r))) : [...records];
  const valueOf = view.sort ? spec.sortBy[view.sort.column] : undefined;
  if (!view.sort || !valueOf) return kept;
  const sign = view.sort.direction === 'ascending' ? 1 : -1;
  const keyed = kept.map((record, at) => ({ record, at, key: sortKey(valueOf(record)) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key, sign) || a.at - b.at);
  return keyed.map((k) => k.record);
}

function sortKey(value: SortValue): string | number | null {
  if (value == null) return null;
  if (typeof value === 'boolean') return value ? 0 : 1; // yes before no
  if (typeof value === 'string') return value.trim() === '' ? null : value.toLocaleLowerCase();
  return value;
}

function compareKeys(a: string | number | null, b: string | number | null, sign: number): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return (a < b ? -1 : 1) * sign;
}

/** The view after a click on a column's heading: sorted by it ascending, or the other way if it already was. */
export function sortedBy(view: TableView, column: string): TableView {
  const reverse = view.sort?.column === column && view.sort.direction === 'ascending';
  return { ...view, sort: { column, direction: reverse ? 'descending' : 'ascending' } };
}

/** The view with a filter set to a value, or taken off (null or ''). */
export function filteredBy(view: TableView, name: string, value: string | null): TableView {
  const { [name]: _old, ...rest } = view.filters;
  return { ...view, filters: value ? { ...rest, [name]: value } : rest };
}

/** Whether a record's tags hold a tag, letter case aside (as the core's list filter reads them). */
export function hasTag(tags: readonly string[] | null | undefined, tag: string): boolean {
  const wanted = tag.toLocaleLowerCase();
  return (tags ?? []).some((t) => t.toLocaleLowerCase() === wanted);
}

/** Every distinct text some records hold (their tags, their owners), letter case aside, first spelling kept, in alphabetical order. */
export function distinctTexts<R>(records: readonly R[], textsOf: (r: R) => readonly string[] | null | undefined): string[] {
  const byKey = new Map<string, string>();
  for (const r of records) for (const t of textsOf(r) ?? []) if (!byKey.has(t.toLocaleLowerCase())) byKey.set(t.toLocaleLowerCase(), t);
  return [...byKey.values()].sort((a, b) => a.localeCompare(b));
}
