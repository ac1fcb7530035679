// The meetings of one case and, for the meeting opened, everything attached to it: attendees, notes, decisions,
// action items and the concessions made there. Every change goes through the typed API and the record the core
// returns replaces the one shown. Deletes ask first where something goes with the record (state/deleting.ts), and are
// undone through the case's undo history, from the case's notice or Ctrl+Z, as on every screen.
import type { RecordOf } from '../../shared/records.js';
import { ApiFailure, messageOf } from '../api/client.js';
import { api } from '../services.js';
import { caseDataStore } from './data.js';
import { deleteWithCare, focusAfterRemoval } from './deleting.js';
import { createRecord, updateRecord, type CreateFields, type UpdateChanges } from './records.js';
import { saveOrConfirm } from './schedule-confirm.js';

export type Meeting = RecordOf<'meeting'>;
export type ChildKind = 'attendee' | 'note' | 'decision' | 'actionItem' | 'concession';
export type AnyKind = 'meeting' | ChildKind;

export interface MeetingDetail {
  meetingId: string;
  attendees: RecordOf<'attendee'>[];
  notes: RecordOf<'note'>[];
  decisions: RecordOf<'decision'>[];
  actionItems: RecordOf<'actionItem'>[];
  concessions: RecordOf<'concession'>[];
}

const LIST_OF: Record<ChildKind, keyof Omit<MeetingDetail, 'meetingId'>> = {
  attendee: 'attendees',
  note: 'notes',
  decision: 'decisions',
  actionItem: 'actionItems',
  concession: 'concessions',
};

interface MeetingsState {
  caseId: string | null;
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  meetings: Meeting[];
  parties: RecordOf<'party'>[];
  issues: RecordOf<'issue'>[];
  selectedId: string | null;
  detail: MeetingDetail | null;
  detailError: string | null;
  /** A change that failed outside a field (an add, a delete): said once, near the top. */
  problem: string | null;
  load(caseId: string): Promise<void>;
  select(id: string | null): Promise<void>;
  createMeeting(fields: { title: string; status: Meeting['status']; meetingDate: string | null; startTime: string | null; timeZone?: string | null }): Promise<Meeting>;
  /** Stores changed fields of a record and puts the stored record in place; throws the core's refusal. */
  update<K extends AnyKind>(kind: K, id: string, changes: Partial<RecordOf<K>>): Promise<RecordOf<K>>;
  add<K extends ChildKind>(kind: K, fields: Record<string, unknown>): Promise<RecordOf<K>>;
  /** Creates a party of the case (a person named in a picker) and offers it to the pickers from then on. */
  addParty(fields: CreateFields<'party'>): Promise<RecordOf<'party'>>;
  /** Deletes the record, asking first where something goes with it; focus moves to the next row. */
  remove(kind: AnyKind, id: string): Promise<void>;
  dismissProblem(): void;
}


const STORAGE_KEY = (caseId: string) => `parley.meetings.selected.${caseId}`;

/** The field problem the core gave for one field of an update, or the whole message. */
export function problemOf(err: unknown, field?: string): string {
  if (field && err instanceof ApiFailure) {
    const issues = { ...err.issuesUnder('changes'), ...err.issuesUnder('fields') };
    if (issues[field]) return issues[field];
  }
  return messageOf(err);
}

export const useMeetings = caseDataStore<MeetingsState>()((set, get) => {
  async function loadDetail(caseId: string, meetingId: string): Promise<void> {
    const filter = { meetingId };
    try {
      const [attendees, notes, decisions, actionItems, concessions] = await Promise.all([
        api().call('attendee.list', { caseId, filter }),
        api().call('note.list', { caseId, filter }),
        api().call('decision.list', { caseId, filter }),
        api().call('actionItem.list', { caseId, filter }),
        api().call('concession.list', { caseId, filter }),
      ]);
      if (get().caseId !== caseId || get().selectedId !== meetingId) return;
      set({ detail: { meetingId, attendees, notes, decisions, actionItems, concessions }, detailError: null });
    } catch (err) {
      if (get().caseId === caseId) set({ detailError: messageOf(err) });
    }
  }

  function putRecord(kind: AnyKind, record: { id: string; deletedAt: string | null }): void {
    if (kind === 'meeting') {
      const meeting = record as Meeting;
      set((s) => {
        const others = s.meetings.filter((m) => m.id !== meeting.id);
        return { meetings: meeting.deletedAt ? others : [...others, meeting] };
      });
      return;
    }
    const detail = get().detail;
    if (!detail) return;
    const key = LIST_OF[kind];
    const list = detail[key] as { id: string }[];
    const belongs = (record as { meetingId?: string | null }).meetingId === detail.meetingId;
    const exists = list.some((r) => r.id === record.id);
    let next: { id: string }[];
    if (record.deletedAt || !belongs) next = list.filter((r) => r.id !== record.id);
    else if (exists) next = list.map((r) => (r.id === record.id ? record : r));
    else next = [...list, record];
    set({ detail: { ...detail, [key]: next } });
  }

  return {
    caseId: null,
    status: 'loading',
    error: null,
    meetings: [],
    parties: [],
    issues: [],
    selectedId: null,
    detail: null,
    detailError: null,
    problem: null,
    async load(caseId) {
      const remembered = sessionStorage.getItem(STORAGE_KEY(caseId));
      if (get().caseId !== caseId) set({ caseId, status: 'loading', meetings: [], detail: null, selectedId: null, problem: null });
      try {
        const [meetings, parties, issues] = await Promise.all([
          api().call('meeting.list', { caseId }),
          api().call('party.list', { caseId }),
          api().call('issue.list', { caseId }),
        ]);
        if (get().caseId !== caseId) return;
        set({ meetings, parties, issues, status: 'ready', error: null });
        const keep = get().selectedId ?? remembered;
        if (keep && meetings.some((m) => m.id === keep)) await get().select(keep);
      } catch (err) {
        if (get().caseId === caseId) set({ status: 'error', error: messageOf(err) });
      }
    },
    async select(id) {
      const caseId = get().caseId;
      if (!caseId) return;
      if (id) sessionStorage.setItem(STORAGE_KEY(caseId), id);
      else sessionStorage.removeItem(STORAGE_KEY(caseId));
      set((s) => ({ selectedId: id, detail: s.detail?.meetingId === id ? s.detail : null, detailError: null }));
      if (id) await loadDetail(caseId, id);
    },
    async createMeeting(fields) {
      const caseId = get().caseId!;
      const meeting = await api().call('meeting.create', { caseId, fields });
      putRecord('meeting', meeting);
      await get().select(meeting.id);
      return meeting;
    },
    async update(kind, id, changes) {
      const caseId = get().caseId!;
      const write = () => updateRecord(caseId, kind, id, changes as unknown as UpdateChanges<typeof kind>);
      // A meeting's date is the date of its own deadline and of the deadlines counted from it: a change that moves
      // them is shown and confirmed in the schedule dialog first.
      const record = kind === 'meeting'
        ? (await saveOrConfirm(caseId, write, () => ({
          change: { kind: 'meeting', id, changes: changes as Partial<Meeting> },
          title: `Change the date of “${get().meetings.find((m) => m.id === id)?.title ?? 'the meeting'}”`,
        }))) ?? ((await api().call('meeting.get', { caseId, id })) as RecordOf<typeof kind>)
        : await write();
      if (get().caseId === caseId) putRecord(kind, record);
      return record;
    },
    async add(kind, fields) {
      const caseId = get().caseId!;
      const record = await createRecord(caseId, kind, fields as CreateFields<typeof kind>);
      if (get().caseId === caseId) putRecord(kind, record);
      return record;
    },
    async addParty(fields) {
      const caseId = get().caseId!;
      const party = await createRecord(caseId, 'party', fields);
      if (get().caseId === caseId) set((s) => ({ parties: [...s.parties, party] }));
      return party;
    },
    async remove(kind, id) {
      const caseId = get().caseId!;
      const { detail, meetings } = get();
      const rows = kind === 'meeting' ? meetings : (detail?.[LIST_OF[kind]] ?? []);
      try {
        const record = await deleteWithCare(caseId, kind, id);
        if (!record) return; // the user kept it
        putRecord(kind, record);
        if (kind === 'meeting' && get().selectedId === id) await get().select(null);
        set({ problem: null });
        focusAfterRemoval(rows.map((r) => r.id), id);
      } catch (err) {
        set({ problem: `Could not delete: ${messageOf(err)}` });
      }
    },
    dismissProblem: () => set({ problem: null }),
  };
});

/** Upcoming meetings first (soonest first, undated last), then past ones (most recent first). */
export function orderMeetings(meetings: Meeting[], today: string): { upcoming: Meeting[]; past: Meeting[] } {
  const key = (m: Meeting) => `${m.meetingDate ?? '9999-99-99'}T${m.startTime ?? '99:99'}`;
  const upcoming = meetings.filter((m) => !m.meetingDate || m.meetingDate >= today).sort((a, b) => key(a).localeCompare(key(b)));
  const past = meetings.filter((m) => m.meetingDate && m.meetingDate < today).sort((a, b) => key(b).localeCompare(key(a)));
  return { upcoming, past };
}
