// Builds what runs under plain Node: the `parley` command line and the benchmarks. (The renderer is built by
// Vite and the Electron shell by scripts/build-electron.mjs.) Runs on `npm install` (prepare) and before tests.
import { build } from 'esbuild';
import fs from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  loader: { '.sql': 'text' },
  // The native driver is loaded from node_modules at run time, never bundled.
  external: ['better-sqlite3-multiple-ciphers', 'electron'],
  logLevel: 'warning',
};

const entries = [
  ['electron/cli/main.ts', 'dist/cli/parley.cjs'],
  ['bench/run.ts', 'dist/bench/run.cjs'],
  ['electron/web/server.ts', 'dist/web/server.cjs'],
  ['electron/main/main.ts', 'dist/electron/main.cjs'],
  ['electron/preload/preload.ts', 'dist/electron/preload.cjs'],
];
await Promise.all(entries.filter(([src]) => fs.existsSync(src)).map(([entryPoints, outfile]) => build({ ...common, entryPoints: [entryPoints], outfile })));

// The renderer: Vite with vite.config.ts, to dist/renderer (served by the Electron shell and the browser harness).
if (fs.existsSync('vite.config.ts')) {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
