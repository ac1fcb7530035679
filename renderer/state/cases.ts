// The case files this session has open, and the ways to open, create and close one. Opening goes through the
// core's checks (SQLite header, application id, version, integrity); whatever they refuse is shown in the problem
// dialog with the core's own message, and nothing is written to the file.
import { caseDataStore } from './data.js';
import type { CaseInfo } from '../../shared/api-types.js';
import type { InputOf } from '../../shared/contract.js';
import { ApiFailure, messageOf } from '../api/client.js';
import { api, platform } from '../services.js';
import { go, useNavigation, type CaseSection } from './navigation.js';
import { saveEverythingWaiting } from './pending-saves.js';
import { showProblem } from './problem.js';
import { askPassphrase } from './passphrase-prompt.js';
import { fileNameOf } from '../ui/paths.js';

interface CasesState {
  open: CaseInfo[];
  /** Reads which case files the core has open (after a reload they are still open in the harness or the app). */
  refresh(): Promise<void>;
  /** Puts a changed summary (title, status) in place after an edit. */
  replace(info: CaseInfo): void;
  forget(caseId: string): void;
}

export const useCases = caseDataStore<CasesState>()((set) => ({
  open: [],
  async refresh() {
    set({ open: await api().call('case.listOpen', {}) });
  },
  replace(info) {
    set((s) => ({ open: s.open.some((c) => c.caseId === info.caseId) ? s.open.map((c) => (c.caseId === info.caseId ? info : c)) : [...s.open, info] }));
  },
  forget(caseId) {
    set((s) => ({ open: s.open.filter((c) => c.caseId !== caseId) }));
  },
}));

export const caseById = (caseId: string) => useCases.getState().open.find((c) => c.caseId === caseId);

const OPEN_TITLES: Partial<Record<ApiFailure['code'], string>> = {
  not_found: 'The file is not there',
  not_a_sqlite_file: 'This is not a Parley case file',
  not_a_case_file: 'This is not a Parley case file',
  newer_version: 'This case file needs a newer Parley',
  damaged: 'This case file is damaged',
  already_open: 'This case is already open',
  io_error: 'The file could not be read',
  unexpected_schema: 'This case file has been altered',
};

/** How a case file is opened: for editing, read-only, or for review (read-only, with comments kept apart). */
export type OpenMode = 'edit' | 'readOnly' | 'review';

export interface OpenOptions {
  readOnly?: boolean;
  /** Open for review: read-only in the core, with review comments in a file of their own. */
  review?: boolean;
  section?: CaseSection;
  /** A record to land on in that section (its row opened, scrolled to and focused: land-on-record.ts). */
  record?: string;
}

const modeOf = (c: CaseInfo): OpenMode => (c.review ? 'review' : c.readOnly ? 'readOnly' : 'edit');

/** Opens a case file and shows it; if the core refuses, says why in a dialog. Resolves to the case, or null. */
export async function openCase(path: string, options: OpenOptions = {}): Promise<CaseInfo | null> {
  const wanted: OpenMode | undefined = options.review ? 'review' : options.readOnly === undefined ? undefined : options.readOnly ? 'readOnly' : 'edit';
  const already = useCases.getState().open.find((c) => c.path === path && (wanted === undefined || modeOf(c) === wanted));
  if (already) {
    go({ screen: 'case', caseId: already.caseId, section: options.section ?? 'overview', record: options.record });
    return already;
  }
  const remembered = platform().passphrases;
  // First without a passphrase: the desktop app opens an encrypted file with the passphrase remembered on this device,
  // if there is one (and forgets one that no longer opens it), without the renderer ever seeing it. The user is asked
  // only if the file still wants a passphrase, and again after a wrong one.
  let passphrase: string | undefined;
  let rememberIt = false;
  for (;;) {
    try {
      const info = options.review
        ? await api().call('case.openForReview', { path, passphrase })
        : await api().call('case.open', { path, readOnly: options.readOnly, passphrase });
      if (rememberIt && passphrase !== undefined) await remembered?.remember(info.path, passphrase).catch(() => undefined);
      useCases.getState().replace(info);
      go({ screen: 'case', caseId: info.caseId, section: options.section ?? 'overview', record: options.record });
      return info;
    } catch (err) {
      const code = err instanceof ApiFailure ? err.code : 'internal';
      if (code === 'passphrase_required' || (code === 'wrong_passphrase' && passphrase !== undefined)) {
        const answer = await askPassphrase({ fileName: fileNameOf(path), error: code === 'wrong_passphrase' ? messageOf(err) : null });
        if (answer === null) return null;
        passphrase = answer.passphrase;
        rememberIt = answer.remember;
        continue;
      }
      showProblem({
        title: OPEN_TITLES[code] ?? 'The case file could not be opened',
        message: messageOf(err),
        detail: path,
        // The core opens a damaged file read-only, so that what it still holds can be read or exported.
        action: code === 'damaged' && !options.readOnly && !options.review ? { label: 'Open read-only', run: () => void openCase(path, { ...options, readOnly: true }) } : undefined,
      });
      return null;
    }
  }
}

/** Creates a case file; a refusal is thrown to the form, which shows it beside the fields. */
export async function createCase(input: InputOf<'case.create'>): Promise<CaseInfo> {
  const info = await api().call('case.create', input);
  useCases.getState().replace(info);
  go({ screen: 'case', caseId: info.caseId, section: 'overview' });
  return info;
}

export async function closeCase(caseId: string): Promise<void> {
  // Text typed and waiting (a field before its pause, a draft since its last revision) is saved while the case is open.
  await saveEverythingWaiting();
  try {
    await api().call('case.close', { caseId });
  } catch (err) {
    if (!(err instanceof ApiFailure && err.code === 'not_open')) {
      showProblem({ title: 'The case could not be closed', message: messageOf(err) });
      return;
    }
  }
  useCases.getState().forget(caseId);
  // Closing the case on screen leaves nothing to show there: back to the library. Closing another case (from the
  // sidebar's list) leaves the user where they are.
  const { route } = useNavigation.getState();
  if (route.screen === 'case' && route.caseId === caseId) go({ screen: 'library' });
}
