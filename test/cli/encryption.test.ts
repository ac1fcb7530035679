// Encrypted case files on the command line: encrypt, rekey, decrypt, passphrases from standard input or a prompt
// without echo (never from arguments), and the custody certificate. The built bundle in a child process.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseInfo, CertificateComparison, CustodyCertificate } from '../../shared/api-types.js';
import { rewriteNoteAsAForger } from '../core/support/files.js';
import { testApi } from '../helpers.js';
import { buildCli, expectFailure, expectOk, parleyRunner, REPO, type ParleyRunner } from './support/parley.js';

const PASSPHRASE = 'correct horse battery staple';
const NEW_PASSPHRASE = 'a brand new passphrase';
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

let parley: ParleyRunner;

beforeAll(async () => {
  await buildCli();
  parley = parleyRunner();
});
afterAll(() => parley.cleanUp());

/** A new plain case file with one note, made through the command line. */
function plainCase(name: string): string {
  const file = parley.file(name);
  expectOk(parley.run(['new', file, '--title', 'Suspension of export licences', '--data', parley.file('lib')]));
  return file;
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const isPlain = (file: string) => fs.readFileSync(file).subarray(0, 16).equals(SQLITE_HEADER);

describe('parley encrypt, rekey and decrypt', () => {
  it('encrypt a file, read it with its passphrase from standard input, change the passphrase, and decrypt it', () => {
    const file = plainCase('cycle.parley');
    expectOk(parley.run(['encrypt', file, '--passphrase-stdin'], { input: `${PASSPHRASE}\n` }));
    expect(isPlain(file)).toBe(false);

    const noTerminal = parley.run(['info', file]);
    expect(noTerminal.status).toBe(2);
    expect(noTerminal.stderr).toMatch(/cycle\.parley \(it is encrypted\) is needed and there is no terminal to ask for it: give it on standard input with --passphrase-stdin/);

    const wrong = parley.run(['info', file, '--passphrase-stdin'], { input: 'not the passphrase\n' });
    expect(wrong.status).toBe(3);
    expect(wrong.stderr).toMatch(/cycle\.parley could not be opened with that passphrase/);
    expect(wrong.stderr + wrong.stdout).not.toContain('not the passphrase');

    const info = expectOk(parley.run(['info', file, '--json', '--passphrase-stdin'], { input: `${PASSPHRASE}\n` })).json<CaseInfo>();
    expect(info).toMatchObject({ title: 'Suspension of export licences', encrypted: true, readOnly: true });

    expectOk(parley.run(['rekey', file, '--passphrase-stdin'], { input: `${PASSPHRASE}\n${NEW_PASSPHRASE}\n` }));
    expect(parley.run(['info', file, '--passphrase-stdin'], { input: `${PASSPHRASE}\n` }).status).toBe(3);
    expectOk(parley.run(['verify', file, '--passphrase-stdin'], { input: `${NEW_PASSPHRASE}\n` }));

    const decrypted = expectOk(parley.run(['decrypt', file, '--json', '--passphrase-stdin'], { input: `${NEW_PASSPHRASE}\n` })).json();
    expect(decrypted).toEqual({ path: file, encrypted: false });
    expect(isPlain(file)).toBe(true);
    expect(expectOk(parley.run(['info', file, '--json'])).json<CaseInfo>()).toMatchObject({ encrypted: false, auditHead: info.auditHead });
  }, 120_000); // ten runs of the command, each deriving keys: slow on a loaded machine

  it('creates an encrypted file with new --encrypt, and refuses a short passphrase', () => {
    const file = parley.file('born-encrypted.parley');
    const short = parley.run(['new', file, '--title', 'T', '--encrypt', '--passphrase-stdin', '--data', parley.file('lib')], { input: 'short\n' });
    expect(short.status).toBe(1);
    expect(short.stderr).toMatch(/at least 8 characters/);
    expect(fs.existsSync(file)).toBe(false);
    expectOk(parley.run(['new', file, '--title', 'Sealed order', '--encrypt', '--passphrase-stdin', '--data', parley.file('lib')], { input: `${PASSPHRASE}\n` }));
    expect(isPlain(file)).toBe(false);
    expect(expectOk(parley.run(['info', file, '--json', '--passphrase-stdin'], { input: `${PASSPHRASE}\n` })).json<CaseInfo>().title).toBe('Sealed order');
  });

  it('reads one passphrase per encrypted file, in order, when a command reads several files', () => {
    const first = plainCase('first.parley');
    const second = plainCase('second.parley');
    expectOk(parley.run(['encrypt', first, '--passphrase-stdin'], { input: `${PASSPHRASE}\n` }));
    expectOk(parley.run(['encrypt', second, '--passphrase-stdin'], { input: `${NEW_PASSPHRASE}\n` }));
    const hits = parley.run(['search', 'Suspension', first, second, '--json', '--passphrase-stdin'], { input: `${PASSPHRASE}\n${NEW_PASSPHRASE}\n` });
    expect(hits.status).toBe(0);
    expect(hits.json<unknown[]>()).toHaveLength(2);
    const missingLine = parley.run(['search', 'Suspension', first, second, '--passphrase-stdin'], { input: `${PASSPHRASE}\n` });
    expect(missingLine.status).toBe(2);
    expect(missingLine.stderr).toMatch(/standard input holds no line for the passphrase of .*second\.parley/);
  });

  it('never takes a passphrase from an argument', () => {
    const file = plainCase('argument.parley');
    const run = parley.run(['encrypt', file, '--passphrase', PASSPHRASE]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/unknown option --passphrase/);
    expect(isPlain(file)).toBe(true);
  });

  it('lists the commands and the option in help', () => {
    const help = expectOk(parley.run(['--help'])).stdout;
    for (const command of ['encrypt', 'rekey', 'decrypt']) expect(help).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(help).toContain('--passphrase-stdin');
    expect(expectOk(parley.run(['rekey', '--help'])).stdout).toMatch(/never taken from an argument or the environment/);
  });
});

describe('parley verify --certificate', () => {
  it('prints the SHA-256 of the file\'s bytes and the audit head; the same file gives the same, one changed byte not', () => {
    const file = plainCase('custody.parley');
    const cert = expectOk(parley.run(['verify', file, '--certificate', '--json'])).json<CustodyCertificate>();
    expect(cert).toMatchObject({ fileName: 'custody.parley', path: file, sha256: sha256(file), auditEntries: 1, encrypted: false, recordCounts: { directive: 1 } });
    expect(cert.auditHead).toMatch(/^1:[0-9a-f]{64}$/);
    const again = expectOk(parley.run(['verify', file, '--certificate', '--json'])).json<CustodyCertificate>();
    expect([again.sha256, again.auditHead]).toEqual([cert.sha256, cert.auditHead]);
    const text = expectOk(parley.run(['verify', file, '--certificate'])).stdout;
    expect(text).toContain(`sha256          ${cert.sha256}`);

    // One byte changed in a spot SQLite does not read (unused space of the last page): the file still opens,
    // and only the certificate shows it is not the same file.
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0x01;
    fs.writeFileSync(file, bytes);
    const changed = expectOk(parley.run(['verify', file, '--certificate', '--json'])).json<CustodyCertificate>();
    expect(changed.sha256).not.toBe(cert.sha256);
    expect(changed.auditHead).toBe(cert.auditHead);
  });

  it('refuses (exit 3) a file another program has open with changes still beside it, and certifies it once closed', () => {
    const file = plainCase('held-open.parley');
    // The other program: Parley's core in this process, holding the file open for editing with a note in its WAL.
    const holder = testApi('Other Counsel');
    const { caseId } = holder.call('case.open', { path: file });
    holder.call('note.create', { caseId, fields: { body: 'Written while the file was open elsewhere' } });
    const refused = parley.run(['verify', file, '--certificate']);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/held-open\.parley has changes that are not yet written into the file itself .* another program has it open, or it was not closed cleanly/);
    expect(refused.status).toBe(3);

    holder.call('case.close', { caseId });
    const cert = expectOk(parley.run(['verify', file, '--certificate', '--json'])).json<CustodyCertificate>();
    expect(cert).toMatchObject({ sha256: sha256(file), auditEntries: 2, recordCounts: { note: 1 } });
  });
});

describe('parley verify --against', () => {
  /** A case made on the command line with one note, closed, and its certificate kept in a file of its own. */
  function certifiedCase(name: string): { file: string; noteId: string; certificate: string } {
    const file = plainCase(name);
    const noteId = addNote(file, 'Counsel for the ministry conceded the allied-supplier carve-out');
    const certificate = parley.file(`${name}.kept-elsewhere.json`);
    fs.writeFileSync(certificate, expectOk(parley.run(['verify', file, '--certificate', '--json'])).stdout);
    return { file, noteId, certificate };
  }

  /** Adds a note through the core, as the app would, and closes the file. */
  function addNote(file: string, body: string): string {
    const api = testApi();
    const { caseId } = api.call('case.open', { path: file });
    const note = api.call('note.create', { caseId, fields: { body } });
    api.call('case.close', { caseId });
    return note.id;
  }

  it('says the file certified is that file, and a case with changes added since is a faithful continuation (exit 0)', () => {
    const { file, certificate } = certifiedCase('continued.parley');
    expect(expectOk(parley.run(['verify', file, '--against', certificate])).stdout).toMatch(/^The file is exactly the one certified: the same bytes\.$/m);

    addNote(file, 'Added after the certificate.');
    const text = expectOk(parley.run(['verify', file, '--against', certificate])).stdout;
    expect(text).toMatch(/^  history +the 2 entries certified are unchanged; 1 entry added after$/m);
    expect(text).toMatch(/^  records +directive 1 → 1, note 1 → 2$/m);
    expect(text).toMatch(/^A faithful continuation of the file certified: its history is unchanged, and 1 entry was added after it\.$/m);
    const json = expectOk(parley.run(['verify', file, '--against', certificate, '--json'])).json<CertificateComparison>();
    expect(json).toMatchObject({ verdict: 'continued', sameBytes: false, sameCase: true, entriesAdded: 1 });
  });

  it('fails (exit 1) when history from before the certificate was rewritten with the chain recomputed, which verify alone passes', () => {
    const { file, noteId, certificate } = certifiedCase('forged.parley');
    rewriteNoteAsAForger(file, noteId, 'Counsel for the ministry refused every carve-out');
    expect(expectOk(parley.run(['verify', file])).stdout).toMatch(/^Every check passed\.$/m); // the limit of the chain alone

    const run = parley.run(['verify', file, '--against', certificate]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^  history +rewritten: entry 2 now has the hash [0-9a-f]{64}, the certificate says [0-9a-f]{64}$/m);
    expect(run.stdout).toMatch(/^The history certified was altered: entries from before the certificate were rewritten or removed/m);
    expect(run.status).toBe(1);
    expect(parley.run(['verify', file, '--against', certificate, '--json']).json<CertificateComparison>().verdict).toBe('history_altered');
  });

  it('refuses a certificate of another case (exit 1), and one it cannot read (exit 3)', () => {
    const { file } = certifiedCase('ours.parley');
    const other = certifiedCase('theirs.parley');
    const run = parley.run(['verify', file, '--against', other.certificate]);
    expect(run.stdout).toMatch(/^  case +another: the certificate is of case [0-9a-f-]{36}, the file is case [0-9a-f-]{36}$/m);
    expect(run.stdout).toMatch(/^The certificate is of another case: there is nothing to compare\.$/m);
    expect(run.status).toBe(1);

    const notACertificate = parley.file('not-a-certificate.json');
    fs.writeFileSync(notACertificate, JSON.stringify({ sha256: 'abc' }));
    expectFailure(parley.run(['verify', file, '--against', notACertificate]), 3, /not-a-certificate\.json is not a custody certificate/);
    expectFailure(parley.run(['verify', file, '--against', parley.file('absent.json')]), 3, /cannot read .*absent\.json: no such file/);
    expectFailure(parley.run(['verify', parley.file('absent.parley'), '--against', other.certificate]), 3, /There is no file at/);
    expectFailure(parley.run(['verify', file, '--against', other.certificate, '--certificate']), 2, /--certificate and --against cannot be used together/);
  });
});

describe('a passphrase typed at the terminal', () => {
  it('is asked for without echo', async (ctx) => {
    if (spawnSync('script', ['--version']).status !== 0) ctx.skip('util-linux `script` is not installed; it gives the command a terminal');
    const file = plainCase('typed.parley');
    expectOk(parley.run(['encrypt', file, '--passphrase-stdin'], { input: `${PASSPHRASE}\n` }));
    const bin = path.join(REPO, 'bin', 'parley.cjs');
    const child = spawn('script', ['-qec', `"${process.execPath}" "${bin}" info "${file}"`, '/dev/null'], {
      env: { ...process.env, NO_COLOR: '1', XDG_CONFIG_HOME: parley.file('config') },
    });
    let output = '';
    let typed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      // Type only once the prompt is there, as a person would: raw mode (no echo) is on by then.
      if (!typed && output.includes('Passphrase for')) {
        typed = true;
        setTimeout(() => child.stdin.write(`${PASSPHRASE}\r`), 200);
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, output).toBe(0);
    expect(output).toContain('Suspension of export licences');
    expect(output).toContain('Encrypted       yes');
    expect(output).not.toContain(PASSPHRASE);
  }, 60_000);
});
