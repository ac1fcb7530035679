// A refusal of invalid input in plain words: a zod issue and the field it is about as a sentence a user can act on
// ("The title is too long: at most 1,000 characters.", "The due date is missing."). What the dispatcher puts in an
// invalid_input error's message; the issues list beside it keeps each issue's path and zod's own message.
import type { z } from 'zod';
import { KIND_NAMES, KINDS, type KindName } from './records.js';
import { nameInWords, quotedList, withArticle } from './words.js';

type Issue = z.core.$ZodIssue;

/** zod's own (English) messages begin so; any other message was written for the schema and is already plain. */
const ZOD_DEFAULT = /^(Invalid|Too big|Too small|Unrecognized key)/;

/** Objects that hold a record's fields: their keys are named by the kind's registry. */
const FIELD_HOLDERS = new Set(['fields', 'changes']);

/**
 * The name of what a path points at, in words: a record field's label ("due date", "holiday calendar"), else the
 * last key in words; "input" for the input itself.
 */
export function pathInWords(path: readonly PropertyKey[], kind?: KindName): string {
  const keys = path.filter((k): k is string => typeof k === 'string');
  const last = keys.at(-1);
  if (last === undefined) return 'input';
  if (kind && keys.length === 2 && FIELD_HOLDERS.has(keys[0]!)) {
    const label = (KINDS[kind].fields as Record<string, { label?: string } | undefined>)[last]?.label;
    if (label) return `${label.charAt(0).toLowerCase()}${label.slice(1)}`;
  }
  return nameInWords(last);
}

/** The kind an operation is about ("deadline.create" -> "deadline"), if it is about one. */
export function kindOfOperation(operation: string): KindName | undefined {
  const kind = operation.split('.')[0] ?? '';
  return (KIND_NAMES as readonly string[]).includes(kind) ? (kind as KindName) : undefined;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text', number: 'a number', int: 'a whole number', boolean: 'yes or no (true or false)', array: 'a list',
  object: 'a set of named values (an object)', date: 'a date', bigint: 'a whole number', null: 'empty (null)',
};

const FORMAT_WORDS: Record<string, string> = {
  date: 'a date written as YYYY-MM-DD', datetime: 'a date and time such as 2026-03-02T17:00:00Z', time: 'a time of day such as 17:00',
  base64: 'base64 text', email: 'an email address', uuid: 'an ID (a UUID)', url: 'a web address',
};

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function sentence(text: string): string {
  const t = capital(text.trim());
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function sizeWords(n: number | bigint): string {
  return Number(n).toLocaleString('en-US');
}

/**
 * One issue as a sentence. input, when given, is the whole input the issue was found in: a missing value is told
 * from one of the wrong type by it.
 */
export function plainIssue(issue: Issue, options: { kind?: KindName; input?: unknown } = {}): string {
  const bare = pathInWords(issue.path, options.kind);
  const name = `the ${bare}`;
  if (!ZOD_DEFAULT.test(issue.message)) {
    // The schema's own words: "must be an IANA time zone…", "30 February 2026 does not exist".
    // A message that names its own subject ("an attachment can be at most 25 MB…") is a sentence already.
    if (!issue.path.some((k) => typeof k === 'string') || /^(a|an|the) /.test(issue.message)) return sentence(issue.message);
    return sentence(/^(must|is|has|can|cannot|should) /.test(issue.message) ? `${name} ${issue.message}` : `${capital(bare)}: ${issue.message}`);
  }
  switch (issue.code) {
    case 'too_big': {
      const bound = `${issue.inclusive === false ? 'less than' : 'at most'} ${sizeWords(issue.maximum)}`;
      if (issue.origin === 'string') return sentence(`${name} is too long: ${bound} ${issue.maximum === 1 ? 'character' : 'characters'}`);
      if (issue.origin === 'array' || issue.origin === 'set') return sentence(`${name} has too many entries: ${bound}`);
      if (issue.origin === 'file') return sentence(`${name} is too large: ${bound} bytes`);
      return sentence(`${name} is too large: ${bound}`);
    }
    case 'too_small': {
      const bound = `${issue.inclusive === false ? 'more than' : 'at least'} ${sizeWords(issue.minimum)}`;
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? sentence(`${name} is empty`) : sentence(`${name} is too short: ${bound} characters`);
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return Number(issue.minimum) <= 1 ? sentence(`${name} is empty: give at least one`) : sentence(`${name} has too few entries: ${bound}`);
      }
      return sentence(`${name} is too small: ${bound}`);
    }
    case 'invalid_type': {
      const missing = options.input !== undefined ? valueAt(options.input, issue.path) === undefined : /received undefined$/.test(issue.message);
      if (missing) return sentence(`${name} is missing`);
      return sentence(`${name} must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`);
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? sentence(`${name} must be “${String(issue.values[0])}”`)
        : sentence(`${name} must be one of: ${issue.values.map(String).join(', ')}`);
    case 'unrecognized_keys': {
      const keys = issue.path.filter((k) => typeof k === 'string');
      if (options.kind && keys.length === 1 && FIELD_HOLDERS.has(keys[0]!)) {
        const record = capital(withArticle(KINDS[options.kind].label.toLowerCase()));
        return issue.keys.length === 1 ? `${record} has no field called “${issue.keys[0]}”.` : `${record} has no fields called ${quotedList(issue.keys, 'or')}.`;
      }
      const where = keys.length ? ` in ${name}` : ' here';
      return issue.keys.length === 1
        ? `There is no field called “${issue.keys[0]}”${where}.`
        : `There are no fields called ${quotedList(issue.keys, 'or')}${where}.`;
    }
    case 'invalid_format': {
      if (issue.format === 'regex') return sentence(`${name} is not in the form expected`);
      if (issue.format === 'starts_with' || issue.format === 'ends_with' || issue.format === 'includes') return sentence(`${name} is not in the form expected: ${issue.message.replace(/^Invalid string: /, '')}`);
      return sentence(`${name} must be ${FORMAT_WORDS[issue.format] ?? `in the ${issue.format} format`}`);
    }
    case 'not_multiple_of':
      return sentence(`${name} must be a multiple of ${sizeWords(issue.divisor)}`);
    case 'invalid_union':
      return sentence(`${name} is not in any of the forms accepted`);
    case 'invalid_key': {
      const key = issue.path.at(-1);
      return typeof key === 'string'
        ? `“${key}” is not accepted as a name in the ${pathInWords(issue.path.slice(0, -1), options.kind)}.`
        : sentence(`${name} has a name (key) that is not accepted`);
    }
    case 'invalid_element':
      return sentence(`${name} has an entry that is not accepted`);
    default:
      return sentence(`${name} is not accepted`);
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
