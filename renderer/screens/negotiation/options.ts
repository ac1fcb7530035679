import { ISSUE_PRIORITIES, ISSUE_STATUSES } from '../../../shared/enums.js';
import { humanize } from '../../ui/labels.js';

export const ISSUE_STATUS_OPTIONS = ISSUE_STATUSES.map((s) => ({ value: s, label: humanize(s) }));
export const ISSUE_PRIORITY_OPTIONS = ISSUE_PRIORITIES.map((s) => ({ value: s, label: humanize(s) }));
