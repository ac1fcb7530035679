// The watch list: developments that would change our positions, each watching, triggered or closed, with its
// indicators, what it would imply, the evidence so far, and when it was triggered.
import { useMemo, useState } from 'react';
import { WATCH_STATUSES } from '../../../shared/enums.js';
import type { RecordOf } from '../../../shared/records.js';
import { hasTag, distinctTexts } from '../../../shared/table-view.js';
import { useCaseTags, useTableView } from '../../state/table-views.js';
import { FilterBar, tagFilter } from '../../ui/tables/FilterBar.js';
import { RecordTags, TagList } from '../../ui/tables/TagInput.js';
import { useCases } from '../../state/cases.js';
import { formatDay, isoToday } from '../../ui/dates.js';
import { humanize } from '../../ui/labels.js';
import { RecordDetailPanel } from '../../ui/records/RecordDetailPanel.js';
import { RecordField, RecordSelect } from '../../ui/records/RecordField.js';
import { recordTableSpec, RecordsBesideDetail, RecordTable, type RecordColumn } from '../../ui/records/RecordTable.js';
import { useRecordList } from '../../ui/records/use-record-list.js';
import { ScreenHeading } from '../../ui/ScreenHeading.js';
import '../../ui/records/records.css';
import { clearIfUnchanged } from '../../ui/clear-if-unchanged.js';

type WatchItem = RecordOf<'watchItem'>;

const STATUS_OPTIONS = WATCH_STATUSES.map((s) => ({ value: s, label: humanize(s) }));
const STATUS_RANK: Record<WatchItem['status'], number> = { triggered: 0, watching: 1, closed: 2 };
const COLUMNS: RecordColumn<WatchItem>[] = [
  { heading: 'Status', sortValue: (w) => STATUS_RANK[w.status], cell: (w) => <span className={`pill pill--${w.status}`}>{humanize(w.status)}</span> },
  { heading: 'Indicators', sortValue: (w) => w.indicators?.length ?? 0, cell: (w) => (w.indicators?.length ? `${w.indicators.length} indicator${w.indicators.length === 1 ? '' : 's'}` : <span className="muted">None yet</span>) },
  { heading: 'Triggered', nowrap: true, sortValue: (w) => w.triggeredOn, cell: (w) => (w.triggeredOn ? formatDay(w.triggeredOn) : <span className="muted">—</span>) },
  { heading: 'Tags', sortValue: (w) => w.tags?.[0], cell: (w) => <TagList tags={w.tags} /> },
];
const SPEC = recordTableSpec(COLUMNS, {
  status: (w, value) => w.status === value,
  tags: (w, value) => hasTag(w.tags, value),
});
const BY_STATUS = (a: WatchItem, b: WatchItem) => STATUS_RANK[a.status] - STATUS_RANK[b.status];

export function WatchScreen({ caseId }: { caseId: string }) {
  const readOnly = useCases((s) => s.open.find((c) => c.caseId === caseId)?.readOnly ?? false);
  const items = useRecordList(caseId, 'watchItem');
  const { openId, setOpenId, addError } = items;
  const [title, setTitle] = useState('');

  async function add(e: React.FormEvent) {
    e.preventDefault();
    if (await items.add({ title, status: 'watching' })) setTitle(clearIfUnchanged(title));
  }

  const list = useMemo(() => [...(items.records ?? [])].sort(BY_STATUS), [items.records]);
  const table = useTableView(caseId, 'watch', list, SPEC);
  const tags = useCaseTags(caseId, list);
  const open = list.find((w) => w.id === openId) ?? null;
  return (
    <div className="screen watch">
      <ScreenHeading eyebrow="Case section">Watch list</ScreenHeading>
      <RecordsBesideDetail detail={open && <WatchPanel key={open.id} caseId={caseId} record={open} tagSuggestions={tags} readOnly={readOnly} onSaved={items.put} onClose={() => setOpenId(null)} onDelete={() => void items.remove(open)} />}>
        <section className="panel" aria-labelledby="watch-heading">
          <h2 id="watch-heading">What we are watching</h2>
          {!readOnly && (
            <form className="records__add" onSubmit={(e) => void add(e)} aria-label="Add a watch item">
              <div className="field records__add-title">
                <label className="field__label" htmlFor="new-watch-title">New watch item</label>
                <input id="new-watch-title" className="input" value={title} onChange={(e) => setTitle(e.target.value)} placeholder="A development that would change our position" aria-invalid={addError ? true : undefined} aria-describedby={addError ? 'new-watch-error' : undefined} />
              </div>
              <button type="submit" className="button button--primary">Add to watch list</button>
              {addError && <p id="new-watch-error" className="field__error" role="alert">{addError}</p>}
            </form>
          )}
          {items.error && <p className="notice notice--error" role="alert">The watch list could not be read: {items.error}</p>}
          {items.records && list.length === 0 && <p className="empty">Nothing on the watch list yet. Add a development to watch for (a rule, a court ruling, a statement), then its indicators and what it would mean for us.</p>}
          {list.length > 0 && <FilterBar table={table} shown={table.shown.length} total={table.total} noun="watch items" filters={[{ name: 'status', label: 'Status', options: STATUS_OPTIONS }, tagFilter(distinctTexts(list, (w) => w.tags))]} />}
          <RecordTable label="Watch list" titleHeading="Development" columns={COLUMNS} records={table.shown} table={table} openId={openId} onOpen={setOpenId} rowsNoun="items" />
        </section>
      </RecordsBesideDetail>
    </div>
  );
}

function WatchPanel({ caseId, record, tagSuggestions, readOnly, onSaved, onClose, onDelete }: { caseId: string; record: WatchItem; tagSuggestions: readonly string[]; readOnly: boolean; onSaved(r: WatchItem): void; onClose(): void; onDelete(): void }) {
  const common = { caseId, kind: 'watchItem' as const, record, onSaved, disabled: readOnly };
  return (
    <RecordDetailPanel caseId={caseId} kind="watchItem" id={record.id} noun="watch item" title={record.title} readOnly={readOnly} onClose={onClose} onDelete={onDelete}>
      <RecordField {...common} field="title" label="Title" required />
      <div className="form__row">
        <RecordSelect
          {...common}
          field="status"
          label="Status"
          options={STATUS_OPTIONS}
          // Triggered today, unless a date was already given.
          alsoChange={(value, rec) => (value === 'triggered' && !rec.triggeredOn ? { triggeredOn: isoToday() } : {})}
        />
        <RecordField {...common} field="triggeredOn" label="Triggered on" control="date" />
      </div>
      <RecordField {...common} field="description" label="Description" control="long" />
      <RecordField {...common} field="indicators" label="Indicators" control="list" hint="Signs that it is happening, one per line." />
      <RecordField {...common} field="implications" label="Implications for our positions" control="long" />
      <RecordField {...common} field="evidence" label="Evidence so far" control="long" />
      <RecordTags {...common} suggestions={tagSuggestions} />
    </RecordDetailPanel>
  );
}
