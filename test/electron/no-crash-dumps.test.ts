// Nothing in plaintext on disk, crash reports included: Electron writes minidumps (memory snapshots that can hold
// case text) only once crashReporter.start() has been called, so the shell must never call it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SHELL_DIRS = ['electron/main', 'electron/preload'];

describe('crash reports', () => {
  it('are never started by the desktop shell, so no minidump of case data reaches the disk', () => {
    const files = SHELL_DIRS.flatMap((dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f)));
    expect(files.length).toBeGreaterThan(5);
    const starting = files.filter((f) => /crashReporter\s*\.\s*start|crashReporter\b/.test(fs.readFileSync(f, 'utf8')));
    expect(starting).toEqual([]);
  });
});
