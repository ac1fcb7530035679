// A stored value as a person reads it, in a record's history and on the Conflicts screen: the shapes Parley stores
// as JSON (a deadline's rule, a case's closures, a deadline's reminders) and a watch item's stage in words, anything
// else as it is.
import { describeRule } from '../../../shared/deadlines/rules.js';
import { stageInWords } from '../../../shared/legislation.js';
import type { DeadlineRule } from '../../../shared/records.js';
import { offsetWords } from '../../../shared/words.js';
import { formatDay, formatInstant } from '../dates.js';

const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRule(value: unknown): value is DeadlineRule {
  return isRecord(value) && typeof value.amount === 'number' && typeof value.unit === 'string' && typeof value.direction === 'string' && typeof value.roll === 'string';
}

function isClosure(value: unknown): value is { date: string; name: string } {
  return isRecord(value) && typeof value.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.date) && typeof value.name === 'string';
}

function isReminderState(value: unknown): value is { dismissed: string[]; snoozedUntil: Record<string, string> } {
  return isRecord(value) && Array.isArray(value.dismissed) && isRecord(value.snoozedUntil);
}

/** One entry of a list, in words where its shape is known. */
function itemText(value: unknown, field?: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && field === 'reminderOffsetsMinutes') return offsetWords(value);
  if (isClosure(value)) return `${formatDay(value.date)} (${value.name})`;
  return JSON.stringify(value);
}

/**
 * A stored value as text: lists one item a line, nothing as null. field, when known, is the field it is the value
 * of (reminder offsets are numbers of minutes).
 */
export function valueText(value: unknown, field?: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) return value.length ? value.map((v) => itemText(v, field)).join('\n') : null;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  // A watch item's stage: "in committee → passed one chamber".
  if (field === 'stage' && typeof value === 'string') return stageInWords(value);
  // A moment the core or the app kept (a watch item's stage change, an issue's review), in the person's own format.
  if (typeof value === 'string' && field?.endsWith('At') && ISO_INSTANT.test(value)) return formatInstant(value);
  if (isRule(value)) return describeRule(value, 'its trigger');
  if (isReminderState(value)) {
    const snoozed = Object.values(value.snoozedUntil).filter((v) => typeof v === 'string');
    const lines = [
      ...(value.dismissed.length ? [`${value.dismissed.length} ${value.dismissed.length === 1 ? 'reminder' : 'reminders'} dismissed`] : []),
      ...snoozed.map((until) => `a reminder snoozed until ${formatInstant(until)}`),
    ];
    return lines.length ? lines.join('\n') : null;
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
