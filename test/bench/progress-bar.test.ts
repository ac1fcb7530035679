// The progress bar the scaling table draws while the library index is rebuilt (bench/scaling.ts), as it prints into
// a log that is not a terminal: one line per tenth, so a rebuild of 2,000 files stays short.
import { describe, expect, it } from 'vitest';
import { progressBar } from '../../bench/scaling.js';

describe('the rebuild progress bar in a log', () => {
  it('prints a line when a new tenth is reached, and the end', () => {
    const lines: string[] = [];
    const bar = progressBar((line) => lines.push(line), 10, false);
    for (const done of [0, 50, 199, 200, 350, 1_000, 1_999, 2_000]) bar.show(done, 2_000);
    bar.done('index rebuilt in 1.0 s');
    expect(lines).toEqual([
      '    [..........] 0/2,000 files',
      '    [#.........] 200/2,000 files',
      '    [#####.....] 1,000/2,000 files',
      '    [#########.] 1,999/2,000 files',
      '    [##########] 2,000/2,000 files',
      '    index rebuilt in 1.0 s',
    ]);
  });
});
