// A custody comparison (case.verifyAgainst) in words, the same on the command line and in the app: one sentence
// for the answer, and a row for each thing compared. Every value shown comes from the file or from a certificate
// that passed CertificateSchema (ids, hex digests, counts), so nothing here needs cleaning for a terminal.
import type { CertificateComparison } from './api-types.js';

const entries = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`;

/** An audit head "seq:hash" as its parts; an empty head (no entries) is [0, '']. */
export function splitAuditHead(head: string): [seq: number, hash: string] {
  const [seq = '0', hash = ''] = head ? head.split(':') : [];
  return [Number(seq), hash];
}

/** What the comparison found, in one sentence. */
export function comparisonVerdict(c: CertificateComparison): string {
  switch (c.verdict) {
    case 'same_file':
      return 'The file is exactly the one certified: the same bytes.';
    case 'continued':
      return c.entriesAdded > 0
        ? `A faithful continuation of the file certified: its history is unchanged, and ${entries(c.entriesAdded)} ${c.entriesAdded === 1 ? 'was' : 'were'} added after it.`
        : 'The same history as the file certified, nothing added after it; the bytes differ because the file was stored anew (opened for editing, re-keyed or copied).';
    case 'history_altered':
      return c.report.ok
        ? 'The history certified was altered: entries from before the certificate were rewritten or removed (the file was tampered with, or it is a different file).'
        : 'The file does not pass verify, so it cannot show that the history certified is unchanged.';
    case 'other_case':
      return 'The certificate is of another case: there is nothing to compare.';
  }
}

/** How the history certified stands in the file now. */
function historyRow(c: CertificateComparison): string {
  const [seq, hash] = splitAuditHead(c.certified.auditHead);
  if (seq === 0) return 'the certificate names no audit entries';
  if (c.certifiedEntryNow === null) return `cut: the certificate names entry ${seq}, the file has only ${entries(c.now.auditEntries)}`;
  if (c.certifiedEntryNow !== hash) return `rewritten: entry ${seq} now has the hash ${c.certifiedEntryNow}, the certificate says ${hash}`;
  const kept = `entry ${seq} still has the certified hash`;
  if (!c.report.ok) return `${kept}, but the file does not pass verify, so that does not vouch for the entries before it`;
  const unchanged = seq === 1 ? 'the one entry certified is unchanged' : `the ${seq} entries certified are unchanged`;
  return `${unchanged}; ${c.entriesAdded ? `${entries(c.entriesAdded)} added after` : 'none added after'}`;
}

/** Each kind counted then or now, as "kind then → now". */
function countsRow(c: CertificateComparison): string {
  const count = (counts: Record<string, number>, kind: string) => (Object.hasOwn(counts, kind) ? counts[kind]! : 0);
  const then = c.certified.recordCounts;
  const now = c.now.recordCounts;
  const kinds = [...new Set([...Object.keys(then), ...Object.keys(now)])].filter((k) => count(then, k) > 0 || count(now, k) > 0);
  return kinds.map((k) => `${k} ${count(then, k)} → ${count(now, k)}`).join(', ');
}

/** Label and text for each thing compared: case, bytes, history, audit heads, entries and records then and now. */
export function comparisonRows(c: CertificateComparison): [label: string, text: string][] {
  const caseRow = c.sameCase === null
    ? `not named by the certificate (made before certificates named it); the file is case ${c.now.caseId}`
    : c.sameCase ? `the same (${c.now.caseId})` : `another: the certificate is of case ${c.certified.caseId}, the file is case ${c.now.caseId}`;
  // Bytes, history and counts of another case say nothing about this one.
  if (c.verdict === 'other_case') return [['case', caseRow], ['certified at', c.certified.issuedAt]];
  return [
    ['case', caseRow],
    ['bytes', c.sameBytes ? `the same (SHA-256 ${c.now.sha256})` : `different (SHA-256 certified ${c.certified.sha256}, now ${c.now.sha256})`],
    ['history', historyRow(c)],
    ['audit head', `certified ${c.certified.auditHead || '(none)'}, now ${c.now.auditHead || '(none)'}`],
    ['audit entries', `certified ${c.certified.auditEntries}, now ${c.now.auditEntries}`],
    ['records', countsRow(c)],
    ['certified at', c.certified.issuedAt],
  ];
}
