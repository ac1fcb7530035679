// `npm run soak [-- --minutes N --rounds R]`: the crash tests (SIGKILL at random points of open, write, close,
// encrypt, rekey, decrypt and import, and key changes racing another writer) run again and again, each run with a
// new seed and R rounds per test, until N minutes have passed. CI runs the same tests once, with fixed seeds. A
// failure prints the seed that replays it and stops with exit status 1.
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';

const SUITES = [
  'test/core/crash-points.test.ts',
  'test/core/durability.test.ts',
  'test/core/encryption-durability.test.ts',
  'test/core/key-change-race.test.ts',
];

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`soak: --${name} takes a positive number`);
    process.exit(2);
  }
  return value;
}

const minutes = option('minutes', 10);
const rounds = option('rounds', 40);
const until = Date.now() + minutes * 60_000;
let runs = 0;
console.log(`soak: ${rounds} rounds per test, until ${new Date(until).toLocaleTimeString()} (${minutes} min)`);
while (Date.now() < until) {
  const seed = randomInt(2 ** 31);
  runs += 1;
  const started = Date.now();
  const env = { ...process.env, PARLEY_CRASH_SEED: String(seed), PARLEY_CRASH_ROUNDS: String(rounds) };
  const res = spawnSync('npx', ['vitest', 'run', ...SUITES], { env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  const seconds = Math.round((Date.now() - started) / 1000);
  const figures = (res.stdout.match(/^.*(crash points|import kills).*$/gm) ?? []).map((l) => `  ${l.trim()}`);
  if (res.status !== 0) {
    console.log(res.stdout.slice(-6000));
    console.error(res.stderr.slice(-2000));
    console.error(`soak: run ${runs} FAILED after ${seconds} s. Replay it with:\n  PARLEY_CRASH_SEED=${seed} PARLEY_CRASH_ROUNDS=${rounds} npx vitest run ${SUITES.join(' ')}`);
    process.exit(1);
  }
  console.log(`soak: run ${runs} (seed ${seed}) passed in ${seconds} s`);
  for (const line of figures) console.log(line);
}
console.log(`soak: ${runs} runs, no committed change lost, no good file refused, verify passed after every kill`);
