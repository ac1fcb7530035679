// Custody on the case overview: the certificate a receiver compares with the sender's (SHA-256 of the file, the
// case, the audit chain's head, the record counts, the time), with a Copy button; "Compare with a certificate",
// which says whether the file is one certified earlier or a faithful continuation of it; and "Export for transfer",
// which writes an encrypted copy with its certificate beside it.
import { useState } from 'react';
import type { CertificateComparison, CustodyCertificate } from '../../../shared/api-types.js';
import { comparisonRows, comparisonVerdict } from '../../../shared/custody.js';
import { messageOf } from '../../api/client.js';
import { resolveNewCasePath } from '../../platform/platform.js';
import { api, platform } from '../../services.js';
import { formatInstant } from '../dates.js';
import { Dialog } from '../Dialog.js';
import { humanize } from '../labels.js';
import { NewPassphraseFields, newPassphraseProblem, type NewPassphrase } from '../passphrase/NewPassphraseFields.js';
import './custody.css';
import { PathInput } from '../PathInput.js';

/** The certificate as plain text, as it is copied: one "name: value" a line. */
export function certificateText(c: CustodyCertificate): string {
  const counts = Object.entries(c.recordCounts).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ');
  return [
    `File: ${c.fileName}`,
    `Case: ${c.caseId}`,
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
        <dt>Case</dt>
        <dd className="certificate__hash">{certificate.caseId}</dd>
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
  const [comparing, setComparing] = useState(false);
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
        <button type="button" className="button button--small" onClick={() => setComparing(true)}>
          Compare with a certificate…
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
      {comparing && <CompareDialog caseId={caseId} onClose={() => setComparing(false)} />}
      {exporting && <ExportForTransferDialog caseId={caseId} fileName={fileName} onClose={() => setExporting(false)} />}
    </section>
  );
}

/**
 * Compares the case with a certificate made of it earlier, chosen as a file (the JSON that `verify --certificate
 * --json` or export for transfer wrote). The core checks its form; a file that is not JSON is said so here.
 */
function CompareDialog({ caseId, onClose }: { caseId: string; onClose(): void }) {
  const [comparison, setComparison] = useState<CertificateComparison | null>(null);
  const [error, setError] = useState<string | null>(null);
  const choose = async (file: File | undefined) => {
    setComparison(null);
    setError(null);
    if (!file) return;
    let certificate: unknown;
    try {
      certificate = JSON.parse(await file.text());
    } catch {
      setError(`${file.name} is not a custody certificate (it is not JSON).`);
      return;
    }
    try {
      setComparison(await api().call('case.verifyAgainst', { caseId, certificate: certificate as CustodyCertificate }));
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const holds = comparison?.verdict === 'same_file' || comparison?.verdict === 'continued';
  return (
    <Dialog open title="Compare with a certificate" onClose={onClose}>
      <p>Choose a certificate made of this case earlier, kept apart from the file: it shows whether the history it certified is unchanged.</p>
      <div className="custody__form">
        <label htmlFor="certificate-file" className="field__label">Certificate file</label>
        <input id="certificate-file" type="file" accept=".json,application/json" onChange={(e) => void choose(e.target.files?.[0])} />
      </div>
      {error && <p className="notice notice--error" role="alert">{error}</p>}
      {comparison && (
        <>
          <p className={holds ? 'notice' : 'notice notice--error'} role="status">{comparisonVerdict(comparison)}</p>
          <dl className="certificate__list custody__comparison">
            {comparisonRows(comparison).map(([label, text]) => (
              <div key={label} className="certificate__row">
                <dt>{label.charAt(0).toUpperCase() + label.slice(1)}</dt>
                <dd>{text}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </Dialog>
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
      const path = resolveNewCasePath(target, await platform().caseFolder());
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
          <PathInput id="transfer-target" value={target} onValue={setTarget} />
          {platform().pickNewCaseFile && <button type="button" className="button" onClick={() => void choose()}>Choose…</button>}
        </div>
        <NewPassphraseFields value={passphrase} onChange={setPassphrase} showProblem={tried} />
        {error && <p className="notice notice--error" role="alert">{error}</p>}
      </form>
    </Dialog>
  );
}
