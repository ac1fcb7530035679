// A labelled form control with its hint and its error, wired for screen readers (aria-describedby,
// aria-invalid). The control itself is given by the caller, which receives the ids to put on it. A text field with a
// maximum length (`limit`) shows a quiet counter once the text nears it, also part of the field's description.
import { useId, type ReactNode } from 'react';
import { countOf } from './field-limits.js';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  'aria-required'?: boolean;
}

interface FieldProps {
  label: string;
  hint?: string;
  error?: string | null;
  required?: boolean;
  /** Shown after the label, e.g. the field's save state. */
  aside?: ReactNode;
  /** Shown after the error: what the user can do about it. */
  remedy?: ReactNode;
  className?: string;
  /** The text in the control and the longest it may be (maxLengthOf gives a record field's). */
  limit?: { text: string; max: number | null | undefined };
  children(control: ControlProps): ReactNode;
}

export function Field({ label, hint, error, required, aside, remedy, className, limit, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const countId = `${id}-count`;
  const count = limit ? countOf(limit.text, limit.max) : null;
  const describedBy = [hint && hintId, count && countId, error && errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${error ? 'field--invalid' : ''} ${className ?? ''}`}>
      <div className="field__head">
        <label htmlFor={id} className="field__label">
          {label}
          {required && <span className="field__required"> (required)</span>}
        </label>
        {aside}
      </div>
      {hint && <p id={hintId} className="field__hint">{hint}</p>}
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined, 'aria-required': required || undefined })}
      {count && (
        <p id={countId} className={`field__count ${limit!.text.length > limit!.max! ? 'field__count--over' : ''}`}>
          {count}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error">
          {sentence(error)}
        </p>
      )}
      {error && remedy}
    </div>
  );
}

/** The core's field messages start in lower case ("must not be empty"); shown alone, they read as sentences. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
