// A search snippet with its matched words highlighted: the core marks them with MATCH_START / MATCH_END, and the
// text is split on those marks into plain strings and <mark> elements (never parsed as HTML).
import { MATCH_END, MATCH_START } from '../../../shared/result.js';

export interface SnippetPart {
  text: string;
  match: boolean;
}

export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [i, chunk] of snippet.split(MATCH_START).entries()) {
    if (i === 0) {
      if (chunk) parts.push({ text: chunk.replaceAll(MATCH_END, ''), match: false });
      continue;
    }
    const end = chunk.indexOf(MATCH_END);
    const matched = end < 0 ? chunk : chunk.slice(0, end);
    const rest = end < 0 ? '' : chunk.slice(end + 1).replaceAll(MATCH_END, '');
    if (matched) parts.push({ text: matched, match: true });
    if (rest) parts.push({ text: rest, match: false });
  }
  return parts;
}

/** The snippet as text without its marks (for titles and labels). */
export const plainSnippet = (snippet: string) => snippet.replaceAll(MATCH_START, '').replaceAll(MATCH_END, '');

export function Snippet({ text, className }: { text: string; className?: string }) {
  return (
    <span className={className}>
      {snippetParts(text).map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </span>
  );
}
