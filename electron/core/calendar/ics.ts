// Deadlines, meetings and action items as an RFC 5545 calendar that calendar apps import or subscribe to. Pure: no
// Node, no clock.
//
// Decisions:
// - A deadline due at a time, or a meeting at a time in a zone, is exported at its instant in UTC
//   (DTSTART:20270106T220000Z), with its own zone named in the description. No TZID, so no VTIMEZONE definitions to
//   keep in step with the zone database; every calendar app shows the right moment in its user's zone. A meeting
//   with a time but no zone is a floating time (no Z): at that hour wherever the reader is, as it was entered.
// - A deadline due on a date, a meeting on a date without a time and an action item's due date are all-day events
//   (DTSTART;VALUE=DATE and DTEND the day after).
// - Action items are all-day VEVENTs, not VTODOs: Google Calendar and Outlook drop VTODOs from an imported file
//   without a word, so a to-do would be on the calendar only for some readers. Done ones stay, marked "(done)", like
//   done deadlines, and cancelled ones are STATUS:CANCELLED: a calendar that imported the item earlier learns of the
//   change only if the entry comes again.
// - UID is `${id}@parley` of each entry as given (a case's calendar gives a stable digest, not the record id:
//   calendar/export.ts), so exporting again updates the events instead of adding copies; SEQUENCE is the record's
//   version and LAST-MODIFIED its last change when they are given, so a calendar takes the newer entry.
// - Deadlines and meetings whose date is not yet known (TBD) have no place on a calendar: they are left out, and the
//   calendar's description names them; open action items without a due date are counted there.
// - One display alarm per reminder offset, for open deadlines only. Alarms count back from the start of the
//   event, which for an all-day event is the start of its day: the same moments the app reminds at
//   (shared/deadlines/reminders.ts).
// - Notes are not exported: calendars are often synced to outside services (what a case's calendar carries at all
//   is its shareable projection: calendar/export.ts). A meeting's entry says when and where; its purpose, agenda and
//   attendees stay in the brief.
import type { ACTION_STATUSES, MEETING_STATUSES } from '../../../shared/enums.js';
import { reminderOffsetsFor, shiftDays, zonedTimeToInstant, type DeadlineInput } from '../../../shared/deadlines/index.js';

/** What every entry may carry of its record: its version and last change, for SEQUENCE and LAST-MODIFIED. */
interface Versioned {
  version?: number;
  updatedAt?: string;
}

export type IcsDeadline = DeadlineInput & Versioned;

export interface IcsMeeting extends Versioned {
  id: string;
  title: string;
  status: (typeof MEETING_STATUSES)[number];
  meetingDate?: string | null;
  startTime?: string | null;
  endTime?: string | null;
  timeZone?: string | null;
  location?: string | null;
  deletedAt?: string | null;
}

export interface IcsActionItem extends Versioned {
  id: string;
  title: string;
  status: (typeof ACTION_STATUSES)[number];
  dueDate?: string | null;
  owner?: string | null;
  deletedAt?: string | null;
}

/** What goes on a calendar: the kinds given (an absent kind was not chosen, and the description does not name it). */
export interface IcsEntries {
  deadlines?: readonly IcsDeadline[];
  meetings?: readonly IcsMeeting[];
  actionItems?: readonly IcsActionItem[];
}

export interface IcsOptions {
  calendarName: string;
  /** When the export is made; every DTSTAMP. */
  generatedAt: Date;
  /** Each computed deadline's explanation (ComputedDeadline.explanation), by deadline id. */
  explanations?: ReadonlyMap<string, string>;
}

export const ICS_PRODUCT_ID = '-//Parley//Parley deadlines//EN';
const MAX_LINE_OCTETS = 75;

/** One VEVENT to write: the day it sorts by, and its lines. */
interface Entry {
  day: string;
  id: string;
  lines: string[];
}

export function toIcs(entries: IcsEntries, options: IcsOptions): string {
  const deadlines = (entries.deadlines ?? []).filter((d) => !d.deletedAt);
  const meetings = (entries.meetings ?? []).filter((m) => !m.deletedAt);
  const actionItems = (entries.actionItems ?? []).filter((a) => !a.deletedAt);
  const datedDeadlines = deadlines.filter((d) => d.dueType !== 'tbd' && d.dueDate);
  const datedMeetings = meetings.filter((m) => m.meetingDate);
  const datedActions = actionItems.filter((a) => a.dueDate);
  const all: Entry[] = [
    ...datedDeadlines.map((d) => ({ day: d.dueDate!, id: d.id, lines: deadlineLines(d, options) })),
    ...datedMeetings.map((m) => ({ day: m.meetingDate!, id: m.id, lines: meetingLines(m, options) })),
    ...datedActions.map((a) => ({ day: a.dueDate!, id: a.id, lines: actionItemLines(a, options) })),
  ].sort((a, b) => a.day.localeCompare(b.day) || a.id.localeCompare(b.id));
  const undatedTitles = [
    ...deadlines.filter((d) => !datedDeadlines.includes(d)),
    ...meetings.filter((m) => !m.meetingDate && m.status !== 'cancelled'),
  ].map((r) => r.title);
  const undatedActions = actionItems.filter((a) => !a.dueDate && a.status === 'open').length;
  const notIncluded = [
    undatedTitles.length ? `Not included because their dates are not yet known: ${undatedTitles.join('; ')}.` : '',
    undatedActions ? `Not included because they have no due date: ${undatedActions} open action item${undatedActions === 1 ? '' : 's'}.` : '',
  ];
  const description = [`${contentsWords(entries)} from Parley.`, ...notIncluded].filter(Boolean).join(' ');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${ICS_PRODUCT_ID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    textProperty('NAME', options.calendarName),
    textProperty('X-WR-CALNAME', options.calendarName),
    textProperty('DESCRIPTION', description),
    textProperty('X-WR-CALDESC', description),
    ...all.flatMap((entry) => entry.lines),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** "Deadlines", "Deadlines and meetings", "Meetings and action items": the kinds a calendar was made of. */
function contentsWords(entries: IcsEntries): string {
  const words = [entries.deadlines && 'deadlines', entries.meetings && 'meetings', entries.actionItems && 'action items'].filter(Boolean) as string[];
  const joined = words.length <= 1 ? (words[0] ?? 'entries') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
  return capitalized(joined);
}

function deadlineLines(deadline: IcsDeadline, options: IcsOptions): string[] {
  const dueDate = deadline.dueDate!;
  const atTime = deadline.dueType === 'datetime' && deadline.dueTime && deadline.timeZone
    ? { time: deadline.dueTime, zone: deadline.timeZone }
    : null;
  const when = atTime ? [`DTSTART:${utcStamp(zonedTimeToInstant(dueDate, atTime.time, atTime.zone))}`] : allDay(dueDate);
  const due = atTime ? `Due ${dueDate} ${atTime.time} ${atTime.zone}` : `Due ${dueDate}`;
  const description = [options.explanations?.get(deadline.id) ?? due, `${capitalized(deadline.deadlineKind)} deadline, ${deadline.status}.`].join('\n');
  const alarms = deadline.status === 'open' ? reminderOffsetsFor(deadline).flatMap((offset) => alarmLines(deadline.title, offset)) : [];
  return eventLines(deadline, options, [
    ...when,
    textProperty('SUMMARY', deadline.status === 'open' ? deadline.title : `${deadline.title} (${deadline.status})`),
    textProperty('DESCRIPTION', description),
    textProperty('CATEGORIES', capitalized(deadline.deadlineKind)),
    `STATUS:${deadline.status === 'waived' ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:TRANSPARENT',
    ...alarms,
  ]);
}

function meetingLines(meeting: IcsMeeting, options: IcsOptions): string[] {
  const date = meeting.meetingDate!;
  const zone = meeting.timeZone ?? null;
  // A start and end in the meeting's zone (as UTC instants), or as floating times when it has no zone.
  const at = (time: string) => (zone ? utcStamp(zonedTimeToInstant(date, time, zone)) : `${compactDate(date)}T${time.replace(':', '')}00`);
  const when = meeting.startTime
    ? [`DTSTART:${at(meeting.startTime)}`, ...(meeting.endTime ? [`DTEND:${at(meeting.endTime)}`] : [])]
    : allDay(date);
  const time = meeting.startTime ? ` ${meeting.startTime}${meeting.endTime ? `–${meeting.endTime}` : ''}${zone ? ` ${zone}` : ''}` : '';
  const statusWords = meeting.status === 'planned' ? '' : ` (${meeting.status})`;
  return eventLines(meeting, options, [
    ...when,
    textProperty('SUMMARY', `${meeting.title}${statusWords}`),
    ...(meeting.location ? [textProperty('LOCATION', meeting.location)] : []),
    textProperty('DESCRIPTION', `Meeting on ${date}${time}, ${meeting.status}.`),
    'CATEGORIES:Meeting',
    // A postponed meeting's date no longer holds; a cancelled one will not happen.
    `STATUS:${meeting.status === 'cancelled' ? 'CANCELLED' : meeting.status === 'postponed' ? 'TENTATIVE' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
  ]);
}

function actionItemLines(item: IcsActionItem, options: IcsOptions): string[] {
  const owner = item.owner ? ` Owner: ${item.owner}.` : '';
  return eventLines(item, options, [
    ...allDay(item.dueDate!),
    textProperty('SUMMARY', item.status === 'open' ? item.title : `${item.title} (${item.status})`),
    textProperty('DESCRIPTION', `Action item due ${item.dueDate}, ${item.status}.${owner}`),
    'CATEGORIES:Action item',
    `STATUS:${item.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:TRANSPARENT',
  ]);
}

/** A VEVENT around an entry's own lines, with what every entry has: its UID, DTSTAMP, SEQUENCE and LAST-MODIFIED. */
function eventLines(record: { id: string } & Versioned, options: IcsOptions, own: string[]): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${record.id}@parley`,
    `DTSTAMP:${utcStamp(options.generatedAt)}`,
    ...(record.version !== undefined ? [`SEQUENCE:${record.version}`] : []),
    // A time that is not one (a record written by another program) leaves LAST-MODIFIED out rather than the calendar.
    ...(record.updatedAt && !Number.isNaN(Date.parse(record.updatedAt)) ? [`LAST-MODIFIED:${utcStamp(new Date(record.updatedAt))}`] : []),
    ...own,
    'END:VEVENT',
  ];
}

function allDay(date: string): string[] {
  return [`DTSTART;VALUE=DATE:${compactDate(date)}`, `DTEND;VALUE=DATE:${compactDate(shiftDays(date, 1))}`];
}

function alarmLines(title: string, offsetMinutes: number): string[] {
  return [
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    textProperty('DESCRIPTION', title),
    `TRIGGER:${durationBefore(offsetMinutes)}`,
    'END:VALARM',
  ];
}

/**
 * A TEXT value with RFC 5545 §3.3.11 escapes: backslash, semicolon, comma, and line breaks as \n. The other control
 * characters a case file may hold (escape, bell, NUL, DEL ...) have no place in TEXT (§3.3.11 allows only the tab)
 * and would reach a terminal that shows the file: they are left out.
 */
export function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n').replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '');
}

function textProperty(name: string, value: string): string {
  return `${name}:${escapeText(value)}`;
}

/**
 * Splits a content line into lines of at most 75 octets (RFC 5545 §3.1), each continuation starting with a
 * space, never inside a UTF-8 character.
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const pieces: string[] = [];
  let piece = '';
  let pieceOctets = 0;
  for (const character of line) {
    const octets = encoder.encode(character).length;
    // Continuation lines begin with a space, which counts toward their 75 octets.
    const room = pieces.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (pieceOctets + octets > room) {
      pieces.push(piece);
      piece = '';
      pieceOctets = 0;
    }
    piece += character;
    pieceOctets += octets;
  }
  pieces.push(piece);
  return pieces.join('\r\n ');
}

/** A duration back in time: 10,080 minutes -> -P7D, 120 -> -PT2H, 1,530 -> -P1DT1H30M, 0 -> PT0S. */
function durationBefore(minutes: number): string {
  if (minutes === 0) return 'PT0S';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const time = `${hours ? `${hours}H` : ''}${rest ? `${rest}M` : ''}`;
  return `-P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

function utcStamp(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

function compactDate(iso: string): string {
  return iso.replace(/-/g, '');
}

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
