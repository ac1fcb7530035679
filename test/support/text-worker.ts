// The worker thread that reads attachments' text, built for tests that run the core from its TypeScript sources:
// the core then starts dist/cli/attachment-text-worker.cjs (electron/core/attachments/attachment-texts.ts,
// textWorkerFile). Built as scripts/build.mjs builds it, to a temporary name and renamed into place, so that
// test files building it at the same time never start a half-written worker.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEXT_WORKER_FILE } from '../../electron/core/attachments/attachment-texts.js';
import { bundleForNode } from './node-bundle.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

export async function buildTextWorker(): Promise<void> {
  const target = path.join(REPO, 'dist/cli', TEXT_WORKER_FILE);
  const partial = `${target}.${process.pid}.partial`;
  await bundleForNode(path.join(REPO, 'electron/core/attachments/text-worker.ts'), partial);
  fs.renameSync(partial, target);
}
