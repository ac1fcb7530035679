// The cost of encryption at rest: open, edit and search on an encrypted and a plain copy of the same case file, in
// the same run, alternating between the two call by call so that both meet the same machine load (and taking turns
// at going first); reported as ratios, and judged against the targets: an encrypted open costs at most one key
// derivation (timed alone, in the same rounds) plus 1.5 times the plain open, an edit and a search at most 1.2 times.
import fs from 'node:fs';
import path from 'node:path';
import type { CaseInfo } from '../shared/api-types.js';
import { CaseFile } from '../electron/core/case-file.js';
import { FileKey } from '../electron/core/db/encryption.js';
import { rewriteWithKey } from '../electron/core/db/rewrite.js';
import { Session } from '../electron/core/session.js';
import { ACTOR, COMMON_WORD, RARE_WORD, call } from './fixtures.js';
import { ms, summarize, table, time, type Row, type Summary } from './stats.js';
import { TextGen } from './text.js';

const PASSPHRASE = 'benchmark passphrase, not a secret';
const OPEN_ROUNDS = 20;
const EDITS = 200;
const SEARCH_ROUNDS = 40;
/** The targets: an encrypted open within one key derivation plus this many plain opens; edit and search ratios. */
const OPEN_FACTOR = 1.5;
const EDIT_RATIO = 1.2;
const SEARCH_RATIO = 1.2;

type Variant = 'plain' | 'encrypted';
interface Pair {
  metric: string;
  plain: Summary;
  encrypted: Summary;
}

/**
 * Runs `fn` for both variants in turn, `rounds` times each after a warm-up, and keeps the two sets of timings. The
 * variants take turns at going first, so that neither always follows the other's sync. `betweenRounds` runs after
 * each timed round, outside the timings.
 */
function alternate(metric: string, rounds: number, fn: (variant: Variant, round: number) => void, warmup = 2, betweenRounds?: () => void): Pair {
  const samples: Record<Variant, number[]> = { plain: [], encrypted: [] };
  for (let i = -warmup; i < rounds; i++) {
    for (const variant of i % 2 === 0 ? (['plain', 'encrypted'] as const) : (['encrypted', 'plain'] as const)) {
      const t = time(() => fn(variant, i));
      if (i >= 0) samples[variant].push(t);
    }
    if (i >= 0) betweenRounds?.();
  }
  return { metric, plain: summarize(samples.plain), encrypted: summarize(samples.encrypted) };
}

/**
 * `source` is a closed case file (the big one); it is copied twice into `runDir`, and one copy is encrypted with
 * the product's own code (rewriteWithKey), so both hold exactly the same case.
 */
export function benchEncryption(source: string, runDir: string, log: (line: string) => void, rows: Row[], diagnostics: Row[]): void {
  log('');
  log('encryption: the same case file plain and encrypted (SQLCipher 4: AES-256 + HMAC-SHA512 per page, PBKDF2-SHA512 256,000 rounds)');
  const files: Record<Variant, string> = { plain: path.join(runDir, 'enc-bench-plain.parley'), encrypted: path.join(runDir, 'enc-bench-encrypted.parley') };
  for (const f of Object.values(files)) fs.copyFileSync(source, f);
  const encrypting = time(() => rewriteWithKey(files.encrypted, 'encrypt', null, PASSPHRASE));
  const size = (v: Variant) => `${(fs.statSync(files[v]).size / 1e6).toFixed(1)} MB`;
  log(`  encrypting the copy (case.encrypt: copy, verify, rename) took ${ms(encrypting)}; plain ${size('plain')}, encrypted ${size('encrypted')}`);
  const passphrase = (v: Variant) => (v === 'encrypted' ? PASSPHRASE : undefined);

  // Two sessions: the copies hold the same case, and one session opens one copy of a case at a time.
  const sessions: Record<Variant, Session> = {
    plain: new Session({ dataDir: path.join(runDir, 'enc-bench-plain-data'), actor: ACTOR }),
    encrypted: new Session({ dataDir: path.join(runDir, 'enc-bench-encrypted-data'), actor: ACTOR }),
  };
  const open = (v: Variant) => call<CaseInfo>(sessions[v], 'case.open', { path: files[v], passphrase: passphrase(v) }).caseId;
  const pairs: Pair[] = [];
  // The key derivation alone (the product's own, PBKDF2-HMAC-SHA512 with 256,000 iterations over the file's salt),
  // timed in the same rounds as the opens so that it meets the same load.
  const derivations: number[] = [];
  const opens = alternate('open + close (case.open, check skipped as unchanged)', OPEN_ROUNDS, (v) => call(sessions[v], 'case.close', { caseId: open(v) }), 2, () => {
    derivations.push(time(() => FileKey.of(files.encrypted, PASSPHRASE)));
  });
  pairs.push(opens);
  const kdf = summarize(derivations);
  pairs.push(alternate('open + close with quick_check (CaseFile.open)', OPEN_ROUNDS, (v) => CaseFile.open(files[v], { passphrase: passphrase(v) }).close(), 1));

  const caseIds = { plain: open('plain'), encrypted: open('encrypted') };
  const deadlineIds = sessions.plain.get(caseIds.plain).connection.prepare('SELECT id FROM deadline WHERE deleted_at IS NULL ORDER BY id').pluck().all() as string[];
  // Both copies get the same change in each round (the same record, the same new title), so the same work.
  const g = new TextGen(11);
  const WARMUP_EDITS = 5;
  const titles = Array.from({ length: WARMUP_EDITS + EDITS }, (_, i) => `${g.title()} #${i}`);
  const edits = alternate('edit: deadline.update (record+audit+index)', EDITS, (v, i) => {
    call(sessions[v], 'deadline.update', { caseId: caseIds[v], id: deadlineIds[Math.abs(i * 7919) % deadlineIds.length], changes: { title: titles[i + WARMUP_EDITS] } });
  }, WARMUP_EDITS);
  pairs.push(edits);
  const searches = ([['common word', COMMON_WORD], ['rare word', RARE_WORD]] as const).map(([label, query]) =>
    alternate(`search: ${label} ("${query}")`, SEARCH_ROUNDS, (v) => call(sessions[v], 'case.search', { caseId: caseIds[v], query }), 3));
  pairs.push(...searches);
  for (const s of Object.values(sessions)) s.closeAll();

  const limit = kdf.p95 + OPEN_FACTOR * opens.plain.p95;
  rows.push({
    metric: `encrypted open, check skipped (case.open + close) <= key derivation + ${OPEN_FACTOR}x plain`,
    s: opens.encrypted,
    target: { limit, unit: 'ms' },
    note: `(limit: ${ms(kdf.p95)} + ${OPEN_FACTOR} x ${ms(opens.plain.p95)}, p95s)`,
  });
  rows.push({ metric: 'encrypted / plain edit (deadline.update)', s: ratio(edits), target: { limit: EDIT_RATIO, unit: 'x' } });
  for (const search of searches) rows.push({ metric: `encrypted / plain ${search.metric}`, s: ratio(search), target: { limit: SEARCH_RATIO, unit: 'x' } });
  diagnostics.push({ metric: 'key derivation alone (PBKDF2-HMAC-SHA512, 256,000 iterations)', s: kdf });
  diagnostics.push({ metric: 'plain open, check skipped (case.open + close)', s: opens.plain });

  log(table(
    ['metric', 'plain p50', 'encrypted p50', 'ratio p50', 'plain p95', 'encrypted p95', 'ratio p95', 'n'],
    pairs.map((p) => [
      p.metric, ms(p.plain.p50), ms(p.encrypted.p50), `${(p.encrypted.p50 / p.plain.p50).toFixed(2)}x`,
      ms(p.plain.p95), ms(p.encrypted.p95), `${(p.encrypted.p95 / p.plain.p95).toFixed(2)}x`, String(p.plain.n),
    ]),
  ));
  log(`  key derivation alone: p50 ${ms(kdf.p50)}, p95 ${ms(kdf.p95)} (${kdf.n} rounds, between the opens)`);
}

/** The encrypted variant's p50 and p95 over the plain one's. */
function ratio(p: Pair): Summary {
  return { ...p.encrypted, p50: p.encrypted.p50 / p.plain.p50, p95: p.encrypted.p95 / p.plain.p95 };
}
