// Attaching files to a case or to one of its records, and what the screens need while the core reads their text.
//
// A file is refused here, before its bytes travel, with the same sentence the core would give (shared/attachments.ts);
// the others still go. The core answers `attachment.add` at once with the text 'pending' and reads the text in a
// worker afterwards, so the screens ask `attachment.textState` every half second until it is no longer pending.
// Every screen that lists attachments reads again when `attachedCount` of its case grows (a file attached from the
// menu, the palette or another panel).
import { useEffect, useState } from 'react';
import { acceptedType, attachmentRefusal, mediaTypeForFileName } from '../../shared/attachments.js';
import type { LINKABLE_KINDS } from '../../shared/enums.js';
import { KINDS, type RecordOf } from '../../shared/records.js';
import { messageOf } from '../api/client.js';
import { api, platform } from '../services.js';
import { downloadFile } from '../ui/exports/deliver-export.js';
import { caseDataStore } from './data.js';
import { go } from './navigation.js';
import { anyRecord, getRecord } from './records.js';

export type Attachment = RecordOf<'attachment'>;
export type TextStatus = Attachment['textStatus'];
/** The record a file is attached to; none: the case itself. */
export interface AttachedTo {
  kind: (typeof LINKABLE_KINDS)[number];
  id: string;
}

/** How often a screen asks whether the text of a file has been read. */
export const TEXT_POLL_MS = 500;

interface AttachmentsState {
  /** Per case, how many files were attached since it opened: screens listing attachments read again when it grows. */
  attachedCount: Record<string, number>;
  /** What the last attach said, per case: how many went in and, for each file refused, why. */
  outcome: Record<string, AttachOutcome | undefined>;
  /** The text state of attachments read since they were listed, by id (the list itself still says 'pending'). */
  textStates: Record<string, { textStatus: TextStatus; textError: string | null }>;
  /** Set by the palette's and the menu's "Attach files…": the Attachments screen opens its file chooser once. */
  chooserWanted: string | null;
}

export interface AttachOutcome {
  added: Attachment[];
  /** One plain sentence per file not attached. */
  refused: string[];
}

export const useAttachments = caseDataStore<AttachmentsState>()(() => ({ attachedCount: {}, outcome: {}, textStates: {}, chooserWanted: null }));

/** The media type Parley gives a file: from its name first (browsers guess little), else what the browser said. */
function mediaTypeOf(file: File): string {
  return mediaTypeForFileName(file.name) ?? (file.type || 'an unknown type');
}

/** The file's bytes as base64, read by the browser off the page's thread (a data: URL, its prefix cut). */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error(`“${file.name}” could not be read`));
    reader.readAsDataURL(file);
  });
}

/**
 * Attaches each file to the case, or to the record given; a file refused (its type, its size, empty) or that the
 * core refused is named with the reason, and the others still go. The outcome is also kept for the case's notice.
 */
export async function attachFiles(caseId: string, files: readonly File[], attachedTo?: AttachedTo): Promise<AttachOutcome> {
  const outcome: AttachOutcome = { added: [], refused: [] };
  for (const file of files) {
    const mediaType = mediaTypeOf(file);
    const refusal = attachmentRefusal(file.name, mediaType, file.size);
    if (refusal) {
      outcome.refused.push(refusal);
      continue;
    }
    try {
      const dataBase64 = await base64Of(file);
      const added = await api().call('attachment.add', { caseId, name: file.name, mediaType, dataBase64, ...(attachedTo ? { attachedTo } : {}) });
      outcome.added.push(added);
    } catch (err) {
      outcome.refused.push(`“${file.name}” was not attached: ${messageOf(err)}`);
    }
  }
  useAttachments.setState((s) => ({
    attachedCount: { ...s.attachedCount, [caseId]: (s.attachedCount[caseId] ?? 0) + outcome.added.length },
    outcome: { ...s.outcome, [caseId]: outcome },
  }));
  return outcome;
}

export const dismissAttachOutcome = (caseId: string) => useAttachments.setState((s) => ({ outcome: { ...s.outcome, [caseId]: undefined } }));

/** "2 files attached." with the refusals after it, for a status line. */
export function outcomeInWords(outcome: AttachOutcome): string {
  const count = outcome.added.length;
  if (count === 0) return outcome.refused.length ? 'Nothing was attached.' : '';
  return count === 1 ? `“${outcome.added[0]!.name}” attached.` : `${count} files attached.`;
}

/** The palette's and the menu's "Attach files…": the case's Attachments screen, its file chooser opened. */
export function chooseFilesToAttach(caseId: string): void {
  useAttachments.setState({ chooserWanted: caseId });
  go({ screen: 'case', caseId, section: 'attachments' });
}

/** Takes the request to open the file chooser for this case, if there is one (it is answered once). */
export function takeChooserRequest(caseId: string): boolean {
  if (useAttachments.getState().chooserWanted !== caseId) return false;
  useAttachments.setState({ chooserWanted: null });
  return true;
}

/** The attachment's text state as last known, asking the core every half second while its text is being read. */
export function useTextState(caseId: string, attachment: Attachment): { textStatus: TextStatus; textError: string | null } {
  const known = useAttachments((s) => s.textStates[attachment.id]);
  const state = known ?? { textStatus: attachment.textStatus, textError: attachment.textError ?? null };
  const pending = state.textStatus === 'pending';
  useEffect(() => {
    if (!pending) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const ask = async () => {
      try {
        const answer = await api().call('attachment.textState', { caseId, id: attachment.id });
        if (stopped) return;
        if (answer.textStatus !== 'pending') {
          useAttachments.setState((s) => ({ textStates: { ...s.textStates, [attachment.id]: { textStatus: answer.textStatus, textError: answer.textError ?? null } } }));
          return;
        }
      } catch {
        // The case was closed or the attachment deleted: asking again shows nothing new, so stop.
        return;
      }
      timer = setTimeout(() => void ask(), TEXT_POLL_MS);
    };
    timer = setTimeout(() => void ask(), TEXT_POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [caseId, attachment.id, pending]);
  return state;
}

/** The text state in words: "Text read", "Reading text…", "No text (image)", "Text could not be read: …". */
export function textStatusInWords(state: { textStatus: TextStatus; textError: string | null }): string {
  switch (state.textStatus) {
    case 'extracted': return 'Text read';
    case 'pending': return 'Reading text…';
    case 'none': return 'No text (image)';
    case 'failed': return `Text could not be read: ${state.textError ?? 'the file did not say why'}`;
    default: return '—';
  }
}

/** The attachment's bytes, as the core stored them. */
export const readAttachment = (caseId: string, id: string) => api().call('attachment.read', { caseId, id });

/** The name with its type's extension, if renaming took it away ("Exhibit A" of a PDF is saved as "Exhibit A.pdf"). */
export function withExtensionOf(name: string, mediaType: string): string {
  const extensions: readonly string[] = acceptedType(mediaType)?.extensions ?? [];
  return extensions.length === 0 || extensions.some((e) => name.toLowerCase().endsWith(e)) ? name : `${name}${extensions[0]}`;
}

/** Saves a copy of the file where the user chooses (the desktop app), or downloads it (a browser); words for a status line. */
export async function saveAttachmentCopy(caseId: string, attachment: Attachment): Promise<string> {
  const { name, mediaType, dataBase64 } = await readAttachment(caseId, attachment.id);
  const file = { fileName: withExtensionOf(name, mediaType), mediaType, dataBase64 };
  const { saveExport } = platform();
  if (!saveExport) {
    downloadFile(file);
    return `“${name}” downloaded.`;
  }
  const saved = await saveExport(file);
  return saved ? `A copy of “${name}” was saved to ${saved}.` : 'Nothing was saved.';
}

/**
 * The titles of the records the attachments are attached to, by "<kind>:<id>" (read once per record named; a record
 * no longer there has none), for the "Attached to" column.
 */
export function useAttachedToTitles(caseId: string, attachments: readonly Attachment[] | null): Record<string, string | null> {
  const [titles, setTitles] = useState<Record<string, string | null>>({});
  const wanted = [...new Set((attachments ?? []).flatMap((a) => (a.attachedToKind && a.attachedToId ? [`${a.attachedToKind}:${a.attachedToId}`] : [])))].sort().join(' ');
  useEffect(() => {
    let current = true;
    const keys = wanted ? wanted.split(' ') : [];
    void Promise.all(keys.map(async (key) => {
      const [kind, id] = key.split(':') as [AttachedTo['kind'], string];
      if (kind === 'directive') return [key, 'the directive'] as const; // the case's one directive, read elsewhere
      try {
        const record = anyRecord(await getRecord(caseId, kind, id));
        return [key, record.deletedAt ? null : String(record[KINDS[kind].titleField] ?? '')] as const;
      } catch {
        return [key, null] as const;
      }
    })).then((pairs) => current && setTitles(Object.fromEntries(pairs)));
    return () => void (current = false);
  }, [caseId, wanted]);
  return titles;
}
