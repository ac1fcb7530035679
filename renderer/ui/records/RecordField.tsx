// One field of a stored record that saves as the user goes, as the overview's fields do: the draft shows while
// there is one, a save starts after a pause in typing or when focus leaves, and a refused save keeps the text
// beside the core's reason. A date its input refused (30 February) is never sent: the saved date stays.
import { useEffect, useRef, useState } from 'react';
import type { RecordOf, UpdatableKind } from '../../../shared/records.js';
import { ApiFailure, messageOf } from '../../api/client.js';
import type { FieldSave } from '../../state/directive.js';
import { anyRecord, queued, updateRecord, type UpdateChanges, type UpdateExtra } from '../../state/records.js';
import { Field } from '../Field.js';
import { maxLengthOf } from '../field-limits.js';
import { SaveState } from '../SaveState.js';
import { SharingMark } from '../sharing/RecordSharing.js';
import { TypedInput, type Typed } from '../typed-input.js';

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

/** A kind whose records a field saves, one field at a time (the directive has its own store). */
export type FieldKind = Exclude<UpdatableKind, 'directive'>;
/** The fields of a kind that an update may change. */
export type FieldOf<K extends FieldKind> = keyof UpdateChanges<K> & string;

/** Changes of one field (and what goes with it), named at run time, as the kind's update takes them. */
const changesOf = <K extends FieldKind>(changes: Record<string, unknown>) => changes as unknown as UpdateChanges<K>;

interface RecordFieldProps<K extends FieldKind> {
  caseId: string;
  kind: K;
  record: RecordOf<K>;
  field: FieldOf<K>;
  label: string;
  control?: RecordControl;
  required?: boolean;
  hint?: string;
  className?: string;
  disabled?: boolean;
  /** More input for the update, read when the save starts (an issue's reason and meeting). */
  extra?: () => UpdateExtra;
  onSaved(record: RecordOf<K>): void;
}

export function RecordField<K extends FieldKind>({ caseId, kind, record, field, label, control = 'text', required = false, hint, className, disabled, extra, onSaved }: RecordFieldProps<K>) {
  const [draft, setDraft] = useState<string | undefined>(undefined);
  /** Why the input refused the draft, if it did: shown when the draft would have been saved, never sent. */
  const [refusal, setRefusal] = useState<string | null>(null);
  const [save, setSave] = useState<FieldSave | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ draft, refusal, record, extra, onSaved });
  latest.current = { draft, refusal, record, extra, onSaved };
  const mounted = useRef(true);

  async function commit(): Promise<void> {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const text = latest.current.draft;
    const rec = latest.current.record;
    if (text === undefined) return;
    if (latest.current.refusal) {
      if (mounted.current) setSave({ state: 'error', message: latest.current.refusal });
      return;
    }
    if (text === textOfValue(anyRecord(rec)[field])) {
      if (mounted.current) setDraft(undefined);
      return;
    }
    if (mounted.current) setSave({ state: 'saving' });
    try {
      const saved = await queued(rec.id, () => updateRecord(caseId, kind, rec.id, changesOf<K>({ [field]: valueOfText(text, control, required) }), latest.current.extra?.() ?? {}));
      latest.current.onSaved(saved);
      if (!mounted.current) return;
      setDraft((d) => (d === text ? undefined : d));
      // The input may have refused a newer entry meanwhile: that refusal, not "Saved", speaks of what it shows.
      setSave(latest.current.refusal ? { state: 'error', message: latest.current.refusal } : { state: 'saved' });
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

  const saved = textOfValue(anyRecord(record)[field]);
  const value = draft ?? saved;
  function edit({ text, refusal: refused }: Typed): void {
    // Read by a commit that runs before the next render (focus leaving a date input reports, then commits).
    latest.current = { ...latest.current, draft: text, refusal: refused };
    setDraft(text);
    setRefusal(refused);
    // "Saved" no longer speaks of the new text; nor does a refusal of the entry before, once this one is good.
    if (save?.state === 'saved' || (refusal && !refused)) setSave(undefined);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void commit(), SAVE_PAUSE_MS);
  }
  const common = {
    name: field,
    value,
    disabled,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => edit({ text: e.target.value, refusal: null }),
    onBlur: () => void commit(),
  };
  return (
    <Field
      label={label}
      hint={hint ?? (control === 'list' ? 'One per line.' : undefined)}
      required={required}
      className={className}
      error={save?.state === 'error' ? save.message : null}
      aside={<><SharingMark field={field} label={label} /><SaveState save={save} pending={draft !== undefined && save?.state !== 'error'} /></>}
      limit={{ text: value, max: maxLengthOf(kind, field as string) }}
    >
      {(ids) =>
        control === 'date' ? (
          <TypedInput {...ids} type="date" name={field} value={value} saved={saved} refused={refusal !== null} disabled={disabled} onTyped={edit} onLeave={() => void commit()} />
        ) : control === 'long' || control === 'list' ? (
          <textarea {...ids} {...common} className="input input--long" rows={control === 'list' ? 3 : 3} />
        ) : (
          <input {...ids} {...common} type={control} className="input" />
        )
      }
    </Field>
  );
}

interface RecordSelectProps<K extends FieldKind> {
  caseId: string;
  kind: K;
  record: RecordOf<K>;
  field: FieldOf<K>;
  label: string;
  options: readonly { value: string; label: string }[];
  /** Offered first, for an optional field: chosen, it clears the value. */
  emptyLabel?: string;
  disabled?: boolean;
  className?: string;
  /** Other changes that go with a choice (a watch item triggered today). */
  alsoChange?: (value: string, record: RecordOf<K>) => UpdateChanges<K>;
  onSaved(record: RecordOf<K>): void;
}

/** A choice that saves at once; a refused one stays chosen beside its reason. */
export function RecordSelect<K extends FieldKind>({ caseId, kind, record, field, label, options, emptyLabel, disabled, className, alsoChange, onSaved }: RecordSelectProps<K>) {
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const [save, setSave] = useState<FieldSave | undefined>(undefined);
  const value = chosen ?? textOfValue(anyRecord(record)[field]);
  async function choose(next: string) {
    setChosen(next);
    setSave({ state: 'saving' });
    try {
      const changes = changesOf<K>({ [field]: next === '' ? null : next, ...(alsoChange?.(next, record) ?? {}) });
      const saved = await queued(record.id, () => updateRecord(caseId, kind, record.id, changes));
      onSaved(saved);
      setChosen(undefined);
      setSave({ state: 'saved' });
    } catch (err) {
      setSave({ state: 'error', message: failureText(err, field) });
    }
  }
  return (
    <Field label={label} className={className} error={save?.state === 'error' ? save.message : null} aside={<><SharingMark field={field} label={label} /><SaveState save={save} pending={false} /></>}>
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
