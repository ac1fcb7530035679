// Custody: showing that a case file is the one that was sent, unaltered. A certificate names the file's exact bytes
// (SHA-256) and, independent of how the file is stored, its case, its history (the audit chain's head) and its
// record counts. A receiver makes one of the file received (`parley verify FILE --certificate`) and compares it with
// the sender's; a certificate kept elsewhere also shows later whether a file still continues the history it
// certified (`parley verify FILE --against CERTIFICATE.json`), which the unkeyed audit chain alone cannot.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CertificateComparison, CertifiedState, CustodyCertificate } from '../../shared/api-types.js';
import { splitAuditHead } from '../../shared/custody.js';
import { CaseFile } from './case-file.js';
import { moveIntoPlace } from './db/connection.js';
import { ParleyError } from './errors.js';
import { fsyncDir, fsyncFile, releaseTemp, removeTemp, tempPathBeside, writeFileAtomic } from './files.js';
import { checkShareableCopy, writeShareableCopy } from './shareable-copy.js';

/** SHA-256 of a file's bytes, read in pieces (a case file can be hundreds of megabytes). */
export function sha256OfFile(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    let n: number;
    while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * The certificate of an open case file: the SHA-256 of its bytes and the case those very bytes hold, read in one
 * snapshot (CaseFile.readAsStored), or refused (pending_changes) while committed changes are still beside the file.
 * (Opening for editing marks the file's header as WAL-mode, so compare certificates of closed files: those from
 * `verify --certificate` and from export for transfer.)
 */
export function certificateOf(cf: CaseFile): CustodyCertificate {
  return cf.readAsStored(() => certificateInSnapshot(cf));
}

/** The certificate, read inside a snapshot that readAsStored opened. */
function certificateInSnapshot(cf: CaseFile): CustodyCertificate {
  const info = cf.info();
  return {
    caseId: info.caseId,
    fileName: path.basename(cf.path),
    path: cf.path,
    sha256: sha256OfFile(cf.path),
    auditHead: info.auditHead,
    auditEntries: info.auditEntries,
    recordCounts: { ...info.counts } as Record<string, number>,
    schemaVersion: info.schemaVersion,
    encrypted: info.encrypted,
    issuedAt: new Date().toISOString(),
  };
}

/**
 * Compares an open case file with a certificate made of it earlier. The audit chain is unkeyed: someone with
 * write access who rewrites an entry and recomputes every hash after it leaves a chain that verifies. What they
 * cannot do is keep the hash of the entry a certificate kept elsewhere names: every hash depends on all the
 * entries before it. So the file continues the certified case only if its entry at the certified sequence number
 * still has the certified hash and the file passes verify (each entry's hash is its content's and links to the one
 * before; each record is the state its last entry recorded), which together mean every entry up to there is the
 * one certified.
 */
export function compareWithCertificate(cf: CaseFile, certified: CertifiedState): CertificateComparison {
  return cf.readAsStored(() => {
    const now = certificateInSnapshot(cf);
    const report = cf.verify();
    const [seq, hash] = splitAuditHead(certified.auditHead);
    const certifiedEntryNow = seq === 0 ? null : cf.auditHashAt(seq);
    const sameCase = certified.caseId === undefined ? null : certified.caseId === now.caseId;
    const sameBytes = certified.sha256 === now.sha256;
    const historyKept = report.ok && (seq === 0 || certifiedEntryNow === hash);
    const verdict: CertificateComparison['verdict'] =
      sameCase === false ? 'other_case' : sameBytes ? 'same_file' : historyKept ? 'continued' : 'history_altered';
    return { verdict, certified, now, sameBytes, sameCase, certifiedEntryNow, entriesAdded: Math.max(0, now.auditEntries - seq), report };
  });
}

export function certificatePathFor(file: string): string {
  return `${file}.certificate.json`;
}

/**
 * Export for transfer: an encrypted, consistent copy of an open case at `target` (which must not exist), checked
 * in full (integrity, references, audit chain, the same history and counts as the case), with its certificate
 * written beside it as <target>.certificate.json. The certificate's SHA-256 is of the encrypted copy, as sent.
 * A shareable copy (`shareable`) is instead a new case holding only what may leave the team (shareable-copy.ts),
 * checked to read back as written; its certificate is of that new case.
 */
export function exportForTransfer(cf: CaseFile, target: string, passphrase: string, opts: { shareable?: boolean; actor?: string } = {}): { path: string; certificate: CustodyCertificate } {
  const abs = path.resolve(target);
  const certificateFile = certificatePathFor(abs);
  for (const f of [abs, certificateFile]) {
    if (fs.existsSync(f)) throw new ParleyError('already_exists', `${f} already exists; Parley will not overwrite it.`);
  }
  const dir = path.dirname(abs);
  if (!fs.existsSync(dir)) throw new ParleyError('not_found', `The folder ${dir} does not exist.`);
  const temp = tempPathBeside(abs, 'transfer');
  try {
    let certificate: CustodyCertificate;
    if (opts.shareable) {
      const written = writeShareableCopy(cf, temp, passphrase, opts.actor ?? 'Parley');
      checkShareableCopy(temp, passphrase, written);
      certificate = certificateOfClosed(temp, passphrase);
    } else {
      cf.copyTo(temp, passphrase);
      certificate = checkedCertificate(cf, temp, passphrase);
    }
    fsyncFile(temp);
    moveIntoPlace(temp, abs);
    releaseTemp(temp);
    fsyncDir(dir);
    const issued = { ...certificate, fileName: path.basename(abs), path: abs };
    writeFileAtomic(certificateFile, JSON.stringify(issued, null, 2) + '\n');
    return { path: abs, certificate: issued };
  } catch (err) {
    removeTemp(temp);
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new ParleyError('already_exists', `${abs} already exists; Parley will not overwrite it.`);
    throw err;
  }
}

/** The certificate of a closed case file, opened read-only. */
function certificateOfClosed(file: string, passphrase: string): CustodyCertificate {
  const made = CaseFile.open(file, { readOnly: true, passphrase });
  try {
    return certificateOf(made);
  } finally {
    made.close();
  }
}

/** Opens the copy as the receiver will and requires it to hold exactly the case; returns its certificate. */
function checkedCertificate(cf: CaseFile, copy: string, passphrase: string): CustodyCertificate {
  const original = cf.info();
  const made = CaseFile.open(copy, { readOnly: true, passphrase });
  try {
    const report = made.verify();
    const info = made.info();
    if (!report.ok || info.auditHead !== original.auditHead || JSON.stringify(info.counts) !== JSON.stringify(original.counts)) {
      throw new ParleyError('io_error', 'The copy for transfer did not read back the same as the case; nothing was exported.');
    }
    return certificateOf(made);
  } finally {
    made.close();
  }
}
