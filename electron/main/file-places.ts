// Where the renderer may have Parley write a file. A few operations write at a path the caller names: a new case file
// (case.create, case.import, case.exportForTransfer, with its certificate beside it), a copy that may replace a file
// there (case.saveCopy), a case file rewritten in place (case.encrypt, case.rekey, case.decrypt), or a bundle of
// changes (changes.export, a new file whose name ends in .parley-changes). A renderer that went wrong, or a hostile page in it, must not be
// able to have Parley write ~/.bash_profile, so the desktop IPC and the browser harness take such a path only if it
// is one the user chose:
//
//   - the exact path a save dialog of the main process answered (the desktop app only), once, within
//     GRANT_LIFETIME_MS of the answer;
//   - or a path in the app's cases folder (DATA/cases, where new cases go by default), also once symbolic links are
//     resolved; a copy that would replace a file there needs the save dialog, where the user agreed to replace it;
//   - and, for a new file, a name ending in .parley (.parley-changes for a bundle of changes).
//
// A case file rewritten in place may also be one the library lists (a file the user opened). Anything else is refused
// before the core runs, with a sentence saying where files may go. The core itself does not check this: the command
// line writes wherever its user names.
import fs from 'node:fs';
import path from 'node:path';
import type { OpName } from '../../shared/contract.js';
import type { ApiError, Envelope } from '../../shared/result.js';
import { CASE_FILE_EXTENSION } from '../core/db/connection.js';
import { BUNDLE_EXTENSION } from '../core/merge/bundle.js';
import type { CaseFolderListing } from '../../shared/case-folder-listing.js';
import { isInside } from './app-protocol.js';

export const CASES_SUBFOLDER = 'cases';
/** How long a save dialog's answer may be used for: enough to fill in the rest of the form it was chosen for. */
export const GRANT_LIFETIME_MS = 15 * 60 * 1000;

/** The operations that write at the path in their input's `path`, and how. */
export const FILE_WRITING_OPERATIONS = {
  'case.create': 'new',
  'case.import': 'new',
  'case.exportForTransfer': 'new',
  'case.saveCopy': 'replace',
  'case.encrypt': 'rewrite',
  'case.rekey': 'rewrite',
  'case.decrypt': 'rewrite',
  'changes.export': 'bundle',
} as const satisfies Partial<Record<OpName, 'new' | 'replace' | 'rewrite' | 'bundle'>>;

/**
 * The operations whose `path` names a file only read, or an entry of the library: an existing case file is opened
 * (the core refuses anything that is not one before writing a byte; see docs/SECURITY.md), or forgotten, archived,
 * renamed or duplicated (the core acts only on a file the library lists, and writes only beside it, under a bare
 * file name); a bundle of
 * changes is read and checked before anything of it is written to the open case (changes.import).
 */
export const PATH_READING_OPERATIONS: readonly OpName[] = ['case.open', 'case.openForReview', 'library.forget', 'library.archive', 'library.rename', 'library.duplicate', 'changes.import'];

export interface FilePlacesOptions {
  /** The data folder; new case files go to its cases/ subfolder. */
  dataDir: string;
  /** The case files the library lists: files the user has opened, which may be rewritten in place. */
  knownCaseFiles(): readonly string[];
  /** Whether save dialogs exist to choose another place (the desktop app), for the refusal's wording. */
  hasSaveDialog: boolean;
  now?: () => number;
}

/** What a call may do: go on (and say afterwards how it went), or be answered with the refusal. */
export type Admission = { ok: true; settle(result: Envelope<unknown>): void } | { ok: false; refusal: Envelope<never> };

const ADMITTED: Admission = { ok: true, settle: () => {} };

export class FilePlaces {
  readonly casesDir: string;
  /** Save dialogs' answers not used yet, by absolute path: when each stops counting. */
  private readonly grants = new Map<string, number>();
  private readonly now: () => number;

  constructor(private readonly options: FilePlacesOptions) {
    this.casesDir = path.join(path.resolve(options.dataDir), CASES_SUBFOLDER);
    fs.mkdirSync(this.casesDir, { recursive: true });
    this.now = options.now ?? Date.now;
  }

  /** Remembers a path a save dialog answered: one call may write there within GRANT_LIFETIME_MS. */
  grant(file: string): void {
    this.grants.set(path.resolve(file), this.now() + GRANT_LIFETIME_MS);
  }

  /**
   * Checks a call before it reaches the core. Calls that write no file at a path, and inputs the contract will
   * refuse anyway (no string `path`), go on. A save dialog's answer is used up by the call that takes it, and given
   * back if the core refused that call (nothing was written).
   */
  admit(name: string, input: unknown): Admission {
    const how = Object.hasOwn(FILE_WRITING_OPERATIONS, name) ? FILE_WRITING_OPERATIONS[name as keyof typeof FILE_WRITING_OPERATIONS] : null;
    const given = typeof input === 'object' && input !== null ? (input as { path?: unknown }).path : undefined;
    if (!how || typeof given !== 'string' || given.length === 0 || given.includes('\0')) return ADMITTED;
    const file = path.resolve(given);
    if (how === 'bundle' && !file.toLowerCase().endsWith(BUNDLE_EXTENSION)) {
      return refuse(`A bundle of changes' name must end in ${BUNDLE_EXTENSION}; ${path.basename(file)} does not.`);
    }
    if ((how === 'new' || how === 'replace') && !file.toLowerCase().endsWith(CASE_FILE_EXTENSION)) {
      return refuse(`A case file's name must end in ${CASE_FILE_EXTENSION}; ${path.basename(file)} does not.`);
    }
    const expires = this.grants.get(file);
    if (expires !== undefined && expires >= this.now()) {
      this.grants.delete(file);
      return { ok: true, settle: (result) => void (result.ok || this.grants.set(file, expires)) };
    }
    if (this.inCasesFolder(file)) {
      if (how !== 'replace' || !fs.existsSync(file)) return ADMITTED;
      return refuse(
        this.options.hasSaveDialog
          ? `${path.basename(file)} is already in the cases folder; Parley replaces a file only where you chose to in a save dialog. Choose another name, or use Choose… to replace it.`
          : `${path.basename(file)} is already in the cases folder; choose another name for the copy.`,
      );
    }
    if (how === 'rewrite' && this.options.knownCaseFiles().some((known) => path.resolve(known) === file)) return ADMITTED;
    if (expires !== undefined) {
      this.grants.delete(file);
      return refuse(`The place chosen in the save dialog (${file}) was chosen too long ago to be used now: choose it again.`);
    }
    return refuse(
      this.options.hasSaveDialog
        ? `Parley writes ${how === 'bundle' ? 'bundles of changes' : 'case files'} only in its cases folder (${this.casesDir}) or where you choose in a save dialog, not at ${file}. Give a file name, or use Choose… to pick another place.`
        : `The browser harness writes ${how === 'bundle' ? 'bundles of changes' : 'case files'} only in its cases folder (${this.casesDir}), not at ${file}. Give a file name there.`,
    );
  }

  /** Whether the file lies in the cases folder, links resolved: its nearest existing folder must too, and it must not be a link itself. */
  private inCasesFolder(file: string): boolean {
    if (!isInside(this.casesDir, file)) return false;
    try {
      const realCases = fs.realpathSync(this.casesDir);
      if (fs.lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink()) return false;
      let folder = path.dirname(file);
      while (!fs.existsSync(folder)) folder = path.dirname(folder);
      const realFolder = fs.realpathSync(folder);
      return realFolder === realCases || isInside(realCases, realFolder);
    } catch {
      return false;
    }
  }

  /** The case files (and bundles of changes) in the cases folder, for the renderer's own choosers and the library's "not listed" files. */
  listing(): CaseFolderListing {
    return listCaseFolder(this.casesDir);
  }
}

function refuse(message: string): Admission {
  const error: ApiError = { code: 'invalid_input', message, issues: [{ path: 'path', message }] };
  return { ok: false, refusal: { ok: false, error } };
}

/**
 * The case files in a folder, and its bundles of changes: names ending in .parley (.parley-changes), not hidden
 * (temporary files start with a dot), by name.
 */
export function listCaseFolder(casesDir: string): CaseFolderListing {
  const entries = fs.readdirSync(casesDir, { withFileTypes: true }).filter((e) => e.isFile() && !e.name.startsWith('.'));
  const filesEndingIn = (extension: string) =>
    entries
      .filter((e) => e.name.endsWith(extension))
      .map((e) => {
        const full = path.join(casesDir, e.name);
        const stat = fs.statSync(full);
        return { path: full, name: e.name, size: stat.size, modifiedAt: stat.mtime.toISOString() };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  return { folder: casesDir, separator: path.sep, files: filesEndingIn(CASE_FILE_EXTENSION), changeFiles: filesEndingIn(BUNDLE_EXTENSION) };
}
