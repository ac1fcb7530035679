// Every operation refuses input that does not match its schema before anything runs: code invalid_input, the
// problems listed by path, and not a byte of any file changed.
import { describe, expect, it } from 'vitest';
import { OPERATION_NAMES } from '../../shared/contract.js';
import { recordId } from '../../shared/fields.js';
import { KINDS, type KindName } from '../../shared/records.js';
import { z } from 'zod';
import { scenarioFor, type Prepared } from './support/scenarios.js';
import { CaseWorld } from './support/world.js';

interface Variant {
  label: string;
  input: unknown;
  /** The path an issue must name ('' for the object itself). */
  path: string;
}

type Input = Record<string, unknown>;

/** Which record kind's fields an object-valued key of an input holds. */
const NESTED_KIND: Record<string, (name: string) => KindName> = {
  fields: (name) => name.split('.')[0] as KindName,
  changes: (name) => name.split('.')[0] as KindName,
  directive: () => 'directive',
};

function wrongType(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return 'twelve';
  if (typeof value === 'boolean') return 'yes';
  return 'not an object';
}

const without = (input: Input, key: string) => Object.fromEntries(Object.entries(input).filter(([k]) => k !== key));

/** Breaks each key of an object in every way that applies to it; `isRequired` and `kindOfKey` say which do. */
function breakKeys(input: Input, prefix: string, isRequired: (key: string) => boolean, schemaOf: (key: string) => z.ZodType | undefined): Variant[] {
  const at = (key: string) => (prefix ? `${prefix}.${key}` : key);
  const variants: Variant[] = [{ label: `${prefix || 'input'} with an unknown key`, input: { ...input, unexpected: true }, path: prefix }];
  for (const [key, value] of Object.entries(input)) {
    const schema = schemaOf(key);
    if (isRequired(key)) variants.push({ label: `without ${at(key)}`, input: without(input, key), path: at(key) });
    variants.push({ label: `${at(key)} of the wrong type`, input: { ...input, [key]: wrongType(value) }, path: at(key) });
    if (schema === recordId) variants.push({ label: `${at(key)} not a uuid`, input: { ...input, [key]: 'not-a-uuid' }, path: at(key) });
    if (schema instanceof z.ZodEnum) variants.push({ label: `${at(key)} not one of its choices`, input: { ...input, [key]: 'not_a_choice' }, path: at(key) });
  }
  return variants;
}

function invalidVariants(name: string, { input, optional = [] }: Prepared): Variant[] {
  const topSchemas: Record<string, z.ZodType> = { caseId: recordId, id: recordId, kind: z.enum(['issue']) };
  const variants: Variant[] = [
    { label: 'not an object', input: 'text', path: '' },
    ...breakKeys(input, '', (k) => !optional.includes(k), (k) => topSchemas[k]),
  ];
  for (const [key, kindOf] of Object.entries(NESTED_KIND)) {
    const nested = input[key];
    if (!nested || typeof nested !== 'object') continue;
    const fields = KINDS[kindOf(name)].fields as Record<string, { required: boolean; schema: z.ZodType }>;
    // Inside an object, the variant replaces that object in the whole input.
    for (const v of breakKeys(nested as Input, key, (k) => key !== 'changes' && fields[k]!.required, (k) => fields[k]?.schema)) {
      variants.push({ ...v, input: { ...input, [key]: v.input } });
    }
  }
  return variants;
}

describe('invalid input', () => {
  it.each(OPERATION_NAMES)('%s refuses it, says what is wrong, and changes nothing', async (name) => {
    const w = CaseWorld.create();
    const variants = invalidVariants(name, scenarioFor(name).setup(w));
    const head = w.auditHead();
    const disk = w.diskState();
    for (const variant of variants) {
      const res = await w.api.rawAsync(name, variant.input);
      expect(res, variant.label).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      if (res.ok) continue;
      expect(res.error.issues?.map((i) => i.path), variant.label).toContain(variant.path);
      // A sentence in plain words, not zod's own wording.
      expect(res.error.message, variant.label).toMatch(/^[A-Z“].*\.$/s);
      expect(res.error.message, variant.label).not.toMatch(/Invalid input|Too big|Too small|expected \w+, received/);
    }
    expect(variants.length).toBeGreaterThanOrEqual(2);
    expect(w.auditHead()).toBe(head);
    expect(w.diskState()).toEqual(disk);
    expect(w.api.internalErrors).toEqual([]);
  });
});
