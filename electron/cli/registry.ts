// Every `parley` command, in the order the overall help lists them.
import type { Command } from './command.js';
import { attach, attachments } from './commands/attachments.js';
import brief from './commands/brief.js';
import call from './commands/call.js';
import demo from './commands/demo.js';
import deadline from './commands/deadline.js';
import deadlines from './commands/deadlines.js';
import exportCommand from './commands/export.js';
import ics from './commands/ics.js';
import importCommand from './commands/import.js';
import info from './commands/info.js';
import library from './commands/library.js';
import { decrypt, encrypt, rekey } from './commands/keys.js';
import { changes, conflicts, merge } from './commands/merge.js';
import newCommand from './commands/new.js';
import operations from './commands/operations.js';
import review from './commands/review.js';
import search from './commands/search.js';
import templates from './commands/templates.js';
import verify from './commands/verify.js';

export const COMMANDS: readonly Command[] = [
  newCommand, info, verify, search, library, attach, attachments, deadlines, deadline, ics, exportCommand, importCommand, review, merge, changes, conflicts, brief, templates, call, operations, demo, encrypt, rekey, decrypt,
] as Command[];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}
