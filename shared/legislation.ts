// A watch item that tracks a bill or an agency's rule (migration 0012): which stages fit which measure, and a stage
// in words. The registry's check, the watch screen, the history and the review prompts all read them from here.
import { BILL_STAGES, RULE_STAGES, type TRACKED_MEASURES, type WATCH_STAGES } from './enums.js';

export type TrackedMeasure = (typeof TRACKED_MEASURES)[number];
export type WatchStage = (typeof WATCH_STAGES)[number];

/** The stages a measure moves through: a bill's, a rule's, or none for anything else. */
export function stagesFor(measure: TrackedMeasure | null): readonly WatchStage[] {
  if (measure === 'bill') return BILL_STAGES;
  if (measure === 'rule') return RULE_STAGES;
  return [];
}

/** "passed_one_chamber" reads "passed one chamber". */
export function stageInWords(stage: string): string {
  return stage.replace(/_/g, ' ');
}

/** What is wrong with a watch item's stage for what it tracks, or null. */
export function stageProblem(measure: TrackedMeasure | null, stage: WatchStage | null): string | null {
  if (stage === null) return null;
  if (measure !== 'bill' && measure !== 'rule') return `a stage such as “${stageInWords(stage)}” is for a bill or a rule: say which the watch item tracks first`;
  if (!stagesFor(measure).includes(stage)) return `“${stageInWords(stage)}” is not a stage of ${measure === 'bill' ? 'a bill' : 'a rule'}`;
  return null;
}
