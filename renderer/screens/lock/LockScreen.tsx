// What a locked Parley shows, and all it shows: no case is open, and nothing of any case is drawn or kept. It says
// plainly what the lock is: a curtain over the screen, not a protection of the files (only encryption is).
import { useEffect, useRef, useState } from 'react';
import { useAppLock } from '../../state/app-lock.js';
import './lock.css';

export function LockScreen() {
  const { toReopen, error, unlock } = useAppLock();
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const n = toReopen.length;
  return (
    <main className="lock-screen" aria-labelledby="lock-screen-heading">
      <div className="lock-screen__card panel">
        <h1 id="lock-screen-heading" ref={heading} tabIndex={-1}>
          Parley is locked
        </h1>
        <p>Every case file was closed, and nothing of what they hold is kept in this window.</p>
        <p>
          {n === 0 ? 'No case was open.' : `Unlocking opens again the ${n === 1 ? 'case file' : `${n} case files`} that ${n === 1 ? 'was' : 'were'} open.`}{' '}
          An encrypted case asks for its passphrase again. You come back to where you were.
        </p>
        <p className="lock-screen__limits">
          The lock hides the screen; it does not protect the case files. Unlocking an unencrypted case asks for nothing, and anyone who can use this
          computer can open its file: only encryption protects a case file.
        </p>
        {error && (
          <p className="notice notice--error" role="alert">
            {error}
          </p>
        )}
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void unlock().finally(() => setBusy(false));
          }}
        >
          Unlock
        </button>
      </div>
    </main>
  );
}
