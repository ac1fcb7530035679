// The browser harness as a server: who may call it, what it serves and with which headers, and its command line.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './support/fixtures.js';
import { createCaseFile } from './support/cases.js';
import { E2E_ACTOR, callThrough, harnessBundle, type Harness } from './support/harness.js';
import { REPO_ROOT } from './support/paths.js';

/** A raw request, so the test controls the Host header and the path exactly as sent. */
function rawRequest(harness: Harness, options: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: harness.port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const call = (harness: Harness, body: unknown, headers: Record<string, string> = {}) =>
  rawRequest(harness, {
    path: '/api/call',
    method: 'POST',
    headers: { 'content-type': 'application/json', [harnessBundle.TOKEN_HEADER]: harness.token, ...headers },
    body: JSON.stringify(body),
  });

test.describe('the harness server', () => {
  test('API requests without the token, or with another, are refused', async ({ harness }) => {
    expect((await call(harness, { name: 'library.list', input: {} })).status).toBe(200);
    expect((await call(harness, { name: 'library.list', input: {} }, { [harnessBundle.TOKEN_HEADER]: 'guess' })).status).toBe(403);
    const noToken = await rawRequest(harness, { path: '/api/call', method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"library.list","input":{}}' });
    expect(noToken.status).toBe(403);
    expect((await rawRequest(harness, { path: '/api/files' })).status).toBe(403);
  });

  test('a request for another host name is refused, as a DNS-rebinding page would send', async ({ harness }) => {
    expect((await rawRequest(harness, { path: '/', headers: { host: `localhost:${harness.port}` } })).status).toBe(200);
    expect((await rawRequest(harness, { path: '/', headers: { host: `attacker.example:${harness.port}` } })).status).toBe(421);
    expect((await call(harness, { name: 'library.list', input: {} }, { host: `attacker.example:${harness.port}` })).status).toBe(421);
  });

  test('static files come with their content type and the strict CSP; nothing outside the app folder is served', async ({ harness }) => {
    const index = await rawRequest(harness, { path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toBe(harnessBundle.CONTENT_SECURITY_POLICY);
    expect(index.headers['content-security-policy']).toContain("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    const script = index.body.match(/src="\.\/(assets\/[^"]+\.js)"/)![1]!;
    const css = index.body.match(/href="\.\/(assets\/[^"]+\.css)"/)![1]!;
    expect((await rawRequest(harness, { path: `/${script}` })).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await rawRequest(harness, { path: `/${css}` })).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await rawRequest(harness, { path: '/favicon.svg' })).headers['content-type']).toBe('image/svg+xml');

    for (const sneaky of ['/../package.json', '/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/assets/..%2f..%2f..%2fpackage.json', '/..\\..\\package.json']) {
      const res = await rawRequest(harness, { path: sneaky });
      expect(res.status, sneaky).toBeGreaterThanOrEqual(400);
      expect(res.body, sneaky).not.toContain('"name": "parley"');
    }
    expect((await rawRequest(harness, { path: '/nothing-here.js' })).status).toBe(404);
    expect((await rawRequest(harness, { path: '/', method: 'POST' })).status).toBe(405);
  });

  test('calls answer with the dispatcher\'s envelope; malformed ones are refused before it', async ({ harness }) => {
    const unknown = JSON.parse((await call(harness, { name: 'case.explode', input: {} })).body);
    expect(unknown).toEqual({ ok: false, error: expect.objectContaining({ code: 'unknown_operation' }) });
    const invalid = JSON.parse((await call(harness, { name: 'case.open', input: { path: '' } })).body);
    expect(invalid.error.code).toBe('invalid_input');
    const notJson = await rawRequest(harness, { path: '/api/call', method: 'POST', headers: { 'content-type': 'application/json', [harnessBundle.TOKEN_HEADER]: harness.token }, body: '{name' });
    expect(notJson.status).toBe(400);
    // A plain form post (what another site could make a browser send) is not accepted at all.
    const formPost = await rawRequest(harness, { path: '/api/call', method: 'POST', headers: { 'content-type': 'text/plain', [harnessBundle.TOKEN_HEADER]: harness.token }, body: '{}' });
    expect(formPost.status).toBe(415);
  });

  test('operations that finish later (exports) answer through the harness too', async ({ harness }) => {
    const info = await createCaseFile(harness, 'brief.parley', 'Order with a meeting');
    const meeting = await callThrough(harness, 'meeting.create', { caseId: info.caseId, fields: { title: 'First meeting with the Bureau', status: 'planned' } });
    const file = await callThrough(harness, 'brief.export', { caseId: info.caseId, meetingId: meeting.id, format: 'md' });
    expect(Buffer.from(file.dataBase64, 'base64').toString('utf8')).toContain('First meeting with the Bureau');
  });

  test('a body over the limit is refused', async ({ dataDir }) => {
    const small = await harnessBundle.startHarness({ dataDir, actor: E2E_ACTOR, port: 0, maxBodyBytes: 1_024 });
    try {
      const big = await call(small, { name: 'library.search', input: { query: 'x'.repeat(2_000) } });
      expect(big.status).toBe(413);
      expect((await call(small, { name: 'library.list', input: {} })).status).toBe(200);
    } finally {
      await small.close();
    }
  });

  test('GET /api/files lists the case files of the cases folder only', async ({ harness }) => {
    fs.writeFileSync(path.join(harness.casesDir, 'b.parley'), '');
    fs.writeFileSync(path.join(harness.casesDir, 'a.parley'), '');
    fs.writeFileSync(path.join(harness.casesDir, 'notes.txt'), '');
    fs.writeFileSync(path.join(harness.casesDir, '.a.parley.123.creating'), '');
    const res = await rawRequest(harness, { path: '/api/files', headers: { [harnessBundle.TOKEN_HEADER]: harness.token } });
    const listing = JSON.parse(res.body);
    expect(listing.folder).toBe(harness.casesDir);
    expect(listing.files.map((f: { name: string }) => f.name)).toEqual(['a.parley', 'b.parley']);
  });
});

test.describe('the page and its token', () => {
  test('the token leaves the address bar, stays for the tab, and without it the page says how to connect', async ({ app, page, harness, browser }) => {
    expect(page.url()).toBe(`${harness.origin}/`);
    expect(await page.evaluate(() => sessionStorage.getItem('parley.harnessToken'))).toBe(harness.token);
    await page.reload();
    await expect(app.library.heading).toBeVisible();

    const stranger = await browser.newPage();
    try {
      await stranger.goto(harness.origin);
      await expect(stranger.getByRole('heading', { name: 'Parley is not connected' })).toBeVisible();
      await expect(stranger.getByText('npm run web')).toBeVisible();
    } finally {
      await stranger.close();
    }
  });
});

test.describe('the command line', () => {
  test('`node dist/web/server.cjs` prints its address with the token, serves it, and stops cleanly', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-e2e-cli-'));
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist/web/server.cjs'), '--data', dataDir, '--as', 'Counsel', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const found = out.match(/Parley is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/);
          if (found) resolve(found[1]!);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
      });
      const { origin, searchParams } = new URL(url);
      const res = await fetch(`${origin}/api/call`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [harnessBundle.TOKEN_HEADER]: searchParams.get('token')! },
        body: JSON.stringify({ name: 'library.list', input: {} }),
      });
      expect(await res.json()).toEqual({ ok: true, data: [] });
      expect(fs.existsSync(path.join(dataDir, 'cases'))).toBe(true);
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('an unknown flag is refused with the usage', async () => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist/web/server.cjs'), '--bogus'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(err).toContain('Unknown option --bogus');
    expect(err).toContain('Usage: npm run web');
  });
});
