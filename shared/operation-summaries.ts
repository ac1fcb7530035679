// One line per operation of the contract, for `parley operations` and anyone scripting the core. The record
// operations are described from the records registry; every other operation is named here, and the type below
// makes leaving one out (or keeping a line for one that is gone) a compile error.
import { CONTRACT, STATIC_OPERATIONS, type OpName } from './contract.js';
import { KINDS, type KindName } from './records.js';

const STATIC_SUMMARIES: Readonly<Record<keyof typeof STATIC_OPERATIONS, string>> = {
  'case.create': 'Make a new case file for a directive (encrypted when a passphrase is given)',
  'case.open': 'Open a case file, for editing or read-only',
  'case.close': 'Close an open case',
  'case.info': 'What an open case is: its file, directive, version and record counts',
  'case.listOpen': 'The cases open now',
  'case.verify': 'Check a case: its integrity, its rules and its audit chain',
  'case.export': 'The whole case as JSON (attachments optional)',
  'case.import': 'Make a new case file from a JSON export',
  'case.search': 'Search the records of one case',
  'case.recentChanges': 'The latest entries of the audit trail',
  'case.keyDates': 'The next deadlines, meetings and overdue items as of a date',
  'issue.reviewPrompts': 'The issues to review since a watch item linked to them changed stage or was triggered',
  'record.history': 'The audit entries of one record',
  'record.resolveId': 'The one record whose id starts with a prefix (at least 4 characters), with its kind and title',
  'record.links': 'The links from and to one record',
  'record.deletionImpact': 'What deleting a record would take with it (its links, dependants and history), and whether to ask first',
  'case.deleted': 'The deleted records of a case, newest first, each with what was deleted with it',
  'case.undoState': 'What Undo and Redo would do next in an open case',
  'case.undo': 'Undo the last change made through the record verbs while the case is open (audited as a new change)',
  'case.redo': 'Redo the last change undone (audited as a new change)',
  'attachment.add': 'Attach a file (base64, at most 25 MB) to the case or one of its records; its text is read for search afterwards',
  'attachment.textState': 'Whether an attachment\'s text has been read for search yet (pending, extracted, none, failed)',
  'attachment.read': 'The bytes of an attachment (base64)',
  'brief.build': 'Build a meeting brief (internal, or shareable)',
  'brief.regenerateSection': 'Rebuild one section of an edited brief from the case',
  'brief.preview': 'What a shareable brief would hold: its sections, and warnings of text that quotes internal text',
  'sharing.get': 'Who may see a record and each of its fields, by default or by a person\'s choice',
  'sharing.set': 'Mark a record or one field shareable, internal, or back to the default (audited)',
  'sharing.list': 'Every sharing choice in force in the case, with who made it',
  'template.fill': 'Fill a draft template (built in, or one of the firm\'s) from the case',
  'template.list': 'List the firm\'s templates in the templates folder, and the files there that cannot be used',
  'template.save': 'Save a draft\'s document, or a brief\'s chosen sections, as a template of the firm',
  'template.rename': 'Give a template of the firm a new name',
  'template.remove': 'Remove a template of the firm',
  'brief.export': 'A meeting brief as a Markdown, HTML, PDF or Word file (base64)',
  'document.export': 'A draft as a Markdown, HTML, PDF or Word file (base64)',
  'library.list': 'The case files of the library',
  'library.forget': 'Take a file off the library list (the file stays)',
  'library.archive': 'Put a case in the Archived group of the library, or take it out (left out of the dashboard and search)',
  'library.rename': 'Rename a case file in its folder (not while it is open)',
  'library.duplicate': 'Duplicate a case file beside itself: another copy of the same case, which can be merged with it',
  'library.dashboard': 'What is due across every case of the library',
  'library.digest': 'What falls due now and what others changed since the digest was last read, across the library',
  'library.search': 'Search every case of the library',
  'library.prepareIndex': 'Bring the library index up to date for a while, and say how far it is',
  'schedule.get': 'Every deadline with its trigger, rule and computed date',
  'schedule.preview': 'What a change of date or rule would move, without changing anything',
  'schedule.confirm': 'Make a previewed change of date or rule, with its reason',
  'reminder.due': 'Reminders due now (of one case, or of every open case)',
  'reminder.snooze': 'Snooze a reminder until a time',
  'reminder.dismiss': 'Dismiss a reminder',
  'reminder.upcoming': 'Reminders still to come in the open cases, with when each is due to be shown',
  'calendar.ics': 'Deadlines, meetings and action items as an iCalendar file (of the named cases, or the whole library)',
  'case.openForReview': 'Open a case in review mode: read-only, comments kept apart',
  'review.list': 'Review comments on a case (or on one record)',
  'review.add': 'Add a review comment to a record',
  'review.resolve': 'Mark a review comment resolved or open again',
  'review.remove': 'Remove a review comment',
  'review.export': 'A reviewer\'s comments as a file for the case\'s owner (base64; encrypted for an encrypted case)',
  'review.import': 'Bring a reviewer\'s comments file into the case (again is a no-op; audited)',
  'review.received': 'The review comments brought into the case, each with its record',
  'reviewComment.resolve': 'Mark a received review comment resolved or open again (audited)',
  'profile.get': 'Your name and initials as written on your changes, or the name used while you have set none',
  'profile.set': 'Set your name (1 to 80 characters) and initials (up to 4; made from the name if left out)',
  'settings.set': 'Change your settings: default time zone, date format, holiday calendar for new cases, lock when idle',
  'session.lock': 'Close every case (app lock) and say which to open again',
  'case.encrypt': 'Encrypt a case file that is not open',
  'case.rekey': 'Change the passphrase of an encrypted case file that is not open',
  'case.decrypt': 'Decrypt a case file that is not open',
  'case.certificate': 'A custody certificate of the case (hashes a receiver compares)',
  'case.exportForTransfer': 'An encrypted copy of the case for sending, with its certificate',
  'case.saveCopy': 'Save a checked copy of the open case as another file, kept as the case is (encrypted or not)',
  'case.verifyAgainst': 'Compare the case with a custody certificate made of it earlier',
  'case.merge': 'Take in every change another copy of the same case has and this one lacks (the other file is not changed)',
  'changes.export': 'Write the changes of this copy (all, or since a day) as a bundle a colleague can import',
  'changes.import': 'Take in the changes of a bundle exported from another copy of the same case',
  'conflict.list': 'The conflicts merges kept: fields two copies changed differently, records deleted in one and changed in another',
  'conflict.resolve': 'Resolve a conflict by keeping one side or writing a new value (audited)',
};

const VERB_SUMMARIES: Readonly<Record<string, (label: string, plural: string) => string>> = {
  create: (label) => `Create ${article(label)} ${label}`,
  get: (label) => `One ${label} by id`,
  list: (_label, plural) => `${plural}, with filters (deleted ones on request)`,
  update: (label) => `Change fields of ${article(label)} ${label}`,
  delete: (label) => `Delete ${article(label)} ${label} (it can be restored)`,
  restore: (label) => `Restore a deleted ${label}`,
  purge: (label) => `Remove a deleted ${label} for good (audited)`,
};

/** "an" before a vowel sound (an action item, an issue), "a" otherwise. */
function article(word: string): string {
  return /^[aeio]/i.test(word) ? 'an' : 'a';
}

/** The one-line summary of an operation. */
export function operationSummary(name: OpName): string {
  if (Object.hasOwn(STATIC_SUMMARIES, name)) return STATIC_SUMMARIES[name as keyof typeof STATIC_SUMMARIES];
  const [kind, verb] = name.split('.') as [KindName, string];
  if (kind === 'directive') return verb === 'get' ? 'The directive of the case' : 'Change fields of the directive';
  const { label, plural } = KINDS[kind];
  // Labels are capitalised for headings; acronyms (BATNA) keep their capitals inside a sentence.
  const inSentence = label === label.toUpperCase() ? label : label.toLowerCase();
  return VERB_SUMMARIES[verb]!(inSentence, plural);
}

/**
 * How an operation names the case it works on: `caseId` (one case), `caseIds` (a list), or null for operations on
 * files and the library (open, create, encrypt ...), which take paths instead.
 */
export function caseKeyOf(name: OpName): 'caseId' | 'caseIds' | null {
  const shape = (CONTRACT[name].input as { shape?: Record<string, unknown> }).shape ?? {};
  if (Object.hasOwn(shape, 'caseId')) return 'caseId';
  if (Object.hasOwn(shape, 'caseIds')) return 'caseIds';
  return null;
}
