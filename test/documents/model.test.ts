import { getSchema } from '@tiptap/core';
import { Node as PMNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_LIMITS, DocumentSchema, bulletList, doc, documentText, fillMergeFields, footnote, heading, paragraph,
  parseDocument, replaceSection, table, text, toHtml, toMarkdown, type BlockNode, type DocumentNode,
} from '../../shared/documents/index.js';
import { parleyEditorExtensions } from '../../shared/documents/tiptap.js';
import { buildMeetingBrief } from '../../electron/core/briefs/index.js';
import { sampleCase } from './fixture.js';
import { EVERYTHING, ID } from './samples.js';

describe('document schema', () => {
  it('accepts every node and mark, with the attributes TipTap writes', () => {
    const parsed = parseDocument(EVERYTHING);
    expect(parsed).toEqual({ ok: true, doc: EVERYTHING });
  });

  const broken: [string, unknown][] = [
    ['not a document', { type: 'paragraph' }],
    ['an empty document', { type: 'doc', content: [] }],
    ['an unknown node', { type: 'doc', content: [{ type: 'script', text: 'alert(1)' }] }],
    ['an unknown mark', { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'blink' }] }] }] }],
    ['an extra property', { type: 'doc', content: [{ type: 'paragraph', onclick: 'x' }] }],
    ['an empty text node', { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '' }] }] }],
    ['a heading level 7', { type: 'doc', content: [{ type: 'heading', attrs: { level: 7 } }] }],
    ['a bad section id', { type: 'doc', content: [{ type: 'heading', attrs: { level: 2, sectionId: 'Has Spaces' } }] }],
    ['a javascript: link', { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] }],
    ['a record link to an unknown kind', { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'recordLink', attrs: { kind: 'password', id: ID } }] }] }] }],
    ['a record link without a uuid', { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'recordLink', attrs: { kind: 'issue', id: '1; DROP TABLE' } }] }] }] }],
    ['a mark twice', { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'bold' }, { type: 'bold' }] }] }] }],
    ['a list item not starting with a paragraph', { type: 'doc', content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'horizontalRule' }] }] }] }],
    ['an empty list', { type: 'doc', content: [{ type: 'bulletList', content: [] }] }],
    ['a table cell with inline content', { type: 'doc', content: [{ type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [{ type: 'text', text: 'x' }] }] }] }] }],
    ['a block where inline content goes', { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'paragraph' }] }] }],
    ['a footnote without text', { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'footnote' }] }] }],
    ['a string', 'doc'],
    ['null', null],
  ];
  it.each(broken)('refuses %s', (_label, value) => {
    const parsed = parseDocument(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]?.message.length).toBeGreaterThan(0);
  });

  it('refuses a document nested too deep without overflowing the stack', () => {
    let node: unknown = { type: 'paragraph' };
    for (let i = 0; i < 100_000; i++) node = { type: 'blockquote', content: [node] };
    const parsed = parseDocument({ type: 'doc', content: [node] });
    expect(parsed).toEqual({ ok: false, problems: [{ path: '', message: `the document is nested more than ${DOCUMENT_LIMITS.maxDepth} levels deep` }] });
  });

  it('refuses a document with too much text', () => {
    const big = 'x'.repeat(1_000_000);
    const parsed = parseDocument(doc([0, 1, 2, 3, 4].map(() => paragraph(big))));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]!.message).toMatch(/more than 4000000 characters/);
  });

  it('is the editor’s own schema: a brief loads into TipTap and comes back as the same document', () => {
    const schema = getSchema(parleyEditorExtensions());
    const { api, caseId, meetingId } = sampleCase();
    for (const original of [EVERYTHING, buildMeetingBrief(api.session.get(caseId), meetingId)]) {
      const node = PMNode.fromJSON(schema, original);
      node.check(); // ProseMirror's own content rules
      const back = node.toJSON() as DocumentNode;
      expect(DocumentSchema.safeParse(back).success).toBe(true);
      expect(documentText(back)).toBe(documentText(original));
      expect(toMarkdown(back)).toBe(toMarkdown(original));
      expect(PMNode.fromJSON(schema, back).toJSON()).toEqual(back);
    }
  });
});

describe('plain text', () => {
  it('gives one line per block and table row, with footnotes in brackets', () => {
    expect(documentText(EVERYTHING)).toBe([
      'Title', 'Issues', 'bold italic under struck code\na link and an issue [176 F.3d 1132 (9th Cir. 1999)]', 'one', 'one.one', 'Issue', 'Scope', 'quoted',
    ].join('\n'));
  });
});

describe('Markdown', () => {
  it('writes every construct', () => {
    const md = toMarkdown(EVERYTHING);
    expect(md).toContain('# Title\n\n## Issues\n\n');
    expect(md).toContain('**bold** *italic* <u>under</u> ~~struck~~ `code`\\\n[a link](<https://example.gov/order>) and [an issue](<parley://record/issue/' + ID + '>)[^1]');
    expect(md).toContain('- one\n\n  1. one.one');
    expect(md).toContain('| Issue |\n| --- |\n| Scope |');
    expect(md).toContain('> quoted\n\n---');
    expect(md.trimEnd().endsWith('[^1]: 176 F.3d 1132 (9th Cir. 1999)')).toBe(true);
  });

  it('escapes text that Markdown would read as syntax', () => {
    const md = toMarkdown(doc([
      paragraph('# not a heading'),
      paragraph('1. not a list, *not emphasis*, [not](a link), <b>not html</b>, a|b'),
      table(['a|b'], [['c\\d']]),
    ]));
    expect(md).toContain('\\# not a heading');
    expect(md).toContain('1\\. not a list, \\*not emphasis\\*, \\[not\\](a link), \\<b\\>not html\\</b\\>, a\\|b');
    expect(md).toContain('| a\\|b |');
    expect(md).toContain('| c\\\\d |');
  });

  it('keeps spaces outside emphasis so it still reads as emphasis', () => {
    expect(toMarkdown(doc([paragraph('a', text(' bold ', { type: 'bold' }), 'b')]))).toBe('a **bold** b\n');
  });
});

describe('HTML page', () => {
  const page = { title: 'Brief <1>', marking: 'Privileged </style><script>alert(1)</script>', caseReference: 'EXP-1 & "2"', date: '3 December 2026' };

  it('escapes every text, attribute and the page options', () => {
    const html = toHtml(doc([
      heading(1, '<img src=x onerror=alert(1)>'),
      paragraph(text('x', { type: 'link', attrs: { href: 'https://a.example/?q="><script>' } }), footnote('</li><script>alert(2)</script>')),
    ]), page);
    expect(html).not.toMatch(/<script|<img|onerror=alert\(1\)>/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('href="https://a.example/?q=&quot;&gt;&lt;script&gt;"');
    expect(html).toContain('<title>Brief &lt;1&gt;</title>');
    expect(html).toContain('EXP-1 &amp; &quot;2&quot;');
    // In CSS the marking is an escaped string: no "</style>" can end the stylesheet early.
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(html).toContain("Content-Security-Policy\" content=\"default-src 'none'");
  });

  it('is a printable page with the marking, the case line and page numbers in the page margins', () => {
    const html = toHtml(EVERYTHING, { ...page, marking: 'Privileged & Confidential' });
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toMatch(/@page \{\n {2}size: Letter;/);
    expect(html).toContain('@top-center { content: "Privileged \\26  Confidential"');
    expect(html).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages)');
    expect(html).toContain('<h2 id="section-issues">Issues</h2>');
    expect(html).toContain('<thead>\n<tr><th>Issue</th></tr>\n</thead>');
    expect(html).toContain('<li id="footnote-1">176 F.3d 1132 (9th Cir. 1999)');
    expect(html).toContain('<a class="record-link" href="parley://record/issue/' + ID + '"');
    expect(toHtml(EVERYTHING, { title: 't', pageSize: 'A4' })).toContain('Privileged &amp; Confidential - Attorney Work Product');
  });
});

describe('sections', () => {
  const fresh = doc([
    heading(1, 'Brief'),
    heading(2, 'A', 'a'), paragraph('fresh a'),
    heading(2, 'B', 'b'), paragraph('fresh b'), heading(3, 'B sub'), paragraph('fresh b sub'),
    heading(2, 'C', 'c'), paragraph('fresh c'),
  ]);

  it('replaces a section up to the next section heading, whatever headings of the user’s lie between', () => {
    const edited = doc([
      heading(1, 'My brief'),
      heading(2, 'A', 'a'), paragraph('mine a'),
      heading(2, 'Bee', 'b'), paragraph('mine b'), heading(2, 'My own heading'), paragraph('mine b2'),
      heading(2, 'C', 'c'), paragraph('mine c'),
    ]);
    const out = replaceSection(edited, 'b', fresh);
    expect(documentText(out).split('\n')).toEqual(['My brief', 'A', 'mine a', 'Bee', 'fresh b', 'B sub', 'fresh b sub', 'C', 'mine c']);
  });

  it('puts a missing section after the nearest section before it', () => {
    const edited = doc([heading(2, 'A', 'a'), paragraph('mine a'), heading(2, 'C', 'c'), paragraph('mine c')]);
    expect(documentText(replaceSection(edited, 'b', fresh)).split('\n')).toEqual(['A', 'mine a', 'B', 'fresh b', 'B sub', 'fresh b sub', 'C', 'mine c']);
    const onlyC = doc([paragraph('intro'), heading(2, 'C', 'c')]);
    expect(documentText(replaceSection(onlyC, 'a', fresh)).split('\n')).toEqual(['intro', 'A', 'fresh a', 'C']);
  });
});

describe('merge fields', () => {
  it('fills inline fields with the marks around them, block fields in place of their paragraph', () => {
    const template = doc([
      paragraph(text('Re: {{directive.title}}', { type: 'bold' })),
      paragraph('{{issues.list}}'),
      paragraph('Basis: {{directive.legalBasis}} / {{ missing.value }}'),
      bulletList(['{{issues.list}}']),
    ]);
    const list: BlockNode[] = [bulletList(['first', 'second'])];
    const { doc: out, missing, unresolved } = fillMergeFields(template, {
      inline: { 'directive.title': 'The order', 'directive.legalBasis': 'line one\nline two', 'missing.value': null },
      blocks: { 'issues.list': list },
    });
    expect(out.content[0]).toEqual(paragraph(text('Re: ', { type: 'bold' }), text('The order', { type: 'bold' })));
    expect(out.content[1]).toEqual(list[0]);
    expect(out.content[2]).toEqual(paragraph('Basis: ', 'line one', { type: 'hardBreak' }, 'line two', ' / ', '[missing.value not recorded]'));
    expect(missing).toEqual(['missing.value']);
    // A block field where only a paragraph may stand (a list item's first line) is left as typed and reported.
    expect(documentText({ type: 'doc', content: [out.content[3]!] })).toBe('{{issues.list}}');
    expect(unresolved).toEqual(['issues.list']);
    expect(DocumentSchema.safeParse(out).success).toBe(true);
  });
});
