// A new passphrase, typed twice, with a strength hint: used where a file is encrypted (a new case, export for
// transfer). The parent gets the passphrase only when both entries match and it is long enough.
import { useId } from 'react';
import { MIN_PASSPHRASE_LENGTH, passphraseStrength } from './strength.js';
import './passphrase.css';

export interface NewPassphrase {
  first: string;
  second: string;
}

/** Why the entries cannot be used yet, or null when they can. */
export function newPassphraseProblem({ first, second }: NewPassphrase): string | null {
  if (first.length < MIN_PASSPHRASE_LENGTH) return `The passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.`;
  if (first !== second) return 'The two passphrases differ: type the same one twice.';
  return null;
}

export function NewPassphraseFields({ value, onChange, showProblem }: { value: NewPassphrase; onChange(v: NewPassphrase): void; showProblem: boolean }) {
  const id = useId();
  const strength = passphraseStrength(value.first);
  const problem = showProblem ? newPassphraseProblem(value) : null;
  return (
    <div className="passphrase-fields">
      <label htmlFor={`${id}-1`} className="field__label">Passphrase</label>
      <input
        id={`${id}-1`} type="password" className="input" autoComplete="new-password" value={value.first}
        aria-describedby={`${id}-strength`} onChange={(e) => onChange({ ...value, first: e.target.value })}
      />
      <p id={`${id}-strength`} className={`passphrase-strength passphrase-strength--${strength.level}`} aria-live="polite">
        {value.first ? strength.text : `At least ${MIN_PASSPHRASE_LENGTH} characters; a few unrelated words are easy to type and hard to guess.`}
      </p>
      <label htmlFor={`${id}-2`} className="field__label">Passphrase again</label>
      <input
        id={`${id}-2`} type="password" className="input" autoComplete="new-password" value={value.second}
        aria-invalid={problem ? true : undefined} aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => onChange({ ...value, second: e.target.value })}
      />
      {problem && <p id={`${id}-problem`} className="field__error" role="alert">{problem}</p>}
      <p className="muted passphrase-fields__warning">Parley cannot recover a forgotten passphrase: without it the file cannot be opened.</p>
    </div>
  );
}
