// What a watch item did that asks for a review of the issues linked to it, in words: on the issue and on the dashboard.
import type { ReviewPrompt } from '../../../shared/api-types.js';
import { stageInWords } from '../../../shared/legislation.js';
import { formatDay, isoToday } from '../dates.js';

/**
 * "the watch item “X” moved to passed one chamber on 7 Dec 2026" (the day where the user is); `item` names the watch
 * item otherwise (the dashboard's shorter "H.R. 4512").
 */
export function moveWords(p: ReviewPrompt, item = `the watch item “${p.watchItemTitle}”`): string {
  const day = formatDay(isoToday(new Date(p.movedAt)));
  return p.move === 'stage' && p.stage ? `${item} moved to ${stageInWords(p.stage)} on ${day}` : `${item} was marked triggered on ${day}`;
}
