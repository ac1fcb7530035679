// A set of radio buttons drawn as a row of pills: every option visible at once (a status lifecycle, a risk
// level), each reachable with the arrow keys as radio groups are.
import { useId } from 'react';
import { sentence } from './Field.js';

interface ChoiceGroupProps<V extends string> {
  legend: string;
  name: string;
  value: V | null;
  options: readonly { value: V; label: string; hint?: string }[];
  onChange(value: V): void;
  disabled?: boolean;
  aside?: React.ReactNode;
  error?: string | null;
  className?: string;
}

export function ChoiceGroup<V extends string>({ legend, name, value, options, onChange, disabled, aside, error, className }: ChoiceGroupProps<V>) {
  const id = useId();
  return (
    <fieldset className={`choice-group ${className ?? ''}`} disabled={disabled} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field__label">
        {legend} {aside}
      </legend>
      <div className="choice-group__options">
        {options.map((option) => (
          <label key={option.value} className={`choice choice--${name}-${option.value}`} title={option.hint}>
            <input type="radio" name={`${id}-${name}`} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {error && <p id={`${id}-error`} className="field__error">{sentence(error)}</p>}
    </fieldset>
  );
}
