// Runs case-writer.ts as a child process: bundled with esbuild (the core is TypeScript and imports .sql files),
// with the native driver and the heavy document exporters left to node_modules.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import path from 'node:path';
import { bundleForNode } from '../../support/node-bundle.js';

const REPO = path.join(import.meta.dirname, '..', '..', '..');

/** Bundles the writer (or another script of this folder) into `dir` and returns the script's path. */
export async function bundleWriter(dir: string, script = 'case-writer.ts', bundled = 'case-writer.cjs'): Promise<string> {
  const outfile = path.join(dir, bundled);
  // The native driver loads from node_modules; so do the document exporters, which the writer never uses and which
  // would otherwise make every start of the writer parse megabytes of code.
  await bundleForNode(path.join(import.meta.dirname, script), outfile, { external: ['docx'] });
  return outfile;
}

export interface Writer {
  child: ChildProcess;
  /** Complete lines printed so far. */
  lines: string[];
  /** Resolves when the process has ended, with what stopped it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once `count` lines have been printed (or the process ended first). */
  linesPrinted(count: number): Promise<void>;
  /** Resolves once a line starting with `prefix` has been printed (or the process ended first). */
  lineStarting(prefix: string): Promise<void>;
  stderr(): string;
}

export interface WriterOptions {
  /** Runs the writer under `ulimit -f` (blocks of 512 bytes in dash, 1024 in bash): a disk that fills up, for any user. */
  fileSizeLimitBlocks?: number;
  /** Runs the writer as this user and group id (only root can). */
  as?: { uid: number; gid: number };
  /** Environment variables set for the writer, besides this process's own. */
  env?: Record<string, string>;
}

export function startWriter(script: string, args: string[], opts: WriterOptions = {}): Writer {
  const spawnOptions: SpawnOptions = { env: { ...process.env, NODE_PATH: path.join(REPO, 'node_modules'), ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'], ...opts.as };
  const command = [process.execPath, script, ...args];
  const child = opts.fileSizeLimitBlocks
    ? spawn('/bin/sh', ['-c', `ulimit -f ${opts.fileSizeLimitBlocks} && exec "$@"`, 'sh', ...command], spawnOptions)
    : spawn(command[0]!, command.slice(1), spawnOptions);
  const lines: string[] = [];
  let partial = '';
  let errors = '';
  const waiters: { ready: () => boolean; resolve: () => void }[] = [];
  const wake = (ended: boolean) => {
    for (const w of [...waiters]) if (ended || w.ready()) { waiters.splice(waiters.indexOf(w), 1); w.resolve(); }
  };
  const waitFor = (ready: () => boolean) => new Promise<void>((resolve) => {
    waiters.push({ ready, resolve });
    wake(child.exitCode !== null || child.signalCode !== null);
  });
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop()!; // a line cut off by a kill was never completely said
    lines.push(...parts);
    wake(false);
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => { errors += chunk; });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      wake(true);
      resolve({ code, signal });
    });
  });
  return {
    child,
    lines,
    exited,
    stderr: () => errors,
    linesPrinted: (count) => waitFor(() => lines.length >= count),
    lineStarting: (prefix) => waitFor(() => lines.some((l) => l.startsWith(prefix))),
  };
}
