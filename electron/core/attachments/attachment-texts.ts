// Reading attachments' text for search, off the thread that answers calls. attachment.add stores the file and answers
// at once with textStatus 'pending'; the text is then read in a worker thread (text-worker.ts, one per file, one
// file at a time per case) and written here through the write path like any change, audited. The worker never
// touches the case file: it is given the bytes and gives back text. A case closed before its text is read loses
// nothing: the attachment is still 'pending', and the next opening for editing reads it (CaseFile.readAwaitingTexts).
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AttachmentTextState } from '../../../shared/api-types.js';
import { acceptedType } from '../../../shared/attachments.js';
import type { RecordOf } from '../../../shared/records.js';
import { ParleyError } from '../errors.js';
import { readAttachment } from '../store/attachment-bytes.js';
import { stamp, validate, type RecordStore } from '../store/record-store.js';
import type { TextOutcome } from './extract-text.js';
import type { TextJob } from './text-worker.js';

/** The worker's bundle, written by scripts/build.mjs beside every bundle that holds the core. */
export const TEXT_WORKER_FILE = 'attachment-text-worker.cjs';

/**
 * Where the worker's bundle is. A bundle of the core (dist/cli, dist/web, dist/electron, dist/bench) finds it beside
 * itself. Run from its TypeScript sources (vitest), the core is in electron/core/attachments/ and uses the command
 * line's copy, dist/cli/: tests that read text build it first (test/support/text-worker.ts), as the command line's
 * tests build the command line.
 */
export function textWorkerFile(): string {
  const beside = path.join(__dirname, TEXT_WORKER_FILE);
  return fs.existsSync(beside) ? beside : path.resolve(__dirname, '../../../dist/cli', TEXT_WORKER_FILE);
}

/** A file that takes longer than this to read is given up on (failed), so that one cannot hold up the others. */
const READ_TIME_LIMIT_MS = 5 * 60_000;

const REASON = 'text read by Parley for search';

/**
 * An attachment waiting for its text: its bytes, or why they cannot be read (`unreadable`: bytes that are not the ones
 * recorded), which is written as its failure at once so that the app does not wait on it for ever.
 */
export type PendingText = TextJob & { sha256: string; unreadable?: string };

/** What a reading gave, as the record keeps it. */
export type TextReading = { status: 'extracted'; text: string } | { status: 'failed'; error: string } | { status: 'none' };

/** What the queue needs of its case file: the next file's bytes, and a way to write what was read. */
export interface TextHost {
  /** The attachment's bytes and what it is, or null when there is nothing to read (gone, or read meanwhile). */
  job(id: string): PendingText | null;
  write(id: string, sha256: string, reading: TextReading, actor: string): void;
}

/** The files of one open case whose text is to be read, read one after another, each in a worker of its own. */
export class AttachmentTexts {
  #queue: { id: string; actor: string }[] = [];
  /** The reading of the queue, while it runs; `#draining` says so at once, where the promise settles a turn later. */
  #running: Promise<void> = Promise.resolve();
  #draining = false;
  #worker: Worker | null = null;
  #stopped = false;

  constructor(private readonly host: TextHost) {}

  /** Reads these attachments' text after those already waiting. */
  read(ids: readonly string[], actor: string): void {
    if (this.#stopped) return;
    for (const id of ids) if (!this.#queue.some((q) => q.id === id)) this.#queue.push({ id, actor });
    if (this.#draining || !this.#queue.length) return;
    this.#draining = true;
    this.#running = this.#drain();
  }

  /** Resolves once every text asked for is read and written (or the case was closed). */
  async settled(): Promise<void> {
    while (this.#draining) await this.#running;
  }

  /** The case is closing: the file being read is dropped (it stays 'pending' and is read at the next opening). */
  stop(): void {
    this.#stopped = true;
    this.#queue = [];
    void this.#worker?.terminate();
  }

  async #drain(): Promise<void> {
    try {
      for (let next = this.#queue.shift(); next && !this.#stopped; next = this.#queue.shift()) {
        try {
          const job = this.host.job(next.id);
          if (!job) continue;
          const outcome: TextOutcome = job.unreadable !== undefined ? { ok: false, error: job.unreadable } : await this.#readInWorker(job);
          if (this.#stopped) return;
          this.host.write(next.id, job.sha256, outcome.ok ? { status: 'extracted', text: outcome.text } : { status: 'failed', error: outcome.error }, next.actor);
        } catch {
          // A write refused: the attachment stays 'pending', to be read again at the next opening, and the others are
          // still read. Nothing here may end the process (an unhandled rejection).
        }
      }
    } finally {
      this.#draining = false; // in the same turn as the queue was last found empty: a file queued later starts a new drain
    }
  }

  #readInWorker(job: TextJob): Promise<TextOutcome> {
    const could = (why: string): TextOutcome => ({ ok: false, error: `The text of “${job.name}” could not be read: ${why}. The file itself is attached.` });
    return new Promise((resolve) => {
      let worker: Worker;
      try {
        worker = new Worker(textWorkerFile());
      } catch {
        resolve(could('this installation of Parley lacks its text reader'));
        return;
      }
      this.#worker = worker;
      const timer = setTimeout(() => finish(could('reading it took more than five minutes')), READ_TIME_LIMIT_MS);
      let done = false;
      const finish = (outcome: TextOutcome) => {
        if (done) return; // the worker's exit follows its answer
        done = true;
        clearTimeout(timer);
        this.#worker = null;
        void worker.terminate();
        resolve(outcome);
      };
      worker.once('message', (outcome: TextOutcome) => finish(outcome));
      worker.once('error', (err: Error & { code?: string }) => finish(could(err.code === 'MODULE_NOT_FOUND' ? 'this installation of Parley lacks its text reader' : 'the reader stopped on it')));
      worker.once('exit', () => finish(could('the reader stopped on it')));
      worker.postMessage({ bytes: job.bytes, mediaType: job.mediaType, name: job.name } satisfies TextJob);
    });
  }
}

/** The attachments still to be read: 'pending', or made before Parley read text (null). Deleted ones too, for a restore. */
export function attachmentsAwaitingText(records: RecordStore): { id: string; mediaType: string }[] {
  return records.connection.prepare("SELECT id, media_type AS mediaType FROM attachment WHERE text_status = 'pending' OR text_status IS NULL ORDER BY rowid").all() as { id: string; mediaType: string }[];
}

/** Whether Parley reads this type's text at all (an image: no). */
export function hasText(mediaType: string): boolean {
  return !!acceptedType(mediaType)?.text;
}

/** The bytes of an attachment still waiting for its text, or null if it is not (gone, or read meanwhile). */
export function textJobOf(records: RecordStore, id: string): PendingText | null {
  const rec = records.find('attachment', id);
  if (!rec || !awaiting(rec)) return null;
  const job = { name: rec.name, mediaType: rec.mediaType, sha256: rec.sha256 };
  try {
    return { ...job, bytes: readAttachment(records, id).bytes };
  } catch (err) {
    if (err instanceof ParleyError && err.code === 'damaged') return { ...job, bytes: Buffer.alloc(0), unreadable: err.message };
    throw err;
  }
}

/**
 * Writes what reading an attachment's text gave, audited, unless it is no longer waiting for it (read meanwhile:
 * another copy's reading merged in) or is no longer those bytes. The caller holds the transaction.
 */
export function writeAttachmentText(records: RecordStore, id: string, sha256: string, reading: TextReading, actor: string): void {
  const before = records.find('attachment', id);
  if (!before || before.sha256 !== sha256 || !awaiting(before)) return;
  const after: RecordOf<'attachment'> = {
    ...before,
    textStatus: reading.status,
    extractedText: reading.status === 'extracted' ? reading.text : null,
    textError: reading.status === 'failed' ? reading.error : null,
  };
  validate('attachment', after);
  records.replace('attachment', 'update', before, stamp(after, before, actor), REASON);
}

/** Where reading an attachment's text stands, read without its text (the app asks twice a second). */
export function textStateOf(records: RecordStore, id: string): AttachmentTextState {
  const row = records.connection.prepare('SELECT text_status AS textStatus, text_error AS textError FROM attachment WHERE id = ?').get(id) as AttachmentTextState | undefined;
  if (!row) throw new ParleyError('not_found', 'This case file holds no such attachment.');
  return row;
}

function awaiting(rec: RecordOf<'attachment'>): boolean {
  return rec.textStatus === 'pending' || rec.textStatus === null;
}
