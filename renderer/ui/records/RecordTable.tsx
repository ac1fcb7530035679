// A dense table of one kind's records beside the panel that shows the open one (the issues matrix, precedents, the
// watch list). The first column is each record's title as a button that opens or closes it; the arrow keys move
// between those buttons (rowKeys); each row carries the record's id so that landing on it from an address finds the
// row (land-on-record.ts). The screen passes in only its own columns, its table's name and the noun of its hint; given
// its view (useTableView), the title and every column with a sort value sort from their headings.
import type { ReactNode } from 'react';
import type { RecordMeta } from '../../../shared/records.js';
import type { SortValue, TableSpec } from '../../../shared/table-view.js';
import type { ShownTable } from '../../state/table-views.js';
import { SortHeading } from '../tables/SortHeading.js';

/** A record a table lists: any kind's, as long as it has a title. */
export type TitledRecord = RecordMeta & { title: string };

export interface RecordColumn<R extends TitledRecord> {
  /** The column's heading. */
  heading: string;
  /** What one record shows in this column. */
  cell(record: R): ReactNode;
  /** Dates and the like: kept on one line so that the column does not wrap them mid-value. */
  nowrap?: boolean;
  /** A class for the column's heading and cells (the issues matrix hides some beside an open issue: records.css). */
  className?: string;
  /** What the column sorts by; without it, its heading does not sort. */
  sortValue?(record: R): SortValue;
}

/** The sort key of the title column in a table's view. */
const TITLE_COLUMN = 'title';

/** A record table's sort and filter spec: the title and the columns with sort values (by heading), and its filters. */
export function recordTableSpec<R extends TitledRecord>(columns: readonly RecordColumn<R>[], filterBy: TableSpec<R>['filterBy']): TableSpec<R> {
  const sortBy: Record<string, (r: R) => SortValue> = { [TITLE_COLUMN]: (r) => r.title };
  for (const c of columns) if (c.sortValue) sortBy[c.heading] = c.sortValue;
  return { sortBy, filterBy };
}

interface RecordTableProps<R extends TitledRecord> {
  /** The table's accessible name, e.g. "Precedents". */
  label: string;
  /** The heading over the record titles (the open buttons), e.g. "Title". */
  titleHeading: string;
  columns: readonly RecordColumn<R>[];
  /** The records in the order shown; nothing is drawn while there are none (the screen says so itself). */
  records: readonly R[];
  openId: string | null;
  /** Opens a record, or closes the open one (null) when its button is pressed again. */
  onOpen(id: string | null): void;
  /** What the rows are, in the plural, for the keyboard hint: "Arrow keys move between <rowsNoun>". */
  rowsNoun: string;
  /** A class beside dense-table, for a table with looks of its own. */
  className?: string;
  /** The table's view, where it sorts from its headings (records are then its shown records). */
  table?: ShownTable<R>;
  /** Drawn after a record's title, where the record asks for attention (an issue to review). */
  titleMark?(record: R): ReactNode;
}

export function RecordTable<R extends TitledRecord>({ label, titleHeading, columns, records, openId, onOpen, rowsNoun, className, table, titleMark }: RecordTableProps<R>) {
  if (records.length === 0) return null;
  return (
    <>
      <div className="table-scroll">
        <table className={className ? `dense-table ${className}` : 'dense-table'} aria-label={label} onKeyDown={rowKeys}>
          <thead>
            <tr>
              {table ? <SortHeading column={TITLE_COLUMN} heading={titleHeading} view={table.view} onSort={table.sortBy} /> : <th scope="col">{titleHeading}</th>}
              {columns.map((c) => (table && c.sortValue
                ? <SortHeading key={c.heading} column={c.heading} heading={c.heading} view={table.view} onSort={table.sortBy} className={c.className} />
                : <th key={c.heading} scope="col" className={c.className}>{c.heading}</th>))}
            </tr>
          </thead>
          <tbody>
            {records.map((r) => (
              <tr key={r.id} data-record-id={r.id} aria-selected={r.id === openId}>
                <th scope="row">
                  <button type="button" className="row-open truncate" data-row-open aria-expanded={r.id === openId} onClick={() => onOpen(r.id === openId ? null : r.id)} title={r.title}>{r.title}</button>
                  {titleMark?.(r)}
                </th>
                {columns.map((c) => <td key={c.heading} className={cellClass(c)}>{c.cell(r)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="field__hint">Arrow keys move between {rowsNoun}; Enter opens one.</p>
    </>
  );
}

function cellClass(column: RecordColumn<never>): string | undefined {
  const classes = [column.className, column.nowrap ? 'dense-table__nowrap' : undefined].filter(Boolean);
  return classes.length ? classes.join(' ') : undefined;
}

/** The list and, once a record is open, its panel beside it (under it on a narrow window: records.css). */
export function RecordsBesideDetail({ detail, children }: { detail: ReactNode; children: ReactNode }) {
  return (
    <div className={`records ${detail ? 'records--with-detail' : ''}`}>
      {children}
      {detail}
    </div>
  );
}

/** Arrow keys move between the buttons marked data-row-open in a list or table; Home and End go to the first and last. */
export function rowKeys(e: React.KeyboardEvent<HTMLElement>) {
  if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
  const target = e.target as HTMLElement;
  if (!target.matches('[data-row-open]')) return;
  const all = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-row-open]')];
  const i = all.indexOf(target);
  const next = e.key === 'Home' ? all[0] : e.key === 'End' ? all.at(-1) : all[e.key === 'ArrowDown' ? i + 1 : i - 1];
  if (next) {
    e.preventDefault();
    next.focus();
  }
}
