// Fields of a meeting's records that save as the user goes, as the overview's fields do: the draft is kept until the
// core has stored it, a save starts after a pause in typing or when focus leaves, and a refused save keeps the
// text beside the core's reason. A date or time its input refused (30 February, no minutes) is never sent.
import { useEffect, useRef, useState } from 'react';
import type { FieldSave } from '../../state/directive.js';
import { whileEditing } from '../../state/pending-saves.js';
import type { KindName } from '../../../shared/records.js';
import { Field } from '../../ui/Field.js';
import { maxLengthOf } from '../../ui/field-limits.js';
import { SharingMark } from '../../ui/sharing/RecordSharing.js';
import { SaveState } from '../../ui/SaveState.js';
import { SavedZonePicker } from '../../ui/TimeZonePicker.js';
import { TypedInput, type Typed } from '../../ui/typed-input.js';
import { problemOf } from '../../state/meetings.js';

export const SAVE_PAUSE_MS = 700;

/** Saves one value at a time, after a pause or at once; keeps the draft and the outcome. */
export function useAutosave(stored: string, save: (text: string) => Promise<unknown>, field: string) {
  const [draft, setDraft] = useState<string | undefined>(undefined);
  /** Why the input refused the draft, if it did: shown when the draft would have been saved, never sent. */
  const [refusal, setRefusal] = useState<string | null>(null);
  const [state, setState] = useState<FieldSave | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ draft, refusal, stored, save });
  latest.current = { draft, refusal, stored, save };

  async function commit(text = latest.current.draft): Promise<void> {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (text === undefined) return;
    const refused = latest.current.refusal;
    if (refused) return setState({ state: 'error', message: refused });
    if (text === latest.current.stored) {
      setDraft((d) => (d === text ? undefined : d));
      // Back to what is stored: nothing is unsaved any more.
      setState((s) => (s?.state === 'error' ? undefined : s));
      return;
    }
    setState({ state: 'saving' });
    try {
      await latest.current.save(text);
      setDraft((d) => (d === text ? undefined : d));
      // The input may have refused a newer entry meanwhile: that refusal, not "Saved", speaks of what it shows.
      const since = latest.current.refusal;
      setState(since ? { state: 'error', message: since } : { state: 'saved' });
    } catch (err) {
      setState({ state: 'error', message: problemOf(err, field) });
    }
  }

  function edit(text: string, refused: string | null = null): void {
    // Read by a commit that runs before the next render (focus leaving a date input reports, then commits).
    latest.current = { ...latest.current, draft: text, refusal: refused };
    setDraft(text);
    setRefusal(refused);
    // "Saved" no longer speaks of the new text; nor does a refusal of the entry before, once this one is good.
    const lifted = refusal !== null && !refused;
    setState((s) => (s?.state === 'saved' || lifted ? undefined : s));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void commit(text), SAVE_PAUSE_MS);
  }

  // Locking the app saves what is waiting for the pause at once, before the core closes the case.
  const commitRef = useRef(commit);
  commitRef.current = commit;
  useEffect(() => whileEditing(() => (timer.current ? commitRef.current() : Promise.resolve())), []);

  // Text typed just before the field goes away (another meeting opened, the screen left) is still saved.
  useEffect(
    () => () => {
      if (timer.current) {
        clearTimeout(timer.current);
        const { draft: d, refusal: refused, stored: s, save: sv } = latest.current;
        if (d !== undefined && !refused && d !== s) void sv(d).catch(() => undefined);
      }
    },
    [],
  );

  return { value: draft ?? stored, draft, refused: refusal !== null, state, edit, commit };
}

interface TextProps {
  label: string;
  field: string;
  stored: string | null | undefined;
  save(text: string): Promise<unknown>;
  control?: 'text' | 'long' | 'date' | 'time' | 'zone';
  required?: boolean;
  hint?: string;
  className?: string;
  list?: string;
  placeholder?: string;
  /** The kind of record the field is of: its maximum length, if any, is counted as the text nears it. */
  kind?: KindName;
  /** A field of the record whose sharing the panel knows (the meeting's own): its level shows beside the label. */
  markSharing?: boolean;
}

export function AutoText({ label, field, stored, save, control = 'text', required, hint, className, list, placeholder, markSharing, kind }: TextProps) {
  const auto = useAutosave(stored ?? '', save, field);
  const common = {
    name: field,
    value: auto.value,
    placeholder,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => auto.edit(e.target.value),
    onBlur: () => void auto.commit(),
  };
  return (
    <Field
      label={label}
      hint={hint}
      required={required}
      className={className}
      limit={kind && { text: auto.value, max: maxLengthOf(kind, field) }}
      error={auto.state?.state === 'error' ? auto.state.message : null}
      aside={<>{markSharing && <SharingMark field={field} label={label} />}<SaveState save={auto.state} pending={auto.draft !== undefined && auto.state?.state !== 'error'} /></>}
    >
      {(ids) =>
        control === 'date' || control === 'time' ? (
          <TypedInput {...ids} type={control} name={field} value={auto.value} saved={stored ?? ''} refused={auto.refused} onTyped={(t: Typed) => auto.edit(t.text, t.refusal)} onLeave={() => void auto.commit()} />
        ) : control === 'zone' ? (
          <SavedZonePicker {...ids} name={field} stored={stored ?? ''} placeholder={placeholder} onSave={(zone) => void auto.commit(zone)} />
        ) : control === 'long' ? (
          <textarea {...ids} {...common} className="input input--long" rows={3} />
        ) : (
          <input {...ids} {...common} type={control} list={list} className="input" />
        )
      }
    </Field>
  );
}

/** Empty text is stored as nothing; the core refuses a required field left empty, which the field then shows. */
export const orNull = (text: string): string | null => (text.trim() === '' ? null : text);

/** Why an inline add-form was refused, under it; the form's input points here with aria-describedby `${formId}-problem`. */
export function InlineFormProblem({ formId, problem }: { formId: string; problem: string | null | undefined }) {
  if (!problem) return null;
  return (
    <p id={`${formId}-problem`} className="field__error inline-form__hint">
      {problem}
    </p>
  );
}
