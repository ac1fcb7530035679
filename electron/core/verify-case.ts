// Verify: the integrity of a case file, its foreign keys, the rules between its records, and the audit chain
// against the records as they are stored (and the attachments' bytes against their records).
import type { VerifyProblem, VerifyReport } from '../../shared/api-types.js';
import { KIND_NAMES, type KindName } from '../../shared/records.js';
import { cycleMessage, triggerLoop } from './deadlines/triggers.js';
import { unlessDamaged } from './errors.js';
import { attachmentsNotAsRecorded } from './store/attachment-bytes.js';
import { verifyAuditChain } from './store/audit-trail.js';
import { changeLogProblems } from './store/change-log.js';
import { canonicalJson } from './store/canonical.js';
import { linkEndProblem } from './store/kind-rules.js';
import type { RecordStore } from './store/record-store.js';

export function verifyCase(records: RecordStore, caseId: string): VerifyReport {
  const db = records.connection;
  // On a damaged file (open read-only) any of these reads may fail; the failure is then what the report says.
  const integrity = unlessDamaged(
    () => (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check),
    (message) => [message],
  );
  const foreignKeys = unlessDamaged(
    () => (db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]).map(({ table, rowid, parent }) => ({ table, rowid, parent })),
    () => [],
  );
  // As stored: a record changed outside Parley is reported as differing from its audit trail, not refused.
  const stored = <K extends KindName>(kind: K) => records.list(kind, { includeDeleted: true, orderBy: 'rowid', asStored: true });
  const links = unlessDamaged(
    () => stored('link').flatMap((link): VerifyProblem[] => {
      const problem = linkEndProblem(records, caseId, link, 'stored');
      return problem ? [{ ids: [link.id], message: problem }] : [];
    }),
    (message) => [{ ids: [], message: `The links could not be checked: ${message}` }],
  );
  const triggerCycles = unlessDamaged(
    () => {
      const deadlines = new Map(stored('deadline').map((d) => [d.id, d]));
      const cleared = new Set<string>();
      return [...deadlines.values()].flatMap((d): VerifyProblem[] => {
        const loop = triggerLoop(d, (id) => deadlines.get(id) ?? null, cleared);
        return loop ? [{ ids: loop.map((l) => l.id), message: cycleMessage(loop) }] : [];
      });
    },
    (message) => [{ ids: [], message: `The deadlines' triggers could not be checked: ${message}` }],
  );
  const auditChain = unlessDamaged(
    () => {
      const chain = verifyAuditChain(db, function* () {
        for (const kind of KIND_NAMES) {
          for (const rec of stored(kind)) yield { kind, id: rec.id, canonical: canonicalJson(rec) };
        }
      });
      // An attachment's record holds its bytes' size and SHA-256, and so does its audit entry; the bytes do not.
      for (const id of attachmentsNotAsRecorded(records)) {
        chain.problems.push({ seq: null, message: `attachment ${id} differs from its last audited state: its bytes are not the ones recorded (size and SHA-256), changed outside Parley` });
      }
      chain.problems.push(...changeLogProblems(db));
      return chain;
    },
    (message) => ({ entries: 0, head: '', problems: [{ seq: null, message: `The audit trail could not be checked: ${message}` }] }),
  );
  const ok = integrity.length === 1 && integrity[0] === 'ok' && foreignKeys.length === 0 && links.length === 0 && triggerCycles.length === 0
    && auditChain.problems.length === 0;
  return { ok, integrity, foreignKeys, links, triggerCycles, auditChain };
}
