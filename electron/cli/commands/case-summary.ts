// How a case file's CaseInfo reads in a terminal; shared by the commands that make or describe a case file.
import type { CaseInfo } from '../../../shared/api-types.js';
import { KINDS, KIND_NAMES } from '../../../shared/records.js';
import { columns, count, oneLine } from '../output.js';

/** Title, status, ids and the audit trail's head. */
export function caseSummaryLines(info: CaseInfo): string[] {
  return [
    oneLine(info.title),
    ...columns([
      ['File', info.path + (info.readOnly ? ' (opened read-only)' : '')],
      ['Status', info.status.replaceAll('_', ' ')],
      ['Case id', info.caseId],
      ['Schema version', String(info.schemaVersion)],
      ['Encrypted', info.encrypted ? 'yes' : 'no'],
      ['Created', info.createdAt],
      ['Audit trail', `${count(info.auditEntries, 'entry', 'entries')}, head ${info.auditHead || '(none)'}`],
    ], '  '),
  ];
}

/** The live records of each kind the file holds, in the registry's order; kinds with none are left out. */
export function recordCountLines(info: CaseInfo): string[] {
  const rows = KIND_NAMES.filter((kind) => kind !== 'directive' && (info.counts[kind] ?? 0) > 0).map((kind) => [KINDS[kind].plural, String(info.counts[kind])]);
  return rows.length ? ['Records', ...columns(rows, '  ')] : ['Records: none besides the directive'];
}
