// Builds everything: the Node bundles (the `parley` command line, the benchmarks, the browser harness, the
// Electron main process and preload) with esbuild, then the renderer with Vite. Runs on `npm install` (prepare)
// and before tests.
import { build } from 'esbuild';
import fs from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  loader: { '.sql': 'text' },
  // Loaded from node_modules at run time, never bundled: the native driver, Electron itself, and playwright-core
  // (which prints PDFs through Chromium outside the desktop app and finds its own files relative to itself).
  external: ['better-sqlite3-multiple-ciphers', 'electron', 'playwright-core'],
  logLevel: 'warning',
};

const entries = [
  ['electron/cli/main.ts', 'dist/cli/parley.cjs'],
  ['bench/run.ts', 'dist/bench/run.cjs'],
  ['electron/web/server.ts', 'dist/web/server.cjs'],
  ['electron/main/main.ts', 'dist/electron/main.cjs'],
  ['electron/preload/preload.ts', 'dist/electron/preload.cjs'],
];
// The worker thread that reads attachments' text (pdfjs-dist, mammoth: electron/core/attachments/) is a bundle of
// its own, beside each bundle that holds the core, which starts it from the file next to itself.
const TEXT_WORKER = 'electron/core/attachments/text-worker.ts';
const workers = ['dist/cli', 'dist/bench', 'dist/web', 'dist/electron'].map((dir) => [TEXT_WORKER, `${dir}/attachment-text-worker.cjs`]);
await Promise.all([...entries, ...workers].filter(([src]) => fs.existsSync(src)).map(([entryPoints, outfile]) => build({ ...common, entryPoints: [entryPoints], outfile })));

// The renderer: Vite with vite.config.ts, to dist/renderer (served by the Electron shell and the browser harness).
// `--node-only` skips it, for tests that need only the Node bundles.
if (fs.existsSync('vite.config.ts') && !process.argv.includes('--node-only')) {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
