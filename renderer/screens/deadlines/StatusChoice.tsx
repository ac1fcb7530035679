// A deadline row's status, changeable in place. The row shows a button that looks like a drop-down; pressing it
// puts the real <select> there, focused and open. Why not a <select> in every row: a scrolling list of ten
// thousand deadlines mounts a row at nearly every frame, and a native select per row was a quarter of each frame's
// work (docs/PERFORMANCE.md). One select, only while it is being used, keeps the list smooth.
import { useLayoutEffect, useRef, useState } from 'react';
import { DEADLINE_STATUSES } from '../../../shared/enums.js';
import { humanize } from '../../ui/labels.js';

interface Props {
  title: string;
  value: string;
  /** The row's roving tab stop: only the active row's controls are in the Tab order. */
  tabbable: boolean;
  readOnly: boolean;
  onChange(status: string): void;
}

export function StatusChoice({ title, value, tabbable, readOnly, onChange }: Props) {
  const [choosing, setChoosing] = useState(false);
  const selectRef = useRef<HTMLSelectElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  /** Set when the choice ends by the keyboard or a pick, so focus goes back to the button rather than the page. */
  const refocus = useRef(false);

  useLayoutEffect(() => {
    if (choosing) {
      const select = selectRef.current;
      select?.focus();
      // One press opens the list, as with a drop-down; where the picker cannot be shown, the focused select is
      // still there for the arrow keys.
      try {
        select?.showPicker();
      } catch {
        /* no picker without a user gesture (scripted use): the select works from the keyboard */
      }
    } else if (refocus.current) {
      refocus.current = false;
      buttonRef.current?.focus();
    }
  }, [choosing]);

  if (readOnly) return <span className="status-choice status-choice--read-only">{humanize(value)}</span>;

  const close = (focusBack: boolean) => {
    refocus.current = focusBack;
    setChoosing(false);
  };

  return choosing ? (
    <select
      ref={selectRef}
      className="input input--compact status-choice"
      aria-label={`Status of ${title}`}
      value={value}
      onChange={(e) => {
        onChange(e.target.value);
        close(true);
      }}
      onBlur={() => close(false)}
      onKeyDown={(e) => {
        // Tab leaves by blur, once focus has moved on; Escape puts the button back and focus on it.
        if (e.key === 'Escape') {
          e.preventDefault(); // its own Esc, not the panel's
          close(true);
        }
      }}
    >
      {DEADLINE_STATUSES.map((s) => (
        <option key={s} value={s}>{humanize(s)}</option>
      ))}
    </select>
  ) : (
    <button
      ref={buttonRef}
      type="button"
      className="input input--compact status-choice status-choice--button"
      aria-label={`Status of ${title}: ${humanize(value)}`}
      aria-haspopup="listbox"
      tabIndex={tabbable ? 0 : -1}
      onClick={() => setChoosing(true)}
    >
      {humanize(value)}
    </button>
  );
}
