// "Remember on this device": passphrases kept encrypted with safeStorage in the data folder, never in the clear,
// and refused where safeStorage would protect nothing (unavailable, or Linux's basic_text backend).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY_STORE_FILE, KeyStore } from '../../electron/main/key-store.js';
import { tempDir } from '../helpers.js';
import { FakeSafeStorage } from './fake-electron.js';

const PASSPHRASE = 'copper lantern orchard violet';

function store(platform: NodeJS.Platform = 'linux') {
  const dataDir = tempDir('parley-keys-');
  const safeStorage = new FakeSafeStorage();
  return { dataDir, safeStorage, keys: new KeyStore(safeStorage, dataDir, platform) };
}

describe('the key store', () => {
  it('remembers a passphrase per case file, encrypted, under a name that does not reveal the path', () => {
    const { dataDir, keys } = store();
    keys.remember('/cases/sealed.parley', PASSPHRASE);
    expect(keys.recall('/cases/sealed.parley')).toBe(PASSPHRASE);
    expect(keys.recall('/cases/other.parley')).toBeNull();
    const onDisk = fs.readFileSync(path.join(dataDir, KEY_STORE_FILE), 'utf8');
    expect(onDisk).not.toContain(PASSPHRASE);
    expect(onDisk).not.toContain('sealed.parley');
    // A second store over the same folder (the next start of the app) finds it.
    expect(new KeyStore(new FakeSafeStorage(), dataDir, 'linux').recall('/cases/sealed.parley')).toBe(PASSPHRASE);
  });

  it('forgets a passphrase', () => {
    const { keys } = store();
    keys.remember('/cases/sealed.parley', PASSPHRASE);
    keys.forget('/cases/sealed.parley');
    expect(keys.recall('/cases/sealed.parley')).toBeNull();
  });

  it('says whether one is kept for a file, by its absolute path, and nothing where the store is unavailable', () => {
    const { keys, safeStorage } = store();
    expect(keys.has('/cases/sealed.parley')).toBe(false);
    keys.remember('/cases/sealed.parley', PASSPHRASE);
    expect(keys.has('/cases/sealed.parley')).toBe(true);
    expect(keys.has('/cases/../cases/sealed.parley')).toBe(true);
    expect(keys.has('/cases/other.parley')).toBe(false);
    safeStorage.backend = 'basic_text';
    expect(keys.has('/cases/sealed.parley')).toBe(false);
  });

  it('counts Linux basic_text as unavailable, says why, and remembers nothing there', () => {
    const { keys, safeStorage, dataDir } = store('linux');
    safeStorage.backend = 'basic_text';
    const availability = keys.availability();
    expect(availability).toEqual({ available: false, reason: expect.stringMatching(/keyring.*unprotected/) });
    expect(() => keys.remember('/cases/sealed.parley', PASSPHRASE)).toThrow(/keyring/);
    expect(fs.existsSync(path.join(dataDir, KEY_STORE_FILE))).toBe(false);
  });

  it('is available with basic_text reported on other platforms only if encryption is available', () => {
    const mac = store('darwin');
    mac.safeStorage.backend = 'basic_text'; // only Linux has backends; the value means nothing elsewhere
    expect(mac.keys.availability()).toEqual({ available: true });
    mac.safeStorage.available = false;
    expect(mac.keys.availability()).toMatchObject({ available: false, reason: expect.stringMatching(/no secure storage/) });
  });

  it('gives null when the stored value can no longer be decrypted or the file is damaged', () => {
    const { keys, dataDir } = store();
    keys.remember('/cases/sealed.parley', PASSPHRASE);
    const file = path.join(dataDir, KEY_STORE_FILE);
    const stored = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const k of Object.keys(stored.keys)) stored.keys[k] = Buffer.from('garbage').toString('base64');
    fs.writeFileSync(file, JSON.stringify(stored));
    expect(keys.recall('/cases/sealed.parley')).toBeNull();
    fs.writeFileSync(file, '{ not json');
    expect(keys.recall('/cases/sealed.parley')).toBeNull();
    keys.remember('/cases/sealed.parley', PASSPHRASE);
    expect(keys.recall('/cases/sealed.parley')).toBe(PASSPHRASE);
  });
});
