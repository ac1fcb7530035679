// In the sidebar: lock now, and after how long without use Parley locks by itself (the setting Settings shows too).
import { useId } from 'react';
import { lockApp } from '../../state/app-lock.js';
import { LockAfterChoice } from '../settings/LockAfterChoice.js';
import { useSetting } from '../settings/use-setting.js';
import { MOD } from '../../shell/shortcuts/keymap.js';
import './lock.css';

export function LockControls() {
  const id = useId();
  const lockAfter = useSetting('lockAfterMinutes');
  return (
    <div className="lock-controls">
      <button type="button" className="button button--small" onClick={lockApp} aria-keyshortcuts={MOD === 'Ctrl' ? 'Control+Shift+L' : 'Meta+Shift+L'}>
        Lock Parley <kbd aria-hidden="true">{MOD}+Shift+L</kbd>
      </button>
      <label htmlFor={id} className="field__label">
        Lock when idle for
      </label>
      <LockAfterChoice id={id} setting={lockAfter} aria-describedby={lockAfter.save?.state === 'error' ? `${id}-error` : undefined} />
      {lockAfter.save?.state === 'error' && (
        <p id={`${id}-error`} className="field__error">
          Not saved: {lockAfter.save.message}
        </p>
      )}
    </div>
  );
}
