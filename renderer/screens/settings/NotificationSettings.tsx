// Settings for desktop notifications: quiet hours (off by default) and the daily digest's time (08:00 by default,
// can be off). Both are read on this computer's clock by the desktop app's scheduler (electron/main/reminders.ts);
// each is saved as soon as it changes, and the core's refusal shows under it.
import { useId, useState, type ReactNode } from 'react';
import type { QuietHours } from '../../../shared/profile.js';
import { SaveState } from '../../ui/SaveState.js';
import { useSetting, type SettingControl } from './use-setting.js';

const DEFAULT_QUIET: QuietHours = { from: '20:00', to: '07:00' };
const DEFAULT_DIGEST_AT = '08:00';
const isTime = (text: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(text);

export function NotificationSettings() {
  const quiet = useSetting('quietHours');
  const digest = useSetting('digestAt');
  return (
    <>
      <SettingGroup
        legend="Quiet hours"
        hint="No notification is shown in these hours, on this computer’s clock. Reminders due then come together in one notification when they end."
        setting={quiet}
        switchLabel="Keep quiet every day"
        on={quiet.value !== null}
        onSwitch={(on) => void quiet.change(on ? DEFAULT_QUIET : null)}
      >
        {quiet.value && (
          <div className="settings-times">
            <TimeInput label="From" stored={quiet.value.from} onSave={(from) => void quiet.change({ ...quiet.value!, from })} />
            <TimeInput label="to" stored={quiet.value.to} onSave={(to) => void quiet.change({ ...quiet.value!, to })} />
          </div>
        )}
      </SettingGroup>
      <SettingGroup
        legend="Daily digest"
        hint="One notification a day saying what falls due and what others changed; clicking it opens the library, whose Today panel lists the same at any time."
        setting={digest}
        switchLabel="Show the daily digest as a notification"
        on={digest.value !== null}
        onSwitch={(on) => void digest.change(on ? DEFAULT_DIGEST_AT : null)}
      >
        {digest.value && (
          <div className="settings-times">
            <TimeInput label="At" stored={digest.value} onSave={(at) => void digest.change(at)} />
          </div>
        )}
      </SettingGroup>
    </>
  );
}

function SettingGroup<K extends 'quietHours' | 'digestAt'>({ legend, hint, setting, switchLabel, on, onSwitch, children }: {
  legend: string; hint: string; setting: SettingControl<K>; switchLabel: string; on: boolean; onSwitch(on: boolean): void; children: ReactNode;
}) {
  const id = useId();
  const error = setting.save?.state === 'error' ? setting.save.message : null;
  // The box follows the click at once; the times it shows come with the saved setting.
  const [asked, setAsked] = useState<boolean | null>(null);
  const checked = setting.save?.state === 'saving' && asked !== null ? asked : on;
  return (
    <fieldset className="settings-group" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
      <legend className="field__label">
        {legend} <SaveState save={setting.save} pending={false} />
      </legend>
      <p id={`${id}-hint`} className="field__hint">{hint}</p>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={checked}
          onChange={(e) => {
            setAsked(e.target.checked);
            onSwitch(e.target.checked);
          }}
        />
        {switchLabel}
      </label>
      {children}
      {error && (
        <p id={`${id}-error`} className="field__error" role="alert">
          Not saved: the {legend.toLowerCase()} {error}.
        </p>
      )}
    </fieldset>
  );
}

/** A time of day, saved once it is a whole time (a half-typed one waits). */
function TimeInput({ label, stored, onSave }: { label: string; stored: string; onSave(time: string): void }) {
  const id = useId();
  const [text, setText] = useState(stored);
  return (
    <span className="settings-times__one">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="time"
        className="input"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (isTime(e.target.value) && e.target.value !== stored) onSave(e.target.value);
        }}
      />
    </span>
  );
}
