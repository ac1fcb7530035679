// The watch list: developments that would change our positions, each watching, triggered or closed, with its
// indicators, what it would imply, the evidence so far, and when it was triggered. One may track a bill or an agency's
// rule through its stages (shared/legislation.ts): its number and stage are columns of the list, filtered by stage.
import { useMemo, useState } from 'react';
import { LIKELIHOODS, TRACKED_MEASURES, WATCH_STAGES, WATCH_STATUSES } from '../../../shared/enums.js';
import { stageInWords, stagesFor } from '../../../shared/legislation.js';
import type { RecordOf } from '../../../shared/records.js';
import { hasTag, distinctTexts } from '../../../shared/table-view.js';
import { useCaseTags, useTableView } from '../../state/table-views.js';
import { FilterBar, tagFilter } from '../../ui/tables/FilterBar.js';
import { RecordTags, TagList } from '../../ui/tables/TagInput.js';
import { useCases } from '../../state/cases.js';
import { formatDay, formatInstant, isoToday } from '../../ui/dates.js';
import { HistoryDisclosure } from '../../ui/history/HistoryPanel.js';
import { humanize } from '../../ui/labels.js';
import { RecordDetailPanel } from '../../ui/records/RecordDetailPanel.js';
import { RecordField, RecordSelect } from '../../ui/records/RecordField.js';
import { recordTableSpec, RecordsBesideDetail, RecordTable, type RecordColumn } from '../../ui/records/RecordTable.js';
import { useRecordList } from '../../ui/records/use-record-list.js';
import { ScreenHeading } from '../../ui/ScreenHeading.js';
import '../../ui/records/records.css';
import './watch.css';
import { clearIfUnchanged } from '../../ui/clear-if-unchanged.js';
import { StageBadge, STAGE_RANK } from './StageBadge.js';

type WatchItem = RecordOf<'watchItem'>;

const STATUS_OPTIONS = WATCH_STATUSES.map((s) => ({ value: s, label: humanize(s) }));
const MEASURE_OPTIONS = TRACKED_MEASURES.map((m) => ({ value: m, label: m === 'rule' ? 'A rule or regulation' : m === 'bill' ? 'A bill' : 'Something else' }));
const LIKELIHOOD_OPTIONS = LIKELIHOODS.map((l) => ({ value: l, label: humanize(l) }));
const stageOption = (stage: string) => ({ value: stage, label: humanize(stageInWords(stage)) });
const STAGE_OPTIONS = WATCH_STAGES.map(stageOption);
const STATUS_RANK: Record<WatchItem['status'], number> = { triggered: 0, watching: 1, closed: 2 };
const NONE = <span className="muted">—</span>;
/** Columns the open item's panel shows, left out beside it on a window too narrow for all of them (watch.css). */
const BESIDE_PANEL = 'watch-list__beside-panel';
const COLUMNS: RecordColumn<WatchItem>[] = [
  { heading: 'Status', sortValue: (w) => STATUS_RANK[w.status], cell: (w) => <span className={`pill pill--${w.status}`}>{humanize(w.status)}</span> },
  { heading: 'Number', nowrap: true, sortValue: (w) => w.billOrRuleNumber, cell: (w) => w.billOrRuleNumber ?? NONE },
  { heading: 'Stage', sortValue: (w) => (w.stage ? STAGE_RANK[w.stage] : null), cell: (w) => (w.stage ? <StageBadge stage={w.stage} /> : NONE) },
  { heading: 'Indicators', className: BESIDE_PANEL, sortValue: (w) => w.indicators?.length ?? 0, cell: (w) => (w.indicators?.length ? `${w.indicators.length} indicator${w.indicators.length === 1 ? '' : 's'}` : <span className="muted">None yet</span>) },
  { heading: 'Triggered', nowrap: true, className: BESIDE_PANEL, sortValue: (w) => w.triggeredOn, cell: (w) => (w.triggeredOn ? formatDay(w.triggeredOn) : NONE) },
  { heading: 'Tags', className: BESIDE_PANEL, sortValue: (w) => w.tags?.[0], cell: (w) => <TagList tags={w.tags} /> },
];
const SPEC = recordTableSpec(COLUMNS, {
  status: (w, value) => w.status === value,
  stage: (w, value) => w.stage === value,
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
          {list.length > 0 && <FilterBar table={table} shown={table.shown.length} total={table.total} noun="watch items" filters={[{ name: 'status', label: 'Status', options: STATUS_OPTIONS }, { name: 'stage', label: 'Stage', options: STAGE_OPTIONS }, tagFilter(distinctTexts(list, (w) => w.tags))]} />}
          <RecordTable label="Watch list" className="watch-list" titleHeading="Development" columns={COLUMNS} records={table.shown} table={table} openId={openId} onOpen={setOpenId} rowsNoun="items" />
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
      <TrackedMeasure common={common} record={record} />
      <section className="records__section" aria-label="Audit trail of this watch item">
        <HistoryDisclosure summary="Every change to this watch item, each stage among them" caseId={caseId} id={record.id} refreshKey={record.version} />
      </section>
    </RecordDetailPanel>
  );
}

/**
 * A bill or a rule the item follows: what it is, its number, where it stands and who sponsors it. The stages offered
 * are those of the measure chosen; choosing another measure clears a stage that does not fit it.
 */
function TrackedMeasure({ common, record }: { common: { caseId: string; kind: 'watchItem'; record: WatchItem; onSaved(r: WatchItem): void; disabled: boolean }; record: WatchItem }) {
  const stages = stagesFor(record.measure);
  return (
    <fieldset className="records__section tracked-measure">
      <legend>Bill or rule tracked</legend>
      <div className="form__row">
        <RecordSelect
          {...common}
          field="measure"
          label="What is tracked"
          emptyLabel="Nothing tracked"
          options={MEASURE_OPTIONS}
          alsoChange={(value, rec) => (rec.stage && !stagesFor((value || null) as WatchItem['measure']).includes(rec.stage) ? { stage: null } : {})}
        />
        <RecordField {...common} field="billOrRuleNumber" label="Bill or rule number" hint="Such as H.R. 4512 or RIN 0694-AJ12." />
      </div>
      <RecordField {...common} field="jurisdiction" label="Jurisdiction or body" hint="The legislature, chamber or agency it is before." />
      <div className="form__row">
        <RecordSelect {...common} field="stage" label="Stage" emptyLabel={stages.length ? 'Not known' : 'Choose a bill or a rule first'} options={stages.map(stageOption)} disabled={common.disabled || stages.length === 0} />
        <RecordSelect {...common} field="likelihood" label="Likelihood it goes through" emptyLabel="Not judged" options={LIKELIHOOD_OPTIONS} />
      </div>
      {record.stage && record.stageChangedAt && (
        <p className="field__hint tracked-measure__since">At this stage since {formatInstant(record.stageChangedAt)}.</p>
      )}
      <RecordField {...common} field="sponsors" label="Sponsors" control="list" hint="One per line." />
      <RecordField {...common} field="sourceReference" label="Source" hint="A citation or an address, kept as text." />
      <RecordField {...common} field="checkBy" label="Check again by" control="date" hint="The dashboard lists it from this day on." />
    </fieldset>
  );
}
