// The daily digest: what falls due or changed across the cases, in one place (the dashboard's Today panel, and at
// most one "Daily digest" notification a day) rather than one alert per change. Built by the core (library.digest).
import type { DashboardActionItem, DashboardDeadline } from './api-types.js';
import { countOf } from './words.js';

export interface DigestCaseCount {
  caseId: string;
  caseTitle: string;
  path: string;
  count: number;
}

export interface Digest {
  /** The user's today (in their zone). */
  today: string;
  /**
   * Changes are counted from here: when the user last marked the digest as read, or, before they ever did, a day
   * before now (`sinceRead` false).
   */
  since: string;
  sinceRead: boolean;
  /** Reminders due now in the open cases (neither snoozed nor dismissed) of deadlines not in deadlinesSoon. */
  remindersDue: { caseId: string; caseTitle: string; path: string; title: string }[];
  /** Open deadlines overdue or due within the next DIGEST_DAYS days, soonest first. */
  deadlinesSoon: DashboardDeadline[];
  /** Open action items due today or earlier. */
  actionItemsDue: DashboardActionItem[];
  /** Per case, the changes others made since `since` (they come in by merging a copy or importing changes). */
  changesByOthers: (DigestCaseCount & { by: string[] })[];
  /** Per case, merge conflicts still to resolve. */
  conflicts: DigestCaseCount[];
  problems: { path: string; message: string }[];
}

/** How many days ahead the digest looks for deadlines. */
export const DIGEST_DAYS = 3;

/** The digest in short phrases ("2 reminders due", "1 deadline in the next 3 days"...), the empty ones left out. */
export function digestPhrases(digest: Digest): string[] {
  const changes = digest.changesByOthers.reduce((n, c) => n + c.count, 0);
  const conflicts = digest.conflicts.reduce((n, c) => n + c.count, 0);
  return [
    digest.remindersDue.length ? `${countOf(digest.remindersDue.length, 'reminder')} due` : '',
    digest.deadlinesSoon.length ? `${countOf(digest.deadlinesSoon.length, 'deadline')} overdue or in the next ${DIGEST_DAYS} days` : '',
    digest.actionItemsDue.length ? `${countOf(digest.actionItemsDue.length, 'action item')} due` : '',
    changes ? `${countOf(changes, 'change')} by others` : '',
    conflicts ? `${countOf(conflicts, 'conflict')} to resolve after a merge` : '',
  ].filter(Boolean);
}
