// Bundles of changes as files: written beside nothing else (atomically, never over an existing file), and read back
// for an import. The format itself is in bundle.ts.
import fs from 'node:fs';
import path from 'node:path';
import type { ChangesExported } from '../../../shared/api-types.js';
import type { CaseFile } from '../case-file.js';
import { fileError, ParleyError } from '../errors.js';
import { writeFileAtomic } from '../files.js';
import { BUNDLE_EXTENSION, bundleBytes, MAX_BUNDLE_BYTES, readBundle } from './bundle.js';
import type { IncomingChanges } from './merge-changes.js';

/** Writes this copy's changes (all, or those made since `since`) as a bundle at `target`; `.parley-changes` added if it has no extension. */
export function exportChanges(cf: CaseFile, target: string, since: string | undefined, actor: string): ChangesExported {
  const file = path.extname(target) ? path.resolve(target) : `${path.resolve(target)}${BUNDLE_EXTENSION}`;
  if (fs.existsSync(file)) throw new ParleyError('already_exists', `${file} already exists; Parley will not overwrite it.`);
  const incoming = cf.changesForBundle(since);
  const passphrase = cf.sealingPassphrase();
  const bytes = bundleBytes(incoming, { exportedAt: new Date().toISOString(), exportedBy: actor, since: since ?? null }, passphrase);
  try {
    writeFileAtomic(file, bytes);
  } catch (err) {
    throw fileError(file, err);
  }
  return { path: file, changes: incoming.changes.length, bytes: bytes.length, encrypted: passphrase !== null };
}

/** Reads a bundle file for an import into `cf`: opened with `passphrase`, or the case's own. */
export function readBundleFile(cf: CaseFile, file: string, passphrase: string | undefined): IncomingChanges {
  let bytes: Buffer;
  try {
    if (fs.statSync(file).size > MAX_BUNDLE_BYTES) throw new ParleyError('invalid_input', `${path.basename(file)} is larger than a bundle of changes can be (${MAX_BUNDLE_BYTES / 1024 / 1024} MB).`);
    bytes = fs.readFileSync(file);
  } catch (err) {
    if (err instanceof ParleyError) throw err;
    throw fileError(file, err);
  }
  return readBundle(bytes, passphrase ?? cf.sealingPassphrase());
}
