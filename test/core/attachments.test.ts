// Attachments and their text, through the real dispatcher on real case files: what attachment.add takes and refuses,
// the text read afterwards in a worker thread (a PDF, a Word document and a text file written here), search in the
// case and across cases, a case closed before its text was read, calls answered while a large PDF is read, and two
// copies that read the same attachment merging without a conflict.
import fs from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { attachmentRefusal, MAX_ATTACHMENT_BYTES } from '../../shared/attachments.js';
import { MATCH_END, MATCH_START } from '../../shared/result.js';
import { colleaguesCopy, newCase, testApi, type TestApi } from '../helpers.js';
import { largePdf, pdfWithText } from '../support/pdf-files.js';
import { buildTextWorker } from '../support/text-worker.js';
import { withRawConnection } from './support/files.js';

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

beforeAll(buildTextWorker, 120_000);

function setUp(): { api: TestApi; caseId: string; file: string } {
  const api = testApi();
  const info = newCase(api);
  return { api, caseId: info.caseId, file: info.path };
}

function attach(api: TestApi, caseId: string, name: string, mediaType: string, bytes: Buffer, extra: { attachedTo?: { kind: 'note'; id: string } } = {}) {
  return api.call('attachment.add', { caseId, name, mediaType, dataBase64: bytes.toString('base64'), ...extra });
}

/** Waits for the texts being read in the case to be written. */
async function textsRead(api: TestApi, caseId: string): Promise<void> {
  await api.session.get(caseId).textsRead();
}

// The snippet's text with its marks taken out and its line breaks (a PDF's lines) read as spaces.
const plain = (snippet: string) => snippet.replaceAll(MATCH_START, '').replaceAll(MATCH_END, '').replace(/\s+/g, ' ');

describe('attachment text', () => {
  it('reads a PDF’s text after answering, and case and library search find a sentence in it, with its snippet', async () => {
    const { api, caseId } = setUp();
    const sentence = 'The ministry will publish the implementing guidance within ninety days of entry into force.';
    const added = attach(api, caseId, 'Annex II.pdf', PDF, pdfWithText({ pages: 3, pageText: (n) => (n === 2 ? sentence : `Page ${n}.`) }));
    expect(added).toMatchObject({ textStatus: 'pending', extractedText: null, textError: null, attachedToKind: null, attachedToId: null });

    await textsRead(api, caseId);
    expect(api.call('attachment.textState', { caseId, id: added.id })).toEqual({ textStatus: 'extracted', textError: null });
    expect(api.call('attachment.get', { caseId, id: added.id }).extractedText!.replace(/\s+/g, ' ')).toContain(sentence);

    const [hit] = api.call('case.search', { caseId, query: 'implementing guidance' });
    expect(hit).toMatchObject({ kind: 'attachment', id: added.id, title: 'Annex II.pdf' });
    expect(plain(hit!.snippet)).toContain('publish the implementing guidance within ninety days');
    expect(hit!.snippet).toContain(`${MATCH_START}implementing${MATCH_END}`);

    const across = api.call('library.search', { query: 'ninety days' });
    expect(across).toEqual([expect.objectContaining({ caseId, kind: 'attachment', id: added.id, title: 'Annex II.pdf' })]);
    expect(api.call('case.verify', { caseId }).ok).toBe(true);
  });

  it('reads a Word document and a text file; an image has no text to read', async () => {
    const { api, caseId } = setUp();
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Our counter-proposal keeps the derogation for small exporters.')] }] }));
    const word = attach(api, caseId, 'Counter-proposal.docx', DOCX, Buffer.from(docx));
    const text = attach(api, caseId, 'Call notes.txt', 'text/plain', Buffer.from('Agreed on the call: a joint working group on licensing thresholds.\n'));
    const image = attach(api, caseId, 'Signature page.png', 'image/png', Buffer.from('\x89PNG\r\n\x1a\n'));
    expect([word.textStatus, text.textStatus, image.textStatus]).toEqual(['pending', 'pending', 'none']);

    await textsRead(api, caseId);
    expect(api.call('attachment.get', { caseId, id: word.id })).toMatchObject({ textStatus: 'extracted', extractedText: expect.stringContaining('derogation for small exporters') });
    expect(api.call('case.search', { caseId, query: 'derogation' }).map((h) => h.id)).toEqual([word.id]);
    expect(api.call('case.search', { caseId, query: 'licensing thresholds' }).map((h) => h.id)).toEqual([text.id]);
    expect(api.call('attachment.get', { caseId, id: image.id })).toMatchObject({ textStatus: 'none', extractedText: null, version: 1 });
  });

  it('keeps a damaged PDF, its text marked failed with a sentence that says why', async () => {
    const { api, caseId } = setUp();
    const bytes = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nthis is not the rest of a PDF');
    const added = attach(api, caseId, 'Scan.pdf', PDF, bytes);
    await textsRead(api, caseId);
    const state = api.call('attachment.textState', { caseId, id: added.id });
    expect(state.textStatus).toBe('failed');
    expect(state.textError).toMatch(/^The text of “Scan\.pdf” could not be read: .+\. The file itself is attached\.$/);
    expect(api.call('attachment.read', { caseId, id: added.id }).dataBase64).toBe(bytes.toString('base64'));
  });

  it('refuses a type Parley does not take, an empty file and one over the limit, in one sentence, writing nothing', () => {
    const { api, caseId } = setUp();
    const entriesBefore = api.call('case.info', { caseId }).auditEntries;
    const refused: [string, string, Buffer][] = [
      ['setup.exe', 'application/x-msdownload', Buffer.from('MZ')],
      ['empty.txt', 'text/plain', Buffer.alloc(0)],
      ['huge.pdf', PDF, Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 1)],
    ];
    for (const [name, mediaType, bytes] of refused) {
      const error = api.fail('attachment.add', { caseId, name, mediaType, dataBase64: bytes.toString('base64') }, 'invalid_input');
      expect(error.message).toBe(attachmentRefusal(name, mediaType, bytes.length));
    }
    const notBase64 = api.fail('attachment.add', { caseId, name: 'a.txt', mediaType: 'text/plain', dataBase64: 'not base64!' }, 'invalid_input');
    expect(notBase64.message).toMatch(/base64/);
    expect(api.call('attachment.list', { caseId })).toEqual([]);
    expect(api.call('case.info', { caseId }).auditEntries).toBe(entriesBefore);
  });

  it('attaches to a record, which must be there; the text fields are the core’s alone', () => {
    const { api, caseId } = setUp();
    const note = api.call('note.create', { caseId, fields: { body: 'Call with the ministry' } });
    const image = attach(api, caseId, 'Whiteboard.png', 'image/png', Buffer.from('\x89PNG'), { attachedTo: { kind: 'note', id: note.id } });
    expect(image).toMatchObject({ attachedToKind: 'note', attachedToId: note.id });
    expect(api.call('attachment.list', { caseId, filter: { attachedToId: note.id } }).map((a) => a.id)).toEqual([image.id]);

    const gone = api.fail('attachment.add', { caseId, name: 'x.png', mediaType: 'image/png', dataBase64: 'iVBORw0KGgo=', attachedTo: { kind: 'note', id: crypto.randomUUID() } }, 'invalid_input');
    expect(gone.message).toBe('The note this attachment is attached to does not exist in this case file.');
    api.fail('attachment.update', { caseId, id: image.id, changes: { textStatus: 'extracted', extractedText: 'planted' } }, 'invalid_input');
    expect(api.call('attachment.get', { caseId, id: image.id })).toMatchObject({ textStatus: 'none', extractedText: null });
  });

  it('a deleted attachment leaves search, and comes back with its restore', async () => {
    const { api, caseId } = setUp();
    const added = attach(api, caseId, 'Letter.txt', 'text/plain', Buffer.from('The embargo on dual-use items ends in March.'));
    await textsRead(api, caseId);
    expect(api.call('case.search', { caseId, query: 'embargo' })).toHaveLength(1);
    api.call('attachment.delete', { caseId, id: added.id });
    expect(api.call('case.search', { caseId, query: 'embargo' })).toEqual([]);
    expect(api.call('library.search', { query: 'embargo' })).toEqual([]);
    api.call('attachment.restore', { caseId, id: added.id });
    expect(api.call('case.search', { caseId, query: 'embargo' }).map((h) => h.id)).toEqual([added.id]);
  });

  it('reads, at the next opening, the text of an attachment added just before the case was closed', async () => {
    const { api, caseId, file } = setUp();
    const added = attach(api, caseId, 'Minutes.pdf', PDF, pdfWithText({ pageText: () => 'Both delegations accepted the sunset clause.' }));
    api.call('case.close', { caseId }); // at once: the reading is dropped, nothing is written
    api.call('case.open', { path: file });
    expect(api.call('attachment.textState', { caseId, id: added.id }).textStatus).toBe('pending');
    await textsRead(api, caseId);
    expect(api.call('attachment.textState', { caseId, id: added.id }).textStatus).toBe('extracted');
    expect(api.call('case.search', { caseId, query: 'sunset clause' }).map((h) => h.id)).toEqual([added.id]);
    expect(api.call('case.verify', { caseId }).ok).toBe(true);
  });

  it('reads, at the next opening for editing, the attachments made before Parley read text (an image: none)', async () => {
    const { api, caseId, file } = setUp();
    const text = attach(api, caseId, 'Old letter.txt', 'text/plain', Buffer.from('The derogation lapses at the end of the transition.'));
    const image = attach(api, caseId, 'Old scan.png', 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    await textsRead(api, caseId);
    api.call('case.close', { caseId });
    // As a Parley before migration 0011 left them: no text status, no text.
    withRawConnection(file, (db) => db.exec('UPDATE attachment SET text_status = NULL, extracted_text = NULL'));
    api.call('case.open', { path: file });
    expect(api.call('attachment.textState', { caseId, id: image.id })).toEqual({ textStatus: 'none', textError: null });
    await textsRead(api, caseId);
    expect(api.call('attachment.textState', { caseId, id: text.id }).textStatus).toBe('extracted');
    expect(api.call('case.search', { caseId, query: 'derogation lapses' }).map((h) => h.id)).toEqual([text.id]);
  });

  it('answers other calls while a 20 MB PDF is being read', async () => {
    const { api, caseId } = setUp();
    const note = api.call('note.create', { caseId, fields: { body: 'Typing while the exhibit is read' } });
    const added = attach(api, caseId, 'Exhibit 4.pdf', PDF, largePdf(20 * 1024 * 1024, 'The last page names the competent authority.'));

    // Calls made from the event loop while the worker reads: each is answered, and the text is still being read.
    const seen: string[] = [];
    await new Promise<void>((resolve) => {
      let round = 0;
      const typeAgain = () => {
        const state = api.call('attachment.textState', { caseId, id: added.id }).textStatus;
        const saved = api.call('note.update', { caseId, id: note.id, changes: { body: `Typing while the exhibit is read (${++round})` } });
        seen.push(`${saved.body} while ${state}`);
        if (round < 5) setTimeout(typeAgain, 10);
        else resolve();
      };
      setTimeout(typeAgain, 0);
    });
    expect(seen).toEqual([1, 2, 3, 4, 5].map((n) => `Typing while the exhibit is read (${n}) while pending`));

    await textsRead(api, caseId);
    expect(api.call('attachment.textState', { caseId, id: added.id }).textStatus).toBe('extracted');
    expect(api.call('case.search', { caseId, query: 'competent authority' }).map((h) => h.id)).toEqual([added.id]);
  }, 120_000);

  it('two copies that read the same attachment’s text merge without a conflict', async () => {
    const alice = testApi('Alice Adams');
    const info = newCase(alice);
    const caseId = info.caseId;
    const added = attach(alice, caseId, 'Directive.pdf', PDF, pdfWithText({ pageText: () => 'Member States shall notify the Commission of any derogation.' }));
    // Copied before its text was read: each copy reads it when opened, on its own.
    const { other: bob, otherFile } = colleaguesCopy(alice, caseId, info.path);
    await Promise.all([textsRead(alice, caseId), textsRead(bob, caseId)]);
    for (const api of [alice, bob]) expect(api.call('attachment.textState', { caseId, id: added.id }).textStatus).toBe('extracted');

    const merged = alice.call('case.merge', { caseId, from: otherFile });
    expect(merged.newConflicts).toBe(0);
    expect(alice.call('conflict.list', { caseId })).toEqual([]);
    const after = alice.call('attachment.get', { caseId, id: added.id });
    expect(after).toMatchObject({ textStatus: 'extracted', extractedText: expect.stringContaining('notify the Commission') });
    expect(alice.call('case.search', { caseId, query: 'notify Commission' }).map((h) => h.id)).toEqual([added.id]);
    expect(alice.call('case.verify', { caseId }).ok).toBe(true);
    expect(fs.existsSync(path.resolve(otherFile))).toBe(true);
  });
});
