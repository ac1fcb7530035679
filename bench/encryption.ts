// The cost of encryption at rest: open, edit and search on an encrypted and a plain copy of the same case file, in
// the same run, alternating between the two so that both meet the same machine load; reported as ratios.
import fs from 'node:fs';
import path from 'node:path';
import type { CaseInfo } from '../shared/api-types.js';
import { CaseFile } from '../electron/core/case-file.js';
import { rewriteWithKey } from '../electron/core/db/rewrite.js';
import { Session } from '../electron/core/session.js';
import { ACTOR, COMMON_WORD, RARE_WORD, call } from './fixtures.js';
import { ms, summarize, table, time, type Summary } from './stats.js';
import { TextGen } from './text.js';

const PASSPHRASE = 'benchmark passphrase, not a secret';
const OPEN_ROUNDS = 10;
const EDITS = 100;
const SEARCH_ROUNDS = 20;

type Variant = 'plain' | 'encrypted';
interface Pair {
  metric: string;
  plain: Summary;
  encrypted: Summary;
}

/** Runs `fn` for both variants in turn, `rounds` times each after a warm-up, and keeps the two sets of timings. */
function alternate(metric: string, rounds: number, fn: (variant: Variant, round: number) => void, warmup = 2): Pair {
  const samples: Record<Variant, number[]> = { plain: [], encrypted: [] };
  for (let i = -warmup; i < rounds; i++) {
    for (const variant of ['plain', 'encrypted'] as const) {
      const t = time(() => fn(variant, i));
      if (i >= 0) samples[variant].push(t);
    }
  }
  return { metric, plain: summarize(samples.plain), encrypted: summarize(samples.encrypted) };
}

/**
 * `source` is a closed case file (the big one); it is copied twice into `runDir`, and one copy is encrypted with
 * the product's own code (rewriteWithKey), so both hold exactly the same case.
 */
export function benchEncryption(source: string, runDir: string, log: (line: string) => void): void {
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
  pairs.push(alternate('open + close (case.open, check skipped as unchanged)', OPEN_ROUNDS, (v) => call(sessions[v], 'case.close', { caseId: open(v) })));
  pairs.push(alternate('open + close with quick_check (CaseFile.open)', OPEN_ROUNDS, (v) => CaseFile.open(files[v], { passphrase: passphrase(v) }).close(), 1));

  const caseIds = { plain: open('plain'), encrypted: open('encrypted') };
  const deadlineIds = sessions.plain.get(caseIds.plain).connection.prepare('SELECT id FROM deadline WHERE deleted_at IS NULL ORDER BY id').pluck().all() as string[];
  const g = new TextGen(11);
  pairs.push(alternate('edit: deadline.update (record+audit+index)', EDITS, (v, i) => {
    call(sessions[v], 'deadline.update', { caseId: caseIds[v], id: deadlineIds[Math.abs(i * 7919) % deadlineIds.length], changes: { title: `${g.title()} #${i}` } });
  }, 5));
  for (const [label, query] of [['common word', COMMON_WORD], ['rare word', RARE_WORD]] as const) {
    pairs.push(alternate(`search: ${label} ("${query}")`, SEARCH_ROUNDS, (v) => call(sessions[v], 'case.search', { caseId: caseIds[v], query }), 3));
  }
  for (const s of Object.values(sessions)) s.closeAll();

  log(table(
    ['metric', 'plain p50', 'encrypted p50', 'ratio p50', 'plain p95', 'encrypted p95', 'ratio p95', 'n'],
    pairs.map((p) => [
      p.metric, ms(p.plain.p50), ms(p.encrypted.p50), `${(p.encrypted.p50 / p.plain.p50).toFixed(2)}x`,
      ms(p.plain.p95), ms(p.encrypted.p95), `${(p.encrypted.p95 / p.plain.p95).toFixed(2)}x`, String(p.plain.n),
    ]),
  ));
}
