// The app scheme: serves dist/renderer with the CSP on every response, and nothing outside it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_SCHEME, CONTENT_SECURITY_POLICY, createAppProtocolHandler, isAppUrl, registerAppScheme, resolveAppFile,
} from '../../electron/main/app-protocol.js';
import { tempDir } from '../helpers.js';
import { FakeProtocol } from './fake-electron.js';

function rendererBuild() {
  const root = tempDir('parley-renderer-');
  const dist = path.join(root, 'renderer');
  fs.mkdirSync(path.join(dist, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><script type="module" src="/assets/index.js"></script>');
  fs.writeFileSync(path.join(dist, 'assets', 'index.js'), 'console.log("parley")');
  fs.writeFileSync(path.join(dist, 'assets', 'app.css'), 'body{}');
  fs.writeFileSync(path.join(root, 'secret.txt'), 'outside the renderer');
  const handler = createAppProtocolHandler(dist);
  const get = (url: string, init?: RequestInit) => handler(new Request(url, init));
  return { root, dist, get };
}

describe('the app scheme', () => {
  it('is registered as a standard, secure scheme that fetch can reach', () => {
    const protocol = new FakeProtocol([]);
    registerAppScheme(protocol);
    expect(protocol.privileged).toEqual([{ scheme: APP_SCHEME, privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) }]);
    expect(protocol.privileged[0]!.privileges).not.toHaveProperty('bypassCSP');
  });

  it('recognises only its own host, without credentials', () => {
    expect(isAppUrl('parley-app://app/index.html')).toBe(true);
    for (const url of ['parley-app://other/index.html', 'parley-app://user:pw@app/', 'parley-app://app:8080/', 'https://app/', 'file:///index.html', 'nonsense']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('serving the renderer', () => {
  it('serves index.html for the root with the CSP and a content type', async () => {
    const { get } = rendererBuild();
    const response = await get('parley-app://app/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<script type="module"');
  });

  it('serves assets with their types and the CSP', async () => {
    const { get } = rendererBuild();
    const script = await get('parley-app://app/assets/index.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await script.text()).toBe('console.log("parley")');
    expect((await get('parley-app://app/assets/app.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('refuses every way out of the renderer folder', async () => {
    const { root, dist, get } = rendererBuild();
    fs.symlinkSync(path.join(root, 'secret.txt'), path.join(dist, 'assets', 'link.txt'));
    for (const url of [
      'parley-app://app/..%2fsecret.txt',
      'parley-app://app/%2e%2e/secret.txt',
      'parley-app://app/assets/..%2f..%2fsecret.txt',
      'parley-app://app/..%5csecret.txt',
      'parley-app://app/index.html%00.js',
      'parley-app://app/%E0%A4%A',
      'parley-app://app/assets/link.txt',
      'parley-app://elsewhere/index.html',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('outside the renderer');
    }
    expect(resolveAppFile(dist, 'parley-app://app/../secret.txt')).toBe(path.join(dist, 'secret.txt')); // the URL parser already removed the ..
  });

  it('answers only GET and HEAD', async () => {
    const { get } = rendererBuild();
    expect((await get('parley-app://app/index.html', { method: 'POST', body: 'x' })).status).toBe(405);
    const head = await get('parley-app://app/index.html', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('gives index.html for client-side routes, but 404 for missing files', async () => {
    const { get } = rendererBuild();
    expect(await (await get('parley-app://app/cases/123')).text()).toContain('<script type="module"');
    expect((await get('parley-app://app/assets/missing.js')).status).toBe(404);
  });

  it('explains itself while the renderer has not been built', async () => {
    const handler = createAppProtocolHandler(path.join(tempDir(), 'renderer'));
    const response = await handler(new Request('parley-app://app/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('has not been built');
  });
});
