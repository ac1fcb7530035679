// Record verbs called by kind name: screens that show several kinds (and the links panel) reach the typed API
// through these few helpers instead of spelling out every `<kind>.<verb>` operation.
import type { InputOf, OpName } from '../../../shared/contract.js';
import type { KindName, RecordMeta } from '../../../shared/records.js';
import { api } from '../../services.js';

/** A record of any kind: its meta columns and its fields by name. */
export type AnyRecord = RecordMeta & Record<string, unknown>;

export function callOp<T>(name: string, input: Record<string, unknown>): Promise<T> {
  return api().call(name as OpName, input as InputOf<OpName>) as Promise<T>;
}

export const listOf = (caseId: string, kind: KindName, filter?: Record<string, string | null>) =>
  callOp<AnyRecord[]>(`${kind}.list`, filter ? { caseId, filter } : { caseId });

export const createOf = (caseId: string, kind: KindName, fields: Record<string, unknown>) =>
  callOp<AnyRecord>(`${kind}.create`, { caseId, fields });

export const updateOf = (caseId: string, kind: KindName, id: string, changes: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  callOp<AnyRecord>(`${kind}.update`, { caseId, id, changes, ...extra });

export const deleteOf = (caseId: string, kind: KindName, id: string) => callOp<AnyRecord>(`${kind}.delete`, { caseId, id });
export const restoreOf = (caseId: string, kind: KindName, id: string) => callOp<AnyRecord>(`${kind}.restore`, { caseId, id });

/** Per record, saves run one after another so that two fields saved together never race. */
const queues = new Map<string, Promise<unknown>>();
export function queued<T>(id: string, run: () => Promise<T>): Promise<T> {
  const next = (queues.get(id) ?? Promise.resolve()).catch(() => undefined).then(run);
  queues.set(id, next);
  return next;
}
