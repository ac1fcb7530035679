// Help text, made from the same declarations the parser uses, so that help and behaviour cannot drift apart.
import { COMMON_OPTIONS, type OptionSpec, type OptionSpecs } from './args.js';
import type { Command } from './command.js';
import { columns } from './output.js';

function optionLabel(name: string, spec: OptionSpec): string {
  const long = `--${name}${spec.value ? ' ' + spec.value : ''}`;
  return spec.short ? `-${spec.short}, ${long}` : long;
}

function optionLines(specs: OptionSpecs): string[] {
  return columns(Object.entries(specs).map(([name, spec]) => [optionLabel(name, spec), spec.help]), '  ');
}

export function usageLine(command: Command): string {
  const options = Object.entries(command.options).map(([name, spec]) => (spec.required ? optionLabel(name, spec) : `[${optionLabel(name, spec)}]`));
  return ['parley', command.name, ...command.args, ...options, '[--json]'].join(' ');
}

export function commandHelp(command: Command): string {
  const own = Object.keys(command.options).length ? ['', 'Options:', ...optionLines(command.options)] : [];
  return [
    `Usage: ${usageLine(command)}`,
    '',
    command.summary + '.',
    ...command.description.flatMap((paragraph) => ['', paragraph]),
    ...own,
    '',
    'Common options:',
    ...optionLines(COMMON_OPTIONS),
    '',
  ].join('\n');
}

export function overallHelp(commands: readonly Command[]): string {
  return [
    'Usage: parley COMMAND [ARGUMENTS] [OPTIONS]',
    '',
    'Parley keeps one case file (.parley) per government directive. This command works on case files without',
    'the desktop app.',
    '',
    'Commands:',
    ...columns(commands.map((c) => [c.name, c.summary]), '  '),
    '',
    'Common options:',
    ...optionLines(COMMON_OPTIONS),
    '',
    'Run `parley COMMAND --help` for a command\'s arguments and options.',
    'Exit status: 0 done; 1 refused, or verify found problems; 2 wrong command line; 3 a file could not be opened.',
    '',
  ].join('\n');
}
