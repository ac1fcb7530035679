// The renderer's memory with a big case open on its Deadlines screen: the real renderer in Debian's Chromium over
// the browser harness (as bench/ui.ts), one browser per case of the scaling table (bench/scaling-fixtures.ts). Read
// once the whole list is in: the resident set of Chromium's renderer processes (those started by this benchmark's
// browser, /proc/<pid>/status VmRSS, summed; and their Pss, which splits shared pages), and the page's JS heap (CDP Performance.getMetrics, after a garbage
// collection).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startHarness } from '../electron/web/harness.js';
import { CHROMIUM_ARGS } from '../test/e2e/support/chromium-args.js';
import { ACTOR, type Log } from './fixtures.js';
import { printScaling } from './scaling.js';
import { ensureDeadlineCases, type DeadlineCase } from './scaling-fixtures.js';
import { summarize } from './stats.js';
import { callHarness, chromiumFor } from './ui.js';

/** How long the whole list of the largest case may take to arrive and be drawn. */
const LIST_TIMEOUT_MS = 180_000;

interface RendererMemory {
  /** Megabytes, summed over the renderer processes. */
  rss: number;
  /** The same, each page shared between processes counted once in all (proportional set size). */
  pss: number;
  renderers: number;
  jsHeapUsed: number;
}

export async function benchRendererMemory(log: Log): Promise<void> {
  const executablePath = chromiumFor(log, 'Scaling: the renderer\'s memory with the case open on its Deadlines screen (Chromium through the browser harness)');
  if (!executablePath) return;
  const load0 = os.loadavg();
  const cases = ensureDeadlineCases(log);
  const measured: { deadlines: number; memory: RendererMemory }[] = [];
  for (const c of cases) {
    try {
      const memory = await rendererMemoryWith(c, executablePath);
      measured.push({ deadlines: c.deadlines, memory });
      log(`  ${c.deadlines.toLocaleString('en')} deadlines: ${memory.rss.toFixed(0)} MB resident in ${memory.renderers} renderer process(es) (${memory.pss.toFixed(0)} MB with shared pages split), JS heap ${memory.jsHeapUsed.toFixed(0)} MB`);
    } catch (err) {
      log(`  ${c.deadlines.toLocaleString('en')} deadlines: not measured (${(err as Error).message.split('\n')[0]})`);
    }
  }
  if (measured.length >= 2) {
    printScaling(log, 'deadlines in the case', measured.map((m) => m.deadlines), [
      { metric: 'renderer: resident set, Deadlines screen', unit: 'MB', figures: measured.map((m) => summarize([m.memory.rss])) },
      { metric: 'renderer: the same, shared pages split (Pss)', unit: 'MB', figures: measured.map((m) => summarize([m.memory.pss])) },
      { metric: 'renderer: JS heap used, the same', unit: 'MB', figures: measured.map((m) => summarize([m.memory.jsHeapUsed])) },
    ]);
  }
  log(`  load average at start ${load0.map((l) => l.toFixed(2)).join(' ')}, at end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}

async function rendererMemoryWith(c: DeadlineCase, executablePath: string): Promise<RendererMemory> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-bench-renderer-'));
  const file = path.join(dataDir, 'cases', path.basename(c.file));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.copyFileSync(c.file, file);
  const harness = await startHarness({ dataDir, actor: ACTOR, port: 0 });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    const { caseId } = await callHarness<{ caseId: string }>(harness, 'case.open', { path: file });
    await page.goto(harness.url);
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    await page.evaluate((id) => (window.location.hash = `#/case/${id}/deadlines`), caseId);
    await page.locator(`[role="list"][aria-label="Deadlines (${c.deadlines})"] [role="listitem"]`).first().waitFor({ timeout: LIST_TIMEOUT_MS });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
    const renderers = rendererProcesses();
    const sum = (file: string, field: string) => renderers.reduce((total, pid) => total + kilobytes(pid, file, field), 0) / 1024;
    return { rss: sum('status', 'VmRSS'), pss: sum('smaps_rollup', 'Pss'), renderers: renderers.length, jsHeapUsed: heap / 1024 / 1024 };
  } finally {
    await browser.close();
    await harness.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Chromium's renderer processes descended from this process (other people's browsers on the machine are not). */
function rendererProcesses(): number[] {
  const parentOf = new Map<number, number>();
  const commandOf = new Map<number, string>();
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      // The parent is the fourth field of stat, after the command name in parentheses (which may hold spaces).
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      parentOf.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      commandOf.set(pid, fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
    } catch {
      // The process ended while the list was read.
    }
  }
  const descendsFromUs = (pid: number): boolean => {
    for (let p = parentOf.get(pid); p !== undefined && p > 1; p = parentOf.get(p)) if (p === process.pid) return true;
    return false;
  };
  return [...commandOf].filter(([pid, cmd]) => cmd.includes('--type=renderer') && descendsFromUs(pid)).map(([pid]) => pid);
}

/** A figure in kB from /proc/<pid>/<file> (status's VmRSS, smaps_rollup's Pss); 0 if the process has ended. */
function kilobytes(pid: number, file: string, field: string): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/${file}`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}
