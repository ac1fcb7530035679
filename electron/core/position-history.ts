// The history of negotiation positions: every change to an issue's positions (ours and theirs) is kept by the core
// as a position change, with the meeting and the reason it changed in.
import { POSITION_SOURCES } from '../../shared/records.js';
import type { ChangeContext, ChangeOptions, Reach } from './store/change-context.js';
import type { StoredRecord } from './store/record-table.js';

/** Appends a position change for every negotiation position that differs between before and after. */
export function recordPositionChanges(ctx: ChangeContext, before: StoredRecord | null, after: StoredRecord, actor: string, opts: ChangeOptions, reach: Reach = 'live'): void {
  for (const { field, side, position } of POSITION_SOURCES) {
    const previous = (before?.[field] as string | null) ?? null;
    const value = (after[field] as string | null) ?? null;
    if (previous === value) continue;
    ctx.create('positionChange', {
      issueId: after.id, side, position, previousValue: previous, value,
      meetingId: opts.meetingId ?? null, reason: opts.reason ?? null, recordedOn: opts.recordedOn ?? null,
    }, actor, {}, reach);
  }
}

/**
 * An imported issue holding a position its history never recorded (an export from another tool, or an altered one)
 * gets that record now.
 */
export function recordPositionsNotInHistory(ctx: ChangeContext, issue: StoredRecord, actor: string, reason: string): void {
  const recorded = ctx.records.list('positionChange', { filter: { issueId: issue.id }, includeDeleted: true });
  const before: StoredRecord = { ...issue };
  for (const { field, side, position } of POSITION_SOURCES) {
    if (!recorded.some((pc) => pc.side === side && pc.position === position)) before[field] = null;
  }
  recordPositionChanges(ctx, before, issue, actor, { reason: `${reason}; the position was not in the issue's history` }, 'stored');
}
