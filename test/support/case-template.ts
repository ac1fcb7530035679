// Template cases: a plain case file made once through the real dispatcher's case.create and closed through
// case.close, then copied byte for byte for each test that asks for a new plain case (newCase in test/helpers.ts)
// and opened through case.open. The test gets the case a create would give it, without running the migrations and
// the synced writes of a create for every test. What differs: the directive and its audit entry carry the time the
// template was made, and the file holds the query planner's statistics (sqlite_stat1, sqlite_stat4) that closing a
// case writes, as every case file Parley has closed once does.
//
// A template is kept per actor and directive (the directive's author and its fields are in the file) and per slot:
// copies of one template share its case id and record ids, so the copies live at one time within one test each
// come from a slot of their own, made through case.create in turn. Two cases a test makes, in one session or in
// two, never share a case id (a session refuses a second copy of an open case; a library tells cases apart by it).
//
// Templates live in a folder per vitest worker, under the run's folder that test/support/global-setup.ts makes
// and removes: a later test file in the same worker copies the templates an earlier one made. A run without that
// set-up keeps them in a folder of the worker's own, removed when the worker's process ends.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import type { CaseInfo } from '../../shared/api-types.js';
import { dispatch } from '../../electron/core/api/dispatcher.js';
import { Session } from '../../electron/core/session.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's folder for template cases (test/support/global-setup.ts). */
    parleyTemplateDir: string;
  }
}

export interface TemplateDirective {
  title: string;
  status: 'received';
}

interface Template {
  file: string;
  caseId: string;
}

/**
 * The templates made or found so far by this module: in this test file, or with isolate off in every file of the
 * worker. Per actor and directive, in slot order.
 */
const templates = new Map<string, Template[]>();
/** Templates with a copy in use in the current test: another case the test asks for takes the next slot. */
const lent = new Set<Template>();

let folder: string | undefined;

function templateFolder(): string {
  if (folder) return folder;
  let runDir: string | undefined;
  try {
    runDir = inject('parleyTemplateDir');
  } catch {
    runDir = undefined;
  }
  if (runDir && fs.existsSync(runDir)) {
    folder = path.join(runDir, `worker-${process.env.VITEST_POOL_ID ?? process.pid}`);
    fs.mkdirSync(folder, { recursive: true });
  } else {
    const own = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-templates-'));
    process.once('exit', () => fs.rmSync(own, { recursive: true, force: true }));
    folder = own;
  }
  return folder;
}

/**
 * Slot `slot` of the template for `actor` and `directive`: found ready in the worker's folder, or made there through
 * case.create and closed through case.close, as a user makes and closes a case. Null if the create is refused (the
 * caller then makes the case itself and meets the same refusal).
 */
function templateAt(actor: string, directive: TemplateDirective, slot: number): Template | null {
  const dir = templateFolder();
  const key = createHash('sha256').update(JSON.stringify([actor, directive])).digest('hex').slice(0, 16);
  const file = path.join(dir, `${key}-${slot}.parley`);
  const ready = `${file}.json`; // written once the template is made and closed
  if (fs.existsSync(ready)) return JSON.parse(fs.readFileSync(ready, 'utf8')) as Template;
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true }); // an unfinished one
  const session = new Session({ dataDir: path.join(dir, `${key}-${slot}-data`), actor });
  try {
    const created = dispatch(session, 'case.create', { path: file, directive });
    if (!created.ok) return null;
    const { caseId } = created.data as CaseInfo;
    const closed = dispatch(session, 'case.close', { caseId });
    if (!closed.ok) throw new Error(`The template case could not be closed: ${closed.error.code}: ${closed.error.message}`);
    const template = { file, caseId };
    fs.writeFileSync(ready, JSON.stringify(template));
    return template;
  } finally {
    session.closeAll();
  }
}

/**
 * Copies a template case to `file` for `open` to open, and returns what it opened; null where a copy would not do
 * what case.create does, so that the caller makes the case through case.create: a name that is taken or has an
 * SQLite journal beside it, a folder that does not exist. `release` is given a function to call once the test is
 * over, which lets the next test copy the same template again.
 */
export function caseFromTemplate(
  file: string,
  actor: string,
  directive: TemplateDirective,
  open: (file: string) => CaseInfo,
  release: (fn: () => void) => void,
): CaseInfo | null {
  const abs = path.resolve(file);
  if (!fs.existsSync(path.dirname(abs)) || [abs, `${abs}-wal`, `${abs}-shm`, `${abs}-journal`].some((f) => fs.existsSync(f))) return null;
  const key = JSON.stringify([actor, directive]);
  const slots = templates.get(key) ?? [];
  templates.set(key, slots);
  let template = slots.find((t) => !lent.has(t));
  if (!template) {
    const made = templateAt(actor, directive, slots.length);
    if (!made) return null;
    slots.push(made);
    template = made;
  }
  const lentNow = template;
  lent.add(lentNow);
  release(() => lent.delete(lentNow));
  fs.copyFileSync(lentNow.file, abs, fs.constants.COPYFILE_EXCL);
  const info = open(abs);
  if (info.caseId !== lentNow.caseId) throw new Error(`The copy of template ${lentNow.file} opened as case ${info.caseId}, not ${lentNow.caseId}`);
  return info;
}
