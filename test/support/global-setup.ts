// At the start of a vitest run, for each project: a folder for the template cases of test/support/case-template.ts
// (a subfolder per worker), removed when the run ends. Each project's workers have a folder of their own.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

export default function setup(project: TestProject): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-templates-'));
  project.provide('parleyTemplateDir', dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
