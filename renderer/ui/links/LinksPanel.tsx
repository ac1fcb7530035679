// A record's typed links: what it links to, what links to it (backlinks), and "Add link", which asks for the kind
// of link and finds the other record of this case by searching. A link to a record in another case file opens that
// file. Deleting a link is soft and can be undone.
import { useEffect, useId, useRef, useState } from 'react';
import type { LinkView, SearchHit } from '../../../shared/api-types.js';
import { LINKABLE_KINDS, LINK_TYPES } from '../../../shared/enums.js';
import type { DeletableKind, KindName } from '../../../shared/records.js';
import { messageOf } from '../../api/client.js';
import { openCase } from '../../state/cases.js';
import { useRead } from '../../state/data.js';
import { createRecord, restoreRecord } from '../../state/records.js';
import { humanize, kindLabel } from '../labels.js';
import { deleteWithCare } from '../../state/deleting.js';
import { openRecord } from './open-record.js';
import './links.css';

export type LinkableKind = (typeof LINKABLE_KINDS)[number];
export type LinkType = (typeof LINK_TYPES)[number];

/** How a link reads from its source ("supports") and from its target ("supported by"). */
export const LINK_WORDS: Record<LinkType, { out: string; in: string }> = {
  supports: { out: 'Supports', in: 'Supported by' },
  undermines: { out: 'Undermines', in: 'Undermined by' },
  cites: { out: 'Cites', in: 'Cited by' },
  analogous_to: { out: 'Analogous to', in: 'Analogous to' },
  responds_to: { out: 'Responds to', in: 'Responded to by' },
};

const isLinkable = (kind: string): kind is LinkableKind => (LINKABLE_KINDS as readonly string[]).includes(kind);
/** A search hit the add form offers: a record a link may point to. */
type LinkableHit = SearchHit & { kind: LinkableKind };

interface LinksPanelProps {
  caseId: string;
  kind: LinkableKind;
  id: string;
  /** Headings inside the panel start at this level (3 inside a record's panel). */
  headingLevel?: 2 | 3;
  readOnly?: boolean;
}

export function LinksPanel({ caseId, kind, id, headingLevel = 3, readOnly }: LinksPanelProps) {
  const read = useRead('record.links', { caseId, kind, id });
  const links = read.data;
  const [removeError, setError] = useState<string | null>(null);
  const error = removeError ?? read.error;
  const [adding, setAdding] = useState(false);
  const headingId = useId();
  const H = `h${headingLevel}` as 'h2' | 'h3';

  // Another record: its links are read (useRead), and the add form of the last one goes.
  useEffect(() => {
    setAdding(false);
    setError(null);
  }, [caseId, kind, id]);

  async function load() {
    await read.reload();
    setError(null);
  }

  async function remove(view: LinkView) {
    try {
      if (!(await deleteWithCare(caseId, 'link', view.link.id))) return;
      await load();
    } catch (err) {
      setError(messageOf(err));
    }
  }

  /** Brings back the deleted record at a link's other end, with what was deleted with it (this link among them). */
  async function restoreOther(otherKind: DeletableKind, otherId: string) {
    try {
      await restoreRecord(caseId, otherKind, otherId);
      await load();
    } catch (err) {
      setError(messageOf(err));
    }
  }

  const row = (view: LinkView, direction: 'out' | 'in') => {
    const l = view.link;
    const otherKind = (direction === 'out' ? l.toKind : l.fromKind) as KindName;
    const otherId = direction === 'out' ? l.toId : l.fromId;
    const crossCase = direction === 'out' && l.toCaseId && l.toCaseId !== caseId;
    const title = view.otherTitle ?? l.toTitle ?? (crossCase ? 'A record in another case' : 'A record no longer here');
    const words = LINK_WORDS[l.linkType as LinkType]?.[direction] ?? humanize(l.linkType);
    const label = `${words} ${kindLabel(otherKind).toLowerCase()} “${title}”`;
    return (
      <li key={l.id} className="links__item">
        <span className="links__type">{words}</span>
        <span className="links__other">
          <span className="links__kind">{kindLabel(otherKind)}</span>
          {crossCase ? (
            <button type="button" className="link-button" onClick={() => l.toCasePath && void openCase(l.toCasePath)} disabled={!l.toCasePath}>
              {title} <span className="muted">(opens the other case file)</span>
            </button>
          ) : view.otherDeleted ? (
            <span className="links__deleted">
              <span>“{title}” (deleted)</span>
              {!readOnly && (
                <button type="button" className="button button--small" onClick={() => void restoreOther(otherKind as DeletableKind, otherId)} aria-label={`Restore ${kindLabel(otherKind).toLowerCase()} “${title}”`}>
                  Restore
                </button>
              )}
            </span>
          ) : view.otherTitle ? (
            <button type="button" className="link-button" onClick={() => openRecord(caseId, otherKind, otherId)}>
              {title}
            </button>
          ) : (
            <span className="muted">{title}</span>
          )}
          {l.note && <span className="links__note muted">{l.note}</span>}
        </span>
        {!readOnly && (
          <button type="button" className="icon-button" aria-label={`Remove link: ${label}`} title="Remove link" onClick={() => void remove(view)}>
            ×
          </button>
        )}
      </li>
    );
  };

  const total = links ? links.outgoing.length + links.incoming.length : 0;
  return (
    <section className="links" aria-labelledby={headingId}>
      <div className="links__head">
        <H id={headingId} className="links__title">Links</H>
        {!readOnly && !adding && (
          <button type="button" className="button button--small" onClick={() => setAdding(true)}>
            Add link
          </button>
        )}
      </div>
      {error && <p className="field__error" role="alert">{error}</p>}
      {links && total === 0 && !adding && <p className="empty">No links yet. Use “Add link” to tie this to an issue, a precedent, a meeting or any other record.</p>}
      {links && links.outgoing.length > 0 && (
        <ul className="links__list" aria-label="Links from this record">
          {links.outgoing.map((v) => row(v, 'out'))}
        </ul>
      )}
      {links && links.incoming.length > 0 && (
        <>
          <p className="links__sub">Linked from</p>
          <ul className="links__list" aria-label="Links to this record">
            {links.incoming.map((v) => row(v, 'in'))}
          </ul>
        </>
      )}
      {adding && (
        <AddLink
          caseId={caseId}
          kind={kind}
          id={id}
          onCancel={() => setAdding(false)}
          onAdded={async () => {
            setAdding(false);
            await load();
          }}
        />
      )}
    </section>
  );
}

function AddLink({ caseId, kind, id, onCancel, onAdded }: { caseId: string; kind: LinkableKind; id: string; onCancel(): void; onAdded(): Promise<void> }) {
  const [linkType, setLinkType] = useState<LinkType>('supports');
  const [query, setQuery] = useState('');
  const text = query.trim();
  // Searched after a pause in typing; the last matches stay until the next answer.
  const search = useRead('case.search', text ? { caseId, query: text, limit: 30 } : null, { keepPrevious: true, pauseMs: 250 });
  const hits = text && search.data ? search.data.filter((h): h is LinkableHit => isLinkable(h.kind) && !(h.kind === kind && h.id === id)).slice(0, 12) : null;
  const [chooseError, setError] = useState<string | null>(null);
  const error = chooseError ?? search.error;
  const listRef = useRef<HTMLUListElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const formId = useId();

  useEffect(() => searchRef.current?.focus(), []);

  async function choose(hit: LinkableHit) {
    try {
      await createRecord(caseId, 'link', { fromKind: kind, fromId: id, linkType, toKind: hit.kind, toId: hit.id });
      await onAdded();
    } catch (err) {
      setError(messageOf(err));
    }
  }

  function moveFocus(e: React.KeyboardEvent, from: number) {
    const buttons = [...(listRef.current?.querySelectorAll('button') ?? [])];
    let next: number | null = null;
    if (e.key === 'ArrowDown') next = Math.min(from + 1, buttons.length - 1);
    if (e.key === 'ArrowUp') next = from - 1;
    if (next === null) return;
    e.preventDefault();
    if (next < 0) searchRef.current?.focus();
    else buttons[next]?.focus();
  }

  return (
    <div className="links__add" role="group" aria-label="Add a link">
      <div className="form__row">
        <div className="field">
          <label className="field__label" htmlFor={`${formId}-type`}>Link type</label>
          <select id={`${formId}-type`} className="input" value={linkType} onChange={(e) => setLinkType(e.target.value as LinkType)}>
            {LINK_TYPES.map((t) => (
              <option key={t} value={t}>
                {LINK_WORDS[t].out}
              </option>
            ))}
          </select>
        </div>
        <div className="field links__search">
          <label className="field__label" htmlFor={`${formId}-q`}>Find the record</label>
          <input
            id={`${formId}-q`}
            ref={searchRef}
            type="search"
            className="input"
            value={query}
            placeholder="Words from its title or text"
            aria-describedby={`${formId}-hint`}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault(); // the search's own Esc: it is not the panel's to close
                onCancel();
              }
              if (e.key === 'ArrowDown') moveFocus(e, -1);
              if (e.key === 'Enter' && hits?.[0]) {
                e.preventDefault();
                void choose(hits[0]);
              }
            }}
          />
          <p id={`${formId}-hint`} className="field__hint">Searches this case. Enter links the first match; arrow keys move through the matches.</p>
        </div>
      </div>
      {error && <p className="field__error" role="alert">{error}</p>}
      {hits && hits.length === 0 && <p className="empty">Nothing in this case matches “{query}”.</p>}
      {hits && hits.length > 0 && (
        <ul className="links__hits" ref={listRef} aria-label="Matching records">
          {hits.map((hit, i) => (
            <li key={`${hit.kind}-${hit.id}`}>
              <button type="button" className="links__hit" onKeyDown={(e) => moveFocus(e, i)} onClick={() => void choose(hit)}>
                <span className="links__kind">{kindLabel(hit.kind)}</span> {hit.title}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="form__actions">
        <button type="button" className="button button--small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
