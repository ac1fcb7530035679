// Everything `parley` prints goes through here: a result as JSON (--json) or as lines for a person, and the one
// line an error gets. Text from a case file is cleaned of control characters before it reaches a terminal, since
// a file someone else made could otherwise move the cursor or rewrite the screen.
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
  env: Record<string, string | undefined>;
}

export type HighlightStyle = 'ansi' | 'brackets';

export class Output {
  readonly highlight: HighlightStyle;

  constructor(
    private readonly io: CliIo,
    readonly json: boolean,
  ) {
    this.highlight = io.stdoutIsTty && !io.env.NO_COLOR ? 'ansi' : 'brackets';
  }

  /** Prints a command's result: the value as JSON with --json, otherwise the lines `asText` makes of it. */
  result<T>(value: T, asText: (value: T) => string[]): void {
    if (this.json) this.io.stdout(JSON.stringify(value, null, 2) + '\n');
    else this.lines(asText(value));
  }

  lines(lines: string[]): void {
    if (lines.length) this.io.stdout(lines.join('\n') + '\n');
  }

  /** Writes text as it is (an export to standard output). */
  raw(text: string): void {
    this.io.stdout(text);
  }
}

// C0 and C1 control characters, DEL, and the bidirectional overrides that can make text read differently.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text from a case file made safe for a terminal: line breaks become spaces, control characters go. */
function sanitize(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(CONTROL, '');
}

/** A field of a record as one clean line. */
export function oneLine(text: string | null | undefined): string {
  return sanitize(text ?? '').trim();
}

/** A search snippet for a terminal: matches in bold (ANSI) or between [brackets], everything else cleaned. */
export function renderSnippet(snippet: string, style: HighlightStyle): string {
  const [open, close] = style === 'ansi' ? ['\u001b[1m', '\u001b[22m'] : ['[', ']'];
  return snippet
    .split(MATCH_START)
    .map((part, i) => {
      if (i === 0) return sanitize(part);
      const [match = '', ...rest] = part.split(MATCH_END);
      return open + sanitize(match) + close + sanitize(rest.join(''));
    })
    .join('')
    .trim();
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
