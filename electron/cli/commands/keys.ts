// `parley encrypt`, `parley rekey`, `parley decrypt`: change how a closed case file is kept at rest. Each writes a
// new file through a checked copy and renames it over the old one, so an interruption leaves one or the other.
import type { Command } from '../command.js';
import { defineCommand } from '../command.js';
import { EXIT } from '../errors.js';
import { checkpoint } from '../stop.js';

const SAFETY = 'The file must not be open in Parley. A new file is written beside it, checked, and then renamed over it, so an interruption at any moment leaves either the old file or the new one, whole.';
const PASSPHRASES = 'Passphrases are asked for at the terminal, without echo; with --passphrase-stdin they are read from standard input, one per line (the current passphrase first, then the new one). They are never taken from an argument or the environment. A new passphrase needs at least 8 characters.';

type Change = 'encrypt' | 'rekey' | 'decrypt';

function keyCommand(change: Change, summary: string, done: string): Command {
  return defineCommand({
    name: change,
    summary,
    description: [SAFETY, PASSPHRASES],
    args: ['FILE'],
    options: {},
    library: 'throwaway',
    async run(ctx, [file]) {
      const current = change === 'encrypt' ? null : ctx.passphrases.ask(file!);
      const next = change === 'decrypt' ? null : ctx.passphrases.askNew(file!);
      await checkpoint(); // once begun, the key change is one step: the old file or the new one, whole
      const result =
        change === 'encrypt' ? ctx.call('case.encrypt', { path: file!, passphrase: next! })
        : change === 'rekey' ? ctx.call('case.rekey', { path: file!, passphrase: current!, newPassphrase: next! })
        : ctx.call('case.decrypt', { path: file!, passphrase: current! });
      ctx.out.result(result, () => [`${done} ${result.path}`]);
      return EXIT.ok;
    },
  }) as unknown as Command;
}

export const encrypt = keyCommand('encrypt', 'Encrypt a case file with a passphrase', 'Encrypted');
export const rekey = keyCommand('rekey', 'Change the passphrase of an encrypted case file', 'Changed the passphrase of');
export const decrypt = keyCommand('decrypt', 'Decrypt an encrypted case file, leaving it readable without a passphrase', 'Decrypted');
