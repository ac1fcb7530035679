// A tracked bill's or rule's stage as a badge whose look says how far it has gone: early on, advancing, law (enacted,
// or a final rule), or ended without becoming law. The words say the stage; the look only adds to them.
import { WATCH_STAGES } from '../../../shared/enums.js';
import { stageInWords, type WatchStage } from '../../../shared/legislation.js';
import { humanize } from '../../ui/labels.js';

const PHASE: Record<WatchStage, 'early' | 'advancing' | 'law' | 'ended'> = {
  introduced: 'early', in_committee: 'early', passed_one_chamber: 'advancing', passed_both_chambers: 'advancing', enacted: 'law', failed: 'ended',
  proposed_rule: 'early', comment_period_closed: 'advancing', final_rule: 'law', withdrawn: 'ended',
};

/** Sorting by stage: a bill's stages in their order, then a rule's. */
export const STAGE_RANK = Object.fromEntries(WATCH_STAGES.map((s, i) => [s, i])) as Record<WatchStage, number>;

export function StageBadge({ stage }: { stage: WatchStage }) {
  return <span className={`pill stage-badge stage-badge--${PHASE[stage]}`}>{humanize(stageInWords(stage))}</span>;
}
