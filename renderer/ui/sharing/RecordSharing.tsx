// Who may see a record and each of its fields, in the record's panel: the record as a whole and each field can be
// marked shareable or internal, or put back to the default (sharing.set, which the core records in the case's
// history with who chose). Each field of the panel shows its level, quietly, beside its label (SharingMark), from the
// same answer of sharing.get that the "Who may see it" section shows and changes.
import { createContext, useCallback, useContext, useEffect, useId, useState, type ReactNode } from 'react';
import type { DISCLOSABLE_KINDS } from '../../../shared/enums.js';
import type { FieldSharing, RecordSharing, Sensitivity } from '../../../shared/sharing.js';
import { messageOf } from '../../api/client.js';
import { api } from '../../services.js';
import { useRead } from '../../state/data.js';
import { formatInstant } from '../dates.js';
import './sharing.css';

type DisclosableKind = (typeof DISCLOSABLE_KINDS)[number];
type Choice = Sensitivity | 'default';

interface SharingState {
  sharing: RecordSharing | null;
  error: string | null;
  /** What is being saved: 'record', a field's name, or null. */
  saving: string | null;
  choose(field: string | null, level: Choice): Promise<void>;
  /** The labels the panel shows its fields under, so that the field list names them the same way. */
  labels: Readonly<Record<string, string>>;
  label(field: string, label: string): void;
}

const SharingContext = createContext<SharingState | null>(null);

const LEVEL_WORD: Record<Sensitivity, string> = { internal: 'Internal', shareable: 'Shareable' };

/** Loads a record's sharing and hands it to the panel's fields and its "Who may see it" section. */
export function RecordSharingProvider({ caseId, kind, id, children }: { caseId: string; kind: DisclosableKind; id: string; children: ReactNode }) {
  const read = useRead('sharing.get', { caseId, kind, id });
  const { set: setShown } = read;
  const sharing = read.data;
  const [chooseError, setError] = useState<string | null>(null);
  const error = chooseError ?? read.error;
  const [saving, setSaving] = useState<string | null>(null);
  const [labels, setLabels] = useState<Record<string, string>>({});
  const label = useCallback((field: string, text: string) => {
    setLabels((known) => (known[field] === text ? known : { ...known, [field]: text }));
  }, []);

  // Another record's sharing is read (useRead); a refusal about the last one is not about it.
  useEffect(() => setError(null), [caseId, kind, id]);

  const choose = useCallback(async (field: string | null, level: Choice) => {
    setSaving(field ?? 'record');
    setError(null);
    try {
      const changed: RecordSharing = await api().call('sharing.set', { caseId, kind, id, field, level });
      setShown(() => changed);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setSaving(null);
    }
  }, [caseId, kind, id, setShown]);

  return <SharingContext.Provider value={{ sharing, error, saving, choose, labels, label }}>{children}</SharingContext.Provider>;
}

/**
 * A field's level beside its label: "Internal" or "Shareable", and "by choice" when a person chose it rather than
 * the default. Nothing outside a panel that knows the record's sharing.
 */
export function SharingMark({ field, label }: { field: string; label: string }) {
  const state = useContext(SharingContext);
  const register = state?.label;
  useEffect(() => register?.(field, label), [register, field, label]);
  const f = state?.sharing?.fields.find((x) => x.field === field);
  if (!f) return null;
  const chosen = f.choice !== null;
  const title = chosen
    ? `${LEVEL_WORD[f.level]}: marked by ${f.choice!.by} on ${formatInstant(f.choice!.at)} (by default ${f.default}).`
    : f.level === 'internal'
      ? 'Internal by default: left out of shareable briefs and exports.'
      : 'Shareable by default: a shareable brief may carry it.';
  return (
    <span className={`sharing-mark sharing-mark--${f.level} ${chosen ? 'sharing-mark--chosen' : ''}`} title={title} data-sharing-level={f.level}>
      {LEVEL_WORD[f.level]}
      {chosen && <span className="sharing-mark__chosen"> · by choice</span>}
    </span>
  );
}

const choiceOf = (c: { choice: { level: Sensitivity } | null }): Choice => c.choice?.level ?? 'default';

function ChoiceSelect({ label, value, defaultLevel, disabled, onChange, describedBy }: {
  label: string;
  value: Choice;
  defaultLevel: Sensitivity;
  disabled: boolean;
  onChange(level: Choice): void;
  describedBy?: string;
}) {
  return (
    <select className="input input--compact" aria-label={label} aria-describedby={describedBy} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as Choice)}>
      <option value="default">Default ({defaultLevel})</option>
      <option value="shareable">Shareable</option>
      <option value="internal">Internal</option>
    </select>
  );
}

/**
 * The panel's "Who may see it" section: the record as a whole, then (opened on demand) each field that can be
 * chosen for. Read-only cases show the levels without the choices.
 */
export function SharingSection({ noun, readOnly, className = 'records__section' }: { noun: string; readOnly: boolean; className?: string }) {
  const state = useContext(SharingContext);
  const ids = useId();
  if (!state) return null;
  const { sharing, error, saving, choose, labels } = state;
  const record = sharing?.record;
  const fields = sharing?.fields.filter((f) => f.settable) ?? [];
  const chosenFields = fields.filter((f) => f.choice !== null).length;
  return (
    <section className={`${className} sharing`} aria-labelledby={`${ids}-h`}>
      <h3 id={`${ids}-h`}>Who may see it</h3>
      {error && <p className="field__error" role="alert">{error}</p>}
      {!sharing || !record ? (
        !error && <p className="muted" aria-busy="true">Reading…</p>
      ) : (
        <>
          <div className="sharing__record">
            <p id={`${ids}-why`} className="sharing__verdict">
              <span className={`sharing-mark sharing-mark--${record.level}`}>{LEVEL_WORD[record.level]}</span>{' '}
              {recordSentence(noun, record)}
            </p>
            {record.settable && !readOnly && (
              <ChoiceSelect
                label={`Who may see this ${noun}`}
                value={choiceOf(record)}
                defaultLevel={record.default}
                disabled={saving !== null}
                describedBy={`${ids}-why`}
                onChange={(level) => void choose(null, level)}
              />
            )}
          </div>
          {fields.length > 0 && (
            <details className="sharing__fields">
              <summary>
                Each field{chosenFields > 0 ? ` (${chosenFields} chosen by hand)` : ''}
              </summary>
              <p className="field__hint">A field marked internal is left out of every shareable brief and export; one marked shareable goes with its {noun} when the {noun} is shared.</p>
              <ul className="sharing__list">
                {fields.map((f) => (
                  <FieldRow key={f.field} f={f} label={labels[f.field] ?? f.label} readOnly={readOnly} busy={saving !== null} onChange={(level) => void choose(f.field, level)} />
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}

function FieldRow({ f, label, readOnly, busy, onChange }: { f: FieldSharing; label: string; readOnly: boolean; busy: boolean; onChange(level: Choice): void }) {
  return (
    <li className="sharing__row">
      <span className="sharing__field">{label}</span>
      {readOnly ? (
        <span className={`sharing-mark sharing-mark--${f.level}`}>{LEVEL_WORD[f.level]}{f.choice ? ' · by choice' : ''}</span>
      ) : (
        <ChoiceSelect label={`Who may see ${label}`} value={choiceOf(f)} defaultLevel={f.default} disabled={busy} onChange={onChange} />
      )}
    </li>
  );
}

function recordSentence(noun: string, record: RecordSharing['record']): string {
  if (record.heldBy) return `Kept in the team because ${record.why ?? 'what it belongs to is internal'}.`;
  if (record.choice) {
    const when = formatInstant(record.choice.at);
    return record.level === 'internal'
      ? `Marked internal by ${record.choice.by} on ${when}: it stays out of shareable briefs and exports.`
      : `Marked shareable by ${record.choice.by} on ${when}${record.default === 'internal' ? ` (by default it is internal: ${record.defaultWhy ?? 'ours alone'})` : ''}.`;
  }
  if (record.level === 'internal') return `Internal by default (${record.defaultWhy ?? 'ours alone'}): it stays out of shareable briefs and exports.`;
  return `A shareable brief may carry this ${noun}, without the fields that are internal.`;
}
