// "Remember on this device": the passphrases of encrypted case files, kept for the user in the data folder, each
// encrypted with Electron's safeStorage (a key the operating system keeps: Keychain, DPAPI, a Secret Service
// keyring). Where safeStorage would protect nothing (unavailable, or Linux's 'basic_text' backend, which keeps its
// key in the clear), the store counts as unavailable, and the app says so instead of offering the choice.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../core/files.js';
import type { SafeStorageLike } from './electron-api.js';

export const KEY_STORE_FILE = 'remembered-passphrases.json';

export type KeyStoreAvailability = { available: true } | { available: false; reason: string };

interface StoredKeys {
  format: 'parley-remembered-passphrases';
  version: 1;
  /** By a hash of the case file's absolute path (so the list says nothing about where cases live): the
   * passphrase encrypted by safeStorage, base64. */
  keys: Record<string, string>;
}

export class KeyStore {
  private readonly file: string;

  constructor(
    private readonly safeStorage: SafeStorageLike,
    dataDir: string,
    private readonly platform: NodeJS.Platform,
  ) {
    this.file = path.join(dataDir, KEY_STORE_FILE);
  }

  availability(): KeyStoreAvailability {
    if (!this.safeStorage.isEncryptionAvailable()) {
      return { available: false, reason: 'This system offers no secure storage for secrets, so Parley cannot remember passphrases here.' };
    }
    if (this.platform === 'linux' && this.safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
      return {
        available: false,
        reason: 'No keyring (such as GNOME Keyring or KWallet) is running, so a remembered passphrase would be kept unprotected; Parley will not remember it.',
      };
    }
    return { available: true };
  }

  remember(caseFile: string, passphrase: string): void {
    const availability = this.availability();
    if (!availability.available) throw new Error(availability.reason);
    const stored = this.load();
    stored.keys[keyOf(caseFile)] = this.safeStorage.encryptString(passphrase).toString('base64');
    this.save(stored);
  }

  /** Whether a passphrase is kept for a case file (it may still fail to decrypt, if the system's key changed). */
  has(caseFile: string): boolean {
    return this.availability().available && keyOf(caseFile) in this.load().keys;
  }

  /**
   * The remembered passphrase of a case file, or null (none kept, or the store cannot be read any more). For the
   * main process only: it never goes to the renderer (ipc.ts uses it to open the case).
   */
  recall(caseFile: string): string | null {
    if (!this.availability().available) return null;
    const encrypted = this.load().keys[keyOf(caseFile)];
    if (!encrypted) return null;
    try {
      return this.safeStorage.decryptString(Buffer.from(encrypted, 'base64'));
    } catch {
      return null; // the system's key changed (another user, a reinstalled system): the user types it again
    }
  }

  forget(caseFile: string): void {
    const stored = this.load();
    if (!(keyOf(caseFile) in stored.keys)) return;
    delete stored.keys[keyOf(caseFile)];
    this.save(stored);
  }

  private load(): StoredKeys {
    try {
      const parsed = JSON.parse(fs.readFileSync(this.file, 'utf8')) as StoredKeys;
      if (parsed?.format === 'parley-remembered-passphrases' && parsed.keys && typeof parsed.keys === 'object') return parsed;
    } catch {
      // None kept yet, or unreadable: start afresh (the passphrases themselves are not lost, only remembered).
    }
    return { format: 'parley-remembered-passphrases', version: 1, keys: {} };
  }

  private save(stored: StoredKeys): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    writeFileAtomic(this.file, JSON.stringify(stored, null, 2));
  }
}

function keyOf(caseFile: string): string {
  return createHash('sha256').update(path.resolve(caseFile)).digest('hex');
}
