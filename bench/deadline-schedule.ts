// Deadlines kept by the core: what a write costs now that it works out rule-built dates. A case of 2,000 hand-dated
// deadlines plus 60 rule-built ones hanging on one event (30 directly, 30 in a chain), through the dispatcher.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CaseInfo } from '../shared/api-types.js';
import { Session } from '../electron/core/session.js';
import { ACTOR, call } from './fixtures.js';
import { measure, ms, table, type Summary } from './stats.js';

const HAND_DATED = 2_000;
const DIRECT = 30;
const CHAIN = 30;
const ROUNDS = 20;

export function benchDeadlineSchedule(log: (line: string) => void): void {
  log('');
  log(`deadlines: a case of ${HAND_DATED} hand-dated deadlines and ${DIRECT + CHAIN} rule-built ones on one event (${DIRECT} direct, a chain of ${CHAIN})`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-bench-deadlines-'));
  const session = new Session({ dataDir: path.join(dir, 'data'), actor: ACTOR });
  try {
    const { caseId } = call<CaseInfo>(session, 'case.create', { path: path.join(dir, 'deadlines.parley'), directive: { title: 'Bench', status: 'negotiating' } });
    const create = (fields: Record<string, unknown>) => call<{ id: string }>(session, 'deadline.create', { caseId, fields: { deadlineKind: 'response', status: 'open', ...fields } }).id;
    const handDated: string[] = [];
    for (let i = 0; i < HAND_DATED; i++) handDated.push(create({ title: `Deadline ${i}`, dueType: 'date', dueDate: `2027-0${1 + (i % 9)}-1${i % 10}` }));
    const event = call<{ id: string }>(session, 'event.create', { caseId, fields: { title: 'Order received', eventKind: 'order_received', occurredOn: '2027-01-04' } }).id;
    const rule = { amount: 5, unit: 'business_days', direction: 'after', roll: 'forward' };
    for (let i = 0; i < DIRECT; i++) create({ title: `Direct ${i}`, dueType: 'tbd', rule, triggerEventId: event });
    let previous = create({ title: 'Chain 0', dueType: 'tbd', rule, triggerEventId: event });
    for (let i = 1; i < CHAIN; i++) previous = create({ title: `Chain ${i}`, dueType: 'tbd', rule: { ...rule, amount: 1 }, triggerDeadlineId: previous });

    const moveTo = (round: number) => ({ kind: 'event', id: event, changes: { occurredOn: round % 2 ? '2027-01-04' : '2027-01-11' } });
    const results: [string, Summary][] = [
      ['deadline.update, title of a hand-dated deadline', measure(ROUNDS * 5, (i) => call(session, 'deadline.update', { caseId, id: handDated[Math.abs(i) % HAND_DATED], changes: { title: `Renamed ${i}` } }))],
      ['schedule.preview, moving the event (60 dependants)', measure(ROUNDS, (i) => call(session, 'schedule.preview', { caseId, change: moveTo(i) }))],
      ['schedule.confirm, moving the event (60 dependants)', measure(ROUNDS, (i) => call(session, 'schedule.confirm', { caseId, change: moveTo(i), reason: 'bench' }))],
      ['schedule.get, the whole case', measure(ROUNDS, () => call(session, 'schedule.get', { caseId }))],
      ['reminder.due, the whole case', measure(ROUNDS, () => call(session, 'reminder.due', { caseId, timeZone: 'UTC', now: '2027-01-10T12:00:00Z' }))],
    ];
    log(table(['operation', 'p50', 'p95', 'n'], results.map(([name, s]) => [name, ms(s.p50), ms(s.p95), String(s.n)])));
  } finally {
    session.closeAll();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
