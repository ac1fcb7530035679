// A hook rendered in a real React root (react-dom in jsdom), for testing the renderer's data hooks without a
// testing library: the hook's latest return value, a way to render it again with new arguments, and a wait that
// lets React apply what the core answered.
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { onCleanup } from '../helpers.js';

// React warns about updates outside act() unless told that this is a test environment.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface RenderedHook<P, R> {
  /** What the hook returned at its last render. */
  readonly current: R;
  /** Every value the hook returned, in order. */
  readonly renders: R[];
  rerender(props: P): Promise<void>;
  unmount(): Promise<void>;
}

export async function renderHook<P, R>(hook: (props: P) => R, props: NoInfer<P>): Promise<RenderedHook<P, R>> {
  const renders: R[] = [];
  function Probe({ p }: { p: P }) {
    renders.push(hook(p));
    return null;
  }
  const root = createRoot(document.createElement('div'));
  let mounted = true;
  await update(() => root.render(createElement(Probe, { p: props })));
  const unmount = async () => {
    if (!mounted) return;
    mounted = false;
    await act(async () => root.unmount());
  };
  onCleanup(() => {
    if (mounted) act(() => root.unmount());
    mounted = false;
  });
  return {
    get current() {
      return renders[renders.length - 1]!;
    },
    renders,
    rerender: (p) => update(() => root.render(createElement(Probe, { p }))),
    unmount,
  };
}

/**
 * Runs `change` (a render, a store action, a held answer let go) in act, and lets what it set going finish there
 * too: the in-process core answers within a few ticks, so its answers are rendered before this resolves.
 */
export async function update(change: () => unknown): Promise<void> {
  await act(async () => {
    await change();
  });
  await act(() => new Promise((resolve) => setTimeout(resolve, 1)));
}

/** Waits, letting React render, until `check` stops throwing (or the time is up, when its error is thrown). */
export async function waitFor(check: () => void, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (err) {
      if (Date.now() > until) throw err;
    }
    await act(async () => new Promise((resolve) => setTimeout(resolve, 5)));
  }
}
