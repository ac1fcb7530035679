// A time zone, chosen by typing part of its city, region, name or offset ("paris", "new york", "+05:30") and picking
// from the list, or typed whole as an IANA name (America/New_York). An ARIA 1.2 combobox: the arrow keys move through
// the list, Enter picks, Esc closes the list (and only the list). Every field that takes a time zone uses it.
import { useEffect, useId, useMemo, useState } from 'react';
import type { ControlProps } from './Field.js';
import './time-zone-picker.css';

export interface ZoneOption {
  /** The IANA name, e.g. "America/Argentina/Buenos_Aires". */
  zone: string;
  /** "Buenos Aires". */
  city: string;
  /** "America / Argentina"; empty for UTC. */
  region: string;
  /** The zone's offset from UTC today, "UTC−03:00"; "UTC" for none. */
  offset: string;
}

/** How many options the list draws at once; typing narrows the rest. */
const MAX_SHOWN = 80;

function offsetOf(zone: string, now: Date): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(now).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  // Runtimes write no offset as "GMT" or "GMT+00:00": both are plain UTC.
  return name === 'GMT' || name === 'GMT+00:00' ? 'UTC' : name.replace(/^GMT/, 'UTC').replace('-', '−');
}

export function zoneOptionOf(zone: string, now = new Date()): ZoneOption {
  const parts = zone.split('/').map((p) => p.replace(/_/g, ' '));
  return { zone, city: parts.at(-1)!, region: parts.slice(0, -1).join(' / '), offset: offsetOf(zone, now) };
}

let cached: { day: string; options: ZoneOption[] } | null = null;

/** Every zone the runtime knows, with today's offsets (worked out once a day: they change with summer time). */
export function zoneOptions(now = new Date()): ZoneOption[] {
  const day = now.toISOString().slice(0, 10);
  if (cached?.day === day) return cached.options;
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const zones = intl.supportedValuesOf?.('timeZone') ?? ['America/New_York', 'Europe/London'];
  const options = (zones.includes('UTC') ? zones : ['UTC', ...zones]).map((z) => zoneOptionOf(z, now));
  cached = { day, options };
  return options;
}

const folded = (text: string) => text.toLocaleLowerCase().replace(/_/g, ' ').replace(/−/g, '-');

/** The zones whose name, city, region or offset hold every word typed; those whose city starts with it first. */
export function matchZones(options: readonly ZoneOption[], typed: string): ZoneOption[] {
  const words = folded(typed).split(/[\s/]+/).filter(Boolean);
  if (!words.length) return [...options];
  const hits = options.filter((o) => {
    const text = folded(`${o.zone} ${o.city} ${o.region} ${o.offset}`);
    return words.every((w) => text.includes(w));
  });
  const start = folded(typed.trim());
  const leads = (o: ZoneOption) => folded(o.city).startsWith(start) || folded(o.zone) === start;
  return [...hits.filter(leads), ...hits.filter((o) => !leads(o))];
}

interface TimeZonePickerProps extends ControlProps {
  /** The text in the field: a zone's IANA name, or what is being typed. */
  value: string;
  /** The text changed (typing): not yet a choice. */
  onText(text: string): void;
  /** A zone was picked from the list. */
  onPick(zone: string): void;
  onBlur?(): void;
  name?: string;
  placeholder?: string;
}

export function TimeZonePicker({ value, onText, onPick, onBlur, name, placeholder, ...control }: TimeZonePickerProps) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  /** Whether the text was typed since the list opened: until then the whole list shows, the current zone in it. */
  const [typed, setTyped] = useState(false);
  const [active, setActive] = useState(0);
  const all = useMemo(() => zoneOptions(), []);
  const matches = useMemo(() => (typed ? matchZones(all, value) : all), [all, typed, value]);
  const shown = matches.slice(0, MAX_SHOWN);
  const optionId = (i: number) => `${listId}-option-${i}`;

  function show(at?: number): void {
    setOpen(true);
    const current = shown.findIndex((o) => o.zone === value);
    setActive(at ?? Math.max(current, 0));
    requestAnimationFrame(() => document.getElementById(optionId(at ?? Math.max(current, 0)))?.scrollIntoView({ block: 'nearest' }));
  }
  function move(to: number): void {
    const next = Math.min(Math.max(to, 0), shown.length - 1);
    setActive(next);
    document.getElementById(optionId(next))?.scrollIntoView({ block: 'nearest' });
  }
  function pick(option: ZoneOption): void {
    setOpen(false);
    setTyped(false);
    onPick(option.zone);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) show();
      else move(active + (e.key === 'ArrowDown' ? 1 : -1));
    } else if (open && (e.key === 'PageDown' || e.key === 'PageUp')) {
      e.preventDefault();
      move(active + (e.key === 'PageDown' ? 10 : -10));
    } else if (e.key === 'Enter' && open && shown[active]) {
      // A name typed whole needs no picking: Enter closes the list and does what it does in the form around it.
      if (shown[active]!.zone === value) return setOpen(false);
      e.preventDefault(); // picks; does not submit the form around it
      pick(shown[active]!);
    } else if (e.key === 'Escape' && open) {
      // The list closes; the panel or dialog around the field stays open.
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  }

  return (
    <div className="zone-picker">
      <input
        {...control}
        name={name}
        className="input"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && shown[active] ? optionId(active) : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        value={value}
        onChange={(e) => {
          onText(e.target.value);
          setTyped(true);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onClick={() => (open ? setOpen(false) : show())}
        onBlur={() => {
          setOpen(false);
          setTyped(false);
          onBlur?.();
        }}
      />
      <ul id={listId} role="listbox" aria-label="Time zones" className="zone-picker__list" hidden={!open}>
        {open &&
          shown.map((o, i) => (
            <li
              key={o.zone}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={`zone-picker__option ${i === active ? 'zone-picker__option--active' : ''}`}
              // Keeps the focus in the field, so that picking is not also leaving it.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(o)}
            >
              <span className="zone-picker__city">{o.city}</span>
              {o.region && <span className="zone-picker__region">{o.region}</span>}
              <span className="zone-picker__offset">{o.offset}</span>
            </li>
          ))}
        {open && shown.length === 0 && (
          <li role="option" aria-selected={false} aria-disabled="true" className="zone-picker__none">
            No time zone matches “{value}”.
          </li>
        )}
        {open && matches.length > shown.length && (
          <li role="option" aria-selected={false} aria-disabled="true" className="zone-picker__none">
            {matches.length - shown.length} more: type to narrow the list.
          </li>
        )}
      </ul>
    </div>
  );
}

interface SavedZonePickerProps extends ControlProps {
  /** The zone saved now ('' for none). */
  stored: string;
  /** Saves what was picked, or what was typed when focus leaves (the core refuses a name that is not a zone). */
  onSave(text: string): void;
  name?: string;
  placeholder?: string;
}

/**
 * The picker over a zone that is saved as a whole: what is typed stays in the field, unsaved, until a zone is picked
 * or focus leaves, so that "tok" on the way to "Tokyo" is never sent (and refused) after a pause in typing.
 */
export function SavedZonePicker({ stored, onSave, ...rest }: SavedZonePickerProps) {
  const [text, setText] = useState(stored);
  useEffect(() => setText(stored), [stored]);
  return (
    <TimeZonePicker
      {...rest}
      value={text}
      onText={setText}
      onPick={(zone) => {
        setText(zone);
        if (zone !== stored) onSave(zone);
      }}
      onBlur={() => {
        if (text !== stored) onSave(text);
      }}
    />
  );
}
