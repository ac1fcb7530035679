// electronegativity over the Electron sources: every finding must be explained in docs/SECURITY.md, and every
// explanation there must still match a finding. The tool always exits 0, so its SARIF report is read instead.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const packageJson = require.resolve('@doyensec/electronegativity/package.json');
const bin = (JSON.parse(fs.readFileSync(packageJson, 'utf8')) as { bin: Record<string, string> }).bin.electronegativity!;
const ELECTRONEGATIVITY = path.join(path.dirname(packageJson), bin);
const ELECTRON_VERSION = (JSON.parse(fs.readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string }).version;

interface Finding {
  check: string;
  file: string;
}

/** Runs the tool over `input` (offline: the check that needs the network is excluded) and reads its findings. */
async function electronegativity(input: string): Promise<Finding[]> {
  const report = path.join(tempDir('parley-electronegativity-'), 'report.sarif');
  await promisify(execFile)(process.execPath, [
    ELECTRONEGATIVITY, '-i', input, '-o', report, '-x', 'AvailableSecurityFixesGlobalCheck', '-e', ELECTRON_VERSION, '-r',
  ], { cwd: ROOT, timeout: 240_000 });
  const sarif = JSON.parse(fs.readFileSync(report, 'utf8')) as {
    runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
  };
  return sarif.runs.flatMap((run) => run.results).map((result) => {
    const uri = result.locations[0]?.physicalLocation.artifactLocation.uri ?? 'file:///';
    return { check: result.ruleId, file: uri === 'file:///' ? 'N/A' : path.posix.join(path.basename(input), uri) };
  });
}

/** The allowlist: the table under "## electronegativity" in docs/SECURITY.md (check, file, why). */
function allowlist(): (Finding & { why: string })[] {
  const doc = fs.readFileSync(path.join(ROOT, 'docs', 'SECURITY.md'), 'utf8');
  const section = doc.split(/^## /m).find((s) => s.startsWith('electronegativity')) ?? '';
  return section
    .split('\n')
    .filter((line) => /^\|\s*[A-Z_]+\s*\|/.test(line))
    .map((line) => {
      const [check, file, why] = line.split('|').slice(1, -1).map((cell) => cell.trim());
      return { check: check!, file: file!, why: why ?? '' };
    });
}

const key = (f: Finding) => `${f.check} ${f.file}`;

describe('electronegativity', () => {
  it('finds nothing in the shell that docs/SECURITY.md does not explain, and the table lists nothing stale', async () => {
    const [findings, sample] = await Promise.all([electronegativity('electron'), electronegativity(insecureSample())]);
    // The tool works here: a window with Node integration in a sample is reported.
    expect(sample.map((f) => f.check)).toContain('NODE_INTEGRATION_JS_CHECK');

    const allowed = allowlist();
    expect(allowed.length).toBeGreaterThan(0);
    for (const entry of allowed) expect(entry.why.length, key(entry)).toBeGreaterThan(20);
    const explained = new Set(allowed.map(key));
    expect(findings.filter((f) => !explained.has(key(f))).map(key)).toEqual([]);
    const found = new Set(findings.map(key));
    expect(allowed.filter((a) => !found.has(key(a))).map(key)).toEqual([]);
  }, 300_000);
});

function insecureSample(): string {
  const dir = path.join(tempDir('parley-insecure-'), 'sample');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'main.js'), "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true } });\n");
  return dir;
}
