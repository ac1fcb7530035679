// The registry of record kinds: the one place that says what a case file holds. The storage layer builds its
// SQL from these definitions, the contract derives one operation per kind and verb from them, and the UI reads
// their labels. Adding a field means: a migration, and the field here.
import { z } from 'zod';
import { parseDocument, type DocumentNode } from './documents/model.js';
import { withoutParleyAddresses, withoutRecordLinks } from './documents/record-links.js';
import { documentText } from './documents/text.js';
import { holidayCalendarById } from './deadlines/calendars/index.js';
import * as E from './enums.js';
import {
  type Shape, type FieldsOf, type CreateFieldsOf, type UpdateFieldsOf,
  req, opt, shortText, longText, isoDate, timeOfDay, timeZone, recordId, textList, tagList, sha256Text, auditHeadText,
} from './fields.js';
import { withArticle } from './words.js';

/**
 * The most of an attachment's text Parley keeps for search, in characters: about a thousand pages. What comes after
 * is left out, and a note at the end of the text says so (electron/core/attachments/).
 */
export const MAX_EXTRACTED_TEXT_LENGTH = 2_000_000;

/** The longest review comment, in characters (as the reviewer's comment box takes it). */
export const MAX_REVIEW_COMMENT_LENGTH = 10_000;

/**
 * How a kind may be changed through the generic verbs:
 * - singleton: exactly one per case file, made with the file (get, update);
 * - editable: create, get, list, update, delete (soft), restore, purge (hard);
 * - appendOnly: history that is written once and never edited (create, get, list);
 * - attachment: like editable, but created by `attachment.add` with its bytes;
 * - imported: written only by an import of its own (`review.import`) and changed only by operations of its own
 *   (`reviewComment.resolve`); get and list through the generic verbs.
 */
export type KindMode = 'singleton' | 'editable' | 'appendOnly' | 'attachment' | 'imported';

export interface KindDef<S extends Shape = Shape> {
  table: string;
  label: string;
  plural: string;
  mode: KindMode;
  titleField: keyof S & string;
  fields: S;
  /** Rules across fields, checked on the record as it will be stored; returns what is wrong, or null. */
  check?: (record: FieldsOf<S>) => string | null;
  /** The text a field contributes to the search index, where it is not the stored text itself. */
  searchText?: (field: keyof S & string, record: FieldsOf<S>) => string | null;
  /** False for a kind whose records are settings about other records, never search results (a sharing choice). */
  searchable?: false;
  // Who may see what (shared/sharing.ts applies these; each field's own level is its `share`):
  /**
   * Why a record of this kind is the negotiating team's alone as a whole by default ("an internal note"), or null
   * when it may leave. `ref` gives the live record a reference field points at, where a rule needs it.
   */
  internalWhen?: (record: FieldsOf<S>, linked: Linked<S>) => string | null;
  /**
   * References to the record this one belongs to: when that one is internal (or not there), so is this one, whatever
   * anyone marked (the notes of an internal meeting, the revisions of an internal draft).
   */
  partOf?: readonly (keyof S & string)[];
  /** Fields that make no sense without another: when the key is withheld, so are the fields listed (a rule without its trigger). */
  withheldWith?: { readonly [F in keyof S & string]?: readonly (keyof S & string)[] };
  /** The value a field may leave as, where what is stored can hold links into the case file (a draft's document). */
  shareableValue?: (field: keyof S & string, record: FieldsOf<S>) => unknown;
}

/** What a record's sharing rule may read of the records its reference fields point at. */
export interface Linked<S extends Shape = Shape> {
  /** The live record a reference field points at, if it is there. */
  record(field: keyof S & string): Readonly<Record<string, unknown>> | undefined;
  /**
   * Whether a field of that record is internal: by default or by a person's choice (either makes it so, so that a
   * record carrying a copy of the field's value is no less internal than the field). True if the record is not there.
   */
  fieldIsInternal(field: keyof S & string, of: string): boolean;
  /** The same for a field of the case's one record of a singleton kind (the directive), which no field points at. */
  singletonFieldIsInternal(kind: 'directive', of: string): boolean;
}

/** The issue fields whose every change the core keeps as a position change, and which side and position each is. */
export const POSITION_SOURCES = [
  { field: 'ourOpening', side: 'ours', position: 'opening' },
  { field: 'ourTarget', side: 'ours', position: 'target' },
  { field: 'ourWalkaway', side: 'ours', position: 'walkaway' },
  { field: 'theirPosition', side: 'theirs', position: 'stated' },
] as const satisfies readonly { field: string; side: (typeof E.NEGOTIATING_SIDES)[number]; position: (typeof E.POSITION_FIELDS)[number] }[];

// The mode is kept as its literal type: EditableKind, CreatableKind and the contract's per-kind operation names
// are derived from it, and a widened KindMode would leave them all empty.
function kind<S extends Shape, M extends KindMode>(def: KindDef<S> & { mode: M }): KindDef<S> & { mode: M } {
  return def;
}

const deadlineRule = z.strictObject({
  amount: z.number().int().min(0).max(10_000),
  unit: z.enum(E.RULE_UNITS),
  direction: z.enum(E.RULE_DIRECTIONS),
  roll: z.enum(E.ROLL_MODES),
  time: timeOfDay.optional(),
  timeZone: timeZone.optional(),
});
export type DeadlineRule = z.infer<typeof deadlineRule>;

const reminderOffsets = z.array(z.number().int().min(0).max(525_600)).max(20);

/** A day the case's office is closed beyond its holiday calendar (a shutdown, an agency closure). */
const closure = z.strictObject({ date: isoDate, name: z.string().trim().min(1, 'must not be empty').max(200) });
export type Closure = z.infer<typeof closure>;

/** Which reminders of a deadline the user snoozed (until when) or dismissed, by reminder key (see dueReminders). */
const reminderKeyText = z.string().min(1).max(300);
const reminderState = z.strictObject({
  dismissed: z.array(reminderKeyText).max(100),
  snoozedUntil: z.record(reminderKeyText, z.iso.datetime()),
});
export type StoredReminderState = z.infer<typeof reminderState>;

export const KINDS = {
  directive: kind({
    table: 'directive', label: 'Directive', plural: 'Directive', mode: 'singleton', titleField: 'title',
    fields: {
      title: req(shortText, { share: 'shareable', search: true }),
      referenceNumber: opt(z.string().max(200), { share: 'shareable', search: true }),
      issuingAuthority: opt(z.string().max(1_000), { share: 'shareable', search: true }),
      legalBasis: opt(longText, { share: 'shareable', search: true }),
      authoritiesCited: opt(textList, { share: 'shareable', json: true, search: true }),
      issuedOn: opt(isoDate, { share: 'shareable' }),
      receivedOn: opt(isoDate, { share: 'shareable' }),
      subject: opt(longText, { share: 'shareable', search: true }),
      scope: opt(longText, { share: 'shareable', search: true }),
      ourOrganization: opt(z.string().max(1_000), { share: 'shareable', search: true }),
      counterparty: opt(z.string().max(1_000), { share: 'shareable', search: true }),
      summary: opt(longText, { share: 'shareable', search: true }),
      status: req(z.enum(E.DIRECTIVE_STATUSES), { share: 'shareable' }),
      risk: opt(z.enum(E.RISK_LEVELS), { share: 'internal' }),
      // The case's working calendar for rule-built deadlines: a holiday calendar (US federal when not set) and the
      // case's own closure dates.
      holidayCalendarId: opt(z.string().min(1).max(100), { share: 'internal', label: 'Holiday calendar' }),
      closures: opt(z.array(closure).max(1_000), { share: 'internal', json: true }),
    },
    check: (d) => {
      if (d.holidayCalendarId && !holidayCalendarById(d.holidayCalendarId)) return `there is no holiday calendar "${d.holidayCalendarId}"`;
      const dates = (d.closures ?? []).map((c) => c.date);
      if (new Set(dates).size !== dates.length) return 'each closure date may be listed only once';
      return null;
    },
  }),
  party: kind({
    table: 'party', label: 'Party', plural: 'Parties', mode: 'editable', titleField: 'name',
    fields: {
      name: req(shortText, { share: 'shareable', search: true }),
      partyKind: req(z.enum(E.PARTY_KINDS), { share: 'shareable' }),
      side: req(z.enum(E.PARTY_SIDES), { share: 'shareable' }),
      role: opt(z.string().max(1_000), { share: 'shareable', search: true }),
      organization: opt(z.string().max(1_000), { share: 'shareable', search: true }),
      contact: opt(z.string().max(2_000), { share: 'internal', search: true }),
      notes: opt(longText, { share: 'internal', search: true }),
    },
  }),
  event: kind({
    table: 'event', label: 'Event', plural: 'Events', mode: 'editable', titleField: 'title',
    fields: {
      title: req(shortText, { share: 'shareable', search: true }),
      eventKind: req(z.enum(E.EVENT_KINDS), { share: 'shareable' }),
      occurredOn: req(isoDate, { share: 'shareable' }),
      occurredTime: opt(timeOfDay, { share: 'shareable' }),
      timeZone: opt(timeZone, { share: 'shareable' }),
      description: opt(longText, { share: 'shareable', search: true }),
      source: opt(z.string().max(5_000), { share: 'internal', search: true }),
      // Set by the core on the event that is the directive's issued or received date (migration 0007).
      directiveDate: opt(z.enum(E.DIRECTIVE_DATE_FIELDS), { share: 'shareable' }),
    },
    // The directive's date as an event holds a copy of the directive's field: it is no less internal than that field.
    internalWhen: (e, linked) => (e.directiveDate && linked.singletonFieldIsInternal('directive', e.directiveDate)
      ? `the directive's ${e.directiveDate === 'issuedOn' ? 'issued' : 'received'} date, which is internal`
      : null),
  }),
  deadline: kind({
    table: 'deadline', label: 'Deadline', plural: 'Deadlines', mode: 'editable', titleField: 'title',
    fields: {
      title: req(shortText, { share: 'shareable', search: true }),
      deadlineKind: req(z.enum(E.DEADLINE_KINDS), { share: 'shareable' }),
      status: req(z.enum(E.DEADLINE_STATUSES), { share: 'shareable' }),
      dueType: req(z.enum(E.DUE_TYPES), { share: 'shareable' }),
      dueDate: opt(isoDate, { share: 'shareable' }),
      dueTime: opt(timeOfDay, { share: 'shareable' }),
      timeZone: opt(timeZone, { share: 'shareable' }),
      // The instant a date-time deadline falls due, in UTC; computed from dueDate, dueTime and timeZone.
      dueAt: opt(z.iso.datetime(), { share: 'shareable', label: 'Due (UTC)' }),
      windowStart: opt(isoDate, { share: 'shareable' }),
      windowEnd: opt(isoDate, { share: 'shareable' }),
      confidence: opt(z.enum(E.CONFIDENCE_LEVELS), { share: 'internal' }),
      owner: opt(z.string().max(1_000), { share: 'shareable', search: true }),
      ownerPartyId: opt(recordId, { share: 'shareable', ref: 'party' }),
      rule: opt(deadlineRule, { share: 'shareable', json: true }),
      triggerDeadlineId: opt(recordId, { share: 'shareable', ref: 'deadline' }),
      triggerEventId: opt(recordId, { share: 'shareable', ref: 'event' }),
      reminderOffsetsMinutes: opt(reminderOffsets, { share: 'shareable', label: 'Reminders', json: true }),
      notes: opt(longText, { share: 'internal', search: true }),
      // Set by reminder.snooze and reminder.dismiss only.
      reminderState: opt(reminderState, { share: 'internal', label: 'Snoozed and dismissed reminders', json: true }),
      // Migration 0007: a rule may count from a meeting; a "meeting" deadline may be its meeting's date.
      triggerMeetingId: opt(recordId, { share: 'shareable', ref: 'meeting' }),
      meetingId: opt(recordId, { share: 'shareable', ref: 'meeting' }),
    },
    check: (d) => {
      if (d.dueType === 'date' && !d.dueDate) return 'a deadline due on a date needs its due date';
      if (d.dueType === 'datetime' && !(d.dueDate && d.dueTime && d.timeZone)) {
        return 'a deadline due at a time needs its due date, due time and time zone';
      }
      if (d.dueType === 'tbd' && (d.dueDate || d.dueTime)) return 'a deadline whose date is not yet known (TBD) has no due date or time; give the window it may fall in (window start and window end) instead';
      if (d.dueType !== 'datetime' && d.dueTime) return 'a due time is only for a deadline due at a date and time';
      if (d.windowStart && d.windowEnd && d.windowStart > d.windowEnd) return 'the window start must not be after the window end';
      const triggers = [d.triggerDeadlineId, d.triggerEventId, d.triggerMeetingId].filter(Boolean).length;
      if (triggers > 1) return 'a deadline hangs on one trigger: a deadline, an event or a meeting, not more';
      if (d.rule && !triggers) return 'a rule needs a trigger to count from: a deadline, an event or a meeting';
      if (d.meetingId && (d.rule || triggers)) return 'a meeting\'s own deadline is dated by its meeting and has no rule or trigger';
      if (d.meetingId && d.deadlineKind !== 'meeting') return 'only a deadline of kind "meeting" can be a meeting\'s own deadline';
      if (d.rule?.time && !d.rule.timeZone) return `a rule with a time of day (${d.rule.time}) needs a time zone for that time, such as America/New_York`;
      return null;
    },
    internalWhen: (d, linked) => {
      if (d.deadlineKind === 'internal') return 'an internal deadline';
      // Its due date is a copy of the meeting's date: when that date may not leave, neither may this deadline.
      if (d.meetingId && linked.fieldIsInternal('meetingId', 'meetingDate')) return 'the date of a meeting whose date is internal';
      return null;
    },
    // A meeting's own deadline is that meeting's date: it stays in whenever the meeting does.
    partOf: ['meetingId'],
    // A rule counts from its trigger: without the trigger it cannot be read, or checked.
    withheldWith: { triggerDeadlineId: ['rule'], triggerEventId: ['rule'], triggerMeetingId: ['rule'] },
  }),
  meeting: kind({
    table: 'meeting', label: 'Meeting', plural: 'Meetings', mode: 'editable', titleField: 'title',
    fields: {
      title: req(shortText, { share: 'shareable', search: true }),
      status: req(z.enum(E.MEETING_STATUSES), { share: 'shareable' }),
      meetingDate: opt(isoDate, { share: 'shareable' }),
      startTime: opt(timeOfDay, { share: 'shareable' }),
      endTime: opt(timeOfDay, { share: 'shareable' }),
      timeZone: opt(timeZone, { share: 'shareable' }),
      location: opt(z.string().max(2_000), { share: 'shareable', search: true }),
      purpose: opt(longText, { share: 'shareable', search: true }),
      desiredOutcome: opt(longText, { share: 'internal', label: 'Desired outcome', search: true }),
      agenda: opt(textList, { share: 'shareable', json: true, search: true }),
      summary: opt(longText, { share: 'internal', search: true }),
    },
    check: (m) => (m.startTime && m.endTime && m.endTime < m.startTime ? 'the end time must not be before the start time' : null),
  }),
  attendee: kind({
    table: 'attendee', label: 'Attendee', plural: 'Attendees', mode: 'editable', titleField: 'name',
    fields: {
      meetingId: req(recordId, { share: 'shareable', ref: 'meeting' }),
      partyId: opt(recordId, { share: 'shareable', ref: 'party' }),
      name: req(shortText, { share: 'shareable', search: true }),
      side: req(z.enum(E.PARTY_SIDES), { share: 'shareable' }),
      role: opt(z.string().max(1_000), { share: 'shareable', search: true }),
      attended: opt(z.boolean(), { share: 'shareable' }),
    },
    partOf: ['meetingId'],
  }),
  note: kind({
    table: 'note', label: 'Note', plural: 'Notes', mode: 'editable', titleField: 'body',
    fields: {
      meetingId: opt(recordId, { share: 'shareable', ref: 'meeting' }),
      body: req(z.string().min(1, 'must not be empty').max(500_000), { share: 'shareable', search: true }),
      takenAt: opt(z.iso.datetime({ offset: true }), { share: 'shareable' }),
      internal: opt(z.boolean(), { share: 'shareable' }),
      // The day it records (migration 0007): its meeting's date unless the user gives another; the typing time is
      // the audit trail's.
      recordedOn: opt(isoDate, { share: 'shareable' }),
    },
    internalWhen: (n) => (n.internal ? 'a note marked internal' : null),
    partOf: ['meetingId'],
  }),
  decision: kind({
    table: 'decision', label: 'Decision', plural: 'Decisions', mode: 'editable', titleField: 'text',
    fields: {
      meetingId: req(recordId, { share: 'shareable', ref: 'meeting' }),
      issueId: opt(recordId, { share: 'shareable', ref: 'issue' }),
      text: req(z.string().min(1, 'must not be empty').max(50_000), { share: 'shareable', search: true }),
      // The day it records (migration 0007): its meeting's date unless the user gives another; the typing time is
      // the audit trail's.
      recordedOn: opt(isoDate, { share: 'shareable' }),
    },
    partOf: ['meetingId', 'issueId'],
  }),
  actionItem: kind({
    table: 'action_item', label: 'Action item', plural: 'Action items', mode: 'editable', titleField: 'title',
    fields: {
      title: req(shortText, { share: 'shareable', search: true }),
      status: req(z.enum(E.ACTION_STATUSES), { share: 'shareable' }),
      meetingId: opt(recordId, { share: 'shareable', ref: 'meeting' }),
      owner: opt(z.string().max(1_000), { share: 'shareable', search: true }),
      ownerPartyId: opt(recordId, { share: 'shareable', ref: 'party' }),
      dueDate: opt(isoDate, { share: 'shareable' }),
      isCommitment: opt(z.boolean(), { share: 'shareable' }),
      notes: opt(longText, { share: 'internal', search: true }),
    },
    partOf: ['meetingId'],
  }),
  issue: kind({
    table: 'negotiation_issue', label: 'Issue', plural: 'Issues', mode: 'editable', titleField: 'title',
    fields: {
      title: req(shortText, { share: 'shareable', search: true }),
      description: opt(longText, { share: 'shareable', search: true }),
      priority: req(z.enum(E.ISSUE_PRIORITIES), { share: 'shareable' }),
      status: req(z.enum(E.ISSUE_STATUSES), { share: 'shareable' }),
      ourInterests: opt(longText, { share: 'internal', search: true }),
      ourOpening: opt(longText, { share: 'shareable', search: true }),
      ourTarget: opt(longText, { share: 'internal', search: true }),
      ourWalkaway: opt(longText, { share: 'internal', label: 'Our walk-away', search: true }),
      theirPosition: opt(longText, { share: 'shareable', label: 'Their stated position', search: true }),
      theirInterests: opt(longText, { share: 'internal', label: 'Their interests (as we read them)', search: true }),
      sortOrder: opt(z.number().int(), { share: 'shareable' }),
      // Migration 0009: the team's own labels ("fallback", "phase 2"), merged tag by tag (FieldDef.set).
      tags: opt(tagList, { share: 'internal', json: true, search: true, set: true }),
    },
  }),
  positionChange: kind({
    table: 'position_change', label: 'Position change', plural: 'Position changes', mode: 'appendOnly',
    titleField: 'value',
    fields: {
      issueId: req(recordId, { share: 'shareable', ref: 'issue' }),
      side: req(z.enum(E.NEGOTIATING_SIDES), { share: 'shareable' }),
      position: req(z.enum(E.POSITION_FIELDS), { share: 'shareable' }),
      previousValue: opt(longText, { share: 'shareable' }),
      value: opt(longText, { share: 'shareable', search: true }),
      meetingId: opt(recordId, { share: 'shareable', ref: 'meeting' }),
      reason: opt(longText, { share: 'internal', search: true }),
      // The day it records (migration 0007): its meeting's date unless the user gives another; the typing time is
      // the audit trail's.
      recordedOn: opt(isoDate, { share: 'shareable' }),
    },
    // A position change carries a value of one of its issue's position fields, now and before: it is internal
    // wherever that field is (our target and walk-away by default; our opening if a person marked it so), and a
    // position no field records (one we inferred) is ours alone.
    internalWhen: (c, linked) => {
      const source = POSITION_SOURCES.find((p) => p.side === c.side && p.position === c.position);
      if (!source) return `${withArticle(c.position)} position of ${c.side === 'ours' ? 'ours' : 'theirs'} that no issue field records`;
      return linked.fieldIsInternal('issueId', source.field) ? `a change to ${c.side === 'ours' ? 'our' : 'their'} ${c.position} position, which is internal` : null;
    },
    partOf: ['issueId'],
  }),
  concession: kind({
    table: 'concession', label: 'Concession', plural: 'Concessions', mode: 'editable', titleField: 'description',
    fields: {
      issueId: req(recordId, { share: 'shareable', ref: 'issue' }),
      direction: req(z.enum(E.CONCESSION_DIRECTIONS), { share: 'shareable' }),
      description: req(z.string().min(1, 'must not be empty').max(50_000), { share: 'shareable', search: true }),
      meetingId: opt(recordId, { share: 'shareable', ref: 'meeting' }),
      madeOn: opt(isoDate, { share: 'shareable' }),
    },
    // Made across the table only in a meeting that was held: any other is one we plan (or hope for). One made in a
    // meeting that is internal (the team's own) is ours too.
    internalWhen: (c, linked) => (linked.record('meetingId')?.status === 'held' ? null : 'a concession not yet made in a meeting held'),
    partOf: ['issueId', 'meetingId'],
  }),
  batna: kind({
    table: 'batna', label: 'BATNA', plural: 'BATNAs', mode: 'editable', titleField: 'description',
    fields: {
      side: req(z.enum(E.NEGOTIATING_SIDES), { share: 'shareable' }),
      description: req(z.string().min(1, 'must not be empty').max(50_000), { share: 'shareable', search: true }),
      strength: opt(z.enum(E.BATNA_STRENGTHS), { share: 'internal' }),
      notes: opt(longText, { share: 'internal', search: true }),
    },
    internalWhen: (b) => `${b.side === 'ours' ? 'our' : 'their'} BATNA`,
  }),
  precedent: kind({
    table: 'precedent', label: 'Precedent', plural: 'Precedents', mode: 'editable', titleField: 'title',
    fields: {
      title: req(shortText, { share: 'shareable', search: true }),
      precedentType: req(z.enum(E.PRECEDENT_TYPES), { share: 'shareable' }),
      citation: opt(z.string().max(5_000), { share: 'shareable', search: true }),
      decidedOn: opt(isoDate, { share: 'shareable' }),
      jurisdiction: opt(z.string().max(1_000), { share: 'shareable', search: true }),
      summary: opt(longText, { share: 'shareable', search: true }),
      relevance: opt(longText, { share: 'internal', label: 'Why it matters', search: true }),
      // Migration 0009: the team's own labels ("fallback", "phase 2"), merged tag by tag (FieldDef.set).
      tags: opt(tagList, { share: 'internal', json: true, search: true, set: true }),
    },
    internalWhen: (p) => (p.precedentType === 'case_file' ? 'one of our own case files' : null),
  }),
  watchItem: kind({
    table: 'watch_item', label: 'Watch item', plural: 'Watch items', mode: 'editable', titleField: 'title',
    fields: {
      title: req(shortText, { share: 'shareable', search: true }),
      status: req(z.enum(E.WATCH_STATUSES), { share: 'shareable' }),
      description: opt(longText, { share: 'shareable', search: true }),
      indicators: opt(textList, { share: 'shareable', json: true, search: true }),
      implications: opt(longText, { share: 'internal', label: 'What it would change', search: true }),
      evidence: opt(longText, { share: 'shareable', search: true }),
      triggeredOn: opt(isoDate, { share: 'shareable' }),
      // Migration 0009: the team's own labels ("fallback", "phase 2"), merged tag by tag (FieldDef.set).
      tags: opt(tagList, { share: 'internal', json: true, search: true, set: true }),
    },
  }),
  draft: kind({
    table: 'draft', label: 'Draft', plural: 'Drafts', mode: 'editable', titleField: 'title',
    fields: {
      title: req(shortText, { share: 'shareable', search: true }),
      draftType: req(z.enum(E.DRAFT_TYPES), { share: 'shareable' }),
      status: req(z.enum(E.DRAFT_STATUSES), { share: 'shareable' }),
      meetingId: opt(recordId, { share: 'shareable', ref: 'meeting' }),
      /** A meeting brief prepared as the shareable variant (migration 0003): regenerated sections stay shareable. */
      shareable: opt(z.boolean(), { share: 'shareable' }),
      /**
       * Migration 0010: the text typed since the newest revision (an editor document as JSON), or null when that
       * revision holds it all. Work in progress, the team's alone even in a shareable brief; a new revision of the
       * draft takes it over and clears it (electron/core/store/kind-rules.ts).
       */
      workingBody: opt(z.string().max(5_000_000), { share: 'internal', search: true, label: 'Text typed since the last revision' }),
    },
    check: (d) => (d.workingBody != null && !parseStoredDocument(d.workingBody) ? 'the text typed since the last revision is not a valid editor document' : null),
    searchText: (field, d) => (field === 'workingBody' && d.workingBody != null ? documentTextOf(d.workingBody) : null),
    internalWhen: (d) => (d.shareable ? null : 'a draft not prepared as shareable'),
  }),
  draftRevision: kind({
    table: 'draft_revision', label: 'Draft revision', plural: 'Draft revisions', mode: 'appendOnly',
    titleField: 'note',
    fields: {
      draftId: req(recordId, { share: 'shareable', ref: 'draft' }),
      revisionNumber: req(z.number().int().min(1), { share: 'shareable' }),
      format: req(z.enum(E.DRAFT_FORMATS), { share: 'shareable' }),
      body: req(z.string().max(5_000_000), { share: 'shareable', search: true }),
      note: opt(z.string().max(2_000), { share: 'internal' }),
    },
    // Editor documents are stored as their JSON; what is searched is the text a reader sees.
    check: (r) => (r.format === 'prosemirror' && !parseStoredDocument(r.body) ? 'the body is not a valid editor document' : null),
    searchText: (field, r) => (field === 'body' && r.format === 'prosemirror' ? documentTextOf(r.body) : null),
    partOf: ['draftId'],
    shareableValue: (field, r) => (field === 'body' ? shareableBody(r.format, r.body) : r[field]),
  }),
  link: kind({
    table: 'link', label: 'Link', plural: 'Links', mode: 'editable', titleField: 'linkType',
    fields: {
      fromKind: req(z.enum(E.LINKABLE_KINDS), { share: 'shareable' }),
      fromId: req(recordId, { share: 'shareable' }),
      linkType: req(z.enum(E.LINK_TYPES), { share: 'shareable' }),
      toKind: req(z.enum(E.LINKABLE_KINDS), { share: 'shareable' }),
      toId: req(recordId, { share: 'shareable' }),
      // Set for a record in another case file: its case id, and where that file was last seen.
      toCaseId: opt(recordId, { share: 'internal', label: 'Other case' }),
      toCasePath: opt(z.string().max(4_096), { share: 'internal', label: 'Other case file' }),
      toTitle: opt(z.string().max(1_000), { share: 'internal', label: 'Title in the other case' }),
      note: opt(longText, { share: 'internal', search: true }),
    },
    check: (l) => {
      if (l.toCasePath && !l.toCaseId) return 'the other case file goes with the other case: give both or neither';
      if (!l.toCaseId && l.fromKind === l.toKind && l.fromId === l.toId) return 'a record cannot link to itself';
      return null;
    },
    internalWhen: (l) =>
      l.toCaseId ? 'a link into another case file'
      : INTERNAL_LINK_TYPES.has(l.linkType) ? `a link saying what ${l.linkType === 'supports' ? 'supports' : 'undermines'} our position`
      : null,
  }),
  attachment: kind({
    table: 'attachment', label: 'Attachment', plural: 'Attachments', mode: 'attachment', titleField: 'name',
    fields: {
      name: req(shortText, { share: 'shareable', search: true }),
      mediaType: req(z.string().min(1).max(255), { share: 'shareable' }),
      description: opt(longText, { share: 'shareable', search: true }),
      // Size and digest are set by the core from the bytes; a caller cannot give them.
      size: req(z.number().int().min(0), { share: 'shareable' }),
      sha256: req(z.string().regex(/^[0-9a-f]{64}$/), { share: 'shareable' }),
      // The record it is attached to (a kind a link may reach), or neither for the case itself; see the check below.
      attachedToKind: opt(z.enum(E.LINKABLE_KINDS), { share: 'shareable', label: 'Attached to' }),
      attachedToId: opt(recordId, { share: 'shareable', label: 'Attached to' }),
      // Set by the core alone, from the bytes (electron/core/attachments/): where reading its text stands, the text
      // read (for search; the first MAX_EXTRACTED_TEXT_LENGTH characters), and why reading failed. Null only on an
      // attachment made before Parley read text, until the case is next opened for editing.
      textStatus: opt(z.enum(E.ATTACHMENT_TEXT_STATUSES), { share: 'internal', label: 'Text for search' }),
      extractedText: opt(z.string().max(MAX_EXTRACTED_TEXT_LENGTH + 200), { share: 'internal', search: true, label: 'Text of the file' }),
      textError: opt(z.string().max(2_000), { share: 'internal', label: 'Why its text could not be read' }),
    },
    check: (a) => ((a.attachedToKind === null) !== (a.attachedToId === null) ? 'what an attachment is attached to needs both its kind and its id, or neither' : null),
    // Parley reads what a file says only for search; none leaves unless a person has looked and marked it shareable.
    internalWhen: () => 'an attachment (what it says has not been checked for sharing)',
  }),
  // A person's choice that a record, or one field of it, may leave the team or not (or goes back to the default),
  // through sharing.set. Append-only: the latest choice for a record or field is the one in force, and the earlier
  // ones are its history. shared/sharing.ts reads them.
  disclosure: kind({
    table: 'disclosure', label: 'Sharing choice', plural: 'Sharing choices', mode: 'appendOnly', titleField: 'level', searchable: false,
    fields: {
      recordKind: req(z.enum(E.DISCLOSABLE_KINDS), { share: 'shareable' }),
      recordId: req(recordId, { share: 'shareable' }),
      /** The field chosen for; null for the record as a whole. */
      field: opt(z.string().regex(/^[a-zA-Z]{1,64}$/, 'must be a field name'), { share: 'shareable' }),
      level: req(z.enum(E.SHARING_CHOICES), { share: 'shareable' }),
    },
    check: (d) => disclosureProblem(d),
    internalWhen: () => 'a choice about what may leave the team',
  }),
  // A reviewer's comment that travelled back to the case (review.import): about a record named by kind, id and the
  // title it had when reviewed, so that it still reads where that record has changed or is gone. Not a reference:
  // the record may no longer be in the case. commentId is the id the reviewer's Parley gave it; importing the same
  // comment again adds nothing.
  reviewComment: kind({
    table: 'review_comment', label: 'Review comment', plural: 'Review comments', mode: 'imported', titleField: 'text',
    fields: {
      commentId: req(recordId, { share: 'shareable' }),
      recordKind: req(z.enum(E.REVIEWABLE_KINDS), { share: 'shareable' }),
      recordId: req(recordId, { share: 'shareable' }),
      recordTitle: req(shortText, { share: 'shareable' }),
      text: req(z.string().trim().min(1, 'must not be empty').max(MAX_REVIEW_COMMENT_LENGTH), { share: 'shareable', search: true }),
      reviewer: req(shortText, { share: 'shareable', search: true }),
      reviewedAt: req(z.iso.datetime(), { share: 'shareable' }),
      /** The case's audit head ("seq:hash") in the copy the reviewer read. */
      reviewedAuditHead: req(auditHeadText, { share: 'shareable' }),
      resolvedAt: opt(z.iso.datetime(), { share: 'internal' }),
      resolvedBy: opt(shortText, { share: 'internal' }),
      /** The SHA-256 the comments file carried over its content, naming the file the comment came in. */
      commentsSha256: req(sha256Text, { share: 'shareable' }),
    },
    check: (c) => ((c.resolvedAt === null) !== (c.resolvedBy === null) ? 'when a comment was resolved and who resolved it go together: give both or neither' : null),
    // A reviewer's remark to the team about its own file: it never leaves with a shareable brief or copy, whatever its
    // fields say (required fields are declared shareable only because a record cannot leave without them).
    internalWhen: () => 'a review comment',
  }),
} as const;

/** Links that say how a record bears on our position: ours alone. */
const INTERNAL_LINK_TYPES: ReadonlySet<string> = new Set<(typeof E.LINK_TYPES)[number]>(['supports', 'undermines']);

/**
 * What is wrong with a sharing choice, or null: the field must be one of its record's kind, and a required field
 * goes with its record (a record cannot leave without it, so the record is what to mark), as does the directive,
 * which is the case itself.
 */
export function disclosureProblem(d: { recordKind: (typeof E.DISCLOSABLE_KINDS)[number]; field: string | null }): string | null {
  const def = KINDS[d.recordKind];
  const label = def.label.toLowerCase();
  const a = /^[aeiou]/.test(label) ? 'an' : 'a';
  if (d.field === null) return d.recordKind === 'directive' ? 'the directive is the case itself: mark its fields, not the whole of it' : null;
  const fields: Record<string, { required: boolean }> = def.fields;
  if (!Object.hasOwn(fields, d.field)) return `${a} ${label} has no field "${d.field}"`;
  if (fields[d.field]!.required) return `every ${label} has its ${d.field}, so it goes with the record: mark the whole ${label} instead`;
  return null;
}

/** A draft's stored body as it may leave: a document without its record links, text without parley: addresses. */
function shareableBody(format: string, body: string): string {
  if (format !== 'prosemirror') return withoutParleyAddresses(body);
  const doc = parseStoredDocument(body);
  return doc ? JSON.stringify(withoutRecordLinks(doc)) : '';
}

/** The words a reader sees of a stored editor document ('' for one that does not parse). */
function documentTextOf(body: string): string {
  const doc = parseStoredDocument(body);
  return doc ? documentText(doc) : '';
}

function parseStoredDocument(body: string): DocumentNode | null {
  try {
    const parsed = parseDocument(JSON.parse(body));
    return parsed.ok ? parsed.doc : null;
  } catch {
    return null;
  }
}

export type Kinds = typeof KINDS;
export type KindName = keyof Kinds;
export const KIND_NAMES = Object.keys(KINDS) as KindName[];

/**
 * Columns every record has besides its own fields. A type, not an interface: a record is then a plain object type,
 * which the store's untyped form (Record<string, unknown>) takes without a cast.
 */
export type RecordMeta = {
  id: string;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  deletedAt: string | null;
  deletedBy: string | null;
};

export type FieldsOfKind<K extends KindName> = FieldsOf<Kinds[K]['fields']>;
export type RecordOf<K extends KindName> = RecordMeta & FieldsOfKind<K>;
export type CreateInputOf<K extends KindName> = CreateFieldsOf<Kinds[K]['fields']>;
export type UpdateInputOf<K extends KindName> = UpdateFieldsOf<Kinds[K]['fields']>;

export type EditableKind = { [K in KindName]: Kinds[K]['mode'] extends 'editable' ? K : never }[KindName];
export type AppendOnlyKind = { [K in KindName]: Kinds[K]['mode'] extends 'appendOnly' ? K : never }[KindName];
export type ListableKind = Exclude<KindName, 'directive'>;
export type CreatableKind = EditableKind | AppendOnlyKind;
export type DeletableKind = EditableKind | 'attachment';
export type UpdatableKind = EditableKind | 'directive' | 'attachment';

/** Fields of a kind that a caller may not set through the generic verbs (the core computes them). */
export const COMPUTED_FIELDS: Partial<Record<KindName, readonly string[]>> = {
  attachment: ['size', 'sha256', 'textStatus', 'extractedText', 'textError'],
  deadline: ['dueAt', 'reminderState'],
  event: ['directiveDate'],
  draftRevision: ['revisionNumber'],
};
