// Negotiation: the issues matrix (priority, our opening / target / walk-away, their position, status), one issue
// open beside it with every field saved as the user goes, its position history, concessions and links; and both
// sides' BATNA.
import { useEffect, useState } from 'react';
import { ISSUE_PRIORITIES } from '../../../shared/enums.js';
import { messageOf } from '../../api/client.js';
import { useCases } from '../../state/cases.js';
import { takeOpenRequest } from '../../ui/links/open-record.js';
import { humanize } from '../../ui/labels.js';
import { createOf, deleteOf, restoreOf } from '../../ui/records/calls.js';
import { failureText } from '../../ui/records/RecordField.js';
import { parentThrough, useLandOnRecord } from '../../ui/records/land-on-record.js';
import { useUndo } from '../../ui/records/undo.js';
import { ScreenHeading } from '../../ui/ScreenHeading.js';
import { BatnaSection } from './BatnaSection.js';
import { IssuePanel } from './IssuePanel.js';
import { rowKeys, useRecords } from '../../ui/records/use-records.js';
import '../../ui/records/records.css';

const PRIORITY_RANK: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };
/**
 * Positions the matrix leaves out while an issue is open beside it on a window too narrow for all seven columns
 * (records.css): the open issue shows them, and the target against their position stays in view for every issue.
 */
const SHOWN_IN_PANEL = new Set(['ourOpening', 'ourWalkaway']);

export function NegotiationScreen({ caseId }: { caseId: string }) {
  const readOnly = useCases((s) => s.open.find((c) => c.caseId === caseId)?.readOnly ?? false);
  const issues = useRecords(caseId, 'issue');
  const meetings = useRecords(caseId, 'meeting');
  const [openId, setOpenId] = useState<string | null>(() => takeOpenRequest('issue'));
  const [title, setTitle] = useState('');
  const [priority, setPriority] = useState<string>('medium');
  const [addError, setAddError] = useState<string | null>(null);
  const { notice, offer } = useUndo();

  useEffect(() => setOpenId((id) => id ?? takeOpenRequest('issue')), [caseId]);
  useLandOnRecord({ listed: issues.records, parentOf: parentThrough(caseId, ['positionChange', 'concession'], 'issueId'), open: setOpenId });

  async function add(e: React.FormEvent) {
    e.preventDefault();
    try {
      const created = await createOf(caseId, 'issue', { title, priority, status: 'open' });
      issues.put(created);
      setTitle('');
      setAddError(null);
      setOpenId(created.id);
    } catch (err) {
      setAddError(failureText(err, 'title'));
    }
  }

  async function remove(id: string, name: string) {
    try {
      await deleteOf(caseId, 'issue', id);
      issues.drop(id);
      setOpenId(null);
      offer(`Issue “${name}” deleted.`, async () => {
        issues.put(await restoreOf(caseId, 'issue', id));
        setOpenId(id);
      });
    } catch (err) {
      setAddError(messageOf(err));
    }
  }

  const list = [...(issues.records ?? [])].sort(
    (a, b) => ((a.sortOrder as number | null) ?? 1e9) - ((b.sortOrder as number | null) ?? 1e9) || PRIORITY_RANK[a.priority as string]! - PRIORITY_RANK[b.priority as string]!,
  );
  const open = list.find((i) => i.id === openId) ?? null;

  return (
    <div className="screen negotiation">
      <ScreenHeading eyebrow="Case section">Negotiation</ScreenHeading>
      {notice}
      <div className={`records ${open ? 'records--with-detail' : ''}`}>
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
                  <select id="new-issue-priority" className="input" value={priority} onChange={(e) => setPriority(e.target.value)}>
                    {ISSUE_PRIORITIES.map((p) => <option key={p} value={p}>{humanize(p)}</option>)}
                  </select>
                </div>
                <button type="submit" className="button button--primary">Add issue</button>
                {addError && <p id="new-issue-error" className="field__error" role="alert" style={{ width: '100%' }}>{addError}</p>}
              </form>
            )}
            {issues.error && <p className="notice notice--error" role="alert">The issues could not be read: {issues.error}</p>}
            {issues.records && list.length === 0 && <p className="empty">No issues yet. Add each point in dispute above, then open it to record both sides’ positions.</p>}
            {list.length > 0 && (
              <div className="table-scroll">
                <table className="dense-table issues-matrix" aria-label="Issues matrix" onKeyDown={rowKeys}>
                  <thead>
                    <tr>
                      <th scope="col">Issue</th>
                      <th scope="col">Priority</th>
                      <th scope="col" className="issues-matrix__beside-panel">Our opening</th>
                      <th scope="col">Target</th>
                      <th scope="col" className="issues-matrix__beside-panel">Walk-away</th>
                      <th scope="col">Their position</th>
                      <th scope="col">Status</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((issue) => (
                      <tr key={issue.id} data-record-id={issue.id} aria-selected={issue.id === openId}>
                        <th scope="row">
                          <button type="button" className="row-open" data-row-open aria-expanded={issue.id === openId} onClick={() => setOpenId(issue.id === openId ? null : issue.id)}>
                            {String(issue.title)}
                          </button>
                        </th>
                        <td><span className={`pill pill--${String(issue.priority)}`}>{humanize(String(issue.priority))}</span></td>
                        {(['ourOpening', 'ourTarget', 'ourWalkaway', 'theirPosition'] as const).map((f) => (
                          <td key={f} className={SHOWN_IN_PANEL.has(f) ? 'issues-matrix__beside-panel' : undefined}>{issue[f] ? <span className="cell-text">{String(issue[f])}</span> : <span className="muted">—</span>}</td>
                        ))}
                        <td>{humanize(String(issue.status))}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <p className="field__hint">Arrow keys move between issues; Enter opens one.</p>
          </section>
          <BatnaSection caseId={caseId} readOnly={readOnly} />
        </div>
        {open && (
          <IssuePanel
            key={open.id}
            caseId={caseId}
            issue={open}
            meetings={meetings.records ?? []}
            readOnly={readOnly}
            onSaved={issues.put}
            onClose={() => setOpenId(null)}
            onDelete={() => void remove(open.id, String(open.title))}
          />
        )}
      </div>
    </div>
  );
}
