import type { CustodyCertificate, VerifyReport } from '../../../shared/api-types.js';
import { defineCommand } from '../command.js';
import { CliError, EXIT } from '../errors.js';
import { columns, count, oneLine } from '../output.js';

export default defineCommand({
  name: 'verify',
  summary: 'Check a case file: database integrity, references between records, deadline triggers, and the audit chain',
  description: [
    'The file is opened read-only, so a damaged file can be checked too. Each problem is printed on its own line.',
    'Exit status: 0 when every check passes, 1 when problems were found, 3 when the file cannot be opened at all.',
    'With --certificate it prints the file\'s custody certificate instead: the SHA-256 of its bytes, the head of its audit chain, its record counts and the time. A receiver compares it with the one the sender made (export for transfer writes it beside the file) to show the file is the one sent, unaltered.',
  ],
  args: ['FILE'],
  options: {
    certificate: { type: 'boolean', help: 'print the custody certificate (SHA-256, audit head, record counts, time)' },
  },
  library: 'throwaway',
  run(ctx, [file], { certificate }) {
    if (certificate) {
      const cert = ctx.readCase(file!, (info) => ctx.call('case.certificate', { caseId: info.caseId }));
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
