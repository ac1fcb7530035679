// Date and time inputs that never let an entry the browser refused pass for an emptied field. For 30 February, a
// date with its year missing or a time with no minutes, Chromium's value is '' exactly as for a field the user
// emptied; only the input's validity tells the two apart. Read as '', a refused date would clear the saved one.
import type { ControlProps } from './Field.js';
import { formatDay } from './dates.js';

/** The years the core accepts (shared/fields.ts): four digits, so "202" typed on the way to 2026 is not a date. */
export const DATE_RANGE = { min: '1000-01-01', max: '9999-12-31' } as const;

/** The limits to give an input of this type: a date input's years, nothing for others. */
export const limitsOf = (type: string) => (type === 'date' ? DATE_RANGE : {});

/** Why a date or time input cannot give what it shows, in plain words; null when it can (a value, or empty). */
export function refusalOf(el: HTMLInputElement): string | null {
  const { badInput, rangeUnderflow, rangeOverflow } = el.validity;
  if (el.type === 'date') {
    // The browser keeps which part is wrong to itself: the message names the usual causes.
    if (badInput) return 'This date is incomplete or is not a real day, such as 30 February.';
    if (rangeUnderflow || rangeOverflow) return 'Write the year in full, with four digits, such as 2026.';
  }
  if (el.type === 'time' && badInput) return 'This time is incomplete: give the hour and the minutes.';
  return null;
}

/** What an autosaving date or time input holds: the text to save, or why it is refused and what stays saved. */
export interface Typed {
  text: string;
  refusal: string | null;
}

export function typedOf(el: HTMLInputElement, saved: string): Typed {
  const refusal = refusalOf(el);
  if (!refusal) return { text: el.value, refusal: null };
  const kept = !saved ? 'Nothing was saved.' : el.type === 'date' ? `The saved date, ${formatDay(saved)}, is kept.` : `The saved time, ${saved}, is kept.`;
  return { text: el.value, refusal: `${refusal} ${kept}` };
}

/** The refusals of a form's date and time inputs, by their names: a form checks them before it sends anything. */
export function refusalsIn(form: HTMLFormElement): Record<string, string> {
  const refusals: Record<string, string> = {};
  for (const el of form.querySelectorAll<HTMLInputElement>('input[type="date"], input[type="time"]')) {
    const refusal = refusalOf(el);
    if (refusal) refusals[el.name] = refusal;
  }
  return refusals;
}

interface TypedInputProps extends ControlProps {
  type: 'date' | 'time';
  name: string;
  /** What the input shows: the draft (for a refused entry, the input's own value) or the saved text. */
  value: string;
  /** The saved text, named in a refusal as what stays. */
  saved: string;
  /** The owner holds a refusal for this input now. */
  refused: boolean;
  className?: string;
  disabled?: boolean;
  onTyped(typed: Typed): void;
  /** Focus left the input: the owner saves what it holds, or shows its refusal. */
  onLeave(): void;
}

/** A date or time input of a field that saves as the user goes. */
export function TypedInput({ type, value, saved, refused, className = 'input', onTyped, onLeave, ...rest }: TypedInputProps) {
  return (
    <input
      {...rest}
      {...limitsOf(type)}
      type={type}
      className={className}
      value={value}
      onChange={(e) => onTyped(typedOf(e.currentTarget, saved))}
      onBlur={(e) => {
        // Chromium sends no input event when one refused entry becomes another, or when the last part of one is
        // emptied (its value stays ''): what the input holds is read again as focus leaves.
        const typed = typedOf(e.currentTarget, saved);
        if (typed.text !== value || (typed.refusal !== null) !== refused) onTyped(typed);
        onLeave();
      }}
    />
  );
}
