// In the sidebar: lock now, and after how long without use Parley locks by itself.
import { useId } from 'react';
import { LOCK_AFTER_CHOICES, lockApp, useAppLock } from '../../state/app-lock.js';
import { MOD } from '../../shell/shortcuts/keymap.js';
import './lock.css';

const label = (minutes: number) => (minutes === 0 ? 'Never' : minutes === 60 ? '1 hour' : `${minutes} min`);

export function LockControls() {
  const { lockAfterMinutes, setLockAfterMinutes } = useAppLock();
  const id = useId();
  return (
    <div className="lock-controls">
      <button type="button" className="button button--small" onClick={lockApp} aria-keyshortcuts={MOD === 'Ctrl' ? 'Control+Shift+L' : 'Meta+Shift+L'}>
        Lock Parley <kbd aria-hidden="true">{MOD}+Shift+L</kbd>
      </button>
      <label htmlFor={id} className="field__label">
        Lock when idle for
      </label>
      <select id={id} className="input" value={lockAfterMinutes} onChange={(e) => setLockAfterMinutes(Number(e.target.value))}>
        {LOCK_AFTER_CHOICES.map((m) => (
          <option key={m} value={m}>
            {label(m)}
          </option>
        ))}
      </select>
    </div>
  );
}
