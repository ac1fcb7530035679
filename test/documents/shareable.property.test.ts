// The release check of what leaves the team: random cases (marked-case.ts) with a unique marker in every text that is
// ours alone, written through the real dispatcher, and every shareable artefact read back as a reader outside would
// read it. No marker, no record id of the case and no parley: address may reach any of them; the internal brief does
// carry the markers its sections show, so the check can fail. A fixed seed: a failure replays.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExportedFile } from '../../shared/contract.js';
import { testApi, type TestApi } from '../helpers.js';
import { casePlan, writeMarkedCase, type CasePlan, type MarkedCase } from './marked-case.js';

const run = promisify(execFile);
const SEED = 20261213;
const PASSPHRASE = 'a shareable copy passphrase';

/** What of `markers` and `ids` the text holds, and whether it holds a parley: address or a link type of ours. */
function leaks(text: string, c: MarkedCase, ids: readonly string[]): string[] {
  // Without whitespace too: a PDF or Word table may break a long word across lines.
  const flat = text.replace(/\s+/g, '');
  return [
    ...c.markers.filter((m) => text.includes(m) || flat.includes(m)),
    ...ids.filter((id) => text.includes(id)),
    ...['parley:', '(supports)', '(undermines)'].filter((s) => text.toLowerCase().includes(s)),
  ];
}

/** Every id the case holds (records of every kind, deleted or not, and the case itself). */
function idsOf(api: TestApi, caseId: string): string[] {
  const exported = api.call('case.export', { caseId, includeAttachments: false });
  return [caseId, ...Object.values(exported.records).flat().map((r) => r.id as string)];
}

async function exported(api: TestApi, input: Record<string, unknown>): Promise<Buffer> {
  const res = await api.rawAsync('brief.export', input);
  if (!res.ok) throw new Error(`brief.export: ${res.error.message}`);
  return Buffer.from((res.data as ExportedFile).dataBase64, 'base64');
}

let caseNumber = 0;
function markedCase(api: TestApi, plan: CasePlan): MarkedCase {
  caseNumber += 1;
  return writeMarkedCase(api, plan, caseNumber, path.join(api.dir, `case-${caseNumber}.parley`));
}

describe('what leaves the team', () => {
  it('carries no internal text, record id or parley: address in the shareable brief (document, Markdown, HTML) or the calendar, of 200 random cases; the internal brief carries them', async () => {
    const api = testApi();
    let copies = 0;
    await fc.assert(
      fc.asyncProperty(casePlan, async (plan) => {
        const c = markedCase(api, plan);
        const ids = idsOf(api, c.caseId);
        const input = { caseId: c.caseId, meetingId: c.meetingId };

        const shareable = {
          document: JSON.stringify(api.call('brief.build', { ...input, shareable: true })),
          markdown: (await exported(api, { ...input, shareable: true, format: 'md' })).toString('utf8'),
          html: (await exported(api, { ...input, shareable: true, format: 'html' })).toString('utf8'),
          calendar: api.call('calendar.ics', { caseIds: [c.caseId] }).text,
        };
        for (const [what, text] of Object.entries(shareable)) expect(leaks(text, c, ids), what).toEqual([]);

        // The same case's internal brief shows what its sections draw: the markers are where the check looks.
        const internal = (await exported(api, { ...input, format: 'md' })).toString('utf8');
        expect(c.inInternalBrief.filter((m) => !internal.includes(m)), 'internal brief').toEqual([]);

        // Now and then a shareable copy of the whole case: every byte of it, decrypted, searched.
        if (caseNumber % 20 === 1) {
          copies += 1;
          const copy = path.join(api.dir, `copy-${caseNumber}.parley`);
          api.call('case.exportForTransfer', { caseId: c.caseId, path: copy, passphrase: PASSPHRASE, shareable: true });
          api.call('case.decrypt', { path: copy, passphrase: PASSPHRASE });
          expect(leaks(fs.readFileSync(copy).toString('latin1'), c, ids), 'shareable copy').toEqual([]);
        }
        api.call('case.close', { caseId: c.caseId });
      }),
      { seed: SEED, numRuns: 200, endOnFailure: true },
    );
    expect(copies).toBeGreaterThanOrEqual(5);
  }, 300_000);

  it('carries none in the shareable brief as PDF (read with pdftotext) and Word (its XML), of a handful of random cases; the internal ones do', async () => {
    const api = testApi();
    const dir = api.dir;
    for (const plan of fc.sample(casePlan, { seed: SEED, numRuns: 5 })) {
      const c = markedCase(api, plan);
      const ids = idsOf(api, c.caseId);
      const input = { caseId: c.caseId, meetingId: c.meetingId };
      for (const shareable of [true, false]) {
        const pdf = path.join(dir, `brief-${caseNumber}-${shareable}.pdf`);
        fs.writeFileSync(pdf, await exported(api, { ...input, shareable, format: 'pdf' }));
        const pdfText = (await run('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { maxBuffer: 64 << 20 })).stdout;
        const docx = path.join(dir, `brief-${caseNumber}-${shareable}.docx`);
        fs.writeFileSync(docx, await exported(api, { ...input, shareable, format: 'docx' }));
        // Every part of the Word file: the document, its footnotes, headers and footers.
        const wordXml = (await run('unzip', ['-p', docx, 'word/*.xml'], { maxBuffer: 64 << 20 })).stdout;
        for (const [what, text] of Object.entries({ pdf: pdfText, word: wordXml })) {
          if (shareable) expect(leaks(text, c, ids), what).toEqual([]);
          else expect(c.inInternalBrief.filter((m) => !text.replace(/\s+/g, '').includes(m)), `internal ${what}`).toEqual([]);
        }
      }
      api.call('case.close', { caseId: c.caseId });
    }
  }, 300_000);
});
