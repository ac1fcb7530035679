// The SQL and field lists the code writes about particular kinds, beside the record registry (shared/records.ts) and
// the kinds' rules (kind-rules.ts): the order each kind is listed in, the fields that reads across many records take,
// and the queries of the dashboard, the library and a case's key dates. Tables and columns are named from the
// registry, and the fields a query reads are checked against it, so adding a field to one of these reads is one
// entry in its list (plus, for a new field, its migration and its line in the registry).
import { KINDS, type KindName, type RecordOf } from '../../../shared/records.js';
import { toColumn } from './record-table.js';

/** A field of a kind's records, metadata (id, createdAt …) included. */
export type FieldOf<K extends KindName> = keyof RecordOf<K> & string;

/** "id, title, due_date AS dueDate": the columns of `fields`, each read under its field's name. */
function columnsOf(fields: readonly string[]): string {
  return fields.map((f) => (toColumn(f) === f ? f : `${toColumn(f)} AS ${f}`)).join(', ');
}

/** `SELECT <fields> FROM <the kind's table> <rest>`. */
function select<K extends KindName>(kind: K, fields: readonly FieldOf<K>[], rest: string): string {
  return `SELECT ${columnsOf(fields)} FROM ${KINDS[kind].table} ${rest}`;
}

// ---- order --------------------------------------------------------------------------------------------------

/** Default sort per kind: the order a user reads them in. */
const ORDER_BY: Partial<Record<KindName, string>> = {
  deadline: "CASE due_type WHEN 'tbd' THEN 1 ELSE 0 END, due_date, due_time, title",
  event: 'occurred_on, occurred_time, created_at',
  meeting: "meeting_date IS NULL, meeting_date, start_time",
  note: 'created_at',
  issue: "sort_order IS NULL, sort_order, CASE priority WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END, created_at",
  positionChange: 'created_at, rowid',
  // Two copies may each add a revision of the same number (migration 0008): the time, then the id, decide.
  draftRevision: 'revision_number, created_at, id',
  actionItem: "status <> 'open', due_date IS NULL, due_date, created_at",
  reviewComment: 'reviewed_at, rowid',
};

export const orderOf = (kind: KindName): string => ORDER_BY[kind] ?? 'created_at, rowid';

// ---- deadlines and the schedule -----------------------------------------------------------------------------

/** A deadline's own due fields, as a user types them: changing any of them by hand dates it. */
export const TYPED_DUE_FIELDS = ['dueType', 'dueDate', 'dueTime', 'timeZone', 'windowStart', 'windowEnd'] as const satisfies readonly FieldOf<'deadline'>[];
/** The due fields the engine owns on a rule-built deadline. */
export const DUE_FIELDS = ['dueType', 'dueDate', 'dueTime', 'timeZone', 'dueAt', 'windowStart', 'windowEnd'] as const satisfies readonly FieldOf<'deadline'>[];
/** The fields that say what a deadline counts from. */
export const TRIGGER_FIELDS = ['rule', 'triggerDeadlineId', 'triggerEventId', 'triggerMeetingId', 'meetingId'] as const satisfies readonly FieldOf<'deadline'>[];
/** What the engine reads of a stored deadline (a DeadlineInput), and all a plan needs of the deadlines it moves. */
export const DEADLINE_INPUT_FIELDS = ['title', 'deadlineKind', 'status', ...DUE_FIELDS, 'rule', 'triggerDeadlineId', 'triggerEventId', 'triggerMeetingId', 'meetingId'] as const satisfies readonly FieldOf<'deadline'>[];
/**
 * Records a case holds only one live of per value of a field (the unique indexes of the schema): a merge of two
 * copies that each made one keeps the first (merge/duplicates.ts).
 */
export const ONE_LIVE_PER: Partial<Record<KindName, string>> = {
  batna: 'side',
  deadline: 'meetingId',
  event: 'directiveDate',
  reviewComment: 'commentId',
} satisfies { [K in KindName]?: FieldOf<K> };

/** What the engine reads of a meeting. */
export const MEETING_INPUT_FIELDS = ['title', 'meetingDate', 'startTime', 'timeZone'] as const satisfies readonly FieldOf<'meeting'>[];
/** The fields of each kind that rule-built deadlines depend on; changing any other field moves nothing. */
export const SCHEDULE_FIELDS: Partial<Record<KindName, readonly string[]>> = {
  deadline: [...DUE_FIELDS, ...TRIGGER_FIELDS, 'deletedAt'],
  event: ['occurredOn', 'timeZone', 'deletedAt'],
  meeting: ['title', 'meetingDate', 'startTime', 'timeZone', 'deletedAt'],
  directive: ['holidayCalendarId', 'closures'],
} satisfies { [K in KindName]?: readonly FieldOf<K>[] };

/**
 * The kinds a deadline can hang on, each with the deadline fields that name such a record: a trigger, or (for a
 * meeting) the meeting whose own deadline it is, dated by it.
 */
export const HANGS_ON = {
  deadline: ['triggerDeadlineId'],
  event: ['triggerEventId'],
  meeting: ['triggerMeetingId', 'meetingId'],
} as const satisfies Partial<Record<KindName, readonly FieldOf<'deadline'>[]>>;
export type TriggerKind = keyof typeof HANGS_ON;
export type HangingField = (typeof HANGS_ON)[TriggerKind][number];

export function isTriggerKind(kind: KindName): kind is TriggerKind {
  return Object.hasOwn(HANGS_ON, kind);
}

/** The titles of the live deadlines that hang on a record of `kind` (its id bound as @id), by title. */
export function titlesHangingOnSql(kind: TriggerKind): string {
  const where = HANGS_ON[kind].map((f) => `${toColumn(f)} = @id`).join(' OR ');
  return `SELECT title FROM ${KINDS.deadline.table} WHERE deleted_at IS NULL AND (${where}) ORDER BY title`;
}

/** The title of a meeting's own deadline other than the one given (meeting id, deadline id). */
export const OTHER_DEADLINE_OF_MEETING_SQL = `SELECT title FROM ${KINDS.deadline.table} WHERE meeting_id = ? AND deleted_at IS NULL AND id <> ?`;

/** The title of the live event that is one of the directive's dates, other than the one given (field, event id). */
export const OTHER_DIRECTIVE_DATE_EVENT_SQL = `SELECT title FROM ${KINDS.event.table} WHERE directive_date = ? AND deleted_at IS NULL AND id <> ?`;

/** What reminders are worked out from: the open deadlines with a date (the others have none). */
export const REMINDER_FIELDS = ['title', 'deadlineKind', 'status', 'dueType', 'dueDate', 'dueTime', 'timeZone', 'reminderOffsetsMinutes', 'reminderState'] as const satisfies readonly FieldOf<'deadline'>[];

/** An open deadline with a date: the only ones that can be overdue or next, or remind anyone. */
export const OPEN_DATED = `deleted_at IS NULL AND status = 'open' AND due_type <> 'tbd' AND due_date IS NOT NULL`;

// ---- other kinds --------------------------------------------------------------------------------------------

/** The highest revision number of a draft's revisions (draft id). */
export const LAST_REVISION_SQL = `SELECT max(revision_number) FROM ${KINDS.draftRevision.table} WHERE draft_id = ?`;

/** Whether a kind holds a record whose `field` is not filled in. */
export function anyUnfilledSql(kind: KindName, field: string): string {
  return `SELECT 1 FROM ${KINDS[kind].table} WHERE ${toColumn(field)} IS NULL LIMIT 1`;
}

// ---- a case's key dates (the overview, the library) ----------------------------------------------------------

const DATED_DEADLINE = ['id', 'title', 'dueDate'] as const satisfies readonly FieldOf<'deadline'>[];

export const KEY_DATES_SQL = {
  /** The first open deadline due on or after a day. */
  nextDeadline: select('deadline', DATED_DEADLINE, `WHERE ${OPEN_DATED} AND due_date >= ? ORDER BY due_date, due_time LIMIT 1`),
  overdueCount: `SELECT count(*) FROM ${KINDS.deadline.table} WHERE ${OPEN_DATED} AND due_date < ?`,
  earliestOverdue: select('deadline', DATED_DEADLINE, `WHERE ${OPEN_DATED} AND due_date < ? ORDER BY due_date, due_time LIMIT 1`),
  undated: `SELECT count(*) FROM ${KINDS.deadline.table} WHERE deleted_at IS NULL AND status = 'open' AND (due_type = 'tbd' OR due_date IS NULL)`,
  nextMeeting: select('meeting', ['id', 'title', 'meetingDate'], `WHERE deleted_at IS NULL AND status = 'planned' AND meeting_date >= ? ORDER BY meeting_date, start_time LIMIT 1`),
  /** The first planned meeting whose date is not set yet. */
  nextUndatedMeeting: `SELECT id, title, NULL AS meetingDate FROM ${KINDS.meeting.table} WHERE deleted_at IS NULL AND status = 'planned' AND meeting_date IS NULL ORDER BY created_at LIMIT 1`,
} as const;

// ---- the library's summary and dashboard ---------------------------------------------------------------------

/** What the library lists of a case besides its next deadline. */
export const LIBRARY_SQL = {
  caseTitle: `SELECT title FROM ${KINDS.directive.table} LIMIT 1`,
  caseStatus: `SELECT status FROM ${KINDS.directive.table} LIMIT 1`,
  counts: `SELECT
      (SELECT count(*) FROM ${KINDS.deadline.table} WHERE deleted_at IS NULL AND status = 'open') AS openDeadlines,
      (SELECT count(*) FROM ${KINDS.deadline.table} WHERE deleted_at IS NULL AND status = 'open' AND due_type = 'tbd') AS tbdDeadlines,
      (SELECT count(*) FROM ${KINDS.actionItem.table} WHERE deleted_at IS NULL AND status = 'open') AS openActionItems,
      (SELECT count(*) FROM ${KINDS.issue.table} WHERE deleted_at IS NULL) AS issues,
      (SELECT count(*) FROM ${KINDS.meeting.table} WHERE deleted_at IS NULL) AS meetings`,
} as const;

// ---- review prompts (review-prompts.ts) ----------------------------------------------------------------------

/**
 * Each live issue and live watch item joined by a live link within the case (either way round), where the watch item
 * moved (its stage changed, or it was marked triggered) after the link was made and after the issue was last reviewed.
 * Times are ISO instants in UTC, which compare as text. Newest move first.
 */
export const REVIEW_PROMPTS_SQL = `
  WITH moved AS (
    SELECT id, title, stage, bill_or_rule_number,
      CASE WHEN coalesce(triggered_at, '') > coalesce(stage_changed_at, '') THEN 'triggered' ELSE 'stage' END AS move,
      max(coalesce(triggered_at, ''), coalesce(stage_changed_at, '')) AS moved_at
    FROM ${KINDS.watchItem.table}
    WHERE deleted_at IS NULL AND (triggered_at IS NOT NULL OR stage_changed_at IS NOT NULL)
  ), joined AS (
    SELECT CASE WHEN from_kind = 'issue' THEN from_id ELSE to_id END AS issue_id,
      CASE WHEN from_kind = 'issue' THEN to_id ELSE from_id END AS watch_item_id,
      max(created_at) AS linked_at
    FROM ${KINDS.link.table}
    WHERE deleted_at IS NULL AND to_case_id IS NULL
      AND ((from_kind = 'issue' AND to_kind = 'watchItem') OR (from_kind = 'watchItem' AND to_kind = 'issue'))
    GROUP BY 1, 2
  )
  SELECT i.id AS issueId, i.title AS issueTitle, w.id AS watchItemId, w.title AS watchItemTitle, w.move AS move,
    CASE WHEN w.move = 'stage' THEN w.stage END AS stage, w.bill_or_rule_number AS billOrRuleNumber, w.moved_at AS movedAt
  FROM joined j
  JOIN ${KINDS.issue.table} i ON i.id = j.issue_id AND i.deleted_at IS NULL
  JOIN moved w ON w.id = j.watch_item_id
  WHERE w.moved_at > j.linked_at AND w.moved_at > coalesce(i.reviewed_at, '')
  ORDER BY w.moved_at DESC, i.title`;

/** The rows of the dashboard, read from each case of the library. */
export const DASHBOARD_SQL = {
  /** Open deadlines due up to a day, or TBD. */
  deadlines: select('deadline', ['id', 'title', 'deadlineKind', 'dueType', 'dueDate', 'dueTime', 'timeZone', 'windowStart', 'windowEnd', 'owner'],
    `WHERE deleted_at IS NULL AND status = 'open' AND (due_type = 'tbd' OR due_date <= ?) ORDER BY due_date`),
  actionItems: select('actionItem', ['id', 'title', 'owner', 'dueDate', 'meetingId'], `WHERE deleted_at IS NULL AND status = 'open' ORDER BY due_date IS NULL, due_date`),
  /** Planned meetings from a day on, and those whose date is not set yet. */
  meetings: select('meeting', ['id', 'title', 'meetingDate', 'startTime', 'location'],
    `WHERE deleted_at IS NULL AND status = 'planned' AND (meeting_date >= ? OR meeting_date IS NULL) ORDER BY meeting_date IS NULL, meeting_date, start_time`),
  watchItems: select('watchItem', ['id', 'title', 'triggeredOn'], `WHERE deleted_at IS NULL AND status = 'triggered'`),
  /** Watch items not closed whose check-by date is on or before a day. */
  checksDue: select('watchItem', ['id', 'title', 'billOrRuleNumber', 'checkBy'], `WHERE deleted_at IS NULL AND status <> 'closed' AND check_by <= ? ORDER BY check_by`),
} as const;
