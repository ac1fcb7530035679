// Footnotes (and citations) and links to case records, as the editor's toolbar inserts them: stored in the
// document model, they come out of every export in a form a reader outside the app can use: footnotes numbered at
// the end (Markdown, HTML, PDF) or as Word's own footnotes; record links as their words, followed by the record's
// title where the words are not the title.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { getSchema } from '@tiptap/core';
import { Node as PMNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { toDocx } from '../../electron/core/export/docx.js';
import {
  documentText, parseDocument, recordTitleAfter, toHtml, toMarkdown, type DocumentNode, type InlineNode, type Mark,
} from '../../shared/documents/index.js';
import { parleyEditorExtensions } from '../../shared/documents/tiptap.js';
import { tempDir } from '../helpers.js';

const ISSUE = '0b6f4a52-8d0e-4c1e-9a53-6f3f0f6f7d11';
const PRECEDENT = '0b6f4a52-8d0e-4c1e-9a53-6f3f0f6f7d12';
const MEETING = '0b6f4a52-8d0e-4c1e-9a53-6f3f0f6f7d13';

const link = (kind: 'issue' | 'precedent' | 'meeting', id: string, title?: string): Mark => ({ type: 'recordLink', attrs: { kind, id, caseId: null, ...(title ? { title } : {}) } });

/** What the toolbar makes: a record inserted by its title, a phrase linked to a record, citations as footnotes. */
const DRAFT: DocumentNode = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'We rely on ' },
        // Inserted with nothing selected: the words are the record's title.
        { type: 'text', text: 'Bernstein v. Department of Justice', marks: [link('precedent', PRECEDENT, 'Bernstein v. Department of Justice')] },
        { type: 'footnote', attrs: { text: '176 F.3d 1132 (9th Cir. 1999)' } },
        { type: 'text', text: ' and on ' },
        // A phrase of the user's linked to an issue, partly bold: one link over two text nodes.
        { type: 'text', text: 'the tiered ', marks: [link('issue', ISSUE, 'Tiered access by model capability')] },
        { type: 'text', text: 'proposal', marks: [{ type: 'bold' }, link('issue', ISSUE, 'Tiered access by model capability')] },
        { type: 'text', text: ', as agreed at ' },
        // A link from an older draft, made before links kept their title.
        { type: 'text', text: 'the last meeting', marks: [link('meeting', MEETING)] },
        { type: 'text', text: '.' },
        { type: 'footnote', attrs: { text: 'Minutes of the second meeting, item 4.' } },
      ],
    },
  ],
};

describe('footnotes and record links in the model', () => {
  it('are valid documents, and the editor’s schema reads and writes them unchanged', () => {
    expect(parseDocument(DRAFT).ok).toBe(true);
    const schema = getSchema(parleyEditorExtensions());
    const back = PMNode.fromJSON(schema, DRAFT).toJSON() as DocumentNode;
    expect(parseDocument(back).ok).toBe(true);
    expect(toMarkdown(back)).toBe(toMarkdown(DRAFT));
    const marks = (back.content[0] as { content: InlineNode[] }).content.flatMap((n) => (n.type === 'text' ? n.marks ?? [] : []));
    expect(marks.filter((m) => m.type === 'recordLink').map((m) => m.attrs)).toContainEqual({ kind: 'issue', id: ISSUE, caseId: null, title: 'Tiered access by model capability' });
  });

  it('refuses a record title that is not text or is too long', () => {
    const withTitle = (title: unknown) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'recordLink', attrs: { kind: 'issue', id: ISSUE, title } }] }] }] });
    expect(parseDocument(withTitle(42)).ok).toBe(false);
    expect(parseDocument(withTitle('t'.repeat(1_001))).ok).toBe(false);
    expect(parseDocument(withTitle(null)).ok).toBe(true);
  });

  it('names the record after a link only where the link’s words are not its title, once per link', () => {
    const inline = (DRAFT.content[0] as { content: InlineNode[] }).content;
    expect(inline.map((_, i) => recordTitleAfter(inline, i))).toEqual([
      null, null, null, null, null, 'Tiered access by model capability', null, null, null, null,
    ]);
  });
});

describe('footnotes and record links in the exports', () => {
  it('plain text (the search index): footnotes in brackets, the linked record’s title after the phrase', () => {
    expect(documentText(DRAFT)).toBe(
      'We rely on Bernstein v. Department of Justice [176 F.3d 1132 (9th Cir. 1999)] and on the tiered proposal (see “Tiered access by model capability”), as agreed at the last meeting. [Minutes of the second meeting, item 4.]',
    );
  });

  it('Markdown: numbered footnotes at the end, record links readable', () => {
    const md = toMarkdown(DRAFT);
    expect(md).toContain(`[Bernstein v. Department of Justice](<parley://record/precedent/${PRECEDENT}>)[^1]`);
    expect(md).toContain(`[the tiered](<parley://record/issue/${ISSUE}>) [**proposal**](<parley://record/issue/${ISSUE}>) (see “Tiered access by model capability”), as agreed at [the last meeting](<parley://record/meeting/${MEETING}>).[^2]`);
    expect(md.trimEnd().split('\n').slice(-2)).toEqual(['[^1]: 176 F.3d 1132 (9th Cir. 1999)', '[^2]: Minutes of the second meeting, item 4.']);
  });

  it('HTML (and so the PDF): numbered references, the notes listed at the end, the title after the phrase', () => {
    const html = toHtml(DRAFT, { title: 'Letter' });
    expect(html).toContain('<sup class="footnote-ref"><a href="#footnote-1" id="footnote-ref-1">1</a></sup>');
    expect(html).toContain('<sup class="footnote-ref"><a href="#footnote-2" id="footnote-ref-2">2</a></sup>');
    expect(html).toMatch(/<li id="footnote-1">176 F\.3d 1132 \(9th Cir\. 1999\) /);
    expect(html).toMatch(/<li id="footnote-2">Minutes of the second meeting, item 4\. /);
    expect(html).toContain('<strong>proposal</strong></a><span class="record-link-title"> (see “Tiered access by model capability”)</span>, as agreed at');
    // The note goes after the whole link, not after each of its pieces.
    expect(html.match(/record-link-title/g)).toHaveLength(1);
  });

  it('Word: the citations are Word footnotes, the record links plain words with the title after the phrase', async () => {
    const docx = await toDocx(DRAFT, { title: 'Letter', caseReference: 'EXP-AI-2026-007', date: '3 December 2026' });
    const file = path.join(tempDir(), 'letter.docx');
    fs.writeFileSync(file, docx);
    // A .docx is a zip of XML parts: the body and the footnotes are read as Word would find them.
    const read = (part: string) => execFileSync('unzip', ['-p', file, part], { encoding: 'utf8' });
    const words = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    const body = read('word/document.xml');
    const notes = read('word/footnotes.xml');
    expect(words(body)).toContain('We rely on Bernstein v. Department of Justice and on the tiered proposal (see “Tiered access by model capability”), as agreed at the last meeting.');
    expect(body.match(/<w:footnoteReference w:id="\d+"\/>/g)).toHaveLength(2);
    expect(words(notes)).toContain('176 F.3d 1132 (9th Cir. 1999)');
    expect(words(notes)).toContain('Minutes of the second meeting, item 4.');
    // A parley: address means nothing in Word: no hyperlink is made for a record link.
    expect(body).not.toContain('parley://');
  });
});
