// What the deadline engine reads: deadline and event records, or anything with the same fields (tests, the
// renderer's stores). Derived from the record registry so that the two cannot drift apart.
import type { FieldsOfKind } from '../records.js';

type MayBeLeftOut<T> = { [K in keyof T]?: T[K] | null };
type DeadlineFields = FieldsOfKind<'deadline'>;
type EventFields = FieldsOfKind<'event'>;

export type DeadlineInput = { id: string; deletedAt?: string | null }
  & Pick<DeadlineFields, 'title' | 'deadlineKind' | 'status' | 'dueType'>
  & MayBeLeftOut<Pick<DeadlineFields,
    'dueDate' | 'dueTime' | 'timeZone' | 'dueAt' | 'windowStart' | 'windowEnd' | 'rule' | 'triggerDeadlineId'
    | 'triggerEventId' | 'triggerMeetingId' | 'meetingId' | 'reminderOffsetsMinutes'>>;

export type EventInput = { id: string; deletedAt?: string | null }
  & Pick<EventFields, 'title' | 'occurredOn'>
  & MayBeLeftOut<Pick<EventFields, 'occurredTime' | 'timeZone'>>;

type MeetingFields = FieldsOfKind<'meeting'>;

/** A meeting as the engine reads it: a trigger of rules, and the date of its own "meeting" deadline. */
export type MeetingInput = { id: string; deletedAt?: string | null }
  & Pick<MeetingFields, 'title'>
  & MayBeLeftOut<Pick<MeetingFields, 'meetingDate' | 'startTime' | 'timeZone'>>;

export type DeadlineKind = DeadlineFields['deadlineKind'];
export type DueType = DeadlineFields['dueType'];
