// What the handlers work with: who is acting, the case files open now, and the library. One session serves one
// window (Electron), one browser harness, or one command-line run. Who is acting is asked each time a change is
// written: the name given for the run (--as), else the person's profile (profile.json), else the account's name.
import fs from 'node:fs';
import path from 'node:path';
import type { CaseInfo, LockedCase } from '../../shared/api-types.js';
import type { CaseExport } from '../../shared/contract.js';
import type { ProfileInfo, Settings } from '../../shared/profile.js';
import { DEFAULT_HOLIDAY_CALENDAR_ID } from '../../shared/deadlines/calendars/index.js';
import { CaseFile } from './case-file.js';
import { rewriteWithKey, type KeyChange } from './db/rewrite.js';
import { fileError, ParleyError } from './errors.js';
import type { PdfRenderer } from './export/pdf.js';
import { FirmTemplates } from './firm-templates.js';
import { Library } from './library.js';
import { ProfileFile } from './profile.js';
import { ReviewNotes } from './review.js';
import { importCase } from './transfer.js';

export interface SessionOptions {
  /** The app's data folder: where the library list lives. */
  dataDir: string;
  /** The name written as author into every record and audit entry when the person has set none (profile.set). */
  actor: string;
  /** A name for this run only (the command line's --as) that wins over the person's profile. */
  actorForRun?: string;
  /**
   * The folder of the person's profile and of the firm's templates; the data folder if not given (the command line
   * reads its library elsewhere).
   */
  profileDir?: string;
  /** How documents are printed to PDF: headless Chromium if not given; the desktop app passes printToPDF. */
  pdfRenderer?: PdfRenderer;
}

export class Session {
  /** The name written when there is no profile: the account's. */
  readonly fallbackActor: string;
  readonly actorForRun: string | null;
  readonly profile: ProfileFile;
  readonly library: Library;
  readonly templates: FirmTemplates;
  readonly pdfRenderer: PdfRenderer | undefined;
  private readonly cases = new Map<string, CaseFile>();
  /** When each case open for editing last had its integrity checked (at this open, or before and untouched since). */
  private readonly checkedAt = new Map<string, string>();
  /** The review comments of each case open for review. */
  private readonly reviews = new Map<string, ReviewNotes>();

  constructor(opts: SessionOptions) {
    this.fallbackActor = opts.actor;
    this.actorForRun = opts.actorForRun ?? null;
    this.pdfRenderer = opts.pdfRenderer;
    this.library = new Library(opts.dataDir);
    this.profile = new ProfileFile(opts.profileDir ?? opts.dataDir);
    this.templates = new FirmTemplates(opts.profileDir ?? opts.dataDir);
  }

  /** The name the next change is written under. */
  get actor(): string {
    return this.actorForRun ?? this.profile.read().profile?.displayName ?? this.fallbackActor;
  }

  /** The person's profile, and the name changes are written under now. */
  profileInfo(): ProfileInfo {
    const { profile, problem, settings, settingsProblem } = this.profile.read();
    return { profile, problem, settings, settingsProblem, fallbackName: this.fallbackActor, nameForThisRun: this.actorForRun, actor: this.actor };
  }

  /** Sets the person's name (and initials; null: made from the name): the next change is written under it. */
  setProfile(displayName: string, initials: string | null): ProfileInfo {
    this.profile.write(displayName, initials);
    return this.profileInfo();
  }

  /** Changes the person's settings given; the others and the name stay. */
  setSettings(changes: Partial<Settings>): ProfileInfo {
    this.profile.writeSettings(changes);
    return this.profileInfo();
  }

  /** Opens a case file, or returns it if it is open already. `passphrase` opens an encrypted file. */
  open(file: string, readOnly = false, passphrase?: string): CaseFile {
    const abs = path.resolve(file);
    const already = this.byPath(abs);
    if (already) {
      if (already.readOnly !== readOnly) {
        throw new ParleyError('already_open', `${path.basename(abs)} is already open ${already.readOnly ? 'read-only' : 'for editing'}; close it first.`);
      }
      return already;
    }
    // The integrity check reads the whole file (half a second and more for 100 MB). It is skipped when the file is
    // exactly as this Parley closed it after a check, and repeated at least weekly (Library.checkedAndUnchanged).
    const checked = readOnly ? null : this.library.checkedAndUnchanged(abs);
    const cf = this.adopt(onFile(abs, () => CaseFile.open(abs, { readOnly, skipIntegrityCheck: checked !== null, passphrase })));
    if (!readOnly) this.checkedAt.set(cf.caseId, checked ?? new Date().toISOString());
    return cf;
  }

  /**
   * Opens a case file for review: read-only, so that it stays byte-identical, with its review comments in a file
   * of their own in the data folder, encrypted with the case's passphrase when the case is encrypted.
   */
  openForReview(file: string, passphrase?: string): CaseFile {
    const already = this.byPath(path.resolve(file));
    if (already && !already.review) {
      throw new ParleyError('already_open', `${path.basename(already.path)} is already open ${already.readOnly ? 'read-only' : 'for editing'}; close it first.`);
    }
    if (already) return already;
    const cf = this.open(file, true, passphrase);
    try {
      this.reviews.set(cf.caseId, ReviewNotes.open(this.library.dataDir, cf.caseId, cf.encrypted ? passphrase! : null));
    } catch (err) {
      this.close(cf.caseId);
      throw err;
    }
    cf.review = true;
    return cf;
  }

  /** The review comments of a case open for review. */
  reviewNotes(caseId: string): ReviewNotes {
    this.get(caseId);
    const notes = this.reviews.get(caseId);
    if (!notes) throw new ParleyError('not_open', 'That case is not open for review; open it for review to comment on it.');
    return notes;
  }

  create(file: string, directive: Record<string, unknown>, passphrase?: string): CaseFile {
    const abs = path.resolve(file);
    // A new case counts business days over the person's chosen holiday calendar, unless the directive names one.
    // The default calendar is left unnamed, as before there were settings.
    const { holidayCalendarId } = this.profile.read().settings;
    const withCalendar = holidayCalendarId === DEFAULT_HOLIDAY_CALENDAR_ID || directive.holidayCalendarId != null ? directive : { ...directive, holidayCalendarId };
    const cf = this.adopt(onFile(abs, () => CaseFile.create(abs, withCalendar, this.actor, passphrase)));
    this.checkedAt.set(cf.caseId, new Date().toISOString());
    return cf;
  }

  /**
   * Encrypts, re-keys or decrypts a case file that is not open (see db/rewrite.ts): `from` opens it, `to` is the
   * new passphrase; null means plain.
   */
  changeKey(file: string, change: KeyChange, from: string | null, to: string | null): { path: string; encrypted: boolean } {
    const abs = path.resolve(file);
    if (this.byPath(abs)) throw new ParleyError('already_open', `${path.basename(abs)} is open; close it first.`);
    this.library.release(abs); // the file is about to be replaced: no connection may hold the old one
    onFile(abs, () => rewriteWithKey(abs, change, from, to));
    return { path: abs, encrypted: to !== null };
  }

  /** Makes a new case file from an export. Refused before any file is made while the exported case is open. */
  importCase(file: string, data: CaseExport): CaseFile {
    this.assertNoCopyOpen(data.caseId);
    const abs = path.resolve(file);
    return this.adopt(onFile(abs, () => importCase(abs, data, this.actor)));
  }

  /** Takes a freshly opened case file into the session and the library. */
  adopt(cf: CaseFile): CaseFile {
    try {
      this.assertNoCopyOpen(cf.caseId);
      // A file made before this Parley gets what the core now keeps for every record (audited, once). Not a reason
      // to refuse the file: one that cannot be filled in (damaged) says so when its records are read, and is filled
      // in at a later opening once repaired; the fill is one transaction, all or nothing.
      if (!cf.readOnly) {
        try {
          cf.catchUp(this.actor);
          cf.readAwaitingTexts(this.actor); // attachments whose text was not read before the case last closed
        } catch {
          // See above.
        }
      }
    } catch (err) {
      cf.close();
      throw err;
    }
    this.cases.set(cf.caseId, cf);
    this.library.remember(cf.path, cf.caseId);
    return cf;
  }

  private assertNoCopyOpen(caseId: string): void {
    const twin = this.cases.get(caseId);
    if (twin) throw new ParleyError('already_open', `A copy of this case is already open from ${twin.path}; close it before opening another copy.`);
  }

  /** Notes how a file was left, so that its next open can skip the integrity check if nothing has touched it. */
  private closed(cf: CaseFile): void {
    this.reviews.get(cf.caseId)?.close();
    this.reviews.delete(cf.caseId);
    const checkedAt = this.checkedAt.get(cf.caseId);
    this.checkedAt.delete(cf.caseId);
    if (!checkedAt || cf.readOnly) return;
    try {
      this.library.closedClean(cf.path, checkedAt);
    } catch {
      // Without the note the next open simply runs the check.
    }
  }

  get(caseId: string): CaseFile {
    const cf = this.cases.get(caseId);
    if (!cf) throw new ParleyError('not_open', 'That case file is not open; open it first.');
    return cf;
  }

  close(caseId: string): void {
    const cf = this.get(caseId);
    cf.close();
    this.cases.delete(caseId);
    this.closed(cf);
    this.library.indexClosed(cf.path);
  }

  closeAll(): void {
    for (const cf of this.cases.values()) {
      cf.close();
      this.closed(cf);
    }
    const closed = [...this.cases.values()];
    this.cases.clear();
    for (const cf of closed) this.library.indexClosed(cf.path);
    this.library.closeReaders();
  }

  /**
   * Locks the app: closes every case file (and review file) and every reader the library keeps, so that no case
   * data stays open in this process. Returns what was open, for unlocking to open again the same way.
   */
  lock(): LockedCase[] {
    const open = [...this.cases.values()].map((cf): LockedCase => ({
      path: cf.path,
      mode: cf.review ? 'review' : cf.readOnly ? 'readOnly' : 'edit',
    }));
    this.closeAll();
    return open;
  }

  openCases(): CaseInfo[] {
    return [...this.cases.values()].map((cf) => cf.info());
  }

  byPath(abs: string): CaseFile | undefined {
    return [...this.cases.values()].find((cf) => cf.path === abs);
  }

  /** The connection of a case file this session has open, for the library's cross-case reads. */
  connectionFor = (abs: string) => this.byPath(abs)?.connection;
}

/**
 * Uses a file the caller named. Whatever the file system says of it (a name too long, a device that cannot be read
 * such as /proc/self/mem, permission denied) comes back as an error naming the file, never as an unexplained one.
 */
export function onFile<T>(abs: string, use: () => T): T {
  try {
    fs.statSync(abs, { throwIfNoEntry: false }); // a path the system cannot even look up is refused before anything
    return use();
  } catch (err) {
    throw fileError(abs, err);
  }
}
