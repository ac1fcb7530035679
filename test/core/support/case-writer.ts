// A separate process that writes to a case file, for the durability tests (bundled by writer-process.ts). It prints
// a line for a change only after the call that made it has returned, so every line printed is a change the file
// must keep, whatever happens to this process next.
//   node case-writer.cjs crash <case file> <data folder>   notes and issue updates until killed
//   node case-writer.cjs fill <case file> <data folder>    attachments until the disk says no, then stops
//   node case-writer.cjs edit <case file> <data folder>    opens the file for editing, tries one note, says how each went
//   node case-writer.cjs encrypt|rekey|decrypt <case file> <data folder>   changes the file's key (passphrases.ts)
import crypto from 'node:crypto';
import fs from 'node:fs';
import { dispatch } from '../../../electron/core/api/dispatcher.js';
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
      const a = call('attachment.add', { caseId, name: `scan-${i}.bin`, mediaType: 'application/octet-stream', dataBase64: bytes.toString('base64') });
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
    call(op, { path: file, ...input });
    say('done');
  };
}

const MODES: Record<string, () => void> = {
  crash, fill, edit,
  encrypt: changeKey('case.encrypt', { passphrase: FIRST_PASSPHRASE }),
  rekey: changeKey('case.rekey', { passphrase: FIRST_PASSPHRASE, newPassphrase: SECOND_PASSPHRASE }),
  decrypt: changeKey('case.decrypt', { passphrase: FIRST_PASSPHRASE }),
};
MODES[mode]!();
session.closeAll();
