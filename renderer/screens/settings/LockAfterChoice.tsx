// After how long without use Parley locks by itself: a choice of the idle times settings.set accepts. The sidebar
// and the Settings screen show the same setting.
import { LOCK_AFTER_CHOICES } from '../../../shared/profile.js';
import type { ControlProps } from '../../ui/Field.js';
import type { SettingControl } from './use-setting.js';

export const lockAfterLabel = (minutes: number) => (minutes === 0 ? 'Never' : minutes === 60 ? '1 hour' : `${minutes} min`);

export function LockAfterChoice({ setting, ...control }: ControlProps & { setting: SettingControl<'lockAfterMinutes'> }) {
  return (
    <select {...control} className="input" value={setting.value} onChange={(e) => void setting.change(Number(e.target.value))}>
      {LOCK_AFTER_CHOICES.map((m) => (
        <option key={m} value={m}>
          {lockAfterLabel(m)}
        </option>
      ))}
    </select>
  );
}
