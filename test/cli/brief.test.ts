// `parley brief --shareable` as a user runs it: the built command line in a child process, always with its own
// --data folder, on the sample case `parley demo` writes. In every format the shareable brief carries none of the
// sample's internal texts, no record id and no parley: address; the internal brief of the same meeting carries them.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KINDS, KIND_NAMES } from '../../shared/records.js';
import { testApi } from '../helpers.js';
import { expectFailure, expectOk, sampleCaseRunner, type ParleyRunner } from './support/parley.js';

let parley: ParleyRunner;
let sample: string;
let data: string;
let meetingId: string;
/** The sample's texts that are ours alone, and every id it holds. */
let internalTexts: string[];
let ids: string[];

/** The words a reader sees: tags gone, entities read, and no whitespace (a PDF or Word table may break a line anywhere). */
function plain(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!&|<>~])/g, '$1') // Markdown's escapes
    .replace(/&quot;/g, '"').replace(/&#0*39;|&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
    .replace(/\s+/g, '');
}
const squeezed = (s: string) => s.replace(/\s+/g, '');

/** Whether a record is ours as a whole, in the domain guide's words (not by asking the code under test). */
function wholeInternal(kind: string, r: Record<string, unknown>): boolean {
  return kind === 'batna' || kind === 'concession' || kind === 'attachment' || kind === 'draft' || kind === 'draftRevision'
    || (kind === 'note' && r.internal === true) || (kind === 'deadline' && r.deadlineKind === 'internal')
    || (kind === 'link' && (r.linkType === 'supports' || r.linkType === 'undermines')) || (kind === 'precedent' && r.precedentType === 'case_file');
}

beforeAll(async () => {
  ({ parley, data, sample } = await sampleCaseRunner());

  // Read the sample through the core, as any reader of the file would.
  const api = testApi();
  const { caseId } = api.call('case.open', { path: sample, readOnly: true });
  const records = api.call('case.export', { caseId, includeAttachments: false }).records as Record<string, Record<string, unknown>[]>;
  ids = [caseId];
  const internal: string[] = [];
  const shared: string[] = [];
  for (const kind of KIND_NAMES) {
    for (const r of records[kind] ?? []) {
      ids.push(r.id as string);
      if (r.deletedAt) continue;
      for (const [field, def] of Object.entries(KINDS[kind].fields) as [string, { share: string; search?: boolean }][]) {
        if (!def.search) continue;
        const values = Array.isArray(r[field]) ? (r[field] as unknown[]) : [r[field]];
        const into = wholeInternal(kind, r) || def.share === 'internal' ? internal : shared;
        for (const v of values) if (typeof v === 'string') into.push(v.trim());
      }
    }
  }
  // Texts long enough to be the sample's own words, and not said in a shareable field too (an event's source,
  // "Senate floor statement", is also in a public precedent's citation).
  internalTexts = internal.filter((t) => t.length >= 16 && !shared.some((s) => s.includes(t)));
  api.call('case.close', { caseId });
  const meetings = parley.run(['brief', sample, '--data', data, '--json']).json<{ id: string; status: string }[]>();
  meetingId = (meetings.find((m) => m.status === 'planned') ?? meetings[0]!).id;
}, 120_000);
afterAll(() => parley?.cleanUp());

/** Writes the brief with the command line and returns what a reader sees of it. */
function brief(format: 'md' | 'html' | 'pdf' | 'docx', shareable: boolean): string {
  const out = parley.file(`brief-${shareable ? 'shareable' : 'internal'}.${format}`);
  const run = expectOk(parley.run(['brief', sample, '--meeting', meetingId, '--format', format, '-o', out, '--force', '--data', data, ...(shareable ? ['--shareable'] : [])]));
  expect(run.stdout).toContain(`Wrote the ${shareable ? 'shareable ' : ''}brief to`);
  if (format === 'pdf') return execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (format === 'docx') return execFileSync('unzip', ['-p', out, 'word/*.xml'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return fs.readFileSync(out, 'utf8');
}

describe('parley brief --shareable', () => {
  it('reads a sample with internal texts of every sort to look for', () => {
    expect(internalTexts.length).toBeGreaterThanOrEqual(15);
    expect(ids.length).toBeGreaterThanOrEqual(30);
  });

  it.each(['md', 'html', 'pdf', 'docx'] as const)('as %s carries no internal text, record id or parley: address; the internal brief carries them', (format) => {
    const shareable = brief(format, true);
    const seen = plain(shareable);
    expect(internalTexts.filter((t) => seen.includes(squeezed(t)))).toEqual([]);
    expect(ids.filter((id) => shareable.includes(id) || seen.includes(id))).toEqual([]);
    expect(shareable.toLowerCase()).not.toContain('parley:');
    for (const word of ['Walk-away', 'BATNA', 'Questions to ask', 'Why it matters', 'What it would change']) expect(seen, word).not.toContain(squeezed(word));
    expect(seen).toContain(squeezed('Shareable version'));

    // The internal brief of the same meeting: the texts its sections show are there, so the check above can fail.
    const written = brief(format, false);
    const internal = plain(written);
    if (format === 'md' || format === 'html') expect(written).toMatch(/parley:\/\/record\//);
    const shown = internalTexts.filter((t) => internal.includes(squeezed(t)));
    expect(shown.length).toBeGreaterThanOrEqual(10);
    for (const word of ['Walk-away', 'Questions to ask']) expect(internal, word).toContain(squeezed(word));
  }, 120_000);

  it('leaves out the sections named with --leave-out, and refuses one it does not know', () => {
    const out = parley.file('left-out.md');
    expectOk(parley.run(['brief', sample, '--meeting', meetingId, '--shareable', '--leave-out', 'watch,precedents', '-o', out, '--data', data]));
    const md = fs.readFileSync(out, 'utf8');
    expect(md).toContain('Attendees and roles');
    expect(md).not.toContain('Watch items');
    expect(md).not.toContain('## Precedents');
    expectFailure(parley.run(['brief', sample, '--meeting', meetingId, '--leave-out', 'watch,secrets', '-o', parley.file('x.md'), '--data', data]), 2, /--leave-out takes sections among .*; not secrets/);
    expect(fs.existsSync(parley.file('x.md'))).toBe(false);
  });

  it('takes the start of the meeting\'s id for --meeting, and says when no meeting\'s id starts so', () => {
    const out = parley.file('by-prefix.md');
    expectOk(parley.run(['brief', sample, '--meeting', meetingId.slice(0, 8), '-o', out, '--data', data]));
    expect(fs.readFileSync(out, 'utf8')).toContain('Attendees and roles');
    expectFailure(parley.run(['brief', sample, '--meeting', '0000-', '-o', parley.file('y.md'), '--data', data]), 1, /No meeting id in this case starts with 0000-\./);
  });
});
