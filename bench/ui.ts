// The UI benchmark: the real renderer in Debian's Chromium, through the browser harness, on the big case file of
// the core benchmark (10,000 deadlines). It measures, from inside the page:
//   - the time from going to the Deadlines section of the open case to its list drawn (the route change, the
//     deadline.list call over HTTP, the render, and the frame that paints it);
//   - the same from the library: clicking the case (case.open in the core) and going straight on to Deadlines;
//   - frames while the list is scrolled by script: the interval between animation frames with Chromium's frame-rate
//     limit off (so an interval is how long a frame took, not the display's 16.7 ms), and each frame's main-thread
//     work (from the frame's requestAnimationFrame callback to a task posted there, which runs after the frame's
//     style, layout and paint).
// "Drawn" is the first frame after the list's first row is in the DOM: a MutationObserver sees the row, then the
// next requestAnimationFrame plus a task after it marks the frame as painted. Method and figures: docs/PERFORMANCE.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startHarness, TOKEN_HEADER, type Harness } from '../electron/web/harness.js';
import { CHROMIUM_ARGS, DEBIAN_CHROMIUM } from '../test/e2e/support/chromium-args.js';
import { ACTOR, ensureFixtures } from './fixtures.js';
import { ms, summarize, table, type Summary } from './stats.js';

const SWITCH_ROUNDS = 12;
const OPEN_ROUNDS = 6;
const SCROLL_FRAMES = 600;
/** Pixels per frame of the scripted scroll: a fast fling, so that rows keep entering and leaving. */
const SCROLL_STEP_PX = 90;
const DRAW_TARGET_MS = 300;
const FRAME_TARGET_MS = 16;

const DEADLINE_LIST = '[role="list"][aria-label^="Deadlines ("]';

type Log = (line: string) => void;

/** Prints the part's title, and returns the Chromium to run, or null (said in the log) when there is none. */
export function chromiumFor(log: Log, title: string): string | null {
  const executablePath = process.env.PARLEY_CHROMIUM || DEBIAN_CHROMIUM;
  log('');
  log(title);
  if (fs.existsSync(executablePath)) return executablePath;
  log(`  skipped: no Chromium at ${executablePath} (apt-get install chromium, or set PARLEY_CHROMIUM)`);
  return null;
}

export async function benchUi(log: Log): Promise<void> {
  const executablePath = chromiumFor(log, 'Parley UI benchmark (Chromium through the browser harness)');
  if (!executablePath) return;
  const load0 = os.loadavg();
  const fixture = ensureFixtures(log).manifest.bigCase;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-bench-ui-'));
  const casesDir = path.join(dataDir, 'cases');
  fs.mkdirSync(casesDir, { recursive: true });
  const file = path.join(casesDir, 'big.parley');
  fs.copyFileSync(fixture.file, file);

  const harness = await startHarness({ dataDir, actor: ACTOR, port: 0 });
  // The frame-rate limit off: an animation frame comes as soon as the previous one is done, so the interval between
  // frames is the frame's cost rather than the 60 Hz display rhythm.
  const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, '--disable-frame-rate-limit', '--disable-gpu-vsync'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    // Playwright sends each measuring function to the page alone: the helper they share is installed first.
    await page.addInitScript(`window.__whenSelectorPainted = ${whenSelectorPainted.toString()};`);
    const info = await callHarness<{ caseId: string; title: string }>(harness, 'case.open', { path: file });
    log(`  ${await browser.version()}; case ${fixture.counts.deadline ?? '?'} deadlines; load average at start ${load0.map((l) => l.toFixed(2)).join(' ')}`);
    await page.goto(harness.url);
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();

    const switches: number[] = [];
    const wholes: number[] = [];
    const apiCalls: number[] = [];
    const wholeList = `[role="list"][aria-label="Deadlines (${fixture.counts.deadline ?? 0})"]`;
    for (let round = -2; round < SWITCH_ROUNDS; round++) {
      await showOverview(page, info.caseId);
      const took = await page.evaluate(switchToDeadlines, { caseId: info.caseId, list: DEADLINE_LIST, wholeList });
      if (round >= 0) switches.push(took.drawn);
      if (round >= 0) wholes.push(took.whole);
      if (round >= 0) apiCalls.push(took.api);
    }

    const opens: number[] = [];
    for (let round = -1; round < OPEN_ROUNDS; round++) {
      await page.getByRole('button', { name: `Close ${info.title}` }).click();
      await page.getByRole('table', { name: 'Case files in the library' }).waitFor();
      const took = await page.evaluate(openFromLibrary, { title: info.title, list: DEADLINE_LIST });
      if (round >= 0) opens.push(took);
    }

    // The list draws its first page before the rest is read: scroll the whole list, once it is all in.
    await page.locator(`[role="list"][aria-label="Deadlines (${fixture.counts.deadline ?? 0})"]`).waitFor({ timeout: 60_000 });
    const frames = await page.evaluate(scrollTheList, { list: DEADLINE_LIST, frames: SCROLL_FRAMES, step: SCROLL_STEP_PX });
    report(log, {
      switches: summarize(switches),
      wholes: summarize(wholes),
      apiCalls: summarize(apiCalls),
      opens: summarize(opens),
      intervals: summarize(frames.intervals),
      work: summarize(frames.work),
      underTarget: frames.intervals.filter((d) => d < FRAME_TARGET_MS).length / frames.intervals.length,
      workUnderTarget: frames.work.filter((d) => d < FRAME_TARGET_MS).length / frames.work.length,
      scrolledPx: frames.scrolledPx,
    });
    log(`  load average at end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (the machine may be shared; figures are wall-clock)`);
  } finally {
    await browser.close();
    await harness.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function callHarness<T>(harness: Harness, name: string, input: unknown): Promise<T> {
  const res = await fetch(`${harness.origin}/api/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: harness.token },
    body: JSON.stringify({ name, input }),
  });
  const envelope = (await res.json()) as { ok: true; data: T } | { ok: false; error: { message: string } };
  if (!envelope.ok) throw new Error(`${name} refused: ${envelope.error.message}`);
  return envelope.data;
}

async function showOverview(page: Page, caseId: string): Promise<void> {
  await page.evaluate((id) => (window.location.hash = `#/case/${id}/overview`), caseId);
  await page.locator('.save-summary').waitFor();
  await page.locator(DEADLINE_LIST).waitFor({ state: 'detached' });
}

// ---- run inside the page (serialized by Playwright: no closures over this module) ------------------------------

/** Resolves with the time from `start` to the frame that paints the first element matching `selector`. */
function whenSelectorPainted(selector: string, start: number): Promise<number> {
  return new Promise((resolve) => {
    const painted = () =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - start);
        channel.port2.postMessage(null);
      });
    if (document.querySelector(selector)) return painted();
    const observer = new MutationObserver(() => {
      if (!document.querySelector(selector)) return;
      observer.disconnect();
      painted();
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'] });
  });
}

/** The drawn time; the time until every deadline is in the list (the rest read after the first page); and how
 *  much of the drawn time the slowest API call before it took (its HTTP round trip, the core's work, the JSON). */
async function switchToDeadlines({ caseId, list, wholeList }: { caseId: string; list: string; wholeList: string }): Promise<{ drawn: number; whole: number; api: number }> {
  performance.clearResourceTimings();
  const start = performance.now();
  window.location.hash = `#/case/${caseId}/deadlines`;
  const whenPainted = (window as unknown as { __whenSelectorPainted: typeof whenSelectorPainted }).__whenSelectorPainted;
  const drawn = await whenPainted(`${list} [role="listitem"]`, start);
  const calls = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.name.includes('/api/call') && e.startTime >= start && e.responseEnd - start <= drawn);
  const whole = await whenPainted(wholeList, start);
  return { drawn, whole, api: Math.max(0, ...calls.map((e) => e.duration)) };
}

function openFromLibrary({ title, list }: { title: string; list: string }): Promise<number> {
  const start = performance.now();
  // As soon as the case opens (on its overview), go on to Deadlines, as Alt+2 pressed at once would.
  const onRoute = () => {
    const match = /^#\/case\/([^/]+)\/overview/.exec(window.location.hash);
    if (!match) return;
    window.removeEventListener('hashchange', onRoute);
    window.location.hash = `#/case/${match[1]}/deadlines`;
  };
  window.addEventListener('hashchange', onRoute);
  const open = [...document.querySelectorAll('main table button')].find((b) => b.textContent?.trim() === title) as HTMLElement | undefined;
  if (!open) throw new Error(`no button for ${title} in the library`);
  open.click();
  return (window as unknown as { __whenSelectorPainted: typeof whenSelectorPainted }).__whenSelectorPainted(`${list} [role="listitem"]`, start);
}

function scrollTheList({ list, frames, step }: { list: string; frames: number; step: number }): Promise<{ intervals: number[]; work: number[]; scrolledPx: number }> {
  let scroller = document.querySelector<HTMLElement>(list);
  while (scroller && !(scroller.scrollHeight > scroller.clientHeight && /auto|scroll/.test(getComputedStyle(scroller).overflowY))) scroller = scroller.parentElement;
  if (!scroller) throw new Error('the deadlines list has no scrolling container');
  const el = scroller;
  const intervals: number[] = [];
  const work: number[] = [];
  const top = el.scrollTop;
  return new Promise((resolve) => {
    let last = 0;
    let n = 0;
    const frame = (now: number) => {
      const began = performance.now();
      if (last) intervals.push(now - last);
      last = now;
      // The frame's own work ends when a task posted now runs: after this frame's style, layout and paint.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => work.push(performance.now() - began);
      channel.port2.postMessage(null);
      if (n++ >= frames) {
        setTimeout(() => resolve({ intervals, work, scrolledPx: el.scrollTop - top }), 50);
        return;
      }
      el.scrollTop += step;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

// ---- the report ----------------------------------------------------------------------------------------------

interface UiFigures {
  switches: Summary;
  wholes: Summary;
  apiCalls: Summary;
  opens: Summary;
  intervals: Summary;
  work: Summary;
  underTarget: number;
  workUnderTarget: number;
  scrolledPx: number;
}

function report(log: Log, f: UiFigures): void {
  const pass = (ok: boolean) => (ok ? 'pass' : 'MISSED');
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  const row = (metric: string, s: Summary, target: string, verdict: string) => [metric, String(s.n), ms(s.p50), ms(s.p95), ms(s.max), target, verdict];
  log(
    table(
      ['metric', 'n', 'p50', 'p95', 'max', 'target', ''],
      [
        row('ui: Deadlines section → 10,000-deadline list drawn', f.switches, `< ${DRAW_TARGET_MS} ms`, pass(f.switches.p95 < DRAW_TARGET_MS)),
        row('ui:   of which the slowest API call before it (the first page over HTTP)', f.apiCalls, '(diagnostic)', ''),
        row('ui:   until all 10,000 are in the list (read after the first page)', f.wholes, '(diagnostic)', ''),
        row('ui: open case from library → Deadlines drawn', f.opens, `< ${DRAW_TARGET_MS} ms`, pass(f.opens.p95 < DRAW_TARGET_MS)),
        row(`ui: scroll, frame interval (${pct(f.underTarget)} < ${FRAME_TARGET_MS} ms)`, f.intervals, `95% < ${FRAME_TARGET_MS} ms`, pass(f.underTarget >= 0.95)),
        row(`ui: scroll, main-thread work per frame (${pct(f.workUnderTarget)} < ${FRAME_TARGET_MS} ms)`, f.work, '(diagnostic)', ''),
      ],
    ),
  );
  log(`  scrolled ${Math.round(f.scrolledPx).toLocaleString('en')} px in ${f.intervals.n + 1} frames`);
}
