// Deadlines as an RFC 5545 calendar that calendar apps import or subscribe to. Pure: no Node, no clock.
//
// Decisions:
// - A deadline due at a time is exported at its instant in UTC (DTSTART:20270106T220000Z), with its own zone
//   named in the description. No TZID, so no VTIMEZONE definitions to keep in step with the zone database;
//   every calendar app shows the right moment in its user's zone.
// - A deadline due on a date is an all-day event (DTSTART;VALUE=DATE and DTEND the day after).
// - UID is `${id}@parley` of each deadline as given (a case's calendar gives a stable digest, not the record id:
//   calendar/export.ts), so exporting again updates the events instead of adding copies; SEQUENCE is the record's
//   version when it is given.
// - Deadlines whose date is not yet known (TBD) have no place on a calendar: they are left out, and the
//   calendar's description names them.
// - One display alarm per reminder offset, for open deadlines only. Alarms count back from the start of the
//   event, which for an all-day event is the start of its day: the same moments the app reminds at
//   (shared/deadlines/reminders.ts).
// - Notes are not exported: calendars are often synced to outside services (what a case's calendar carries at all
//   is its shareable projection: calendar/export.ts).
import { reminderOffsetsFor, shiftDays, zonedTimeToInstant, type DeadlineInput } from '../../../shared/deadlines/index.js';

export type IcsDeadline = DeadlineInput & { version?: number };

export interface IcsOptions {
  calendarName: string;
  /** When the export is made; every DTSTAMP. */
  generatedAt: Date;
  /** Each computed deadline's explanation (ComputedDeadline.explanation), by deadline id. */
  explanations?: ReadonlyMap<string, string>;
}

export const ICS_PRODUCT_ID = '-//Parley//Parley deadlines//EN';
const MAX_LINE_OCTETS = 75;

export function toIcs(deadlines: readonly IcsDeadline[], options: IcsOptions): string {
  const live = deadlines.filter((d) => !d.deletedAt);
  const dated = live.filter((d) => d.dueType !== 'tbd' && d.dueDate).sort((a, b) => a.dueDate!.localeCompare(b.dueDate!) || a.id.localeCompare(b.id));
  const undated = live.filter((d) => !dated.includes(d));
  const description = undated.length === 0
    ? 'Deadlines from Parley.'
    : `Deadlines from Parley. Not included because their dates are not yet known: ${undated.map((d) => d.title).join('; ')}.`;
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
    ...dated.flatMap((d) => eventLines(d, options)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

function eventLines(deadline: IcsDeadline, options: IcsOptions): string[] {
  const dueDate = deadline.dueDate!;
  const atTime = deadline.dueType === 'datetime' && deadline.dueTime && deadline.timeZone
    ? { time: deadline.dueTime, zone: deadline.timeZone }
    : null;
  const when = atTime
    ? [`DTSTART:${utcStamp(zonedTimeToInstant(dueDate, atTime.time, atTime.zone))}`]
    : [`DTSTART;VALUE=DATE:${compactDate(dueDate)}`, `DTEND;VALUE=DATE:${compactDate(shiftDays(dueDate, 1))}`];
  const due = atTime ? `Due ${dueDate} ${atTime.time} ${atTime.zone}` : `Due ${dueDate}`;
  const description = [options.explanations?.get(deadline.id) ?? due, `${capitalized(deadline.deadlineKind)} deadline, ${deadline.status}.`].join('\n');
  const alarms = deadline.status === 'open' ? reminderOffsetsFor(deadline).flatMap((offset) => alarmLines(deadline.title, offset)) : [];
  return [
    'BEGIN:VEVENT',
    `UID:${deadline.id}@parley`,
    `DTSTAMP:${utcStamp(options.generatedAt)}`,
    ...(deadline.version !== undefined ? [`SEQUENCE:${deadline.version}`] : []),
    ...when,
    textProperty('SUMMARY', deadline.status === 'open' ? deadline.title : `${deadline.title} (${deadline.status})`),
    textProperty('DESCRIPTION', description),
    textProperty('CATEGORIES', capitalized(deadline.deadlineKind)),
    `STATUS:${deadline.status === 'waived' ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:TRANSPARENT',
    ...alarms,
    'END:VEVENT',
  ];
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
