// JSON files that travel as secret as the case they come from (a reviewer's comments, a bundle of changes): the same
// JSON, sealed with AES-256-GCM under a key derived from the case's passphrase with PBKDF2-HMAC-SHA512 (SQLCipher 4's
// derivation, 256,000 iterations, with a random salt), in a JSON envelope that shows only the format and the cipher's
// parameters. GCM authenticates what it seals, so a sealed file changed in any byte does not open; the format and
// version are bound in as associated data, so sealed bytes cannot be passed off as another kind of file.
import { createCipheriv, createDecipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ParleyError } from './errors.js';

const CIPHER = 'aes-256-gcm';
const KDF = 'pbkdf2-hmac-sha512';
const KDF_ITERATIONS = 256_000;

const base64Of = (bytes: number) => z.base64().refine((b) => Buffer.from(b, 'base64').length === bytes, `must be ${bytes} bytes`);

/** The envelope of a sealed file of `format`. */
export function sealedSchema<F extends string, V extends number>(format: F, formatVersion: V) {
  return z.strictObject({
    format: z.literal(format),
    formatVersion: z.literal(formatVersion),
    encryption: z.strictObject({
      cipher: z.literal(CIPHER),
      kdf: z.literal(KDF),
      // Read from the file, so bounded: a hostile file must not make the import derive a key for hours.
      iterations: z.number().int().min(100_000).max(10_000_000),
      salt: base64Of(16),
      iv: base64Of(12),
      tag: base64Of(16),
    }),
    sealed: z.base64(),
  });
}
export type Sealed = z.output<ReturnType<typeof sealedSchema>>;

export function seal(json: string, passphrase: string, format: string, formatVersion: number): Sealed {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv(CIPHER, keyOf(passphrase, salt, KDF_ITERATIONS), iv).setAAD(Buffer.from(`${format}/${formatVersion}`, 'utf8'));
  const sealed = Buffer.concat([cipher.update(json, 'utf8'), cipher.final()]);
  return {
    format,
    formatVersion,
    encryption: { cipher: CIPHER, kdf: KDF, iterations: KDF_ITERATIONS, salt: salt.toString('base64'), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64') },
    sealed: sealed.toString('base64'),
  };
}

/** The sealed JSON; `what` names the file in refusals ("These review comments"). */
export function unseal(file: Sealed, passphrase: string | null, what: { needPassphrase: string; wrong: string }): string {
  if (passphrase === null) throw new ParleyError('passphrase_required', what.needPassphrase);
  const { salt, iv, tag, iterations } = file.encryption;
  try {
    const decipher = createDecipheriv(CIPHER, keyOf(passphrase, Buffer.from(salt, 'base64'), iterations), Buffer.from(iv, 'base64'))
      .setAAD(Buffer.from(`${file.format}/${file.formatVersion}`, 'utf8'))
      .setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(file.sealed, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    // GCM cannot tell a wrong key from changed bytes: either way nothing it would give back can be trusted.
    throw new ParleyError('wrong_passphrase', what.wrong);
  }
}

function keyOf(passphrase: string, salt: Buffer, iterations: number): Buffer {
  return pbkdf2Sync(Buffer.from(passphrase, 'utf8'), salt, iterations, 32, 'sha512');
}
