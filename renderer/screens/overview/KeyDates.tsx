// The dates that frame the case: when the order was issued and received, what falls due next, what is not known
// yet, and the next meeting.
import { useCaseOverview } from '../../state/case-overview.js';
import { useDirective } from '../../state/directive.js';
import { go } from '../../state/navigation.js';
import { CalendarExportButton } from '../../ui/exports/CalendarExportButton.js';
import { formatDay, relativeDay } from '../../ui/dates.js';

export function KeyDates({ caseId }: { caseId: string }) {
  const record = useDirective((s) => s.record);
  const keyDates = useCaseOverview((s) => s.keyDates);
  const overdue = keyDates?.overdue;
  const next = keyDates?.next;
  const unknown = keyDates?.undated ?? 0;
  const nextMeeting = keyDates?.nextMeeting;
  const row = (label: string, value: React.ReactNode) => (
    <div className="key-dates__row">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <section className="panel" aria-labelledby="key-dates-heading">
      <h2 id="key-dates-heading">Key dates</h2>
      <dl className="key-dates">
        {row('Issued', record?.issuedOn ? formatDay(record.issuedOn) : <span className="muted">Not recorded</span>)}
        {row('Received', record?.receivedOn ? formatDay(record.receivedOn) : <span className="muted">Not recorded</span>)}
        {overdue?.earliest &&
          row(
            'Overdue',
            <span className="key-dates__overdue">
              {overdue.count === 1 ? overdue.earliest.title : `${overdue.count.toLocaleString('en')} deadlines`}
              <span className="muted"> · since {formatDay(overdue.earliest.dueDate)}</span>
            </span>,
          )}
        {row(
          'Next deadline',
          next ? (
            <>
              {next.title}
              <span className="muted"> · {formatDay(next.dueDate)} ({relativeDay(next.dueDate)})</span>
            </>
          ) : (
            <span className="muted">None with a date</span>
          ),
        )}
        {row('Not yet known', unknown ? `${unknown.toLocaleString('en')} deadline${unknown === 1 ? '' : 's'} without a date` : <span className="muted">None</span>)}
        {row(
          'Next meeting',
          nextMeeting ? (
            <>
              {nextMeeting.title}
              <span className="muted"> · {nextMeeting.meetingDate ? formatDay(nextMeeting.meetingDate) : 'date not set'}</span>
            </>
          ) : (
            <span className="muted">None planned</span>
          ),
        )}
      </dl>
      <button type="button" className="link-button" onClick={() => go({ screen: 'case', caseId, section: 'deadlines' })}>
        All deadlines
      </button>
      <CalendarExportButton caseId={caseId} label="Add to calendar (.ics)" />
    </section>
  );
}
