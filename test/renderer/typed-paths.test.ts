// A new case file's typed path ("Save as" on the New case screen, the transfer copy's path): a bare name goes into
// the cases folder, and a name without an extension gets .parley (another extension is kept, for the desktop's
// file places to refuse with its own sentence).
import { describe, expect, it } from 'vitest';
import { resolveNewCasePath, resolveTypedPath } from '../../renderer/platform/platform.js';
import { withCaseFileExtension } from '../../shared/file-names.js';

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
