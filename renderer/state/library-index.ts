// The library index (library.prepareIndex): before the library screen, its Today panel or the palette's search
// across cases read from it, the index is brought up to date in short steps, so that the core keeps answering other
// calls between them and the screen can show how far it got. The reads would bring it up to date themselves, but in
// one call that blocks everything else for as long as it takes (tens of seconds for thousands of changed files).
//
// One preparation runs at a time, shared by whoever asks while it runs; it goes on while at least one of them still
// waits, and makes no further call once they have all gone (the screen left, the search closed).
import type { LibraryIndexProgress } from '../../shared/api-types.js';
import { api } from '../services.js';
import { caseDataStore } from './data.js';

/** How long each step may work in the core: short enough that a click between steps is answered at once. */
export const INDEX_STEP_MS = 150;

export interface LibraryIndexState {
  /** The last answer of a preparation under way; null when none is under way. */
  progress: LibraryIndexProgress | null;
  /** The index was found complete at least once since the app started (or was unlocked). */
  seenComplete: boolean;
}

export const useLibraryIndex = caseDataStore<LibraryIndexState>()(() => ({ progress: null, seenComplete: false }));

/** The files still being indexed, for a bar or a sentence; null when there is nothing to show. */
export function indexingProgress(state: LibraryIndexState): LibraryIndexProgress | null {
  return state.progress && !state.progress.complete ? state.progress : null;
}

/** "340 of 2,000": how far the indexing got, for the bar and for whatever waits for it. */
export function indexedSoFar({ indexed, total }: LibraryIndexProgress): string {
  return `${indexed.toLocaleString('en')} of ${total.toLocaleString('en')}`;
}

interface Preparation {
  /** Those waiting for this preparation, each told whether it finished (true) or they stopped waiting (false). */
  waiting: Set<(finished: boolean) => void>;
}

let running: Preparation | null = null;

/**
 * Brings the library index up to date, step by step, and resolves true once it is (or once a step failed: the reads
 * then bring it up to date themselves, and say what is wrong if they cannot). Resolves false, without waiting for
 * the step under way, when `signal` aborts; the steps stop when no one waits any more.
 */
export function prepareLibraryIndex(signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise<boolean>((resolve) => {
    const preparation = running ?? startPreparation();
    const settle = (finished: boolean) => {
      preparation.waiting.delete(settle);
      signal?.removeEventListener('abort', stopWaiting);
      resolve(finished);
    };
    const stopWaiting = () => settle(false);
    preparation.waiting.add(settle);
    signal?.addEventListener('abort', stopWaiting, { once: true });
  });
}

/**
 * For a read that needs the index but does not show its progress (the Today panel, the palette's search): waits
 * for a preparation under way, or runs one if the index has not been seen complete yet; otherwise resolves at
 * once, the read itself catching up with what changed since (quickly, when little has).
 */
export function indexReady(signal?: AbortSignal): Promise<boolean> {
  if (!running && useLibraryIndex.getState().seenComplete) return Promise.resolve(!signal?.aborted);
  return prepareLibraryIndex(signal);
}

function startPreparation(): Preparation {
  const preparation: Preparation = { waiting: new Set() };
  running = preparation;
  // Everyone waiting goes on to read, also after a failed step: see prepareLibraryIndex.
  const finish = (complete: boolean) => {
    running = null;
    useLibraryIndex.setState({ progress: null, ...(complete ? { seenComplete: true } : {}) });
    for (const settle of [...preparation.waiting]) settle(true);
  };
  void (async () => {
    try {
      // Checked after each answer, not before the first call: whoever started this waits, until it is settled.
      do {
        const progress = await api().call('library.prepareIndex', { budgetMs: INDEX_STEP_MS });
        if (progress.complete) return finish(true);
        // The count can fall back a little between steps (a file that changed a moment ago is checked again until
        // that moment is safely past): the bar does not go back for it.
        useLibraryIndex.setState((s) => ({ progress: { ...progress, indexed: Math.min(progress.total, Math.max(progress.indexed, s.progress?.indexed ?? 0)) } }));
      } while (preparation.waiting.size > 0);
      // No one waits any more: stop here, the next one to ask starts again from where the index is.
      running = null;
      useLibraryIndex.setState({ progress: null });
    } catch {
      finish(false);
    }
  })();
  return preparation;
}
