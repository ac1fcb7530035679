// Editing the directive with save-as-you-go: each field keeps what the user typed (its draft) until the core has
// stored it. A save starts after a short pause in typing, or at once when the field loses focus; saves run one at a
// time with the version last read, so two edits never overwrite each other. A refused save keeps the draft and the
// core's reason, so nothing typed is lost. A date the date input itself refused (30 February) is never sent: its
// draft is only what the input shows, and the saved date stays.
import { caseDataStore } from './data.js';
import type { UpdateInputOf, RecordOf } from '../../shared/records.js';
import { ApiFailure, messageOf } from '../api/client.js';
import { api } from '../services.js';
import { saveOrConfirm } from './schedule-confirm.js';
import { whileEditing } from './pending-saves.js';
import { useCases } from './cases.js';

export type Directive = RecordOf<'directive'>;
export type DirectiveField = keyof UpdateInputOf<'directive'> & string;

export interface FieldSave {
  state: 'saving' | 'saved' | 'error';
  message?: string;
  /** Someone else changed this same field meanwhile: reloading is the way out. */
  conflict?: boolean;
}

interface DirectiveState {
  caseId: string | null;
  record: Directive | null;
  loadError: string | null;
  drafts: Partial<Record<DirectiveField, string>>;
  /** Drafts the input refused (typed-input.tsx), with why: shown when they would have been saved, never sent. */
  refusals: Partial<Record<DirectiveField, string>>;
  saves: Partial<Record<DirectiveField, FieldSave>>;
  load(caseId: string): Promise<void>;
  /** The user typed: keep the text, and save it after a pause; a refused entry is kept with its refusal instead. */
  edit(field: DirectiveField, text: string, refusal?: string | null): void;
  /** Save this field now (it lost focus, or a choice was made). */
  commit(field: DirectiveField, text?: string): Promise<void>;
  /** Save whatever is still waiting; used before leaving the screen. */
  flushAll(): Promise<void>;
  /** Re-read the directive from the file, dropping unsaved drafts. */
  reload(): Promise<void>;
}

/** How long typing must pause before a save starts. */
export const SAVE_PAUSE_MS = 700;

const pendingTimers = new Map<DirectiveField, ReturnType<typeof setTimeout>>();
let saveQueue: Promise<void> = Promise.resolve();

/** The text a field shows for a stored value: lists one item a line, empty for nothing. */
export function textOf(field: DirectiveField, value: unknown): string {
  if (value == null) return '';
  if (field === 'authoritiesCited' && Array.isArray(value)) return value.join('\n');
  return String(value);
}

/** The value the core stores for what the user typed. The title is sent as typed so the core can say it is empty. */
export function valueOf(field: DirectiveField, text: string): unknown {
  if (field === 'authoritiesCited') {
    const items = text.split('\n').map((s) => s.trim()).filter(Boolean);
    return items.length ? items : null;
  }
  if (field === 'title' || field === 'status') return text;
  return text.trim() === '' ? null : text;
}

export const useDirective = caseDataStore<DirectiveState>()((set, get) => {
  function clearTimer(field: DirectiveField): void {
    const timer = pendingTimers.get(field);
    if (timer) clearTimeout(timer);
    pendingTimers.delete(field);
  }

  function setSave(field: DirectiveField, save: FieldSave | undefined): void {
    set((s) => ({ saves: { ...s.saves, [field]: save } }));
  }

  /** Stores one field at the version last read. */
  function update(caseId: string, field: DirectiveField, text: string, version: number): Promise<Directive> {
    return api().call('directive.update', { caseId, changes: { [field]: valueOf(field, text) } as UpdateInputOf<'directive'>, expectedVersion: version });
  }

  /**
   * Someone else changed the directive since it was read. If they left this field alone, their change and ours do
   * not collide: take theirs in and save ours on top. If they changed this field too, the user decides.
   */
  async function updateOverNewer(caseId: string, field: DirectiveField, text: string, base: Directive): Promise<Directive> {
    const latest = await api().call('directive.get', { caseId });
    if (textOf(field, latest[field]) !== textOf(field, base[field])) throw new FieldConflict();
    if (get().caseId === caseId) set({ record: latest });
    return update(caseId, field, text, latest.version);
  }

  async function save(field: DirectiveField): Promise<void> {
    const { caseId, record, drafts, refusals } = get();
    const text = drafts[field];
    if (!caseId || !record || text === undefined) return;
    const refusal = refusals[field];
    if (refusal) return setSave(field, { state: 'error', message: refusal });
    if (text === textOf(field, record[field])) {
      set((s) => ({ drafts: withoutKey(s.drafts, field) }));
      setSave(field, undefined);
      return;
    }
    setSave(field, { state: 'saving' });
    try {
      const write = () => update(caseId, field, text, record.version).catch((err: unknown) => {
        if (err instanceof ApiFailure && err.code === 'conflict') return updateOverNewer(caseId, field, text, record);
        throw err;
      });
      // The issued and received dates are events deadlines may count from: moving them asks first, in the dialog.
      const label = field === 'receivedOn' ? 'received' : field === 'issuedOn' ? 'issued' : 'calendar';
      const saved = (await saveOrConfirm(caseId, write, () => ({
        change: { kind: 'directive', changes: { [field]: valueOf(field, text) } as UpdateInputOf<'directive'> },
        title: field === 'receivedOn' || field === 'issuedOn' ? `Change the date the directive was ${label}` : 'Change the directive',
      }))) ?? await api().call('directive.get', { caseId });
      if (get().caseId !== caseId) return;
      // Typing may have gone on while the save ran: keep the newer draft for the next save.
      set((s) => ({ record: saved, drafts: s.drafts[field] === text ? withoutKey(s.drafts, field) : s.drafts }));
      // The input may have refused a newer entry meanwhile: that refusal, not "Saved", speaks of what it shows.
      const refusal = get().refusals[field];
      setSave(field, refusal ? { state: 'error', message: refusal } : { state: 'saved' });
      if (field === 'title' || field === 'status') useCases.getState().replace(await api().call('case.info', { caseId }));
    } catch (err) {
      if (get().caseId !== caseId) return;
      if (err instanceof FieldConflict) return setSave(field, { state: 'error', message: err.message, conflict: true });
      // A field's own issue ("must not be empty") says more, beside the field, than the whole call's message.
      const failure = err instanceof ApiFailure ? err : null;
      setSave(field, { state: 'error', message: failure?.issuesUnder('changes')[field] ?? messageOf(err) });
    }
  }

  return {
    caseId: null,
    record: null,
    loadError: null,
    drafts: {},
    refusals: {},
    saves: {},
    async load(caseId) {
      if (get().caseId !== caseId) await get().flushAll();
      set({ caseId, record: null, loadError: null, drafts: {}, refusals: {}, saves: {} });
      try {
        const record = await api().call('directive.get', { caseId });
        if (get().caseId === caseId) set({ record });
      } catch (err) {
        if (get().caseId === caseId) set({ loadError: messageOf(err) });
      }
    },
    edit(field, text, refusal = null) {
      // "Saved" no longer speaks of the new text; nor does a refusal of the entry before, once this one is good.
      const { saves, refusals } = get();
      if (saves[field]?.state === 'saved' || (refusals[field] && !refusal)) setSave(field, undefined);
      set((s) => ({ drafts: { ...s.drafts, [field]: text }, refusals: refusal ? { ...s.refusals, [field]: refusal } : withoutKey(s.refusals, field) }));
      clearTimer(field);
      pendingTimers.set(field, setTimeout(() => void get().commit(field), SAVE_PAUSE_MS));
    },
    commit(field, text) {
      clearTimer(field);
      if (text !== undefined) set((s) => ({ drafts: { ...s.drafts, [field]: text }, refusals: withoutKey(s.refusals, field) }));
      saveQueue = saveQueue.then(() => save(field));
      return saveQueue;
    },
    async flushAll() {
      const waiting = [...pendingTimers.keys()];
      await Promise.all(waiting.map((field) => get().commit(field)));
      await saveQueue;
    },
    async reload() {
      for (const field of [...pendingTimers.keys()]) clearTimer(field);
      const caseId = get().caseId;
      if (caseId) await get().load(caseId);
    },
  };
});

// Fields waiting for a pause in typing are saved at once when the app locks.
whileEditing(() => useDirective.getState().flushAll());

class FieldConflict extends Error {
  constructor() {
    super('Someone else changed this field while you were editing it; your text is kept here. Reload to see theirs, then type yours again.');
  }
}

function withoutKey<T extends object>(obj: T, key: keyof T): T {
  const copy = { ...obj };
  delete copy[key];
  return copy;
}

/** One line for the whole form: what the user most needs to know about their edits. */
export function overallSaveState(saves: DirectiveState['saves'], drafts: DirectiveState['drafts']): { state: 'saved' | 'saving' | 'error' | 'pending'; text: string } {
  const all = Object.values(saves).filter((s): s is FieldSave => !!s);
  const failed = all.filter((s) => s.state === 'error').length;
  if (failed) return { state: 'error', text: failed === 1 ? 'One change is not saved' : `${failed} changes are not saved` };
  if (all.some((s) => s.state === 'saving')) return { state: 'saving', text: 'Saving…' };
  if (Object.keys(drafts).length) return { state: 'pending', text: 'Editing…' };
  return { state: 'saved', text: 'All changes saved' };
}
