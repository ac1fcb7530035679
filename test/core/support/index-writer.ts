// A separate process that edits a case the library has indexed, for the library index's crash tests (bundled by
// writer-process.ts): it deletes a record, renames the case and another record, says "edited", then
//   node index-writer.cjs close <case file> <data folder> <record to delete> <record to rename>
//     closes the case (run with PARLEY_TEST_KILL_BEFORE_INDEX_WRITE=1: killed between the case's write and the index's)
//   node index-writer.cjs crash <case file> <data folder> <record to delete> <record to rename>
//     kills itself with the case still open: its write-ahead log stays beside it
import fs from 'node:fs';
import { dispatch } from '../../../electron/core/api/dispatcher.js';
import { Session } from '../../../electron/core/session.js';

const [mode, file, dataDir, doomed, renamed] = process.argv.slice(2) as [string, string, string, string, string];
const session = new Session({ dataDir, actor: 'Index writer' });

function call(name: string, input: unknown): Record<string, unknown> {
  const res = dispatch(session, name, input, () => {});
  if (!res.ok) throw Object.assign(new Error(res.error.message), { code: res.error.code });
  return res.data as Record<string, unknown>;
}

const caseId = call('case.open', { path: file }).caseId as string;
call('deadline.delete', { caseId, id: doomed });
call('directive.update', { caseId, changes: { title: 'Freshtitle order' } });
call('deadline.update', { caseId, id: renamed, changes: { title: 'Freshdeadline sovereignty reply' } });
fs.writeSync(1, 'edited\n');
if (mode === 'crash') process.kill(process.pid, 'SIGKILL');
call('case.close', { caseId });
fs.writeSync(1, 'closed\n');
