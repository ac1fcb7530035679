// Settings: the person's, not a case's (reached from the sidebar, the palette, Ctrl+, and the desktop menu). The
// name changes are written under, the default time zone and date format, the holiday calendar new cases start
// with, when Parley locks by itself, and the theme. Each is saved as soon as it changes, kept with the profile in
// the data folder (the theme is kept per machine, as the sidebar's chooser keeps it).
import { useEffect, useState } from 'react';
import { HOLIDAY_CALENDARS } from '../../../shared/deadlines/index.js';
import { DATE_FORMATS, type DateFormat } from '../../../shared/profile.js';
import { ThemeChooser } from '../../shell/ThemeChooser.js';
import { useProfile } from '../../state/profile.js';
import type { FieldSave } from '../../state/directive.js';
import { localZone } from '../../ui/dates.js';
import { Field } from '../../ui/Field.js';
import { ProfileForm, draftOf, useProfileForm } from '../../ui/profile/ProfileForm.js';
import { SaveState } from '../../ui/SaveState.js';
import { ScreenHeading } from '../../ui/ScreenHeading.js';
import { TimeZonePicker } from '../../ui/TimeZonePicker.js';
import { LockAfterChoice } from './LockAfterChoice.js';
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

function DefaultZone() {
  const zone = useSetting('timeZone');
  const [text, setText] = useState(zone.value ?? '');
  useEffect(() => setText(zone.value ?? ''), [zone.value]);
  const here = localZone();
  function commit(next: string): void {
    const chosen = next.trim() === '' ? null : next.trim();
    if (chosen !== zone.value) void zone.change(chosen);
  }
  return (
    <Field
      label="Default time zone"
      hint={`New timed deadlines and meetings start in it. Type a city, region or offset to find it; leave it empty for this computer’s zone (${here.replace(/_/g, ' ')}).`}
      error={zone.save?.state === 'error' ? zone.save.message : null}
      aside={<SaveState save={zone.save} pending={false} />}
    >
      {(ids) => (
        <div className="settings-zone">
          <TimeZonePicker
            {...ids}
            name="timeZone"
            value={text}
            placeholder={`This computer’s zone: ${here}`}
            onText={setText}
            onPick={(picked) => {
              setText(picked);
              commit(picked);
            }}
            onBlur={() => commit(text)}
          />
          {zone.value !== null && (
            <button type="button" className="button button--small" onClick={() => commit('')}>
              Use this computer’s zone
            </button>
          )}
        </div>
      )}
    </Field>
  );
}

function DateFormatChoice() {
  const format = useSetting('dateFormat');
  return (
    <Field label="Date format" hint="How dates are written on screen. Dates are typed the same way whatever the format." aside={<SaveState save={format.save} pending={false} />} error={format.save?.state === 'error' ? format.save.message : null}>
      {(ids) => (
        <select {...ids} className="input" name="dateFormat" value={format.value} onChange={(e) => void format.change(e.target.value as DateFormat)}>
          {DATE_FORMATS.map((f) => (
            <option key={f.id} value={f.id}>
              {f.example}
              {f.id === 'dd/MM/yyyy' ? ' (day first)' : f.id === 'MM/dd/yyyy' ? ' (month first)' : ''}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function HolidayCalendarChoice() {
  const calendar = useSetting('holidayCalendarId');
  const chosen = HOLIDAY_CALENDARS.find((c) => c.id === calendar.value);
  return (
    <Field
      label="Holiday calendar for new cases"
      hint={`Business days skip weekends and these holidays. A case’s own calendar is changed on its Deadlines screen. ${chosen?.description ?? ''}`}
      aside={<SaveState save={calendar.save} pending={false} />}
      error={calendar.save?.state === 'error' ? calendar.save.message : null}
    >
      {(ids) => (
        <select {...ids} className="input" name="holidayCalendarId" value={calendar.value} onChange={(e) => void calendar.change(e.target.value)}>
          {HOLIDAY_CALENDARS.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function LockAfter() {
  const lockAfter = useSetting('lockAfterMinutes');
  return (
    <>
      <Field label="Lock when idle for" hint="Without keyboard or pointer use this long, Parley closes every case and shows only its lock screen." aside={<SaveState save={lockAfter.save} pending={false} />} error={lockAfter.save?.state === 'error' ? lockAfter.save.message : null}>
        {(ids) => <LockAfterChoice {...ids} setting={lockAfter} />}
      </Field>
      <p className="notice settings-note">
        Locking hides the screen and closes the case files; it does not protect the files themselves. An unencrypted case file can be read by anyone who can open it on this
        computer, and unlocking it asks for nothing: only encryption protects a file. An encrypted case asks for its passphrase when unlocking.
      </p>
    </>
  );
}
