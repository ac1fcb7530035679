// One setting, saved as soon as it is changed (settings.set), with its save state for the field beside it. The core
// checks the value; its refusal shows as the field's error.
import { useState } from 'react';
import type { Settings } from '../../../shared/profile.js';
import { ApiFailure, messageOf } from '../../api/client.js';
import type { FieldSave } from '../../state/directive.js';
import { useProfile, useSettings } from '../../state/profile.js';

export interface SettingControl<K extends keyof Settings> {
  value: Settings[K];
  save: FieldSave | undefined;
  change(value: Settings[K]): Promise<void>;
}

export function useSetting<K extends keyof Settings>(key: K): SettingControl<K> {
  const value = useSettings()[key];
  const saveSettings = useProfile((s) => s.saveSettings);
  const [save, setSave] = useState<FieldSave>();
  return {
    value,
    save,
    async change(next) {
      setSave({ state: 'saving' });
      try {
        await saveSettings({ [key]: next });
        setSave({ state: 'saved' });
      } catch (err) {
        setSave({ state: 'error', message: (err instanceof ApiFailure ? err.issuesUnder('')[key] : undefined) ?? messageOf(err) });
      }
    },
  };
}
