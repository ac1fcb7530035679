// The renderer's settings and the refusals every window and the session get (docs/SECURITY.md lists each item).
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/app-protocol.js';
import { externalLinkTarget, offerToOpenExternally } from '../../electron/main/external-links.js';
import { hardenWebContents, isAllowedRequest, secureSession, webPreferences } from '../../electron/main/security.js';
import { FakeDialog, FakeSession, FakeShell, FakeWebContents } from './fake-electron.js';

describe('webPreferences', () => {
  const prefs = webPreferences('/app/dist/electron/preload.cjs');

  it('isolates and sandboxes the renderer, without Node', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.preload).toBe('/app/dist/electron/preload.cjs');
  });

  it('keeps web security and enables nothing experimental or insecure', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).not.toBe(true);
    expect(prefs.experimentalFeatures).not.toBe(true);
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs.disableBlinkFeatures).toContain('Auxclick');
  });

  it('cannot be loosened at run time', () => {
    expect(Object.isFrozen(prefs)).toBe(true);
    expect(() => Object.assign(prefs, { nodeIntegration: true })).toThrow();
  });
});

describe('the Content-Security-Policy', () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => {
    const [name, ...values] = d.trim().split(/\s+/);
    return [name!, values];
  }));

  it('allows nothing by default and scripts only from the app', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:']);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
  });

  it('has no inline script, eval or remote origin anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });
});

describe('secureSession', () => {
  function secured(allowDevtools: boolean): FakeSession {
    const session = new FakeSession();
    secureSession(session, { allowDevtools });
    return session;
  }

  it('denies every permission request and check', () => {
    const session = secured(false);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      expect(session.requestPermission(permission)).toBe(false);
      expect(session.permissionCheckHandler!({}, permission)).toBe(false);
    }
  });

  it('cancels every request that is not for the app itself', () => {
    const session = secured(false);
    expect(session.request('parley-app://app/index.html')).toBe(true);
    expect(session.request('parley-app://app/assets/index-abc.js')).toBe(true);
    expect(session.request('data:image/png;base64,AAAA')).toBe(true);
    for (const url of [
      'https://example.com/', 'http://localhost:5173/', 'file:///etc/passwd', 'ws://example.com/', 'ftp://example.com/',
      'devtools://devtools/bundled/inspector.html', 'chrome-extension://abc/x.js', 'blob:parley-app://app/123', 'not a url',
    ]) {
      expect(session.request(url), url).toBe(false);
    }
  });

  it('lets the developer tools load only while developing', () => {
    expect(secured(true).request('devtools://devtools/bundled/inspector.html')).toBe(true);
    expect(secured(true).request('https://chrome-devtools-frontend.appspot.com/x')).toBe(false);
    expect(isAllowedRequest('devtools://devtools/x', false)).toBe(false);
  });
});

describe('hardenWebContents', () => {
  function hardened() {
    const contents = new FakeWebContents();
    const offered: string[] = [];
    hardenWebContents(contents, (url) => offered.push(url));
    return { contents, offered };
  }

  it('blocks navigation and redirects away from the app, offering web links to the system instead', () => {
    const { contents, offered } = hardened();
    expect(contents.navigate('will-navigate', 'https://example.com/')).toBe(false);
    expect(contents.navigate('will-navigate', 'file:///etc/passwd')).toBe(false);
    expect(contents.navigate('will-redirect', 'http://example.com/')).toBe(false);
    expect(contents.navigate('will-navigate', 'parley-app://evil/index.html')).toBe(false);
    expect(offered).toEqual(['https://example.com/', 'file:///etc/passwd', 'http://example.com/', 'parley-app://evil/index.html']);
  });

  it('lets the app move within its own pages', () => {
    const { contents, offered } = hardened();
    expect(contents.navigate('will-navigate', 'parley-app://app/index.html')).toBe(true);
    expect(offered).toEqual([]);
  });

  it('denies every new window', () => {
    const { contents, offered } = hardened();
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'parley-app://app/index.html' })).toEqual({ action: 'deny' });
    expect(offered).toEqual(['https://example.com/', 'parley-app://app/index.html']);
  });

  it('refuses webviews', () => {
    const { contents } = hardened();
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    contents.emit('will-attach-webview', event);
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('external links', () => {
  it('offers only http, https and mailto', () => {
    expect(externalLinkTarget('https://eur-lex.europa.eu/x')).toBe('https://eur-lex.europa.eu/x');
    expect(externalLinkTarget('mailto:counsel@example.com')).toBe('mailto:counsel@example.com');
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'parley-app://app/', 'smb://server/share', 'ms-msdt:foo', '']) {
      expect(externalLinkTarget(url), url).toBeNull();
    }
  });

  it('opens a link only after the user agrees', async () => {
    const dialog = new FakeDialog();
    const shell = new FakeShell();
    const deps = { dialog, shell, window: () => ({}) };
    dialog.messageAnswers.push(0);
    expect(await offerToOpenExternally(deps, 'https://example.com/a')).toBe(false);
    expect(shell.opened).toEqual([]);
    dialog.messageAnswers.push(1);
    expect(await offerToOpenExternally(deps, 'https://example.com/a')).toBe(true);
    expect(shell.opened).toEqual(['https://example.com/a']);
    expect(dialog.shown.map((d) => (d.options as { detail: string }).detail)).toEqual(['https://example.com/a', 'https://example.com/a']);
  });

  it('never asks about, or opens, a scheme that is not allowed', async () => {
    const dialog = new FakeDialog();
    const shell = new FakeShell();
    expect(await offerToOpenExternally({ dialog, shell, window: () => ({}) }, 'file:///etc/passwd')).toBe(false);
    expect(dialog.shown).toEqual([]);
    expect(shell.opened).toEqual([]);
  });
});
