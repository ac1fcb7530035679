// Inputs for an operation, drawn from its contract schema (read through zod's definitions): most values of the
// kind the schema asks for (the case's real ids for uuids, dates, the enum's own choices), and at every level now
// and then something else entirely (any JSON, a hostile string), so that calls both get past validation into the
// handlers and probe its edges.
import fc from 'fast-check';
import type { z } from 'zod';

interface Def {
  type: string;
  format?: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, string>;
  values?: unknown[];
  options?: z.ZodType[];
  in?: z.ZodType;
  getter?: () => z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** What stands in for a value of the wrong kind: any JSON, or a string meant to hurt. */
export const HOSTILE = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('constructor', '__proto__', 'toString', '', ' ', '\u001b[2J\u0007', '\u202eevil', '\u0000', 'x'.repeat(5_000), '../../etc/passwd', 'Mars/Olympus', '2026-02-30', '24:61'),
);

/** The ids to draw uuids from; `caseId` (the open case's) fills every key named caseId, mostly. */
export interface Ids {
  caseId: string;
  records: readonly string[];
}

/** Keys of a map (a list's filter, an export's records): names the domain uses, names every object has, any. */
const RECORD_KEYS = fc.oneof(
  fc.constantFrom('title', 'status', 'dueDate', 'issueId', 'note', 'deadline'),
  fc.constantFrom('constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__'),
  fc.string({ maxLength: 12 }),
);

export function arbitraryFor(schema: z.ZodType, ids: Ids, depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 40, arbitrary: shaped(schema, ids, depth) }, { weight: 1, arbitrary: HOSTILE });
}

function shaped(schema: z.ZodType, ids: Ids, depth: number): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const inner = (s: z.ZodType) => arbitraryFor(s, ids, depth + 1);
  if (depth > 6) return fc.jsonValue({ maxDepth: 1 });
  switch (def.type) {
    case 'object': {
      const shape = def.shape ?? {};
      const required = Object.keys(shape).filter((key) => defOf(shape[key]!).type !== 'optional');
      const value = (key: string, s: z.ZodType) => (key === 'caseId' ? fc.oneof({ weight: 10, arbitrary: fc.constant(ids.caseId) }, { weight: 1, arbitrary: inner(s) }) : inner(s));
      return fc.record(Object.fromEntries(Object.entries(shape).map(([key, s]) => [key, value(key, s)])), { requiredKeys: required });
    }
    case 'string':
      switch (def.format) {
        case 'uuid': return fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...ids.records) }, { weight: 1, arbitrary: fc.uuid() });
        case 'date': return fc.constantFrom('2026-03-30', '2026-11-26', '2027-01-04', '2026-12-31');
        case 'datetime': return fc.constantFrom('2026-03-30T12:00:00Z', '2027-01-04T09:30:00.000Z');
        case 'base64': return fc.constantFrom('JVBERi0x', 'aGVsbG8=', '');
        default: return fc.oneof(fc.constantFrom('10:00', 'America/New_York', 'UTC', 'Scope of the suspension', 'carve'), fc.string({ maxLength: 30 }));
      }
    case 'enum': return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'literal': return fc.constantFrom(...(def.values ?? [null]));
    case 'boolean': return fc.boolean();
    case 'number': return fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer());
    case 'optional': return shaped(def.innerType!, ids, depth);
    case 'nullable': return fc.option(shaped(def.innerType!, ids, depth), { nil: null });
    case 'array': return fc.array(inner(def.element!), { maxLength: 3 });
    case 'record': return fc.dictionary(RECORD_KEYS, inner(def.valueType!), { maxKeys: 3 });
    case 'union': return fc.oneof(...(def.options ?? []).map((s) => shaped(s, ids, depth)));
    case 'pipe': return shaped(def.in!, ids, depth);
    case 'lazy': return shaped(def.getter!(), ids, depth + 1);
    default: return fc.jsonValue({ maxDepth: 2 });
  }
}
