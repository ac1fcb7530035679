// Merge a copy… and Import changes…: the file is chosen (the system's open dialog on the desktop; in a browser the
// files of the case folder, or a typed path), the core previews the merge in full and changes nothing, and the dialog
// says what would come in: how many changes to how many records, by whom, the conflicts expected, and the rule-built
// deadlines that would move, which need a reason. Merge then takes it all in, in one transaction, and says what it
// did; the case's screens read it again.
import { useId, useState } from 'react';
import type { MergeSummary } from '../../../shared/api-types.js';
import { ApiFailure, messageOf } from '../../api/client.js';
import type { CaseFolderFile } from '../../platform/platform.js';
import { useCaseFolder } from '../../platform/use-case-folder.js';
import { platform } from '../../services.js';
import { go } from '../../state/navigation.js';
import { applyMerge, previewMerge, type MergeSource } from '../../state/team.js';
import { formatInstant } from '../dates.js';
import { Dialog } from '../Dialog.js';
import { Field } from '../Field.js';
import { fileNameOf } from '../paths.js';
import { dueText } from '../schedule/ScheduleChangeDialog.js';
import '../schedule/schedule.css';
import './team.css';
import { PathInput } from '../PathInput.js';

/** "Bob", "Alice and Bob", "Alice, Bob and Carol". */
export function namesInWords(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? 'nobody';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** What a merge took in (or would), in one sentence. */
export function mergeInWords(summary: MergeSummary): string {
  return `${count(summary.changes, 'change', 'changes')} to ${count(summary.records, 'record', 'records')}, by ${namesInWords(summary.authors)}`;
}

const WORDS = {
  copy: {
    title: 'Merge a copy of this case',
    intro: 'Takes in every change another copy of this case has and this one lacks. The other file is not changed.',
    label: 'The other copy',
    hint: 'A case file: a full path, or a file name in the case folder.',
    placeholder: '/path/to/copy.parley',
    folderHeading: 'Copies in the case folder',
    none: 'There are no other case files in this folder.',
    nothing: 'This copy already has every change of',
    done: 'Merged',
  },
  changes: {
    title: 'Import changes',
    intro: 'Takes in the changes a colleague exported from their copy of this case (a .parley-changes file).',
    label: 'The bundle of changes',
    hint: 'A .parley-changes file: a full path, or a file name in the case folder.',
    placeholder: '/path/to/changes.parley-changes',
    folderHeading: 'Bundles of changes in the case folder',
    none: 'There are no bundles of changes in this folder.',
    nothing: 'This copy already has every change in',
    done: 'Imported',
  },
} as const;

type Step = { at: 'choose' } | { at: 'preview'; path: string; summary: MergeSummary } | { at: 'done'; path: string; summary: MergeSummary };

export function MergeDialog({ caseId, casePath, from, onClose }: { caseId: string; casePath: string; from: MergeSource['from']; onClose(): void }) {
  const words = WORDS[from];
  const formId = useId();
  const [step, setStep] = useState<Step>({ at: 'choose' });
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string | null>(null);
  /** Asked for only when the file is sealed with another passphrase than this case's. */
  const [passphrase, setPassphrase] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pickFile = from === 'copy' ? platform().pickCaseFile : platform().pickChangesFile;

  const folder = useCaseFolder(!pickFile);
  const listing = folder.listing;

  const offered: CaseFolderFile[] = listing ? (from === 'copy' ? listing.files.filter((f) => f.path !== casePath) : listing.changeFiles) : [];

  async function preview(path: string): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const summary = await previewMerge(caseId, { from, path }, { passphrase: passphrase || undefined });
      setStep({ at: 'preview', path, summary });
    } catch (err) {
      const code = err instanceof ApiFailure ? err.code : null;
      if (code === 'passphrase_required' || code === 'wrong_passphrase') setPassphrase((p) => p ?? '');
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  async function choose(): Promise<void> {
    const chosen = await pickFile?.();
    if (chosen) {
      setTyped(chosen);
      await preview(chosen);
    }
  }

  function submitChoice(e: React.FormEvent): void {
    e.preventDefault();
    if (!typed.trim()) return setTypedError(`Give ${from === 'copy' ? 'the path of the other copy' : 'the path of the bundle'}, or a file name in the case folder.`);
    void folder.resolve(typed).then(preview);
  }

  async function merge(e: React.FormEvent): Promise<void> {
    e.preventDefault();
    if (step.at !== 'preview') return;
    const moves = step.summary.moves.length > 0;
    if (moves && !reason.trim()) return setReasonError('give the reason the deadlines move; it is kept in the audit trail with each of them');
    setBusy(true);
    setError(null);
    try {
      const summary = await applyMerge(caseId, { from, path: step.path }, { passphrase: passphrase || undefined, reason: moves ? reason.trim() : undefined });
      setStep({ at: 'done', path: step.path, summary });
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  if (step.at === 'done') {
    const { summary } = step;
    const toConflicts = () => {
      onClose();
      go({ screen: 'case', caseId, section: 'conflicts' });
    };
    return (
      <Dialog
        open
        title={summary.changes ? `${words.done} ${count(summary.changes, 'change', 'changes')}` : 'Nothing to take in'}
        onClose={onClose}
        className="team-dialog"
        actions={
          <>
            {summary.openConflicts > 0 && <button type="button" className="button" onClick={toConflicts}>Go to Conflicts</button>}
            <button type="button" className="button button--primary" onClick={onClose} autoFocus>Close</button>
          </>
        }
      >
        <p role="status" className="team-dialog__result">
          {summary.changes
            ? `${words.done} ${mergeInWords(summary)} from ${fileNameOf(step.path)}.`
            : `${words.nothing} ${fileNameOf(step.path)}: nothing was changed.`}
          {summary.newConflicts > 0 && ` ${count(summary.newConflicts, 'field was', 'fields were')} changed differently in both copies: both values are kept until you choose.`}
          {summary.moves.length > 0 && ` ${count(summary.moves.length, 'rule-built deadline moved', 'rule-built deadlines moved')}.`}
        </p>
        {summary.openConflicts > 0 && (
          <p className="notice">{count(summary.openConflicts, 'conflict is', 'conflicts are')} open on the Conflicts screen.</p>
        )}
      </Dialog>
    );
  }

  if (step.at === 'preview') {
    const { summary } = step;
    const nothing = summary.changes === 0;
    return (
      <Dialog
        open
        title={words.title}
        onClose={onClose}
        className="team-dialog"
        actions={
          nothing ? (
            <button type="button" className="button button--primary" onClick={onClose} autoFocus>Close</button>
          ) : (
            <>
              <button type="button" className="button" onClick={() => setStep({ at: 'choose' })}>Back</button>
              <button type="button" className="button" onClick={onClose}>Cancel</button>
              <button type="submit" form={formId} className="button button--primary" disabled={busy}>
                {busy ? 'Merging…' : from === 'copy' ? 'Merge' : 'Import'}
              </button>
            </>
          )
        }
      >
        <form id={formId} className="form team-dialog__preview" onSubmit={(e) => void merge(e)} noValidate>
          <p className="team-dialog__file">
            From <bdi className="team-dialog__path">{step.path}</bdi>
          </p>
          {nothing ? (
            <p role="status">{words.nothing} {fileNameOf(step.path)}: there is nothing to take in.</p>
          ) : (
            <>
              <dl className="team-dialog__summary">
                <div>
                  <dt>Would come in</dt>
                  <dd>{mergeInWords(summary)}</dd>
                </div>
                <div>
                  <dt>Conflicts</dt>
                  <dd>
                    {summary.newConflicts
                      ? `${count(summary.newConflicts, 'conflict', 'conflicts')} expected: ${summary.newConflicts === 1 ? 'a field' : 'fields'} both copies changed differently. Both values are kept; you choose on the Conflicts screen. Meanwhile the record shows the newer value.`
                      : 'None expected.'}
                  </dd>
                </div>
                <div>
                  <dt>Deadlines</dt>
                  <dd>{summary.moves.length ? `${count(summary.moves.length, 'rule-built deadline would move', 'rule-built deadlines would move')}:` : 'None would move.'}</dd>
                </div>
              </dl>
              {summary.moves.length > 0 && (
                <>
                  <table className="move-dialog__table">
                    <caption className="visually-hidden">Deadlines that would move, with their date now and after the merge</caption>
                    <thead>
                      <tr><th scope="col">Deadline</th><th scope="col">Now</th><th scope="col">After the merge</th></tr>
                    </thead>
                    <tbody>
                      {summary.moves.map((m) => (
                        <tr key={m.deadlineId}>
                          <th scope="row">{m.title}</th>
                          <td>{dueText(m.before)}</td>
                          <td><strong>{dueText(m.after)}</strong></td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  <Field label="Reason the deadlines move" required error={reasonError} hint="Kept in the audit trail with each moved date.">
                    {(ids) => (
                      <input {...ids} className="input" type="text" value={reason} onChange={(e) => { setReason(e.target.value); setReasonError(null); }} />
                    )}
                  </Field>
                </>
              )}
              <p className="muted">Nothing is changed until you choose {from === 'copy' ? 'Merge' : 'Import'}. Each change keeps its author and time in the history.</p>
            </>
          )}
          {error && <p className="notice notice--error" role="alert">{error}</p>}
        </form>
      </Dialog>
    );
  }

  return (
    <Dialog
      open
      title={words.title}
      onClose={onClose}
      className="team-dialog"
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>Cancel</button>
          <button type="submit" form={formId} className="button button--primary" disabled={busy}>{busy ? 'Reading…' : 'Preview'}</button>
        </>
      }
    >
      <p>{words.intro}</p>
      {listing && (
        <section aria-labelledby={`${formId}-folder`}>
          <h3 id={`${formId}-folder`}>{words.folderHeading}</h3>
          <p className="muted team-dialog__path">{listing.folder}</p>
          {offered.length === 0 ? (
            <p className="empty">{words.none}</p>
          ) : (
            <ul className="file-list" aria-label={words.folderHeading}>
              {offered.map((file) => (
                <li key={file.path} className="file-list__item">
                  <button type="button" className="link-button" disabled={busy} onClick={() => { setTyped(file.name); void preview(file.path); }}>
                    {file.name}
                  </button>
                  <span className="muted">changed {formatInstant(file.modifiedAt)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <form id={formId} className="form team-dialog__choose" onSubmit={submitChoice} noValidate>
        <Field label={words.label} hint={words.hint} error={typedError}>
          {(ids) => (
            <div className="input-row">
              <PathInput {...ids} value={typed} placeholder={words.placeholder} onValue={(v) => { setTyped(v); setTypedError(null); }} />
              {pickFile && <button type="button" className="button" onClick={() => void choose()}>Choose…</button>}
            </div>
          )}
        </Field>
        {passphrase !== null && (
          <Field label="Passphrase of that file" hint="Needed when it is sealed with another passphrase than this case's.">
            {(ids) => <input {...ids} type="password" className="input" value={passphrase} autoComplete="off" onChange={(e) => setPassphrase(e.target.value)} />}
          </Field>
        )}
        {(error ?? folder.error) && <p className="notice notice--error" role="alert">{error ?? folder.error}</p>}
      </form>
    </Dialog>
  );
}
