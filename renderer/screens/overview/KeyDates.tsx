// The dates that frame the case: when the order was issued and received, what falls due next, what is not known
// yet, and the next meeting.
import { useCaseOverview } from '../../state/case-overview.js';
import { useDirective } from '../../state/directive.js';
import { go } from '../../state/navigation.js';
import { CalendarExportButton } from '../../ui/exports/CalendarExportButton.js';
import { formatDay, isoToday, relativeDay } from '../../ui/dates.js';

export function KeyDates({ caseId }: { caseId: string }) {
  const record = useDirective((s) => s.record);
  const { openDeadlines, meetings } = useCaseOverview();
  const today = isoToday();
  const dated = openDeadlines.filter((d) => d.dueDate);
  const overdue = dated.filter((d) => d.dueDate! < today);
  const next = dated.find((d) => d.dueDate! >= today);
  const unknown = openDeadlines.length - dated.length;
  const nextMeeting = meetings.find((m) => m.meetingDate);
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
        {overdue.length > 0 &&
          row(
            'Overdue',
            <span className="key-dates__overdue">
              {overdue.length === 1 ? overdue[0]!.title : `${overdue.length} deadlines`}
              <span className="muted"> · since {formatDay(overdue[0]!.dueDate)}</span>
            </span>,
          )}
        {row(
          'Next deadline',
          next ? (
            <>
              {next.title}
              <span className="muted"> · {formatDay(next.dueDate)} ({relativeDay(next.dueDate!)})</span>
            </>
          ) : (
            <span className="muted">None with a date</span>
          ),
        )}
        {row('Not yet known', unknown ? `${unknown} deadline${unknown === 1 ? '' : 's'} without a date` : <span className="muted">None</span>)}
        {row(
          'Next meeting',
          nextMeeting ? (
            <>
              {nextMeeting.title}
              <span className="muted"> · {formatDay(nextMeeting.meetingDate)}</span>
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
