// Issues to look at again because a watch item linked to them moved: its stage changed or it was marked triggered
// (the times the core keeps on the watch item, store/kind-rules.ts) after the link was made and after the issue was
// last reviewed (issue.reviewedAt). Worked out when asked rather than stored: the state is the fields it reads, each
// merging and undoing as any field does, so a stage change merged in from another copy raises the prompt here too.
import type { ReviewPrompt } from '../../shared/api-types.js';
import type { Db } from './db/connection.js';
import { statement } from './db/statements.js';
import { REVIEW_PROMPTS_SQL } from './store/kind-sql.js';

export function reviewPromptsOf(db: Db): ReviewPrompt[] {
  return statement(db, REVIEW_PROMPTS_SQL).all() as ReviewPrompt[];
}
