// @vitest-environment jsdom
// The library screen's data from the real core: the case files worked with and the cross-case dashboard.
import { describe, expect, it } from 'vitest';
import { useLibrary } from '../../renderer/state/library.js';
import { isoToday } from '../../renderer/ui/dates.js';
import { newCase } from '../helpers.js';
import { connectRenderer } from './connect.js';

const library = () => useLibrary.getState();

describe('the library store', () => {
  it('reads the case files worked with and the dashboard for the user\'s today', async () => {
    const core = connectRenderer();
    const info = newCase(core);
    core.call('deadline.create', { caseId: info.caseId, fields: { title: 'Compliance plan', deadlineKind: 'compliance', status: 'open', dueType: 'tbd' } });
    expect(library().status).toBe('idle');
    const reading = library().load();
    expect(library().status).toBe('loading');
    await reading;
    expect(library()).toMatchObject({ status: 'ready', error: null });
    expect(library().entries).toMatchObject([{ path: info.path, caseId: info.caseId, state: 'ok', title: 'Export-control suspension order' }]);
    expect(library().dashboard?.today).toBe(isoToday());
    expect(library().dashboard?.tbd.map((d) => d.title)).toEqual(['Compliance plan']);
    // A platform that cannot list a cases folder (this shell's) leaves nothing unlisted.
    expect(library()).toMatchObject({ folder: null, unlisted: [] });
  });

  it('keeps a file that is gone in the list, saying so', async () => {
    const core = connectRenderer();
    const info = newCase(core);
    core.call('case.close', { caseId: info.caseId });
    (await import('node:fs')).rmSync(info.path);
    await library().load();
    expect(library().entries).toMatchObject([{ path: info.path, state: 'missing' }]);
  });
});
