// The marking a case's printed and exported pages carry: the command line's defaults until the user chooses, kept
// apart for internal material and a shareable brief, and "no marking" kept as a choice rather than read as unset.
import { describe, expect, it } from 'vitest';
import { DEFAULT_MARKING, SHAREABLE_MARKING } from '../../shared/documents/page.js';
import { markingOf, MARKING_PRESETS } from '../../renderer/state/marking.js';

describe('markingOf', () => {
  it('is privileged for internal material and "Confidential" for a shareable brief until one is chosen', () => {
    expect(markingOf({}, 'case-1', 'internal')).toBe(DEFAULT_MARKING);
    expect(markingOf({}, 'case-1', 'shareable')).toBe(SHAREABLE_MARKING);
  });

  it('keeps each case\'s choice, and each kind\'s, apart', () => {
    const chosen = { 'case-1:internal': 'Counsel only', 'case-2:shareable': 'Settlement communication' };
    expect(markingOf(chosen, 'case-1', 'internal')).toBe('Counsel only');
    expect(markingOf(chosen, 'case-1', 'shareable')).toBe(SHAREABLE_MARKING);
    expect(markingOf(chosen, 'case-2', 'internal')).toBe(DEFAULT_MARKING);
    expect(markingOf(chosen, 'case-2', 'shareable')).toBe('Settlement communication');
  });

  it('keeps "no marking" as chosen', () => {
    expect(markingOf({ 'case-1:internal': '' }, 'case-1', 'internal')).toBe('');
  });

  it('offers the command line\'s two defaults by name', () => {
    expect(MARKING_PRESETS).toContain(DEFAULT_MARKING);
    expect(MARKING_PRESETS).toContain(SHAREABLE_MARKING);
  });
});
