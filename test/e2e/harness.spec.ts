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

/**
 * A raw request, so the test controls the Host header and the path exactly as sent. Each on a connection of its
 * own: a kept-alive one that the harness closes after its idle timeout, just as the next request takes it, would be
 * reset under that request.
 */
function rawRequest(harness: Harness, options: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: harness.port, method: options.method ?? 'GET', path: options.path, headers: options.headers, agent: false }, (res) => {
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

  test('an API request from a page of another origin is refused, even with the token; our own page is answered', async ({ harness, app, page }) => {
    const list = { name: 'library.list', input: {} };
    for (const origin of [`http://127.0.0.1:${harness.port}`, `http://localhost:${harness.port}`]) {
      expect((await call(harness, list, { origin })).status, origin).toBe(200);
    }
    for (const origin of ['http://attacker.example', 'null', `http://127.0.0.1:${harness.port + 1}`, `https://127.0.0.1:${harness.port}`, `http://127.0.0.1:${harness.port}.attacker.example`, `http://127.0.0.1:${harness.port}, http://attacker.example`]) {
      const refused = await call(harness, list, { origin });
      expect(refused.status, origin).toBe(403);
      expect(refused.body, origin).toBe('Refused: the harness answers API requests only from the Parley page it serves.');
      const files = await rawRequest(harness, { path: '/api/files', headers: { origin, [harnessBundle.TOKEN_HEADER]: harness.token } });
      expect(files.status, origin).toBe(403);
    }
    // Without an Origin (what a client that is not a browser sends) the token alone decides.
    expect((await call(harness, list)).status).toBe(200);
    expect((await call(harness, list, { [harnessBundle.TOKEN_HEADER]: 'guess' })).status).toBe(403);

    // The real page names its own origin on every call it posts, and is answered.
    const posted = page.waitForRequest((r) => r.url().endsWith('/api/call') && r.method() === 'POST');
    await page.reload();
    await expect(app.library.heading).toBeVisible();
    const request = await posted;
    expect(await request.headerValue('origin')).toBe(harness.origin);
    expect((await request.response())!.status()).toBe(200);
  });

  test('listens on the loopback interface only', async ({ harness }) => {
    const others = Object.values(os.networkInterfaces()).flat().filter((a) => a && a.family === 'IPv4' && !a.internal);
    test.skip(others.length === 0, 'this machine has no other IPv4 address to try');
    for (const address of others) {
      const reached = await new Promise<string>((resolve) => {
        const req = http.request({ host: address!.address, port: harness.port, path: '/', agent: false, timeout: 3_000 }, (res) => resolve(`answered ${res.statusCode}`));
        req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
        req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'timeout' })));
        req.end();
      });
      expect(reached, address!.address).toBe('ECONNREFUSED');
    }
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

  test('symbolic links in the app folder are not followed out of it', async ({ dataDir }) => {
    const rendererDir = path.join(dataDir, 'renderer');
    const outside = path.join(dataDir, 'outside');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Parley</title>');
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'a file outside the app folder');
    fs.symlinkSync('/etc/passwd', path.join(rendererDir, 'passwd.txt'));
    fs.symlinkSync(outside, path.join(rendererDir, 'assets', 'elsewhere'));
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(rendererDir, 'secret.txt'));
    fs.symlinkSync(path.join(rendererDir, 'index.html'), path.join(rendererDir, 'assets', 'start.html')); // stays inside
    const harness = await harnessBundle.startHarness({ dataDir, actor: E2E_ACTOR, port: 0, rendererDir });
    try {
      for (const link of ['/passwd.txt', '/assets/elsewhere/secret.txt', '/secret.txt', '/assets/..%2fpasswd.txt']) {
        const res = await rawRequest(harness, { path: link });
        expect(res.status, link).toBe(403);
        expect(res.body, link).not.toContain('root:');
        expect(res.body, link).not.toContain('a file outside');
      }
      const inside = await rawRequest(harness, { path: '/assets/start.html' });
      expect(inside.status).toBe(200);
      expect(inside.body).toContain('<title>Parley</title>');
    } finally {
      await harness.close();
    }
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

  test('a body over the limit is refused with a sentence saying so', async ({ dataDir }) => {
    const small = await harnessBundle.startHarness({ dataDir, actor: E2E_ACTOR, port: 0, maxBodyBytes: 1_024 });
    try {
      const big = await call(small, { name: 'library.search', input: { query: 'x'.repeat(2_000) } });
      expect(big.status).toBe(413);
      expect(big.body).toMatch(/^Request too large: the harness takes at most 1,024 bytes .* in one call, .*; nothing was done\.$/);
      expect((await call(small, { name: 'library.list', input: {} })).status).toBe(200);
    } finally {
      await small.close();
    }
  });

  test('an attachment of 25 MB is the largest taken; the body cap refuses anything much larger without keeping it', async ({ harness }) => {
    test.setTimeout(90_000);
    const info = await createCaseFile(harness, 'attachments.parley', 'Order with a scanned annex');
    const LARGEST = 25 * 1024 * 1024;
    const attach = (bytes: number) =>
      call(harness, { name: 'attachment.add', input: { caseId: info.caseId, name: 'annex.pdf', mediaType: 'application/pdf', dataBase64: Buffer.alloc(bytes, 7).toString('base64') } });

    const taken = JSON.parse((await attach(LARGEST)).body);
    expect(taken).toMatchObject({ ok: true, data: { name: 'annex.pdf', size: LARGEST } });
    const refused = JSON.parse((await attach(LARGEST + 1)).body);
    expect(refused.error.code).toBe('invalid_input');
    expect(refused.error.message).toBe('“annex.pdf” is 25.0 MB (26,214,401 bytes); an attachment can be at most 25 MB (26,214,400 bytes).');

    // 40 MiB: more than the largest attachment's call, so refused whole by the harness, which stays at hand.
    const tooBig = await rawRequest(harness, {
      path: '/api/call',
      method: 'POST',
      headers: { 'content-type': 'application/json', [harnessBundle.TOKEN_HEADER]: harness.token },
      body: JSON.stringify({ name: 'library.search', input: { query: 'x'.repeat(40 * 1024 * 1024) } }),
    });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body).toContain('enough for the largest attachment Parley accepts (25 MB); nothing was done.');
    expect((await call(harness, { name: 'attachment.list', input: { caseId: info.caseId } })).body).toContain('"size":26214400');
  });

  test('files are written only in the cases folder: a path elsewhere, another name or a link out is refused before the core runs', async ({ harness, dataDir }) => {
    const home = path.join(dataDir, 'home');
    fs.mkdirSync(home);
    fs.symlinkSync(home, path.join(harness.casesDir, 'linked'));
    const directive = { title: 'Order', status: 'received' };
    const refusal = async (name: string, input: unknown) => {
      const envelope = JSON.parse((await call(harness, { name, input })).body);
      expect(envelope.ok, JSON.stringify(input).slice(0, 120)).toBe(false);
      expect(envelope.error.code).toBe('invalid_input');
      expect(envelope.error.issues).toEqual([{ path: 'path', message: envelope.error.message }]);
      return envelope.error.message as string;
    };
    expect(await refusal('case.create', { path: path.join(home, 'order.parley'), directive })).toBe(
      `The browser harness writes case files only in its cases folder (${harness.casesDir}), not at ${path.join(home, 'order.parley')}. Give a file name there.`,
    );
    expect(await refusal('case.create', { path: path.join(home, '.bash_profile'), directive })).toBe(
      "A case file's name must end in .parley; .bash_profile does not.",
    );
    for (const elsewhere of [path.join(harness.casesDir, '..', 'escaped.parley'), path.join(harness.casesDir, 'linked', 'through-a-link.parley')]) {
      expect(await refusal('case.create', { path: elsewhere, directive })).toContain('writes case files only in its cases folder');
    }
    const info = await createCaseFile(harness, 'kept-here.parley', 'Order kept in the cases folder');
    const data = await callThrough(harness, 'case.export', { caseId: info.caseId });
    await refusal('case.exportForTransfer', { caseId: info.caseId, path: path.join(home, 'sent.parley'), passphrase: 'copper lantern orchard' });
    await refusal('case.import', { path: path.join(home, 'imported.parley'), data });
    expect(fs.readdirSync(home)).toEqual([]);
    expect(fs.readdirSync(dataDir).sort()).toEqual(['cases', 'home', 'library.json']);
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
