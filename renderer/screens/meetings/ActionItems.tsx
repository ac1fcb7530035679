// What someone must do after the meeting: a title, an owner, a due date, its status changed in place, and whether
// it is a commitment we made to the other side. The list sorts and filters (by status, owner, or the user's own:
// "Mine"), as the case's other tables do.
import { useId, useMemo, useState } from 'react';
import { ACTION_STATUSES } from '../../../shared/enums.js';
import { isOwnedBy } from '../../../shared/owners.js';
import type { RecordOf } from '../../../shared/records.js';
import { distinctTexts, type TableSpec } from '../../../shared/table-view.js';
import { useProfile } from '../../state/profile.js';
import { useTableView } from '../../state/table-views.js';
import { FilterBar } from '../../ui/tables/FilterBar.js';
import { formatDay, isoToday } from '../../ui/dates.js';
import { humanize } from '../../ui/labels.js';
import { AutoText, InlineFormProblem, orNull } from './fields.js';
import { problemOf, useMeetings, type Meeting } from '../../state/meetings.js';
import { clearIfUnchanged } from '../../ui/clear-if-unchanged.js';
import { DATE_RANGE, refusalsIn } from '../../ui/typed-input.js';
import { OwnerPicker, ownerOf } from '../../ui/parties/OwnerPicker.js';

type ActionItem = RecordOf<'actionItem'>;

const STATUS_OPTIONS = ACTION_STATUSES.map((s) => ({ value: s, label: humanize(s) }));
const STATUS_RANK: Record<ActionItem['status'], number> = { open: 0, done: 1, cancelled: 2 };
/** The "Mine" filter's one value: its test reads the user's name, which the spec (a constant) cannot hold. */
const MINE = 'mine';
const SORTS = [
  { column: 'title', label: 'Action' },
  { column: 'owner', label: 'Owner' },
  { column: 'due', label: 'Due date' },
  { column: 'status', label: 'Status' },
];

function actionItemSpec(me: string | null): TableSpec<ActionItem> {
  return {
    sortBy: { title: (i) => i.title, owner: (i) => i.owner, due: (i) => i.dueDate, status: (i) => STATUS_RANK[i.status] },
    filterBy: {
      status: (i, value) => i.status === value,
      owner: (i, value) => isOwnedBy(i.owner, value),
      whose: (i) => isOwnedBy(i.owner, me),
    },
  };
}

export function ActionItems({ meeting, items }: { meeting: Meeting; items: ActionItem[] }) {
  const open = items.filter((i) => i.status === 'open').length;
  const me = useProfile((s) => s.info?.actor ?? null);
  const caseId = useMeetings((s) => s.caseId) ?? '';
  const spec = useMemo(() => actionItemSpec(me), [me]);
  const table = useTableView(caseId, 'action items', items, spec);
  return (
    <section className="panel" aria-labelledby="actions-heading">
      <h3 id="actions-heading">
        Action items <span className="count">{items.length}</span>
        {items.length > 0 && <span className="muted action-items__open"> {open} open</span>}
      </h3>
      {items.length === 0 && <p className="empty">No action items. Add what each side must do next, with an owner and a due date.</p>}
      {items.length > 0 && (
        <FilterBar table={table} shown={table.shown.length} total={table.total} noun="action items" sorts={SORTS} filters={[
          { name: 'whose', label: 'Whose', options: [{ value: MINE, label: me ? `Mine (${me})` : 'Mine' }] },
          { name: 'status', label: 'Status', options: STATUS_OPTIONS },
          { name: 'owner', label: 'Owner', options: distinctTexts(items, (i) => (i.owner ? [i.owner.trim()] : [])).map((o) => ({ value: o, label: o })) },
        ]} />
      )}
      <ul className="action-list" aria-labelledby="actions-heading">
        {table.shown.map((item) => (
          <ActionRow key={item.id} item={item} />
        ))}
      </ul>
      <AddAction meeting={meeting} />
    </section>
  );
}

function ActionRow({ item }: { item: ActionItem }) {
  const update = useMeetings((s) => s.update);
  const parties = useMeetings((s) => s.parties);
  const remove = useMeetings((s) => s.remove);
  const [problem, setProblem] = useState<string | null>(null);
  // A status chosen shows at once, while it saves; a refused one goes back, with the reason.
  const [chosen, setChosen] = useState<ActionItem['status'] | null>(null);
  const change = (changes: Partial<ActionItem>) =>
    void update('actionItem', item.id, changes).then(
      () => {
        setProblem(null);
        setChosen(null);
      },
      (err: unknown) => {
        setProblem(problemOf(err));
        setChosen(null);
      },
    );
  const status = chosen ?? item.status;
  const overdue = item.status === 'open' && item.dueDate && item.dueDate < isoToday();
  return (
    <li data-record-id={item.id} className={`action action--${item.status}`} aria-label={item.title}>
      <div className="action__main">
        <AutoText kind="actionItem" label="Action" className="action__title" field="title" required stored={item.title} save={(t) => update('actionItem', item.id, { title: t })} />
        <div className="action__facts">
          <AutoText kind="actionItem" label="Owner" field="owner" stored={item.owner} save={(t) => update('actionItem', item.id, ownerOf(parties, t))} />
          <AutoText label="Due" field="dueDate" control="date" stored={item.dueDate} save={(t) => update('actionItem', item.id, { dueDate: orNull(t) })} />
        </div>
      </div>
      <div className="action__side">
        <fieldset className="status-toggle">
          <legend className="visually-hidden">Status of “{item.title}”</legend>
          {ACTION_STATUSES.map((s) => (
            <label key={s} className={`status-toggle__option status-toggle__option--${s}`}>
              <input type="radio" name={`action-status-${item.id}`} value={s} checked={status === s} onChange={() => {
                setChosen(s);
                change({ status: s });
              }} />
              <span>{humanize(s)}</span>
            </label>
          ))}
        </fieldset>
        <label className="checkbox">
          <input type="checkbox" checked={item.isCommitment ?? false} onChange={(e) => change({ isCommitment: e.target.checked })} />
          Commitment to the other side
        </label>
        <p className="action__due muted">
          {item.isCommitment && <span className="badge badge--commitment">Commitment</span>}{' '}
          {item.dueDate ? <span className={overdue ? 'action__overdue' : ''}>Due {formatDay(item.dueDate)}{overdue ? ' (overdue)' : ''}</span> : 'No due date'}
        </p>
        <button type="button" className="link-button" onClick={() => void remove('actionItem', item.id)}>
          Delete
        </button>
      </div>
      {problem && <p className="field__error">{problem}</p>}
    </li>
  );
}

function AddAction({ meeting }: { meeting: Meeting }) {
  const add = useMeetings((s) => s.add);
  const parties = useMeetings((s) => s.parties);
  const id = useId();
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [commitment, setCommitment] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  /** A due date its input refused (it reads as empty): the action is not added without it. */
  const [dueRefusal, setDueRefusal] = useState<string | null>(null);

  async function submit(e: React.FormEvent<HTMLFormElement>): Promise<void> {
    e.preventDefault();
    const refusal = refusalsIn(e.currentTarget).dueDate ?? null;
    setDueRefusal(refusal);
    if (refusal) return;
    try {
      await add('actionItem', {
        meetingId: meeting.id,
        title,
        status: 'open',
        ...ownerOf(parties, owner),
        dueDate: due || null,
        isCommitment: commitment,
      });
      setTitle(clearIfUnchanged(title));
      setOwner(clearIfUnchanged(owner));
      setDue(clearIfUnchanged(due));
      setCommitment(false);
      setProblem(null);
      document.getElementById(`${id}-title`)?.focus();
    } catch (err) {
      setProblem(problemOf(err, 'title'));
    }
  }

  return (
    <form className="inline-form action-form" onSubmit={(e) => void submit(e)} aria-label="Add an action item" noValidate>
      <div className="inline-form__field inline-form__field--wide">
        <label htmlFor={`${id}-title`} className="field__label">
          New action item
        </label>
        <input id={`${id}-title`} className="input" value={title} onChange={(e) => setTitle(e.target.value)} aria-invalid={problem ? true : undefined} aria-describedby={problem ? `${id}-problem` : undefined} />
      </div>
      <div className="inline-form__field">
        <label htmlFor={`${id}-owner`} className="field__label">
          Owner
        </label>
        <OwnerPicker id={`${id}-owner`} parties={parties} text={owner} onText={setOwner} />
      </div>
      <div className="inline-form__field">
        <label htmlFor={`${id}-due`} className="field__label">
          Due date
        </label>
        <input
          id={`${id}-due`}
          {...DATE_RANGE}
          type="date"
          name="dueDate"
          className="input"
          value={due}
          onChange={(e) => setDue(e.target.value)}
          aria-invalid={dueRefusal ? true : undefined}
          aria-describedby={dueRefusal ? `${id}-due-problem` : undefined}
        />
      </div>
      <label className="checkbox inline-form__check">
        <input type="checkbox" checked={commitment} onChange={(e) => setCommitment(e.target.checked)} />
        Commitment to the other side
      </label>
      <button type="submit" className="button">
        Add action item
      </button>
      <InlineFormProblem formId={id} problem={problem} />
      {/* Under the form as its other problems are: inside the row it would lift the due date above its neighbours. */}
      {dueRefusal && (
        <p id={`${id}-due-problem`} className="field__error inline-form__hint">
          Due date: {dueRefusal}
        </p>
      )}
    </form>
  );
}
