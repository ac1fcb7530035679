// Precedents: statutes, regulations, decisions and earlier directives with their citations; one open beside the
// list, edited as the user goes, with what links to it (the issues it supports, say).
import { useMemo, useState } from 'react';
import { PRECEDENT_TYPES } from '../../../shared/enums.js';
import type { RecordOf } from '../../../shared/records.js';
import { hasTag, distinctTexts } from '../../../shared/table-view.js';
import { useCaseTags, useTableView } from '../../state/table-views.js';
import { FilterBar, tagFilter } from '../../ui/tables/FilterBar.js';
import { RecordTags, TagList } from '../../ui/tables/TagInput.js';
import { useCases } from '../../state/cases.js';
import { formatDay } from '../../ui/dates.js';
import { humanize } from '../../ui/labels.js';
import { RecordDetailPanel } from '../../ui/records/RecordDetailPanel.js';
import { RecordField, RecordSelect } from '../../ui/records/RecordField.js';
import { recordTableSpec, RecordsBesideDetail, RecordTable, type RecordColumn } from '../../ui/records/RecordTable.js';
import { useRecordList } from '../../ui/records/use-record-list.js';
import { ScreenHeading } from '../../ui/ScreenHeading.js';
import '../../ui/records/records.css';
import { clearIfUnchanged } from '../../ui/clear-if-unchanged.js';

type Precedent = RecordOf<'precedent'>;
type PrecedentType = Precedent['precedentType'];

const TYPE_LABELS: Record<string, string> = { court_decision: 'Court decision', agency_action: 'Agency action', earlier_directive: 'Earlier directive', case_file: 'Another case file', public_statement: 'Public statement' };
const typeLabel = (t: PrecedentType) => TYPE_LABELS[t] ?? humanize(t);
const TYPE_OPTIONS = PRECEDENT_TYPES.map((t) => ({ value: t, label: typeLabel(t) }));
const COLUMNS: RecordColumn<Precedent>[] = [
  { heading: 'Type', sortValue: (p) => typeLabel(p.precedentType), cell: (p) => typeLabel(p.precedentType) },
  { heading: 'Citation', sortValue: (p) => p.citation, cell: (p) => (p.citation ? <span className="cell-text">{p.citation}</span> : <span className="muted">—</span>) },
  { heading: 'Date', nowrap: true, sortValue: (p) => p.decidedOn, cell: (p) => (p.decidedOn ? formatDay(p.decidedOn) : <span className="muted">—</span>) },
  { heading: 'Tags', sortValue: (p) => p.tags?.[0], cell: (p) => <TagList tags={p.tags} /> },
];
const SPEC = recordTableSpec(COLUMNS, {
  kind: (p, value) => p.precedentType === value,
  tags: (p, value) => hasTag(p.tags, value),
});
const NEWEST_FIRST = (a: Precedent, b: Precedent) => (b.decidedOn ?? '').localeCompare(a.decidedOn ?? '');

export function PrecedentsScreen({ caseId }: { caseId: string }) {
  const readOnly = useCases((s) => s.open.find((c) => c.caseId === caseId)?.readOnly ?? false);
  const precedents = useRecordList(caseId, 'precedent');
  const { openId, setOpenId, addError } = precedents;
  const [title, setTitle] = useState('');
  const [type, setType] = useState<PrecedentType>('court_decision');

  async function add(e: React.FormEvent) {
    e.preventDefault();
    if (await precedents.add({ title, precedentType: type })) setTitle(clearIfUnchanged(title));
  }

  const list = useMemo(() => [...(precedents.records ?? [])].sort(NEWEST_FIRST), [precedents.records]);
  const table = useTableView(caseId, 'precedents', list, SPEC);
  const tags = useCaseTags(caseId, list);
  const open = list.find((p) => p.id === openId) ?? null;
  return (
    <div className="screen precedents">
      <ScreenHeading eyebrow="Case section">Precedents</ScreenHeading>
      <RecordsBesideDetail detail={open && <PrecedentPanel key={open.id} caseId={caseId} record={open} tagSuggestions={tags} readOnly={readOnly} onSaved={precedents.put} onClose={() => setOpenId(null)} onDelete={() => void precedents.remove(open)} />}>
        <section className="panel" aria-labelledby="precedents-heading">
          <h2 id="precedents-heading">Authorities and precedents</h2>
          {!readOnly && (
            <form className="records__add" onSubmit={(e) => void add(e)} aria-label="Add a precedent">
              <div className="field records__add-title">
                <label className="field__label" htmlFor="new-precedent-title">New precedent</label>
                <input id="new-precedent-title" className="input" value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Name of the statute, decision or action" aria-invalid={addError ? true : undefined} aria-describedby={addError ? 'new-precedent-error' : undefined} />
              </div>
              <div className="field">
                <label className="field__label" htmlFor="new-precedent-type">Type</label>
                <select id="new-precedent-type" className="input" value={type} onChange={(e) => setType(e.target.value as PrecedentType)}>
                  {TYPE_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                </select>
              </div>
              <button type="submit" className="button button--primary">Add precedent</button>
              {addError && <p id="new-precedent-error" className="field__error" role="alert">{addError}</p>}
            </form>
          )}
          {precedents.error && <p className="notice notice--error" role="alert">The precedents could not be read: {precedents.error}</p>}
          {precedents.records && list.length === 0 && <p className="empty">No precedents yet. Add the statutes, decisions and earlier orders that bear on this case, then link them to the issues they support or undermine.</p>}
          {list.length > 0 && <FilterBar table={table} shown={table.shown.length} total={table.total} noun="precedents" filters={[{ name: 'kind', label: 'Type', options: TYPE_OPTIONS }, tagFilter(distinctTexts(list, (p) => p.tags))]} />}
          <RecordTable label="Precedents" titleHeading="Title" columns={COLUMNS} records={table.shown} table={table} openId={openId} onOpen={setOpenId} rowsNoun="precedents" />
        </section>
      </RecordsBesideDetail>
    </div>
  );
}

function PrecedentPanel({ caseId, record, tagSuggestions, readOnly, onSaved, onClose, onDelete }: { caseId: string; record: Precedent; tagSuggestions: readonly string[]; readOnly: boolean; onSaved(r: Precedent): void; onClose(): void; onDelete(): void }) {
  const common = { caseId, kind: 'precedent' as const, record, onSaved, disabled: readOnly };
  return (
    <RecordDetailPanel caseId={caseId} kind="precedent" id={record.id} noun="precedent" title={record.title} readOnly={readOnly} onClose={onClose} onDelete={onDelete}>
      <RecordField {...common} field="title" label="Title" required />
      <div className="form__row">
        <RecordSelect {...common} field="precedentType" label="Type" options={TYPE_OPTIONS} />
        <RecordField {...common} field="decidedOn" label="Date" control="date" />
      </div>
      <RecordField {...common} field="citation" label="Citation" />
      <RecordField {...common} field="jurisdiction" label="Jurisdiction" />
      <RecordField {...common} field="summary" label="Summary" control="long" />
      <RecordField {...common} field="relevance" label="Relevance to this case" control="long" />
      <RecordTags {...common} suggestions={tagSuggestions} />
    </RecordDetailPanel>
  );
}
