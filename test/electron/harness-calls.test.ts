// The browser harness's call endpoint, over real HTTP: the operation's name reaches the dispatcher as it was sent,
// and only a string names an operation.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, TOKEN_HEADER, type Harness } from '../../electron/web/harness.js';
import { tempDir } from '../helpers.js';

let running: Harness | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function harness(): Promise<{ harness: Harness; dataDir: string }> {
  const dir = tempDir();
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  const dataDir = path.join(dir, 'data');
  running = await startHarness({ dataDir, actor: 'Harness Tester', rendererDir });
  return { harness: running, dataDir };
}

function post(h: Harness, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: h.port, method: 'POST', path: '/api/call', agent: false, headers: { 'content-type': 'application/json', [TOKEN_HEADER]: h.token } },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (c: string) => (text += c)).on('end', () => resolve({ status: res.statusCode!, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('the harness call endpoint', () => {
  it('answers a call named by a string through the dispatcher', async () => {
    const { harness: h } = await harness();
    const answer = await post(h, JSON.stringify({ name: 'library.list', input: {} }));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true });
    const unknown = await post(h, JSON.stringify({ name: 'library.list ', input: {} }));
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
  });

  it('refuses a name that is not a string with 400 and a sentence, and runs nothing (a list is not made into its one element)', async () => {
    const { harness: h, dataDir } = await harness();
    const target = path.join(h.casesDir, 'made-by-a-list-name.parley');
    const create = { path: target, directive: { title: 'Export-control suspension order', status: 'received' } };
    for (const name of [['case.create'], { toString: 'case.create' }, 42, null, true]) {
      const answer = await post(h, JSON.stringify({ name, input: create }));
      expect(answer.status, JSON.stringify(name)).toBe(400);
      expect(answer.body).toBe('Send {name, input}: the name of the operation must be a string; nothing was done.');
    }
    const missing = await post(h, JSON.stringify({ input: create }));
    expect(missing.status).toBe(400);
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'library.json')) ? fs.readFileSync(path.join(dataDir, 'library.json'), 'utf8') : '').not.toContain('made-by-a-list-name');
    // A list as the whole body is not a call either.
    expect((await post(h, JSON.stringify([{ name: 'library.list', input: {} }]))).status).toBe(400);
  });
});
