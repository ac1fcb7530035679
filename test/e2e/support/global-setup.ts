// Before the end-to-end suite: make sure dist/ holds the current harness and renderer. `npm test` builds first, so
// this only builds when a source is newer than the bundles (a developer running `npx playwright test` directly).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './paths.js';

const SOURCES = ['electron', 'renderer', 'shared', 'migrations', 'vite.config.ts', 'scripts/build.mjs', 'package-lock.json'];
const OUTPUTS = ['dist/web/server.cjs', 'dist/renderer/index.html'];

function newestChange(entry: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

export default function globalSetup(): void {
  const at = (p: string) => path.join(REPO_ROOT, p);
  const builtAt = Math.min(...OUTPUTS.map((p) => (fs.existsSync(at(p)) ? fs.statSync(at(p)).mtimeMs : 0)));
  const changedAt = Math.max(...SOURCES.map((p) => newestChange(at(p))));
  if (builtAt > changedAt) return;
  console.log('e2e: building the harness and the renderer (sources changed since the last build)');
  execFileSync(process.execPath, [at('scripts/build.mjs')], { cwd: REPO_ROOT, stdio: 'inherit' });
}
