// A list that can grow long (a thousand reminders, a thousand overdue deadlines across the library) shown as its
// first few entries, with the rest on request: opened, it scrolls in a box of its own and grows a page at a time.
// A screen stays quick to draw and to leave, and what follows the list is never pushed off the window.
// Printed, it is every entry (ui/print/print-view.ts), with no box and no "Show more".
import { useState, type ReactNode } from 'react';
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
}

export function FirstFewList<T>({ items, firstFew, page = 50, openedLabel, children }: Props<T>) {
  const [count, setCount] = useState(firstFew);
  const printing = usePrintView((s) => s.printing);
  const opened = count > firstFew && !printing;
  const shown = printing ? items : items.slice(0, count);
  const left = items.length - shown.length;
  return (
    <>
      {/* Opened, the box takes the keyboard so that it can be scrolled without a mouse. */}
      <div className={opened ? 'first-few__box' : undefined} tabIndex={opened ? 0 : undefined} role={opened ? 'region' : undefined} aria-label={opened ? openedLabel : undefined}>
        {children(shown)}
        {opened && left > 0 && (
          <button type="button" className="button button--small first-few__more" onClick={() => setCount((n) => n + page)}>
            Show {Math.min(page, left)} more
          </button>
        )}
      </div>
      {items.length > firstFew && !printing && (
        <p className="first-few__summary">
          <span className="muted">Showing {shown.length.toLocaleString('en')} of {items.length.toLocaleString('en')}.</span>
          <button type="button" className="button button--small" aria-expanded={opened} onClick={() => setCount(opened ? firstFew : firstFew + page)}>
            {opened ? 'Show fewer' : 'Show more'}
          </button>
        </p>
      )}
    </>
  );
}
