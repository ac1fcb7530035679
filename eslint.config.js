// Lint: typescript-eslint's recommended rules, plus the layer rules of docs/ARCHITECTURE.md as import bans.
import tseslint from 'typescript-eslint';

const nodeModules = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'util', 'worker_threads'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts', 'electron/web/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'The core runs under plain Node: never import electron here.' }] }],
    },
  },
  {
    files: ['shared/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'better-sqlite3-multiple-ciphers', ...nodeModules].map((name) => ({ name, message: 'shared/ and renderer/ run in the browser: no Node or Electron modules.' })),
          patterns: [
            { group: ['node:*'], message: 'shared/ and renderer/ run in the browser: no Node modules.' },
            { group: ['**/electron/core/**', '**/electron/main/**'], message: 'The renderer reaches data only through the typed API in shared/.' },
          ],
        },
      ],
    },
  },
);
