// The name and initials a person's changes are written under, as a form: used by "Who are you?" on the library, the
// "Your name" dialog, and (later) the settings. The core checks what is typed; its refusals show beside the field
// they concern, and the keyboard goes to the first one to correct.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { deriveInitials, MAX_DISPLAY_NAME_LENGTH, MAX_INITIALS_LENGTH, type ProfileInfo } from '../../../shared/profile.js';
import { ApiFailure, messageOf } from '../../api/client.js';
import { useProfile } from '../../state/profile.js';
import { Field } from '../Field.js';
import './profile.css';

export interface ProfileDraft {
  displayName: string;
  /** Empty: made from the name. */
  initials: string;
}

type FieldName = keyof ProfileDraft;

export interface ProfileFormState {
  values: ProfileDraft;
  errors: Partial<Record<FieldName, string>>;
  formError: string | null;
  busy: boolean;
  change(field: FieldName, value: string): void;
  submit(e: FormEvent<HTMLFormElement>): Promise<void>;
}

/** What the form starts with: the name set, or a suggestion (the account's name) when there is none. */
export function draftOf(info: ProfileInfo | null): ProfileDraft {
  if (!info) return { displayName: '', initials: '' };
  if (!info.profile) return { displayName: info.fallbackName, initials: '' };
  return { displayName: info.profile.displayName, initials: info.profile.initialsDerived ? '' : info.profile.initials };
}

export function useProfileForm(start: ProfileDraft, onSaved: (info: ProfileInfo) => void): ProfileFormState {
  const [values, setValues] = useState(start);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = useProfile((s) => s.save);
  return {
    values,
    errors,
    formError,
    busy,
    change(field, value) {
      setValues((v) => ({ ...v, [field]: value }));
      setErrors((e) => ({ ...e, [field]: undefined }));
    },
    async submit(e) {
      e.preventDefault();
      if (busy) return;
      setBusy(true);
      setFormError(null);
      try {
        const info = await save(values.displayName, values.initials);
        setErrors({});
        onSaved(info);
      } catch (err) {
        const issues = err instanceof ApiFailure ? err.issuesUnder('') : {};
        const fieldErrors = { displayName: issues['displayName'], initials: issues['initials'] };
        setErrors(fieldErrors);
        setFormError(fieldErrors.displayName || fieldErrors.initials ? 'Your name was not saved: correct the field marked below.' : `Your name was not saved: ${messageOf(err)}`);
      } finally {
        setBusy(false);
      }
    },
  };
}

/** The form's fields; `children` (its buttons) go at the end inside the form. `id` lets buttons elsewhere submit it. */
export function ProfileForm({ form, id, children }: { form: ProfileFormState; id?: string; children?: ReactNode }) {
  const ref = useRef<HTMLFormElement>(null);
  const { values, errors, formError } = form;
  const suggested = values.displayName.trim() ? deriveInitials(values.displayName) : null;

  // After a refusal, the keyboard goes to the first field to correct, once React has marked it.
  useEffect(() => {
    if (errors.displayName || errors.initials) ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  return (
    <form ref={ref} id={id} className="form profile-form" onSubmit={(e) => void form.submit(e)} noValidate>
      {formError && (
        <p className="notice notice--error" role="alert">
          {formError}
        </p>
      )}
      <div className="profile-form__fields">
        <Field
          label="Your name"
          required
          error={errors.displayName}
          hint={`As your team knows you; up to ${MAX_DISPLAY_NAME_LENGTH} characters.`}
          className="profile-form__name"
        >
          {(control) => (
            <input {...control} className="input" name="displayName" autoComplete="name" value={values.displayName} onChange={(e) => form.change('displayName', e.target.value)} />
          )}
        </Field>
        <Field
          label="Initials"
          error={errors.initials}
          hint={`Up to ${MAX_INITIALS_LENGTH}${suggested ? `; if left blank, ${suggested}` : ' characters'}.`}
          className="profile-form__initials"
        >
          {(control) => (
            <input {...control} className="input" name="initials" autoComplete="off" value={values.initials} placeholder={suggested ?? ''} onChange={(e) => form.change('initials', e.target.value)} />
          )}
        </Field>
      </div>
      {children}
    </form>
  );
}
