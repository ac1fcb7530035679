// How case-file text reaches a terminal: highlighted matches, and nothing that could drive the terminal.
import { describe, expect, it } from 'vitest';
import { MATCH_END, MATCH_START } from '../../shared/result.js';
import { columns, guardedIo, jsonText, oneLine, renderSnippet, terminalText, type CliIo } from '../../electron/cli/output.js';

const marked = (word: string) => `${MATCH_START}${word}${MATCH_END}`;

describe('renderSnippet, as the terminal shows it', () => {
  const shown = (snippet: string, style: 'ansi' | 'brackets') => terminalText(renderSnippet(snippet), style);
  const snippet = `…an ${marked('allied')}-nation ${marked('carve')}-out for lower tiers…`;

  it('puts matches in brackets, keeping the spaces around them', () => {
    expect(shown(snippet, 'brackets')).toBe('…an [allied]-nation [carve]-out for lower tiers…');
  });

  it('puts matches in ANSI bold for a terminal', () => {
    expect(shown(snippet, 'ansi')).toBe('…an \u001b[1mallied\u001b[22m-nation \u001b[1mcarve\u001b[22m-out for lower tiers…');
  });

  it('drops control characters and stray markers that came from the file itself', () => {
    const hostile = `a\u001b[2J${marked('b\u0007')}\u0003c\r\nd\u202e`;
    expect(shown(hostile, 'brackets')).toBe('a[2J[b]c d');
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

// Every control character a file could hold, by kind.
const HOSTILE = 'a\u001b[2J\u001b]0;owned\u0007b\rc\u0000d\u007fe\u009b31mf\u0085g\u202eh\u2066i\u200fj\u2028k\u0002l\u0003m';
const ANY_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('terminalText', () => {
  it('lets no control character through but line feeds, tabs and a CRLF line end', () => {
    expect(terminalText(`${HOSTILE}\tx\r\ny\n`, 'none')).toBe('a[2J]0;ownedbcde31mfghijklm\tx\r\ny\n');
    expect(terminalText(HOSTILE, 'brackets')).toBe('a[2J]0;ownedbcde31mfghijk[l]m');
  });

  it('adds only its own bold, balanced on each line', () => {
    expect(terminalText(`x\u0002y\ny\u0003z\u0003`, 'ansi')).toBe('x\u001b[1my\u001b[22m\nyz');
  });
});

describe('guardedIo', () => {
  function fake(tty: boolean) {
    const written = { stdout: '', stderr: '', prompt: '' };
    const io: CliIo = {
      stdout: (t) => void (written.stdout += t), stderr: (t) => void (written.stderr += t), readStdin: () => '',
      readSecret: (p) => ((written.prompt += p), null), stdoutIsTty: tty, env: {},
    };
    return { io: guardedIo(io), written };
  }

  it.each([false, true])('cleans everything written and the passphrase prompt (terminal: %s)', (tty) => {
    const { io, written } = fake(tty);
    io.stdout(HOSTILE);
    io.stderr(HOSTILE);
    io.readSecret(`Passphrase for ${HOSTILE}: `);
    for (const text of Object.values(written)) expect(text.replace(/\u001b\[(1|22)m/g, '')).not.toMatch(ANY_CONTROL);
    expect(written.stderr).toBe('a[2J]0;ownedbcde31mfghijklm');
    expect(written.stdout).toBe(tty ? 'a[2J]0;ownedbcde31mfghijk\u001b[1ml\u001b[22mm' : 'a[2J]0;ownedbcde31mfghijk[l]m');
  });
});

describe('jsonText', () => {
  it('escapes what JSON.stringify leaves raw, and reads back the same', () => {
    const value = { title: HOSTILE };
    expect(jsonText(value)).not.toMatch(ANY_CONTROL);
    expect(JSON.parse(jsonText(value))).toEqual(value);
  });
});
