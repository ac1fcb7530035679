// A bundle of changes: what a person sends a colleague who has a copy of the same case when a whole file is too much
// (parley changes export / import). It is JSON a person can read: its format, the case, who exported it when, the
// copies its changes were made in, each change (its id is the SHA-256 of its content, author and time included, so
// an altered change is refused), the bytes of attachments it adds, and a SHA-256 over all of that (so a change
// removed or added is refused too). Neither is a signature: anyone can recompute them (docs/SECURITY.md). A bundle of
// an encrypted case is sealed with the case's passphrase (sealed-json.ts).
import { z } from 'zod';
import { KIND_NAMES } from '../../../shared/records.js';
import { AUDIT_OPERATIONS } from '../../../shared/enums.js';
import { ParleyError } from '../errors.js';
import { seal, sealedSchema, unseal } from '../sealed-json.js';
import { canonicalJson, sha256Hex } from '../store/canonical.js';
import type { IncomingChanges } from './merge-changes.js';

export const BUNDLE_FORMAT = 'parley-changes';
export const BUNDLE_FORMAT_VERSION = 1;
export const BUNDLE_EXTENSION = '.parley-changes';
/** The largest bundle an import reads: the attachments it may carry, and then some. */
export const MAX_BUNDLE_BYTES = 256 * 1024 * 1024;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex');
const changeSchema = z.strictObject({
  id: hex64,
  kind: z.enum(KIND_NAMES),
  recordId: z.string().min(1).max(64),
  op: z.enum(AUDIT_OPERATIONS),
  patch: z.record(z.string(), z.unknown()),
  parents: z.array(hex64).max(10_000),
  author: z.string().max(1_000),
  at: z.string().max(64),
  copy: z.string().max(64).nullable(),
  reason: z.string().max(100_000).nullable(),
});

const bundleSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
  caseId: z.string().min(1).max(64),
  exportedAt: z.string(),
  exportedBy: z.string().max(1_000),
  since: z.string().nullable(),
  copies: z.record(z.string().max(64), z.string().max(1_000)),
  changes: z.array(changeSchema),
  attachments: z.record(z.string().max(64), z.base64()),
  sha256: hex64,
});

const SEALED = sealedSchema(BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION);
const SEALED_WORDS = {
  needPassphrase: 'This bundle of changes is encrypted, as its case is: give the case\'s passphrase.',
  wrong: 'The passphrase does not open this bundle of changes, or the file was changed after it was exported. Nothing was imported.',
};

export interface BundleHeader {
  exportedAt: string;
  exportedBy: string;
  since: string | null;
}

/** The bundle's bytes: readable JSON with its SHA-256, sealed with `passphrase` unless it is null. */
export function bundleBytes(incoming: IncomingChanges, header: BundleHeader, passphrase: string | null): Buffer {
  const attachments = Object.fromEntries([...incoming.attachmentBytes].map(([id, bytes]) => [id, bytes.toString('base64')]));
  const body = { format: BUNDLE_FORMAT, formatVersion: BUNDLE_FORMAT_VERSION, caseId: incoming.caseId, ...header, copies: incoming.copies, changes: incoming.changes, attachments };
  const json = `${JSON.stringify({ ...body, sha256: sha256Hex(canonicalJson(body)) })}\n`;
  return Buffer.from(passphrase === null ? json : `${JSON.stringify(seal(json, passphrase, BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION), null, 2)}\n`, 'utf8');
}

/** Reads a bundle: opened with `passphrase` if sealed, its form checked, its content what its SHA-256 says. */
export function readBundle(bytes: Buffer, passphrase: string | null): IncomingChanges & BundleHeader {
  if (bytes.length > MAX_BUNDLE_BYTES) throw notBundle(`it is larger than ${MAX_BUNDLE_BYTES / 1024 / 1024} MB`);
  let value = parsed(bytes.toString('utf8'));
  if ('encryption' in value) value = parsed(unseal(checked(SEALED, value), passphrase, SEALED_WORDS));
  const file = checked(bundleSchema, value);
  const { sha256, ...body } = value;
  if (sha256Hex(canonicalJson(body)) !== sha256) {
    throw new ParleyError('damaged', 'This bundle of changes was altered after it was exported: its content no longer matches the SHA-256 it carries. Nothing was imported; ask for it again.');
  }
  return {
    caseId: file.caseId,
    changes: file.changes,
    copies: file.copies,
    attachmentBytes: new Map(Object.entries(file.attachments).map(([id, b64]) => [id, Buffer.from(b64, 'base64')])),
    exportedAt: file.exportedAt,
    exportedBy: file.exportedBy,
    since: file.since,
  };
}

function parsed(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw notBundle('it is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || (value as { format?: unknown }).format !== BUNDLE_FORMAT) {
    throw notBundle(`it does not say it is "${BUNDLE_FORMAT}"`);
  }
  const version = (value as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > BUNDLE_FORMAT_VERSION) {
    throw new ParleyError('newer_version', `This bundle of changes was written by a newer Parley (format version ${version}); update Parley to import it. Nothing was imported.`);
  }
  return value as Record<string, unknown>;
}

function checked<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw notBundle(`${issue.path.join('.') || 'the file'}: ${issue.message}`);
}

function notBundle(why: string): ParleyError {
  return new ParleyError('invalid_input', `This is not a bundle of changes Parley can read (${why}). Nothing was imported.`);
}
