// How a screen gets data: through a hook from renderer/state, never by calling api() in a component.
//
// - What one screen or panel reads for itself: `useRecords(caseId, kind, options)` for one kind's records (typed
//   RecordOf<kind>), `useRead(name, input, options)` for any other read operation of the contract (typed by it).
//   The answer lives in the component: read when the input changes, read again with `reload()`, and gone with the
//   component (locking draws only the lock screen, so nothing of it outlives the lock).
// - What several screens or panels share, or what is edited as the user types: a zustand store in renderer/state
//   made with `caseDataStore<State>()(...)` (directive, meetings, deadlines, review, library...). Its actions read
//   and write through the typed API; components read it with its hook. Creating it registers it: locking the app
//   puts every such store back to its initial state (`resetCaseData`), with no list to keep by hand.
// - Writes that belong to no store: the typed record verbs of records.ts (createRecord, updateRecord, ...) or, for a
//   one-off operation (an export, a confirmation), `api().call` in the event handler.
// The one read left in a component is the search palette's (shell/palette): two searches as the user types, merged,
// each answer checked against the words it was asked for.
import { useCallback, useEffect, useRef, useState } from 'react';
import { create, type StateCreator, type StoreApi, type UseBoundStore } from 'zustand';
import type { InputOf, OpName, OutputOf } from '../../shared/contract.js';
import type { ListableKind, RecordOf } from '../../shared/records.js';
import { messageOf } from '../api/client.js';
import { api } from '../services.js';
import { listRecords, type ListOptions } from './records.js';

// ---- stores that hold case data ---------------------------------------------------------------------------------

type Resettable = Pick<StoreApi<object>, 'setState' | 'getInitialState'>;
const caseDataStores = new Set<Resettable>();

/**
 * `create` for a store that holds what a case contains (titles, text, search results, a problem naming a file): the
 * store is registered on creation, and `resetCaseData` (the app lock) puts it back to its initial state.
 */
export function caseDataStore<T>(): (initializer: StateCreator<T, [], []>) => UseBoundStore<StoreApi<T>> {
  return (initializer) => {
    const store = create<T>()(initializer);
    caseDataStores.add(store as unknown as Resettable);
    return store;
  };
}

/** Empties every store made with caseDataStore: each goes back to its initial state, actions included. */
export function resetCaseData(): void {
  for (const store of caseDataStores) store.setState(store.getInitialState(), true);
}

// ---- reads of one screen or panel -------------------------------------------------------------------------------

export interface ReadOptions {
  /** Keep the last answer on screen while a new input is read (a preview refined choice by choice), instead of none. */
  keepPrevious?: boolean;
  /** Anything that, when it changes, reads again with the same input (a record's version, for its history). */
  refreshKey?: unknown;
  /** Wait this long after the input last changed before reading (a search as the user types). */
  pauseMs?: number;
}

export interface Read<T> {
  /** The answer for the current input; null until it arrives (and while there is no input). */
  data: T | null;
  /** Why the last read failed, for the user; cleared by the next answer. */
  error: string | null;
  /** A read is under way. */
  reading: boolean;
  /** Reads again, keeping what is shown until the answer. */
  reload(): Promise<void>;
  /** Changes what is shown without a read (a record saved, added or deleted in place). */
  set(update: (data: T | null) => T | null): void;
}

interface Held<T> {
  key: string | null;
  data: T | null;
  error: string | null;
  reading: boolean;
}

/**
 * Reads one operation of the typed API for a component. `input` null reads nothing (a dialog not open) and leaves
 * what was read. The input is compared by its content; an answer to an older input, or to an older reload, is
 * dropped.
 */
export function useRead<N extends OpName>(name: N, input: InputOf<N> | null, options: ReadOptions = {}): Read<OutputOf<N>> {
  return useReadWith<OutputOf<N>>(name, input, options, (i) => api().call(name, i as InputOf<N>));
}

function useReadWith<T>(name: string, input: unknown, options: ReadOptions, read: (input: unknown) => Promise<T>): Read<T> {
  const key = input === null ? null : JSON.stringify([name, input]);
  const [held, setHeld] = useState<Held<T>>({ key: null, data: null, error: null, reading: input !== null });
  const latest = useRef({ read, keepPrevious: options.keepPrevious ?? false });
  latest.current = { read, keepPrevious: options.keepPrevious ?? false };
  const asked = useRef(0);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => void (mounted.current = false);
  }, []);

  const readNow = useCallback(async (forKey: string) => {
    const ticket = ++asked.current;
    setHeld((h) => ({ ...h, key: forKey, data: h.key === forKey || latest.current.keepPrevious ? h.data : null, reading: true }));
    try {
      const data = await latest.current.read(JSON.parse(forKey)[1]);
      if (mounted.current && ticket === asked.current) setHeld({ key: forKey, data, error: null, reading: false });
    } catch (err) {
      if (mounted.current && ticket === asked.current) setHeld((h) => ({ ...h, error: messageOf(err), reading: false }));
    }
  }, []);

  const refreshKey = JSON.stringify(options.refreshKey ?? null);
  const pauseMs = options.pauseMs ?? 0;
  useEffect(() => {
    if (key === null) return;
    if (!pauseMs) return void readNow(key);
    const timer = setTimeout(() => void readNow(key), pauseMs);
    return () => clearTimeout(timer);
  }, [key, refreshKey, pauseMs, readNow]);

  const reload = useCallback(async () => {
    if (key !== null) await readNow(key);
  }, [key, readNow]);
  const set = useCallback((update: (data: T | null) => T | null) => setHeld((h) => ({ ...h, data: update(h.data) })), []);

  // Until the effect has asked for a new input, what is held speaks of the old one.
  const current = held.key === key || key === null || options.keepPrevious;
  return { data: current ? held.data : null, error: held.error, reading: key !== null && (held.reading || held.key !== key), reload, set };
}

export interface RecordsOptions extends ListOptions {
  /** False reads nothing yet (a dialog not open). */
  enabled?: boolean;
}

export interface Records<K extends ListableKind> {
  /** The records, or null until they are read. */
  records: RecordOf<K>[] | null;
  error: string | null;
  reload(): Promise<void>;
  /** Puts a record the core returned in place (saved, created or restored), or at the end if it is new. */
  put(record: RecordOf<K>): void;
  drop(id: string): void;
}

/** One kind's records of a case for a screen: read when the case (or the filter) changes, kept in place after saves. */
export function useRecords<K extends ListableKind>(caseId: string, kind: K, options: RecordsOptions = {}): Records<K> {
  const { enabled = true, ...list } = options;
  const read = useReadWith<RecordOf<K>[]>(`${kind}.list`, enabled ? { caseId, ...list } : null, {}, (input) => {
    const { caseId: id, ...rest } = input as { caseId: string } & ListOptions;
    return listRecords(id, kind, rest);
  });
  const { set } = read;
  const put = useCallback((rec: RecordOf<K>) => set((all) => (all ? (all.some((r) => r.id === rec.id) ? all.map((r) => (r.id === rec.id ? rec : r)) : [...all, rec]) : [rec])), [set]);
  const drop = useCallback((id: string) => set((all) => all?.filter((r) => r.id !== id) ?? null), [set]);
  return { records: read.data, error: read.error, reload: read.reload, put, drop };
}
