// How many kills a crash test makes and from which seed: fixed in CI, so a failure replays; `npm run soak` sets
// PARLEY_CRASH_SEED to a new seed each run and PARLEY_CRASH_ROUNDS higher, for minutes of kills.

/** The rounds a crash test makes: its own number in CI, or PARLEY_CRASH_ROUNDS. */
export function crashRounds(ciRounds: number): number {
  const n = Number(process.env.PARLEY_CRASH_ROUNDS);
  return Number.isInteger(n) && n > 0 ? n : ciRounds;
}

/** The seed a crash test draws its kill moments from: its own in CI, or derived from PARLEY_CRASH_SEED. */
export function crashSeed(ciSeed: number): number {
  const n = Number(process.env.PARLEY_CRASH_SEED);
  return Number.isInteger(n) ? (n ^ ciSeed) >>> 0 : ciSeed;
}

/** Test timeouts grow with the rounds asked for: about `msPerRound` each on a loaded two-core machine. */
export function crashTimeout(rounds: number, msPerRound: number): number {
  return Math.max(120_000, rounds * msPerRound);
}

/**
 * Whether to run another round: the rounds asked for, then more (up to three times as many) until the rounds have
 * met every outcome the test means to cover. Kill moments are random, so a few rounds can all land alike; the test
 * then fails only if three times the rounds still miss an outcome.
 */
export function anotherRound(round: number, rounds: number, covered: boolean): boolean {
  return round < rounds || (!covered && round < 3 * rounds);
}
