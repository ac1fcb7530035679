// The browser platform: no native dialogs; the harness lists its default case folder (GET /api/files) and writes the
// sample case there (POST /api/sample).
import type { Envelope } from '../../shared/result.js';
import { ApiFailure } from '../api/client.js';
import { harnessFetch } from '../api/http-bridge.js';
import type { CaseFolderListing, Platform } from './platform.js';

export function browserPlatform(token: string): Platform {
  async function harnessJson<T>(url: string, init?: RequestInit): Promise<T> {
    const res = await harnessFetch(token, url, init);
    if (!(res instanceof Response)) throw new ApiFailure(url, res.error);
    return (await res.json()) as T;
  }
  return {
    name: 'browser',
    caseFolder: () => harnessJson<CaseFolderListing>('/api/files'),
    async sampleCase() {
      const envelope = await harnessJson<Envelope<{ path: string }>>('/api/sample', { method: 'POST' });
      if (!envelope.ok) throw new ApiFailure('sample case', envelope.error);
      return envelope.data.path;
    },
  };
}
