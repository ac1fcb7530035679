// Once per vitest run (per project): a folder for the template cases of test/support/case-template.ts, one
// subfolder per worker, removed when the run ends.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

export default function setup(project: TestProject): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-templates-'));
  project.provide('parleyTemplateDir', dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
