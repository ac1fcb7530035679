// The renderer is served from dist/renderer through Parley's own scheme, never file://: the page gets a real origin
// (so 'self' in the Content-Security-Policy means exactly our files), and no path outside dist/renderer can be read.
import fs from 'node:fs';
import path from 'node:path';
import type { ProtocolLike } from './electron-api.js';

export const APP_SCHEME = 'parley-app';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Every page may load scripts, styles, fonts and data only from the app itself, images also from data: URLs, and
 * nothing else: no remote origin, no inline script, no eval, no plugins, no frames, no forms posting elsewhere.
 * React sets inline styles through the DOM (element.style), which style-src does not restrict, so 'unsafe-inline'
 * is not needed for styles.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cache-control': 'no-cache',
};

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The scheme's privileges: a standard scheme (relative URLs and an origin), secure (like https), reachable by
 * fetch, and taking part in CORS so that Vite's `<script type="module" crossorigin>` loads. Must be registered
 * before the app is ready.
 */
export function registerAppScheme(protocol: ProtocolLike): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
  ]);
}

/**
 * Whether a URL belongs to the app. Compared by scheme and host rather than URL.origin, because the WHATWG parser
 * gives every scheme it does not know the opaque origin "null". Credentials or a port make it foreign.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password;
}

/**
 * The file under `root` that an app URL names, or null when the URL is not ours or would reach outside `root`
 * (`..`, encoded or not, backslashes, NUL, or a symbolic link leading out).
 */
export function resolveAppFile(root: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname.endsWith('/')) pathname += 'index.html';
  const base = path.resolve(root);
  const candidate = path.resolve(base, `.${pathname}`);
  if (!isInside(base, candidate)) return null;
  if (!fs.existsSync(candidate)) return candidate;
  try {
    return isInside(fs.realpathSync(base), fs.realpathSync(candidate)) ? candidate : null;
  } catch {
    return null;
  }
}

/** Whether `candidate` lies strictly inside the folder `base` (both absolute; compared as given, links not followed). */
export function isInside(base: string, candidate: string): boolean {
  const relative = path.relative(base, candidate);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

function respond(status: number, body: BodyInit | null, contentType: string): Response {
  return new Response(body, { status, headers: { ...SECURITY_HEADERS, 'content-type': contentType } });
}

/** Shown while the renderer has not been built, so the window explains itself instead of staying blank. */
const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Parley</title></head>
<body><h1>Parley's interface has not been built</h1>
<p>The desktop shell is running, but dist/renderer/index.html is missing. Build the renderer, then reload this window.</p>
</body></html>`;

/**
 * Answers requests for the app scheme with files from `rendererDir`, every response carrying the CSP. A path
 * without an extension that names no file gets index.html, so a reload on a client-side route still works.
 */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, 'Method not allowed', 'text/plain; charset=utf-8');
    let file = resolveAppFile(rendererDir, request.url);
    if (!file) return respond(404, 'Not found', 'text/plain; charset=utf-8');
    const entry = path.join(path.resolve(rendererDir), 'index.html');
    if (!isFile(file) && path.extname(file) === '') file = entry;
    if (!isFile(file)) {
      if (file === entry) return respond(200, NOT_BUILT_PAGE, CONTENT_TYPES['.html']!);
      return respond(404, 'Not found', 'text/plain; charset=utf-8');
    }
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const body = request.method === 'HEAD' ? null : new Uint8Array(await fs.promises.readFile(file));
    return respond(200, body, type);
  };
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

export function handleAppProtocol(protocol: ProtocolLike, rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
}
