// The registry of record kinds: the one place that says what a case file holds. The storage layer builds its
// SQL from these definitions, the contract derives one operation per kind and verb from them, and the UI reads
// their labels. Adding a field means: a migration, and the field here.
import { z } from 'zod';
import { parseDocument, type DocumentNode } from './documents/model.js';
import { documentText } from './documents/text.js';
import { holidayCalendarById } from './deadlines/calendars/index.js';
import * as E from './enums.js';
import {
  type Shape, type FieldsOf, type CreateFieldsOf, type UpdateFieldsOf,
  req, opt, shortText, longText, isoDate, timeOfDay, timeZone, recordId, textList, sha256Text, auditHeadText,
} from './fields.js';

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
}

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
      title: req(shortText, { search: true }),
      referenceNumber: opt(z.string().max(200), { search: true }),
      issuingAuthority: opt(z.string().max(1_000), { search: true }),
      legalBasis: opt(longText, { search: true }),
      authoritiesCited: opt(textList, { json: true, search: true }),
      issuedOn: opt(isoDate),
      receivedOn: opt(isoDate),
      subject: opt(longText, { search: true }),
      scope: opt(longText, { search: true }),
      ourOrganization: opt(z.string().max(1_000), { search: true }),
      counterparty: opt(z.string().max(1_000), { search: true }),
      summary: opt(longText, { search: true }),
      status: req(z.enum(E.DIRECTIVE_STATUSES)),
      risk: opt(z.enum(E.RISK_LEVELS)),
      // The case's working calendar for rule-built deadlines: a holiday calendar (US federal when not set) and the
      // case's own closure dates.
      holidayCalendarId: opt(z.string().min(1).max(100)),
      closures: opt(z.array(closure).max(1_000), { json: true }),
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
      name: req(shortText, { search: true }),
      partyKind: req(z.enum(E.PARTY_KINDS)),
      side: req(z.enum(E.PARTY_SIDES)),
      role: opt(z.string().max(1_000), { search: true }),
      organization: opt(z.string().max(1_000), { search: true }),
      contact: opt(z.string().max(2_000), { search: true }),
      notes: opt(longText, { search: true }),
    },
  }),
  event: kind({
    table: 'event', label: 'Event', plural: 'Events', mode: 'editable', titleField: 'title',
    fields: {
      title: req(shortText, { search: true }),
      eventKind: req(z.enum(E.EVENT_KINDS)),
      occurredOn: req(isoDate),
      occurredTime: opt(timeOfDay),
      timeZone: opt(timeZone),
      description: opt(longText, { search: true }),
      source: opt(z.string().max(5_000), { search: true }),
    },
  }),
  deadline: kind({
    table: 'deadline', label: 'Deadline', plural: 'Deadlines', mode: 'editable', titleField: 'title',
    fields: {
      title: req(shortText, { search: true }),
      deadlineKind: req(z.enum(E.DEADLINE_KINDS)),
      status: req(z.enum(E.DEADLINE_STATUSES)),
      dueType: req(z.enum(E.DUE_TYPES)),
      dueDate: opt(isoDate),
      dueTime: opt(timeOfDay),
      timeZone: opt(timeZone),
      // The instant a date-time deadline falls due, in UTC; computed from dueDate, dueTime and timeZone.
      dueAt: opt(z.iso.datetime()),
      windowStart: opt(isoDate),
      windowEnd: opt(isoDate),
      confidence: opt(z.enum(E.CONFIDENCE_LEVELS)),
      owner: opt(z.string().max(1_000), { search: true }),
      ownerPartyId: opt(recordId, { ref: 'party' }),
      rule: opt(deadlineRule, { json: true }),
      triggerDeadlineId: opt(recordId, { ref: 'deadline' }),
      triggerEventId: opt(recordId, { ref: 'event' }),
      reminderOffsetsMinutes: opt(reminderOffsets, { json: true }),
      notes: opt(longText, { search: true }),
      // Set by reminder.snooze and reminder.dismiss only.
      reminderState: opt(reminderState, { json: true }),
    },
    check: (d) => {
      if (d.dueType === 'date' && !d.dueDate) return 'a deadline due on a date needs dueDate';
      if (d.dueType === 'datetime' && !(d.dueDate && d.dueTime && d.timeZone)) {
        return 'a deadline due at a time needs dueDate, dueTime and timeZone';
      }
      if (d.dueType === 'tbd' && (d.dueDate || d.dueTime)) return 'a TBD deadline has no due date; use windowStart/windowEnd';
      if (d.dueType !== 'datetime' && d.dueTime) return 'dueTime is only for deadlines due at a time (dueType datetime)';
      if (d.windowStart && d.windowEnd && d.windowStart > d.windowEnd) return 'windowStart must not be after windowEnd';
      if (d.triggerDeadlineId && d.triggerEventId) return 'a deadline hangs on one trigger: a deadline or an event, not both';
      if (d.rule && !(d.triggerDeadlineId || d.triggerEventId)) return 'a rule needs a trigger (triggerDeadlineId or triggerEventId)';
      if (d.rule?.time && !d.rule.timeZone) return `a rule with a time of day (${d.rule.time}) needs a time zone (rule.timeZone), such as America/New_York`;
      return null;
    },
  }),
  meeting: kind({
    table: 'meeting', label: 'Meeting', plural: 'Meetings', mode: 'editable', titleField: 'title',
    fields: {
      title: req(shortText, { search: true }),
      status: req(z.enum(E.MEETING_STATUSES)),
      meetingDate: opt(isoDate),
      startTime: opt(timeOfDay),
      endTime: opt(timeOfDay),
      timeZone: opt(timeZone),
      location: opt(z.string().max(2_000), { search: true }),
      purpose: opt(longText, { search: true }),
      desiredOutcome: opt(longText, { search: true }),
      agenda: opt(textList, { json: true, search: true }),
      summary: opt(longText, { search: true }),
    },
    check: (m) => (m.startTime && m.endTime && m.endTime < m.startTime ? 'endTime must not be before startTime' : null),
  }),
  attendee: kind({
    table: 'attendee', label: 'Attendee', plural: 'Attendees', mode: 'editable', titleField: 'name',
    fields: {
      meetingId: req(recordId, { ref: 'meeting' }),
      partyId: opt(recordId, { ref: 'party' }),
      name: req(shortText, { search: true }),
      side: req(z.enum(E.PARTY_SIDES)),
      role: opt(z.string().max(1_000), { search: true }),
      attended: opt(z.boolean()),
    },
  }),
  note: kind({
    table: 'note', label: 'Note', plural: 'Notes', mode: 'editable', titleField: 'body',
    fields: {
      meetingId: opt(recordId, { ref: 'meeting' }),
      body: req(z.string().min(1, 'must not be empty').max(500_000), { search: true }),
      takenAt: opt(z.iso.datetime({ offset: true })),
      internal: opt(z.boolean()),
    },
  }),
  decision: kind({
    table: 'decision', label: 'Decision', plural: 'Decisions', mode: 'editable', titleField: 'text',
    fields: {
      meetingId: req(recordId, { ref: 'meeting' }),
      issueId: opt(recordId, { ref: 'issue' }),
      text: req(z.string().min(1, 'must not be empty').max(50_000), { search: true }),
    },
  }),
  actionItem: kind({
    table: 'action_item', label: 'Action item', plural: 'Action items', mode: 'editable', titleField: 'title',
    fields: {
      title: req(shortText, { search: true }),
      status: req(z.enum(E.ACTION_STATUSES)),
      meetingId: opt(recordId, { ref: 'meeting' }),
      owner: opt(z.string().max(1_000), { search: true }),
      ownerPartyId: opt(recordId, { ref: 'party' }),
      dueDate: opt(isoDate),
      isCommitment: opt(z.boolean()),
      notes: opt(longText, { search: true }),
    },
  }),
  issue: kind({
    table: 'negotiation_issue', label: 'Issue', plural: 'Issues', mode: 'editable', titleField: 'title',
    fields: {
      title: req(shortText, { search: true }),
      description: opt(longText, { search: true }),
      priority: req(z.enum(E.ISSUE_PRIORITIES)),
      status: req(z.enum(E.ISSUE_STATUSES)),
      ourInterests: opt(longText, { search: true }),
      ourOpening: opt(longText, { search: true }),
      ourTarget: opt(longText, { search: true }),
      ourWalkaway: opt(longText, { search: true }),
      theirPosition: opt(longText, { search: true }),
      theirInterests: opt(longText, { search: true }),
      sortOrder: opt(z.number().int()),
    },
  }),
  positionChange: kind({
    table: 'position_change', label: 'Position change', plural: 'Position changes', mode: 'appendOnly',
    titleField: 'value',
    fields: {
      issueId: req(recordId, { ref: 'issue' }),
      side: req(z.enum(E.NEGOTIATING_SIDES)),
      position: req(z.enum(E.POSITION_FIELDS)),
      previousValue: opt(longText),
      value: opt(longText, { search: true }),
      meetingId: opt(recordId, { ref: 'meeting' }),
      reason: opt(longText, { search: true }),
    },
  }),
  concession: kind({
    table: 'concession', label: 'Concession', plural: 'Concessions', mode: 'editable', titleField: 'description',
    fields: {
      issueId: req(recordId, { ref: 'issue' }),
      direction: req(z.enum(E.CONCESSION_DIRECTIONS)),
      description: req(z.string().min(1, 'must not be empty').max(50_000), { search: true }),
      meetingId: opt(recordId, { ref: 'meeting' }),
      madeOn: opt(isoDate),
    },
  }),
  batna: kind({
    table: 'batna', label: 'BATNA', plural: 'BATNAs', mode: 'editable', titleField: 'description',
    fields: {
      side: req(z.enum(E.NEGOTIATING_SIDES)),
      description: req(z.string().min(1, 'must not be empty').max(50_000), { search: true }),
      strength: opt(z.enum(E.BATNA_STRENGTHS)),
      notes: opt(longText, { search: true }),
    },
  }),
  precedent: kind({
    table: 'precedent', label: 'Precedent', plural: 'Precedents', mode: 'editable', titleField: 'title',
    fields: {
      title: req(shortText, { search: true }),
      precedentType: req(z.enum(E.PRECEDENT_TYPES)),
      citation: opt(z.string().max(5_000), { search: true }),
      decidedOn: opt(isoDate),
      jurisdiction: opt(z.string().max(1_000), { search: true }),
      summary: opt(longText, { search: true }),
      relevance: opt(longText, { search: true }),
    },
  }),
  watchItem: kind({
    table: 'watch_item', label: 'Watch item', plural: 'Watch items', mode: 'editable', titleField: 'title',
    fields: {
      title: req(shortText, { search: true }),
      status: req(z.enum(E.WATCH_STATUSES)),
      description: opt(longText, { search: true }),
      indicators: opt(textList, { json: true, search: true }),
      implications: opt(longText, { search: true }),
      evidence: opt(longText, { search: true }),
      triggeredOn: opt(isoDate),
    },
  }),
  draft: kind({
    table: 'draft', label: 'Draft', plural: 'Drafts', mode: 'editable', titleField: 'title',
    fields: {
      title: req(shortText, { search: true }),
      draftType: req(z.enum(E.DRAFT_TYPES)),
      status: req(z.enum(E.DRAFT_STATUSES)),
      meetingId: opt(recordId, { ref: 'meeting' }),
      /** A meeting brief prepared as the shareable variant (migration 0003): regenerated sections stay shareable. */
      shareable: opt(z.boolean()),
    },
  }),
  draftRevision: kind({
    table: 'draft_revision', label: 'Draft revision', plural: 'Draft revisions', mode: 'appendOnly',
    titleField: 'note',
    fields: {
      draftId: req(recordId, { ref: 'draft' }),
      revisionNumber: req(z.number().int().min(1)),
      format: req(z.enum(E.DRAFT_FORMATS)),
      body: req(z.string().max(5_000_000), { search: true }),
      note: opt(z.string().max(2_000)),
    },
    // Editor documents are stored as their JSON; what is searched is the text a reader sees.
    check: (r) => (r.format === 'prosemirror' && !parseStoredDocument(r.body) ? 'the body is not a valid editor document' : null),
    searchText: (field, r) => {
      if (field !== 'body' || r.format !== 'prosemirror') return null;
      const doc = parseStoredDocument(r.body);
      return doc ? documentText(doc) : '';
    },
  }),
  link: kind({
    table: 'link', label: 'Link', plural: 'Links', mode: 'editable', titleField: 'linkType',
    fields: {
      fromKind: req(z.enum(E.LINKABLE_KINDS)),
      fromId: req(recordId),
      linkType: req(z.enum(E.LINK_TYPES)),
      toKind: req(z.enum(E.LINKABLE_KINDS)),
      toId: req(recordId),
      // Set for a record in another case file: its case id, and where that file was last seen.
      toCaseId: opt(recordId),
      toCasePath: opt(z.string().max(4_096)),
      toTitle: opt(z.string().max(1_000)),
      note: opt(longText, { search: true }),
    },
    check: (l) => {
      if (l.toCasePath && !l.toCaseId) return 'toCasePath goes with toCaseId';
      if (!l.toCaseId && l.fromKind === l.toKind && l.fromId === l.toId) return 'a record cannot link to itself';
      return null;
    },
  }),
  attachment: kind({
    table: 'attachment', label: 'Attachment', plural: 'Attachments', mode: 'attachment', titleField: 'name',
    fields: {
      name: req(shortText, { search: true }),
      mediaType: req(z.string().min(1).max(255)),
      description: opt(longText, { search: true }),
      // Size and digest are set by the core from the bytes; a caller cannot give them.
      size: req(z.number().int().min(0)),
      sha256: req(z.string().regex(/^[0-9a-f]{64}$/)),
    },
  }),
  // A reviewer's comment that travelled back to the case (review.import): about a record named by kind, id and the
  // title it had when reviewed, so that it still reads where that record has changed or is gone. Not a reference:
  // the record may no longer be in the case. commentId is the id the reviewer's Parley gave it; importing the same
  // comment again adds nothing.
  reviewComment: kind({
    table: 'review_comment', label: 'Review comment', plural: 'Review comments', mode: 'imported', titleField: 'text',
    fields: {
      commentId: req(recordId),
      recordKind: req(z.enum(E.REVIEWABLE_KINDS)),
      recordId: req(recordId),
      recordTitle: req(shortText),
      text: req(z.string().trim().min(1, 'must not be empty').max(MAX_REVIEW_COMMENT_LENGTH), { search: true }),
      reviewer: req(shortText, { search: true }),
      reviewedAt: req(z.iso.datetime()),
      /** The case's audit head ("seq:hash") in the copy the reviewer read. */
      reviewedAuditHead: req(auditHeadText),
      resolvedAt: opt(z.iso.datetime()),
      resolvedBy: opt(shortText),
      /** The SHA-256 the comments file carried over its content, naming the file the comment came in. */
      commentsSha256: req(sha256Text),
    },
    check: (c) => ((c.resolvedAt === null) !== (c.resolvedBy === null) ? 'resolvedAt and resolvedBy go together' : null),
  }),
} as const;

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

/** Columns every record has besides its own fields. */
export interface RecordMeta {
  id: string;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  deletedAt: string | null;
  deletedBy: string | null;
}

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
  attachment: ['size', 'sha256'],
  deadline: ['dueAt', 'reminderState'],
  draftRevision: ['revisionNumber'],
};
