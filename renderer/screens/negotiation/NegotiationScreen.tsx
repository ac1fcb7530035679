// Negotiation: the issues matrix (priority, our opening / target / walk-away, their position, status), one issue
// open beside it with every field saved as the user goes, its position history, concessions and links; and both
// sides' BATNA.
import { useMemo, useState } from 'react';
import { ISSUE_PRIORITIES } from '../../../shared/enums.js';
import type { RecordOf } from '../../../shared/records.js';
import { hasTag, distinctTexts } from '../../../shared/table-view.js';
import { useCaseTags, useTableView } from '../../state/table-views.js';
import { FilterBar, tagFilter } from '../../ui/tables/FilterBar.js';
import { TagList } from '../../ui/tables/TagInput.js';
import { ISSUE_PRIORITY_OPTIONS, ISSUE_STATUS_OPTIONS } from './options.js';
import { useCases } from '../../state/cases.js';
import { useRead, useRecords } from '../../state/data.js';
import { humanize } from '../../ui/labels.js';
import { parentThrough } from '../../ui/records/land-on-record.js';
import { recordTableSpec, RecordsBesideDetail, RecordTable, type RecordColumn } from '../../ui/records/RecordTable.js';
import { useRecordList } from '../../ui/records/use-record-list.js';
import { ScreenHeading } from '../../ui/ScreenHeading.js';
import { BatnaSection } from './BatnaSection.js';
import { IssuePanel } from './IssuePanel.js';
import { ReviewMark } from './ReviewNeeded.js';
import '../../ui/records/records.css';
import { clearIfUnchanged } from '../../ui/clear-if-unchanged.js';

type Issue = RecordOf<'issue'>;
type Priority = Issue['priority'];

const PRIORITY_RANK: Record<Priority, number> = { critical: 0, high: 1, medium: 2, low: 3 };
/**
 * Positions the matrix leaves out while an issue is open beside it on a window too narrow for all seven columns
 * (records.css): the open issue shows them, and the target against their position stays in view for every issue.
 */
const SHOWN_IN_PANEL = new Set(['ourOpening', 'ourWalkaway']);
/** A position as the matrix shows it: a few lines of it, or a dash while it is not known. */
const positionColumn = (field: 'ourOpening' | 'ourTarget' | 'ourWalkaway' | 'theirPosition', heading: string): RecordColumn<Issue> => ({
  heading,
  sortValue: (issue) => issue[field],
  className: SHOWN_IN_PANEL.has(field) ? 'issues-matrix__beside-panel' : undefined,
  cell: (issue) => (issue[field] ? <span className="cell-text">{issue[field]}</span> : <span className="muted">—</span>),
});
const COLUMNS: RecordColumn<Issue>[] = [
  { heading: 'Priority', sortValue: (issue) => PRIORITY_RANK[issue.priority], cell: (issue) => <span className={`pill pill--${issue.priority}`}>{humanize(issue.priority)}</span> },
  positionColumn('ourOpening', 'Our opening'),
  positionColumn('ourTarget', 'Target'),
  positionColumn('ourWalkaway', 'Walk-away'),
  positionColumn('theirPosition', 'Their position'),
  { heading: 'Status', sortValue: (issue) => humanize(issue.status), cell: (issue) => humanize(issue.status) },
  // Shown in the open issue's panel: left out beside it, as the positions above are.
  { heading: 'Tags', className: 'issues-matrix__beside-panel', sortValue: (issue) => issue.tags?.[0], cell: (issue) => <TagList tags={issue.tags} /> },
];
const SPEC = recordTableSpec(COLUMNS, {
  status: (issue, value) => issue.status === value,
  priority: (issue, value) => issue.priority === value,
  tags: (issue, value) => hasTag(issue.tags, value),
});
const BY_ORDER = (a: Issue, b: Issue) => (a.sortOrder ?? 1e9) - (b.sortOrder ?? 1e9) || PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority];

export function NegotiationScreen({ caseId }: { caseId: string }) {
  const readOnly = useCases((s) => s.open.find((c) => c.caseId === caseId)?.readOnly ?? false);
  const issues = useRecordList(caseId, 'issue', parentThrough(caseId, ['positionChange', 'concession'], 'issueId'));
  const { openId, setOpenId, addError } = issues;
  const meetings = useRecords(caseId, 'meeting');
  const [title, setTitle] = useState('');
  const [priority, setPriority] = useState<Priority>('medium');

  async function add(e: React.FormEvent) {
    e.preventDefault();
    if (await issues.add({ title, priority, status: 'open' })) setTitle(clearIfUnchanged(title));
  }

  const list = useMemo(() => [...(issues.records ?? [])].sort(BY_ORDER), [issues.records]);
  const table = useTableView(caseId, 'issues', list, SPEC);
  const tags = useCaseTags(caseId, list);
  const open = list.find((i) => i.id === openId) ?? null;
  // Issues to review since a watch item linked to them moved: read again whenever an issue changes (marked reviewed,
  // or an undo takes that back).
  const versions = useMemo(() => (issues.records ?? []).map((i) => `${i.id}:${i.version}`).join(), [issues.records]);
  const prompts = useRead('issue.reviewPrompts', { caseId }, { keepPrevious: true, refreshKey: versions }).data ?? [];
  const toReview = new Set(prompts.map((p) => p.issueId));

  return (
    <div className="screen negotiation">
      <ScreenHeading eyebrow="Case section">Negotiation</ScreenHeading>
      <RecordsBesideDetail
        detail={
          open && (
            <IssuePanel
              key={open.id}
              caseId={caseId}
              issue={open}
              reviewPrompts={prompts.filter((p) => p.issueId === open.id)}
              tagSuggestions={tags}
              meetings={meetings.records ?? []}
              readOnly={readOnly}
              onSaved={issues.put}
              onClose={() => setOpenId(null)}
              onDelete={() => void issues.remove(open)}
            />
          )
        }
      >
        <div>
          <section className="panel" aria-labelledby="issues-heading">
            <h2 id="issues-heading">Issues</h2>
            {!readOnly && (
              <form className="records__add" onSubmit={(e) => void add(e)} aria-label="Add an issue">
                <div className={`field records__add-title ${addError ? 'field--invalid' : ''}`}>
                  <label className="field__label" htmlFor="new-issue-title">New issue</label>
                  <input id="new-issue-title" className="input" value={title} onChange={(e) => setTitle(e.target.value)} placeholder="What is in dispute, e.g. Scope of “foreign national”" aria-describedby={addError ? 'new-issue-error' : undefined} aria-invalid={addError ? true : undefined} />
                </div>
                <div className="field">
                  <label className="field__label" htmlFor="new-issue-priority">Priority</label>
                  <select id="new-issue-priority" className="input" value={priority} onChange={(e) => setPriority(e.target.value as Priority)}>
                    {ISSUE_PRIORITIES.map((p) => <option key={p} value={p}>{humanize(p)}</option>)}
                  </select>
                </div>
                <button type="submit" className="button button--primary">Add issue</button>
                {addError && <p id="new-issue-error" className="field__error" role="alert">{addError}</p>}
              </form>
            )}
            {issues.error && <p className="notice notice--error" role="alert">The issues could not be read: {issues.error}</p>}
            {issues.records && list.length === 0 && <p className="empty">No issues yet. Add each point in dispute above, then open it to record both sides’ positions.</p>}
            {list.length > 0 && (
              <FilterBar table={table} shown={table.shown.length} total={table.total} noun="issues" filters={[
                { name: 'status', label: 'Status', options: ISSUE_STATUS_OPTIONS },
                { name: 'priority', label: 'Priority', options: ISSUE_PRIORITY_OPTIONS },
                tagFilter(distinctTexts(list, (i) => i.tags)),
              ]} />
            )}
            <RecordTable label="Issues matrix" className="issues-matrix" titleHeading="Issue" columns={COLUMNS} records={table.shown} table={table} openId={openId} onOpen={setOpenId} rowsNoun="issues" titleMark={(issue) => toReview.has(issue.id) && <ReviewMark />} />
          </section>
          <BatnaSection caseId={caseId} readOnly={readOnly} />
        </div>
      </RecordsBesideDetail>
    </div>
  );
}
