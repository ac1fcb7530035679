// What an exported calendar (calendar.ics) may hold, and what it says about itself: shared by the core, the app's
// export button and `parley ics`, so that each offers the same choice and says the same sentence.
import { countOf } from './words.js';

/** The kinds of entries a calendar export can carry; all of them unless the user chooses fewer. */
export const CALENDAR_CONTENTS = ['deadlines', 'meetings', 'actions'] as const;
export type CalendarContent = (typeof CALENDAR_CONTENTS)[number];

export const CALENDAR_CONTENT_LABELS: Record<CalendarContent, string> = {
  deadlines: 'Deadlines',
  meetings: 'Meetings',
  actions: 'Action items',
};

/** How many entries of each kind a calendar holds, and what it left out (of the kinds chosen). */
export interface CalendarTally {
  onIt: Record<CalendarContent, number>;
  leftOut: {
    /** Deadlines whose date is not yet known (TBD). */
    undatedDeadlines: number;
    /** Meetings not cancelled that have no date yet. */
    undatedMeetings: number;
    /** Open action items without a due date. */
    undatedActions: number;
    /** Records of the chosen kinds that are internal (by their kind's rule, a person's choice or what they belong to). */
    internal: number;
  };
}

export const EMPTY_TALLY: CalendarTally = {
  onIt: { deadlines: 0, meetings: 0, actions: 0 },
  leftOut: { undatedDeadlines: 0, undatedMeetings: 0, undatedActions: 0, internal: 0 },
};

export function addTallies(a: CalendarTally, b: CalendarTally): CalendarTally {
  const sum = <T extends Record<string, number>>(x: T, y: T) => Object.fromEntries(Object.keys(x).map((k) => [k, x[k]! + y[k]!])) as T;
  return { onIt: sum(a.onIt, b.onIt), leftOut: sum(a.leftOut, b.leftOut) };
}

/** "3 deadlines, 2 meetings and 1 action item": the entries on a calendar of the kinds chosen. */
export function calendarContentsWords(tally: CalendarTally, included: readonly CalendarContent[]): string {
  const parts = included.map((kind) => countOf(tally.onIt[kind], kind === 'actions' ? 'action item' : kind.slice(0, -1)));
  return joinedWords(parts);
}

/**
 * What was left out and why, in one sentence ("Left out: 1 meeting whose date is not yet known and 2 internal records,
 * which stay with the team."), or null when nothing was.
 */
export function calendarLeftOutSentence(tally: CalendarTally): string | null {
  const { undatedDeadlines, undatedMeetings, undatedActions, internal } = tally.leftOut;
  const undated = [undatedDeadlines && countOf(undatedDeadlines, 'deadline'), undatedMeetings && countOf(undatedMeetings, 'meeting')].filter(Boolean) as string[];
  const parts = [
    undated.length ? `${joinedWords(undated)} whose ${undatedDeadlines + undatedMeetings === 1 ? 'date is' : 'dates are'} not yet known` : '',
    undatedActions ? `${countOf(undatedActions, 'open action item')} without a due date` : '',
    internal ? `${countOf(internal, 'internal record')}, which ${internal === 1 ? 'stays' : 'stay'} with the team` : '',
  ].filter(Boolean);
  return parts.length ? `Left out: ${joinedWords(parts)}.` : null;
}

/** "a", "a and b", "a, b and c". */
function joinedWords(parts: readonly string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
