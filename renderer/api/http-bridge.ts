// The bridge used in a plain browser: each operation is a POST to the harness (electron/web/harness.ts), which
// runs the same dispatcher the desktop app does. The harness refuses requests without the token it printed.
import { bridgeFrom, type ParleyBridge } from '../../shared/bridge.js';
import type { ApiError, Envelope } from '../../shared/result.js';

type Failure = { ok: false; error: ApiError };

export const TOKEN_HEADER = 'x-parley-token';
const TOKEN_KEY = 'parley.harnessToken';

/**
 * The harness's access token: taken from the address once (?token=...), kept for this tab in sessionStorage, and
 * removed from the address bar so it does not end up in bookmarks, history or screenshots.
 */
export function takeHarnessToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function transportFailure(message: string): Failure {
  return { ok: false, error: { code: 'io_error', message } };
}

/** GETs or POSTs to the harness with the token, answering a failure as an envelope the UI can show. */
export async function harnessFetch(token: string, url: string, init: RequestInit = {}): Promise<Response | Failure> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { ...init.headers, [TOKEN_HEADER]: token } });
  } catch {
    return transportFailure('Parley is not answering: the harness (`npm run web`) may have stopped. Start it again and reload this page.');
  }
  if (res.status === 403) {
    return transportFailure('This page\'s access token is missing or out of date: open the address that `npm run web` printed.');
  }
  if (!res.ok) return transportFailure(`The harness refused the request (${res.status}): ${(await res.text()).slice(0, 200)}`);
  return res;
}

export function httpBridge(token: string): ParleyBridge {
  return bridgeFrom(async (name, input) => {
    const res = await harnessFetch(token, '/api/call', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, input }),
    });
    return res instanceof Response ? ((await res.json()) as Envelope<unknown>) : res;
  });
}
