// The deadlines of the open case and the events they may hang on; edits save as the user goes (a field saves after
// a pause in typing or when it loses focus, one save at a time, at the version last read; a date or time its input
// refused is never sent); deletes are soft, asked about first where something goes with them, and undone through the case's undo.
import type { DueReminderView, ScheduledDeadline } from '../../shared/api-types.js';
import type { InputOf } from '../../shared/contract.js';
import type { RecordOf, UpdateInputOf } from '../../shared/records.js';
import { ApiFailure, messageOf } from '../api/client.js';
import { caseCalendar, type CaseEvent, type CaseMeeting, type Deadline } from '../screens/deadlines/logic.js';
import { api } from '../services.js';
import type { ScheduleRequest } from '../ui/schedule/ScheduleChangeDialog.js';
import { caseDataStore } from './data.js';
import { deleteWithCare } from './deleting.js';
import type { FieldSave } from './directive.js';
import { whileEditing } from './pending-saves.js';

export type EditableField = 'title' | 'deadlineKind' | 'status' | 'owner' | 'notes' | 'dueDate' | 'dueTime' | 'timeZone' | 'windowStart' | 'windowEnd' | 'confidence';

const SAVE_PAUSE_MS = 700;
/** How many deadlines the list draws before the rest are in: a screenful and more, cheap to read and to send. */
export const FIRST_PAGE = 200;
const REQUIRED: ReadonlySet<EditableField> = new Set(['title', 'deadlineKind', 'status']);

const keyOf = (id: string, field: EditableField) => `${id}:${field}`;

interface DeadlinesState {
  caseId: string | null;
  deadlines: Deadline[];
  events: CaseEvent[];
  /** The case's meetings: a rule may count from one, and a meeting's own deadline is its date. */
  meetings: CaseMeeting[];
  loading: boolean;
  /** False while only the first page of deadlines is in (the list draws it); the rest, the events, the schedule,
   *  the directive and the reminders are still being read. */
  complete: boolean;
  loadError: string | null;
  drafts: Record<string, string>;
  /** Drafts the input refused (typed-input.tsx), with why: shown when they would have been saved, never sent. */
  refusals: Record<string, string>;
  saves: Record<string, FieldSave | undefined>;
  actionError: string | null;
  /** Each rule-built deadline's formula and explanation, as the core computes them. */
  schedule: Map<string, ScheduledDeadline>;
  /** The case's directive: its holiday calendar and closure dates. */
  directive: RecordOf<'directive'> | null;
  /** Reminders due now in every open case. */
  reminders: DueReminderView[];
  /** The reminders have been read at least once: the first visit reads them with the first page, and until then
   *  the center is not drawn (an empty center that fills a moment later would push the list down). Kept across
   *  visits, so a return to the screen draws it at once. */
  remindersRead: boolean;
  /** A change that would move other deadlines, waiting for the user to confirm it in the move dialog. */
  pendingMove: PendingMove | null;
  load(caseId: string): Promise<void>;
  /** Reads the deadlines, their schedule, the directive and the reminders again (after a change the core made to
   *  several). */
  refresh(): Promise<void>;
  loadReminders(): Promise<void>;
  askToMove(move: PendingMove): void;
  /** The move dialog closed: `confirmed` when the core applied the move. */
  moveClosed(confirmed: boolean): Promise<void>;
  create(fields: InputOf<'deadline.create'>['fields']): Promise<Deadline>;
  edit(id: string, field: EditableField, text: string, refusal?: string | null): void;
  commit(id: string, field: EditableField, text?: string): Promise<void>;
  flushAll(): Promise<void>;
  /** Deletes with care (state/deleting.ts): asked first where something goes with it; the case's notice offers Undo. */
  remove(id: string): Promise<void>;
}

/** The change waiting in the move dialog (ui/schedule/ScheduleChangeDialog.tsx). */
export type PendingMove = ScheduleRequest;

/** The user's own time zone: where the day of a date-only deadline begins for reminders. */
export const userTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

const timers = new Map<string, ReturnType<typeof setTimeout>>();
let queue: Promise<void> = Promise.resolve();

export function textOfField(d: Deadline, field: EditableField): string {
  const v = d[field];
  return v == null ? '' : String(v);
}

export const useDeadlines = caseDataStore<DeadlinesState>()((set, get) => {
  const replace = (saved: Deadline) => set((s) => ({ deadlines: s.deadlines.map((d) => (d.id === saved.id ? saved : d)) }));

  async function save(id: string, field: EditableField): Promise<void> {
    const key = keyOf(id, field);
    const { caseId, deadlines, drafts, refusals } = get();
    const record = deadlines.find((d) => d.id === id);
    const text = drafts[key];
    if (!caseId || !record || text === undefined) return;
    const refusal = refusals[key];
    if (refusal) return set((s) => ({ saves: { ...s.saves, [key]: { state: 'error', message: refusal } } }));
    if (text === textOfField(record, field)) {
      set((s) => ({ drafts: without(s.drafts, key), saves: { ...s.saves, [key]: undefined } }));
      return;
    }
    set((s) => ({ saves: { ...s.saves, [key]: { state: 'saving' } } }));
    const value = REQUIRED.has(field) ? text : text.trim() === '' ? null : text;
    try {
      // An owner typed here is a name: the party an earlier one was picked as no longer holds (the People screen
      // finds the owner by name while it is a party's).
      const changes = (field === 'owner' ? { owner: value, ownerPartyId: null } : { [field]: value }) as UpdateInputOf<'deadline'>;
      const saved = await api().call('deadline.update', { caseId, id, changes, expectedVersion: record.version }).catch(async (err: unknown) => {
        if (err instanceof ApiFailure && err.code === 'needs_confirmation') {
          // Other deadlines hang on this one: the move dialog shows what moves and asks for the reason.
          get().askToMove({ change: { kind: 'deadline', id, changes }, title: `Move “${record.title}”`, fieldKey: key });
          return null;
        }
        // Someone else changed the deadline meanwhile: if they left this field alone, save ours on top of theirs.
        if (!(err instanceof ApiFailure && err.code === 'conflict')) throw err;
        const latest = await api().call('deadline.get', { caseId, id });
        if (textOfField(latest, field) !== textOfField(record, field)) {
          throw new Error('Someone else changed this field while you were editing it; your text is kept here.');
        }
        return api().call('deadline.update', { caseId, id, changes, expectedVersion: latest.version });
      });
      if (get().caseId !== caseId) return;
      if (saved === null) {
        set((s) => ({ saves: { ...s.saves, [key]: undefined } }));
        return;
      }
      replace(saved);
      void get().refresh();
      // The input may have refused a newer entry meanwhile: that refusal, not "Saved", speaks of what it shows.
      set((s) => {
        const since = s.refusals[key];
        return { drafts: s.drafts[key] === text ? without(s.drafts, key) : s.drafts, saves: { ...s.saves, [key]: since ? { state: 'error', message: since } : { state: 'saved' } } };
      });
    } catch (err) {
      if (get().caseId !== caseId) return;
      const failure = err instanceof ApiFailure ? err : null;
      const message = failure?.issuesUnder('changes')[field] ?? (err instanceof ApiFailure ? err.message : err instanceof Error ? err.message : messageOf(err));
      set((s) => ({ saves: { ...s.saves, [key]: { state: 'error', message } } }));
    }
  }

  /** Every deadline, the events and the schedule's explanations: what the list needs beyond its first page. */
  async function readTheRest(caseId: string): Promise<void> {
    const [deadlines, events, meetings, schedule] = await Promise.all([
      api().call('deadline.list', { caseId, limit: 100_000 }),
      api().call('event.list', { caseId, limit: 100_000 }),
      api().call('meeting.list', { caseId, limit: 100_000 }),
      api().call('schedule.get', { caseId }).catch(() => []), // a circle of triggers in an edited file: no explanations
    ]);
    if (get().caseId === caseId) set({ deadlines, events, meetings, schedule: new Map(schedule.map((s) => [s.deadlineId, s])) });
  }

  return {
    caseId: null,
    deadlines: [],
    events: [],
    meetings: [],
    loading: false,
    complete: false,
    loadError: null,
    drafts: {},
    refusals: {},
    saves: {},
    actionError: null,
    schedule: new Map(),
    directive: null,
    reminders: [],
    remindersRead: false,
    pendingMove: null,
    async load(caseId) {
      if (get().caseId !== caseId) {
        await get().flushAll();
        set({ caseId, deadlines: [], events: [], meetings: [], drafts: {}, refusals: {}, saves: {}, actionError: null, schedule: new Map(), directive: null, pendingMove: null });
      }
      set({ loading: true, complete: false, loadError: null });
      try {
        // The first page (the core lists deadlines in date order, the order the list shows them) is drawn at once;
        // everything else is read after it, without holding the first paint back. Except what stands above the
        // list: the working calendar (the directive's) and, the first time, the reminders. Arriving later, they
        // would push the list down under the user; asked with the page, they come a few milliseconds after it.
        const firstPageRead = api().call('deadline.list', { caseId, limit: FIRST_PAGE });
        const directiveRead = api().call('directive.get', { caseId });
        const remindersWithPage = !get().remindersRead;
        const remindersRead = remindersWithPage ? get().loadReminders() : null;
        const [firstPage, directive] = await Promise.all([firstPageRead, directiveRead]);
        await remindersRead;
        if (get().caseId !== caseId) return;
        set({ deadlines: firstPage, directive, loading: false });
        await readTheRest(caseId);
        if (!remindersWithPage) await get().loadReminders();
        if (get().caseId === caseId) set({ complete: true });
      } catch (err) {
        if (get().caseId === caseId) set({ loadError: messageOf(err), loading: false });
      }
    },
    async refresh() {
      const caseId = get().caseId;
      if (!caseId) return;
      await Promise.all([
        readTheRest(caseId),
        api().call('directive.get', { caseId }).then((directive) => get().caseId === caseId && set({ directive })),
      ]);
      if (get().caseId === caseId) await get().loadReminders();
    },
    async loadReminders() {
      // This case's own reminders: the list across every case is the library dashboard's.
      const caseId = get().caseId;
      if (!caseId) return;
      try {
        const reminders = await api().call('reminder.due', { caseId, timeZone: userTimeZone() });
        if (get().caseId === caseId) set({ reminders, remindersRead: true });
      } catch {
        // Reminders are read again at the next change or minute; a failed read leaves the last list.
      }
    },
    askToMove(move) {
      set({ pendingMove: move });
    },
    async moveClosed(confirmed) {
      const move = get().pendingMove;
      set((s) => ({ pendingMove: null, drafts: move?.fieldKey ? without(s.drafts, move.fieldKey) : s.drafts }));
      if (confirmed) await get().refresh();
    },
    async create(fields) {
      const caseId = get().caseId!;
      const created = await api().call('deadline.create', { caseId, fields });
      if (get().caseId === caseId) set((s) => ({ deadlines: [...s.deadlines, created] }));
      void get().refresh();
      return created;
    },
    edit(id, field, text, refusal = null) {
      const key = keyOf(id, field);
      set((s) => {
        // "Saved" no longer speaks of the new text; nor does a refusal of the entry before, once this one is good.
        const stale = s.saves[key]?.state === 'saved' || (s.refusals[key] !== undefined && !refusal);
        return {
          drafts: { ...s.drafts, [key]: text },
          refusals: refusal ? { ...s.refusals, [key]: refusal } : without(s.refusals, key),
          saves: stale ? { ...s.saves, [key]: undefined } : s.saves,
        };
      });
      const timer = timers.get(key);
      if (timer) clearTimeout(timer);
      timers.set(key, setTimeout(() => void get().commit(id, field), SAVE_PAUSE_MS));
    },
    commit(id, field, text) {
      const key = keyOf(id, field);
      const timer = timers.get(key);
      if (timer) clearTimeout(timer);
      timers.delete(key);
      if (text !== undefined) set((s) => ({ drafts: { ...s.drafts, [key]: text }, refusals: without(s.refusals, key) }));
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
        if (!(await deleteWithCare(caseId, 'deadline', id))) return;
        set((s) => ({ deadlines: s.deadlines.filter((d) => d.id !== id), actionError: null }));
      } catch (err) {
        set({ actionError: `“${record.title}” could not be deleted: ${messageOf(err)}` });
      }
    },
  };
});

// Fields waiting for a pause in typing are saved at once when the app locks.
whileEditing(() => useDeadlines.getState().flushAll());

function without<T extends Record<string, unknown>>(obj: T, key: string): T {
  const copy = { ...obj };
  delete copy[key];
  return copy;
}

/** The text a field shows: the draft while there is one, else the stored value. */
export function useFieldText(d: Deadline, field: EditableField): string {
  return useDeadlines((s) => s.drafts[keyOf(d.id, field)]) ?? textOfField(d, field);
}

export function useFieldSave(id: string, field: EditableField): { save: FieldSave | undefined; pending: boolean; refused: boolean } {
  const save = useDeadlines((s) => s.saves[keyOf(id, field)]);
  const pending = useDeadlines((s) => s.drafts[keyOf(id, field)] !== undefined);
  const refused = useDeadlines((s) => s.refusals[keyOf(id, field)] !== undefined);
  return { save, pending: pending && save?.state !== 'error', refused };
}

/** The open case's working calendar (holidays and closure dates), for counting business days left. */
export function useCaseCalendar() {
  return caseCalendar(useDeadlines((s) => s.directive));
}
