// Case files asked for from the command line or the file manager.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OpenFileRelay, caseFilesInArgv, userDataDirInArgv } from '../../electron/main/open-requests.js';

describe('caseFilesInArgv', () => {
  it('keeps .parley files, resolved against the working directory, and ignores switches and other arguments', () => {
    const cwd = path.resolve('/home/counsel');
    expect(caseFilesInArgv(['.', '--inspect', 'cases/A.parley', '--flag=x.parley', 'notes.txt', '/tmp/B.PARLEY'], cwd)).toEqual([
      path.resolve(cwd, 'cases/A.parley'),
      path.resolve('/tmp/B.PARLEY'),
    ]);
    expect(caseFilesInArgv([], cwd)).toEqual([]);
  });
});

describe('userDataDirInArgv', () => {
  it('reads --user-data-dir=<folder>, resolved against the working directory', () => {
    const cwd = path.resolve('/home/counsel');
    expect(userDataDirInArgv(['/usr/bin/parley', '--user-data-dir=portable/data', 'a.parley'], cwd)).toBe(path.resolve(cwd, 'portable/data'));
    expect(userDataDirInArgv(['/usr/bin/parley', '--user-data-dir=', '--user-data-dir'], cwd)).toBeNull();
    expect(userDataDirInArgv([], cwd)).toBeNull();
  });
});

describe('OpenFileRelay', () => {
  it('keeps files until the renderer listens, then delivers them once', () => {
    const delivered: string[] = [];
    const relay = new OpenFileRelay((file) => delivered.push(file));
    relay.request('/a.parley');
    relay.request('/b.parley');
    relay.request('/a.parley');
    expect(delivered).toEqual([]);
    relay.rendererListening();
    expect(delivered).toEqual(['/a.parley', '/b.parley']);
    relay.request('/c.parley');
    expect(delivered).toEqual(['/a.parley', '/b.parley', '/c.parley']);
  });

  it('keeps files again while the page reloads', () => {
    const delivered: string[] = [];
    const relay = new OpenFileRelay((file) => delivered.push(file));
    relay.rendererListening();
    relay.rendererGone();
    relay.request('/d.parley');
    expect(delivered).toEqual([]);
    relay.rendererListening();
    expect(delivered).toEqual(['/d.parley']);
  });
});
