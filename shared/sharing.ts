// Who may see what (the domain guide's rule): the shareable projection of a case, the one function every artefact
// that leaves the team goes through (the shareable brief in every format, a shareable draft, the calendar file, a
// shareable copy of the case). The rules themselves are data in the registry (shared/records.ts): each field's
// `share`, and per kind `internalWhen`, `partOf`, `withheldWith`, `shareableValue`. Nothing here knows a field by
// name; a person's choices (sharing choices, `disclosure` records) override the registry's defaults.
//
// A record leaves only if it is shareable (its own choice, else its kind's rule), everything it belongs to
// (`partOf`) does, and, for a link, both its ends do. Of a record that leaves, a field leaves only if it is shareable
// (its choice, else its `share`), and a reference only if the record it points at leaves too. A withheld field is
// absent from the projected record, not blanked: nothing says what was there. Text that leaves carries no parley:
// address.
import { withoutParleyAddresses } from './documents/record-links.js';
import type { Sensitivity } from './fields.js';
import { KINDS, KIND_NAMES, type CreateInputOf, type KindDef, type KindName, type Linked, type RecordMeta, type RecordOf } from './records.js';
import { withArticle } from './words.js';

export type { Sensitivity } from './fields.js';

/** Live records of a case by kind (any subset of kinds: what is not given counts as not there). */
export type CaseRecords = { [K in KindName]?: readonly RecordOf<K>[] };

/**
 * A record as it may leave: every field it may not share is absent (withheld), never null or a placeholder. Its
 * required fields are always there: a record that could not leave with one of them does not leave at all.
 */
export type ProjectedRecord<K extends KindName> = RecordMeta & CreateInputOf<K>;
export type ProjectedRecords = { [K in KindName]?: ProjectedRecord<K>[] };

/** Something that did not leave: a whole record (field null) or one field holding a value; and why, in words. */
export interface Withheld {
  kind: KindName;
  id: string;
  field: string | null;
  why: string;
}

export interface Projection {
  records: ProjectedRecords;
  /** What was left out, in the order met: records first by kind, then each record's fields. */
  withheld: Withheld[];
}

/** A person's choice in force for a record or a field. */
export interface SharingChoice {
  level: Sensitivity;
  by: string;
  at: string;
}

/** A record's level: what it is, what the registry says by default, the choice a person made, and why it is internal. */
export interface RecordVerdict {
  level: Sensitivity;
  default: Sensitivity;
  /** Why the registry keeps a record of this kind internal by default ("an internal note"), or null. */
  defaultWhy: string | null;
  choice: SharingChoice | null;
  /** Why the record is internal, in words; null when it may leave. */
  why: string | null;
  /** Set when it is internal because a record it belongs to (or, for a link, one of its ends) is: whatever was chosen for it. */
  heldBy: { kind: KindName; id: string; title: string } | null;
}

export interface FieldVerdict {
  level: Sensitivity;
  default: Sensitivity;
  choice: SharingChoice | null;
}

type AnyRecord = RecordMeta & Record<string, unknown>;
type AnyKindDef = KindDef & {
  internalWhen?: (record: AnyRecord, linked: Linked) => string | null;
  shareableValue?: (field: string, record: AnyRecord) => unknown;
};
const defOf = (kind: KindName) => KINDS[kind] as unknown as AnyKindDef;

/** The columns every record has; they leave with it (ids are for joining: outputs write none of them). */
const META_FIELDS = ['id', 'version', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'deletedAt', 'deletedBy'] as const;

/** Where the rules read records and choices from: the records given to a projection, or a case file. */
export interface SharingSource {
  /** The live record of this kind and id, or undefined. */
  find(kind: KindName, id: string): AnyRecord | undefined;
  /** The case's one record of a singleton kind (the directive), or undefined. */
  singleton(kind: KindName): AnyRecord | undefined;
  /** The case's sharing choices, oldest first: the latest for a record or field is the one in force. */
  choices: readonly RecordOf<'disclosure'>[];
}

const choiceKey = (recordId: string, field: string | null) => `${recordId}\u0000${field ?? ''}`;

/** The registry's rules and a case's choices, applied to its records (memoized: one instance per reading). */
export class SharingRules {
  private readonly choices = new Map<string, SharingChoice>();
  private readonly verdicts = new Map<string, RecordVerdict>();

  constructor(private readonly source: SharingSource) {
    for (const c of source.choices) {
      if (c.deletedAt) continue;
      const key = choiceKey(c.recordId, c.field);
      if (c.level === 'default') this.choices.delete(key);
      else this.choices.set(key, { level: c.level, by: c.createdBy, at: c.createdAt });
    }
  }

  choice(recordId: string, field: string | null): SharingChoice | null {
    return this.choices.get(choiceKey(recordId, field)) ?? null;
  }

  /** Whether a record may leave, and why not. */
  record(kind: KindName, rec: AnyRecord): RecordVerdict {
    const known = this.verdicts.get(rec.id);
    if (known) return known;
    const def = defOf(kind);
    const target = (field: string) => {
      const refKind = def.fields[field]?.ref as KindName | undefined;
      const id = rec[field];
      const found = refKind && typeof id === 'string' ? this.source.find(refKind, id) : undefined;
      return found && refKind ? { kind: refKind, rec: found } : undefined;
    };
    const isInternal = (kind: KindName, rec: AnyRecord | undefined, of: string) => {
      if (!rec) return true;
      const v = this.field(kind, rec, of);
      return v.level === 'internal' || v.default === 'internal';
    };
    const linked: Linked = {
      record: (field) => target(field)?.rec,
      fieldIsInternal: (field, of) => {
        const t = target(field);
        return isInternal(t?.kind ?? kind, t?.rec, of);
      },
      singletonFieldIsInternal: (singleton, of) => isInternal(singleton, this.source.singleton(singleton), of),
    };
    const defaultWhy = def.internalWhen?.(rec, linked) ?? null;
    const fallback: Sensitivity = defaultWhy ? 'internal' : 'shareable';
    const choice = this.choice(rec.id, null);
    // Internal while being worked out: a circle of records belonging to each other leaves nothing out by mistake.
    this.verdicts.set(rec.id, { level: 'internal', default: fallback, defaultWhy, choice, why: 'it belongs to itself', heldBy: null });
    const held = this.heldBy(kind, rec);
    const level: Sensitivity = held ? 'internal' : choice?.level ?? fallback;
    const why = held?.why ?? (level === 'shareable' ? null : choice ? `marked internal by ${choice.by}` : defaultWhy);
    const verdict: RecordVerdict = { level, default: fallback, defaultWhy, choice, why, heldBy: held?.by ?? null };
    this.verdicts.set(rec.id, verdict);
    return verdict;
  }

  /** The record this one belongs to (or a link's end) that keeps it in, if any. */
  private heldBy(kind: KindName, rec: AnyRecord): { why: string; by: RecordVerdict['heldBy'] } | null {
    const ends: [KindName, unknown][] = [];
    for (const field of defOf(kind).partOf ?? []) {
      if (rec[field] != null) ends.push([defOf(kind).fields[field]!.ref as KindName, rec[field]]);
    }
    if (kind === 'link') {
      ends.push([rec.fromKind as KindName, rec.fromId]);
      if (!rec.toCaseId) ends.push([rec.toKind as KindName, rec.toId]);
    }
    const verb = kind === 'link' ? 'links' : 'belongs to';
    for (const [endKind, id] of ends) {
      const end = typeof id === 'string' ? this.source.find(endKind, id) : undefined;
      const label = KINDS[endKind].label.toLowerCase();
      if (!end) return { why: `it ${verb} ${withArticle(label)} that is not in what is shared`, by: null };
      if (this.record(endKind, end).level === 'internal') {
        const title = recordTitle(endKind, end);
        return { why: `it ${verb} the ${label} “${title}”, which is internal`, by: { kind: endKind, id: end.id, title } };
      }
    }
    return null;
  }

  /** Whether a field of a record may leave (given that the record does). */
  field(kind: KindName, rec: AnyRecord, field: string): FieldVerdict {
    const fallback = defOf(kind).fields[field]!.share;
    const choice = this.choice(rec.id, field);
    return { level: choice?.level ?? fallback, default: fallback, choice };
  }

  /** The record as it may leave, or null; and what of it was withheld. */
  project<K extends KindName>(kind: K, rec: RecordOf<K>): { record: ProjectedRecord<K> | null; withheld: Withheld[] } {
    const stored: AnyRecord = rec;
    const verdict = this.record(kind, stored);
    if (verdict.level === 'internal') return { record: null, withheld: [{ kind, id: rec.id, field: null, why: verdict.why ?? 'internal' }] };
    const def = defOf(kind);
    const why = new Map<string, string>();
    for (const [field, f] of Object.entries(def.fields)) {
      const v = this.field(kind, stored, field);
      if (v.level === 'internal') why.set(field, v.choice ? `marked internal by ${v.choice.by}` : 'ours alone by default');
      else if (f.ref && stored[field] != null && !(def.partOf ?? []).includes(field)) {
        const target = this.source.find(f.ref as KindName, stored[field] as string);
        if (!target || this.record(f.ref as KindName, target).level === 'internal') why.set(field, 'it points at a record that is not shared');
      }
    }
    for (const [field, goes] of Object.entries(def.withheldWith ?? {}) as [string, string[]][]) {
      if (why.has(field) && stored[field] != null) for (const other of goes) if (!why.has(other)) why.set(other, `it goes with ${fieldLabel(kind, field).toLowerCase()}`);
    }
    const required = [...why.keys()].find((field) => def.fields[field]!.required);
    if (required) {
      // The registry keeps required fields shareable and a choice cannot withhold one (a test and the kind's check
      // say so); a file made elsewhere might still, and then the record stays in rather than leave without it.
      return { record: null, withheld: [{ kind, id: rec.id, field: null, why: `its ${fieldLabel(kind, required).toLowerCase()} may not leave` }] };
    }
    const out: Record<string, unknown> = {};
    for (const meta of META_FIELDS) out[meta] = stored[meta];
    const withheld: Withheld[] = [];
    for (const field of Object.keys(def.fields)) {
      const reason = why.get(field);
      if (reason === undefined) out[field] = scrubbed(def.shareableValue ? def.shareableValue(field, stored) : stored[field]);
      else if (hasValue(stored[field])) withheld.push({ kind, id: rec.id, field, why: reason });
    }
    return { record: out as ProjectedRecord<K>, withheld };
  }
}

/** Whether a field holds something to show (not null, empty text or an empty list). */
export function hasValue(value: unknown): boolean {
  return value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);
}

function scrubbed(value: unknown): unknown {
  if (typeof value === 'string') return withoutParleyAddresses(value);
  if (Array.isArray(value)) return value.map(scrubbed);
  return value;
}

/** Rules over the records given: a record not among them is not there. */
export function rulesOver(records: CaseRecords): SharingRules {
  const byId = new Map<string, { kind: KindName; rec: AnyRecord }>();
  for (const kind of KIND_NAMES) for (const rec of records[kind] ?? []) if (!rec.deletedAt) byId.set(rec.id, { kind, rec });
  return new SharingRules({
    find: (kind, id) => {
      const hit = byId.get(id);
      return hit?.kind === kind ? hit.rec : undefined;
    },
    singleton: (kind) => records[kind]?.find((rec) => !rec.deletedAt) as AnyRecord | undefined,
    choices: records.disclosure ?? [],
  });
}

/**
 * The shareable projection of a case: only what may leave the team. Records that are internal (by a person's
 * choice, their kind's rule, or what they belong to) are dropped; of the others, fields that are internal are
 * absent; references to records that do not leave are absent; deleted records never leave.
 */
export function shareableProjection(records: CaseRecords): Projection {
  const rules = rulesOver(records);
  const out: ProjectedRecords = {};
  const withheld: Withheld[] = [];
  for (const kind of KIND_NAMES) {
    const kept: ProjectedRecord<KindName>[] = [];
    for (const rec of records[kind] ?? []) {
      if (rec.deletedAt) continue;
      const projected = rules.project(kind, rec as RecordOf<KindName>);
      if (projected.record) kept.push(projected.record);
      withheld.push(...projected.withheld);
    }
    if (records[kind]) (out as Record<KindName, unknown[]>)[kind] = kept;
  }
  return { records: out, withheld };
}

// ---- words -------------------------------------------------------------------------------------------------------

/** A field's name for a user: its label, or its name in words ("ourOpening" -> "Our opening"). */
export function fieldLabel(kind: KindName, field: string): string {
  const label = (KINDS[kind].fields as Record<string, { label?: string }>)[field]?.label;
  if (label) return label;
  const spaced = field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** A record's title as a user knows it (its title field), or its kind's label when that is withheld or empty. */
export function recordTitle(kind: KindName, rec: Readonly<Record<string, unknown>>): string {
  const value = rec[KINDS[kind].titleField];
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, 200) : KINDS[kind].label;
}

// ---- what a person sees and sets (sharing.get, sharing.set) ------------------------------------------------------

export interface FieldSharing extends FieldVerdict {
  field: string;
  label: string;
  /** False for a required field: it goes with its record (mark the record instead). */
  settable: boolean;
}

/** One record's sharing: the record as a whole, then each of its fields. */
export interface RecordSharing {
  kind: KindName;
  id: string;
  title: string;
  record: RecordVerdict & {
    /** False for the directive, which is the case itself: only its fields can be marked. */
    settable: boolean;
  };
  fields: FieldSharing[];
}

export function recordSharing(rules: SharingRules, kind: KindName, rec: AnyRecord): RecordSharing {
  const fields = Object.entries(defOf(kind).fields).map(([field, f]): FieldSharing => ({
    field, label: fieldLabel(kind, field), settable: !f.required, ...rules.field(kind, rec, field),
  }));
  return { kind, id: rec.id, title: recordTitle(kind, rec), record: { ...rules.record(kind, rec), settable: KINDS[kind].mode !== 'singleton' }, fields };
}

// ---- text that gives away what is internal -----------------------------------------------------------------------

/**
 * Words that say a text is about our side of the table. Kept in this one list: the preview warns of a shareable text
 * that holds any of them.
 */
export const TELLTALE_WORDS: readonly { word: string; pattern: RegExp }[] = [
  { word: 'walk-away', pattern: /\bwalk[\s-]?aways?\b/i },
  { word: 'BATNA', pattern: /\bbatnas?\b/i },
  { word: 'bottom line', pattern: /\bbottom[\s-]lines?\b/i },
  { word: 'our read', pattern: /\bour read\b/i },
  { word: 'fallback', pattern: /\bfall[\s-]?backs?\b/i },
  { word: 'reservation price', pattern: /\breservation (?:price|point|value)s?\b/i },
  { word: 'internal', pattern: /\binternal(?:ly)?\b/i },
];

/** How many words in a row of an internal text make a quote of it, wherever they stand. */
export const QUOTED_RUN_WORDS = 8;
/** A whole sentence of an internal text counts as quoted from this many words (shorter ones say too little). */
export const QUOTED_SENTENCE_WORDS = 3;

/** An internal text, and where it is kept. */
export interface InternalText {
  kind: KindName;
  id: string;
  field: string;
  text: string;
}

export interface Quote {
  /** The words of the shareable text that quote the internal one, as written there. */
  excerpt: string;
  source: InternalText;
}

interface Word { word: string; start: number; end: number }

/** The words of a text, lower-cased, with where each stands: spacing, case and punctuation between words do not count. */
function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.normalize('NFKC').matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)) {
    out.push({ word: m[0].toLowerCase().replace(/’/g, "'"), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Finds, in shareable texts, runs and sentences of a case's internal texts (built once, asked many times). */
export class QuoteFinder {
  /** Runs of QUOTED_RUN_WORDS words, and short sentences by their length, each to the text it is from. */
  private readonly runs = new Map<string, InternalText>();
  private readonly sentences = new Map<number, Map<string, InternalText>>();

  constructor(texts: readonly InternalText[]) {
    for (const source of texts) {
      const words = wordsOf(source.text).map((w) => w.word);
      for (let i = 0; i + QUOTED_RUN_WORDS <= words.length; i++) {
        const key = words.slice(i, i + QUOTED_RUN_WORDS).join(' ');
        if (!this.runs.has(key)) this.runs.set(key, source);
      }
      for (const sentence of source.text.split(/(?<=[.!?;:])\s+|\n+/)) {
        const sw = wordsOf(sentence).map((w) => w.word);
        if (sw.length < QUOTED_SENTENCE_WORDS || sw.length >= QUOTED_RUN_WORDS) continue;
        let byLength = this.sentences.get(sw.length);
        if (!byLength) this.sentences.set(sw.length, (byLength = new Map()));
        const key = sw.join(' ');
        if (!byLength.has(key)) byLength.set(key, source);
      }
    }
  }

  /** Each internal text the given text quotes, once, with the longest stretch of it quoted. */
  quotesIn(text: string): Quote[] {
    const words = wordsOf(text);
    const found = new Map<InternalText, { from: number; to: number }>();
    const note = (source: InternalText, from: number, to: number) => {
      const had = found.get(source);
      if (!had) found.set(source, { from, to });
      else if (from <= had.to && to >= had.from) found.set(source, { from: Math.min(from, had.from), to: Math.max(to, had.to) });
    };
    const key = (from: number, length: number) => words.slice(from, from + length).map((w) => w.word).join(' ');
    for (let i = 0; i + QUOTED_RUN_WORDS <= words.length; i++) {
      const source = this.runs.get(key(i, QUOTED_RUN_WORDS));
      if (source) note(source, i, i + QUOTED_RUN_WORDS - 1);
    }
    for (const [length, byKey] of this.sentences) {
      for (let i = 0; i + length <= words.length; i++) {
        const source = byKey.get(key(i, length));
        if (source) note(source, i, i + length - 1);
      }
    }
    return [...found].map(([source, { from, to }]) => ({ excerpt: text.slice(words[from]!.start, words[to]!.end), source }));
  }
}

/** The telltale words a text holds, each with the words around it. */
export function telltalesIn(text: string): { word: string; excerpt: string }[] {
  return TELLTALE_WORDS.flatMap(({ word, pattern }) => {
    const m = pattern.exec(text);
    if (!m) return [];
    const from = Math.max(0, text.lastIndexOf(' ', Math.max(0, m.index - 40)) + 1);
    const to = text.indexOf(' ', Math.min(text.length, m.index + m[0].length + 40));
    return [{ word, excerpt: text.slice(from, to < 0 ? text.length : to).trim() }];
  });
}

/** A field's value as text to read for quotes and telltales: a string, or a list's items one per line. */
export function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join('\n');
  return null;
}

/** Every internal text among the records: each withheld field with text, and every text field of a withheld record. */
export function internalTexts(records: CaseRecords, withheld: readonly Withheld[]): InternalText[] {
  const byId = new Map<string, Readonly<Record<string, unknown>>>();
  for (const kind of KIND_NAMES) for (const rec of records[kind] ?? []) byId.set(rec.id, rec);
  return withheld.flatMap((w) => {
    const rec = byId.get(w.id);
    if (!rec) return [];
    const fields = w.field === null ? Object.keys(KINDS[w.kind].fields) : [w.field];
    return fields.flatMap((field) => {
      const text = textOf(rec[field]);
      // Words, not ids, dates or choices from a list: those are single tokens, with no space in them.
      return text && /\S\s+\S/.test(text) ? [{ kind: w.kind, id: w.id, field, text }] : [];
    });
  });
}
