// People: the case's who's-who. Every party (a person or an organization) grouped by side, with role, organization
// and contact; one open beside the list, edited as the user goes, with where they appear: the meetings they attend,
// the action items and deadlines they own, each a link that opens it.
import { useMemo, useState } from 'react';
import { PARTY_KINDS, PARTY_SIDES } from '../../../shared/enums.js';
import { appearancesOf, SIDE_LABELS, type PartyMentions } from '../../../shared/parties.js';
import type { RecordOf } from '../../../shared/records.js';
import { distinctTexts } from '../../../shared/table-view.js';
import { countOf } from '../../../shared/words.js';
import { useCases } from '../../state/cases.js';
import { useRecords } from '../../state/data.js';
import { hashOf } from '../../state/navigation.js';
import { useTableView } from '../../state/table-views.js';
import { clearIfUnchanged } from '../../ui/clear-if-unchanged.js';
import { formatDay } from '../../ui/dates.js';
import { humanize } from '../../ui/labels.js';
import { RecordDetailPanel } from '../../ui/records/RecordDetailPanel.js';
import { RecordField, RecordSelect } from '../../ui/records/RecordField.js';
import { recordTableSpec, RecordsBesideDetail, RecordTable, type RecordColumn } from '../../ui/records/RecordTable.js';
import { useRecordList } from '../../ui/records/use-record-list.js';
import { ScreenHeading } from '../../ui/ScreenHeading.js';
import { FilterBar } from '../../ui/tables/FilterBar.js';
import '../../ui/records/records.css';
import './people.css';

type Party = RecordOf<'party'>;
type Side = Party['side'];
/** A party as a record table lists it: its name is its title. */
type PartyRow = Party & { title: string; appearsIn: number; appearsInWords: string };

const KIND_LABELS: Record<Party['partyKind'], string> = { person: 'Person', organization: 'Organization' };
const KIND_OPTIONS = PARTY_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }));
const SIDE_OPTIONS = PARTY_SIDES.map((s) => ({ value: s, label: SIDE_LABELS[s] }));
const none = <span className="muted">—</span>;
const COLUMNS: RecordColumn<PartyRow>[] = [
  { heading: 'Role', className: 'people__col-role', sortValue: (p) => p.role, cell: (p) => (p.role ? <span className="cell-text">{p.role}</span> : none) },
  { heading: 'Organization', className: 'people__col-organization', sortValue: (p) => p.organization, cell: (p) => (p.organization ? <span className="cell-text">{p.organization}</span> : none) },
  // Contact and where they appear are in the open party's panel: beside it, the table leaves them out (people.css).
  { heading: 'Contact', className: 'people__col-contact people__beside-panel', sortValue: (p) => p.contact, cell: (p) => (p.contact ? <span className="cell-text">{p.contact}</span> : none) },
  { heading: 'Appears in', className: 'people__col-where people__beside-panel', sortValue: (p) => p.appearsIn, nowrap: true, cell: (p) => (p.appearsIn ? p.appearsInWords : none) },
];
const SPEC = recordTableSpec(COLUMNS, {
  side: (p, value) => p.side === value,
  kind: (p, value) => p.partyKind === value,
  organization: (p, value) => p.organization?.trim() === value,
});

export function PeopleScreen({ caseId }: { caseId: string }) {
  const readOnly = useCases((s) => s.open.find((c) => c.caseId === caseId)?.readOnly ?? false);
  const parties = useRecordList(caseId, 'party');
  const mentions = useMentions(caseId);
  const { openId, setOpenId, addError } = parties;
  const [name, setName] = useState('');
  const [side, setSide] = useState<Side>('ours');
  const [partyKind, setPartyKind] = useState<Party['partyKind']>('person');

  async function add(e: React.FormEvent) {
    e.preventDefault();
    if (await parties.add({ name, side, partyKind })) setName(clearIfUnchanged(name));
  }

  const rows = useMemo(() => (parties.records ?? []).map((p): PartyRow => {
    const where = mentions ? appearancesOf(p, mentions) : { meetings: [], actionItems: [], deadlines: [] };
    const counts = [[where.meetings.length, 'meeting'], [where.actionItems.length, 'action item'], [where.deadlines.length, 'deadline']] as const;
    return {
      ...p, title: p.name,
      appearsIn: counts.reduce((sum, [n]) => sum + n, 0),
      appearsInWords: counts.filter(([n]) => n > 0).map(([n, noun]) => countOf(n, noun)).join(', '),
    };
  }), [parties.records, mentions]);
  const table = useTableView(caseId, 'people', rows, SPEC);
  const open = rows.find((p) => p.id === openId) ?? null;
  return (
    <div className="screen people">
      <ScreenHeading eyebrow="Case section">People</ScreenHeading>
      <RecordsBesideDetail detail={open && <PartyPanel key={open.id} caseId={caseId} record={open} mentions={mentions} readOnly={readOnly} onSaved={parties.put} onClose={() => setOpenId(null)} onDelete={() => void parties.remove(open)} />}>
        <section className="panel" aria-labelledby="people-heading">
          <h2 id="people-heading">People and organizations</h2>
          {!readOnly && (
            <form className="records__add" onSubmit={(e) => void add(e)} aria-label="Add a person or organization">
              <div className="field records__add-title">
                <label className="field__label" htmlFor="new-party-name">New person or organization</label>
                <input id="new-party-name" className="input" value={name} onChange={(e) => setName(e.target.value)} placeholder="Name" aria-invalid={addError ? true : undefined} aria-describedby={addError ? 'new-party-error' : undefined} />
              </div>
              <div className="field">
                <label className="field__label" htmlFor="new-party-side">Side</label>
                <select id="new-party-side" className="input" value={side} onChange={(e) => setSide(e.target.value as Side)}>
                  {SIDE_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                </select>
              </div>
              <div className="field">
                <label className="field__label" htmlFor="new-party-kind">Kind</label>
                <select id="new-party-kind" className="input" value={partyKind} onChange={(e) => setPartyKind(e.target.value as Party['partyKind'])}>
                  {KIND_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                </select>
              </div>
              <button type="submit" className="button button--primary">Add</button>
              {addError && <p id="new-party-error" className="field__error" role="alert">{addError}</p>}
            </form>
          )}
          {parties.error && <p className="notice notice--error" role="alert">The people of this case could not be read: {parties.error}</p>}
          {parties.records && rows.length === 0 && <p className="empty">No one yet. Add the people and organizations of the case: our team, the officials across the table, and third parties such as peers and legislators.</p>}
          {rows.length > 0 && (
            <FilterBar table={table} shown={table.shown.length} total={table.total} noun="people" filters={[
              { name: 'side', label: 'Side', options: SIDE_OPTIONS },
              { name: 'kind', label: 'Kind', options: KIND_OPTIONS },
              { name: 'organization', label: 'Organization', options: distinctTexts(rows, (p) => (p.organization ? [p.organization.trim()] : [])).map((o) => ({ value: o, label: o })) },
            ]} />
          )}
          {PARTY_SIDES.map((s) => {
            const group = table.shown.filter((p) => p.side === s);
            if (group.length === 0) return null;
            return (
              <section key={s} className="people__side" aria-labelledby={`people-${s}`}>
                <h3 id={`people-${s}`}>{SIDE_LABELS[s]} <span className="count">{group.length}</span></h3>
                <RecordTable label={SIDE_LABELS[s]} titleHeading="Name" columns={COLUMNS} records={group} table={table} openId={openId} onOpen={setOpenId} rowsNoun="people" />
              </section>
            );
          })}
        </section>
      </RecordsBesideDetail>
    </div>
  );
}

/** The records that may name a party, read once for the screen (the table counts them, the panel lists them). */
function useMentions(caseId: string): PartyMentions | null {
  const meetings = useRecords(caseId, 'meeting').records;
  const attendees = useRecords(caseId, 'attendee').records;
  const actionItems = useRecords(caseId, 'actionItem').records;
  const deadlines = useRecords(caseId, 'deadline').records;
  return useMemo(
    () => (meetings && attendees && actionItems && deadlines ? { meetings, attendees, actionItems, deadlines } : null),
    [meetings, attendees, actionItems, deadlines],
  );
}

function PartyPanel({ caseId, record, mentions, readOnly, onSaved, onClose, onDelete }: { caseId: string; record: Party; mentions: PartyMentions | null; readOnly: boolean; onSaved(r: Party): void; onClose(): void; onDelete(): void }) {
  const common = { caseId, kind: 'party' as const, record, onSaved, disabled: readOnly };
  return (
    <RecordDetailPanel caseId={caseId} kind="party" id={record.id} noun={record.partyKind === 'person' ? 'person' : 'organization'} title={record.name} readOnly={readOnly} onClose={onClose} onDelete={onDelete}>
      <RecordField {...common} field="name" label="Name" required />
      <div className="form__row">
        <RecordSelect {...common} field="side" label="Side" options={SIDE_OPTIONS} />
        <RecordSelect {...common} field="partyKind" label="Kind" options={KIND_OPTIONS} />
      </div>
      <RecordField {...common} field="role" label="Role" />
      <RecordField {...common} field="organization" label="Organization" />
      <RecordField {...common} field="contact" label="Contact" hint="How to reach them: email, telephone, assistant." />
      <RecordField {...common} field="notes" label="Notes" control="long" />
      {mentions && <WhereTheyAppear caseId={caseId} party={record} mentions={mentions} />}
    </RecordDetailPanel>
  );
}

function WhereTheyAppear({ caseId, party, mentions }: { caseId: string; party: Party; mentions: PartyMentions }) {
  const where = appearancesOf(party, mentions);
  const at = (section: 'meetings' | 'deadlines', record: string) => hashOf({ screen: 'case', caseId, section, record });
  return (
    <section className="records__section people__where" aria-labelledby="party-where-heading">
      <h3 id="party-where-heading">Where they appear</h3>
      <h4>Meetings <span className="count">{where.meetings.length}</span></h4>
      {where.meetings.length === 0 ? <p className="muted">Not an attendee of any meeting.</p> : (
        <ul aria-label="Meetings">
          {where.meetings.map((m) => (
            <li key={m.attendeeId}>
              <a href={at('meetings', m.attendeeId)}>{m.meetingTitle}</a>
              <span className="muted">
                {[m.meetingDate && formatDay(m.meetingDate), m.role, m.attended === false ? 'did not attend' : null,
                  // The name the meeting recorded, where it is no longer theirs (see AttendeeName in the meetings).
                  m.nameThen !== party.name ? `recorded as ${m.nameThen}` : null].filter(Boolean).map((t) => ` · ${t}`).join('')}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h4>Action items they own <span className="count">{where.actionItems.length}</span></h4>
      {where.actionItems.length === 0 ? <p className="muted">None.</p> : (
        <ul aria-label="Action items they own">
          {where.actionItems.map((a) => (
            <li key={a.id}>
              {/* An action item is shown in its meeting; one of no meeting has no place to open. */}
              {a.meetingId ? <a href={at('meetings', a.id)}>{a.title}</a> : a.title}
              <span className="muted"> · {humanize(a.status)}{a.dueDate ? ` · due ${formatDay(a.dueDate)}` : ''}</span>
            </li>
          ))}
        </ul>
      )}
      <h4>Deadlines they own <span className="count">{where.deadlines.length}</span></h4>
      {where.deadlines.length === 0 ? <p className="muted">None.</p> : (
        <ul aria-label="Deadlines they own">
          {where.deadlines.map((d) => (
            <li key={d.id}>
              <a href={at('deadlines', d.id)}>{d.title}</a>
              <span className="muted"> · {humanize(d.status)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
