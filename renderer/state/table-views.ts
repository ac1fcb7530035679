// How each table of each case is sorted and filtered, remembered for the session: leaving a section and coming back
// (or switching cases) finds the table as it was left. Held in a case-data store, so locking the app forgets it.
import { useMemo } from 'react';
import { distinctTexts, filteredBy, sortedBy, UNSORTED_VIEW, viewRows, type TableSpec, type TableView } from '../../shared/table-view.js';
import { caseDataStore, useRecords } from './data.js';

interface TableViews {
  /** By case id and table name ("<caseId> issues"). */
  views: Readonly<Record<string, TableView>>;
  set(key: string, view: TableView): void;
}

const useTableViews = caseDataStore<TableViews>()((set) => ({
  views: {},
  set: (key, view) => set((s) => ({ views: { ...s.views, [key]: view } })),
}));

/** A table's records as its view shows them, the view, and what changes it. */
export interface ShownTable<R> {
  view: TableView;
  shown: R[];
  total: number;
  sortBy(column: string): void;
  filter(name: string, value: string | null): void;
  clearFilters(): void;
}

/**
 * The view of table `table` of a case over `records`. The records are sorted and filtered again only when they or
 * the view change (`spec` is a constant of the screen), so typing elsewhere on the screen costs nothing.
 */
export function useTableView<R>(caseId: string, table: string, records: readonly R[], spec: TableSpec<R>): ShownTable<R> {
  const key = `${caseId} ${table}`;
  const view = useTableViews((s) => s.views[key]) ?? UNSORTED_VIEW;
  const setView = useTableViews((s) => s.set);
  const shown = useMemo(() => viewRows(records, view, spec), [records, view, spec]);
  return {
    view,
    shown,
    total: records.length,
    sortBy: (column) => setView(key, sortedBy(view, column)),
    filter: (name, value) => setView(key, filteredBy(view, name, value)),
    clearFilters: () => setView(key, { ...view, filters: {} }),
  };
}

/**
 * Every tag the case's tagged records carry (issues, precedents, watch items), for the tag input's suggestions: the
 * screen's own records as it holds them now (a tag just added is offered at once), the other kinds as read.
 */
export function useCaseTags<R extends { tags: readonly string[] | null }>(caseId: string, own: readonly R[]): string[] {
  const issues = useRecords(caseId, 'issue');
  const precedents = useRecords(caseId, 'precedent');
  const watchItems = useRecords(caseId, 'watchItem');
  return useMemo(
    () => distinctTexts<{ tags: readonly string[] | null }>([...own, ...(issues.records ?? []), ...(precedents.records ?? []), ...(watchItems.records ?? [])], (r) => r.tags),
    [own, issues.records, precedents.records, watchItems.records],
  );
}
