// The closed vocabularies of the domain (see ../shared/guide/DOMAIN.md). Each is a const tuple so that the
// zod schemas, the SQL CHECK constraints' tests and the UI's pickers all read the same list.

export const DIRECTIVE_STATUSES = [
  'received', 'under_review', 'contesting', 'negotiating', 'settled', 'complied', 'withdrawn', 'litigating',
] as const;
export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export const PARTY_SIDES = ['ours', 'theirs', 'third_party'] as const;
export const PARTY_KINDS = ['person', 'organization'] as const;
export const DEADLINE_KINDS = ['statutory', 'response', 'compliance', 'meeting', 'internal'] as const;
export const DEADLINE_STATUSES = ['open', 'done', 'waived', 'missed'] as const;
/** How a deadline's due moment is known: a calendar date, a date and time in a zone, or not yet known. */
export const DUE_TYPES = ['date', 'datetime', 'tbd'] as const;
export const CONFIDENCE_LEVELS = ['low', 'medium', 'high'] as const;
export const RULE_UNITS = ['calendar_days', 'business_days', 'weeks', 'months'] as const;
export const RULE_DIRECTIONS = ['after', 'before'] as const;
export const ROLL_MODES = ['forward', 'back', 'none'] as const;
/** The directive's dates that are events of the case (the event keeps which one it is). */
export const DIRECTIVE_DATE_FIELDS = ['issuedOn', 'receivedOn'] as const;
export const EVENT_KINDS = [
  'order_issued', 'order_received', 'statement', 'meeting_held', 'filing', 'correspondence', 'other',
] as const;
export const MEETING_STATUSES = ['planned', 'held', 'cancelled', 'postponed'] as const;
export const ACTION_STATUSES = ['open', 'done', 'cancelled'] as const;
export const ISSUE_PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;
export const ISSUE_STATUSES = ['open', 'proposed', 'agreed', 'rejected', 'parked'] as const;
export const NEGOTIATING_SIDES = ['ours', 'theirs'] as const;
/** Which of an issue's positions changed: our three, or their stated one. */
export const POSITION_FIELDS = ['opening', 'target', 'walkaway', 'stated'] as const;
export const CONCESSION_DIRECTIONS = ['given', 'received'] as const;
export const BATNA_STRENGTHS = ['weak', 'moderate', 'strong'] as const;
export const PRECEDENT_TYPES = [
  'statute', 'regulation', 'court_decision', 'agency_action', 'earlier_directive', 'case_file',
  'public_statement', 'other',
] as const;
export const LINK_TYPES = ['supports', 'undermines', 'cites', 'analogous_to', 'responds_to'] as const;
export const WATCH_STATUSES = ['watching', 'triggered', 'closed'] as const;
export const DRAFT_TYPES = ['meeting_brief', 'position_paper', 'letter', 'memo', 'other'] as const;
export const DRAFT_STATUSES = ['working', 'final'] as const;
export const DRAFT_FORMATS = ['markdown', 'html', 'prosemirror'] as const;
export const AUDIT_OPERATIONS = ['create', 'update', 'delete', 'restore', 'purge'] as const;
/**
 * Record kinds a typed link may join: every kind but the link itself and a sharing choice, which is about a record
 * rather than a record of the case (a test keeps this in step with KINDS).
 */
export const LINKABLE_KINDS = [
  'directive', 'party', 'event', 'deadline', 'meeting', 'attendee', 'note', 'decision', 'actionItem', 'issue',
  'positionChange', 'concession', 'batna', 'precedent', 'watchItem', 'draft', 'draftRevision', 'attachment',
] as const;
export type LinkableKind = (typeof LINKABLE_KINDS)[number];
/**
 * Where reading an attachment's text stands: 'pending' until the core has read it, 'extracted' once read (its text is
 * searchable), 'none' for a type whose text Parley does not read (an image), 'failed' when the file could not be read.
 */
export const ATTACHMENT_TEXT_STATUSES = ['pending', 'extracted', 'none', 'failed'] as const;
/**
 * Record kinds a review comment may be about: every kind but the review comment itself (a test keeps this in step
 * with KINDS). A comment on a comment is a reply, which review comments do not have.
 */
export const REVIEWABLE_KINDS = [
  'directive', 'party', 'event', 'deadline', 'meeting', 'attendee', 'note', 'decision', 'actionItem', 'issue',
  'positionChange', 'concession', 'batna', 'precedent', 'watchItem', 'draft', 'draftRevision', 'link', 'attachment',
] as const;
export type ReviewableKind = (typeof REVIEWABLE_KINDS)[number];
/** Record kinds a person may mark shareable or internal: every kind but the sharing choice itself. */
export const DISCLOSABLE_KINDS = [...LINKABLE_KINDS, 'link'] as const;
/** Who may see a field or record: the negotiating team alone, or the other side too (shared/sharing.ts). */
export const SENSITIVITIES = ['internal', 'shareable'] as const;
/** What a person may choose for a record or field: either level, or back to what the registry says by default. */
export const SHARING_CHOICES = ['internal', 'shareable', 'default'] as const;
