// A draft's working text (draft.workingBody, migration 0010): what the editor saves at each pause in writing, kept on
// the draft until a new revision takes it over. Through the real dispatcher on real case files: saved and audited
// without a revision, searchable, cleared by the next revision in the same transaction, refused when it is not an
// editor document, and never in a shareable copy of the case.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseWorld } from './support/world.js';

const doc = (...paragraphs: string[]) => JSON.stringify({ type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });

function draftWithRevision(w: CaseWorld, fields: Record<string, unknown> = {}) {
  const draft = w.api.call('draft.create', { caseId: w.caseId, fields: { title: 'Brief for the terms meeting', draftType: 'meeting_brief', status: 'working', ...fields } });
  w.api.call('draftRevision.create', { caseId: w.caseId, fields: { draftId: draft.id, format: 'prosemirror', body: doc('Purpose.') } });
  return draft;
}

const revisions = (w: CaseWorld, draftId: string) => w.api.call('draftRevision.list', { caseId: w.caseId, filter: { draftId } }).sort((a, b) => a.revisionNumber - b.revisionNumber);

describe('the text typed since the last revision', () => {
  it('is saved on the draft, audited at every save, found by search, and makes no revision', () => {
    const w = CaseWorld.create();
    const draft = draftWithRevision(w);
    const typed = [doc('Purpose: agree'), doc('Purpose: agree terms.'), doc('Purpose: agree terms.', 'Marmalade clause.')];
    for (const workingBody of typed) w.api.call('draft.update', { caseId: w.caseId, id: draft.id, changes: { workingBody } });

    expect(w.api.call('draft.get', { caseId: w.caseId, id: draft.id }).workingBody).toBe(typed[2]);
    expect(revisions(w, draft.id)).toHaveLength(1);
    // Nothing typed is lost: every save is in the draft's audit trail, with what it held.
    const saves = w.api.call('record.history', { caseId: w.caseId, id: draft.id }).filter((h) => h.operation === 'update');
    expect(saves.map((h) => (h.after as { workingBody?: string }).workingBody)).toEqual(typed);
    // Searched as a reader sees it, like a revision: the words, not the document's JSON.
    expect(w.api.call('case.search', { caseId: w.caseId, query: 'marmalade' }).map((hit) => hit.id)).toContain(draft.id);
    expect(w.api.call('case.search', { caseId: w.caseId, query: 'paragraph' }).map((hit) => hit.id)).not.toContain(draft.id);
    expect(w.api.call('case.verify', { caseId: w.caseId }).ok).toBe(true);
  });

  it('is taken over by the next revision: cleared in the same transaction, with its own audit entry', () => {
    const w = CaseWorld.create();
    const draft = draftWithRevision(w);
    const typed = doc('Purpose: agree terms.');
    w.api.call('draft.update', { caseId: w.caseId, id: draft.id, changes: { workingBody: typed } });
    const headBefore = w.api.call('case.info', { caseId: w.caseId }).auditHead;

    const cut = w.api.call('draftRevision.create', { caseId: w.caseId, fields: { draftId: draft.id, format: 'prosemirror', body: typed } });
    expect(cut.revisionNumber).toBe(2);
    expect(w.api.call('draft.get', { caseId: w.caseId, id: draft.id }).workingBody).toBeNull();
    const clearing = w.api.call('record.history', { caseId: w.caseId, id: draft.id }).at(-1)!;
    expect(clearing).toMatchObject({ operation: 'update', reason: 'its text is kept as revision 2' });
    expect((clearing.after as { workingBody: unknown }).workingBody).toBeNull();
    expect(w.api.call('case.info', { caseId: w.caseId }).auditHead).not.toBe(headBefore);

    // A revision of a draft with no working text changes nothing on the draft.
    const version = w.api.call('draft.get', { caseId: w.caseId, id: draft.id }).version;
    w.api.call('draftRevision.create', { caseId: w.caseId, fields: { draftId: draft.id, format: 'prosemirror', body: doc('Purpose: agree terms today.') } });
    expect(w.api.call('draft.get', { caseId: w.caseId, id: draft.id }).version).toBe(version);
    expect(w.api.call('case.verify', { caseId: w.caseId }).ok).toBe(true);
  });

  it('refuses text that is not an editor document, in plain words, and keeps what was there', () => {
    const w = CaseWorld.create();
    const draft = draftWithRevision(w);
    w.api.call('draft.update', { caseId: w.caseId, id: draft.id, changes: { workingBody: doc('Kept.') } });
    expect(() => w.api.call('draft.update', { caseId: w.caseId, id: draft.id, changes: { workingBody: 'just words' } })).toThrow(/text typed since the last revision is not a valid editor document/);
    expect(w.api.call('draft.get', { caseId: w.caseId, id: draft.id }).workingBody).toBe(doc('Kept.'));
  });

  it('never leaves in a shareable copy, even of a draft prepared as shareable', () => {
    const w = CaseWorld.create();
    const draft = draftWithRevision(w, { shareable: true });
    w.api.call('draft.update', { caseId: w.caseId, id: draft.id, changes: { workingBody: doc('Purpose.', 'Our fallback is the Zanzibar option.') } });

    const copy = path.join(w.api.dir, 'for-the-agency.parley');
    w.api.call('case.exportForTransfer', { caseId: w.caseId, path: copy, passphrase: 'a passphrase for the agency', shareable: true });
    const opened = w.api.call('case.open', { path: copy, passphrase: 'a passphrase for the agency' });
    const [shared] = w.api.call('draft.list', { caseId: opened.caseId });
    expect(shared).toMatchObject({ title: 'Brief for the terms meeting', workingBody: null });
    expect(w.api.call('draftRevision.list', { caseId: opened.caseId }).map((r) => JSON.parse(r.body))).toEqual([JSON.parse(doc('Purpose.'))]);
    const exported = JSON.stringify(w.api.call('case.export', { caseId: opened.caseId, includeAttachments: false }));
    expect(exported).not.toContain('Zanzibar');
    // The full export of the case itself keeps it: the team's own backup loses nothing.
    expect(JSON.stringify(w.api.call('case.export', { caseId: w.caseId, includeAttachments: false }))).toContain('Zanzibar');
  });
});
