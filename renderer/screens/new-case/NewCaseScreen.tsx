// A new case file: the directive's main facts and where the file goes. The core checks everything; its refusals
// come back as per-field issues and are shown beside the fields they concern. A date its input refused (30 February,
// a missing year) reads as '' like an empty one: the form refuses it itself rather than create the case without it.
import { useEffect, useState } from 'react';
import { DIRECTIVE_STATUSES, RISK_LEVELS } from '../../../shared/enums.js';
import { ApiFailure, messageOf } from '../../api/client.js';
import { resolveNewCasePath, resolveTypedPath, suggestedFileName, type CaseFolderListing } from '../../platform/platform.js';
import { platform } from '../../services.js';
import { createCase } from '../../state/cases.js';
import { go } from '../../state/navigation.js';
import { Field } from '../../ui/Field.js';
import { DIRECTIVE_FIELD_LABELS, humanize } from '../../ui/labels.js';
import { ScreenHeading } from '../../ui/ScreenHeading.js';
import { limitsOf, refusalsIn } from '../../ui/typed-input.js';
import { NewPassphraseFields, newPassphraseProblem, type NewPassphrase } from '../../ui/passphrase/NewPassphraseFields.js';
import { PathInput } from '../../ui/PathInput.js';

type FormField = 'title' | 'status' | 'risk' | 'referenceNumber' | 'issuingAuthority' | 'counterparty' | 'ourOrganization' | 'issuedOn' | 'receivedOn';
type FormValues = Record<FormField, string>;

const EMPTY: FormValues = {
  title: '', status: 'received', risk: '', referenceNumber: '', issuingAuthority: '', counterparty: '', ourOrganization: '', issuedOn: '', receivedOn: '',
};

/** Codes whose message is about the file's location rather than the directive. */
const PATH_PROBLEMS = new Set(['already_exists', 'not_found', 'io_error', 'already_open']);

/** Where a new case file may go: the cases folder, or (in the desktop app) a place chosen in the save dialog. */
function pathHint(folder: CaseFolderListing | null, hasSaveDialog: boolean): string {
  if (!folder) return hasSaveDialog ? 'Choose where the case file goes.' : 'Where the case file goes.';
  return hasSaveDialog ? `A file name in ${folder.folder}, or another place chosen with Choose…` : `A file name in ${folder.folder}, where new case files go.`;
}

export function NewCaseScreen() {
  const [values, setValues] = useState<FormValues>(EMPTY);
  const [folder, setFolder] = useState<CaseFolderListing | null>(null);
  const [path, setPath] = useState('');
  const [pathEdited, setPathEdited] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<FormField | 'path', string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Counts refusals shown: after each, the keyboard goes to the first field to correct. */
  const [refusals, setRefusals] = useState(0);
  const [encrypt, setEncrypt] = useState(false);
  const [passphrase, setPassphrase] = useState<NewPassphrase>({ first: '', second: '' });
  const [passphraseTried, setPassphraseTried] = useState(false);

  // Take the keyboard to the first field to correct, once React has marked it (an effect runs after the commit; an
  // animation frame asked for before it could run first, and find nothing marked yet).
  useEffect(() => {
    if (refusals > 0) document.querySelector<HTMLElement>('.new-case [aria-invalid="true"]')?.focus();
  }, [refusals]);

  useEffect(() => {
    platform().caseFolder().then(setFolder, () => setFolder(null));
  }, []);

  // Until the user chooses a location themselves, the file is named after the title in the case folder.
  const pathIn = (listing: CaseFolderListing | null) => (pathEdited ? path : listing ? resolveTypedPath(suggestedFileName(values.title), listing) : path);
  const shownPath = pathIn(folder);

  const set = (field: FormField) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    setValues((v) => ({ ...v, [field]: e.target.value }));
    setErrors((errs) => ({ ...errs, [field]: undefined }));
  };

  const chooseLocation = async () => {
    const chosen = await platform().pickNewCaseFile?.(suggestedFileName(values.title));
    if (chosen) {
      setPath(chosen);
      setPathEdited(true);
      setErrors((errs) => ({ ...errs, path: undefined }));
    }
  };

  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (busy) return;
    setFormError(null);
    const refused = refusalsIn(e.currentTarget);
    if (Object.keys(refused).length) return showFieldErrors(refused);
    // The folder may still be on its way if the user was quick; where the platform has a save dialog and no path
    // was typed, ask for one now.
    const listing = folder ?? (await platform().caseFolder().catch(() => null));
    const target = resolveNewCasePath(pathIn(listing), listing) || ((await platform().pickNewCaseFile?.(suggestedFileName(values.title))) ?? '');
    if (!target) return setErrors({ path: 'Choose where to save the case file.' });
    const directive = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')) as FormValues;
    if (encrypt) {
      setPassphraseTried(true);
      if (newPassphraseProblem(passphrase)) return setFormError('The case was not created: the passphrase needs correcting.');
    }
    setBusy(true);
    try {
      await createCase({ path: target, directive: { ...directive, title: values.title }, passphrase: encrypt ? passphrase.first : undefined });
    } catch (err) {
      showRefusal(err);
    } finally {
      setBusy(false);
    }
  };

  const showRefusal = (err: unknown) => {
    if (!(err instanceof ApiFailure)) return setFormError(messageOf(err));
    const fieldErrors: Partial<Record<FormField | 'path', string>> = err.issuesUnder('directive');
    const pathIssue = err.issuesUnder('')['path'];
    if (pathIssue) fieldErrors.path = pathIssue;
    if (PATH_PROBLEMS.has(err.code)) fieldErrors.path = err.message;
    if (Object.keys(fieldErrors).length === 0) {
      setErrors(fieldErrors);
      return setFormError(err.message);
    }
    showFieldErrors(fieldErrors);
  };

  const showFieldErrors = (fieldErrors: Partial<Record<FormField | 'path', string>>) => {
    setErrors(fieldErrors);
    setFormError('The case was not created: correct the fields marked below.');
    setRefusals((n) => n + 1);
  };

  const input = (field: FormField, type: 'text' | 'date' = 'text', extra: { required?: boolean; hint?: string } = {}) => (
    <Field label={DIRECTIVE_FIELD_LABELS[field]} error={errors[field]} required={extra.required} hint={extra.hint}>
      {(control) => <input {...control} {...limitsOf(type)} type={type} className="input" name={field} value={values[field]} onChange={set(field)} />}
    </Field>
  );

  return (
    <div className="screen new-case">
      <ScreenHeading eyebrow="Library">New case</ScreenHeading>
      <form className="form panel" onSubmit={(e) => void submit(e)} noValidate aria-describedby={formError ? 'new-case-error' : undefined}>
        {formError && (
          <p id="new-case-error" className="notice notice--error" role="alert">
            {formError}
          </p>
        )}
        {input('title', 'text', { required: true, hint: 'How your team refers to the directive, e.g. "Export-control suspension order".' })}
        <div className="form__row">
          <Field label={DIRECTIVE_FIELD_LABELS.status} error={errors.status}>
            {(control) => (
              <select {...control} className="input" name="status" value={values.status} onChange={set('status')}>
                {DIRECTIVE_STATUSES.map((s) => <option key={s} value={s}>{humanize(s)}</option>)}
              </select>
            )}
          </Field>
          <Field label={DIRECTIVE_FIELD_LABELS.risk} error={errors.risk}>
            {(control) => (
              <select {...control} className="input" name="risk" value={values.risk} onChange={set('risk')}>
                <option value="">Not assessed yet</option>
                {RISK_LEVELS.map((r) => <option key={r} value={r}>{humanize(r)}</option>)}
              </select>
            )}
          </Field>
        </div>
        <div className="form__row">
          {input('referenceNumber')}
          {input('issuingAuthority')}
        </div>
        <div className="form__row">
          {input('issuedOn', 'date')}
          {input('receivedOn', 'date')}
        </div>
        <div className="form__row">
          {input('ourOrganization')}
          {input('counterparty')}
        </div>
        <Field label="Save as" error={errors.path} hint={pathHint(folder, !!platform().pickNewCaseFile)}>
          {(control) => (
            <div className="input-row">
              <PathInput
                {...control}
                className="input--path"
                name="path"
                value={shownPath}
                onValue={(value) => {
                  setPath(value);
                  setPathEdited(true);
                  setErrors((errs) => ({ ...errs, path: undefined }));
                }}
              />
              {platform().pickNewCaseFile && (
                <button type="button" className="button" onClick={() => void chooseLocation()}>
                  Choose…
                </button>
              )}
            </div>
          )}
        </Field>
        <fieldset className="new-case__encryption">
          <legend className="visually-hidden">Encryption</legend>
          <label className="checkbox">
            <input type="checkbox" checked={encrypt} onChange={(e) => setEncrypt(e.target.checked)} /> Encrypt with a passphrase
          </label>
          <p className="muted">An encrypted case file reveals nothing without its passphrase, on a lost laptop or a copied disk.</p>
          {encrypt && <NewPassphraseFields value={passphrase} onChange={setPassphrase} showProblem={passphraseTried} />}
        </fieldset>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create case'}
          </button>
          <button type="button" className="button" onClick={() => go({ screen: 'library' })}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
