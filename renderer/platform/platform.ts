// What differs between the desktop app and a plain browser: how the user chooses where a case file lives. Both have a
// cases folder where new case files go by default. The desktop app also shows the operating system's file dialogs,
// and a new case file may go where the user chose in its save dialog; the browser cannot reach the disk, so Parley
// shows its own chooser over the harness's cases folder, and new files go only there.
import type { CaseFolderListing } from '../../shared/case-folder-listing.js';
import type { ExportedFileToSave, PassphraseStoreAvailability } from '../../shared/desktop.js';
import { withCaseFileExtension } from '../../shared/file-names.js';

export type { CaseFolderFile, CaseFolderListing } from '../../shared/case-folder-listing.js';

export interface Platform {
  readonly name: 'browser' | 'desktop';
  /** The cases folder, where new case files go by default, and what it holds; null where the platform cannot list it. */
  caseFolder(): Promise<CaseFolderListing | null>;
  /** The system's open dialog; absent where Parley shows its own chooser. Resolves to null if the user cancels. */
  pickCaseFile?: () => Promise<string | null>;
  /** The system's save dialog for a new case file; absent where the user types the path. Null if cancelled. */
  pickNewCaseFile?: (suggestedName: string) => Promise<string | null>;
  /** The system's open dialog for a bundle of changes (.parley-changes); absent where Parley shows its own chooser. */
  pickChangesFile?: () => Promise<string | null>;
  /** The system's save dialog for a bundle of changes; absent where the user types the name. Null if cancelled. */
  pickChangesTarget?: (suggestedName: string) => Promise<string | null>;
  /**
   * Saves an exported draft or brief where the user chooses in the system's save dialog; resolves to the path
   * written, or null if the user cancelled. Absent in the browser, which downloads the file instead.
   */
  saveExport?: (file: ExportedFileToSave) => Promise<string | null>;
  /** Makes the sample case if it is not there yet and resolves to its path; absent where no sample can be made. */
  sampleCase?: () => Promise<string>;
  /** "Remember on this device" for passphrases; absent where there is no secure storage to keep them (the browser). */
  passphrases?: RememberedPassphrases;
}

/**
 * Passphrases remembered on this device. The renderer can hand one over and ask whether one is kept, never read one:
 * the desktop app's main process uses it when a case is opened without a passphrase.
 */
export interface RememberedPassphrases {
  availability(): Promise<PassphraseStoreAvailability>;
  isRemembered(path: string): Promise<boolean>;
  remember(path: string, passphrase: string): Promise<void>;
  forget(path: string): Promise<void>;
}

/** A file name for a new case, from its title: "Export order 12/3" gives "export-order-12-3.parley". */
export function suggestedFileName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'new-case'}.parley`;
}

/** A new case file's typed path as the core should get it: as resolveTypedPath, with .parley added to a name without an extension. */
export function resolveNewCasePath(typed: string, listing: CaseFolderListing | null): string {
  const resolved = resolveTypedPath(typed, listing);
  return resolved ? withCaseFileExtension(resolved) : resolved;
}

/** A typed path as the core should get it: a bare name or relative path goes into the default folder. */
export function resolveTypedPath(typed: string, listing: CaseFolderListing | null): string {
  const trimmed = typed.trim();
  const isAbsolute = trimmed.startsWith('/') || trimmed.startsWith('\\\\') || /^[A-Za-z]:[\\/]/.test(trimmed);
  if (isAbsolute || !listing) return trimmed;
  return `${listing.folder}${listing.separator}${trimmed}`;
}
