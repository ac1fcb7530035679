// @vitest-environment jsdom
// Copies of one case through the renderer's team store and the real core: Alice previews and merges Bob's copy (the
// section on screen is drawn again, the sidebar's count read again), then resolves the conflict it kept.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCases } from '../../renderer/state/cases.js';
import { applyMerge, exportChanges, previewMerge, showTeamDialog, useConflicts, useTeam } from '../../renderer/state/team.js';
import { connectRenderer } from './connect.js';
import { aliceAndBobsCopy } from './two-copies.js';

const conflicts = () => useConflicts.getState();
const openConflicts = (caseId: string) => useCases.getState().open.find((c) => c.caseId === caseId)?.openConflicts;

/** Alice's case with an issue, opened in the renderer; Bob's copy of the file, open in his own session, edited. */
const twoCopies = () => aliceAndBobsCopy({ ourWalkaway: 'No restriction before the hearing' });

describe('the team store', () => {
  it('previews without changing anything, merges, draws the section again and counts the conflicts kept', async () => {
    const { alice, caseId, issueId, bobFile } = await twoCopies();
    alice.call('issue.update', { caseId, id: issueId, changes: { ourWalkaway: 'EU and UK staff' } });
    const source = { from: 'copy', path: bobFile } as const;

    const preview = await previewMerge(caseId, source);
    expect(preview).toMatchObject({ changes: 2, authors: ['Bob Baker'], newConflicts: 1, preview: true });
    expect(alice.call('conflict.list', { caseId })).toEqual([]);
    expect(useTeam.getState().revision[caseId]).toBeUndefined();

    await conflicts().load(caseId);
    expect(await applyMerge(caseId, source)).toMatchObject({ changes: 2, newConflicts: 1, openConflicts: 1, preview: false });
    expect(useTeam.getState().revision[caseId]).toBe(1);
    expect(openConflicts(caseId)).toBe(1);
    expect(conflicts().conflicts).toMatchObject([{ field: 'ourWalkaway', recordId: issueId }]);

    // Nothing more to take in: the section is left as it is.
    expect((await applyMerge(caseId, source)).changes).toBe(0);
    expect(useTeam.getState().revision[caseId]).toBe(1);
  });

  it('resolves a conflict by keeping one side, with the reason, and the count follows', async () => {
    const { alice, caseId, issueId, bobFile } = await twoCopies();
    alice.call('issue.update', { caseId, id: issueId, changes: { ourWalkaway: 'EU and UK staff' } });
    await applyMerge(caseId, { from: 'copy', path: bobFile });
    await conflicts().load(caseId);
    const [conflict] = conflicts().conflicts!;
    const bobSide = conflict!.sides.findIndex((s) => s.author === 'Bob Baker');

    await expect(conflicts().resolve(caseId, conflict!.id, { side: 9 })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(conflicts().conflicts).toHaveLength(1);
    await conflicts().resolve(caseId, conflict!.id, { side: bobSide }, { reason: 'Agreed at the team call' });
    expect(conflicts().conflicts).toEqual([]);
    expect(openConflicts(caseId)).toBe(0);
    expect(alice.call('issue.get', { caseId, id: issueId }).ourWalkaway).toBe('No restriction before the hearing');
    expect(alice.call('record.history', { caseId, id: issueId }).at(-1)).toMatchObject({ actor: 'Alice Adler', reason: 'Agreed at the team call' });
  });

  it('exports changes as a bundle and imports them into another copy', async () => {
    const { alice, caseId, issueId } = await twoCopies();
    alice.call('issue.update', { caseId, id: issueId, changes: { ourTarget: 'Keep access for all staff' } });
    const exported = await exportChanges(caseId, path.join(alice.dir, 'from-alice.parley-changes'));
    expect(exported).toMatchObject({ path: path.join(alice.dir, 'from-alice.parley-changes'), encrypted: false });
    expect(exported.changes).toBeGreaterThan(0);
    await expect(previewMerge(caseId, { from: 'changes', path: exported.path })).resolves.toMatchObject({ changes: 0 });
  });

  it('opens the dialog for a case, and closes it', () => {
    connectRenderer();
    showTeamDialog('export', 'a-case');
    expect(useTeam.getState().dialog).toEqual({ action: 'export', caseId: 'a-case' });
    useTeam.getState().close();
    expect(useTeam.getState().dialog).toBeNull();
  });
});
