// The scaling table's growth verdict (bench/growth.ts): which of flat, log and linear a row's figures follow.
import { describe, expect, it } from 'vitest';
import { describeGrowth, growthOf, predict } from '../../bench/growth.js';

const SIZES = [1_000, 10_000, 100_000];

describe('growth of a cost with the work', () => {
  it('fits a cost proportional to the size as linear, exactly', () => {
    const g = growthOf(SIZES, SIZES.map((n) => 2 + 0.01 * n));
    expect(g.best.model).toBe('linear');
    expect(g.best.a).toBeCloseTo(2, 6);
    expect(g.best.b).toBeCloseTo(0.01, 9);
    expect(predict(g.best, 50_000)).toBeCloseTo(502, 6);
    expect(g.ratio).toBeCloseTo(1002 / 12, 9);
  });

  it('fits a cost that grows by the same step at each tenfold size as logarithmic', () => {
    const g = growthOf(SIZES, [5, 8, 11]);
    expect(g.best.model).toBe('log');
    expect(g.best.b).toBeCloseTo(3 / Math.log(10), 9);
    expect(describeGrowth(g)).toBe('log, 2.20x');
  });

  it('keeps a cost flat when it only wanders with load, even where a slope would fit the wander', () => {
    // A steady rise of 6%: a slope explains it all, but it is not growth anyone would notice.
    expect(growthOf(SIZES, [10, 10.3, 10.6]).best.model).toBe('flat');
    // Up and down a little: no slope explains it.
    expect(growthOf(SIZES, [10, 11, 9.5]).best.model).toBe('flat');
    expect(describeGrowth(growthOf(SIZES, [10, 11, 9.5]))).toBe('flat, 0.95x');
  });

  it('says no model fits figures that step up between two sizes and then stay', () => {
    // A cost bounded by a window that the middle size already fills: neither a slope nor flat describes it.
    const g = growthOf(SIZES, [13.3, 52.7, 51.3]);
    expect(g.irregular).toBe(true);
    expect(describeGrowth(g)).toBe('no model fits, 3.86x');
    expect(growthOf(SIZES, [10, 11, 9.5]).irregular).toBe(false);
  });

  it('says a cost that falls with the size is falling', () => {
    const g = growthOf([200, 1_000, 2_000], [100, 60, 20]);
    expect(g.best.model).toBe('linear');
    expect(describeGrowth(g)).toBe('linear (falling), 0.20x');
  });

  it('gives the three fits with their residuals, the chosen one the smallest of those with a slope', () => {
    const g = growthOf([200, 1_000, 2_000], [40, 190, 390]);
    expect(g.fits.map((f) => f.model)).toEqual(['flat', 'log', 'linear']);
    expect(g.best.model).toBe('linear');
    expect(g.best.rss).toBeLessThan(g.fits[1]!.rss);
    expect(g.fits[0]!.rss).toBeGreaterThan(g.best.rss);
  });

  it('refuses figures at a single size', () => {
    expect(() => growthOf([1_000, 1_000], [1, 2])).toThrow(/two sizes/);
    expect(() => growthOf([1_000, 2_000], [1])).toThrow(/two sizes/);
  });
});
