// "Record link" in the editor's toolbar: pick a record of the case (an issue, a precedent, a deadline, a meeting...)
// and link to it. With text selected, the selection becomes the link; with none, the record's title is inserted as
// the link. The link keeps the record's title, so that exports can name the record (see shared/documents/model.ts).
import type { Editor } from '@tiptap/react';
import { useEffect, useMemo, useState } from 'react';
import type { LinkableKind, RecordLinkMark } from '../../../shared/documents/model.js';
import { KINDS } from '../../../shared/records.js';
import { useRecords } from '../../state/data.js';
import { anyRecord, type AnyRecord } from '../../state/records.js';
import { kindLabel } from '../../ui/labels.js';
import { FormDialog } from './FormDialog.js';

/** A kind whose records the dialog lists (the directive, one per case, is not chosen from a list). */
type ListedKind = Exclude<LinkableKind, 'directive'>;

/** The kinds a draft links to most, in the order a negotiator thinks of them. */
const LINK_KINDS: readonly ListedKind[] = ['issue', 'precedent', 'deadline', 'meeting', 'actionItem', 'watchItem', 'event', 'party'];

/** How many records the list shows at once: typing narrows it. */
const SHOWN = 50;

/** A record's title as its kind names it (an issue's title, a party's name), on one line. */
function titleOf(kind: LinkableKind, record: AnyRecord): string {
  const value = record[KINDS[kind].titleField];
  return (typeof value === 'string' ? value : '').replace(/\s+/g, ' ').trim();
}

interface RecordLinkDialogProps {
  caseId: string;
  editor: Editor;
  open: boolean;
  onClose(): void;
}

export function RecordLinkDialog({ caseId, editor, open, onClose }: RecordLinkDialogProps) {
  const [kind, setKind] = useState<ListedKind>('issue');
  const [filter, setFilter] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const [choiceError, setError] = useState<string | null>(null);
  const [linked, setLinked] = useState(false);

  useEffect(() => {
    if (!open) return;
    setFilter('');
    setChosen(null);
    setError(null);
    setLinked(editor.isActive('recordLink'));
  }, [open, editor]);

  // Read when the dialog opens, and for each kind chosen; a record without a title cannot be named in the text.
  const listed = useRecords(caseId, kind, { enabled: open });
  const records = useMemo(() => listed.records?.map(anyRecord).filter((r) => titleOf(kind, r)) ?? null, [listed.records, kind]);
  const error = choiceError ?? listed.error;

  const shown = useMemo(() => {
    const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
    return (records ?? []).filter((r) => words.every((w) => titleOf(kind, r).toLowerCase().includes(w))).slice(0, SHOWN);
  }, [records, filter, kind]);

  function link() {
    const record = records?.find((r) => r.id === chosen);
    if (!record) return setError(`Choose the ${kindLabel(kind).toLowerCase()} to link to.`);
    const title = titleOf(kind, record).slice(0, 1_000);
    const attrs: RecordLinkMark['attrs'] = { kind, id: record.id, title };
    const chain = editor.chain().focus();
    if (editor.state.selection.empty) {
      chain.insertContent({ type: 'text', text: title, marks: [{ type: 'recordLink', attrs }] }).run();
    } else {
      chain.extendMarkRange('recordLink').setMark('recordLink', attrs).run();
    }
    onClose();
  }

  function unlink() {
    editor.chain().focus().extendMarkRange('recordLink').unsetMark('recordLink').run();
    onClose();
  }

  return (
    <FormDialog open={open} title="Link to a case record" onClose={onClose} onSubmit={link} submitLabel="Link" disabled={!chosen} className="record-link-dialog">
      <p className="muted">
        {editor.state.selection.empty
          ? 'The record’s title is inserted where the cursor is, as a link to the record.'
          : 'The selected words become a link to the record.'}
      </p>
      <div className="record-link-dialog__query">
        <label className="field">
          <span className="field__label">Kind of record</span>
          <select className="input" value={kind} onChange={(e) => { setKind(e.target.value as ListedKind); setChosen(null); }}>
            {LINK_KINDS.map((k) => <option key={k} value={k}>{kindLabel(k)}</option>)}
          </select>
        </label>
        <label className="field">
          <span className="field__label">Find</span>
          <input className="input" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Words of the title" />
        </label>
      </div>
      {records === null && !error ? (
        <p aria-busy="true">Reading the records…</p>
      ) : shown.length === 0 ? (
        <p className="empty">{records?.length ? 'No record matches these words.' : `This case has no ${KINDS[kind].plural.toLowerCase()} yet.`}</p>
      ) : (
        <fieldset className="choice-list record-link-dialog__list">
          <legend className="visually-hidden">{KINDS[kind].plural}</legend>
          {shown.map((r) => (
            <label key={r.id} className="choice-list__item">
              <input type="radio" name="record" value={r.id} checked={chosen === r.id} onChange={() => setChosen(r.id)} />
              <span>{titleOf(kind, r)}</span>
            </label>
          ))}
        </fieldset>
      )}
      {linked && (
        <p>
          <button type="button" className="button button--small" onClick={unlink}>Remove the record link here</button>
        </p>
      )}
      {error && <p className="field__error" role="alert">{error}</p>}
    </FormDialog>
  );
}
