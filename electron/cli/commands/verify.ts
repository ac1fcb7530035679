import type { CertificateComparison, CertifiedState, CustodyCertificate, VerifyReport } from '../../../shared/api-types.js';
import { CertificateSchema } from '../../../shared/contract.js';
import { comparisonRows, comparisonVerdict } from '../../../shared/custody.js';
import { defineCommand, type CommandContext } from '../command.js';
import { CliError, EXIT, UsageError } from '../errors.js';
import { columns, count, oneLine } from '../output.js';
import { readUserFile } from './files.js';

export default defineCommand({
  name: 'verify',
  summary: 'Check a case file: database integrity, references between records, deadline triggers, and the audit chain',
  description: [
    'The file is opened read-only, so a damaged file can be checked too. Each problem is printed on its own line.',
    'Exit status: 0 when every check passes, 1 when problems were found, 3 when the file cannot be opened at all.',
    'With --certificate it prints the file\'s custody certificate instead: the SHA-256 of its bytes, the head of its audit chain, its record counts and the time. A receiver compares it with the one the sender made (export for transfer writes it beside the file) to show the file is the one sent, unaltered. A file with committed changes still beside it (a -wal file: another program has it open, or it was not closed cleanly) is not certified, exit status 3: its bytes are not the whole case.',
    'With --against CERTIFICATE.json it compares the file with a certificate made of it earlier (by --certificate --json, or the one export for transfer writes) and says what holds: the same bytes (the very file certified); or the history certified still the start of the file\'s, so that changes were only added after it (a faithful continuation); or not (history from before the certificate was rewritten or removed: tampering, or a different file). It also says whether the case is the same, and the counts then and now. Exit status: 0 for the file certified or a faithful continuation, 1 when the history certified was altered or the certificate is of another case, 3 when the file or the certificate cannot be read (or the file has committed changes still beside it, as for --certificate).',
    'Why a certificate: the audit chain shows edits by anyone who does not recompute it, but someone with write access who rewrites an entry and recomputes every hash after it leaves a chain that verify passes. A certificate kept elsewhere (sent to the other side, say) names the hash of the newest entry then, which no rewrite of the entries before it can keep.',
  ],
  args: ['FILE'],
  options: {
    certificate: { type: 'boolean', help: 'print the custody certificate (SHA-256, audit head, record counts, time)' },
    against: { type: 'string', value: 'CERTIFICATE', help: 'compare the file with a certificate made of it earlier (a JSON file, or - for standard input)' },
  },
  library: 'throwaway',
  run(ctx, [file], { certificate, against }) {
    if (certificate && against !== undefined) throw new UsageError('--certificate and --against cannot be used together', 'verify');
    if (against !== undefined) return compare(ctx, file!, readCertificate(ctx, against));
    if (certificate) {
      // Refused when the bytes are not the whole case (pending_changes): it cannot be certified as it stands.
      const cert = ctx.readCase(file!, (info) => ctx.call('case.certificate', { caseId: info.caseId }, EXIT.cannotOpen));
      ctx.out.result(cert, certificateLines);
      return EXIT.ok;
    }
    const { path, report } = ctx.readCase(file!, (info) => {
      try {
        return { path: info.path, report: ctx.call('case.verify', { caseId: info.caseId }) };
      } catch (err) {
        // The file opened but could not be read to the end: that is what verify is there to find.
        throw new CliError(`${info.path} could not be verified to the end, so treat it as damaged: ${(err as Error).message}`, EXIT.failed);
      }
    });
    ctx.out.result({ path, ...report }, () => reportLines(path, report));
    return report.ok ? EXIT.ok : EXIT.failed;
  },
});

/** Reads and checks a certificate before the case file is opened: one that is not a certificate is exit status 3. */
function readCertificate(ctx: CommandContext, source: string): CertifiedState {
  const name = source === '-' ? 'standard input' : source;
  let value: unknown;
  try {
    value = JSON.parse(readUserFile(source, ctx.io.readStdin));
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`${name} is not a custody certificate (it is not JSON: ${(err as Error).message})`, EXIT.cannotOpen);
  }
  const parsed = CertificateSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CliError(`${name} is not a custody certificate (${issue.path.map(String).join('.') || 'the whole'}: ${issue.message})`, EXIT.cannotOpen);
  }
  return parsed.data;
}

function compare(ctx: CommandContext, file: string, certified: CertifiedState) {
  const comparison = ctx.readCase(file, (info) => ctx.call('case.verifyAgainst', { caseId: info.caseId, certificate: certified }, EXIT.cannotOpen));
  ctx.out.result(comparison, comparisonLines);
  return comparison.verdict === 'same_file' || comparison.verdict === 'continued' ? EXIT.ok : EXIT.failed;
}

function comparisonLines(c: CertificateComparison): string[] {
  const problems = c.report.ok ? [] : ['verify', ...problemsOf(c.report).map((p) => `  ${p}`)];
  return [`Comparing ${oneLine(c.now.path)} with its certificate`, ...columns(comparisonRows(c), '  '), ...problems.map((p) => `  ${p}`), comparisonVerdict(c)];
}

const integrityOk = (report: VerifyReport) => report.integrity.length === 1 && report.integrity[0] === 'ok';

/** Every problem the report holds, as one line each. */
function problemsOf(report: VerifyReport): string[] {
  const integrity = integrityOk(report) ? [] : report.integrity.map((line) => `integrity: ${oneLine(line)}`);
  const foreignKeys = report.foreignKeys.map((fk) => `reference: row ${fk.rowid} of ${oneLine(fk.table)} points at a missing ${oneLine(fk.parent)} record`);
  const links = report.links.map((p) => `reference: link ${oneLine(p.ids.join(', '))}: ${oneLine(p.message)}`);
  const cycles = report.triggerCycles.map((p) => `deadline triggers: ${oneLine(p.message)}`);
  const chain = report.auditChain.problems.map((p) => `audit trail: ${oneLine(p.message)}`);
  return [...integrity, ...foreignKeys, ...links, ...cycles, ...chain];
}

function reportLines(path: string, report: VerifyReport): string[] {
  const problems = problemsOf(report);
  const status = (failed: boolean) => (failed ? 'PROBLEMS' : 'ok');
  return [
    `Verifying ${path}`,
    ...columns([
      ['integrity', status(!integrityOk(report))],
      ['references', status(report.foreignKeys.length > 0 || report.links.length > 0)],
      ['deadline triggers', status(report.triggerCycles.length > 0)],
      ['audit trail', `${count(report.auditChain.entries, 'entry', 'entries')}, ${status(report.auditChain.problems.length > 0)}`],
    ], '  '),
    ...problems.map((p) => `  ${p}`),
    report.ok ? 'Every check passed.' : `${count(problems.length, 'problem')} found.`,
  ];
}

function certificateLines(cert: CustodyCertificate): string[] {
  const counts = Object.entries(cert.recordCounts).filter(([, n]) => n > 0).map(([kind, n]) => [`  ${kind}`, String(n)]);
  return [
    `Custody certificate of ${cert.path}`,
    ...columns([
      ['file', cert.fileName],
      ['sha256', cert.sha256],
      ['audit head', cert.auditHead || '(no entries)'],
      ['audit entries', String(cert.auditEntries)],
      ['schema version', String(cert.schemaVersion)],
      ['encrypted', cert.encrypted ? 'yes' : 'no'],
      ['issued at', cert.issuedAt],
      ['records', ''],
      ...counts,
    ], '  '),
  ];
}
