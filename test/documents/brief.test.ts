import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BRIEF_SECTION_IDS, DocumentSchema, MEETING_BRIEF_SECTIONS, documentText, paragraph, sectionBlocks, sectionIds, type DocumentNode,
} from '../../shared/documents/index.js';
import { buildMeetingBrief, fillTemplate, meetingBriefPage, regenerateSection, TEMPLATES } from '../../electron/core/briefs/index.js';
import { sampleCase, TEXT } from './fixture.js';

function sectionText(doc: DocumentNode, id: string): string {
  const blocks = sectionBlocks(doc, id);
  if (!blocks) throw new Error(`no section ${id}`);
  return documentText({ type: 'doc', content: blocks });
}

const WALKAWAYS = TEXT.issues.map((i) => i.ourWalkaway);
const TARGETS = TEXT.issues.map((i) => i.ourTarget);

describe('meeting brief', () => {
  it('holds every section on by default, in order, built from the case itself', () => {
    const { api, caseId, meetingId } = sampleCase();
    const brief = buildMeetingBrief(api.session.get(caseId), meetingId);

    expect(DocumentSchema.safeParse(brief).success).toBe(true);
    expect(sectionIds(brief)).toEqual(MEETING_BRIEF_SECTIONS.map((s) => s.id).filter((id) => id !== 'attachments'));

    const purpose = sectionText(brief, 'purpose');
    expect(purpose).toContain(TEXT.purpose);
    expect(purpose).toContain(TEXT.outcome);
    expect(purpose).toContain('3 December 2026');
    expect(purpose).toContain('Capability tiers');

    const attendees = sectionText(brief, 'attendees');
    expect(attendees).toMatch(/Our side[\s\S]*Dana Whitlock — General Counsel \(Halyard AI Inc\.\)[\s\S]*Their side[\s\S]*Marcus Bell — Deputy Assistant Secretary/);

    const background = sectionText(brief, 'background');
    for (const t of [TEXT.directiveTitle, TEXT.reference, TEXT.legalBasis, TEXT.authority, TEXT.eventTitle, '2 November 2026', 'High']) {
      expect(background).toContain(t);
    }

    const deadlines = sectionText(brief, 'deadlines');
    expect(deadlines).toContain(TEXT.datedDeadline);
    expect(deadlines).toContain('15 December 2026');
    expect(deadlines).toContain(`${TEXT.tbdDeadline}\tCompliance\tTBD (not disclosed): expected between 5 January 2027 and 15 February 2027; confidence low`);
    expect(deadlines).toContain(TEXT.internalDeadline);

    // The issues table: a header, then one row per issue with every position, in the case's order.
    const [issuesHeading, ...issues] = sectionText(brief, 'issues').split('\n');
    expect(issuesHeading).toBe('Issues');
    expect(issues[0]).toBe('Issue\tPriority\tOur opening\tOur target\tWalk-away\tTheir position\tStatus');
    TEXT.issues.forEach((i, n) => {
      expect(issues[n + 1]).toBe([i.title, i.priority[0]!.toUpperCase() + i.priority.slice(1), i.ourOpening, i.ourTarget, i.ourWalkaway, i.theirPosition ?? '—', 'Open'].join('\t'));
    });

    const batna = sectionText(brief, 'batna');
    expect(batna).toContain(TEXT.ourBatna);
    expect(batna).toContain(TEXT.theirBatna);

    // Options: the issues that mention carve-outs or tiers, with our target; not the one about timing.
    const options = sectionText(brief, 'options');
    expect(options).toContain(`${TEXT.issues[0]!.title}: propose ${TEXT.issues[0]!.ourTarget}`);
    expect(options).toContain(`${TEXT.issues[1]!.title}: propose ${TEXT.issues[1]!.ourTarget}`);
    expect(options).not.toContain(TEXT.issues[2]!.title);

    // Precedents linked to issues come first (in issue order), each with its citation; the unlinked one last.
    const precedents = sectionText(brief, 'precedents');
    const p = TEXT.precedents;
    const order = [p.linkedToScope.title, p.linkedToTiers.title, p.unlinked.title].map((t) => precedents.indexOf(t));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const c of [p.linkedToScope.citation, p.linkedToTiers.citation, p.unlinked.citation]) expect(precedents).toContain(c);
    expect(precedents).toContain(`Bears on: ${TEXT.issues[0]!.title} (supports)`);
    const footnotes = JSON.stringify(sectionBlocks(brief, 'precedents')).match(/"type":"footnote"/g) ?? [];
    expect(footnotes).toHaveLength(3);

    // Action items: open ones and the commitment from the previous meeting (not the later or older meetings').
    const actions = sectionText(brief, 'actions');
    expect(actions).toContain(TEXT.previousTitle);
    expect(actions).toContain(TEXT.openAction);
    expect(actions).toContain(`Commitment: ${TEXT.commitment}\tMarcus Bell`);
    expect(actions).toContain(TEXT.decision);
    expect(actions).not.toContain(TEXT.doneAction);
    expect(actions.indexOf(TEXT.olderAction)).toBeGreaterThan(actions.indexOf('Other open action items'));

    const questions = sectionText(brief, 'questions');
    expect(questions).toContain(`What is their position on ${TEXT.issues[2]!.title}?`);
    expect(questions).toContain(`What lies behind their position on ${TEXT.issues[0]!.title}`);
    expect(questions).not.toContain(`behind their position on ${TEXT.issues[1]!.title}`); // their interests are known
    expect(questions).toContain(`When will ${TEXT.tbdDeadline} fall due?`);
    expect(questions).toContain(`How does ${TEXT.triggeredWatch} (triggered 20 November 2026) change their position?`);

    const watch = sectionText(brief, 'watch');
    expect(watch).toContain(TEXT.triggeredWatch);
    expect(watch).toContain(TEXT.watching);
    expect(watch).toContain('Committee hearing scheduled');
    expect(watch).not.toContain(TEXT.closedWatch);

    const notes = sectionText(brief, 'notes');
    expect(notes).toContain(TEXT.sharedNote);
    expect(notes).toContain(TEXT.internalNote);
  });

  it('links records in the brief to the case records they come from', () => {
    const { api, caseId, meetingId, issueIds } = sampleCase();
    const json = JSON.stringify(buildMeetingBrief(api.session.get(caseId), meetingId));
    for (const id of issueIds) expect(json).toContain(`{"type":"recordLink","attrs":{"kind":"issue","id":"${id}"}}`);
  });

  it('leaves out of the shareable version what is ours alone: targets, walk-aways, BATNAs, questions, internal notes and deadlines, and every record link', () => {
    const { api, caseId, meetingId, issueIds } = sampleCase();
    const cf = api.session.get(caseId);
    const shareable = buildMeetingBrief(cf, meetingId, { shareable: true });
    const json = JSON.stringify(shareable);
    for (const w of [...WALKAWAYS, ...TARGETS]) expect(json).not.toContain(w);
    for (const secret of [
      TEXT.ourBatna, TEXT.theirBatna, TEXT.internalNote, TEXT.internalDeadline, TEXT.outcome, TEXT.issues[1]!.theirInterests!,
      'Weakens the case', 'Shows that the agency has accepted exemptions before', '(supports)', 'Walk-away', 'BATNA', 'Risk', 'confidence low',
    ]) {
      expect(json).not.toContain(secret);
    }
    expect(sectionIds(shareable)).not.toContain('batna');
    expect(sectionIds(shareable)).not.toContain('questions');
    // No way back into the case file: no record link, no record id.
    expect(json).not.toContain('recordLink');
    for (const id of [caseId, meetingId, ...issueIds]) expect(json).not.toContain(id);
    // What may be shared is still there; the options propose our opening, the position we table.
    const text = documentText(shareable);
    for (const kept of [TEXT.issues[0]!.ourOpening, TEXT.issues[0]!.theirPosition!, TEXT.sharedNote, TEXT.tbdDeadline, TEXT.purpose]) expect(text).toContain(kept);
    // The first issue mentions a carve-out only in its target, so it is not among the options: which issues are
    // listed gives nothing away either.
    expect(sectionText(shareable, 'options')).toContain(`${TEXT.issues[1]!.title}: propose ${TEXT.issues[1]!.ourOpening}`);
    expect(sectionText(shareable, 'options')).not.toContain(TEXT.issues[0]!.title);
    expect(sectionText(shareable, 'issues').split('\n')[1]).toBe('Issue\tPriority\tOur opening\tTheir position\tStatus');
    expect(sectionText(shareable, 'purpose')).not.toContain('Desired outcome'); // withheld, not "not recorded"
    expect(meetingBriefPage(cf, meetingId, { shareable: true, today: '2026-12-01' })).toMatchObject({ marking: 'Confidential', date: '1 December 2026' });
  });

  it('leaves out the sections the user leaves out, in either variant', () => {
    const { api, caseId, meetingId } = sampleCase();
    const cf = api.session.get(caseId);
    const shareable = buildMeetingBrief(cf, meetingId, { shareable: true, leaveOut: ['watch', 'notes'] });
    expect(sectionIds(shareable)).toEqual(DEFAULT_BRIEF_SECTION_IDS.filter((id) => !['batna', 'questions', 'watch', 'notes'].includes(id)));
    expect(documentText(shareable)).not.toContain(TEXT.sharedNote);
    expect(sectionIds(buildMeetingBrief(cf, meetingId, { leaveOut: ['batna'] }))).not.toContain('batna');
  });

  it('regenerates one section from the case and keeps the user’s edits everywhere else', () => {
    const { api, caseId, meetingId, issueIds } = sampleCase();
    const cf = api.session.get(caseId);
    const original = buildMeetingBrief(cf, meetingId);
    // The user edits two sections and retitles the issues heading.
    const edited = structuredClone(original);
    const purposeAt = edited.content.findIndex((b) => b.type === 'heading' && b.attrs.sectionId === 'purpose');
    edited.content.splice(purposeAt + 1, 0, paragraph('USER EDIT: lead with the customer numbers.'));
    const issuesAt = edited.content.findIndex((b) => b.type === 'heading' && b.attrs.sectionId === 'issues');
    (edited.content[issuesAt] as { content: unknown }).content = [{ type: 'text', text: 'Issues on the table' }];
    edited.content.splice(issuesAt + 1, 0, paragraph('USER EDIT inside the issues section.'));
    edited.content.push(paragraph('USER EDIT at the very end, in the notes section.'));

    // The case changes, then the issues section is regenerated.
    api.call('issue.update', { caseId, id: issueIds[0]!, changes: { ourTarget: 'Carve-out for allied nationals and research users' } });
    const result = regenerateSection(edited, 'issues', buildMeetingBrief(cf, meetingId));

    expect(sectionText(result, 'issues')).toContain('Carve-out for allied nationals and research users');
    expect(sectionText(result, 'issues')).not.toContain('USER EDIT inside the issues section.');
    expect(sectionText(result, 'issues').startsWith('Issues on the table')).toBe(true); // the user's heading stays
    expect(sectionText(result, 'purpose')).toContain('USER EDIT: lead with the customer numbers.');
    expect(sectionText(result, 'notes')).toContain('USER EDIT at the very end, in the notes section.');
    // Every section other than issues is exactly as edited (options still shows the old target, as the user left it).
    for (const id of sectionIds(edited).filter((s) => s !== 'issues')) expect(sectionBlocks(result, id)).toEqual(sectionBlocks(edited, id));
    expect(sectionText(result, 'options')).toContain(TEXT.issues[0]!.ourTarget);
    expect(edited.content.length).toBeGreaterThan(original.content.length); // the edited document was not changed in place
  });

  it('puts back a section the user deleted, where it belongs', () => {
    const { api, caseId, meetingId } = sampleCase();
    const cf = api.session.get(caseId);
    const brief = buildMeetingBrief(cf, meetingId);
    const withoutDeadlines = { ...brief, content: brief.content.filter((_, i) => {
      const span = sectionBlocks(brief, 'deadlines')!;
      const start = brief.content.indexOf(span[0]!);
      return i < start || i >= start + span.length;
    }) };
    expect(sectionIds(withoutDeadlines)).not.toContain('deadlines');
    const restored = regenerateSection(withoutDeadlines, 'deadlines', brief);
    expect(sectionIds(restored)).toEqual(sectionIds(brief));
    expect(restored).toEqual(brief);
  });

  it('refuses an unknown section and a malformed document', () => {
    const { api, caseId, meetingId } = sampleCase();
    const brief = buildMeetingBrief(api.session.get(caseId), meetingId);
    expect(() => regenerateSection(brief, 'no-such-section', brief)).toThrow(/no section "no-such-section"/);
    expect(() => regenerateSection({ type: 'doc', content: [{ type: 'script' }] }, 'issues', brief)).toThrow(/not a valid document/);
    // The shareable brief has no BATNA section to regenerate from.
    expect(() => regenerateSection(brief, 'batna', buildMeetingBrief(api.session.get(caseId), meetingId, { shareable: true }))).toThrow(/no section/);
  });

  it('refuses to brief a deleted meeting', () => {
    const { api, caseId, meetingId } = sampleCase();
    api.call('meeting.delete', { caseId, id: meetingId });
    expect(() => buildMeetingBrief(api.session.get(caseId), meetingId)).toThrow(/deleted/);
  });
});

describe('templates', () => {
  it('fill merge fields from the live case', () => {
    const { api, caseId } = sampleCase();
    const cf = api.session.get(caseId);
    const letter = fillTemplate(cf, 'agencyLetter', { today: '2026-12-01' });
    const text = documentText(letter.doc);
    expect(DocumentSchema.safeParse(letter.doc).success).toBe(true);
    expect(text).toContain(`Re: ${TEXT.directiveTitle} (${TEXT.reference})`);
    expect(text).toContain('1 December 2026');
    expect(text).toContain(`On ${TEXT.issues[0]!.title}, we propose the following: ${TEXT.issues[0]!.ourOpening}`);
    expect(text).toContain('at Negotiation session with BIS on 3 December 2026');
    expect(text).not.toContain('{{');
    expect(letter.unresolved).toEqual([]);
    for (const w of [...WALKAWAYS, ...TARGETS]) expect(text).not.toContain(w);
    expect(letter.shareable).toBe(true);

    // An outward template is filled from the shareable projection: our opening, never our target; no record links.
    const paper = fillTemplate(cf, 'positionPaper', { today: '2026-12-01' });
    const paperText = documentText(paper.doc);
    for (const i of TEXT.issues) expect(paperText).toContain(i.ourOpening);
    expect(paperText).toContain(TEXT.precedents.unlinked.citation);
    for (const w of [...WALKAWAYS, ...TARGETS]) expect(paperText).not.toContain(w);
    expect(JSON.stringify(paper.doc)).not.toContain('recordLink');

    // The internal memo may carry walk-aways and BATNAs; the outward templates never fill those fields.
    const memo = documentText(fillTemplate(cf, 'internalMemo', { today: '2026-12-01' }).doc);
    expect(memo).toContain(`Walk-away: ${TEXT.issues[0]!.ourWalkaway}`);
    expect(memo).toContain(`Target: ${TEXT.issues[0]!.ourTarget}`);
    expect(memo).toContain(TEXT.ourBatna);
    expect(memo).toContain(TEXT.internalDeadline);
    expect(memo).toContain('The case has 3 negotiation issues');
  });

  it('marks what the case does not record and what the template gets wrong', () => {
    const { api, caseId } = sampleCase();
    const cf = api.session.get(caseId);
    const template = structuredClone(TEMPLATES.agencyLetter.doc) as DocumentNode;
    template.content.push(paragraph('Also {{issue.3.theirPosition}} and {{issue.9.title}} and {{no.such.field}}.'));
    const filled = fillTemplate(cf, 'agencyLetter', { template });
    expect(documentText(filled.doc)).toContain('Also [issue.3.theirPosition not recorded] and {{issue.9.title}} and {{no.such.field}}.');
    expect(filled.missing).toEqual(['issue.3.theirPosition']);
    expect(filled.unresolved).toEqual(['issue.9.title', 'no.such.field']);
  });
});
