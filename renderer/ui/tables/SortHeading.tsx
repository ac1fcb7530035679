// A column heading that sorts its table: a button (so Enter and Space sort too), the heading cell's aria-sort saying
// which way the table is sorted by it, and an arrow showing the same to the eye.
import type { TableView } from '../../../shared/table-view.js';
import './tables.css';

interface SortHeadingProps {
  /** The column's name in the table's view (the spec's sortBy key). */
  column: string;
  heading: string;
  view: TableView;
  onSort(column: string): void;
  className?: string;
}

export function SortHeading({ column, heading, view, onSort, className }: SortHeadingProps) {
  const direction = view.sort?.column === column ? view.sort.direction : undefined;
  return (
    <th scope="col" className={className} aria-sort={direction ?? 'none'}>
      <button type="button" className="sort-heading" onClick={() => onSort(column)}>
        {heading}
        <span className="sort-heading__arrow" aria-hidden="true">{direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : ''}</span>
      </button>
    </th>
  );
}
