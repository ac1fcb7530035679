// The events of a case (the order issued and received, statements, filings): what deadlines count from. Listed on the
// deadlines screen; added, edited and deleted here. The directive's issued and received dates are events kept in
// step with the directive by the core: editing one changes the other. A date change that moves deadlines goes
// through the schedule dialog (preview, reason); an event that deadlines count from is not deleted under them.
import { useState } from 'react';
import { EVENT_KINDS } from '../../../shared/enums.js';
import { ApiFailure, messageOf } from '../../api/client.js';
import { api } from '../../services.js';
import { formatDay } from '../../ui/dates.js';
import { Field } from '../../ui/Field.js';
import { humanize } from '../../ui/labels.js';
import { limitsOf, refusalsIn } from '../../ui/typed-input.js';
import { useDeadlines } from '../../state/deadlines.js';
import type { CaseEvent } from './logic.js';
import { usePanelEscape } from '../../ui/records/panel-escape.js';

const DIRECTIVE_DATE_LABELS = { issuedOn: 'The directive’s issued date', receivedOn: 'The directive’s received date' } as const;

export function EventsSection({ caseId, events, selectedId, readOnly, onOpen }: {
  caseId: string; events: CaseEvent[]; selectedId: string | null; readOnly: boolean; onOpen(id: string): void;
}) {
  const [adding, setAdding] = useState(false);
  const sorted = [...events].sort((a, b) => a.occurredOn.localeCompare(b.occurredOn) || a.title.localeCompare(b.title));
  return (
    <section className="panel events-section" aria-labelledby="events-heading">
      <div className="meeting-section__head">
        <h2 id="events-heading">Events <span className="count">{events.length}</span></h2>
        {!readOnly && (
          <button type="button" className="button button--small" aria-expanded={adding} onClick={() => setAdding((a) => !a)}>Add event</button>
        )}
      </div>
      <p className="muted">What deadlines count from: the order issued and received, statements, filings.</p>
      {adding && <EventForm caseId={caseId} onDone={(created) => { setAdding(false); if (created) onOpen(created.id); }} />}
      {sorted.length === 0 ? (
        <p className="empty">No events yet. The directive’s issued and received dates, once set on the Overview, appear here.</p>
      ) : (
        <ul className="events-list">
          {sorted.map((e) => (
            <li key={e.id} data-record-id={e.id} className={e.id === selectedId ? 'events-list__item events-list__item--selected' : 'events-list__item'}>
              <button type="button" className="link-button" data-row-open aria-current={e.id === selectedId ? 'true' : undefined} onClick={() => onOpen(e.id)}>
                {e.title}
              </button>
              <span className="muted"> · {formatDay(e.occurredOn)} · {humanize(e.eventKind)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface Draft { title: string; eventKind: CaseEvent['eventKind']; occurredOn: string; description: string }

function EventForm({ caseId, event, onDone }: { caseId: string; event?: CaseEvent; onDone(saved: CaseEvent | null): void }) {
  const refresh = useDeadlines((s) => s.refresh);
  const askToMove = useDeadlines((s) => s.askToMove);
  const [draft, setDraft] = useState<Draft>({
    title: event?.title ?? '', eventKind: event?.eventKind ?? 'statement', occurredOn: event?.occurredOn ?? '', description: event?.description ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  async function submit(e: React.FormEvent<HTMLFormElement>): Promise<void> {
    e.preventDefault();
    setFormError(null);
    const refused = refusalsIn(e.currentTarget);
    const missing: Record<string, string> = { ...refused };
    if (!draft.title.trim()) missing.title = 'must not be empty';
    if (!draft.occurredOn && !missing.occurredOn) missing.occurredOn = 'give the day it happened';
    setErrors(missing);
    if (Object.keys(missing).length) return;
    const fields = { title: draft.title.trim(), eventKind: draft.eventKind, occurredOn: draft.occurredOn, description: draft.description.trim() || null };
    setBusy(true);
    try {
      if (!event) {
        const created = await api().call('event.create', { caseId, fields });
        await refresh();
        onDone(created);
        return;
      }
      const changes = Object.fromEntries(Object.entries(fields).filter(([k, v]) => event[k as keyof CaseEvent] !== v));
      const saved = await api().call('event.update', { caseId, id: event.id, changes, expectedVersion: event.version }).catch((err: unknown) => {
        // Deadlines count from this event: the move dialog shows what moves and asks for the reason.
        if (err instanceof ApiFailure && err.code === 'needs_confirmation') {
          askToMove({ change: { kind: 'event', id: event.id, changes }, title: `Move “${event.title}”` });
          return null;
        }
        throw err;
      });
      if (saved) await refresh();
      onDone(saved);
    } catch (err) {
      const issues = err instanceof ApiFailure ? { ...err.issuesUnder('fields'), ...err.issuesUnder('changes') } : {};
      if (Object.keys(issues).length) setErrors(issues);
      else setFormError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form event-form" aria-label={event ? `Edit the event “${event.title}”` : 'New event'} onSubmit={(e) => void submit(e)} noValidate>
      {formError && <p className="notice notice--error" role="alert">{formError}</p>}
      <div className="form__row">
        <Field label="Title" required error={errors.title ?? null}>
          {(ids) => <input {...ids} className="input" name="title" value={draft.title} onChange={(e) => set('title', e.target.value)} />}
        </Field>
        <Field label="Kind" error={errors.eventKind ?? null}>
          {(ids) => (
            <select {...ids} className="input" name="eventKind" value={draft.eventKind} onChange={(e) => set('eventKind', e.target.value as Draft['eventKind'])}>
              {EVENT_KINDS.map((k) => <option key={k} value={k}>{humanize(k)}</option>)}
            </select>
          )}
        </Field>
        <Field label="Date" required error={errors.occurredOn ?? null}>
          {(ids) => <input {...ids} {...limitsOf('date')} className="input" type="date" name="occurredOn" value={draft.occurredOn} onChange={(e) => set('occurredOn', e.target.value)} />}
        </Field>
      </div>
      <Field label="Description" error={errors.description ?? null}>
        {(ids) => <textarea {...ids} className="input input--long" rows={2} name="description" value={draft.description} onChange={(e) => set('description', e.target.value)} />}
      </Field>
      <div className="form__actions">
        <button type="submit" className="button button--primary button--small" disabled={busy}>{event ? 'Save the event' : 'Add event'}</button>
        <button type="button" className="button button--small" onClick={() => onDone(null)}>Cancel</button>
      </div>
    </form>
  );
}

/** One event, opened beside the list: its fields, which deadlines count from it, and delete. */
export function EventPanel({ caseId, event, dependants, readOnly, onClose }: {
  caseId: string; event: CaseEvent; dependants: { id: string; title: string }[]; readOnly: boolean; onClose(): void;
}) {
  const closeOnEscape = usePanelEscape(event.id, onClose);
  const refresh = useDeadlines((s) => s.refresh);
  const [editing, setEditing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  async function remove(): Promise<void> {
    setProblem(null);
    try {
      await api().call('event.delete', { caseId, id: event.id });
      await refresh();
      onClose();
    } catch (err) {
      setProblem(messageOf(err));
    }
  }
  return (
    <aside className="panel deadline-panel" aria-labelledby="event-panel-heading" data-record-panel={event.id} onKeyDown={closeOnEscape}>
      <div className="deadline-panel__head">
        <h2 id="event-panel-heading">{event.title}</h2>
        <button type="button" className="icon-button" aria-label="Close the event" onClick={onClose}>×</button>
      </div>
      <p><strong>{formatDay(event.occurredOn)}</strong>{event.occurredTime ? ` ${event.occurredTime}` : ''} · {humanize(event.eventKind)}</p>
      {event.directiveDate && <p className="muted">{DIRECTIVE_DATE_LABELS[event.directiveDate]}: changing one changes the other.</p>}
      {event.description && <p>{event.description}</p>}
      <h3>Deadlines counted from it</h3>
      {dependants.length ? (
        <ul>{dependants.map((d) => <li key={d.id}>{d.title}</li>)}</ul>
      ) : (
        <p className="muted">None yet. Add a deadline built from a rule and choose this event as its trigger.</p>
      )}
      {problem && <p className="notice notice--error" role="alert">{problem}</p>}
      {!readOnly && (editing ? (
        <EventForm key={event.version} caseId={caseId} event={event} onDone={() => setEditing(false)} />
      ) : (
        <div className="form__actions">
          <button type="button" className="button button--small" onClick={() => setEditing(true)}>Edit event</button>
          <button type="button" className="button button--small button--danger" onClick={() => void remove()}>Delete event</button>
        </div>
      ))}
    </aside>
  );
}
