// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layering of architecture.md, enforced: each folder may import only what its layer allows.
 * `patterns` are matched against the import specifier as written (relative paths included).
 */
const electronBan = { group: ['electron', 'electron/*'], message: 'Only electron/ may import Electron (architecture.md).' };
const reactBan = { group: ['react', 'react-dom', 'react/*', '@fluentui/*', 'zustand', 'zustand/*'], message: 'core/ has no UI.' };
const nodeBan = { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'better-sqlite3'], message: 'This layer runs without Node.' };
const sqliteBan = { group: ['better-sqlite3'], message: 'SQL and better-sqlite3 belong in core/db only.' };

function restrict(...patterns) {
  return { 'no-restricted-imports': ['error', { patterns }] };
}

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '.tsbuild/**', 'release/**', 'test-results/**', 'playwright-report/**', 'test/screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['core/api/**/*.ts'],
    rules: restrict(electronBan, reactBan, nodeBan, {
      group: ['../*', '!./*'],
      message: 'core/api is the contract: it imports nothing outside core/api.',
    }),
  },
  {
    files: ['core/domain/**/*.ts', 'core/formats/**/*.ts'],
    rules: restrict(electronBan, reactBan, sqliteBan, {
      group: ['../db/*', '../services/*', '../site/*', '../host/*', '../cli/*', '../components/*', '../content/*', '../shares/*', '../index', '../core'],
      message: 'core/domain and core/formats may use only core/api (and each other).',
    }),
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/api/**', 'core/domain/**', 'core/formats/**', 'core/db/**'],
    rules: restrict(electronBan, reactBan, sqliteBan),
  },
  {
    files: ['core/db/**/*.ts'],
    rules: restrict(electronBan, reactBan, {
      group: ['../services/*', '../../services/*', '../host/*', '../cli/*', '../components/*'],
      message: 'core/db is below the services; it never calls up.',
    }),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(electronBan, nodeBan, {
      // core itself, core/index or any core/<folder> other than api
      regex: '(^|/)core(/(?!api(/|$))[^]*)?$',
      message: 'The renderer sees only the contract in core/api (architecture.md).',
    }),
  },
  {
    files: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['electron/**/*.ts'],
    rules: restrict({
      regex: '(^|/)core/(?!(api|index)(/|$))',
      message: 'electron/ may import only core/index.ts and core/api (architecture.md).',
    }),
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
);
