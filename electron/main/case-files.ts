// File operations the menus run without the renderer: a consistent copy of an open case file, and JSON export and
// import. Each answers with the core's envelope, so the menu reports problems in the same words as the app.
import fs from 'node:fs';
import path from 'node:path';
import { dispatch } from '../core/api/dispatcher.js';
import { closeCaseDatabase, openCaseDatabase } from '../core/db/connection.js';
import { ParleyError, toParleyError } from '../core/errors.js';
import { fsyncDir, fsyncFile, removeTemp, tempPathBeside, writeFileAtomic } from '../core/files.js';
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

/**
 * Writes a consistent copy of an open case file to `target` (Save a Copy As). The copy is made with VACUUM INTO
 * under a temporary name beside the target, reopened and required to pass integrity_check, and only then renamed
 * over the target, so a failure never leaves a half-written file under the chosen name. A file the session has
 * open is never replaced: renaming over a live database would corrupt it. Nor is a file with a WAL or journal
 * beside it: another program has it open (and would go on writing to the replaced file, losing its changes), or a
 * crash left changes there; the user chooses another name or closes it first.
 */
export function saveCaseCopy(session: Session, caseId: string, target: string): Envelope<{ path: string }> {
  const file = path.resolve(target);
  const temp = tempPathBeside(file, 'copy');
  try {
    const source = session.get(caseId);
    if (session.byPath(file)) return refuse(`${path.basename(file)} is open in Parley; choose another name for the copy.`);
    const journal = ['-wal', '-shm', '-journal'].map((s) => file + s).find((f) => fs.existsSync(f));
    if (journal) {
      return refuse(`${path.basename(file)} is open in another program, or was not closed cleanly (${path.basename(journal)} is beside it); choose another name for the copy, or close it there first. Nothing was changed.`);
    }
    source.connection.prepare('VACUUM INTO ?').run(temp);
    requireIntact(temp);
    fsyncFile(temp);
    fs.renameSync(temp, file);
    fsyncDir(path.dirname(file));
    return { ok: true, data: { path: file } };
  } catch (err) {
    return failure(err);
  } finally {
    removeTemp(temp);
  }
}

function requireIntact(file: string): void {
  const db = openCaseDatabase(file, { readOnly: true });
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    if (rows.length !== 1 || rows[0]!.integrity_check !== 'ok') {
      throw new ParleyError('io_error', 'The copy failed its integrity check, so it was not saved. Try another disk or folder.');
    }
  } finally {
    closeCaseDatabase(db);
  }
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
