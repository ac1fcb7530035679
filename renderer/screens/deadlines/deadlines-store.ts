// The deadlines of the open case and the events they may hang on; edits save as the user goes (a field saves after
// a pause in typing or when it loses focus, one save at a time, at the version last read); deletes are soft and
// the last one can be undone.
import { create } from 'zustand';
import type { InputOf } from '../../../shared/contract.js';
import type { UpdateInputOf } from '../../../shared/records.js';
import { ApiFailure, messageOf } from '../../api/client.js';
import { api } from '../../services.js';
import type { FieldSave } from '../../state/directive.js';
import type { CaseEvent, Deadline } from './logic.js';

export type EditableField = 'title' | 'deadlineKind' | 'status' | 'owner' | 'notes' | 'dueDate' | 'dueTime' | 'timeZone' | 'windowStart' | 'windowEnd' | 'confidence';

const SAVE_PAUSE_MS = 700;
const REQUIRED: ReadonlySet<EditableField> = new Set(['title', 'deadlineKind', 'status']);

const keyOf = (id: string, field: EditableField) => `${id}:${field}`;

interface DeadlinesState {
  caseId: string | null;
  deadlines: Deadline[];
  events: CaseEvent[];
  loading: boolean;
  loadError: string | null;
  drafts: Record<string, string>;
  saves: Record<string, FieldSave | undefined>;
  /** The last deadline deleted, which Undo brings back. */
  deleted: Deadline | null;
  actionError: string | null;
  load(caseId: string): Promise<void>;
  create(fields: InputOf<'deadline.create'>['fields']): Promise<Deadline>;
  edit(id: string, field: EditableField, text: string): void;
  commit(id: string, field: EditableField, text?: string): Promise<void>;
  flushAll(): Promise<void>;
  remove(id: string): Promise<void>;
  undoDelete(): Promise<void>;
}

const timers = new Map<string, ReturnType<typeof setTimeout>>();
let queue: Promise<void> = Promise.resolve();

export function textOfField(d: Deadline, field: EditableField): string {
  const v = d[field];
  return v == null ? '' : String(v);
}

export const useDeadlines = create<DeadlinesState>()((set, get) => {
  const replace = (saved: Deadline) => set((s) => ({ deadlines: s.deadlines.map((d) => (d.id === saved.id ? saved : d)) }));

  async function save(id: string, field: EditableField): Promise<void> {
    const key = keyOf(id, field);
    const { caseId, deadlines, drafts } = get();
    const record = deadlines.find((d) => d.id === id);
    const text = drafts[key];
    if (!caseId || !record || text === undefined) return;
    if (text === textOfField(record, field)) {
      set((s) => ({ drafts: without(s.drafts, key), saves: { ...s.saves, [key]: undefined } }));
      return;
    }
    set((s) => ({ saves: { ...s.saves, [key]: { state: 'saving' } } }));
    const value = REQUIRED.has(field) ? text : text.trim() === '' ? null : text;
    try {
      const changes = { [field]: value } as UpdateInputOf<'deadline'>;
      const saved = await api().call('deadline.update', { caseId, id, changes, expectedVersion: record.version }).catch(async (err: unknown) => {
        // Someone else changed the deadline meanwhile: if they left this field alone, save ours on top of theirs.
        if (!(err instanceof ApiFailure && err.code === 'conflict')) throw err;
        const latest = await api().call('deadline.get', { caseId, id });
        if (textOfField(latest, field) !== textOfField(record, field)) {
          throw new Error('Someone else changed this field while you were editing it; your text is kept here.');
        }
        return api().call('deadline.update', { caseId, id, changes, expectedVersion: latest.version });
      });
      if (get().caseId !== caseId) return;
      replace(saved);
      set((s) => ({ drafts: s.drafts[key] === text ? without(s.drafts, key) : s.drafts, saves: { ...s.saves, [key]: { state: 'saved' } } }));
    } catch (err) {
      if (get().caseId !== caseId) return;
      const failure = err instanceof ApiFailure ? err : null;
      const message = failure?.issuesUnder('changes')[field] ?? (err instanceof ApiFailure ? err.message : err instanceof Error ? err.message : messageOf(err));
      set((s) => ({ saves: { ...s.saves, [key]: { state: 'error', message } } }));
    }
  }

  return {
    caseId: null,
    deadlines: [],
    events: [],
    loading: false,
    loadError: null,
    drafts: {},
    saves: {},
    deleted: null,
    actionError: null,
    async load(caseId) {
      if (get().caseId !== caseId) {
        await get().flushAll();
        set({ caseId, deadlines: [], events: [], drafts: {}, saves: {}, deleted: null, actionError: null });
      }
      set({ loading: true, loadError: null });
      try {
        const [deadlines, events] = await Promise.all([
          api().call('deadline.list', { caseId, limit: 100_000 }),
          api().call('event.list', { caseId, limit: 100_000 }),
        ]);
        if (get().caseId === caseId) set({ deadlines, events, loading: false });
      } catch (err) {
        if (get().caseId === caseId) set({ loadError: messageOf(err), loading: false });
      }
    },
    async create(fields) {
      const caseId = get().caseId!;
      const created = await api().call('deadline.create', { caseId, fields });
      if (get().caseId === caseId) set((s) => ({ deadlines: [...s.deadlines, created] }));
      return created;
    },
    edit(id, field, text) {
      const key = keyOf(id, field);
      set((s) => ({ drafts: { ...s.drafts, [key]: text }, saves: s.saves[key]?.state === 'saved' ? { ...s.saves, [key]: undefined } : s.saves }));
      const timer = timers.get(key);
      if (timer) clearTimeout(timer);
      timers.set(key, setTimeout(() => void get().commit(id, field), SAVE_PAUSE_MS));
    },
    commit(id, field, text) {
      const key = keyOf(id, field);
      const timer = timers.get(key);
      if (timer) clearTimeout(timer);
      timers.delete(key);
      if (text !== undefined) set((s) => ({ drafts: { ...s.drafts, [key]: text } }));
      queue = queue.then(() => save(id, field));
      return queue;
    },
    async flushAll() {
      const waiting = [...timers.keys()];
      await Promise.all(waiting.map((key) => {
        const [id, field] = key.split(':') as [string, EditableField];
        return get().commit(id, field);
      }));
      await queue;
    },
    async remove(id) {
      const { caseId, deadlines } = get();
      const record = deadlines.find((d) => d.id === id);
      if (!caseId || !record) return;
      try {
        const gone = await api().call('deadline.delete', { caseId, id });
        set((s) => ({ deadlines: s.deadlines.filter((d) => d.id !== id), deleted: gone, actionError: null }));
      } catch (err) {
        set({ actionError: `“${record.title}” could not be deleted: ${messageOf(err)}` });
      }
    },
    async undoDelete() {
      const { caseId, deleted } = get();
      if (!caseId || !deleted) return;
      try {
        const back = await api().call('deadline.restore', { caseId, id: deleted.id });
        set((s) => ({ deadlines: [...s.deadlines, back], deleted: null, actionError: null }));
      } catch (err) {
        set({ actionError: `“${deleted.title}” could not be brought back: ${messageOf(err)}` });
      }
    },
  };
});

function without<T extends Record<string, unknown>>(obj: T, key: string): T {
  const copy = { ...obj };
  delete copy[key];
  return copy;
}

/** The text a field shows: the draft while there is one, else the stored value. */
export function useFieldText(d: Deadline, field: EditableField): string {
  return useDeadlines((s) => s.drafts[keyOf(d.id, field)]) ?? textOfField(d, field);
}

export function useFieldSave(id: string, field: EditableField): { save: FieldSave | undefined; pending: boolean } {
  const save = useDeadlines((s) => s.saves[keyOf(id, field)]);
  const pending = useDeadlines((s) => s.drafts[keyOf(id, field)] !== undefined);
  return { save, pending: pending && save?.state !== 'error' };
}
