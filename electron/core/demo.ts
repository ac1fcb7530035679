// The sample case: a fictional export-control order against a fictional AI developer, written through the
// dispatcher like any user's work, so every record has its audit entry and search document. It backs
// `parley demo`, the app's first-run sample, and tests that want a realistic case. What it says is data
// (sample-case/meridian.json, whose "about" describes its form); this file reads that data, checks every call it
// makes against the contract before a file is made, and writes it. Every date is counted from an anchor, the day the
// order reached the company: DEMO_ANCHOR by default, so `parley demo` and the tests get the same sample on every run;
// the app's sample counts from a day near today (sampleAnchorNear), so a new user meets a case in progress, not one
// whose deadlines all passed long ago.
import fs from 'node:fs';
import { addDays, format, parseISO } from 'date-fns';
import { z } from 'zod';
import type { CaseInfo } from '../../shared/api-types.js';
import { CONTRACT, isOperationName, type InputOf, type OpName, type OutputOf, type SyncOpName } from '../../shared/contract.js';
import type { DIRECTIVE_DATE_FIELDS } from '../../shared/enums.js';
import { KINDS, type CreateInputOf, type KindName } from '../../shared/records.js';
import { dispatch, type InternalErrorLog } from './api/dispatcher.js';
import { ParleyError } from './errors.js';
import type { Session } from './session.js';
import { documentFromMarkdown } from '../../shared/documents/markdown-import.js';
import meridian from './sample-case/meridian.json';

/** The day the order reached Meridian Labs (a Monday). */
export const DEMO_ANCHOR = '2026-11-02';

/**
 * How many days before today the app's sample puts its anchor: the first meeting (day 10) is just past, the
 * precedents all decided, and the first open deadline (day 17) a few days ahead.
 */
const SAMPLE_DAYS_AGO = 14;

/** The date `offset` days after the anchor (before it, if negative), as YYYY-MM-DD. */
export function demoDay(offset: number, anchor = DEMO_ANCHOR): string {
  return format(addDays(parseISO(anchor), offset), 'yyyy-MM-dd');
}

/** The anchor that puts the sample in progress on `today` (YYYY-MM-DD). */
export function sampleAnchorNear(today: string): string {
  return demoDay(-SAMPLE_DAYS_AGO, today);
}

/**
 * Writes the sample case to a new case file at `file` and returns its summary. The file is left open in the
 * session. The data is checked before the file is made; if any step fails after, the half-written file is closed
 * and removed, so no partial sample is left behind. `log` receives unexpected failures (the dispatcher's default
 * prints them to stderr).
 */
export function writeDemoCase(session: Session, file: string, log?: InternalErrorLog, anchor = DEMO_ANCHOR): CaseInfo {
  const sample = sampleCase();
  const call = caller(session, log);
  const book = new Book(false, anchor);
  const { caseId, path } = call('case.create', { path: file, directive: resolveRecord(sample.directive, book) as CreateInputOf<'directive'> });
  try {
    book.add('directive', null, call('directive.get', { caseId }));
    for (const step of sample.steps) {
      for (const [key, given] of entriesOf(step)) {
        const input = resolveRecord(given, book);
        if (step.update) book.replace(call(`${step.update}.update`, { caseId, ...input }));
        else book.add(step.create, key, create(call, caseId, step.create, input));
      }
    }
    return call('case.info', { caseId });
  } catch (err) {
    discard(session, caseId, path);
    throw err;
  }
}

function discard(session: Session, caseId: string, path: string): void {
  session.close(caseId);
  for (const f of [path, `${path}-wal`, `${path}-shm`]) fs.rmSync(f, { force: true });
  session.library.forget(path);
}

interface Call {
  <N extends SyncOpName>(name: N, input: InputOf<N>): OutputOf<N>;
  (name: string, input: Row): Row;
}

/** Calls through the dispatcher; a refusal throws, naming the operation. */
function caller(session: Session, log: InternalErrorLog | undefined): Call {
  return (name: string, input: unknown) => {
    const result = dispatch(session, name, input, log);
    if (!result.ok) throw new ParleyError(result.error.code, `Writing the sample case failed at ${name}: ${result.error.message}`);
    return result.data as never;
  };
}

/** The directive's issued and received dates are events of the case already, made with it: such events give them their details. */
const DIRECTIVE_DATE_OF_EVENT: Partial<Record<string, (typeof DIRECTIVE_DATE_FIELDS)[number]>> = { order_issued: 'issuedOn', order_received: 'receivedOn' };

function create(call: Call, caseId: string, kind: KindName, fields: Row): Row {
  const directiveDate = kind === 'event' ? DIRECTIVE_DATE_OF_EVENT[String(fields.eventKind)] : undefined;
  const [own] = directiveDate ? call('event.list', { caseId, filter: { directiveDate } }) : [];
  return own ? call('event.update', { caseId, id: own.id, changes: fields }) : call(`${kind}.create`, { caseId, fields });
}

// ---- the data and its form -------------------------------------------------------------------------------------

type Row = Record<string, unknown>;

const fields = z.record(z.string(), z.unknown());
const recordName = z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'a record\'s name is letters and digits, such as "okafor"');
const kindName = z.string().refine((k) => Object.hasOwn(KINDS, k), 'not a kind of record').transform((k) => k as KindName);
const creatable = kindName.refine((k) => k !== 'directive' && isOperationName(`${k}.create`), 'not a kind of record that can be created');
const updatable = kindName.refine((k) => isOperationName(`${k}.update`), 'not a kind of record that can be updated');
const stepSchema = z.union([
  // Records to create: named where another record or a text refers to them, or a list.
  z.strictObject({ create: creatable, update: z.undefined().optional(), records: z.union([z.record(recordName, fields), z.array(fields)]) }),
  // Updates: each the operation's input but the case ("id" names the record, except the directive's).
  z.strictObject({ update: updatable, create: z.undefined().optional(), records: z.array(fields) }),
]);
const sampleSchema = z.strictObject({ about: z.array(z.string()), directive: fields, steps: z.array(stepSchema) });
type Sample = z.infer<typeof sampleSchema>;
type Step = Sample['steps'][number];

/** A step's records with their names (null for a list's). */
function entriesOf(step: Step): [string | null, Row][] {
  return Array.isArray(step.records) ? step.records.map((r) => [null, r]) : Object.entries(step.records);
}

/** The sample's data is not what the contract takes: the message says where, and what is wrong. */
export class SampleDataError extends Error {
  override name = 'SampleDataError';
}

let loaded: Sample | null = null;

/** The sample's data, checked once. */
function sampleCase(): Sample {
  loaded ??= checkSample(meridian);
  return loaded;
}

/**
 * Checks sample data as writeDemoCase will write it, without writing anything: its form; that each reference names
 * a record of the kind its field takes, written in an earlier step; that each text's fields exist; and each call's
 * input, with its dates and references put in, against the operation's schema in the contract (the records
 * registry's fields). Returns the data, or throws a SampleDataError naming the step and the record.
 */
export function checkSample(data: unknown): Sample {
  const form = sampleSchema.safeParse(data);
  if (!form.success) throw new SampleDataError(`The sample case's data is not in its form: ${problems(form.error)}`);
  const sample = form.data;
  const book = new Book(true);
  const wrong = (where: string, message: string) => new SampleDataError(`The sample case's data is wrong at ${where}: ${message}`);
  /** A call's input with its dates and references put in, as the operation's schema takes it. */
  const checkInput = (where: string, op: string, input: () => Row): Record<string, Row> => {
    let resolved: Row;
    try {
      resolved = input();
    } catch (err) {
      throw err instanceof SampleDataError ? wrong(where, err.message) : err;
    }
    const parsed = CONTRACT[op as OpName].input.safeParse(resolved);
    if (!parsed.success) throw wrong(where, problems(parsed.error));
    return parsed.data as Record<string, Row>;
  };
  const checkRules = (where: string, kind: KindName, fields: Row) => {
    const problem = ruleProblem(kind, fields);
    if (problem) throw wrong(where, problem);
  };

  const { directive } = checkInput('directive', 'case.create', () => ({ path: 'sample.parley', directive: resolveRecord(sample.directive, book, () => undefined) }));
  checkRules('directive', 'directive', directive!);
  book.add('directive', null, { id: PLACEHOLDER_ID });
  sample.steps.forEach((step, i) => {
    for (const [key, given] of entriesOf(step)) {
      const where = `steps[${i}], ${step.create ? `create ${step.create}` : `update ${step.update}`}${key ? ` "${key}"` : ''}`;
      if (step.create) {
        const kind = step.create;
        const { fields } = checkInput(where, `${kind}.create`, () => ({ caseId: PLACEHOLDER_ID, fields: resolveRecord(given, book, referenceOfCreate(kind, given)) }));
        checkRules(where, kind, fields!);
        if (key && book.named(kind, key)) throw wrong(where, `there is already ${a(kind)} "${key}"`);
        book.add(kind, key, { id: PLACEHOLDER_ID });
      } else {
        checkInput(where, `${step.update}.update`, () => ({ caseId: PLACEHOLDER_ID, ...resolveRecord(given, book, referenceOfUpdate(step.update)) }));
      }
    }
  });
  return sample;
}

/**
 * What the kind's rules across fields say of a new record with these fields (the others empty), or null. A deadline
 * with a rule is left to the core, whose deadline engine gives it its due date before its rules are checked.
 */
function ruleProblem(kind: KindName, fields: Row): string | null {
  const def = KINDS[kind] as { check?: (record: Row) => string | null };
  if (!def.check || (kind === 'deadline' && fields.rule)) return null;
  return def.check({ ...Object.fromEntries(Object.keys(KINDS[kind].fields).map((f) => [f, null])), ...fields });
}

/** "a party", "an issue". */
function a(kind: string): string {
  return `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
}

function problems(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`).join('; ');
}

/** What kind of record a field takes a reference to, by its path in a record's fields; undefined for none. */
type ReferenceOf = (path: readonly PropertyKey[]) => string | undefined;

function referenceOfCreate(kind: KindName, given: Row): ReferenceOf {
  const defs: Record<string, { ref?: string }> = KINDS[kind].fields;
  return ([field, ...deeper]) => {
    if (deeper.length || typeof field !== 'string') return undefined;
    // A link's ends are of the kinds it names.
    if (kind === 'link' && (field === 'fromId' || field === 'toId')) return String(given[field === 'fromId' ? 'fromKind' : 'toKind']);
    return defs[field]?.ref;
  };
}

function referenceOfUpdate(kind: KindName): ReferenceOf {
  const defs: Record<string, { ref?: string }> = KINDS[kind].fields;
  return (path) => {
    if (path.length === 1) return path[0] === 'id' ? kind : path[0] === 'meetingId' ? 'meeting' : undefined;
    return path.length === 2 && path[0] === 'changes' ? defs[String(path[1])]?.ref : undefined;
  };
}

// ---- dates, references and texts -------------------------------------------------------------------------------

/** What each record's id is while the data is checked, before any is written. */
const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

interface Entry {
  kind: KindName;
  key: string | null;
  record: Row;
}

/**
 * The records written so far, in order, with their names: what references and texts read. While the data is
 * checked, each record is only its placeholder id, and a text reads its fields as empty.
 */
class Book {
  private readonly entries: Entry[] = [];

  constructor(private readonly checking = false, readonly anchor = DEMO_ANCHOR) {}

  add(kind: KindName, key: string | null, record: object): void {
    this.entries.push({ kind, key, record: record as Row });
  }

  named(kind: KindName, key: string): Entry | undefined {
    return this.entries.find((e) => e.kind === kind && e.key === key);
  }

  /** Takes in a record as an update left it. */
  replace(record: Row): void {
    const entry = this.entries.find((e) => e.record.id === record.id);
    if (entry) entry.record = record;
  }

  /** The record a reference names ("@party:okafor", "@directive"). */
  find(ref: string): Entry {
    const m = /^@(?:(directive)|([A-Za-z]+):([A-Za-z0-9]+))$/.exec(ref);
    if (!m) throw new SampleDataError(`"${ref}" is neither a date ("@day-3", "@day+10") nor a reference ("@party:okafor", "@directive")`);
    const [kind, key] = m[1] ? ['directive', null] : [m[2]!, m[3]!];
    const entry = this.entries.find((e) => e.kind === kind && e.key === key);
    if (!entry) throw new SampleDataError(`${ref}: ${Object.hasOwn(KINDS, kind) ? `no ${kind} "${key}" is written before this step` : `there is no kind of record "${kind}"`}`);
    return entry;
  }

  ofKind(kind: string): Entry[] {
    if (!Object.hasOwn(KINDS, kind)) throw new SampleDataError(`rowPerRecord: there is no kind of record "${kind}"`);
    return this.entries.filter((e) => e.kind === kind);
  }

  /** A field of a record as text: empty where it is not filled. */
  text(entry: Entry, field: string): string {
    if (!Object.hasOwn(KINDS[entry.kind].fields, field)) throw new SampleDataError(`${a(entry.kind)} has no field "${field}"`);
    const value = this.checking ? null : entry.record[field];
    if (value === null || value === undefined) return '';
    if (typeof value === 'object') throw new SampleDataError(`the ${entry.kind}'s ${field} is not a text to write out`);
    return String(value);
  }
}

const DAY = /^@day([+-]\d+)(T.*)?$/;

/**
 * A record's fields (or an update's input) with its dates, references and texts put in. Any string that starts with
 * "@" is a date or a reference: "@day-3" is that day, "@day+10T10:05:00-05:00" that day followed by the rest (a
 * time and offset), "@party:okafor" that record's id. {"lines": [...]} is a text (see linesText). `referenceOf`, given
 * while checking, says what kind of record a reference at each path must name.
 */
function resolveRecord(given: Row, book: Book, referenceOf?: ReferenceOf): Row {
  return resolve(given, book, referenceOf, []) as Row;
}

function resolve(value: unknown, book: Book, referenceOf: ReferenceOf | undefined, path: PropertyKey[]): unknown {
  if (typeof value === 'string' && value.startsWith('@')) {
    const day = DAY.exec(value);
    if (day) return demoDay(Number(day[1]), book.anchor) + (day[2] ?? '');
    const entry = book.find(value);
    const wanted = referenceOf?.(path);
    if (referenceOf && wanted !== entry.kind) {
      throw new SampleDataError(`${path.join('.')}: ${value} names ${a(entry.kind)}, where ${wanted ? a(wanted) : 'no reference'} is taken`);
    }
    return entry.record.id;
  }
  if (Array.isArray(value)) return value.map((v, i) => resolve(v, book, referenceOf, [...path, i]));
  if (value && typeof value === 'object') {
    if (Object.keys(value).length === 1 && 'lines' in value) return linesText(value.lines, book);
    // A draft's text, written as Markdown lines for the data's sake, stored as the editor's document.
    if (Object.keys(value).length === 1 && 'documentLines' in value) return JSON.stringify(documentFromMarkdown(linesText(value.documentLines, book)));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, book, referenceOf, [...path, k])]));
  }
  return value;
}

const lineSchema = z.union([z.string(), z.strictObject({ rowPerRecord: z.string(), row: z.string() })]);

/**
 * A text given as lines, joined: in each line, {{@kind:name.field}} is that field of the record as written (after
 * any update); {"rowPerRecord": kind, "row": "..."} is one line per record of that kind written so far, in order,
 * with {{field}} that record's field as a Markdown table cell.
 */
function linesText(lines: unknown, book: Book): string {
  const parsed = z.array(lineSchema).safeParse(lines);
  if (!parsed.success) throw new SampleDataError(`lines: ${problems(parsed.error)}`);
  return parsed.data.flatMap((line) => {
    if (typeof line !== 'string') {
      return book.ofKind(line.rowPerRecord).map((entry) =>
        line.row.replace(/\{\{([^}]*)\}\}/g, (_, field: string) => book.text(entry, field).replaceAll('|', '\\|')));
    }
    return [line.replace(/\{\{([^}]*)\}\}/g, (_, ref: string) => {
      const m = /^(@[^.]+)\.([A-Za-z]+)$/.exec(ref);
      if (!m) throw new SampleDataError(`{{${ref}}} is not a field of a record, such as {{@meeting:second.meetingDate}}`);
      return book.text(book.find(m[1]!), m[2]!);
    })];
  }).join('\n');
}
