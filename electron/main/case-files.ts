// File operations the menus run without the renderer: a checked copy of an open case file, and JSON export and
// import. Each is an operation of the core, called through the dispatcher, and answers with its envelope, so the menu
// reports problems in the same words as the app.
import fs from 'node:fs';
import path from 'node:path';
import { dispatch } from '../core/api/dispatcher.js';
import { toParleyError } from '../core/errors.js';
import { writeFileAtomic } from '../core/files.js';
import type { Session } from '../core/session.js';
import type { CaseInfo } from '../../shared/api-types.js';
import type { Envelope } from '../../shared/result.js';

/** Larger exports are refused before they are read: the whole file becomes one string, and V8 caps those near 512 MB. */
export const MAX_IMPORT_BYTES = 500 * 1024 * 1024;

function failure(err: unknown): Envelope<never> {
  const error = toParleyError(err);
  if (error.code === 'internal') console.error('[parley] file operation failed:', err);
  return { ok: false, error: error.toApiError() };
}

function refuse(message: string): Envelope<never> {
  return { ok: false, error: { code: 'invalid_input', message } };
}

/** Save a Copy As: the core's checked copy of the open case (case.saveCopy, case-copy.ts), at the place the user chose. */
export function saveCaseCopy(session: Session, caseId: string, target: string): Envelope<{ path: string }> {
  return dispatch(session, 'case.saveCopy', { caseId, path: target });
}

/** Writes the case's JSON export (case.export, attachments included) to `target`. */
export function exportCaseToFile(session: Session, caseId: string, target: string): Envelope<{ path: string }> {
  const exported = dispatch(session, 'case.export', { caseId, includeAttachments: true });
  if (!exported.ok) return exported;
  try {
    writeFileAtomic(path.resolve(target), JSON.stringify(exported.data));
    return { ok: true, data: { path: path.resolve(target) } };
  } catch (err) {
    return failure(err);
  }
}

/** Reads a JSON export and makes a new case file of it at `target` (case.import validates the data). */
export function importCaseFromFile(session: Session, source: string, target: string): Envelope<CaseInfo> {
  let data: unknown;
  try {
    if (fs.statSync(source).size > MAX_IMPORT_BYTES) {
      return refuse(`${path.basename(source)} is larger than Parley's import limit of 500 MB.`);
    }
    data = JSON.parse(fs.readFileSync(source, 'utf8'));
  } catch (err) {
    if (err instanceof SyntaxError) return refuse(`${path.basename(source)} is not a Parley export (it is not JSON).`);
    return failure(err);
  }
  // The export's shape is the contract's to check: the dispatcher validates `data` against CaseExportSchema.
  return dispatch(session, 'case.import' as string, { path: target, data }) as Envelope<CaseInfo>;
}
