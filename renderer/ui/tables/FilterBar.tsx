// The compact bar over a table that filters it: one choice per filter (status, owner, kind, tag, mine...), the
// filters in force listed, each clearable, and how many of the records are shown ("12 of 40 shown"). A list that has
// no column headings (a meeting's action items, the deadlines) sorts from the bar's "Sort by" buttons instead, which
// behave as a heading does: pressed once, ascending; again, the other way.
import { useId } from 'react';
import type { ShownTable } from '../../state/table-views.js';
import './tables.css';

export interface FilterChoice {
  /** The filter's name in the table's view (the spec's filterBy key). */
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
}

interface FilterBarProps {
  table: Pick<ShownTable<unknown>, 'view' | 'sortBy' | 'filter' | 'clearFilters'>;
  /** How many records the view shows, of how many. */
  shown: number;
  total: number;
  filters: readonly FilterChoice[];
  /** Columns to sort by, for a list without headings (the view's sortBy keys, with their names). */
  sorts?: readonly { column: string; label: string }[];
  /** What the rows are, in the plural: "Filter issues". */
  noun: string;
}

export function FilterBar({ table, shown, total, filters, sorts, noun }: FilterBarProps) {
  const id = useId();
  const active = filters.flatMap((f) => {
    const value = table.view.filters[f.name];
    if (!value) return [];
    return [{ filter: f, value, valueLabel: f.options.find((o) => o.value === value)?.label ?? value }];
  });
  return (
    <div className="filter-bar" role="group" aria-label={`Filter ${noun}`}>
      {filters.map((f) => (
        <div key={f.name} className="filter-bar__choice">
          <label className="filter-bar__label" htmlFor={`${id}-${f.name}`}>{f.label}</label>
          <select id={`${id}-${f.name}`} className="input input--compact" value={table.view.filters[f.name] ?? ''} onChange={(e) => table.filter(f.name, e.target.value || null)}>
            <option value="">Any</option>
            {f.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        </div>
      ))}
      {active.length > 0 && (
        <ul className="filter-bar__active" aria-label="Filters in force">
          {active.map(({ filter, valueLabel }) => (
            <li key={filter.name}>
              <button type="button" className="filter-chip" aria-label={`Clear the filter ${filter.label}: ${valueLabel}`} onClick={() => table.filter(filter.name, null)}>
                {filter.label}: {valueLabel} <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
          {active.length > 1 && (
            <li><button type="button" className="link-button" onClick={table.clearFilters}>Clear all filters</button></li>
          )}
        </ul>
      )}
      {sorts && (
        <div className="filter-bar__sorts" role="group" aria-label="Sort by">
          <span className="filter-bar__label" aria-hidden="true">Sort by</span>
          {sorts.map((s) => {
            const direction = table.view.sort?.column === s.column ? table.view.sort.direction : undefined;
            return (
              <button key={s.column} type="button" className="button button--small" aria-pressed={direction !== undefined} aria-label={direction ? `${s.label}, sorted ${direction}` : s.label} onClick={() => table.sortBy(s.column)}>
                {s.label}<span className="sort-heading__arrow" aria-hidden="true">{direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : ''}</span>
              </button>
            );
          })}
        </div>
      )}
      <p className="filter-bar__count" role="status">{shown.toLocaleString('en')} of {total.toLocaleString('en')} shown</p>
    </div>
  );
}

/** A filter over tags, offering every tag the records carry. */
export function tagFilter(tags: readonly string[]): FilterChoice {
  return { name: 'tags', label: 'Tag', options: tags.map((t) => ({ value: t, label: t })) };
}
