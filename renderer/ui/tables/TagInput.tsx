// Tags: shown as a list in a table cell (TagList), and edited in a record's panel (RecordTags) with a tag input that
// is all keyboard: type a tag and press Enter (or a comma) to add it, Backspace in the empty box takes the last one
// off, each tag's button removes it, and the case's other tags are offered as suggestions while typing.
import { useState } from 'react';
import { MAX_TAG_LENGTH } from '../../../shared/fields.js';
import type { RecordOf } from '../../../shared/records.js';
import { hasTag } from '../../../shared/table-view.js';
import type { FieldSave } from '../../state/directive.js';
import { anyRecord, queued, updateRecord } from '../../state/records.js';
import { Field } from '../Field.js';
import { failureText } from '../records/RecordField.js';
import { SaveState } from '../SaveState.js';
import { SharingMark } from '../sharing/RecordSharing.js';
import './tables.css';

export function TagList({ tags }: { tags: readonly string[] | null }) {
  if (!tags?.length) return <span className="muted">—</span>;
  return <ul className="tag-list" aria-label="Tags">{tags.map((t) => <li key={t} className="tag">{t}</li>)}</ul>;
}

interface TagInputProps {
  id: string;
  tags: readonly string[];
  /** Tags offered while typing (the case's others). */
  suggestions: readonly string[];
  disabled?: boolean;
  describedBy?: string;
  onChange(tags: string[]): void;
}

export function TagInput({ id, tags, suggestions, disabled, describedBy, onChange }: TagInputProps) {
  const [text, setText] = useState('');
  const listId = `${id}-suggestions`;
  function add(): void {
    const tag = text.trim();
    if (!tag) return;
    setText('');
    if (!hasTag(tags, tag)) onChange([...tags, tag]);
  }
  function keys(e: React.KeyboardEvent<HTMLInputElement>): void {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      add();
    } else if (e.key === 'Backspace' && text === '' && tags.length) {
      e.preventDefault();
      onChange(tags.slice(0, -1));
    }
  }
  return (
    <div className="tag-input">
      {tags.length > 0 && (
        <ul className="tag-list" aria-label="Tags given">
          {tags.map((t) => (
            <li key={t}>
              <button type="button" className="tag-chip" disabled={disabled} aria-label={`Remove the tag ${t}`} onClick={() => onChange(tags.filter((x) => x !== t))}>
                {t} <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        className="tag-input__text"
        value={text}
        disabled={disabled}
        maxLength={MAX_TAG_LENGTH}
        list={listId}
        aria-describedby={describedBy}
        placeholder={tags.length ? '' : 'Add a tag'}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={keys}
        onBlur={add}
      />
      <datalist id={listId}>
        {suggestions.filter((s) => !hasTag(tags, s)).map((s) => <option key={s} value={s} />)}
      </datalist>
    </div>
  );
}

type TaggedKind = 'issue' | 'precedent' | 'watchItem';

interface RecordTagsProps<K extends TaggedKind> {
  caseId: string;
  kind: K;
  record: RecordOf<K>;
  suggestions: readonly string[];
  disabled?: boolean;
  onSaved(record: RecordOf<K>): void;
}

/** A record's tags, saved at each tag added or removed; a refused change shows its reason and the tags go back. */
export function RecordTags<K extends TaggedKind>({ caseId, kind, record, suggestions, disabled, onSaved }: RecordTagsProps<K>) {
  const [pending, setPending] = useState<string[] | null>(null);
  const [save, setSave] = useState<FieldSave | undefined>(undefined);
  const tags = pending ?? (anyRecord(record).tags as string[] | null) ?? [];
  async function change(next: string[]): Promise<void> {
    setPending(next);
    setSave({ state: 'saving' });
    try {
      const changes = { tags: next.length ? next : null } as Parameters<typeof updateRecord<K>>[3];
      onSaved(await queued(record.id, () => updateRecord(caseId, kind, record.id, changes)));
      setSave({ state: 'saved' });
    } catch (err) {
      setSave({ state: 'error', message: failureText(err, 'tags') });
    } finally {
      setPending(null);
    }
  }
  return (
    <Field label="Tags" hint="Type a tag and press Enter; Backspace in the empty box removes the last one." error={save?.state === 'error' ? save.message : null} aside={<><SharingMark field="tags" label="Tags" /><SaveState save={save} pending={false} /></>}>
      {(ids) => <TagInput id={ids.id} tags={tags} suggestions={suggestions} disabled={disabled} describedBy={ids['aria-describedby']} onChange={(next) => void change(next)} />}
    </Field>
  );
}
