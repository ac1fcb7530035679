// Small helpers for messages in plain words.

/** "an issue", "a deadline", "an hour": the indefinite article a noun takes, by its first letter. */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** "1 day", "2 hours". */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** A field's name in words: "dueDate" -> "due date", "triggerEventId" -> "trigger event ID". */
export function nameInWords(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/\bid\b/g, 'ID');
}

/** "“a”", "“a” or “b”", "“a”, “b” or “c”". */
export function quotedList(items: readonly unknown[], joiner = 'or'): string {
  const quoted = items.map((i) => `“${String(i)}”`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} ${joiner} ${quoted.at(-1)}`;
}

/** A reminder's lead time in words: 1500 -> "1 day, 1 hour before", 0 -> "at the time". */
export function offsetWords(minutes: number): string {
  if (minutes === 0) return 'at the time';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const parts = [days && countOf(days, 'day'), hours && countOf(hours, 'hour'), mins && countOf(mins, 'minute')].filter(Boolean);
  return `${parts.join(', ')} before`;
}
