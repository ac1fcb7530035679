// `node dist/bench/run.cjs --attachments-only`: attachments' text, read in a worker thread (electron/core/attachments/).
// (a) A small update (note.update through the dispatcher) timed while a 20 MB PDF's text is being read, against the
// same update with nothing being read, in one case file: reading must not hold up the calls a person makes meanwhile.
// (b) library.search over the bench library's 200 case files, each with a PDF and a text file attached whose text is
// read and indexed, against the cross-case search target.
import fs from 'node:fs';
import path from 'node:path';
import type { CaseInfo } from '../shared/api-types.js';
import { Session } from '../electron/core/session.js';
import { largePdf, pdfWithText } from '../test/support/pdf-files.js';
import { ACTOR, COMMON_WORD, RARE_WORD, call, type Manifest } from './fixtures.js';
import { measure, summarize, time, type Row } from './stats.js';
import { TextGen } from './text.js';

type Log = (line: string) => void;

const IDLE_UPDATES = 100;
const LIBRARY_ROUNDS = 15;
/** A word only the attachments hold: in one file's PDF of the 200. */
const ATTACHMENT_WORD = 'ultracentrifuge';

export async function benchAttachments(m: Manifest, runDir: string, log: Log, rows: Row[], diagnostics: Row[]): Promise<void> {
  await benchCallsWhileReading(runDir, log, rows, diagnostics);
  await benchLibraryWithAttachments(m, runDir, log, rows);
}

/** (a): one update at a time from the event loop, as typing saves arrive, while the worker reads a 20 MB PDF. */
async function benchCallsWhileReading(runDir: string, log: Log, rows: Row[], diagnostics: Row[]): Promise<void> {
  const session = new Session({ dataDir: path.join(runDir, 'attachments-data'), actor: ACTOR });
  try {
    const { caseId } = call<CaseInfo>(session, 'case.create', { path: path.join(runDir, 'attachments.parley'), directive: { title: 'Attachments bench', status: 'received' } });
    const note = call<{ id: string }>(session, 'note.create', { caseId, fields: { body: 'Typed while a large exhibit is read' } });
    let n = 0;
    const update = () => call(session, 'note.update', { caseId, id: note.id, changes: { body: `Typed while a large exhibit is read (${++n})` } });

    const idle: number[] = [];
    for (let i = 0; i < IDLE_UPDATES; i++) {
      idle.push(time(update));
      await pause();
    }
    rows.push({ metric: 'note.update, nothing being read', s: summarize(idle), note: '(compare the next row)' });

    const pdf = largePdf(20 * 1024 * 1024, `The ${ATTACHMENT_WORD} is listed in Annex IV.`);
    const addMs = time(() => call(session, 'attachment.add', { caseId, name: 'Exhibit 4.pdf', mediaType: 'application/pdf', dataBase64: pdf.toString('base64') }));
    const [attachment] = call<{ id: string }[]>(session, 'attachment.list', { caseId });
    const pending = () => call<{ textStatus: string }>(session, 'attachment.textState', { caseId, id: attachment!.id }).textStatus === 'pending';
    const reading: number[] = [];
    const started = Date.now();
    while (pending()) {
      reading.push(time(update));
      await pause();
    }
    const readMs = Date.now() - started;
    await session.get(caseId).textsRead();
    log(`  a ${(pdf.length / 1e6).toFixed(1)} MB PDF: attachment.add answered in ${addMs.toFixed(0)} ms; its text read and written in ${(readMs / 1000).toFixed(1)} s, during which ${reading.length} updates were answered`);
    rows.push({ metric: 'note.update while a 20 MB PDF is read', s: summarize(reading), note: '(no target set: compare the row above)' });
    diagnostics.push({ metric: 'attachment.add of a 20 MB PDF (answers before its text is read)', s: summarize([addMs]) });
  } finally {
    session.closeAll();
  }
}

/** Lets the worker's answer and timers in, as the gaps between keystrokes do. */
function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 2));
}

/** (b): the bench library copied, a PDF and a text file attached to each file and read, then library.search. */
async function benchLibraryWithAttachments(m: Manifest, runDir: string, log: Log, rows: Row[]): Promise<void> {
  const source = new Session({ dataDir: m.library.dataDir, actor: ACTOR });
  const files = source.library.paths();
  source.closeAll();
  const dir = path.join(runDir, 'library-with-attachments');
  fs.mkdirSync(dir);
  const session = new Session({ dataDir: path.join(dir, 'data'), actor: ACTOR });
  const gen = new TextGen(4711);
  const started = Date.now();
  let characters = 0;
  try {
    for (const [i, file] of files.entries()) {
      const copy = path.join(dir, path.basename(file));
      fs.copyFileSync(file, copy);
      const { caseId } = call<CaseInfo>(session, 'case.open', { path: copy });
      const pages = Array.from({ length: 8 }, () => gen.sentences(20, 30));
      if (i === 100) pages[3] += ` The ${ATTACHMENT_WORD} is listed in Annex IV.`;
      const notes = gen.sentences(60, 90);
      characters += pages.join('').length + notes.length;
      call(session, 'attachment.add', { caseId, name: `Exhibit ${i + 1}.pdf`, mediaType: 'application/pdf', dataBase64: pdfWithText({ pages: pages.length, pageText: (p) => pages[p - 1]! }).toString('base64') });
      call(session, 'attachment.add', { caseId, name: `Call notes ${i + 1}.txt`, mediaType: 'text/plain', dataBase64: Buffer.from(notes).toString('base64') });
      await session.get(caseId).textsRead();
      call(session, 'case.close', { caseId });
    }
    log(`  library: ${files.length} case files copied, each with a PDF and a text file attached (${(characters / 1e6).toFixed(1)} million characters of text in all), read and indexed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    for (const [label, q] of [['common word', COMMON_WORD], ['rare word', RARE_WORD], ['word only in one PDF', ATTACHMENT_WORD]] as const) {
      const hits = call<{ kind: string }[]>(session, 'library.search', { query: q });
      log(`  library.search "${q}" with attachments: ${hits.length} returned, ${hits.filter((h) => h.kind === 'attachment').length} of them attachments`);
      rows.push({ metric: `library.search with attachments: ${label} ("${q}")`, s: measure(LIBRARY_ROUNDS, () => call(session, 'library.search', { query: q })), target: { limit: 200, unit: 'ms' } });
    }
  } finally {
    session.closeAll();
  }
}
