// A list that can grow long (a thousand reminders, a thousand overdue deadlines across the library) shown as its
// first few entries, with the rest on request: opened, it scrolls in a box of its own and grows a page at a time.
// A screen stays quick to draw and to leave, and what follows the list is never pushed off the window.
// Printed, it is every entry (ui/print/print-view.ts), with no box and no "Show more".
// `items` may be only the first of more entries (`total`): once all of them are shown, "Show all" asks for the rest.
import { useRef, useState, type ReactNode } from 'react';
import { messageOf } from '../api/client.js';
import { usePrintView } from './print/print-view.js';

interface Props<T> {
  items: readonly T[];
  /** Entries shown until the user asks for more. */
  firstFew: number;
  /** Entries added at each "Show N more", once opened. */
  page?: number;
  /** The accessible name of the opened, scrolling box ("All reminders due"). */
  openedLabel: string;
  /** Draws the entries shown (the list element itself, with its own name and markup). */
  children(shown: readonly T[]): ReactNode;
  /** How many entries there are in all, where `items` holds only the first of them. */
  total?: number;
  /** Gets the entries `items` does not hold (into `items`), for "Show all"; a failure is said under the list. */
  showAll?: () => Promise<void>;
}

export function FirstFewList<T>({ items, firstFew, page = 50, openedLabel, children, total = items.length, showAll }: Props<T>) {
  const [count, setCount] = useState(firstFew);
  const [fetching, setFetching] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const printing = usePrintView((s) => s.printing);
  const opened = count > firstFew && !printing;
  const shown = printing ? items : items.slice(0, count);
  const left = items.length - shown.length;
  const notHeld = showAll ? total - items.length : 0;
  const fetchAll = async () => {
    if (fetching) return;
    setFetching(true);
    setProblem(null);
    try {
      await showAll!();
      setCount(Infinity);
      // The button goes once everything is shown: the keyboard stays in the list, which it can scroll.
      box.current?.focus();
    } catch (err) {
      setProblem(messageOf(err));
    } finally {
      setFetching(false);
    }
  };
  return (
    <>
      {/* Opened, the box takes the keyboard so that it can be scrolled without a mouse. */}
      <div ref={box} className={opened ? 'first-few__box' : undefined} tabIndex={opened ? 0 : undefined} role={opened ? 'region' : undefined} aria-label={opened ? openedLabel : undefined}>
        {children(shown)}
        {/* One button for both, so that the keyboard stays on it when "Show more" reaches the end of what is held. */}
        {opened && (left > 0 || notHeld > 0) && (
          <button
            type="button"
            className="button button--small first-few__more"
            aria-disabled={fetching || undefined}
            onClick={() => (left > 0 ? setCount((n) => n + page) : void fetchAll())}
          >
            {left > 0 ? `Show ${Math.min(page, left)} more` : fetching ? 'Getting them all…' : `Show all ${total.toLocaleString('en')}`}
          </button>
        )}
        {problem && (
          <p className="field__error" role="alert">
            Could not get them all: {problem}
          </p>
        )}
      </div>
      {printing && notHeld > 0 && <p className="first-few__summary muted">The first {items.length.toLocaleString('en')} of {total.toLocaleString('en')}.</p>}
      {total > firstFew && !printing && (
        <p className="first-few__summary">
          <span className="muted">Showing {shown.length.toLocaleString('en')} of {total.toLocaleString('en')}.</span>
          <button type="button" className="button button--small" aria-expanded={opened} onClick={() => setCount(opened ? firstFew : firstFew + page)}>
            {opened ? 'Show fewer' : 'Show more'}
          </button>
        </p>
      )}
    </>
  );
}
