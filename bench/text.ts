// Deterministic, plausible text for the fixtures: a seeded generator and a small vocabulary of the domain, drawn
// with a skew so that a few words are in almost every record (a "common" search) and most are not.

/** mulberry32: a small seeded PRNG, so every run generates the same fixtures. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Most frequent first: the first word ("export") appears in nearly every generated note. */
export const WORDS = [
  'export', 'licence', 'ministry', 'suspension', 'order', 'counsel', 'agency', 'review', 'deadline', 'compliance',
  'tariff', 'quota', 'exemption', 'carve-out', 'allied', 'capability', 'tier', 'shipment', 'customs', 'notice',
  'hearing', 'appeal', 'statute', 'regulation', 'authority', 'delegation', 'position', 'proposal', 'draft', 'letter',
  'memorandum', 'minister', 'official', 'industry', 'association', 'supplier', 'contract', 'penalty', 'waiver',
  'extension', 'schedule', 'consultation', 'evidence', 'assessment', 'impact', 'jobs', 'investment', 'plant',
  'semiconductor', 'battery', 'graphite', 'lithium', 'gallium', 'germanium', 'rare', 'earth', 'magnet', 'refinery',
  'transit', 'port', 'border', 'inspection', 'audit', 'reporting', 'threshold', 'volume', 'value', 'quarter',
  'monthly', 'annual', 'pending', 'urgent', 'confidential', 'informal', 'formal', 'written', 'oral', 'briefing',
  'agenda', 'meeting', 'follow-up', 'commitment', 'concession', 'leverage', 'precedent', 'tribunal', 'court',
  'judicial', 'procedural', 'substantive', 'proportionality', 'necessity', 'security', 'interest', 'public',
  'stakeholder', 'parliament', 'committee', 'press', 'statement', 'announcement', 'timeline', 'phase', 'transition',
  'grandfather', 'clause', 'scope', 'definition', 'end-user', 'certificate', 'verification', 'monitoring',
  'sanction', 'retaliation', 'trade', 'partner', 'bilateral', 'framework', 'settlement', 'withdrawal', 'mediation',
];

const VERBS = [
  'proposed', 'rejected', 'accepted', 'questioned', 'signalled', 'confirmed', 'raised', 'deferred', 'requested',
  'offered', 'disputed', 'noted', 'clarified', 'withdrew', 'revised',
];

export class TextGen {
  private readonly r: () => number;

  constructor(seed: number) {
    this.r = rng(seed);
  }

  next(): number {
    return this.r();
  }

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.r() * items.length)]!;
  }

  /** A vocabulary word, skewed toward the front of the list. */
  word(): string {
    const x = this.r();
    return WORDS[Math.floor(WORDS.length * x * x)]!;
  }

  sentence(min = 8, max = 16): string {
    const n = this.int(min, max);
    const words: string[] = [];
    for (let i = 0; i < n; i++) words.push(i === Math.floor(n / 2) ? this.pick(VERBS) : this.word());
    const s = words.join(' ');
    return s[0]!.toUpperCase() + s.slice(1) + '.';
  }

  sentences(min: number, max: number): string {
    const n = this.int(min, max);
    return Array.from({ length: n }, () => this.sentence()).join(' ');
  }

  title(min = 3, max = 7): string {
    const n = this.int(min, max);
    const s = Array.from({ length: n }, () => this.word()).join(' ');
    return s[0]!.toUpperCase() + s.slice(1);
  }
}

/** ISO date `days` after a base ISO date. */
export function addDaysIso(base: string, days: number): string {
  const [y, m, d] = base.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
