import fs from 'node:fs';
import { configDefaults, defineConfig, type Plugin } from 'vitest/config';

/** Imports .sql files as text, as the esbuild bundles do (see scripts/build.mjs). */
const sqlAsText: Plugin = {
  name: 'sql-as-text',
  load(id) {
    if (id.endsWith('.sql')) return `export default ${JSON.stringify(fs.readFileSync(id, 'utf8'))};`;
    return null;
  },
};

const ALL = ['test/**/*.test.ts', 'test/**/*.test.tsx'];

/**
 * The suites that take most of a full run (docs/DEVELOPING.md): the "slow" project. Everything else is fast:
 * `npm run test:fast` runs the "fast" and "fast-isolated" projects. `vitest run` (and so `npm test` and CI) runs all
 * three.
 */
const SLOW = [
  // Races, crashes, kills and interrupted writes: real child processes, many rounds each.
  'test/core/key-change-race.test.ts',
  'test/core/crash-points.test.ts',
  'test/core/interrupted.test.ts',
  'test/core/durability.test.ts',
  'test/core/encryption-durability.test.ts',
  // Encryption at rest and key changes: nearly every test derives keys (PBKDF2, 256,000 rounds each).
  'test/core/encryption.test.ts',
  'test/core/key-change-swap.test.ts',
  'test/core/key-change-replaced.test.ts',
  'test/core/case-copy.test.ts',
  // A file held by another connection: each test waits out SQLite's busy timeout.
  'test/core/in-use.test.ts',
  // Fuzz and property tests with many runs.
  'test/core/fuzz.test.ts',
  'test/core/random-input.property.test.ts',
  'test/documents/shareable.property.test.ts',
  'test/merge/merge.property.test.ts',
  // Per-operation suites: every operation of the contract, one case file each.
  'test/core/contract.test.ts',
  'test/core/invalid-input.test.ts',
  // The command line as a user runs it: the built bundle in a child process, a process per run.
  'test/cli/attachments.test.ts',
  'test/cli/brief.test.ts',
  'test/cli/call.test.ts',
  'test/cli/commands.test.ts',
  'test/cli/deadline.test.ts',
  'test/cli/encryption.test.ts',
  'test/cli/hostile-input.test.ts',
  'test/cli/review.test.ts',
  'test/cli/signals.test.ts',
  'test/cli/terminal-safety.test.ts',
  'test/cli/user-guide.test.ts',
  'test/cli/verify-rules.test.ts',
  // Attachments' text read in worker threads, a 20 MB PDF among them.
  'test/core/attachments.test.ts',
  // Outside programs: LibreOffice and poppler, Chromium printing, electronegativity, the Electron binary.
  'test/documents/export.test.ts',
  'test/electron/print-and-export.test.ts',
  'test/electron/electronegativity.test.ts',
  'test/electron/launch.e2e.test.ts',
];

/**
 * Fast suites that replace a module for the whole file (vi.mock of 'electron'): each needs a module graph of its
 * own, so they run isolated, as vitest does by default.
 */
const NEEDS_ISOLATION = ['test/electron/main-entry.test.ts', 'test/electron/preload.test.ts'];

export default defineConfig({
  plugins: [sqlAsText],
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // A folder for the template cases newCase copies (test/support/case-template.ts), removed after the run.
    globalSetup: ['test/support/global-setup.ts'],
    // The cleanups of test/helpers.ts, after each test of every file.
    setupFiles: ['test/support/setup.ts'],
    projects: [
      // The fast suites share one module graph per worker (isolate: false): importing the core again for each of
      // fifty files costs about as much as running their tests. What a test makes (folders, sessions) is removed
      // and closed after it (test/support/setup.ts); the files pass in shuffled order too (--sequence.shuffle.files).
      // Two workers, one per core: vitest's default leaves one core of two unused. A run of every project runs the
      // fast ones first (group 0), then the slow one with vitest's defaults (group 1): vitest runs projects with
      // different numbers of workers in groups of their own.
      { extends: true, test: { name: 'fast', include: ALL, exclude: [...configDefaults.exclude, ...SLOW, ...NEEDS_ISOLATION], isolate: false, maxWorkers: 2, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'fast-isolated', include: NEEDS_ISOLATION, maxWorkers: 2, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'slow', include: SLOW, sequence: { groupOrder: 1 } } },
    ],
  },
});
