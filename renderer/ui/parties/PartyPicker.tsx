// A text field that picks a party of the case as the user types (a combobox in the ARIA sense): the parties whose
// name, role or organization hold the text are listed under it; the arrow keys move through them, Enter picks one,
// Escape closes the list. What is typed stays free text when nothing is picked (an owner written in an old file, a
// guest who is no party of the case); where the screen allows it, the last choice creates a party of that name.
import { useId, useState } from 'react';
import { partiesMatching, SIDE_LABELS, type PartyChoice } from '../../../shared/parties.js';
import type { ControlProps } from '../Field.js';
import '../time-zone-picker.css';
import './party-picker.css';

/** The most choices listed at once: a long list helps no one pick; typing more narrows it. */
const MAX_SHOWN = 8;

interface PartyPickerProps<P extends PartyChoice> extends Partial<ControlProps> {
  id: string;
  text: string;
  /** The parties to choose from, in the order to offer them. */
  parties: readonly P[];
  onText(text: string): void;
  onPick(party: P): void;
  /** The words of the choice that makes a new party of the text ("Add “Dana Ruiz” as a new person on their side"), if offered. */
  createText?: (name: string) => string;
  onCreate?(name: string): void;
  /** The focus left the field (a field that saves as the user goes saves then). */
  onLeave?(): void;
  name?: string;
  className?: string;
}

type Choice<P> = { party: P } | { create: string };

export function PartyPicker<P extends PartyChoice>({ id, text, parties, onText, onPick, createText, onCreate, onLeave, name, className, ...aria }: PartyPickerProps<P>) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  /** The list was asked for with an arrow key: then it shows even before anything is typed. */
  const [browsing, setBrowsing] = useState(false);
  const found = partiesMatching(parties, text).slice(0, MAX_SHOWN);
  const exact = found.some((p) => p.name.trim().toLowerCase() === text.trim().toLowerCase());
  const choices: Choice<P>[] = [
    ...found.map((party) => ({ party })),
    ...(onCreate && createText && text.trim() && !exact ? [{ create: text.trim() }] : []),
  ];
  // A field emptied (the form sent and cleared) shows no list until the user types or asks for it.
  const shown = open && choices.length > 0 && (text.trim() !== '' || browsing);

  function choose(choice: Choice<P>): void {
    setOpen(false);
    setBrowsing(false);
    setActive(-1);
    if ('party' in choice) onPick(choice.party);
    else onCreate?.(choice.create);
  }

  function keys(e: React.KeyboardEvent<HTMLInputElement>): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      setBrowsing(true);
      const n = choices.length;
      // Down from the text goes to the first choice, up to the last; both wrap around.
      if (e.key === 'ArrowDown') setActive((i) => (n ? (i + 1) % n : -1));
      else setActive((i) => (n ? (i <= 0 ? n - 1 : i - 1) : -1));
    } else if (e.key === 'Enter' && shown && active >= 0 && choices[active]) {
      e.preventDefault(); // picks; the form is not sent
      choose(choices[active]);
    } else if (e.key === 'Escape' && shown) {
      e.preventDefault();
      e.stopPropagation(); // closes the list, not the panel or dialog around it
      setOpen(false);
      setActive(-1);
    }
  }

  const optionId = (i: number) => `${listId}-${i}`;
  return (
    <div className={`party-picker ${className ?? ''}`}>
      <input
        {...aria}
        id={id}
        name={name}
        className="input"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown && active >= 0 ? optionId(active) : undefined}
        autoComplete="off"
        value={text}
        onChange={(e) => {
          onText(e.target.value);
          setOpen(true);
          setBrowsing(false);
          setActive(-1);
        }}
        onKeyDown={keys}
        onFocus={() => setOpen(text.trim() !== '')}
        onBlur={() => {
          setOpen(false);
          setBrowsing(false);
          onLeave?.();
        }}
      />
      <ul id={listId} role="listbox" className="party-picker__list" aria-label="Parties of the case" hidden={!shown}>
        {shown && choices.map((c, i) => (
          <li
            key={'party' in c ? c.party.id : 'create'}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={`party-picker__option ${i === active ? 'party-picker__option--active' : ''} ${'create' in c ? 'party-picker__option--create' : ''}`}
            // Before the input's blur closes the list: the click then lands on the option.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(c)}
          >
            {'party' in c ? (
              <>
                <span className="party-picker__name">{c.party.name}</span>
                <span className="party-picker__facts muted">{[SIDE_LABELS[c.party.side], c.party.role, c.party.organization].filter(Boolean).join(' · ')}</span>
              </>
            ) : (
              createText!(c.create)
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
