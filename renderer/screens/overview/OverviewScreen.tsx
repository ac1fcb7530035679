// A case's overview: the directive, editable field by field with save-as-you-go, beside its key dates, its copies'
// open conflicts and the latest changes.
import { useEffect } from 'react';
import { useCaseOverview } from '../../state/case-overview.js';
import { useCases } from '../../state/cases.js';
import { overallSaveState, useDirective } from '../../state/directive.js';
import { HistoryDisclosure } from '../../ui/history/HistoryPanel.js';
import { ScreenHeading } from '../../ui/ScreenHeading.js';
import { ReceivedCommentsPanel } from '../../ui/review/ReceivedComments.js';
import { ReviewComments } from '../../ui/review/ReviewComments.js';
import { CustodyPanel } from '../../ui/custody/CustodyPanel.js';
import { fileNameOf } from '../../ui/paths.js';
import { AutosaveField } from './AutosaveField.js';
import { CopiesPanel } from './CopiesPanel.js';
import { KeyDates } from './KeyDates.js';
import { RecentChanges } from './RecentChanges.js';
import { StatusAndRisk } from './StatusAndRisk.js';

export function OverviewScreen({ caseId }: { caseId: string }) {
  const { record, loadError, saves, drafts, load, flushAll } = useDirective();
  const readOnly = useCases((s) => s.open.find((c) => c.caseId === caseId)?.readOnly ?? false);
  const fileName = fileNameOf(useCases((s) => s.open.find((c) => c.caseId === caseId)?.path ?? 'case.parley'));
  const loadOverview = useCaseOverview((s) => s.load);

  useEffect(() => {
    void load(caseId);
    return () => void flushAll();
  }, [caseId, load, flushAll]);

  // Each saved change is a new audit entry: show it.
  useEffect(() => {
    if (record) void loadOverview(caseId);
  }, [caseId, record?.version, loadOverview]);

  if (loadError) {
    return (
      <div className="screen">
        <p className="notice notice--error" role="alert">The directive could not be read: {loadError}</p>
      </div>
    );
  }
  if (!record) return <div className="screen" aria-busy="true" />;

  const overall = overallSaveState(saves, drafts);
  return (
    <div className="screen overview">
      <ScreenHeading
        eyebrow="Case overview"
        actions={
          readOnly ? (
            <span className="badge badge--problem">Read-only</span>
          ) : (
            <span className={`save-summary save-summary--${overall.state}`} role="status" aria-live="polite">
              {overall.text}
            </span>
          )
        }
      >
        {record.title}
      </ScreenHeading>
      {readOnly && (
        <p className="notice">This case file is open read-only: you can read and copy what it holds, but nothing can be changed.</p>
      )}
      <div className="overview__columns">
        <fieldset className="overview__main" disabled={readOnly}>
          <legend className="visually-hidden">The directive</legend>
          <section className="panel" aria-labelledby="directive-heading">
            <h2 id="directive-heading">The directive</h2>
            <AutosaveField field="title" required />
            <div className="form__row">
              <AutosaveField field="referenceNumber" />
              <AutosaveField field="issuingAuthority" />
            </div>
            <div className="form__row">
              <AutosaveField field="issuedOn" control="date" />
              <AutosaveField field="receivedOn" control="date" />
            </div>
            <div className="form__row">
              <AutosaveField field="ourOrganization" />
              <AutosaveField field="counterparty" />
            </div>
          </section>
          <StatusAndRisk />
          <section className="panel" aria-labelledby="substance-heading">
            <h2 id="substance-heading">Substance</h2>
            <AutosaveField field="summary" control="long" />
            <AutosaveField field="subject" control="long" />
            <AutosaveField field="scope" control="long" />
            <AutosaveField field="legalBasis" control="long" />
            <AutosaveField field="authoritiesCited" control="list" hint="One statute, regulation or order per line." />
          </section>
        </fieldset>
        <aside className="overview__aside" aria-label="Dates and changes">
          <KeyDates caseId={caseId} />
          <CopiesPanel caseId={caseId} />
          <RecentChanges />
          <section className="panel" aria-label="History of the directive">
            <HistoryDisclosure summary="History of the directive" caseId={caseId} id={record.id} refreshKey={record.version} />
          </section>
          <ReviewComments caseId={caseId} kind="directive" id={record.id} noun="directive" className="panel" />
          <ReceivedCommentsPanel caseId={caseId} />
          <CustodyPanel caseId={caseId} fileName={fileName} />
        </aside>
      </div>
    </div>
  );
}
