// The browser harness: the real renderer in any browser, over HTTP, against one real core Session. It exists for
// development and the end-to-end tests (the packaged app never contains it), so it listens on the loopback
// interface only, every API request must carry the random token printed at start, and a request that says it comes
// from a page of another origin is refused even with the token.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { dispatchAsync } from '../core/api/dispatcher.js';
import { sampleAnchorNear, writeDemoCase } from '../core/demo.js';
import { isoToday } from '../core/today.js';
import { toParleyError } from '../core/errors.js';
import { defaultActor } from '../core/paths.js';
import { Session } from '../core/session.js';
import { MAX_ATTACHMENT_BASE64_LENGTH } from '../../shared/contract.js';
import type { Envelope } from '../../shared/result.js';
import { CONTENT_SECURITY_POLICY, CONTENT_TYPES, isInside } from '../main/app-protocol.js';
import { FilePlaces } from '../main/file-places.js';

export { CASES_SUBFOLDER, listCaseFolder } from '../main/file-places.js';

export interface HarnessOptions {
  /** The library folder (library.json); new case files go to its `cases/` subfolder, and only there. */
  dataDir: string;
  /**
   * A name for this run, written as the author of every change whatever the person's profile says (as --as does on
   * the command line); the tests give one. Without it, the profile's name, or `fallbackActor` while there is none.
   */
  actor?: string;
  /** The name written while there is neither `actor` nor a profile: the computer account's if not given. */
  fallbackActor?: string;
  /** 0 (the default) takes any free port. */
  port?: number;
  /** The built renderer (dist/renderer); found beside this bundle when not given. */
  rendererDir?: string;
  /**
   * The day the sample case's order reached the company, which its dates count from: by default two weeks before
   * the day the sample is made (sampleAnchorNear), so its deadlines are ahead; a test that wants the same sample on
   * every run gives DEMO_ANCHOR.
   */
  sampleAnchor?: string;
  /** The largest request body accepted; MAX_BODY_BYTES unless a test wants a small one. */
  maxBodyBytes?: number;
}

export interface Harness {
  /** The address to open, token included. */
  url: string;
  origin: string;
  token: string;
  port: number;
  /** Where new case files go by default. */
  casesDir: string;
  /** Stops listening and closes every open case file. */
  close(): Promise<void>;
}

export const TOKEN_HEADER = 'x-parley-token';
/** Where "Open the sample case" writes the sample, in the cases folder. */
export const SAMPLE_FILE_NAME = 'sample.parley';
/**
 * The largest request body: the biggest attachment the contract accepts (25 MB, as base64) and 1 MiB for the rest
 * of the call (its name, a description of 50,000 characters even if every one is escaped, the ids). A body is held
 * whole in memory, and parsing and decoding it take several times its size, so the cap is what bounds the harness's
 * memory.
 */
export const MAX_BODY_BYTES = MAX_ATTACHMENT_BASE64_LENGTH + 1024 * 1024;

// The desktop window's own policy and content types, so the browser runs the renderer under the same rules. That
// module reads no Electron at run time (its Electron types are type-only).
export { CONTENT_SECURITY_POLICY };

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  const dataDir = path.resolve(opts.dataDir);
  const rendererDir = path.resolve(opts.rendererDir ?? defaultRendererDir());
  const session = new Session({ dataDir, actor: opts.fallbackActor ?? defaultActor(), actorForRun: opts.actor });
  // A browser has no save dialog: files the page asks to write go to the cases folder (file-places.ts).
  const places = new FilePlaces({ dataDir, knownCaseFiles: () => session.library.paths(), hasSaveDialog: false });
  const casesDir = places.casesDir;
  const token = randomBytes(24).toString('base64url');
  let allowedHosts = new Set<string>();
  let ownOrigins = new Set<string>();

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const status = err instanceof HttpError ? err.status : 500;
      if (status === 500) console.error('[parley harness]', err);
      if (!res.headersSent) send(res, status, 'text/plain; charset=utf-8', err instanceof HttpError ? err.message : 'Internal error');
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // A page from another site that resolves its own name to 127.0.0.1 (DNS rebinding) sends its own Host.
    if (!allowedHosts.has(req.headers.host ?? '')) throw new HttpError(421, 'Unknown host');
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/api/')) {
      requireOwnOrigin(req);
      requireToken(req);
      if (url.pathname === '/api/call' && req.method === 'POST') return answerCall(req, res);
      if (url.pathname === '/api/files' && req.method === 'GET') return sendJson(res, 200, places.listing());
      if (url.pathname === '/api/sample' && req.method === 'POST') return sendJson(res, 200, sampleCase());
      throw new HttpError(404, 'No such API endpoint');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Method not allowed');
    serveStatic(rendererDir, url.pathname, req, res);
  }

  /**
   * A browser names the page that makes a request in its Origin header: on every cross-origin request, and on every
   * POST. A request with an Origin that is not this harness's own is refused. Without an Origin the token alone
   * decides: that is a same-origin GET from our own page, or a client that is not a browser (the tests, curl).
   */
  function requireOwnOrigin(req: http.IncomingMessage): void {
    const origin = req.headers.origin;
    if (origin !== undefined && !ownOrigins.has(origin)) {
      throw new HttpError(403, 'Refused: the harness answers API requests only from the Parley page it serves.');
    }
  }

  function requireToken(req: http.IncomingMessage): void {
    const given = Buffer.from(String(req.headers[TOKEN_HEADER] ?? ''));
    const expected = Buffer.from(token);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new HttpError(403, 'Missing or wrong access token: open the address the harness printed when it started.');
    }
  }

  async function answerCall(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) throw new HttpError(415, 'Send JSON');
    const { name, input } = parseCall(await readBody(req, opts.maxBodyBytes ?? MAX_BODY_BYTES));
    const admission = places.admit(name, input);
    if (!admission.ok) return sendJson(res, 200, admission.refusal);
    const result = await dispatchAsync(session, name, input);
    admission.settle(result);
    sendJson(res, 200, result);
  }

  /** The sample case's path, written on first use; the renderer then opens it like any case file. */
  function sampleCase(): Envelope<{ path: string }> {
    const file = path.join(casesDir, SAMPLE_FILE_NAME);
    try {
      if (!fs.existsSync(file)) writeDemoCase(session, file, undefined, opts.sampleAnchor ?? sampleAnchorNear(isoToday()));
      return { ok: true, data: { path: file } };
    } catch (err) {
      return { ok: false, error: toParleyError(err).toApiError() };
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  ownOrigins = new Set([...allowedHosts].map((host) => `http://${host}`));
  const origin = `http://127.0.0.1:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    port,
    casesDir,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).finally(() => session.closeAll())),
  };
}

function defaultRendererDir(): string {
  // Bundled as dist/web/server.cjs, the renderer is built to dist/renderer.
  return path.join(__dirname, '..', 'renderer');
}

function serveStatic(root: string, urlPath: string, req: http.IncomingMessage, res: http.ServerResponse): void {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath);
  } catch {
    throw new HttpError(400, 'Bad path');
  }
  if (relative.includes('\0')) throw new HttpError(400, 'Bad path');
  if (relative.endsWith('/')) relative += 'index.html';
  const file = path.resolve(root, '.' + path.posix.normalize(relative));
  if (!isInside(root, file)) throw new HttpError(403, 'Outside the app folder');
  // A symbolic link inside the folder may lead anywhere: what is served is the file it resolves to, and that must
  // be inside the folder as it resolves too.
  let real: string;
  let realRoot: string;
  try {
    realRoot = fs.realpathSync(root);
    real = fs.realpathSync(file);
  } catch {
    if (!fs.existsSync(path.join(root, 'index.html'))) {
      throw new HttpError(503, 'The renderer is not built yet: run `npm run build` first.');
    }
    throw new HttpError(404, 'Not found');
  }
  if (!isInside(realRoot, real)) throw new HttpError(403, 'Outside the app folder');
  const stat = fs.statSync(real);
  if (!stat.isFile()) throw new HttpError(404, 'Not found');
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': type,
    'content-length': stat.size,
    // Vite names assets by content hash; the page itself must always be fresh so it picks up a rebuild.
    'cache-control': relative.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') return void res.end();
  fs.createReadStream(real).pipe(res);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // A body over the limit is read to its end and dropped, never kept, and only then refused: answering while the
    // client is still sending would have Node close the connection under it, and the client would see a reset
    // instead of the answer.
    const refuse = () => {
      req.removeAllListeners('data');
      req.removeAllListeners('end');
      req.on('end', () => reject(new HttpError(413, tooLargeMessage(limit))));
      req.resume();
    };
    const header = req.headers['content-length'];
    const declared = header === undefined ? null : Number(header);
    if (declared !== null && declared > limit) return refuse();
    // With a declared length (Node's parser then delivers exactly that many bytes) the body goes straight into one
    // buffer of that size instead of into chunks and then a copy of them all: one copy of the body less at the peak.
    const whole = declared !== null && Number.isSafeInteger(declared) && declared >= 0 ? Buffer.allocUnsafe(declared) : null;
    let chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size + chunk.length > (whole?.length ?? limit)) {
        chunks = [];
        return refuse();
      }
      if (whole) chunk.copy(whole, size);
      else chunks.push(chunk);
      size += chunk.length;
    });
    req.on('end', () => resolve(whole ? whole.subarray(0, size) : Buffer.concat(chunks, size)));
    req.on('error', reject);
  });
}

/**
 * The call a body holds. Parsed apart from answerCall, so that the body and its text are garbage once parsed. The
 * name must be a string, and is passed on as it is: made into one, a list ["case.create"] would name that very
 * operation, and an object would name "[object Object]".
 */
function parseCall(body: Buffer): { name: string; input?: unknown } {
  let call: unknown;
  try {
    call = JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'The body is not JSON');
  }
  if (typeof call !== 'object' || call === null || Array.isArray(call)) throw new HttpError(400, 'Send {name, input}');
  const { name, input } = call as { name?: unknown; input?: unknown };
  if (typeof name !== 'string') throw new HttpError(400, 'Send {name, input}: the name of the operation must be a string; nothing was done.');
  return { name, input };
}

/** The 413 answer: the limit, and why, in one sentence. */
export function tooLargeMessage(limit: number): string {
  const mib = (limit / (1024 * 1024)).toFixed(1);
  return `Request too large: the harness takes at most ${limit.toLocaleString('en-US')} bytes (${mib} MiB) in one call, enough for the largest attachment Parley accepts (25 MB); nothing was done.`;
}

function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}
