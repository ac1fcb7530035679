// A separate process that writes to a case file, for the durability tests (bundled by writer-process.ts). It prints
// a line for a change only after the call that made it has returned, so every line printed is a change the file
// must keep, whatever happens to this process next.
//   node case-writer.cjs crash <case file> <data folder>   notes and issue updates until killed
//   node case-writer.cjs fill <case file> <data folder>    attachments until the disk says no, then stops
//   node case-writer.cjs edit <case file> <data folder>    opens the file for editing, tries one note, says how each went
//   node case-writer.cjs encrypt|rekey|decrypt <case file> <data folder> [posix|windows]   changes the file's key
//                                                          (passphrases.ts); given a way to swap the new file in
//                                                          (db/rewrite.ts SwapMode), through the core with that way
//   node case-writer.cjs cycle <case file> <data folder>   opens, writes a few notes, closes, over and over until killed
//   node case-writer.cjs contend <case file> <data folder>  the same, opening with whichever key opens the file now,
//                                                          and saying "refused <code>" when an open is refused
//   node case-writer.cjs import <export.json> <data folder> <target>   imports an export into a new case file
import crypto from 'node:crypto';
import fs from 'node:fs';
import { dispatch } from '../../../electron/core/api/dispatcher.js';
import { rewriteWithKey, type KeyChange, type SwapMode } from '../../../electron/core/db/rewrite.js';
import { toParleyError } from '../../../electron/core/errors.js';
import { Session } from '../../../electron/core/session.js';
import { FIRST_PASSPHRASE, SECOND_PASSPHRASE } from './passphrases.js';

const [mode, file, dataDir] = process.argv.slice(2) as [string, string, string];
const session = new Session({ dataDir, actor: 'Case writer' });
// Written straight to the pipe, unbuffered: once a line is out, the parent has it even if we are killed.
const say = (line: string) => fs.writeSync(1, `${line}\n`);

function call(name: string, input: unknown): Record<string, unknown> {
  const res = dispatch(session, name, input, () => {});
  if (!res.ok) throw Object.assign(new Error(res.error.message), { code: res.error.code });
  return res.data as Record<string, unknown>;
}

/** "ok", or the error code the call failed with. */
function outcome(name: string, input: unknown): string {
  const res = dispatch(session, name, input, () => {});
  return res.ok ? 'ok' : res.error.code;
}

function openWithIssue(): { caseId: string; issueId: string } {
  const caseId = call('case.open', { path: file }).caseId as string;
  const issue = call('issue.create', { caseId, fields: { title: 'Scope', priority: 'high', status: 'open' } });
  say(`issue ${issue.id as string} ${issue.version as number}`);
  return { caseId, issueId: issue.id as string };
}

function crash(): void {
  const { caseId, issueId } = openWithIssue();
  for (let i = 0; ; i++) {
    const note = call('note.create', { caseId, fields: { body: `Note ${i}: ${'the ministry position on carve-outs '.repeat(1 + (i % 20))}` } });
    say(`note ${note.id as string}`);
    if (i % 3 === 0) {
      const updated = call('issue.update', { caseId, id: issueId, changes: { ourOpening: `Opening ${i}` }, reason: `round ${i}` });
      say(`issue ${updated.id as string} ${updated.version as number}`);
    }
  }
}

function fill(): void {
  const { caseId } = openWithIssue();
  // A file size limit stops writes with EFBIG; without a handler the kernel's SIGXFSZ would kill us instead.
  process.on('SIGXFSZ', () => {});
  try {
    for (let i = 0; i < 1_000; i++) {
      const bytes = crypto.randomBytes(256 * 1024);
      const a = call('attachment.add', { caseId, name: `scan-${i}.png`, mediaType: 'image/png', dataBase64: bytes.toString('base64') });
      say(`attachment ${a.id as string} ${a.sha256 as string}`);
    }
    say('never-full');
  } catch (err) {
    say(`error ${(err as { code?: string }).code ?? 'none'}`);
    // The case stays open and readable after a failed write.
    const info = call('case.info', { caseId });
    say(`still-open ${(info.counts as Record<string, number>).attachment}`);
  }
}

function edit(): void {
  const opened = dispatch(session, 'case.open', { path: file }, () => {});
  say(`open ${opened.ok ? 'ok' : opened.error.code}`);
  if (!opened.ok) return;
  const { caseId } = opened.data as { caseId: string };
  say(`note ${outcome('note.create', { caseId, fields: { body: 'A note' } })}`);
}

function changeKey(op: 'case.encrypt' | 'case.rekey' | 'case.decrypt', input: Record<string, string>): () => void {
  return () => {
    say('started');
    const swap = process.argv[5] as SwapMode | undefined;
    const result = swap ? changeKeyTheWay(swap, op, input) : outcome(op, { path: file, ...input });
    say(result === 'ok' ? 'done' : `refused ${result}`);
  };
}

/** The same change as `op`, made by the core's key change with the given way of swapping the new file in. */
function changeKeyTheWay(swap: SwapMode, op: string, input: Record<string, string>): string {
  const change = op.slice('case.'.length) as KeyChange;
  const to = change === 'encrypt' ? input.passphrase! : change === 'rekey' ? input.newPassphrase! : null;
  try {
    rewriteWithKey(file, change, change === 'encrypt' ? null : input.passphrase!, to, swap);
    return 'ok';
  } catch (err) {
    return toParleyError(err).code;
  }
}

/** Every key the key-change tests use, in the order to try them: the file may be plain, FIRST's or SECOND's. */
const KEYS = [undefined, FIRST_PASSPHRASE, SECOND_PASSPHRASE];

/** Opens the case for editing with whichever key opens it; the error code of the last try if none does. */
function openWithAnyKey(): { caseId: string } | { refused: string } {
  let last = '';
  for (const passphrase of KEYS) {
    const res = dispatch(session, 'case.open', { path: file, passphrase }, () => {});
    if (res.ok) return res.data as { caseId: string };
    last = res.error.code;
    if (last !== 'passphrase_required' && last !== 'wrong_passphrase') break;
  }
  return { refused: last };
}

/**
 * Opens, writes, closes, again and again: killed at a random moment, the kill falls in an open (its checks, the
 * switch to WAL), a write, or a close (the checkpoint, the switch back to a rollback journal). With `tolerant`, a
 * refused open is said and tried again (another process holds the file), and every open tries each key.
 */
function cycle(tolerant: boolean): () => void {
  return () => {
    for (let round = 0; ; round++) {
      const opened = tolerant ? openWithAnyKey() : { caseId: call('case.open', { path: file }).caseId as string };
      if ('refused' in opened) {
        say(`refused ${opened.refused}`);
        continue;
      }
      say(`open ${round}`);
      for (let i = 0; i < 1 + (round % 4); i++) {
        const note = call('note.create', { caseId: opened.caseId, fields: { body: `Round ${round}, note ${i}: ${'the carve-out for allied suppliers '.repeat(1 + (i % 7))}` } });
        say(`note ${note.id as string}`);
      }
      say(`closing ${round}`);
      call('case.close', { caseId: opened.caseId });
      say(`closed ${round}`);
    }
  };
}

function importInto(): void {
  const target = process.argv[5]!;
  say('started');
  const info = call('case.import', { path: target, data: JSON.parse(fs.readFileSync(file, 'utf8')) as unknown });
  say(`imported ${info.caseId as string}`);
}

const MODES: Record<string, () => void> = {
  crash, fill, edit, cycle: cycle(false), contend: cycle(true), import: importInto,
  encrypt: changeKey('case.encrypt', { passphrase: FIRST_PASSPHRASE }),
  rekey: changeKey('case.rekey', { passphrase: FIRST_PASSPHRASE, newPassphrase: SECOND_PASSPHRASE }),
  decrypt: changeKey('case.decrypt', { passphrase: FIRST_PASSPHRASE }),
};
MODES[mode]!();
session.closeAll();
