// The command palette (Ctrl+K / Cmd+K): one field that searches the case on screen and every case in the library,
// and lists commands. A modal <dialog> (focus stays inside, Escape closes, focus returns to where it was); the field
// is a combobox over one listbox of grouped options, moved through with the arrow keys, opened with Enter. Each hit
// is a record (its kind, title and best snippet), with what matched in its history counted under it.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { CaseSearchHit, LibraryIndexProgress, SearchHit } from '../../../shared/api-types.js';
import { foldedWords } from '../../../shared/search-ranking.js';
import { messageOf } from '../../api/client.js';
import { api } from '../../services.js';
import { openCase, useCases } from '../../state/cases.js';
import { isClosedEncrypted, useLibrary } from '../../state/library.js';
import { indexedSoFar, indexReady, indexingProgress, useLibraryIndex } from '../../state/library-index.js';
import { go, useNavigation } from '../../state/navigation.js';
import { kindLabel } from '../../ui/labels.js';
import { commandsFor, matchCommands, type Command } from './commands.js';
import { usePalette } from './palette-state.js';
import { refreshUndoState, useCaseUndo } from '../../state/undo.js';
import { landingOf } from './record-sections.js';
import { Snippet } from './Snippet.js';
import './palette.css';

/** How long typing must pause before searching. */
const SEARCH_PAUSE_MS = 150;

type Item =
  | { type: 'hit'; key: string; hit: SearchHit; caseId: string }
  | { type: 'other'; key: string; hit: CaseSearchHit }
  | { type: 'command'; key: string; command: Command };

interface Group {
  id: string;
  label: string;
  items: Item[];
}

interface Results {
  query: string;
  here: SearchHit[];
  others: CaseSearchHit[];
  error: string | null;
}

const NO_RESULTS: Results = { query: '', here: [], others: [], error: null };

export function CommandPalette() {
  const { open, hide } = usePalette();
  const route = useNavigation((s) => s.route);
  const caseId = route.screen === 'case' ? route.caseId : null;
  const caseOpen = useCases((s) => !!caseId && s.open.some((c) => c.caseId === caseId));
  const here = caseOpen ? caseId : null;
  const ref = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Results>(NO_RESULTS);
  const [active, setActive] = useState(0);
  const indexing = useLibraryIndex(indexingProgress);
  // The search across cases cannot read these (the library lists them): the status says they were left out.
  const closedEncrypted = useLibrary((s) => s.entries.filter((e) => !e.archived && isClosedEncrypted(e)).length);
  const baseId = useId();
  const titleId = `${baseId}-title`;
  const listId = `${baseId}-list`;
  const optionId = (i: number) => `${baseId}-option-${i}`;

  // What Undo and Redo would do, for the palette's "Undo: …" commands: read as it opens.
  const undoNext = useCaseUndo((s) => (here ? s.next[here] : undefined));
  useEffect(() => {
    if (open && here) void refreshUndoState(here).catch(() => undefined);
  }, [open, here]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setQuery('');
      setResults(NO_RESULTS);
      setActive(0);
      dialog.showModal();
      inputRef.current?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  // Search after a pause in typing; an answer to an older query is dropped.
  useEffect(() => {
    if (!open) return;
    const text = query.trim();
    if (!text) {
      setResults(NO_RESULTS);
      return;
    }
    const superseded = new AbortController();
    const current = () => !superseded.signal.aborted;
    const timer = setTimeout(() => {
      const inCase = here ? api().call('case.search', { caseId: here, query: text, limit: 20 }) : Promise.resolve([]);
      // The search across cases reads the library index: while that is being brought up to date it waits (the
      // status says how far it got) rather than hold the core for the whole of it; a newer query stops the wait.
      const everywhere = indexReady(superseded.signal).then((ready) => (ready ? api().call('library.search', { query: text, limit: 30 }) : []));
      Promise.all([inCase, everywhere]).then(
        ([hits, all]) => {
          if (current()) setResults({ query: text, here: hits, others: all.filter((h) => h.caseId !== here), error: null });
        },
        (err: unknown) => {
          if (current()) setResults({ query: text, here: [], others: [], error: messageOf(err) });
        },
      );
    }, SEARCH_PAUSE_MS);
    return () => {
      superseded.abort();
      clearTimeout(timer);
    };
  }, [open, query, here]);

  const groups = useMemo<Group[]>(() => {
    const list: Group[] = [];
    const fresh = results.query === query.trim();
    if (fresh && here && results.here.length) {
      list.push({ id: 'here', label: 'This case', items: results.here.map((hit) => ({ type: 'hit', key: `h:${hit.kind}:${hit.id}`, hit, caseId: here })) });
    }
    if (fresh && results.others.length) {
      list.push({
        id: 'others',
        label: here ? 'Other cases' : 'Cases',
        items: results.others.map((hit) => ({ type: 'other', key: `o:${hit.caseId}:${hit.kind}:${hit.id}`, hit })),
      });
    }
    const commands = matchCommands(commandsFor(route), query);
    if (commands.length) list.push({ id: 'commands', label: 'Commands', items: commands.map((command) => ({ type: 'command', key: `c:${command.id}`, command })) });
    return list;
  }, [results, query, here, route, undoNext]);

  const items = useMemo(() => groups.flatMap((g) => g.items), [groups]);
  const activeIndex = items.length ? Math.min(active, items.length - 1) : -1;

  useEffect(() => {
    if (activeIndex >= 0) document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: 'nearest' });
  });

  function choose(item: Item | undefined): void {
    if (!item) return;
    hide();
    switch (item.type) {
      case 'command':
        item.command.run();
        return;
      case 'hit':
        go({ screen: 'case', caseId: item.caseId, ...landingOf(item.hit) });
        return;
      case 'other':
        void jumpToOtherCase(item.hit);
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!items.length) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + items.length) % items.length);
    } else if (e.key === 'PageDown' || e.key === 'PageUp') {
      e.preventDefault();
      if (items.length) setActive(e.key === 'PageDown' ? items.length - 1 : 0);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(items[activeIndex]);
    }
  }

  const searching = query.trim() !== '' && results.query !== query.trim();
  const found = results.here.length + results.others.length;
  let index = -1;
  return (
    <dialog
      ref={ref}
      className="dialog palette"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        hide();
      }}
      onClick={(e) => {
        if (e.target === ref.current) hide(); // a click on the backdrop
      }}
    >
      <h2 id={titleId} className="visually-hidden">
        Search and commands
      </h2>
      <input
        ref={inputRef}
        className="input palette__input"
        type="text"
        role="combobox"
        aria-label={here ? 'Search this case, all cases and commands' : 'Search all cases and commands'}
        aria-expanded={items.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeIndex >= 0 ? optionId(activeIndex) : undefined}
        placeholder={here ? 'Search this case and all cases, or type a command' : 'Search all cases, or type a command'}
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <div id={listId} role="listbox" aria-label="Results and commands" className="palette__list">
        {groups.map((group) => (
          <div key={group.id} role="group" aria-labelledby={`${baseId}-${group.id}`} className="palette__group">
            <div id={`${baseId}-${group.id}`} role="presentation" className="palette__group-label">
              {group.label}
            </div>
            {group.items.map((item) => {
              index += 1;
              const i = index;
              return (
                <div
                  key={item.key}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === activeIndex}
                  className={`palette__option ${i === activeIndex ? 'palette__option--active' : ''}`}
                  onMouseMove={() => i !== activeIndex && setActive(i)}
                  onMouseDown={(e) => e.preventDefault()} // keep focus in the field
                  onClick={() => choose(item)}
                >
                  <OptionBody item={item} />
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <p className="palette__status muted" role="status">
        {statusOf({ error: results.error, searching, indexing, query: query.trim(), found, closedEncrypted })}
      </p>
      <p className="palette__keys muted" aria-hidden="true">
        <kbd>↑</kbd> <kbd>↓</kbd> to move · <kbd>Enter</kbd> to open · <kbd>Esc</kbd> to close
      </p>
    </dialog>
  );
}

/** The line under the results: what the search is doing, or what it found and what it could not search. */
function statusOf({ error, searching, indexing, query, found, closedEncrypted }: {
  error: string | null; searching: boolean; indexing: LibraryIndexProgress | null; query: string; found: number; closedEncrypted: number;
}): string {
  if (error) return `Search failed: ${error}`;
  // Waiting for the library index, whose progress the user can see here rather than on the library screen.
  if (searching) return indexing ? `Still indexing case files (${indexedSoFar(indexing)})…` : 'Searching…';
  if (!query) return '';
  const outcome = found === 0 ? `Nothing found for “${query}”.` : `${found} ${found === 1 ? 'record' : 'records'} found.`;
  if (!closedEncrypted) return outcome;
  return closedEncrypted === 1
    ? `${outcome} One encrypted case file was not searched: it is closed.`
    : `${outcome} ${closedEncrypted.toLocaleString('en')} encrypted case files were not searched: they are closed.`;
}

function OptionBody({ item }: { item: Item }) {
  if (item.type === 'command') {
    return (
      <>
        <span className="palette__title">{item.command.label}</span>
        {item.command.hint && <kbd className="palette__hint">{item.command.hint}</kbd>}
      </>
    );
  }
  const { hit } = item;
  const folded = foldedWords(hit.folded, hit.matchedItself);
  return (
    <>
      <span className="palette__line">
        <span className="palette__kind">{kindLabel(hit.kind)}</span>
        <span className="palette__title">{hit.title}</span>
        {item.type === 'other' && <span className="palette__case">in {item.hit.caseTitle}</span>}
      </span>
      <Snippet text={hit.snippet} className="palette__snippet" />
      {folded && <span className="palette__folded">{folded}</span>}
    </>
  );
}

/** Opens the other case (unless it is open already) at the hit's section, with the hit in the address. */
async function jumpToOtherCase(hit: CaseSearchHit): Promise<void> {
  const landing = landingOf(hit);
  const already = useCases.getState().open.find((c) => c.caseId === hit.caseId);
  const info = already ?? (await openCase(hit.path, { section: landing.section }));
  if (info) go({ screen: 'case', caseId: info.caseId, ...landing });
}
