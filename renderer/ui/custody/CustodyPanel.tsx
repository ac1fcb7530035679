// Custody on the case overview: the certificate a receiver compares with the sender's (SHA-256 of the file, the
// audit chain's head, the record counts, the time), with a Copy button; and "Export for transfer", which writes an
// encrypted copy with its certificate beside it.
import { useState } from 'react';
import type { CustodyCertificate } from '../../../shared/api-types.js';
import { messageOf } from '../../api/client.js';
import { resolveTypedPath } from '../../platform/platform.js';
import { api, platform } from '../../services.js';
import { formatInstant } from '../dates.js';
import { Dialog } from '../Dialog.js';
import { humanize } from '../labels.js';
import { NewPassphraseFields, newPassphraseProblem, type NewPassphrase } from '../passphrase/NewPassphraseFields.js';
import './custody.css';

/** The certificate as plain text, as it is copied: one "name: value" a line. */
export function certificateText(c: CustodyCertificate): string {
  const counts = Object.entries(c.recordCounts).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ');
  return [
    `File: ${c.fileName}`,
    `SHA-256: ${c.sha256}`,
    `Audit head: ${c.auditHead || '(none)'}`,
    `Audit entries: ${c.auditEntries}`,
    `Records: ${counts}`,
    `Schema version: ${c.schemaVersion}`,
    `Encrypted: ${c.encrypted ? 'yes' : 'no'}`,
    `Issued: ${c.issuedAt}`,
  ].join('\n');
}

export function CertificateView({ certificate }: { certificate: CustodyCertificate }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(certificateText(certificate));
      setCopied('Copied.');
    } catch {
      setCopied('Could not copy: select the text and copy it.');
    }
  };
  const counts = Object.entries(certificate.recordCounts).filter(([, n]) => n > 0);
  return (
    <div className="certificate">
      <dl className="certificate__list">
        <dt>File</dt>
        <dd>{certificate.fileName}</dd>
        <dt>SHA-256</dt>
        <dd className="certificate__hash">{certificate.sha256}</dd>
        <dt>Audit head</dt>
        <dd className="certificate__hash">{certificate.auditHead || '(none)'}</dd>
        <dt>Audit entries</dt>
        <dd>{certificate.auditEntries}</dd>
        <dt>Records</dt>
        <dd>{counts.map(([k, n]) => `${humanize(k)} ${n}`).join(', ')}</dd>
        <dt>Encrypted</dt>
        <dd>{certificate.encrypted ? 'Yes' : 'No'}</dd>
        <dt>Issued</dt>
        <dd>
          <time dateTime={certificate.issuedAt}>{formatInstant(certificate.issuedAt)}</time>
        </dd>
      </dl>
      <button type="button" className="button button--small" onClick={() => void copy()}>
        Copy certificate
      </button>{' '}
      <span role="status">{copied}</span>
    </div>
  );
}

export function CustodyPanel({ caseId, fileName }: { caseId: string; fileName: string }) {
  const [certificate, setCertificate] = useState<CustodyCertificate | null>(null);
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const show = async () => {
    setError(null);
    try {
      setCertificate(await api().call('case.certificate', { caseId }));
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <section className="panel custody" aria-labelledby="custody-heading">
      <h2 id="custody-heading">Custody</h2>
      <p className="muted">Show that a file is the one sent, unaltered: compare its certificate with the sender’s.</p>
      <div className="custody__actions">
        <button type="button" className="button button--small" onClick={() => void show()}>
          Show certificate
        </button>
        <button type="button" className="button button--small" onClick={() => setExporting(true)}>
          Export for transfer…
        </button>
      </div>
      {error && <p className="field__error" role="alert">{error}</p>}
      {certificate && (
        <Dialog open title="Custody certificate" onClose={() => setCertificate(null)}>
          <CertificateView certificate={certificate} />
          <p className="muted custody__note">
            A case open for editing changes as you work: compare certificates of files as sent (closed, or opened for review).
          </p>
        </Dialog>
      )}
      {exporting && <ExportForTransferDialog caseId={caseId} fileName={fileName} onClose={() => setExporting(false)} />}
    </section>
  );
}

function ExportForTransferDialog({ caseId, fileName, onClose }: { caseId: string; fileName: string; onClose(): void }) {
  const suggested = fileName.replace(/\.parley$/, '') + '-for-transfer.parley';
  const [target, setTarget] = useState(suggested);
  const [passphrase, setPassphrase] = useState<NewPassphrase>({ first: '', second: '' });
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ path: string; certificate: CustodyCertificate } | null>(null);

  const choose = async () => {
    const chosen = await platform().pickNewCaseFile?.(suggested);
    if (chosen) setTarget(chosen);
  };
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (newPassphraseProblem(passphrase) || !target.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const path = resolveTypedPath(target, await platform().caseFolder());
      setDone(await api().call('case.exportForTransfer', { caseId, path, passphrase: passphrase.first }));
      setPassphrase({ first: '', second: '' }); // not kept once used
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <Dialog open title="Exported for transfer" onClose={onClose}>
        <p>
          The encrypted copy is at <bdi className="custody__path">{done.path}</bdi>, with its certificate beside it (<bdi>{done.path}.certificate.json</bdi>).
          Send the passphrase by another way than the file.
        </p>
        <CertificateView certificate={done.certificate} />
      </Dialog>
    );
  }
  return (
    <Dialog
      open
      title="Export for transfer"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>Cancel</button>
          <button type="submit" form="export-for-transfer" className="button button--primary" disabled={busy}>Export</button>
        </>
      }
    >
      <form id="export-for-transfer" className="custody__form" onSubmit={(e) => void submit(e)} noValidate>
        <p>An encrypted copy of this case, checked in full, with a certificate the receiver can compare.</p>
        <label htmlFor="transfer-target" className="field__label">Save the copy as</label>
        <div className="input-row">
          <input id="transfer-target" className="input" value={target} spellCheck={false} onChange={(e) => setTarget(e.target.value)} />
          {platform().pickNewCaseFile && <button type="button" className="button" onClick={() => void choose()}>Choose…</button>}
        </div>
        <NewPassphraseFields value={passphrase} onChange={setPassphrase} showProblem={tried} />
        {error && <p className="notice notice--error" role="alert">{error}</p>}
      </form>
    </Dialog>
  );
}
