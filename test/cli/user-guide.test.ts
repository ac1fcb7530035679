// The user guide's command-line examples work as written: each ```sh block of docs/USER-GUIDE.md is run by bash,
// with `parley` the real command (the built bundle) and its library in a temporary folder, and what it prints must
// be exactly the lines the guide shows under "# prints".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, parleyRunner, REPO, type ParleyRunner } from './support/parley.js';

const GUIDE = fs.readFileSync(path.join(REPO, 'docs', 'USER-GUIDE.md'), 'utf8');
const BLOCKS = [...GUIDE.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);

let parley: ParleyRunner;

beforeAll(async () => {
  await buildCli();
  parley = parleyRunner();
});
afterAll(() => parley.cleanUp());

describe('docs/USER-GUIDE.md', () => {
  it('has command-line examples to check', () => {
    expect(BLOCKS.length).toBeGreaterThan(0);
    expect(BLOCKS.join('\n')).toMatch(/^# prints /m);
  });

  it.each(BLOCKS.map((block, i) => [i + 1, block] as const))('example %i prints what the guide says it prints', (_n, block) => {
    const expected = block.split('\n').filter((l) => l.startsWith('# prints ')).map((l) => l.slice('# prints '.length));
    const bin = path.join(REPO, 'bin', 'parley.cjs');
    const data = parley.file('library');
    const script = `set -euo pipefail\nparley() { "${process.execPath}" "${bin}" "$@" --data "${data}"; }\n${block}`;
    const result = spawnSync('bash', ['-c', script], {
      cwd: parley.dir, encoding: 'utf8', timeout: 300_000,
      env: { ...process.env, XDG_CONFIG_HOME: path.join(parley.dir, 'config'), NO_COLOR: '1' },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n').filter((l) => l !== '')).toEqual(expected);
  }, 320_000);
});
