// `parley verify` on files that break the rules between records (written behind the API): each problem is one
// line of its own, and the exit status is 1.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../shared/api-types.js';
import { deadline, record, rule, writeBehindTheApi } from '../core/support/behind-the-api.js';
import { buildCli, parleyRunner, type ParleyRunner } from './support/parley.js';

let parley: ParleyRunner;
let data: string;

beforeAll(async () => {
  await buildCli();
  parley = parleyRunner();
  data = parley.file('library');
  fs.mkdirSync(data);
});
afterAll(() => parley.cleanUp());

describe('parley verify', () => {
  it('prints a circle of deadline triggers and links to records that are not in the file, one line each, and exits 1', () => {
    const file = parley.file('broken-rules.parley');
    expect(parley.run(['new', file, '--title', 'Export-control suspension order', '--data', data]).status).toBe(0);
    const self = deadline('Reply to the ministry', { rule });
    self.triggerDeadlineId = self.id;
    const a = deadline('Alpha', { rule });
    const b = deadline('Bravo', { rule, triggerDeadlineId: a.id });
    a.triggerDeadlineId = b.id;
    const precedent = crypto.randomUUID();
    const link = record('link', { fromKind: 'deadline', fromId: self.id, linkType: 'cites', toKind: 'precedent', toId: precedent });
    writeBehindTheApi(file, [['deadline', self], ['deadline', a], ['deadline', b], ['link', link]]);

    const run = parley.run(['verify', file, '--data', data]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}references +PROBLEMS$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}deadline triggers +PROBLEMS$/));
    expect(lines).toContainEqual(`  reference: link ${link.id}: The precedent ${precedent} a link points to does not exist in this case file.`);
    expect(lines).toContainEqual('  deadline triggers: Deadlines cannot count from each other in a loop: “Reply to the ministry” → “Reply to the ministry” (each counts from the one after it). Change one of these triggers.');
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}deadline triggers: .*“(Alpha|Bravo)” → “(Alpha|Bravo)” → “(Alpha|Bravo)”/));
    expect(lines).toContain('3 problems found.');

    const json = parley.run(['verify', file, '--json', '--data', data]);
    expect(json.status).toBe(1);
    const report = json.json<VerifyReport>();
    expect(report).toMatchObject({ ok: false, links: [{ ids: [link.id] }], auditChain: { problems: [] } });
    expect(report.triggerCycles).toHaveLength(2);
  });
});
