// Export changes…: this copy's changes (all of them, or those made since a day) written as a bundle a colleague with
// a copy of the same case imports. Where it goes: the system's save dialog on the desktop (Choose…), or a name in the
// case folder, as for other files Parley writes.
import { useId, useState } from 'react';
import type { ChangesExported } from '../../../shared/api-types.js';
import { messageOf } from '../../api/client.js';
import { resolveTypedPath } from '../../platform/platform.js';
import { platform } from '../../services.js';
import { exportChanges } from '../../state/team.js';
import { formatDay, isoToday } from '../dates.js';
import { Dialog } from '../Dialog.js';
import { Field } from '../Field.js';
import { fileNameOf } from '../paths.js';
import { DATE_RANGE, refusalOf } from '../typed-input.js';
import './team.css';
import { PathInput } from '../PathInput.js';

const EXTENSION = '.parley-changes';

/** The name suggested for a bundle: the case file's, the day, and the extension. */
export function suggestedBundleName(casePath: string, today = isoToday()): string {
  return `${fileNameOf(casePath).replace(/\.parley$/i, '')} changes ${today}${EXTENSION}`;
}

export function ExportChangesDialog({ caseId, casePath, onClose }: { caseId: string; casePath: string; onClose(): void }) {
  const formId = useId();
  const suggested = suggestedBundleName(casePath);
  const [target, setTarget] = useState(suggested);
  const [targetError, setTargetError] = useState<string | null>(null);
  const [since, setSince] = useState('');
  const [sinceError, setSinceError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ChangesExported | null>(null);
  const pickTarget = platform().pickChangesTarget;

  const choose = async () => {
    const chosen = await pickTarget?.(suggested.slice(0, -EXTENSION.length));
    if (chosen) setTarget(chosen);
  };

  async function submit(e: React.FormEvent): Promise<void> {
    e.preventDefault();
    if (sinceError) return;
    const typed = target.trim();
    if (!typed) return setTargetError('give the name of the file to write');
    setBusy(true);
    setError(null);
    try {
      const named = typed.toLowerCase().endsWith(EXTENSION) ? typed : `${typed}${EXTENSION}`;
      setDone(await exportChanges(caseId, resolveTypedPath(named, await platform().caseFolder()), since || undefined));
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <Dialog open title="Changes exported" onClose={onClose} className="team-dialog">
        <p role="status" className="team-dialog__result">
          Wrote {done.changes.toLocaleString('en')} {done.changes === 1 ? 'change' : 'changes'}
          {since ? ` made since ${formatDay(since)}` : ''} to <bdi className="team-dialog__path">{done.path}</bdi>.
        </p>
        <p>
          {done.encrypted
            ? 'The bundle is sealed with this case’s passphrase: a copy of this case opens it with the same passphrase, and nobody without it can read it.'
            : 'Send it to a colleague with a copy of this case; they take it in with Import changes…. It holds internal fields: send it as you would the case file.'}
        </p>
      </Dialog>
    );
  }

  return (
    <Dialog
      open
      title="Export changes"
      onClose={onClose}
      className="team-dialog"
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>Cancel</button>
          <button type="submit" form={formId} className="button button--primary" disabled={busy}>{busy ? 'Exporting…' : 'Export'}</button>
        </>
      }
    >
      <form id={formId} className="form" onSubmit={(e) => void submit(e)} noValidate>
        <p>The changes made in this copy, as a file a colleague with a copy of the same case can import. Changes they already have are skipped when they import it.</p>
        <Field label="Save the changes as" hint={pickTarget ? 'A file name in the case folder, or use Choose… to pick another place.' : 'A file name in the case folder.'} error={targetError}>
          {(ids) => (
            <div className="input-row">
              <PathInput {...ids} value={target} onValue={(v) => { setTarget(v); setTargetError(null); }} />
              {pickTarget && <button type="button" className="button" onClick={() => void choose()}>Choose…</button>}
            </div>
          )}
        </Field>
        <Field label="Only changes made on or after" hint="Leave empty for all changes. A colleague can import a partial bundle only if they have the changes before it." error={sinceError}>
          {(ids) => (
            <input
              {...ids}
              {...DATE_RANGE}
              className="input team-dialog__date"
              type="date"
              value={since}
              onChange={(e) => { setSince(e.target.value); setSinceError(refusalOf(e.currentTarget)); }}
              onBlur={(e) => setSinceError(refusalOf(e.currentTarget))}
            />
          )}
        </Field>
        {error && <p className="notice notice--error" role="alert">{error}</p>}
      </form>
    </Dialog>
  );
}
