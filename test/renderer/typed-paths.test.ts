// @vitest-environment jsdom
// A new case file's typed path ("Save as" on the New case screen, the transfer copy's path): a bare name goes into
// the cases folder, and a name without an extension gets .parley (another extension is kept, for the desktop's
// file places to refuse with its own sentence).
import { describe, expect, it } from 'vitest';
import { resolveNewCasePath, resolveTypedPath } from '../../renderer/platform/platform.js';
import { useCaseFolder } from '../../renderer/platform/use-case-folder.js';
import { connect } from '../../renderer/services.js';
import type { ParleyDesktop } from '../../shared/desktop.js';
import { withCaseFileExtension } from '../../shared/file-names.js';
import { onCleanup } from '../helpers.js';
import { connectRenderer } from './connect.js';
import { renderHook } from './render-hook.js';

const listing = { folder: '/home/dana/Parley/cases', separator: '/', files: [], changeFiles: [] };

describe('withCaseFileExtension', () => {
  it.each([
    ['acme', 'acme.parley'],
    ['/tmp/acme', '/tmp/acme.parley'],
    ['C:\\Cases\\acme', 'C:\\Cases\\acme.parley'],
    ['/tmp/v1.2/acme', '/tmp/v1.2/acme.parley'],
    ['.hidden', '.hidden.parley'],
    ['acme.parley', 'acme.parley'],
    ['acme.PARLEY', 'acme.PARLEY'],
    ['acme.json', 'acme.json'],
    ['/tmp/', '/tmp/'],
    ['', ''],
  ])('%s → %s', (typed, expected) => expect(withCaseFileExtension(typed)).toBe(expected));
});

describe('resolveNewCasePath', () => {
  it('puts a bare name in the cases folder with .parley added; keeps a path with an extension as resolveTypedPath does', () => {
    expect(resolveNewCasePath('  acme ', listing)).toBe('/home/dana/Parley/cases/acme.parley');
    expect(resolveNewCasePath('/srv/acme', listing)).toBe('/srv/acme.parley');
    expect(resolveNewCasePath('acme.json', listing)).toBe(resolveTypedPath('acme.json', listing));
    expect(resolveNewCasePath('', null)).toBe('');
  });
});

describe('useCaseFolder', () => {
  it('resolves a bare name typed before the cases folder has loaded into that folder, not as a relative path', async () => {
    connectRenderer();
    let answer: (folder: typeof listing) => void = () => {};
    const slowFolder = new Promise<typeof listing>((resolve) => (answer = resolve));
    window.parleyDesktop = { caseFolder: () => slowFolder } as unknown as ParleyDesktop;
    onCleanup(() => delete window.parleyDesktop);
    if (!connect()) throw new Error('not connected');
    const hook = await renderHook(() => useCaseFolder(), {});
    expect(hook.current.listing).toBeNull();
    const resolved = hook.current.resolve('order.parley'); // Enter pressed before the folder answered
    answer(listing);
    expect(await resolved).toBe('/home/dana/Parley/cases/order.parley');
    await hook.rerender({});
    expect(hook.current.listing?.folder).toBe('/home/dana/Parley/cases');
  });
});
