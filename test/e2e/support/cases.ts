// Case files made for a test through the real dispatcher (over the harness), as a user would have made them.
import path from 'node:path';
import type { CaseInfo } from '../../../shared/api-types.js';
import { callThrough, type Harness } from './harness.js';

export const ORDER_TITLE = 'Suspension of foreign-national access to the model family';

export async function createCaseFile(harness: Harness, fileName: string, title = ORDER_TITLE, fields: Record<string, unknown> = {}): Promise<CaseInfo> {
  return callThrough(harness, 'case.create', {
    path: path.join(harness.casesDir, fileName),
    directive: { title, status: 'negotiating', ...fields } as { title: string; status: 'negotiating' },
  });
}

/** An ISO calendar date `days` from today, in the local time zone as the app computes "today". */
export function isoDaysFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
