// The core's handlers: plain functions of (session, validated input). The dispatcher validates input against the
// contract before any of these runs.
import nodePath from 'node:path';
import { type AsyncOpName, type InputOf, type OpName, type OutputOf, STATIC_OPERATIONS, verbsOf } from '../../../shared/contract.js';
import { DEFAULT_BRIEF_SECTION_IDS, MEETING_BRIEF_SECTION_IDS, withoutRecordLinks, type MeetingBriefSectionId } from '../../../shared/documents/index.js';
import { briefPreview, buildMeetingBrief, casePage, fillFirmTemplate, fillTemplate, regenerateSection, renderMeetingBrief } from '../briefs/index.js';
import { fileSlug } from '../briefs/format.js';
import { KIND_NAMES, type KindName } from '../../../shared/records.js';
import { saveCopyOf } from '../case-copy.js';
import { duplicateCaseFile, renameCaseFile } from '../library-files.js';
import { certificateOf, compareWithCertificate, exportForTransfer } from '../custody.js';
import { isoToday } from '../today.js';
import type { CaseInfo } from '../../../shared/api-types.js';
import type { CaseFile } from '../case-file.js';
import type { StoredRecord } from '../store/record-table.js';
import { ParleyError } from '../errors.js';
import { onFile, type Session } from '../session.js';
import { exportCase } from '../transfer.js';
import { calendarExport, caseCalendar } from '../calendar/export.js';
import { CALENDAR_CONTENTS } from '../../../shared/calendar.js';
import { dueRemindersOf, localTimeZone, scheduleChangeOf, upcomingReminders } from '../deadline-operations.js';
import { keyDatesOf } from '../key-dates.js';
import { reviewPromptsOf } from '../review-prompts.js';
import { digestOf } from '../digest.js';
import { exportChanges, readBundleFile } from '../merge/bundle-files.js';
import { exportReviewComments, readCommentsFile } from '../review-comments-file.js';
import { choicesInForce, setSharing, sharingOf } from '../sharing.js';

export type Handler<N extends OpName> = (session: Session, input: InputOf<N>) => N extends AsyncOpName ? Promise<OutputOf<N>> : OutputOf<N>;
type StaticName = keyof typeof STATIC_OPERATIONS;

const staticHandlers: { [N in StaticName]: Handler<N> } = {
  'case.create': (s, { path, directive, passphrase }) => openedInfo(s, path, () => s.create(path, directive, passphrase)),
  'case.open': (s, { path, readOnly, passphrase }) => openedInfo(s, path, () => s.open(path, readOnly, passphrase)),
  'case.close': (s, { caseId }) => (s.close(caseId), null),
  'case.info': (s, { caseId }) => s.get(caseId).info(),
  'case.listOpen': (s) => s.openCases(),
  'case.verify': (s, { caseId }) => s.get(caseId).verify(),
  'case.export': (s, { caseId, includeAttachments }) => exportCase(s.get(caseId), includeAttachments ?? true),
  'case.import': (s, { path, data }) => openedInfo(s, path, () => s.importCase(path, data)),
  'case.search': (s, { caseId, query, limit }) => s.get(caseId).search(query, limit),
  'case.recentChanges': (s, { caseId, limit, beforeSeq }) => s.get(caseId).recentChanges(limit ?? 50, beforeSeq),
  'case.keyDates': (s, { caseId, today }) => keyDatesOf(s.get(caseId).connection, today),
  'issue.reviewPrompts': (s, { caseId }) => reviewPromptsOf(s.get(caseId).connection),
  'record.history': (s, { caseId, id }) => s.get(caseId).history(id),
  'record.resolveId': (s, { caseId, prefix, kind }) => s.get(caseId).resolveId(prefix, kind),
  'record.links': (s, { caseId, kind, id }) => s.get(caseId).links(kind, id),
  'record.deletionImpact': (s, { caseId, kind, id }) => s.get(caseId).deletionImpact(kind, id),
  'case.deleted': (s, { caseId, limit }) => s.get(caseId).deletedRecords(limit ?? 200),
  'case.undoState': (s, { caseId }) => s.get(caseId).undoHistory.state(),
  'case.undo': (s, { caseId, expected }) => s.get(caseId).undoHistory.undo(s.get(caseId), s.actor, expected),
  'case.redo': (s, { caseId, expected }) => s.get(caseId).undoHistory.redo(s.get(caseId), s.actor, expected),
  'attachment.add': (s, { caseId, name, mediaType, description, attachedTo, dataBase64 }) =>
    s.get(caseId).addAttachment({ name, mediaType, description, attachedTo, bytes: Buffer.from(dataBase64, 'base64') }, s.actor),
  'attachment.textState': (s, { caseId, id }) => s.get(caseId).attachmentTextState(id),
  'attachment.read': (s, { caseId, id }) => {
    const a = s.get(caseId).readAttachment(id);
    return { name: a.name, mediaType: a.mediaType, dataBase64: a.bytes.toString('base64') };
  },
  'brief.build': (s, { caseId, meetingId, shareable, leaveOut, sections }) => buildMeetingBrief(s.get(caseId), meetingId, { shareable, leaveOut, sections }),
  'brief.regenerateSection': (s, { caseId, meetingId, shareable, leaveOut, sections, document, sectionId }) =>
    regenerateSection(document, sectionId, buildMeetingBrief(s.get(caseId), meetingId, { shareable, leaveOut, sections: sections ?? sectionsWith(sectionId) })),
  'brief.preview': (s, { caseId, meetingId, leaveOut, sections }) => briefPreview(s.get(caseId), meetingId, { leaveOut, sections }),
  'sharing.get': (s, { caseId, kind, id }) => sharingOf(s.get(caseId), kind, id),
  'sharing.set': (s, { caseId, kind, id, field, level, reason }) => setSharing(s.get(caseId), { kind, id, field, level, reason }, s.actor),
  'sharing.list': (s, { caseId }) => choicesInForce(s.get(caseId)),
  'template.fill': (s, { caseId, template, templateId }) => {
    if (template) return fillTemplate(s.get(caseId), template);
    const stored = s.templates.get(templateId!);
    if (stored.kind !== 'draft') throw new ParleyError('invalid_input', `“${stored.title}” is a brief template: choose it when preparing a brief.`);
    return fillFirmTemplate(s.get(caseId), stored);
  },
  'template.list': (s) => s.templates.list(),
  'template.save': (s, template) => s.templates.save(template, s.actor),
  'template.rename': (s, { templateId, title }) => s.templates.rename(templateId, title),
  'template.remove': (s, { templateId }) => (s.templates.remove(templateId), null),
  'brief.export': async (s, { caseId, meetingId, shareable, leaveOut, sections, format, marking }) => {
    const file = await renderMeetingBrief(s.get(caseId), meetingId, { format, shareable, leaveOut, sections, marking, pdfRenderer: s.pdfRenderer });
    return { fileName: file.fileName, mediaType: file.mediaType, dataBase64: file.bytes.toString('base64') };
  },
  'document.export': async (s, { caseId, document, format, title, marking, shareable }) => {
    // A shareable draft names its case as the shareable projection does, and keeps no record link.
    const page = casePage(s.get(caseId), title, { marking, shareable });
    const { exportDocument, MEDIA_TYPES } = await import('../export/index.js'); // large, and rarely needed: see briefs
    const bytes = await exportDocument(shareable ? withoutRecordLinks(document) : document, format, { ...page, pdfRenderer: s.pdfRenderer });
    return { fileName: `${fileSlug(title, 80, 'document')}.${format}`, mediaType: MEDIA_TYPES[format], dataBase64: bytes.toString('base64') };
  },
  'library.list': (s, { today }) => s.library.list(s.connectionFor, today ?? isoToday()),
  'library.forget': (s, { path }) => (s.library.forget(path), null),
  'library.archive': (s, { path, archived }) => (s.library.setArchived(path, archived), null),
  'library.rename': (s, { path, name }) => renameCaseFile(s, path, name),
  'library.duplicate': (s, { path }) => duplicateCaseFile(s, path),
  'library.dashboard': (s, { today, withinDays, firstFew }) => s.library.dashboard(s.connectionFor, today ?? isoToday(), withinDays ?? 14, s.profileInfo().actor, firstFew),
  'library.digest': (s, { timeZone, now }) => digestOf(s, now ? new Date(now) : new Date(), timeZone ?? localTimeZone()),
  'library.search': (s, { query, limit }) => s.library.search(s.connectionFor, query, limit ?? 50),
  'library.prepareIndex': (s, { budgetMs }) => s.library.prepareIndex(s.connectionFor, budgetMs ?? 200),
  'schedule.get': (s, { caseId }) => s.get(caseId).schedule(),
  'schedule.preview': (s, { caseId, change }) => {
    const { kind, id, changes } = scheduleChangeOf(s.get(caseId), change);
    return s.get(caseId).previewUpdate(kind, id, changes);
  },
  'schedule.confirm': (s, { caseId, change, reason, expectedVersion }) => {
    const cf = s.get(caseId);
    const { kind, id, changes } = scheduleChangeOf(cf, change);
    return cf.updateWithMoves(kind, id, changes, s.actor, { reason, expectedVersion, confirmMoves: true });
  },
  'reminder.due': (s, { caseId, timeZone, now }) => dueRemindersOf(s, caseId, now ? new Date(now) : new Date(), timeZone),
  'reminder.snooze': (s, { caseId, key, until }) => s.get(caseId).changeReminder(key, { snoozeUntil: until }, s.actor),
  'reminder.dismiss': (s, { caseId, key }) => s.get(caseId).changeReminder(key, { dismiss: true }, s.actor),
  'reminder.upcoming': (s, { timeZone, now }) => upcomingReminders(s, now ? new Date(now) : new Date(), timeZone),
  'calendar.ics': (s, { caseIds, include = CALENDAR_CONTENTS }) => {
    if (caseIds) return calendarExport(caseIds.map((id) => caseCalendar(s.get(id).connection, include)), include, []);
    const { results, problems, locked } = s.library.readEach(s.connectionFor, (db) => caseCalendar(db, include));
    return calendarExport(results, include, problems, locked.map((p) => ({ path: p, reason: 'locked' as const })));
  },
  'case.openForReview': (s, { path, passphrase }) => openedInfo(s, path, () => s.openForReview(path, passphrase)),
  'review.list': (s, { caseId, recordKind, recordId }) => s.reviewNotes(caseId).list({ recordKind, recordId }),
  'review.add': (s, { caseId, recordKind, recordId, text }) => {
    const notes = s.reviewNotes(caseId);
    s.get(caseId).get(recordKind, recordId); // a comment is about a record the case holds
    return notes.add(recordKind, recordId, text, s.actor);
  },
  'review.resolve': (s, { caseId, id, resolved }) => s.reviewNotes(caseId).resolve(id, resolved, s.actor),
  'review.remove': (s, { caseId, id }) => (s.reviewNotes(caseId).remove(id), null),
  'review.export': (s, { caseId }) => exportReviewComments(s.get(caseId), s.reviewNotes(caseId).list(), s.actor),
  'review.import': (s, { caseId, dataBase64, passphrase }) => {
    const cf = s.get(caseId);
    return cf.importReviewComments(readCommentsFile(Buffer.from(dataBase64, 'base64'), passphrase ?? cf.sealingPassphrase()), s.actor);
  },
  'review.received': (s, { caseId }) => s.get(caseId).receivedReviewComments(),
  'reviewComment.resolve': (s, { caseId, id, resolved, expectedVersion }) => s.get(caseId).resolveReviewComment(id, resolved, s.actor, { expectedVersion }),
  'profile.get': (s) => s.profileInfo(),
  'profile.set': (s, { displayName, initials }) => s.setProfile(displayName, initials ?? null),
  'settings.set': (s, changes) => s.setSettings(changes),
  'session.lock': (s) => s.lock(),
  'case.encrypt': (s, { path, passphrase }) => s.changeKey(path, 'encrypt', null, passphrase),
  'case.rekey': (s, { path, passphrase, newPassphrase }) => s.changeKey(path, 'rekey', passphrase, newPassphrase),
  'case.decrypt': (s, { path, passphrase }) => s.changeKey(path, 'decrypt', passphrase, null),
  'case.certificate': (s, { caseId }) => certificateOf(s.get(caseId)),
  'case.exportForTransfer': (s, { caseId, path, passphrase, shareable }) => {
    const cf = s.get(caseId);
    return onFile(nodePath.resolve(path), () => exportForTransfer(cf, path, passphrase, { shareable, actor: s.actor }));
  },
  'case.saveCopy': (s, { caseId, path }) => onFile(nodePath.resolve(path), () => saveCopyOf(s, caseId, path)),
  'case.verifyAgainst': (s, { caseId, certificate }) => compareWithCertificate(s.get(caseId), certificate),
  'case.merge': (s, { caseId, from, passphrase, ...opts }) => s.get(caseId).mergeCopy(nodePath.resolve(from), passphrase, s.actor, opts),
  'changes.export': (s, { caseId, path, since }) => exportChanges(s.get(caseId), path, since, s.actor),
  'changes.import': (s, { caseId, path, passphrase, ...opts }) => {
    const cf = s.get(caseId);
    return cf.mergeChanges(readBundleFile(cf, nodePath.resolve(path), passphrase), s.actor, opts);
  },
  'conflict.list': (s, { caseId }) => s.get(caseId).conflicts(),
  'conflict.resolve': (s, { caseId, id, side, value, reason, confirmMoves }) =>
    s.get(caseId).resolveConflict(id, side !== undefined ? { side } : { value }, s.actor, { reason, confirmMoves }),
};

/**
 * The sections of the fresh brief a section of an edited one is rebuilt from: the default ones, with the section
 * asked for in its place even if it is off by default (the appendix of a brief that chose it).
 */
function sectionsWith(sectionId: string): MeetingBriefSectionId[] {
  return MEETING_BRIEF_SECTION_IDS.filter((id) => DEFAULT_BRIEF_SECTION_IDS.includes(id) || id === sectionId);
}

/** The summary of a case file a call opens; one that cannot be read even that far is closed again, not left open unseen. */
function openedInfo(s: Session, file: string, open: () => CaseFile): CaseInfo {
  const wasOpen = s.byPath(nodePath.resolve(file)) !== undefined;
  const cf = open();
  try {
    return cf.info();
  } catch (err) {
    if (!wasOpen) s.close(cf.caseId);
    throw err;
  }
}

type AnyHandler = (session: Session, input: never) => unknown;
type Input = { caseId: string; id: string; fields: Record<string, unknown>; changes: Record<string, unknown>; expectedVersion?: number; reason?: string; meetingId?: string; recordedOn?: string; filter?: Record<string, string | null>; includeDeleted?: boolean; limit?: number; offset?: number };

/** The generic verbs, one set per record kind, as the contract lists them. */
function recordHandlers(kind: KindName): Record<string, AnyHandler> {
  // Each change through a verb that can be undone is remembered by its case's undo history, with the record as it was
  // before the change: read first, or (an update) as the change itself read it, in its transaction.
  const remember = <R extends StoredRecord>(cf: CaseFile, was: StoredRecord | null, after: R): R => {
    cf.undoHistory.remember(kind, was, after);
    return after;
  };
  const remembered = <R extends StoredRecord>(s: Session, i: Input, change: (cf: CaseFile) => R, before = (cf: CaseFile): StoredRecord | null => cf.get(kind, i.id)): R => {
    const cf = s.get(i.caseId);
    const was = before(cf);
    return remember(cf, was, change(cf));
  };
  const verbs: Record<string, (s: Session, i: Input) => unknown> = {
    create: (s, i) => remembered(s, i, (cf) => cf.create(kind, i.fields, s.actor, { reason: i.reason }), () => null),
    get: (s, i) => (kind === 'directive' ? s.get(i.caseId).directive() : s.get(i.caseId).get(kind, i.id)),
    list: (s, i) => s.get(i.caseId).list(kind, i),
    update: (s, i) => {
      const cf = s.get(i.caseId);
      const id = kind === 'directive' ? cf.directive().id : i.id;
      const { before, record } = cf.updateFrom(kind, id, i.changes, s.actor, { expectedVersion: i.expectedVersion, reason: i.reason, meetingId: i.meetingId, recordedOn: i.recordedOn });
      return remember(cf, before, record);
    },
    delete: (s, i) => remembered(s, i, (cf) => cf.delete(kind, i.id, s.actor, i)),
    restore: (s, i) => remembered(s, i, (cf) => cf.restore(kind, i.id, s.actor, i)),
    purge: (s, i) => (s.get(i.caseId).purge(kind, i.id, s.actor, i), null),
  };
  return Object.fromEntries(verbsOf(kind).map((verb) => [`${kind}.${verb}`, verbs[verb] as AnyHandler]));
}

export const HANDLERS: Readonly<Record<OpName, AnyHandler>> = {
  ...(staticHandlers as Record<StaticName, AnyHandler>),
  ...Object.assign({}, ...KIND_NAMES.map(recordHandlers)),
};
