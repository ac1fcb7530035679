// Lint: typescript-eslint's recommended rules, plus the layers of docs/ARCHITECTURE.md as an allow-list per folder
// (scripts/eslint-layers.js: what each folder's files may import; anything else is an error).
import tseslint from 'typescript-eslint';
import { layersRule } from './scripts/eslint-layers.js';

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
    files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    plugins: { parley: { rules: { layers: layersRule } } },
    rules: { 'parley/layers': 'error' },
  },
);
