// One field of a stored record that saves as the user goes, as the overview's fields do: the draft shows while
// there is one, a save starts after a pause in typing or when focus leaves, and a refused save keeps the text
// beside the core's reason.
import { useEffect, useRef, useState } from 'react';
import type { KindName } from '../../../shared/records.js';
import { ApiFailure, messageOf } from '../../api/client.js';
import type { FieldSave } from '../../state/directive.js';
import { Field } from '../Field.js';
import { SaveState } from '../SaveState.js';
import { queued, updateOf, type AnyRecord } from './calls.js';

export type RecordControl = 'text' | 'date' | 'long' | 'list';
const SAVE_PAUSE_MS = 700;

export function textOfValue(value: unknown): string {
  if (value == null) return '';
  if (Array.isArray(value)) return value.join('\n');
  return String(value);
}

function valueOfText(text: string, control: RecordControl, required: boolean): unknown {
  if (control === 'list') {
    const items = text.split('\n').map((s) => s.trim()).filter(Boolean);
    return items.length ? items : null;
  }
  if (required) return text;
  return text.trim() === '' ? null : text;
}

export function failureText(err: unknown, field: string): string {
  return (err instanceof ApiFailure ? err.issuesUnder('changes')[field] ?? err.issuesUnder('fields')[field] : undefined) ?? messageOf(err);
}

interface RecordFieldProps {
  caseId: string;
  kind: KindName;
  record: AnyRecord;
  field: string;
  label: string;
  control?: RecordControl;
  required?: boolean;
  hint?: string;
  className?: string;
  disabled?: boolean;
  /** More input for the update, read when the save starts (an issue's reason and meeting). */
  extra?: () => Record<string, unknown>;
  onSaved(record: AnyRecord): void;
}

export function RecordField({ caseId, kind, record, field, label, control = 'text', required = false, hint, className, disabled, extra, onSaved }: RecordFieldProps) {
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const [save, setSave] = useState<FieldSave | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ draft, record, extra, onSaved });
  latest.current = { draft, record, extra, onSaved };
  const mounted = useRef(true);

  async function commit(): Promise<void> {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const text = latest.current.draft;
    const rec = latest.current.record;
    if (text === undefined) return;
    if (text === textOfValue(rec[field])) {
      if (mounted.current) setDraft(undefined);
      return;
    }
    if (mounted.current) setSave({ state: 'saving' });
    try {
      const saved = await queued(rec.id, () => updateOf(caseId, kind, rec.id, { [field]: valueOfText(text, control, required) }, latest.current.extra?.() ?? {}));
      latest.current.onSaved(saved);
      if (!mounted.current) return;
      setDraft((d) => (d === text ? undefined : d));
      setSave({ state: 'saved' });
    } catch (err) {
      if (mounted.current) setSave({ state: 'error', message: failureText(err, field) });
    }
  }

  // Leaving the screen (or another record) saves what is still waiting.
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      if (timer.current) void commit();
    };
  }, []);

  const value = draft ?? textOfValue(record[field]);
  const common = {
    name: field,
    value,
    disabled,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      setDraft(e.target.value);
      if (save?.state === 'saved') setSave(undefined);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void commit(), SAVE_PAUSE_MS);
    },
    onBlur: () => void commit(),
  };
  return (
    <Field
      label={label}
      hint={hint ?? (control === 'list' ? 'One per line.' : undefined)}
      required={required}
      className={className}
      error={save?.state === 'error' ? save.message : null}
      aside={<SaveState save={save} pending={draft !== undefined && save?.state !== 'error'} />}
    >
      {(ids) =>
        control === 'long' || control === 'list' ? (
          <textarea {...ids} {...common} className="input input--long" rows={control === 'list' ? 3 : 3} />
        ) : (
          <input {...ids} {...common} type={control} className="input" />
        )
      }
    </Field>
  );
}

interface RecordSelectProps {
  caseId: string;
  kind: KindName;
  record: AnyRecord;
  field: string;
  label: string;
  options: readonly { value: string; label: string }[];
  /** Offered first, for an optional field: chosen, it clears the value. */
  emptyLabel?: string;
  disabled?: boolean;
  className?: string;
  /** Other changes that go with a choice (a watch item triggered today). */
  alsoChange?: (value: string, record: AnyRecord) => Record<string, unknown>;
  onSaved(record: AnyRecord): void;
}

/** A choice that saves at once; a refused one stays chosen beside its reason. */
export function RecordSelect({ caseId, kind, record, field, label, options, emptyLabel, disabled, className, alsoChange, onSaved }: RecordSelectProps) {
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const [save, setSave] = useState<FieldSave | undefined>(undefined);
  const value = chosen ?? textOfValue(record[field]);
  async function choose(next: string) {
    setChosen(next);
    setSave({ state: 'saving' });
    try {
      const changes = { [field]: next === '' ? null : next, ...(alsoChange?.(next, record) ?? {}) };
      const saved = await queued(record.id, () => updateOf(caseId, kind, record.id, changes));
      onSaved(saved);
      setChosen(undefined);
      setSave({ state: 'saved' });
    } catch (err) {
      setSave({ state: 'error', message: failureText(err, field) });
    }
  }
  return (
    <Field label={label} className={className} error={save?.state === 'error' ? save.message : null} aside={<SaveState save={save} pending={false} />}>
      {(ids) => (
        <select {...ids} name={field} className="input" value={value} disabled={disabled} onChange={(e) => void choose(e.target.value)}>
          {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
