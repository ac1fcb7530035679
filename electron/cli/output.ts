// Everything `parley` prints goes through here: a result as JSON (--json) or as lines for a person, and the one
// line an error gets. Text from a case file could otherwise move the cursor, rewrite the screen or retitle the
// terminal, since a file someone else made may hold any characters. That is made impossible at the one door out:
// guardedIo wraps standard output, standard error and the passphrase prompt of every run, so that whatever a
// command or an error message says, no control character reaches the terminal except the highlighting added there.
import { MATCH_END, MATCH_START } from '../../shared/result.js';

/** Where the command line reads and writes; main.ts binds it to the process, tests may bind it elsewhere. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Everything on standard input (for `parley import - FILE`, and --passphrase-stdin). */
  readStdin(): string;
  /** Asks at the terminal for a secret, not echoing it; null when there is no terminal to ask at. */
  readSecret(prompt: string): string | null;
  /** Standard output is a terminal: highlight with ANSI bold rather than [brackets]. */
  stdoutIsTty: boolean;
  /** Standard error is a terminal: progress may be drawn there (`parley library`). */
  stderrIsTty?: boolean;
  env: Record<string, string | undefined>;
}

export type HighlightStyle = 'ansi' | 'brackets';

export class Output {
  constructor(
    private readonly io: CliIo,
    readonly json: boolean,
  ) {}

  /** Prints a command's result: the value as JSON with --json, otherwise the lines `asText` makes of it. */
  result<T>(value: T, asText: (value: T) => string[]): void {
    if (this.json) this.jsonValue(value);
    else this.lines(asText(value));
  }

  /** Prints a value as JSON, whatever the options (an export). */
  jsonValue(value: unknown): void {
    this.io.stdout(jsonText(value));
  }

  lines(lines: string[]): void {
    if (lines.length) this.io.stdout(lines.join('\n') + '\n');
  }

  /** Writes a document as it is (a calendar to standard output); its line breaks stay, its control characters go. */
  raw(text: string): void {
    this.io.stdout(text);
  }
}

// Control characters: C0 (escape, bell, carriage return ...) with DEL, and beyond ASCII the C1 controls (U+009B is a
// CSI to many terminals), the bidirectional marks, embeddings, overrides and isolates that can make text read
// differently, and the line and paragraph separators.
const C0 = '\\u0000-\\u001f\\u007f';
const BEYOND_ASCII = '\\u0080-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';
const CONTROL = new RegExp(`[${C0}${BEYOND_ASCII}]`, 'g');
/** Any control character but a line feed or a tab. */
const UNSAFE = new RegExp(`(?![\\n\\t])[${C0}${BEYOND_ASCII}]`);
/** What JSON.stringify leaves as it is: DEL and the controls beyond ASCII. */
const UNESCAPED_IN_JSON = new RegExp(`[\\u007f${BEYOND_ASCII}]`, 'g');

/** Text from a case file made safe for a terminal: line breaks become spaces, control characters go. */
function sanitize(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(CONTROL, '');
}

/** A field of a record as one clean line. */
export function oneLine(text: string | null | undefined): string {
  return sanitize(text ?? '').trim();
}

/**
 * A search snippet as one clean line, its matches still between MATCH_START and MATCH_END (balanced: markers that
 * came from the file itself are gone), for the terminal's door to show in bold or [brackets].
 */
export function renderSnippet(snippet: string): string {
  return snippet
    .split(MATCH_START)
    .map((part, i) => {
      if (i === 0) return sanitize(part);
      const [match = '', ...rest] = part.split(MATCH_END);
      return MATCH_START + sanitize(match) + MATCH_END + sanitize(rest.join(''));
    })
    .join('')
    .trim();
}

/**
 * JSON for a terminal or a script: JSON.stringify escapes C0 controls in strings, but leaves DEL and the controls
 * beyond ASCII as they are; they are written as \u escapes too, which any JSON reader turns back into the same string.
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNESCAPED_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';
}

/**
 * What may reach a terminal: `text` without a control character, but for line feeds, tabs and a carriage return
 * that ends a line (a calendar's CRLF); matches marked by MATCH_START and MATCH_END shown as `style` says (markers
 * that pair with nothing are dropped, and a line never ends inside a highlight).
 */
export function terminalText(text: string, style: HighlightStyle | 'none'): string {
  const [open, close] = style === 'ansi' ? ['\u001b[1m', '\u001b[22m'] : style === 'brackets' ? ['[', ']'] : ['', ''];
  if (!UNSAFE.test(text)) return text; // the usual case, and all of a JSON export, however large
  return text.split('\n').map((line) => {
    const crlf = line.endsWith('\r');
    let inMatch = false;
    const shown = (crlf ? line.slice(0, -1) : line).replace(CONTROL, (c) => {
      if (c === '\t') return c;
      if (c === MATCH_START && !inMatch) return (inMatch = true), open;
      if (c === MATCH_END && inMatch) return (inMatch = false), close;
      return '';
    });
    return shown + (inMatch ? close : '') + (crlf ? '\r' : '');
  }).join('\n');
}

/** The command line's own streams, guarded: everything written, and the passphrase prompt, is terminal text. */
export function guardedIo(io: CliIo): CliIo {
  const style: HighlightStyle = io.stdoutIsTty && !io.env.NO_COLOR ? 'ansi' : 'brackets';
  return {
    ...io,
    stdout: (text) => io.stdout(terminalText(text, style)),
    stderr: (text) => io.stderr(terminalText(text, 'none')),
    readSecret: (prompt) => io.readSecret(terminalText(prompt, 'none')),
  };
}

/** Lines of left-aligned columns, each as wide as its widest cell; the last column is not padded. */
export function columns(rows: string[][], indent = '', gap = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => indent + row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join(gap).trimEnd());
}

/** "1 problem", "3 problems". */
export function count(n: number, singular: string, plural = singular + 's'): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
