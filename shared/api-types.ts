// Output types of the API that are not plain records. Inputs are zod schemas in contract.ts.
import type { ATTACHMENT_TEXT_STATUSES, AUDIT_OPERATIONS, DIRECTIVE_STATUSES, LINK_TYPES, ReviewableKind } from './enums.js';
import type { MeetingBriefSectionId } from './documents/brief-sections.js';
import type { KindName, RecordOf } from './records.js';

export type AuditOperation = (typeof AUDIT_OPERATIONS)[number];
export type LinkType = (typeof LINK_TYPES)[number];

export interface CaseInfo {
  caseId: string;
  path: string;
  readOnly: boolean;
  schemaVersion: number;
  title: string;
  status: (typeof DIRECTIVE_STATUSES)[number];
  createdAt: string;
  /** Live records per kind. */
  counts: Partial<Record<KindName, number>>;
  auditEntries: number;
  /** "seq:hash" of the newest audit entry: two copies with the same head hold the same history. */
  auditHead: string;
  /** Opened for review: read-only, with review comments kept beside it in the data folder (review.*). */
  review: boolean;
  /** The file is encrypted at rest (it opens only with its passphrase). */
  encrypted: boolean;
  /** Conflicts between copies a merge kept, not yet resolved (conflict.list). */
  openConflicts: number;
}

/** One problem verify found between records: the records it concerns, and what is wrong, in words. */
export interface VerifyProblem {
  ids: string[];
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  integrity: string[]; // 'ok', or what PRAGMA integrity_check found
  /** Records whose reference fields point at records that are not in the file. */
  foreignKeys: { table: string; rowid: number; parent: string }[];
  /** Links (deleted ones too) whose ends are not in the file: the file's own constraints do not cover them. */
  links: VerifyProblem[];
  /** Deadlines that hang on each other in a circle; while one is live, no rule-built date of the case can be worked out. */
  triggerCycles: VerifyProblem[];
  auditChain: { entries: number; head: string; problems: { seq: number | null; message: string }[] };
}

/** Where reading an attachment's text for search stands (attachment.textState); textError is a sentence when it failed. */
export interface AttachmentTextState {
  textStatus: (typeof ATTACHMENT_TEXT_STATUSES)[number] | null;
  textError: string | null;
}

/** A record found by search, its history folded into it (shared/search-ranking.ts). */
export interface SearchHit {
  kind: KindName;
  id: string;
  title: string;
  /** Text around the best match; matched words sit between MATCH_START and MATCH_END (shared/result.ts). */
  snippet: string;
  /** Lower first, comparable across case files: the tier (a word in the title first), then bm25. */
  rank: number;
  /** The history entry the snippet comes from (a position change of an issue, a revision of a draft), or null when it comes from the record itself. */
  matchedIn: { kind: KindName; id: string } | null;
  /** Whether the record's own title or text matched, not only its history. */
  matchedItself: boolean;
  /** The record's history entries that matched too, counted by kind, most first. */
  folded: { kind: KindName; count: number }[];
}

export interface CaseSearchHit extends SearchHit {
  caseId: string;
  caseTitle: string;
  path: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  operation: AuditOperation;
  kind: KindName;
  recordId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
  /** Names of the fields that differ between before and after. */
  changedFields: string[];
  /** The copy of the case the change was made in, by name; null for changes made before copies were told apart. */
  copy: string | null;
  /** Made in another copy of the case and merged into this one. */
  fromOtherCopy: boolean;
  /**
   * For a change merged from another copy (or a conflict resolved by keeping the value shown): the fields it wrote,
   * with their values, which a conflict may keep out of `after` in this copy. Null for an ordinary change.
   */
  wrote: Record<string, unknown> | null;
}

export interface LinkView {
  link: RecordOf<'link'>;
  /** The record at the other end, as a title, or null if it is in another case file or gone. */
  otherTitle: string | null;
  /**
   * Set where the record at the other end is deleted (it can be restored): the link went with it, or is older than
   * links going with their records.
   */
  otherDeleted?: true;
}

export interface LinksOfRecord {
  outgoing: LinkView[];
  incoming: LinkView[];
}

/** The one record whose id starts with a prefix (record.resolveId). */
export interface ResolvedRecordId {
  kind: KindName;
  id: string;
  title: string;
}

export interface LibraryEntry {
  path: string;
  caseId: string | null;
  /** 'ok', or why the summary could not be read (the file moved, is damaged, or is from a newer Parley). */
  state: 'ok' | 'missing' | 'unreadable';
  problem: string | null;
  title: string | null;
  status: (typeof DIRECTIVE_STATUSES)[number] | null;
  nextDeadline: { id: string; title: string; dueDate: string } | null;
  counts: { openDeadlines: number; tbdDeadlines: number; openActionItems: number; issues: number; meetings: number };
  lastOpenedAt: string | null;
  /** Encrypted at rest: while it is not open, nothing but its path is known (its details need the passphrase). */
  encrypted: boolean;
  /** In the library's Archived group: left out of the dashboard, cross-case search and the calendar export. */
  archived: boolean;
}

/**
 * How far the library index is from the case files (library.prepareIndex): `indexed` counts the files whose index
 * entry is up to date, or that cannot be indexed and are known as such; `total` the files the library lists.
 */
export interface LibraryIndexProgress {
  indexed: number;
  total: number;
  complete: boolean;
}

/** The dates that frame one case (case.keyDates): counted and picked by the core, not from every deadline. */
export interface KeyDates {
  /** The day the answer is for (the user's today). */
  today: string;
  /** Open deadlines whose date has passed, and the earliest of them. */
  overdue: { count: number; earliest: { id: string; title: string; dueDate: string } | null };
  /** The first open deadline due today or later. */
  next: { id: string; title: string; dueDate: string } | null;
  /** Open deadlines with no date yet. */
  undated: number;
  /** The first planned meeting dated today or later; else the first planned meeting whose date is not set yet (meetingDate null: "date not set"). */
  nextMeeting: { id: string; title: string; meetingDate: string | null } | null;
}

interface CaseRef {
  caseId: string;
  caseTitle: string;
  path: string;
}

export interface DashboardDeadline extends CaseRef {
  id: string;
  title: string;
  deadlineKind: string;
  dueType: 'date' | 'datetime' | 'tbd';
  dueDate: string | null;
  dueTime: string | null;
  timeZone: string | null;
  windowStart: string | null;
  windowEnd: string | null;
  owner: string | null;
}

export interface DashboardActionItem extends CaseRef {
  id: string;
  title: string;
  owner: string | null;
  dueDate: string | null;
  meetingId: string | null;
}

export interface DashboardMeeting extends CaseRef {
  id: string;
  title: string;
  /** Null for a planned meeting whose date is not set yet ("date not set"), listed after the dated ones. */
  meetingDate: string | null;
  startTime: string | null;
  location: string | null;
}

export interface DashboardWatchItem extends CaseRef {
  id: string;
  title: string;
  triggeredOn: string | null;
}

/**
 * An issue that needs a review because a watch item linked to it moved (its stage changed, or it was marked
 * triggered) after the issue was last reviewed and after the link was made (electron/core/review-prompts.ts).
 */
export interface ReviewPrompt {
  issueId: string;
  issueTitle: string;
  watchItemId: string;
  watchItemTitle: string;
  /** What moved last: the stage, or the item marked triggered. */
  move: 'stage' | 'triggered';
  /** The stage it moved to (for a stage move). */
  stage: string | null;
  billOrRuleNumber: string | null;
  movedAt: string;
}

export interface DashboardReviewPrompt extends CaseRef, ReviewPrompt {}

/** A watch item whose check-by date has come, still being watched or triggered. */
export interface DashboardWatchCheck extends CaseRef {
  id: string;
  title: string;
  billOrRuleNumber: string | null;
  checkBy: string;
}

export interface Dashboard {
  today: string;
  overdue: DashboardDeadline[];
  upcoming: DashboardDeadline[];
  tbd: DashboardDeadline[];
  openActionItems: DashboardActionItem[];
  /** The user's name, as myActionItems were matched against it (the profile's, or the name given for this run). */
  me: string | null;
  /** The open action items the user owns (their owner is the user's name: shared/owners.ts). */
  myActionItems: DashboardActionItem[];
  upcomingMeetings: DashboardMeeting[];
  triggeredWatchItems: DashboardWatchItem[];
  /** Issues to review since a watch item linked to them moved, newest move first. */
  toReview: DashboardReviewPrompt[];
  /** Watch items whose check-by date has come, earliest first. */
  checksDue: DashboardWatchCheck[];
  /** Case files that could not be read, and why. */
  problems: { path: string; message: string }[];
  /** How many rows each list has in all: more than it holds when the dashboard was asked for its first few. */
  totals: Record<DashboardListName, number>;
}

/** The dashboard's lists of rows. */
export type DashboardListName = 'overdue' | 'upcoming' | 'tbd' | 'openActionItems' | 'myActionItems' | 'upcomingMeetings' | 'triggeredWatchItems' | 'toReview' | 'checksDue';

// ---- deadlines kept by the core ---------------------------------------------------------------------------------

/** A deadline's due as stored or as computed, with the engine's explanation of it (null for a hand-set date). */
export interface ScheduleDue {
  dueType: RecordOf<'deadline'>['dueType'];
  dueDate: string | null;
  dueTime: string | null;
  timeZone: string | null;
  windowStart: string | null;
  windowEnd: string | null;
  explanation: string | null;
}

/** One deadline that hangs on a changed trigger (directly or down a chain): its due now and after the change. */
export interface ScheduleMove {
  deadlineId: string;
  title: string;
  before: ScheduleDue;
  after: ScheduleDue;
  /** Whether the date, time, zone or window differs. */
  changed: boolean;
  /** The changed meeting's own deadline: it is the meeting's date, so it moves with it without a confirmation. */
  followsMeeting?: boolean;
}

/** What a change to a trigger or to the case's calendar would do, or did, to the deadlines that hang on it. */
export interface ScheduleChange {
  moves: ScheduleMove[];
  /** The changed record itself as it would be (preview) or is (confirmed). */
  record: Record<string, unknown> & { id: string; version: number };
}

/** A rule-built deadline as the engine computes it from the stored triggers and the case's calendar. */
export interface ScheduledDeadline {
  deadlineId: string;
  formula: string;
  explanation: string;
  problem: string | null;
}

/** A reminder due now, from the case's stored deadlines and the user's snoozes and dismissals. */
export interface DueReminderView {
  caseId: string;
  caseTitle: string;
  key: string;
  deadlineId: string;
  title: string;
  deadlineKind: RecordOf<'deadline'>['deadlineKind'];
  dueDate: string | null;
  dueTime: string | null;
  timeZone: string | null;
  offsetMinutes: number;
  fellDueAt: string;
  anchorAt: string;
  overdue: boolean;
}

/** A reminder still to come in an open case (reminder.upcoming): what the desktop app shows as a notification, and when. */
export interface UpcomingReminder {
  /** The reminder's key (reminder.snooze and reminder.dismiss take it). */
  id: string;
  title: string;
  body: string;
  /** When it is due to be shown, in milliseconds since the epoch. */
  at: number;
}

/** A reviewer's comment on one record of a case opened for review; kept outside the case file. */
export interface ReviewComment {
  id: string;
  recordKind: ReviewableKind;
  recordId: string;
  text: string;
  author: string;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

/** What importing a reviewer's comments did (review.import). */
export interface ReviewImport {
  /** Comments new to the case, now records in it. */
  added: number;
  /** Comments the case had already (imported before): left as they are. */
  alreadyThere: number;
  /** Of those added, the ones about a record the case no longer has (deleted, or never in this copy). */
  aboutMissing: number;
}

/** A review comment imported into the case, and whether the record it is about is still in the case. */
export interface ReceivedReviewComment {
  comment: RecordOf<'reviewComment'>;
  /** False when the record was deleted or is not in the case: the comment then shows the title it had. */
  recordPresent: boolean;
}

/**
 * A case that was open when the app locked, and how, so that unlocking can open it again the same way. Only the
 * path: a locked app keeps nothing of what the case holds, not even its title.
 */
export interface LockedCase {
  path: string;
  mode: 'edit' | 'readOnly' | 'review';
}

/**
 * What a receiver compares with the sender's to show that a case file is the one sent, unaltered: the file's
 * bytes (sha256) and, independent of how the file is stored, its history (audit head) and its record counts.
 */
export interface CustodyCertificate {
  /** The case's id, the same in every copy of it (certificates written before it was added lack it). */
  caseId: string;
  fileName: string;
  path: string;
  /** SHA-256 of the file's bytes, hex. */
  sha256: string;
  /** "seq:hash" of the newest audit entry (empty for a file without entries). */
  auditHead: string;
  auditEntries: number;
  /** Live records per kind. */
  recordCounts: Record<string, number>;
  schemaVersion: number;
  encrypted: boolean;
  /** When the certificate was made (ISO 8601). */
  issuedAt: string;
}

/** A certificate as it comes back to be compared with: one Parley made, read from where it was kept. */
export type CertifiedState = Omit<CustodyCertificate, 'caseId'> & { caseId?: string };

/**
 * How a case file stands against a certificate made of it earlier (case.verifyAgainst). The audit chain alone
 * cannot show that history was not rewritten by someone who recomputed it; a certificate kept elsewhere can.
 */
export interface CertificateComparison {
  /**
   * same_file: the very bytes certified. continued: other bytes, but every audit entry certified is still there
   * unchanged and the file verifies, so changes were only added after (or the file was only stored anew: opened
   * for editing, re-keyed). history_altered: the history certified is not the file's (an entry before the
   * certificate rewritten or gone, or a file that does not verify). other_case: the certificate is of another case.
   */
  verdict: 'same_file' | 'continued' | 'history_altered' | 'other_case';
  certified: CertifiedState;
  /** The file's certificate now, made in the same read as the comparison. */
  now: CustodyCertificate;
  sameBytes: boolean;
  /** null when the certificate names no case. */
  sameCase: boolean | null;
  /** The hash the file's audit entry at the certified sequence number has now; null when it has no such entry. */
  certifiedEntryNow: string | null;
  /** Audit entries the file has beyond the certified head. */
  entriesAdded: number;
  /** verify of the file, in the same read. */
  report: VerifyReport;
}

/** What the sharing rules left out of one section of a shareable brief: whole records (field null), or one field of some. */
export interface LeftOutOfSection {
  kind: KindName;
  field: string | null;
  count: number;
  /** In words: "Our target of 3 issues", "2 deadlines kept internal". */
  text: string;
}

export interface BriefPreviewSection {
  id: MeetingBriefSectionId;
  title: string;
  /** In the shareable brief as it would be written now (with the sections left out as given). */
  included: boolean;
  /** Why it is not: 'internal' for a section that is the team's alone as a whole, 'left_out' when the user left it out. */
  excluded: 'internal' | 'left_out' | null;
  /** What the sharing rules leave out of it (for an included or left-out section; nothing for an internal one). */
  leftOut: LeftOutOfSection[];
}

/** Where a text is kept: a record and one of its fields. */
export interface TextPlace {
  kind: KindName;
  id: string;
  title: string;
  field: string;
  fieldLabel: string;
}

/**
 * A shareable text that may give away what is internal: it quotes an internal text of the case (a sentence of it, or
 * a run of words), or holds a telltale word (shared/sharing.ts: TELLTALE_WORDS).
 */
export interface SharingWarning {
  reason: 'quotes_internal' | 'telltale_word';
  /** The shareable text's place. */
  at: TextPlace;
  /** The words of it that give something away, as written there. */
  excerpt: string;
  /** For quotes_internal: the internal text it quotes. */
  quotes: TextPlace | null;
  /** For telltale_word: the word. */
  word: string | null;
  /** The sections of the brief the text would be in. */
  sections: MeetingBriefSectionId[];
}

/** The shareable brief of a meeting before it is written: each section, and the warnings. */
export interface BriefPreview {
  meetingId: string;
  sections: BriefPreviewSection[];
  warnings: SharingWarning[];
  /** What a person marked shareable, though internal by default, that the brief carries (the brief names these too). */
  choices: SharingChoiceInForce[];
}

/** A sharing choice in force: a record, or one field of it, marked shareable or internal by a person. */
export interface SharingChoiceInForce {
  kind: KindName;
  id: string;
  title: string;
  field: string | null;
  fieldLabel: string | null;
  level: 'internal' | 'shareable';
  by: string;
  at: string;
  /** Still a record of the case (a choice about a record deleted since is kept, and applies again if it is restored). */
  live: boolean;
}

/** One value of a field two copies changed concurrently, with who wrote it, when, and in which copy. */
export interface ConflictSideView {
  value: unknown;
  changeId: string;
  author: string;
  at: string;
  copy: string | null;
  /** The copy's name as it was first seen ("Case.parley on alice-laptop"); null for changes made before copies were told apart. */
  copyLabel: string | null;
}

/** A conflict a merge kept (conflict.list): both values, until someone picks one or writes another. */
export interface MergeConflictView {
  id: number;
  kind: KindName;
  recordId: string;
  recordTitle: string;
  /** The field, or "(deleted)": a record deleted in one copy and changed in another, brought back. */
  field: string;
  fieldLabel: string;
  /** The value the record shows meanwhile (the newest side). */
  current: unknown;
  sides: ConflictSideView[];
  foundAt: string;
}

/** What a merge took in (or, previewed, would take in). */
export interface MergeSummary {
  /** Changes this copy did not have. */
  changes: number;
  /** Records they changed. */
  records: number;
  /** Who made them. */
  authors: string[];
  /** Conflicts the merge found, and all open conflicts of the case after it. */
  newConflicts: number;
  openConflicts: number;
  /** Rule-built deadlines dated again after the merge (they need confirming, with a reason). */
  moves: ScheduleMove[];
  /** Only previewed: nothing was changed. */
  preview: boolean;
}

/** A bundle of changes written (changes.export). */
export interface ChangesExported {
  path: string;
  changes: number;
  bytes: number;
  /** Sealed with the case's passphrase (the case is encrypted). */
  encrypted: boolean;
}
