// Every screen at the two window sizes counsel use most, a 13-inch laptop (1280×800) and a desktop monitor
// (1920×1080): nothing makes the page scroll sideways, and a screenshot of each (test-results/screenshots/size-*)
// for a person to look at. The screens are the same table the accessibility spec walks (support/every-screen.ts).
import { prepareEveryScreen, SCREENS } from './support/every-screen.js';
import { expect, test } from './support/fixtures.js';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];

for (const size of SIZES) {
  const label = `${size.width}x${size.height}`;
  test(`every screen fits a ${size.width}×${size.height} window without scrolling sideways`, async ({ app, harness, page }) => {
    test.setTimeout(400_000);
    await page.setViewportSize(size);
    await prepareEveryScreen(app, page, harness);
    const overflowing: string[] = [];
    for (const screen of SCREENS) {
      await test.step(screen.name, async () => {
        await screen.show(app, page, harness);
        const widths = await page.evaluate(() => ({ content: document.documentElement.scrollWidth, window: window.innerWidth }));
        if (widths.content > widths.window) overflowing.push(`${screen.name}: ${widths.content}px wide in a ${widths.window}px window`);
        await app.screenshot(`size-${label}-${screen.name}`);
      });
    }
    expect(overflowing, `screens that scroll sideways at ${label}`).toEqual([]);
  });
}
