// @vitest-environment jsdom
// Attaching files through the renderer's store, against the real core: a file of a type Parley does not take is
// refused with the sentence that says why and the others still go in, to the case or to a record; the screens that
// list attachments learn that files came in; the palette's and menu's "Attach files…" leads to the Attachments screen
// and opens its chooser once; Alt+0 is the tenth section's key.
import { describe, expect, it } from 'vitest';
import { attachFiles, chooseFilesToAttach, takeChooserRequest, textStatusInWords, useAttachments, withExtensionOf } from '../../renderer/state/attachments.js';
import { CASE_SECTIONS, useNavigation } from '../../renderer/state/navigation.js';
import { sectionDigit, sectionIndexOfDigit } from '../../renderer/shell/shortcuts/keymap.js';
import { newCase } from '../helpers.js';
import { connectRenderer, settle } from './connect.js';

describe('attaching files from the renderer', () => {
  it('refuses an .exe with the reason and attaches the others, to the case or to a record', async () => {
    const core = connectRenderer();
    const { caseId } = newCase(core);
    const issue = core.call('issue.create', { caseId, fields: { title: 'Scope of the order', priority: 'high', status: 'open' } });

    const outcome = await attachFiles(caseId, [
      new File(['Minutes: the Bureau answers by Friday.'], 'Minutes.txt', { type: 'text/plain' }),
      new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' }),
      new File([], 'Empty.pdf', { type: 'application/pdf' }),
    ]);
    expect(outcome.added.map((a) => a.name)).toEqual(['Minutes.txt']);
    expect(outcome.refused).toEqual([
      expect.stringMatching(/^“setup\.exe” cannot be attached: Parley takes PDF \(\.pdf\), Word document \(\.docx\)/),
      '“Empty.pdf” is empty: there is nothing to attach.',
    ]);
    expect(outcome.added[0]).toMatchObject({ mediaType: 'text/plain', attachedToKind: null, attachedToId: null });
    expect(useAttachments.getState().attachedCount[caseId]).toBe(1);
    expect(useAttachments.getState().outcome[caseId]).toEqual(outcome);

    // A Markdown file the browser gives no type: its name says what it is. Attached to the issue.
    const onIssue = await attachFiles(caseId, [new File(['# Scope'], 'Scope notes.md')], { kind: 'issue', id: issue.id });
    expect(onIssue.added[0]).toMatchObject({ name: 'Scope notes.md', mediaType: 'text/markdown', attachedToKind: 'issue', attachedToId: issue.id });
    expect(core.call('attachment.list', { caseId, filter: { attachedToKind: 'issue', attachedToId: issue.id } }).map((a) => a.name)).toEqual(['Scope notes.md']);
    expect(useAttachments.getState().attachedCount[caseId]).toBe(2);
  });

  it('says each text state in words', () => {
    expect(textStatusInWords({ textStatus: 'extracted', textError: null })).toBe('Text read');
    expect(textStatusInWords({ textStatus: 'pending', textError: null })).toBe('Reading text…');
    expect(textStatusInWords({ textStatus: 'none', textError: null })).toBe('No text (image)');
    expect(textStatusInWords({ textStatus: 'failed', textError: 'the file is damaged' })).toBe('Text could not be read: the file is damaged');
  });

  it('“Attach files…” goes to the Attachments screen, whose chooser opens once', async () => {
    const core = connectRenderer();
    const { caseId } = newCase(core);
    chooseFilesToAttach(caseId);
    await settle();
    expect(useNavigation.getState().route).toEqual({ screen: 'case', caseId, section: 'attachments' });
    expect(takeChooserRequest('another-case')).toBe(false);
    expect(takeChooserRequest(caseId)).toBe(true);
    expect(takeChooserRequest(caseId)).toBe(false);
  });
});

describe('Alt+digit', () => {
  it('goes to the ten sections with 1 to 9, then 0', () => {
    expect(CASE_SECTIONS.map((_, i) => sectionDigit(i)).join('')).toBe('1234567890');
    expect(CASE_SECTIONS[sectionIndexOfDigit('0')]?.id).toBe('attachments');
    expect(CASE_SECTIONS[sectionIndexOfDigit('9')]?.id).toBe('conflicts');
  });
});

describe('a saved copy’s name', () => {
  it('keeps the type’s extension a rename took away', () => {
    expect(withExtensionOf('Exhibit A', 'application/pdf')).toBe('Exhibit A.pdf');
    expect(withExtensionOf('Exhibit A.PDF', 'application/pdf')).toBe('Exhibit A.PDF');
    expect(withExtensionOf('photo.jpeg', 'image/jpeg')).toBe('photo.jpeg');
  });
});
