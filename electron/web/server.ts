// `npm run web -- [--data DIR] [--as NAME] [--port N]`: the whole app in a browser, for development and for machines
// where Electron cannot run. Bundled to dist/web/server.cjs, which also exports startHarness for the end-to-end tests.
import { defaultActor, defaultDataDir } from '../core/paths.js';
import { startHarness, type Harness } from './harness.js';

export { startHarness, listCaseFolder, CONTENT_SECURITY_POLICY, TOKEN_HEADER } from './harness.js';
export { DEMO_ANCHOR } from '../core/demo.js';
export type { Harness, HarnessOptions } from './harness.js';

/** Tried first when no port is given, so the address stays the same between runs; any free port otherwise. */
const PREFERRED_PORT = 5174;

const USAGE = `Usage: npm run web -- [--data DIR] [--as NAME] [--port N]

  --data DIR   the library folder (default: ${defaultDataDir()}); new case files go to DIR/cases
  --as NAME    the name written as author of every change in this run, whatever name is set in Parley
               (default: the name set in Parley, or ${defaultActor()} until one is)
  --port N     the port to listen on, on 127.0.0.1 (default: ${PREFERRED_PORT} if free, else any free port)`;

interface CliOptions {
  dataDir: string;
  actor: string | undefined;
  port: number | undefined;
}

function parseArgs(argv: string[]): CliOptions {
  const opts: CliOptions = { dataDir: defaultDataDir(), actor: undefined, port: undefined };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) fail(`${flag} needs a value.`);
      return v;
    };
    switch (flag) {
      case '--data': opts.dataDir = value(); break;
      case '--as': opts.actor = value().trim() || fail('--as needs a name.'); break;
      case '--port': {
        const port = Number(value());
        if (!Number.isInteger(port) || port < 0 || port > 65_535) fail('--port takes a number from 0 to 65535.');
        opts.port = port;
        break;
      }
      case '--help': case '-h':
        process.stdout.write(USAGE + '\n');
        process.exit(0);
        break;
      default: fail(`Unknown option ${flag}.`);
    }
  }
  return opts;
}

function fail(message: string): never {
  process.stderr.write(`parley web: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

async function listen(opts: CliOptions): Promise<Harness> {
  if (opts.port !== undefined) return startHarness(opts as CliOptions & { port: number });
  try {
    return await startHarness({ ...opts, port: PREFERRED_PORT });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    return startHarness({ ...opts, port: 0 });
  }
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  let harness: Harness;
  try {
    harness = await listen(opts);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    fail(code === 'EADDRINUSE' ? `port ${opts.port} is in use; choose another with --port, or --port 0 for any.` : String((err as Error).message));
  }
  process.stdout.write(`Parley is running at ${harness.url}\n(library: ${opts.dataDir}; new cases go to ${harness.casesDir}; Ctrl+C stops it)\n`);
  const stop = () => {
    // Close the case files cleanly (WAL checkpoint) before leaving.
    void harness.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) void main();
