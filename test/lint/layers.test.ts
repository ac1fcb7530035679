// The layers hold in code: ESLint, with the project's own configuration, reports an import that scripts/eslint-layers.js does
// not allow a folder, and lets the allowed ones pass. Each case is a file planted (in memory only) in that folder.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: path.join(ROOT, 'eslint.config.js') });

/** The layer rule's messages for `code`, linted as if it were the file at the project-relative `file`. */
async function layerProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result!.messages.filter((m) => m.ruleId === 'parley/layers' || m.fatal).map((m) => m.message);
}

const forbidden: [what: string, file: string, code: string, message: RegExp][] = [
  ['the renderer importing the core', 'renderer/screens/planted.tsx', "import { Session } from '../../electron/core/session.js';\nexport const s = Session;", /renderer\/ may not import electron\/core\//],
  ['the renderer importing the core for a type only', 'renderer/planted.ts', "import type { CaseFile } from '../electron/core/case-file.js';\nexport type C = CaseFile;", /renderer\/ may not import electron\/core\//],
  ['the renderer importing the shell', 'renderer/planted.ts', "export { APP_ID } from '../electron/main/shell.js';", /renderer\/ may not import electron\/main\//],
  ['the renderer importing the harness', 'renderer/platform/planted.ts', "import { startHarness } from '../../electron/web/harness.js';\nexport const h = startHarness;", /renderer\/ may not import electron\/web\//],
  ['the renderer importing node:fs', 'renderer/planted.ts', "import fs from 'node:fs';\nexport const f = fs;", /renderer\/ may not import Node's 'node:fs'/],
  ['the renderer importing Electron', 'renderer/planted.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;", /renderer\/ may not import electron\./],
  ['the renderer importing the database driver', 'renderer/planted.ts', "import Database from 'better-sqlite3-multiple-ciphers';\nexport const d = Database;", /may not import the package 'better-sqlite3-multiple-ciphers'/],
  ['shared importing node:fs', 'shared/planted.ts', "import fs from 'node:fs';\nexport const f = fs;", /shared\/ may not import Node's 'node:fs'/],
  ['shared importing path without the node: prefix', 'shared/deadlines/planted.ts', "import path from 'path';\nexport const p = path;", /shared\/ may not import Node's 'path'/],
  ['shared importing the core', 'shared/planted.ts', "import { ParleyError } from '../electron/core/errors.js';\nexport const e = ParleyError;", /shared\/ may not import electron\/core\//],
  ['shared importing the renderer', 'shared/planted.ts', "import { App } from '../renderer/shell/App.js';\nexport const a = App;", /shared\/ may not import renderer\//],
  ['shared importing React', 'shared/planted.ts', "import { useState } from 'react';\nexport const u = useState;", /may not import the package 'react'/],
  ['the core importing the shell', 'electron/core/planted.ts', "import { DesktopShell } from '../main/shell.js';\nexport const d = DesktopShell;", /electron\/core\/ may not import electron\/main\//],
  ['the core importing the renderer', 'electron/core/briefs/planted.ts', "import { App } from '../../../renderer/shell/App.js';\nexport const a = App;", /electron\/core\/ may not import renderer\//],
  ['the core importing the command line', 'electron/core/planted.ts', "import { run } from '../cli/run.js';\nexport const r = run;", /electron\/core\/ may not import electron\/cli\//],
  ['the core importing Electron', 'electron/core/planted.ts', "import { app } from 'electron';\nexport const a = app;", /electron\/core\/ may not import electron\./],
  ['the core importing Electron in a dynamic import', 'electron/core/planted.ts', "export const load = () => import('electron');", /electron\/core\/ may not import electron\./],
  ['the core opening a connection outside db/', 'electron/core/planted.ts', "import Database from 'better-sqlite3-multiple-ciphers';\nexport const d = new Database(':memory:');", /Connections are opened only in electron\/core\/db\//],
  ['the shell loading Electron outside main.ts', 'electron/main/planted.ts', "import { app } from 'electron';\nexport const a = app;", /Only electron\/main\/main\.ts loads Electron at run time/],
  ['the shell importing the renderer', 'electron/main/planted.ts', "import { App } from '../../renderer/shell/App.js';\nexport const a = App;", /electron\/main\/ may not import renderer\//],
  ['the command line importing the shell', 'electron/cli/planted.ts', "import { DesktopShell } from '../main/shell.js';\nexport const d = DesktopShell;", /electron\/cli\/ may not import electron\/main\//],
  ['the harness importing the shell beyond its two shared modules', 'electron/web/planted.ts', "import { DesktopShell } from '../main/shell.js';\nexport const d = DesktopShell;", /electron\/web\/ may not import electron\/main\//],
  ['the preload importing the core', 'electron/preload/planted.ts', "import { dispatch } from '../core/api/dispatcher.js';\nexport const d = dispatch;", /electron\/preload\/ may not import electron\/core\//],
  ['the preload importing node:fs', 'electron/preload/planted.ts', "import fs from 'node:fs';\nexport const f = fs;", /electron\/preload\/ may not import Node's 'node:fs'/],
  ['a build script importing the product', 'scripts/planted.mjs', "import { Session } from '../electron/core/session.js';\nexport const s = Session;", /scripts\/, build\/, bin\/ may not import electron\/core\//],
];

const allowed: [what: string, file: string, code: string][] = [
  ['the renderer importing shared/ and its packages', 'renderer/planted.tsx', "import { useState } from 'react';\nimport type { OpName } from '../shared/contract.js';\nimport './planted.css';\nexport const x: [typeof useState, OpName | null] = [useState, null];"],
  ['shared importing shared/ and zod', 'shared/planted.ts', "import { z } from 'zod';\nimport { KINDS } from './records.js';\nexport const x = [z, KINDS];"],
  ['the core importing shared/, Node, its packages and migrations', 'electron/core/planted.ts', "import fs from 'node:fs';\nimport { z } from 'zod';\nimport type Database from 'better-sqlite3-multiple-ciphers';\nimport m from '../../migrations/0001_case_file.sql';\nimport { KINDS } from '../../shared/records.js';\nexport type D = Database.Database;\nexport const x = [fs, z, m, KINDS];"],
  ['db/ opening a connection', 'electron/core/db/planted.ts', "import Database from 'better-sqlite3-multiple-ciphers';\nexport const d = () => new Database(':memory:');"],
  ['the shell importing the core, shared/, Node and Electron\'s types', 'electron/main/planted.ts', "import path from 'node:path';\nimport type { BrowserWindow } from 'electron';\nimport { dispatch } from '../core/api/dispatcher.js';\nimport { IPC_CHANNEL } from '../../shared/bridge.js';\nexport type W = BrowserWindow;\nexport const x = [path, dispatch, IPC_CHANNEL];"],
  ['the harness importing the shell\'s file places', 'electron/web/planted.ts', "import { FilePlaces } from '../main/file-places.js';\nexport const f = FilePlaces;"],
  ['the preload importing Electron and shared/', 'electron/preload/planted.ts', "import { contextBridge } from 'electron';\nimport { IPC_CHANNEL } from '../../shared/bridge.js';\nexport const x = [contextBridge, IPC_CHANNEL];"],
  ['a test importing any part of the product', 'test/planted.test.ts', "import { Session } from '../electron/core/session.js';\nimport { App } from '../renderer/shell/App.js';\nimport { DesktopShell } from '../electron/main/shell.js';\nexport const x = [Session, App, DesktopShell];"],
];

describe('the layers (scripts/eslint-layers.js)', () => {
  it.each(forbidden)('reports %s', async (_what, file, code, message) => {
    const problems = await layerProblems(file, code);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it.each(allowed)('lets pass %s', async (_what, file, code) => {
    expect(await layerProblems(file, code)).toEqual([]);
  });
});
