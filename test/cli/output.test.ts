// How case-file text reaches a terminal: highlighted matches, and nothing that could drive the terminal.
import { describe, expect, it } from 'vitest';
import { MATCH_END, MATCH_START } from '../../shared/result.js';
import { columns, oneLine, renderSnippet } from '../../electron/cli/output.js';

const marked = (word: string) => `${MATCH_START}${word}${MATCH_END}`;

describe('renderSnippet', () => {
  const snippet = `…an ${marked('allied')}-nation ${marked('carve')}-out for lower tiers…`;

  it('puts matches in brackets, keeping the spaces around them', () => {
    expect(renderSnippet(snippet, 'brackets')).toBe('…an [allied]-nation [carve]-out for lower tiers…');
  });

  it('puts matches in ANSI bold for a terminal', () => {
    expect(renderSnippet(snippet, 'ansi')).toBe('…an \u001b[1mallied\u001b[22m-nation \u001b[1mcarve\u001b[22m-out for lower tiers…');
  });

  it('drops control characters and stray markers that came from the file itself', () => {
    const hostile = `a\u001b[2J${marked('b\u0007')}\u0003c\r\nd\u202e`;
    expect(renderSnippet(hostile, 'brackets')).toBe('a[2J[b]c d');
  });
});

describe('oneLine', () => {
  it('keeps a field on one line without control characters', () => {
    expect(oneLine('  Line one\n\tline\u0000 two\u009b  ')).toBe('Line one line two');
    expect(oneLine(null)).toBe('');
  });
});

describe('columns', () => {
  it('pads every column but the last to its widest cell', () => {
    expect(columns([['Parties', '10'], ['Position changes', '28']], '  ')).toEqual(['  Parties           10', '  Position changes  28']);
  });
});
