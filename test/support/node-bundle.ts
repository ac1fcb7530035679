// A TypeScript entry point bundled for Node as scripts/build.mjs bundles the product's (CommonJS, .sql as text, the
// native driver, Electron and playwright-core loaded from node_modules), for tests that run a bundle of their own.
import { build } from 'esbuild';

export async function bundleForNode(entryPoint: string, outfile: string, opts: { external?: string[]; sourcemap?: boolean } = {}): Promise<void> {
  await build({
    entryPoints: [entryPoint],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: opts.sourcemap ?? false,
    loader: { '.sql': 'text' },
    external: ['better-sqlite3-multiple-ciphers', 'electron', 'playwright-core', ...(opts.external ?? [])],
    logLevel: 'warning',
  });
}
