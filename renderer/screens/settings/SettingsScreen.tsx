// Settings: the person's, not a case's (reached from the sidebar, the palette, Ctrl+, and the desktop menu). The
// name changes are written under, the default time zone and date format, the holiday calendar new cases start
// with, when Parley locks by itself, quiet hours and the daily digest's notification, and the theme. Each is saved as soon as it changes, kept with the profile in
// the data folder (the theme is kept per machine, as the sidebar's chooser keeps it).
import { useEffect, useState, type ReactNode } from 'react';
import { HOLIDAY_CALENDARS } from '../../../shared/deadlines/index.js';
import { DATE_FORMATS, type DateFormat } from '../../../shared/profile.js';
import { ThemeChooser } from '../../shell/ThemeChooser.js';
import { useProfile } from '../../state/profile.js';
import type { FieldSave } from '../../state/directive.js';
import { localZone } from '../../ui/dates.js';
import { Field, type ControlProps } from '../../ui/Field.js';
import { ProfileForm, draftOf, useProfileForm } from '../../ui/profile/ProfileForm.js';
import { SaveState } from '../../ui/SaveState.js';
import { ScreenHeading } from '../../ui/ScreenHeading.js';
import { SavedZonePicker } from '../../ui/TimeZonePicker.js';
import { LockAfterChoice } from './LockAfterChoice.js';
import { NotificationSettings } from './NotificationSettings.js';
import { useSetting } from './use-setting.js';
import './settings.css';

export function SettingsScreen() {
  const info = useProfile((s) => s.info);
  return (
    <div className="screen settings-screen">
      <ScreenHeading eyebrow="Yours, in every case">Settings</ScreenHeading>
      {info?.problem && <p className="notice notice--error">{info.problem}</p>}
      {info?.settingsProblem && <p className="notice notice--error">{info.settingsProblem}</p>}
      {/* Drawn once the profile is read, so that the form starts from the name set. */}
      {info && <NameSection />}
      <section className="panel settings-section" aria-labelledby="settings-dates">
        <h2 id="settings-dates">Dates and times</h2>
        <DefaultZone />
        <DateFormatChoice />
      </section>
      <section className="panel settings-section" aria-labelledby="settings-new-cases">
        <h2 id="settings-new-cases">New cases</h2>
        <HolidayCalendarChoice />
      </section>
      <section className="panel settings-section" aria-labelledby="settings-locking">
        <h2 id="settings-locking">Locking</h2>
        <LockAfter />
      </section>
      <section className="panel settings-section" aria-labelledby="settings-notifications">
        <h2 id="settings-notifications">Notifications</h2>
        <NotificationSettings />
      </section>
      <section className="panel settings-section" aria-labelledby="settings-appearance">
        <h2 id="settings-appearance">Appearance</h2>
        <ThemeChooser />
        <p className="field__hint">Kept on this computer. Light, dark, or as the system is set.</p>
      </section>
    </div>
  );
}

function NameSection() {
  const info = useProfile((s) => s.info);
  const [save, setSave] = useState<FieldSave>();
  const form = useProfileForm(draftOf(info), () => setSave({ state: 'saved' }));
  // Saved means saved until the next keystroke.
  const edited = form.values.displayName !== draftOf(info).displayName || form.values.initials !== draftOf(info).initials;
  useEffect(() => {
    if (edited) setSave(undefined);
  }, [edited]);
  return (
    <section className="panel settings-section" aria-labelledby="settings-you">
      <h2 id="settings-you">You</h2>
      <p className="field__hint">
        Your changes are written under this name in each case’s history from now on; changes made before keep the name they were made under.
        {info?.nameForThisRun && ` For this run, Parley was started with the name ${info.nameForThisRun}, which is used instead.`}
      </p>
      <ProfileForm form={form}>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={form.busy || !edited}>
            Save name
          </button>
          <SaveState save={form.busy ? { state: 'saving' } : save} pending={edited} />
        </div>
      </ProfileForm>
    </section>
  );
}

/** A setting's field: its label and hint, its save state beside the label, the core's refusal under it. */
function SettingField({ setting, label, hint, children }: { setting: { save: FieldSave | undefined }; label: string; hint: string; children: (ids: ControlProps) => ReactNode }) {
  return (
    <Field label={label} hint={hint} aside={<SaveState save={setting.save} pending={false} />} error={setting.save?.state === 'error' ? setting.save.message : null}>
      {children}
    </Field>
  );
}

function DefaultZone() {
  const zone = useSetting('timeZone');
  const here = localZone();
  // Empty is this computer's zone.
  const commit = (text: string) => void zone.change(text.trim() === '' ? null : text.trim());
  return (
    <SettingField
      setting={zone}
      label="Default time zone"
      hint={`New timed deadlines and meetings start in it. Type a city, region or offset to find it; leave it empty for this computer’s zone (${here.replace(/_/g, ' ')}).`}
    >
      {(ids) => (
        <div className="settings-zone">
          <SavedZonePicker {...ids} name="timeZone" stored={zone.value ?? ''} placeholder={`This computer’s zone: ${here}`} onSave={commit} />
          {zone.value !== null && (
            <button type="button" className="button button--small" onClick={() => commit('')}>
              Use this computer’s zone
            </button>
          )}
        </div>
      )}
    </SettingField>
  );
}

const DATE_FORMAT_OPTIONS = DATE_FORMATS.map((f) => ({
  value: f.id,
  label: `${f.example}${f.id === 'dd/MM/yyyy' ? ' (day first)' : f.id === 'MM/dd/yyyy' ? ' (month first)' : ''}`,
}));
const CALENDAR_OPTIONS = HOLIDAY_CALENDARS.map((c) => ({ value: c.id, label: c.name }));

function DateFormatChoice() {
  const format = useSetting('dateFormat');
  return (
    <SettingField setting={format} label="Date format" hint="How dates are written on screen. Dates are typed the same way whatever the format.">
      {(ids) => <Choices ids={ids} name="dateFormat" value={format.value} options={DATE_FORMAT_OPTIONS} onChange={(v) => void format.change(v as DateFormat)} />}
    </SettingField>
  );
}

function HolidayCalendarChoice() {
  const calendar = useSetting('holidayCalendarId');
  const chosen = HOLIDAY_CALENDARS.find((c) => c.id === calendar.value);
  return (
    <SettingField
      setting={calendar}
      label="Holiday calendar for new cases"
      hint={`Business days skip weekends and these holidays. A case’s own calendar is changed on its Deadlines screen. ${chosen?.description ?? ''}`}
    >
      {(ids) => <Choices ids={ids} name="holidayCalendarId" value={calendar.value} options={CALENDAR_OPTIONS} onChange={(v) => void calendar.change(v)} />}
    </SettingField>
  );
}

function Choices({ ids, name, value, options, onChange }: { ids: ControlProps; name: string; value: string; options: readonly { value: string; label: string }[]; onChange(value: string): void }) {
  return (
    <select {...ids} className="input" name={name} value={value} onChange={(e) => onChange(e.target.value)}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

function LockAfter() {
  const lockAfter = useSetting('lockAfterMinutes');
  return (
    <>
      <SettingField setting={lockAfter} label="Lock when idle for" hint="Without keyboard or pointer use this long, Parley closes every case and shows only its lock screen.">
        {(ids) => <LockAfterChoice {...ids} setting={lockAfter} />}
      </SettingField>
      <p className="notice settings-note">
        Locking hides the screen and closes the case files; it does not protect the files themselves. An unencrypted case file can be read by anyone who can open it on this
        computer, and unlocking it asks for nothing: only encryption protects a file. An encrypted case asks for its passphrase when unlocking.
      </p>
    </>
  );
}
