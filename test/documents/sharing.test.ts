// Who may see what, as a person changes it: sharing.get / sharing.set / sharing.list through the real dispatcher on
// the sample case (fixture.ts), what each choice does to the shareable brief, its preview, the calendar and a
// shareable copy of the case, and what the registry declares by default.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BriefPreview } from '../../shared/api-types.js';
import { documentText } from '../../shared/documents/index.js';
import { KINDS, KIND_NAMES, type KindName } from '../../shared/records.js';
import { sampleCase, TEXT } from './fixture.js';

const briefText = (api: ReturnType<typeof sampleCase>['api'], input: { caseId: string; meetingId: string; shareable?: boolean }) =>
  documentText(api.call('brief.build', input));

function idOf(api: ReturnType<typeof sampleCase>['api'], caseId: string, kind: 'issue' | 'note' | 'deadline' | 'batna' | 'precedent' | 'link' | 'watchItem', match: (r: Record<string, unknown>) => boolean): string {
  const found = (api.call(`${kind}.list` as 'issue.list', { caseId }) as unknown as Record<string, unknown>[]).find(match);
  if (!found) throw new Error(`no such ${kind}`);
  return found.id as string;
}

describe('the registry', () => {
  it('declares every field of every kind internal or shareable, keeps required fields shareable, and the domain guide’s internal fields internal', () => {
    for (const kind of KIND_NAMES) {
      for (const [field, def] of Object.entries(KINDS[kind].fields) as [string, { share: string; required: boolean }][]) {
        expect(['internal', 'shareable'], `${kind}.${field}`).toContain(def.share);
        if (def.required) expect(def.share, `${kind}.${field} is required`).toBe('shareable');
      }
    }
    const internal: [KindName, string][] = [
      ['issue', 'ourTarget'], ['issue', 'ourWalkaway'], ['issue', 'ourInterests'], ['issue', 'theirInterests'], ['directive', 'risk'],
      ['batna', 'notes'], ['batna', 'strength'], ['watchItem', 'implications'], ['link', 'note'], ['precedent', 'relevance'],
      ['party', 'notes'], ['actionItem', 'notes'], ['deadline', 'notes'], ['positionChange', 'reason'],
    ];
    for (const [kind, field] of internal) expect((KINDS[kind].fields as Record<string, { share: string }>)[field]!.share, `${kind}.${field}`).toBe('internal');
    for (const [kind, field] of [['issue', 'ourOpening'], ['issue', 'theirPosition'], ['meeting', 'agenda'], ['precedent', 'citation']] as [KindName, string][]) {
      expect((KINDS[kind].fields as Record<string, { share: string }>)[field]!.share, `${kind}.${field}`).toBe('shareable');
    }
  });
});

describe('sharing choices', () => {
  it('says per record and field who may see it, and why a record is internal', () => {
    const { api, caseId } = sampleCase();
    const batna = api.call('sharing.get', { caseId, kind: 'batna', id: idOf(api, caseId, 'batna', (b) => b.side === 'ours') });
    expect(batna.record).toMatchObject({ level: 'internal', default: 'internal', defaultWhy: 'our BATNA', choice: null, settable: true });
    const supports = api.call('sharing.get', { caseId, kind: 'link', id: idOf(api, caseId, 'link', (l) => l.linkType === 'supports') });
    expect(supports.record.why).toMatch(/supports our position/);
    const note = api.call('sharing.get', { caseId, kind: 'note', id: idOf(api, caseId, 'note', (n) => n.body === TEXT.internalNote) });
    expect(note.record).toMatchObject({ level: 'internal', defaultWhy: 'a note marked internal' });
    const directive = api.call('sharing.get', { caseId, kind: 'directive', id: api.call('directive.get', { caseId }).id });
    expect(directive.record.settable).toBe(false);
    expect(directive.fields.find((f) => f.field === 'risk')).toMatchObject({ level: 'internal', label: 'Risk', settable: true });
    expect(directive.fields.find((f) => f.field === 'title')).toMatchObject({ level: 'shareable', settable: false });
  });

  it('lets a person mark a field shareable: the shareable brief then carries it and names the choice; audited; back to the default takes it out again', () => {
    const { api, caseId, meetingId, issueIds } = sampleCase();
    const target = TEXT.issues[0]!.ourTarget;
    expect(briefText(api, { caseId, meetingId, shareable: true })).not.toContain(target);

    const after = api.call('sharing.set', { caseId, kind: 'issue', id: issueIds[0]!, field: 'ourTarget', level: 'shareable', reason: 'We table it on 3 December' });
    expect(after.fields.find((f) => f.field === 'ourTarget')).toMatchObject({ level: 'shareable', default: 'internal', choice: { level: 'shareable', by: 'Dana Whitlock' } });
    const history = api.call('case.recentChanges', { caseId, limit: 1 });
    expect(history[0]).toMatchObject({ kind: 'disclosure', operation: 'create', actor: 'Dana Whitlock', reason: 'We table it on 3 December' });

    const shareable = briefText(api, { caseId, meetingId, shareable: true });
    expect(shareable).toContain(target);
    // The brief shows which: the field let out, by its label and its record's title; not who chose it.
    expect(shareable).toContain(`Shared at the team\u2019s choice: our target of \u201c${TEXT.issues[0]!.title}\u201d.`);
    expect(shareable).not.toContain('by Dana Whitlock');
    // The other issues' targets stay in.
    expect(shareable).not.toContain(TEXT.issues[1]!.ourTarget);
    // The internal brief names the choice with who made it.
    expect(briefText(api, { caseId, meetingId })).toMatch(/Sharing choices \(for the shareable version\): our target of “Scope of suspension” marked shareable by Dana Whitlock, \d+ \w+ \d{4}\./);
    expect(api.call('sharing.list', { caseId })).toEqual([expect.objectContaining({ kind: 'issue', id: issueIds[0], field: 'ourTarget', fieldLabel: 'Our target', level: 'shareable', live: true })]);

    // A choice that changes nothing is not stored again; back to the default is.
    const before = api.call('case.recentChanges', { caseId, limit: 100 }).length;
    api.call('sharing.set', { caseId, kind: 'issue', id: issueIds[0]!, field: 'ourTarget', level: 'shareable' });
    expect(api.call('case.recentChanges', { caseId, limit: 100 })).toHaveLength(before);
    api.call('sharing.set', { caseId, kind: 'issue', id: issueIds[0]!, field: 'ourTarget', level: 'default' });
    expect(api.call('case.recentChanges', { caseId, limit: 100 })).toHaveLength(before + 1);
    expect(briefText(api, { caseId, meetingId, shareable: true })).not.toContain(target);
    expect(api.call('sharing.list', { caseId })).toEqual([]);
  });

  it('lets a person mark a record internal (gone from the shareable brief with what belongs to it) or shareable (an internal note)', () => {
    const { api, caseId, meetingId, issueIds } = sampleCase();
    api.call('sharing.set', { caseId, kind: 'issue', id: issueIds[1]!, level: 'internal' });
    const noteId = idOf(api, caseId, 'note', (n) => n.body === TEXT.internalNote);
    api.call('sharing.set', { caseId, kind: 'note', id: noteId, level: 'shareable' });
    const shareable = briefText(api, { caseId, meetingId, shareable: true });
    expect(shareable).not.toContain(TEXT.issues[1]!.title);
    expect(shareable).not.toContain(TEXT.issues[1]!.ourOpening);
    // The cites link of that issue goes with it.
    expect(shareable).not.toMatch(/Bears on: Tiered access/);
    expect(shareable).toContain(TEXT.internalNote);
    expect(shareable).toContain('Shared at the team\u2019s choice: the note \u201cThe board will accept a thirty-day transition if pressed\u2026\u201d.');
    // What was kept in is not named in what leaves.
    expect(shareable).not.toMatch(/marked internal/);
    const internal = briefText(api, { caseId, meetingId });
    expect(internal).toContain(TEXT.issues[1]!.title);
    expect(internal).toMatch(/the issue “Tiered access by model capability” marked internal by Dana Whitlock/);
  });

  it('refuses choices that make no sense, each with a clear error, and stores none of them', () => {
    const { api, caseId, issueIds } = sampleCase();
    const directiveId = api.call('directive.get', { caseId }).id;
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ kind: 'issue', id: issueIds[0], field: 'ourBottomLine', level: 'shareable' }, 'invalid_input', /^An issue has no field "ourBottomLine"\./],
      [{ kind: 'issue', id: issueIds[0], field: 'title', level: 'internal' }, 'invalid_input', /goes with the record: mark the whole issue instead/],
      [{ kind: 'directive', id: directiveId, level: 'internal' }, 'invalid_input', /^The directive is the case itself: mark its fields/],
      [{ kind: 'issue', id: '0b6f0d4e-7a57-4c31-9d0f-5d1f3f2b7e99', level: 'internal' }, 'not_found', /./],
      [{ kind: 'issue', id: issueIds[0], level: 'secret' }, 'invalid_input', /level/],
      [{ kind: 'disclosure', id: issueIds[0], level: 'internal' }, 'invalid_input', /kind/],
      [{ kind: 'issue', id: issueIds[0], field: 'our target', level: 'internal' }, 'invalid_input', /field name/],
    ];
    for (const [input, code, message] of cases) {
      const err = api.fail('sharing.set', { caseId, ...input }, code as 'invalid_input');
      expect(`${err.message} ${JSON.stringify(err.issues ?? [])}`, JSON.stringify(input)).toMatch(message);
    }
    expect(api.call('disclosure.list', { caseId })).toEqual([]);
  });
});

describe('the shareable preview', () => {
  it('lists the sections, what the rules leave out of each, and warns of shareable text quoting internal text or holding telltale words', () => {
    const { api, caseId, meetingId, issueIds } = sampleCase();
    // A shareable field that repeats our walk-away word for word, and one that says "bottom line".
    api.call('issue.update', { caseId, id: issueIds[2]!, changes: { ourOpening: `We could accept this: ${TEXT.issues[0]!.ourWalkaway}.` } });
    api.call('issue.update', { caseId, id: issueIds[1]!, changes: { description: 'Tiers are our bottom line in this session.' } });
    const preview: BriefPreview = api.call('brief.preview', { caseId, meetingId, leaveOut: ['watch'] });

    expect(preview.sections.map((s) => [s.id, s.included, s.excluded])).toEqual([
      ['purpose', true, null], ['attendees', true, null], ['background', true, null], ['deadlines', true, null], ['issues', true, null],
      ['batna', false, 'internal'], ['options', true, null], ['precedents', true, null], ['actions', true, null],
      ['questions', false, 'internal'], ['watch', false, 'left_out'], ['notes', true, null], ['attachments', false, 'left_out'],
    ]);
    const issues = preview.sections.find((s) => s.id === 'issues')!;
    expect(issues.leftOut).toEqual(expect.arrayContaining([
      { kind: 'issue', field: 'ourTarget', count: 3, text: 'Our target of 3 issues' },
      { kind: 'issue', field: 'ourWalkaway', count: 3, text: 'Our walk-away of 3 issues' },
    ]));
    expect(preview.sections.find((s) => s.id === 'notes')!.leftOut).toEqual([{ kind: 'note', field: null, count: 1, text: '1 note kept internal' }]);
    expect(preview.sections.find((s) => s.id === 'deadlines')!.leftOut).toEqual(expect.arrayContaining([{ kind: 'deadline', field: null, count: 1, text: '1 deadline kept internal' }]));

    expect(preview.warnings).toEqual(expect.arrayContaining([
      expect.objectContaining({
        reason: 'quotes_internal', excerpt: TEXT.issues[0]!.ourWalkaway, word: null,
        at: expect.objectContaining({ kind: 'issue', id: issueIds[2], field: 'ourOpening', fieldLabel: 'Our opening' }),
        quotes: expect.objectContaining({ kind: 'issue', id: issueIds[0], field: 'ourWalkaway', fieldLabel: 'Our walk-away' }),
        sections: expect.arrayContaining(['issues']),
      }),
      expect.objectContaining({
        reason: 'telltale_word', word: 'bottom line', excerpt: expect.stringContaining('our bottom line'),
        at: expect.objectContaining({ kind: 'issue', id: issueIds[1], field: 'description' }), sections: ['options'],
      }),
    ]));
    // A section left out carries nothing to warn about: the watch items say nothing telltale here anyway, so ask
    // again with the warning's only section left out.
    const without = api.call('brief.preview', { caseId, meetingId, leaveOut: ['options'] });
    expect(without.warnings.filter((w) => w.reason === 'telltale_word')).toEqual([]);
    expect(preview.choices).toEqual([]);
  });

  it('refuses the preview of an internal meeting, as it refuses its shareable brief', () => {
    const { api, caseId, meetingId } = sampleCase();
    api.call('sharing.set', { caseId, kind: 'meeting', id: meetingId, level: 'internal' });
    expect(api.fail('brief.preview', { caseId, meetingId }, 'invalid_input').message).toMatch(/This meeting is internal/);
    expect(api.fail('brief.build', { caseId, meetingId, shareable: true }, 'invalid_input').message).toMatch(/This meeting is internal/);
    expect(briefText(api, { caseId, meetingId })).toContain(TEXT.purpose);
  });
});

describe('other artefacts that leave', () => {
  it('the calendar leaves out internal deadlines and those marked internal, and carries one marked shareable', () => {
    const { api, caseId } = sampleCase();
    const ics = () => api.call('calendar.ics', { caseIds: [caseId] }).text;
    expect(ics()).toContain(TEXT.datedDeadline);
    expect(ics()).not.toContain(TEXT.internalDeadline);
    api.call('sharing.set', { caseId, kind: 'deadline', id: idOf(api, caseId, 'deadline', (d) => d.title === TEXT.datedDeadline), level: 'internal' });
    api.call('sharing.set', { caseId, kind: 'deadline', id: idOf(api, caseId, 'deadline', (d) => d.title === TEXT.internalDeadline), level: 'shareable' });
    expect(ics()).not.toContain(TEXT.datedDeadline);
    expect(ics()).toContain(TEXT.internalDeadline);
  });

  it('a shareable copy for transfer is a new case holding only what may leave: new ids, no internal text, no history of it', () => {
    const { api, caseId, issueIds } = sampleCase();
    const copy = path.join(api.dir, 'for-bis.parley');
    const { certificate } = api.call('case.exportForTransfer', { caseId, path: copy, passphrase: 'a passphrase for BIS', shareable: true });
    expect(certificate.caseId).not.toBe(caseId);
    const opened = api.call('case.open', { path: copy, passphrase: 'a passphrase for BIS' });
    const issues = api.call('issue.list', { caseId: opened.caseId });
    expect(issues.map((i) => i.title)).toEqual(TEXT.issues.map((i) => i.title));
    for (const i of issues) {
      expect(issueIds).not.toContain(i.id);
      expect(i).toMatchObject({ ourTarget: null, ourWalkaway: null, theirInterests: null });
    }
    expect(issues[0]!.ourOpening).toBe(TEXT.issues[0]!.ourOpening);
    expect(api.call('batna.list', { caseId: opened.caseId })).toEqual([]);
    expect(api.call('note.list', { caseId: opened.caseId }).map((n) => n.body)).toEqual([TEXT.sharedNote]);
    expect(api.call('directive.get', { caseId: opened.caseId }).risk).toBeNull();
    const exported = JSON.stringify(api.call('case.export', { caseId: opened.caseId, includeAttachments: false }));
    for (const secret of [TEXT.issues[0]!.ourTarget, TEXT.issues[0]!.ourWalkaway, TEXT.ourBatna, TEXT.internalNote, TEXT.internalDeadline, caseId, ...issueIds]) {
      expect(exported).not.toContain(secret);
    }
  });
});
