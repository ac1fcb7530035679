// Alice's case open in the renderer (over the real core), and Bob's copy of its file made with a plain file copy and
// changed in his own session: what the renderer's merge tests start from.
import fs from 'node:fs';
import path from 'node:path';
import { openCase } from '../../renderer/state/cases.js';
import { newCase, testApi } from '../helpers.js';
import { connectRenderer } from './connect.js';

export async function aliceAndBobsCopy(bobChanges: Record<string, string>) {
  const alice = connectRenderer('Alice Adler');
  const info = newCase(alice);
  const issue = alice.call('issue.create', { caseId: info.caseId, fields: { title: 'Access for foreign nationals', priority: 'high', status: 'open', ourWalkaway: 'Access for EU staff only' } });
  alice.call('case.close', { caseId: info.caseId });
  const bob = testApi('Bob Baker');
  const bobFile = path.join(bob.dir, 'bob.parley');
  fs.copyFileSync(info.path, bobFile);
  bob.call('case.open', { path: bobFile });
  bob.call('issue.update', { caseId: info.caseId, id: issue.id, changes: bobChanges });
  bob.session.closeAll();
  await openCase(info.path);
  return { alice, caseId: info.caseId, issueId: issue.id, bobFile };
}
