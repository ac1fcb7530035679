// @vitest-environment jsdom
// The library screen brings the library index up to date in steps before it reads the list, the dashboard and the
// Today panel, against the real core: nothing shown when the first step finishes it, a progress bar while it does
// not, no call once the screen is gone, and the palette's search across cases waits for it.
import fs from 'node:fs';
import path from 'node:path';
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import type { LibraryIndexProgress } from '../../shared/api-types.js';
import { RACY_MS } from '../../electron/core/library-index.js';
import { LibraryScreen } from '../../renderer/screens/library/LibraryScreen.js';
import { useLibrary } from '../../renderer/state/library.js';
import { INDEX_STEP_MS, indexReady, prepareLibraryIndex, useLibraryIndex } from '../../renderer/state/library-index.js';
import { newCase, onCleanup, testApi, type TestApi } from '../helpers.js';
import { connectRenderer } from './connect.js';
import { update, waitFor } from './render-hook.js';

/**
 * A library of `count` closed case files, each with a deadline not yet known, whose index is gone as after an update
 * of Parley (made by one session, read by the next over the same data folder); the renderer connected to it.
 */
async function libraryWithoutIndex(count: number): Promise<TestApi> {
  const maker = testApi();
  for (let i = 1; i <= count; i++) {
    const { caseId } = maker.call('case.create', { path: path.join(maker.dir, `order-${i}.parley`), directive: { title: `Order number ${i}`, status: 'received' } });
    maker.call('deadline.create', { caseId, fields: { title: `Response ${i}`, deadlineKind: 'response', status: 'open', dueType: 'tbd' } });
    maker.call('case.close', { caseId });
  }
  maker.session.closeAll();
  // A file indexed within RACY_MS of its last change is read again until that moment is past; after it, each file
  // is read once and the count only rises.
  await new Promise((resolve) => setTimeout(resolve, RACY_MS + 100));
  const dataDir = path.join(maker.dir, 'data');
  for (const name of fs.readdirSync(dataDir)) if (name.startsWith('library-index.')) fs.rmSync(path.join(dataDir, name));
  return connectRenderer('Test Counsel', maker.dir);
}

interface Step {
  input: { budgetMs?: number };
  /** Other steps under way when it was asked for. */
  alongside: number;
  answer: LibraryIndexProgress | null;
}

/**
 * library.prepareIndex at the transport: each call's input and answer, in order. With `held`, each call waits
 * there until the test lets it go (next, letGo), so the screen can be looked at between steps; `budgetMs` (a
 * smaller step, so that a few dozen files take several) replaces what the renderer asks for. The core answers.
 */
function indexSteps({ budgetMs, held = false }: { budgetMs?: number; held?: boolean } = {}) {
  const bridge = window.parley!;
  const send = bridge['library.prepareIndex'];
  const steps: Step[] = [];
  const waiting: (() => void)[] = [];
  let free = !held;
  bridge['library.prepareIndex'] = async (input) => {
    const step: Step = { input, alongside: steps.filter((s) => !s.answer).length, answer: null };
    steps.push(step);
    if (!free) await new Promise<void>((go) => waiting.push(go));
    const envelope = await send(budgetMs ? { budgetMs } : input);
    if (envelope.ok) step.answer = envelope.data;
    return envelope;
  };
  return {
    steps,
    /** Lets the step the renderer is waiting on go, and waits for the screen to draw its answer. */
    async next() {
      await waitFor(() => expect(waiting.length).toBe(1));
      const answered = steps.length;
      await update(() => waiting.shift()!());
      await waitFor(() => expect(steps[answered - 1]!.answer).not.toBeNull());
    },
    letGo() {
      free = true;
      for (const go of waiting.splice(0)) go();
    },
  };
}

async function renderLibrary(): Promise<{ screen: HTMLElement; unmount(): void }> {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => root.render(createElement(LibraryScreen)));
  let mounted = true;
  const unmount = () => {
    if (mounted) act(() => root.unmount());
    mounted = false;
    container.remove();
  };
  onCleanup(unmount);
  return { screen: container, unmount };
}

const bar = (screen: HTMLElement) => screen.querySelector<HTMLProgressElement>('progress');
const barLabel = (screen: HTMLElement) => screen.querySelector(`label[for="${bar(screen)!.id}"]`)?.textContent;

describe('the library index on the library screen', () => {
  it('shows nothing of it when the first step finds the index up to date, and reads the library once', async () => {
    const core = connectRenderer();
    const info = newCase(core);
    core.call('case.close', { caseId: info.caseId });
    const { steps } = indexSteps();
    const { screen } = await renderLibrary();
    await waitFor(() => expect(screen.querySelector('.case-table')?.textContent).toContain('Export-control suspension order'));
    await waitFor(() => expect(screen.textContent).toContain('Across all cases'));
    // The Today panel and the list waited for the same step: one call, asked with the renderer's own step.
    expect(steps).toEqual([{ input: { budgetMs: INDEX_STEP_MS }, alongside: 0, answer: { indexed: 1, total: 1, complete: true } }]);
    expect(bar(screen)).toBeNull();
    expect(screen.textContent).not.toContain('Indexing case files');
    expect(useLibraryIndex.getState()).toMatchObject({ progress: null, seenComplete: true });
  });

  it('shows how far the indexing got while it takes several steps, and why; then the list and the dashboard', async () => {
    await libraryWithoutIndex(20);
    const paced = indexSteps({ budgetMs: 10, held: true });
    const { screen } = await renderLibrary();
    expect(bar(screen)).toBeNull();

    await paced.next();
    const first = paced.steps[0]!.answer!;
    expect(first).toMatchObject({ total: 20, complete: false });
    await waitFor(() => expect(bar(screen)).not.toBeNull());
    expect(bar(screen)!).toMatchObject({ value: first.indexed, max: 20 });
    expect(barLabel(screen)).toBe(`Indexing case files: ${first.indexed} of 20`);
    expect(bar(screen)!.labels[0]!.textContent).toBe(`Indexing case files: ${first.indexed} of 20`);
    expect(screen.textContent).toContain('Parley is reading case files that changed since it last saw them, so the dashboard and search can answer at once.');
    // What waits for the index says so; the screen's own buttons are there to use.
    expect(screen.textContent).toContain('The case files are listed once they are indexed.');
    expect(screen.textContent).toContain('Shown once the case files are indexed.');
    expect(screen.textContent).not.toContain('Across all cases');
    expect([...screen.querySelectorAll('button')].map((b) => b.textContent)).toContain('New case');

    await paced.next();
    const second = paced.steps[1]!.answer!;
    expect(second.indexed).toBeGreaterThan(first.indexed);
    await waitFor(() => expect(barLabel(screen)).toBe(`Indexing case files: ${second.indexed} of 20`));
    expect(bar(screen)!.value).toBe(second.indexed);

    paced.letGo();
    await waitFor(() => expect(screen.textContent).toContain('Across all cases'), 20_000);
    expect(paced.steps.at(-1)!.answer).toEqual({ indexed: 20, total: 20, complete: true });
    expect(paced.steps.map((s) => s.alongside)).toEqual(paced.steps.map(() => 0));
    expect(bar(screen)).toBeNull();
    expect(screen.querySelectorAll('.case-table tbody tr')).toHaveLength(20);
    expect(useLibrary.getState().dashboard?.tbd).toHaveLength(20);
    await waitFor(() => expect(screen.textContent).not.toContain('Shown once the case files are indexed.'));
  });

  it('stops the steps when the screen is left, and starts again from where the index is when it comes back', async () => {
    await libraryWithoutIndex(20);
    const paced = indexSteps({ budgetMs: 10, held: true });
    const first = await renderLibrary();
    await paced.next();
    await waitFor(() => expect(bar(first.screen)).not.toBeNull());
    // The renderer has asked for its second step; the screen goes before the answer comes.
    await waitFor(() => expect(paced.steps).toHaveLength(2));
    first.unmount();
    paced.letGo();
    await waitFor(() => expect(paced.steps[1]!.answer).not.toBeNull());
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(paced.steps).toHaveLength(2);
    expect(useLibraryIndex.getState().progress).toBeNull();
    expect(useLibrary.getState().status).toBe('idle');
    const partway = paced.steps[1]!.answer!;
    expect(partway.complete).toBe(false);

    const again = await renderLibrary();
    await waitFor(() => expect(again.screen.textContent).toContain('Across all cases'), 20_000);
    // What the first visit indexed stayed indexed.
    expect(paced.steps[2]!.answer!.indexed).toBeGreaterThan(partway.indexed);
  });
});

describe('encrypted case files that are closed', () => {
  it('are named on their row and above the dashboard as left out of it and of the search until opened', async () => {
    const core = connectRenderer();
    const plain = newCase(core);
    core.call('case.close', { caseId: plain.caseId });
    const sealed = core.call('case.create', { path: path.join(core.dir, 'sealed.parley'), directive: { title: 'Sealed order', status: 'received' }, passphrase: 'correct horse battery staple' });
    core.call('case.close', { caseId: sealed.caseId });
    const { screen } = await renderLibrary();
    await waitFor(() => expect(screen.textContent).toContain('Across all cases'));
    const row = [...screen.querySelectorAll('.case-table tbody tr')].find((r) => r.textContent!.includes('sealed.parley'))!;
    expect(row.textContent).toContain('Encrypted');
    expect(row.textContent).toContain('Left out of the dashboard and the search across cases while it is closed: open it with its passphrase to see what it holds and include it.');
    expect(screen.querySelector('.dashboard')!.textContent).toContain('One encrypted case file is left out while it is closed: open it with its passphrase to include it.');
    // Its title is nowhere: the library does not know it.
    expect(screen.textContent).not.toContain('Sealed order');
  });
});

describe('waiting for the index elsewhere', () => {
  it('runs one preparation for everyone who waits, and a waiter who gives up is told so at once', async () => {
    await libraryWithoutIndex(20);
    const paced = indexSteps({ budgetMs: 10, held: true });
    const leaving = new AbortController();
    const quitter = prepareLibraryIndex(leaving.signal);
    const stayer = indexReady();
    await paced.next();
    leaving.abort();
    await expect(quitter).resolves.toBe(false);
    paced.letGo();
    await expect(stayer).resolves.toBe(true);
    // One step at a time served both, to the end.
    expect(paced.steps.map((s) => s.alongside)).toEqual(paced.steps.map(() => 0));
    expect(paced.steps.at(-1)!.answer).toEqual({ indexed: 20, total: 20, complete: true });
    // Once the index was seen complete, a read that needs it asks for no step (it catches up itself).
    const asked = paced.steps.length;
    await expect(indexReady()).resolves.toBe(true);
    expect(paced.steps).toHaveLength(asked);
  });
});
