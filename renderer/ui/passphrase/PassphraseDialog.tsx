// The modal that asks for an encrypted case file's passphrase (state/passphrase-prompt.ts). A wrong passphrase
// comes back with the core's message in the same dialog, so the user can try again or cancel.
import { useEffect, useId, useRef, useState } from 'react';
import type { PassphraseStoreAvailability } from '../../../shared/desktop.js';
import { platform } from '../../services.js';
import { usePassphrasePrompt } from '../../state/passphrase-prompt.js';
import { Dialog } from '../Dialog.js';
import './passphrase.css';

export function PassphraseDialog() {
  const { question, answer } = usePassphrasePrompt();
  const [passphrase, setPassphrase] = useState('');
  const [remember, setRemember] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  useEffect(() => {
    setPassphrase('');
    setRemember(false);
    if (question) requestAnimationFrame(() => input.current?.focus());
  }, [question]);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (passphrase) answer?.({ passphrase, remember });
  };
  return (
    <Dialog
      open={!!question}
      title="Enter the passphrase"
      onClose={() => answer?.(null)}
      className="passphrase-dialog"
      actions={
        <>
          <button type="button" className="button" onClick={() => answer?.(null)}>Cancel</button>
          <button type="submit" form={`${id}-form`} className="button button--primary" disabled={!passphrase}>Open</button>
        </>
      }
    >
      <form id={`${id}-form`} className="passphrase-fields" onSubmit={submit}>
        <p>
          <bdi>{question?.fileName}</bdi> is encrypted. Enter its passphrase to open it.
        </p>
        <p className="muted">A file that is not a Parley case file at all can look encrypted too; no passphrase opens it.</p>
        <label htmlFor={`${id}-input`} className="field__label">Passphrase</label>
        <input
          id={`${id}-input`} ref={input} type="password" className="input" autoComplete="current-password" value={passphrase}
          aria-invalid={question?.error ? true : undefined} aria-describedby={question?.error ? `${id}-error` : undefined}
          onChange={(e) => setPassphrase(e.target.value)}
        />
        {question?.error && <p id={`${id}-error`} className="field__error" role="alert">{question.error}</p>}
        {question && <RememberOption checked={remember} onChange={setRemember} />}
      </form>
    </Dialog>
  );
}

/** "Remember on this device": offered only where the system keeps secrets safely; otherwise shown off, with why. */
function RememberOption({ checked, onChange }: { checked: boolean; onChange(checked: boolean): void }) {
  const id = useId();
  const store = platform().passphrases;
  const [availability, setAvailability] = useState<PassphraseStoreAvailability | null>(
    store ? null : { available: false, reason: 'Not available here: Parley keeps passphrases only in the desktop app, with the system’s secure storage.' },
  );
  useEffect(() => {
    store?.availability().then(setAvailability, () => setAvailability({ available: false, reason: 'The system’s secure storage could not be reached.' }));
  }, [store]);
  const available = availability?.available === true;
  const reason = availability && !availability.available ? availability.reason : null;
  return (
    <div className="passphrase-remember">
      <label className="checkbox">
        <input type="checkbox" disabled={!available} checked={available && checked} aria-describedby={reason ? `${id}-why` : undefined} onChange={(e) => onChange(e.target.checked)} />{' '}
        Remember on this device
      </label>
      {reason && <p id={`${id}-why`} className="muted">{reason}</p>}
    </div>
  );
}
