// The worker thread that reads attachments' text, built for tests that run the core from its TypeScript sources:
// the core then starts dist/cli/attachment-text-worker.cjs (electron/core/attachments/attachment-texts.ts,
// textWorkerFile). Built with the options scripts/build.mjs uses, to a temporary name and renamed into place, so that
// test files building it at the same time never start a half-written worker.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { TEXT_WORKER_FILE } from '../../electron/core/attachments/attachment-texts.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

export async function buildTextWorker(): Promise<void> {
  const target = path.join(REPO, 'dist/cli', TEXT_WORKER_FILE);
  const partial = `${target}.${process.pid}.partial`;
  await build({
    entryPoints: [path.join(REPO, 'electron/core/attachments/text-worker.ts')],
    outfile: partial,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    loader: { '.sql': 'text' },
    external: ['better-sqlite3-multiple-ciphers', 'electron', 'playwright-core'],
    logLevel: 'warning',
  });
  fs.renameSync(partial, target);
}
