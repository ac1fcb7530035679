import fs from 'node:fs';
import { defineConfig, type Plugin } from 'vitest/config';

/** Imports .sql files as text, as the esbuild bundles do (see scripts/build.mjs). */
const sqlAsText: Plugin = {
  name: 'sql-as-text',
  load(id) {
    if (id.endsWith('.sql')) return `export default ${JSON.stringify(fs.readFileSync(id, 'utf8'))};`;
    return null;
  },
};

export default defineConfig({
  plugins: [sqlAsText],
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // A folder for the template cases newCase copies (test/support/case-template.ts), removed after the run.
    globalSetup: ['test/support/global-setup.ts'],
    // The cleanups of test/helpers.ts, after each test of every file.
    setupFiles: ['test/support/setup.ts'],
  },
});
