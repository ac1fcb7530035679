// The record verbs of the typed API called by kind: `listRecords(caseId, 'issue')` is `issue.list` and answers
// RecordOf<'issue'>[]. For screens and panels that work with several kinds (the links panel, a field that saves
// any kind's record) without spelling out every `<kind>.<verb>` operation; each call keeps the contract's types.
import type { InputOf, ListInput, OpName, OutputOf } from '../../shared/contract.js';
import type { CreatableKind, DeletableKind, ListableKind, RecordMeta, RecordOf, UpdatableKind } from '../../shared/records.js';
import { api } from '../services.js';

/** A record of a kind known only at run time: its meta columns and its fields by name. */
export type AnyRecord = RecordMeta & Record<string, unknown>;

/** A record of a known kind seen as AnyRecord, for code that reads its fields by name (a table column, a field). */
export const anyRecord = <K extends ListableKind>(record: RecordOf<K>): AnyRecord => record as unknown as AnyRecord;

export type ListOptions = Omit<ListInput, 'caseId'>;
type Op<K extends string, V extends string> = Extract<`${K}.${V}`, OpName>;
/** The fields a kind's create takes (without those the core computes). */
export type CreateFields<K extends CreatableKind> = InputOf<Op<K, 'create'>> extends { fields: infer F } ? F : never;
/** The changes a kind's update takes. */
export type UpdateChanges<K extends Exclude<UpdatableKind, 'directive'>> = InputOf<Op<K, 'update'>> extends { changes: infer C } ? C : never;
/** What an update may carry besides its changes: the version read, a reason, and for an issue the meeting and day. */
export type UpdateExtra = { expectedVersion?: number; reason?: string; meetingId?: string; recordedOn?: string };

/** Calls `<kind>.<verb>`: the name is built from a kind, so its input and output are those of that kind's verb. */
function call<N extends OpName>(name: N, input: unknown): Promise<OutputOf<N>> {
  return api().call(name, input as InputOf<N>);
}

export const listRecords = <K extends ListableKind>(caseId: string, kind: K, options: ListOptions = {}): Promise<RecordOf<K>[]> =>
  call(`${kind}.list` as Op<K, 'list'>, { caseId, ...options }) as Promise<RecordOf<K>[]>;

export const getRecord = <K extends ListableKind>(caseId: string, kind: K, id: string): Promise<RecordOf<K>> =>
  call(`${kind}.get` as Op<K, 'get'>, { caseId, id }) as Promise<RecordOf<K>>;

export const createRecord = <K extends CreatableKind>(caseId: string, kind: K, fields: CreateFields<K>): Promise<RecordOf<K>> =>
  call(`${kind}.create` as Op<K, 'create'>, { caseId, fields }) as Promise<RecordOf<K>>;

export const updateRecord = <K extends Exclude<UpdatableKind, 'directive'>>(caseId: string, kind: K, id: string, changes: UpdateChanges<K>, extra: UpdateExtra = {}): Promise<RecordOf<K>> =>
  call(`${kind}.update` as Op<K, 'update'>, { caseId, id, changes, ...extra }) as Promise<RecordOf<K>>;

export const deleteRecord = <K extends DeletableKind>(caseId: string, kind: K, id: string): Promise<RecordOf<K>> =>
  call(`${kind}.delete` as Op<K, 'delete'>, { caseId, id }) as Promise<RecordOf<K>>;

export const restoreRecord = <K extends DeletableKind>(caseId: string, kind: K, id: string): Promise<RecordOf<K>> =>
  call(`${kind}.restore` as Op<K, 'restore'>, { caseId, id }) as Promise<RecordOf<K>>;

/** Removes a deleted record for good (audited); `expectedVersion` is the version the user saw. */
export const purgeRecord = <K extends DeletableKind>(caseId: string, kind: K, id: string, expectedVersion?: number): Promise<null> =>
  call(`${kind}.purge` as Op<K, 'purge'>, { caseId, id, expectedVersion }) as Promise<null>;

/** Per record, saves run one after another so that two fields saved together never race. */
const queues = new Map<string, Promise<unknown>>();
export function queued<T>(id: string, run: () => Promise<T>): Promise<T> {
  const next = (queues.get(id) ?? Promise.resolve()).catch(() => undefined).then(run);
  queues.set(id, next);
  return next;
}
