// How a cost grows with the work: a figure measured at a few sizes, fitted by least squares as flat (t = a),
// logarithmic (t = a + b·ln n) or linear (t = a + b·n), and the fit that describes it best. Pure: the scaling table
// (bench/scaling.ts) prints its verdict beside each row.

export type GrowthModel = 'flat' | 'log' | 'linear';

export interface Fit {
  model: GrowthModel;
  a: number;
  b: number;
  /** The residual sum of squares. */
  rss: number;
}

export interface Growth {
  /** The model chosen (see `growthOf`). */
  best: Fit;
  fits: Fit[];
  /** The figure at the largest size over the figure at the smallest. */
  ratio: number;
  /**
   * No model describes the figures: none with a slope explains enough of their spread, yet they stray from flat by
   * more than a noticeable share (a step between two sizes, or heavy noise).
   */
  irregular: boolean;
}

/**
 * A model with a slope is chosen over flat only when it explains at least this share of the figures' spread
 * (1 - its residual / flat's residual, that is R²)...
 */
export const EXPLAINED_SHARE = 0.9;
/** ...and when its fitted rise from the smallest size to the largest is at least this share of the smallest figure. */
export const NOTICEABLE_RISE = 0.2;

/** Least squares of t = a + b·x. */
function fitLine(xs: number[], ts: number[]): { a: number; b: number; rss: number } {
  const n = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const mt = ts.reduce((s, t) => s + t, 0) / n;
  let sxx = 0;
  let sxt = 0;
  xs.forEach((x, i) => {
    sxx += (x - mx) ** 2;
    sxt += (x - mx) * (ts[i]! - mt);
  });
  const b = sxx > 0 ? sxt / sxx : 0;
  const a = mt - b * mx;
  const rss = xs.reduce((s, x, i) => s + (ts[i]! - (a + b * x)) ** 2, 0);
  return { a, b, rss };
}

/** The value a fit predicts at size n. */
export function predict(fit: Fit, n: number): number {
  return fit.model === 'flat' ? fit.a : fit.a + fit.b * (fit.model === 'log' ? Math.log(n) : n);
}

/**
 * Fits the three models to figures `ts` measured at sizes `ns` (at least two distinct sizes) and chooses one.
 * Simpler first: flat, unless a model with a slope explains most of the spread (EXPLAINED_SHARE) and rises by a
 * noticeable share (NOTICEABLE_RISE) over the sizes measured; between log and linear (as many parameters) the one
 * with the smaller residual. With three sizes, a slope fits noise well by chance, and a few percent of drift is load,
 * not growth: both conditions keep such rows flat. Flat figures that stray from their mean by more than
 * NOTICEABLE_RISE are called irregular rather than flat.
 */
export function growthOf(ns: number[], ts: number[]): Growth {
  if (ns.length !== ts.length || new Set(ns).size < 2) throw new Error('growthOf needs figures at two sizes or more');
  const mean = ts.reduce((s, t) => s + t, 0) / ts.length;
  const flat: Fit = { model: 'flat', a: mean, b: 0, rss: ts.reduce((s, t) => s + (t - mean) ** 2, 0) };
  const log: Fit = { model: 'log', ...fitLine(ns.map(Math.log), ts) };
  const linear: Fit = { model: 'linear', ...fitLine(ns, ts) };
  const sloped = log.rss <= linear.rss ? log : linear;
  const smallest = Math.min(...ns);
  const largest = Math.max(...ns);
  const explained = flat.rss > 0 ? 1 - sloped.rss / flat.rss : 0;
  const rise = predict(sloped, largest) - predict(sloped, smallest);
  const base = Math.abs(ts[ns.indexOf(smallest)]!);
  const grows = explained >= EXPLAINED_SHARE && Math.abs(rise) >= NOTICEABLE_RISE * base;
  const straysFromFlat = ts.some((t) => Math.abs(t - mean) > NOTICEABLE_RISE * Math.abs(mean));
  return {
    best: grows ? sloped : flat,
    fits: [flat, log, linear],
    ratio: ts[ns.indexOf(largest)]! / ts[ns.indexOf(smallest)]!,
    irregular: !grows && straysFromFlat,
  };
}

/** The chosen model and the ratio, as printed beside a row: "linear, 9.8x". */
export function describeGrowth(g: Growth): string {
  const falling = g.best.model !== 'flat' && g.best.b < 0 ? ' (falling)' : '';
  const model = g.irregular ? 'no model fits' : `${g.best.model}${falling}`;
  return `${model}, ${g.ratio >= 10 ? g.ratio.toFixed(0) : g.ratio.toFixed(2)}x`;
}
