// Runs the real `parley` command as a child process: bin/parley.cjs loading the bundle in dist/cli, with its
// default library pointed into a temporary folder so that no test touches the user's own.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForNode } from '../../support/node-bundle.js';
import { expect } from 'vitest';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = path.join(REPO, 'bin', 'parley.cjs');

/**
 * Bundles the command line to dist/cli/parley.cjs with the options scripts/build.mjs uses for it. Only this
 * entry is built, so the tests neither wait for nor depend on the other bundles (the renderer, the shell).
 */
export async function buildCli(): Promise<void> {
  await bundleForNode(path.join(REPO, 'electron/cli/main.ts'), path.join(REPO, 'dist/cli/parley.cjs'), { sourcemap: true });
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON. */
  json<T = unknown>(): T;
}

export interface ParleyRunner {
  /** A temporary folder for this suite's files; removed by `cleanUp`. */
  dir: string;
  /** Where the default library lives for these runs (XDG_CONFIG_HOME/Parley). */
  defaultLibrary: string;
  run(args: string[], opts?: { input?: string; env?: Record<string, string> }): Run;
  file(name: string): string;
  cleanUp(): void;
}

export function parleyRunner(): ParleyRunner {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-cli-test-'));
  const configHome = path.join(dir, 'config');
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: configHome, NO_COLOR: '1' };
  delete env.PARLEY_DEBUG;
  return {
    dir,
    defaultLibrary: path.join(configHome, 'Parley'),
    file: (name) => path.join(dir, name),
    run(args, opts = {}) {
      const result = spawnSync(process.execPath, [BIN, ...args], {
        cwd: dir, encoding: 'utf8', input: opts.input ?? '', env: { ...env, ...opts.env }, timeout: 60_000,
      });
      if (result.error) throw result.error;
      const { status, stdout, stderr } = result;
      return { status, stdout, stderr, json: () => JSON.parse(stdout) };
    },
    cleanUp: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** A run that succeeded: exit status 0 and nothing on stderr. */
export function expectOk(run: Run): Run {
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run;
}

/** A failure is exactly one line on stderr, nothing on stdout, and the given exit status. */
export function expectFailure(run: Run, status: number, message: RegExp): void {
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(/^parley/);
  expect(run.stderr).toMatch(message);
  expect(run.status).toBe(status);
}
