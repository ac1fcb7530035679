// A list of one kind's records for a screen: loaded when the case changes, put in place after each save.
import { useCallback, useEffect, useState } from 'react';
import type { KindName } from '../../../shared/records.js';
import { messageOf } from '../../api/client.js';
import { listOf, type AnyRecord } from './calls.js';

export function useRecords(caseId: string, kind: KindName, filter?: Record<string, string>) {
  const [records, setRecords] = useState<AnyRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const filterKey = JSON.stringify(filter ?? null);
  const reload = useCallback(async () => {
    try {
      const found = await listOf(caseId, kind, JSON.parse(filterKey) ?? undefined);
      setRecords(found);
      setError(null);
    } catch (err) {
      setError(messageOf(err));
    }
  }, [caseId, kind, filterKey]);
  useEffect(() => {
    setRecords(null);
    void reload();
  }, [reload]);
  const put = useCallback((rec: AnyRecord) => setRecords((all) => (all ? (all.some((r) => r.id === rec.id) ? all.map((r) => (r.id === rec.id ? rec : r)) : [...all, rec]) : [rec])), []);
  const drop = useCallback((id: string) => setRecords((all) => all?.filter((r) => r.id !== id) ?? null), []);
  return { records, error, reload, put, drop };
}

/** Arrow keys move between the buttons marked data-row-open in a list or table; Home and End go to the first and last. */
export function rowKeys(e: React.KeyboardEvent<HTMLElement>) {
  if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
  const target = e.target as HTMLElement;
  if (!target.matches('[data-row-open]')) return;
  const all = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-row-open]')];
  const i = all.indexOf(target);
  const next = e.key === 'Home' ? all[0] : e.key === 'End' ? all.at(-1) : all[e.key === 'ArrowDown' ? i + 1 : i - 1];
  if (next) {
    e.preventDefault();
    next.focus();
  }
}
