// The worker thread that reads attachments' text (a bundle of its own: scripts/build.mjs). It is given one file's
// bytes, answers with its text or why it could not be read, and is ended by the core; it never opens the case file.
import { parentPort } from 'node:worker_threads';
import { extractText, type TextOutcome } from './extract-text.js';

/** What the core sends the worker: the bytes (transferred, not copied), and what the file is. */
export interface TextJob {
  bytes: Uint8Array;
  mediaType: string;
  name: string;
}

// pdfjs-dist warns on the console (console.warn), as it loads, about drawing it cannot do under Node (no canvas): this thread only
// reads text, and the console it would write to is the user's terminal when the command line runs.
console.warn = () => {};

parentPort?.on('message', (job: TextJob) => {
  void extractText(job.bytes, job.mediaType, job.name)
    .catch((err: unknown): TextOutcome => ({ ok: false, error: `The text of “${job.name}” could not be read (${String(err).slice(0, 200)}). The file itself is attached.` }))
    .then((outcome) => parentPort!.postMessage(outcome));
});
