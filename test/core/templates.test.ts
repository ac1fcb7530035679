// The firm's templates (electron/core/firm-templates.ts) through the real dispatcher and real files in a temporary
// data folder; and the brief's chosen sections, their order and the appendix of attachments.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMeetingBrief } from '../../electron/core/briefs/index.js';
import {
  bold, doc, documentText, heading, paragraph, recordLink, sectionBlocks, sectionIds, type DocumentNode,
} from '../../shared/documents/index.js';
import { TEMPLATE_EXTENSION } from '../../shared/templates.js';
import { sampleCase, TEXT } from '../documents/fixture.js';
import { testApi, type TestApi } from '../helpers.js';

const templatesFolder = (api: TestApi) => path.join(api.dir, 'data', 'templates');
const fileOf = (api: TestApi, id: string) => path.join(templatesFolder(api), `${id}${TEMPLATE_EXTENSION}`);

const LETTER = doc([
  heading(1, 'Letter on {{directive.title}}'),
  paragraph(bold('Walk-away: '), '{{issue.1.ourWalkaway}}'),
  paragraph('Opening: {{issue.1.ourOpening}}'),
]);

function sectionText(brief: DocumentNode, id: string): string {
  const blocks = sectionBlocks(brief, id);
  if (!blocks) throw new Error(`no section ${id}`);
  return documentText({ type: 'doc', content: blocks });
}

describe('firm templates', () => {
  it('saves a draft as a template file, lists it, fills its merge fields from a case, renames and removes it', () => {
    const { api, caseId } = sampleCase();
    const saved = api.call('template.save', { kind: 'draft', title: 'Firm letter', draftType: 'letter', shareable: false, document: LETTER });
    expect(saved).toMatchObject({ id: 'firm-letter', kind: 'draft', title: 'Firm letter', draftType: 'letter', shareable: false, savedBy: 'Dana Whitlock' });
    const onDisk = JSON.parse(fs.readFileSync(fileOf(api, 'firm-letter'), 'utf8'));
    expect(onDisk).toMatchObject({ format: 'parley-template', version: 1, kind: 'draft', title: 'Firm letter', document: LETTER });

    const listing = api.call('template.list', {});
    expect(listing.folder).toBe(templatesFolder(api));
    expect(listing.templates.map((t) => t.id)).toEqual(['firm-letter']);
    expect(listing.unreadable).toEqual([]);

    // An internal template is filled from the whole case, its placeholders as the built-in ones.
    const filled = api.call('template.fill', { caseId, templateId: 'firm-letter' });
    expect(filled).toMatchObject({ title: `Firm letter: ${TEXT.directiveTitle}`, draftType: 'letter', shareable: false, unresolved: [] });
    expect(documentText(filled.doc)).toContain(`Letter on ${TEXT.directiveTitle}`);
    expect(documentText(filled.doc)).toContain(TEXT.issues[0]!.ourWalkaway);

    // A shareable one from what may leave the team: the walk-away stays out.
    api.call('template.save', { kind: 'draft', title: 'Outward letter', draftType: 'letter', shareable: true, document: LETTER });
    const outward = api.call('template.fill', { caseId, templateId: 'outward-letter' });
    expect(outward.shareable).toBe(true);
    expect(documentText(outward.doc)).not.toContain(TEXT.issues[0]!.ourWalkaway);
    expect(documentText(outward.doc)).toContain(TEXT.issues[0]!.ourOpening);

    const renamed = api.call('template.rename', { templateId: 'firm-letter', title: 'Letter to the bureau' });
    expect(renamed).toMatchObject({ id: 'letter-to-the-bureau', title: 'Letter to the bureau' });
    expect(fs.existsSync(fileOf(api, 'firm-letter'))).toBe(false);
    expect(JSON.parse(fs.readFileSync(fileOf(api, 'letter-to-the-bureau'), 'utf8')).document).toEqual(LETTER);

    expect(api.call('template.remove', { templateId: 'letter-to-the-bureau' })).toBeNull();
    expect(api.call('template.list', {}).templates.map((t) => t.id)).toEqual(['outward-letter']);
    expect(api.fail('template.remove', { templateId: 'letter-to-the-bureau' }, 'not_found').message).toContain('letter-to-the-bureau');
    expect(api.internalErrors).toEqual([]);
  });

  it('never overwrites a template of the same name: the new file takes a number', () => {
    const api = testApi();
    api.call('template.save', { kind: 'draft', title: 'Memo', draftType: 'memo', shareable: false, document: LETTER });
    const second = api.call('template.save', { kind: 'draft', title: 'memo', draftType: 'memo', shareable: false, document: doc([paragraph('Other')]) });
    expect(second.id).toBe('memo-2');
    expect(JSON.parse(fs.readFileSync(fileOf(api, 'memo'), 'utf8')).document).toEqual(LETTER);
    // Renaming onto a name that is taken numbers it too.
    expect(api.call('template.rename', { templateId: 'memo-2', title: 'Memo' }).id).toBe('memo-3');
    expect(api.call('template.list', {}).templates.map((t) => t.id)).toEqual(['memo', 'memo-3']);
  });

  it('keeps no record links in a template: they point into the case it came from', () => {
    const api = testApi();
    const linked = doc([paragraph('See ', recordLink('Scope of suspension', 'issue', '0190a7d2-0000-7000-8000-000000000001'), '.')]);
    api.call('template.save', { kind: 'draft', title: 'Linked', draftType: 'memo', shareable: false, document: linked });
    const stored = fs.readFileSync(fileOf(api, 'linked'), 'utf8');
    expect(stored).not.toContain('recordLink');
    expect(stored).toContain('Scope of suspension');
  });

  it('lists foreign, corrupt and newer files as unreadable with the reason, and the good ones all the same', () => {
    const { api, caseId } = sampleCase();
    api.call('template.save', { kind: 'brief', title: 'Short brief', sections: ['issues', 'purpose'] });
    const folder = templatesFolder(api);
    const write = (name: string, text: string) => fs.writeFileSync(path.join(folder, name), text);
    write(`broken${TEMPLATE_EXTENSION}`, '{"format": "parley-template", "vers');
    write(`foreign${TEMPLATE_EXTENSION}`, JSON.stringify({ format: 'somebody-else', version: 1 }));
    write(`newer${TEMPLATE_EXTENSION}`, JSON.stringify({ format: 'parley-template', version: 2, kind: 'hologram', title: 'From the future' }));
    write(`damaged${TEMPLATE_EXTENSION}`, JSON.stringify({ format: 'parley-template', version: 1, kind: 'draft', title: 'No document', draftType: 'memo', shareable: false, savedAt: '2026-12-01T10:00:00.000Z', savedBy: 'X' }));
    write('notes.txt', 'not a template, not listed');

    const listing = api.call('template.list', {});
    expect(listing.templates.map((t) => t.title)).toEqual(['Short brief']);
    const problems = Object.fromEntries(listing.unreadable.map((u) => [u.fileName, u.problem]));
    expect(Object.keys(problems).sort()).toEqual(['broken', 'damaged', 'foreign', 'newer'].map((n) => `${n}${TEMPLATE_EXTENSION}`));
    expect(problems[`broken${TEMPLATE_EXTENSION}`]).toMatch(/is not a Parley template/);
    expect(problems[`foreign${TEMPLATE_EXTENSION}`]).toBe('is not a Parley template.');
    expect(problems[`newer${TEMPLATE_EXTENSION}`]).toMatch(/newer version of Parley/);
    expect(problems[`damaged${TEMPLATE_EXTENSION}`]).toMatch(/is damaged/);

    expect(api.fail('template.fill', { caseId, templateId: 'newer' }, 'invalid_input').message).toMatch(/newer version of Parley/);
    // A brief template is not a draft's.
    expect(api.fail('template.fill', { caseId, templateId: 'short-brief' }, 'invalid_input').message).toMatch(/brief template/);
    // An unreadable file can still be removed, by the name the list gives.
    api.call('template.remove', { templateId: 'broken' });
    expect(fs.existsSync(path.join(folder, `broken${TEMPLATE_EXTENSION}`))).toBe(false);
    expect(api.internalErrors).toEqual([]);
  });

  it('never names a file outside the templates folder', () => {
    const { api, caseId } = sampleCase();
    const outside = path.join(api.dir, 'data', 'precious.parley-template.json');
    fs.writeFileSync(outside, 'keep me');
    for (const id of ['../precious', '..', 'a/b', 'x.json', '/etc/passwd', 'Memo', '']) {
      api.fail('template.remove', { templateId: id }, 'invalid_input');
      api.fail('template.fill', { caseId, templateId: id }, 'invalid_input');
      api.fail('template.rename', { templateId: id, title: 'New' }, 'invalid_input');
    }
    expect(fs.readFileSync(outside, 'utf8')).toBe('keep me');
    // A title that looks like a path is only a title: its file is in the folder, named from its words.
    const saved = api.call('template.save', { kind: 'brief', title: '../../precious', sections: ['issues'] });
    expect(saved.id).toBe('precious');
    expect(fs.existsSync(fileOf(api, 'precious'))).toBe(true);
    expect(fs.readFileSync(outside, 'utf8')).toBe('keep me');
    // Either a built-in template or a firm's, never both or neither.
    api.fail('template.fill', { caseId }, 'invalid_input');
    api.fail('template.fill', { caseId, template: 'internalMemo', templateId: 'precious' }, 'invalid_input');
    // A caller gives no path and no file name.
    api.fail('template.save', { kind: 'brief', title: 'X', sections: ['issues'], fileName: '../x.json' }, 'invalid_input');
  });
});

describe('brief sections chosen and ordered', () => {
  it('builds the sections chosen, in the order chosen; a shareable brief never gains an internal section', () => {
    const { api, caseId, meetingId } = sampleCase();
    const cf = api.session.get(caseId);
    const order = ['issues', 'batna', 'purpose', 'questions', 'deadlines'] as const;
    expect(sectionIds(buildMeetingBrief(cf, meetingId, { sections: order }))).toEqual(order);
    const shareable = api.call('brief.build', { caseId, meetingId, shareable: true, sections: [...order] });
    expect(sectionIds(shareable)).toEqual(['issues', 'purpose', 'deadlines']);
    expect(documentText(shareable)).not.toContain(TEXT.ourBatna);
    // Leaving out still applies to a chosen list.
    expect(sectionIds(api.call('brief.build', { caseId, meetingId, sections: [...order], leaveOut: ['purpose'] }))).toEqual(['issues', 'batna', 'questions', 'deadlines']);
    // The preview lists the sections chosen in their order (an internal one in its place, never included), then the others.
    const preview = api.call('brief.preview', { caseId, meetingId, sections: [...order] });
    expect(preview.sections.slice(0, 6).map((s) => [s.id, s.included, s.excluded])).toEqual([
      ['issues', true, null], ['batna', false, 'internal'], ['purpose', true, null], ['questions', false, 'internal'], ['deadlines', true, null],
      ['attendees', false, 'left_out'],
    ]);
    expect(preview.sections).toHaveLength(13);

    expect(api.fail('brief.build', { caseId, meetingId, sections: ['issues', 'issues'] }, 'invalid_input').message).toMatch(/twice/);
    expect(api.fail('brief.build', { caseId, meetingId, sections: [] }, 'invalid_input').message).toMatch(/at least one section/);
    api.fail('brief.build', { caseId, meetingId, sections: ['secrets'] }, 'invalid_input');
  });

  it('saves a brief template that builds the same brief again', () => {
    const { api, caseId, meetingId } = sampleCase();
    const saved = api.call('template.save', { kind: 'brief', title: 'Session brief', sections: ['issues', 'attachments', 'purpose'] });
    const listed = api.call('template.list', {}).templates.find((t) => t.id === saved.id);
    expect(listed).toMatchObject({ kind: 'brief', sections: ['issues', 'attachments', 'purpose'] });
    const sections = listed!.kind === 'brief' ? listed!.sections : [];
    expect(sectionIds(api.call('brief.build', { caseId, meetingId, sections }))).toEqual(['issues', 'attachments', 'purpose']);
  });
});

describe('appendix of attachments', () => {
  function withAttachments() {
    const sample = sampleCase();
    const { api, caseId } = sample;
    const add = (name: string, description: string, attachedTo?: { kind: 'issue'; id: string }) => api.call('attachment.add', {
      caseId, name, mediaType: 'text/plain', description, dataBase64: Buffer.from(`${name} body`).toString('base64'), ...(attachedTo ? { attachedTo } : {}),
    });
    // The strategy notes hang on an issue: its title is named in an internal brief only.
    const issue = api.call('issue.create', { caseId, fields: { title: 'Fallback on licensing', priority: 'high', status: 'open' } });
    const exhibit = add('Exhibit A.txt', 'Customer list by country');
    const strategy = add('Strategy notes.txt', 'Our fallback positions', { kind: 'issue', id: issue.id });
    const gone = add('Old draft.txt', 'Superseded');
    api.call('attachment.delete', { caseId, id: gone.id });
    api.call('sharing.set', { caseId, kind: 'attachment', id: exhibit.id, level: 'shareable' });
    return { ...sample, exhibit, strategy };
  }

  it('is off by default, and lists every live attachment in an internal brief', () => {
    const { api, caseId, meetingId } = withAttachments();
    expect(sectionIds(api.call('brief.build', { caseId, meetingId }))).not.toContain('attachments');
    const brief = api.call('brief.build', { caseId, meetingId, sections: ['purpose', 'attachments'] });
    const appendix = sectionText(brief, 'attachments');
    expect(appendix).toContain('Appendix: attachments');
    expect(appendix).toContain('Name\tAttached to\tType\tSize\tDescription');
    expect(appendix).toContain('Exhibit A.txt\tThe case\tPlain text\t18 bytes\tCustomer list by country');
    expect(appendix).toContain('Strategy notes.txt\tFallback on licensing\tPlain text\t23 bytes\tOur fallback positions');
    expect(appendix).not.toContain('Old draft.txt');
  });

  it('lists only the attachments marked shareable in a shareable brief, and the preview says how many stay out', () => {
    const { api, caseId, meetingId } = withAttachments();
    const brief = api.call('brief.build', { caseId, meetingId, shareable: true, sections: ['purpose', 'attachments'] });
    const appendix = sectionText(brief, 'attachments');
    expect(appendix).toContain('Exhibit A.txt');
    expect(documentText(brief)).not.toContain('Strategy notes');
    expect(documentText(brief)).not.toContain('Our fallback positions');

    const preview = api.call('brief.preview', { caseId, meetingId, sections: ['purpose', 'attachments'] });
    expect(preview.sections.find((s) => s.id === 'attachments')).toMatchObject({
      included: true, leftOut: [{ kind: 'attachment', field: null, count: 1, text: '1 attachment kept internal' }],
    });
  });

  it('is rebuilt on its own in an edited brief', () => {
    const { api, caseId, meetingId } = withAttachments();
    const brief = api.call('brief.build', { caseId, meetingId, sections: ['purpose', 'attachments'] });
    const edited = structuredClone(brief);
    edited.content = edited.content.filter((b) => !(b.type === 'table'));
    const fresh = api.call('brief.regenerateSection', { caseId, meetingId, document: edited, sectionId: 'attachments' });
    expect(sectionText(fresh, 'attachments')).toContain('Exhibit A.txt');
  });
});
