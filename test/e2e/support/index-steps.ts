// The library index's steps (library.prepareIndex) as the page asks for them, paced by the test: each call is held
// at the page's network until the test lets it go, and asks the real core for a smaller step than the app's, so a
// few dozen case files take several steps and the progress bar can be looked at between them.
import { expect, type Page } from '@playwright/test';

export interface IndexSteps {
  /** Lets the next step the page asks for go to the core (waiting for the page to ask, if it has not yet). */
  next(): Promise<void>;
  /** Lets every step go, held or to come, at the app's own step from then on. */
  letGo(): void;
}

export async function pacedIndexSteps(page: Page, budgetMs = 10): Promise<IndexSteps> {
  const held: (() => void)[] = [];
  let free = false;
  await page.route('**/api/call', async (route) => {
    const call = route.request().postDataJSON() as { name?: string } | null;
    if (call?.name !== 'library.prepareIndex' || free) return route.fallback();
    await new Promise<void>((go) => held.push(go));
    await route.continue({ postData: JSON.stringify({ name: call.name, input: { budgetMs } }) });
  });
  return {
    async next() {
      await expect.poll(() => held.length, { message: 'the page asks for an indexing step' }).toBeGreaterThan(0);
      held.shift()!();
    },
    letGo() {
      free = true;
      for (const go of held.splice(0)) go();
    },
  };
}
