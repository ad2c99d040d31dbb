// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layers as layersRule } from './eslint-rules/layers.js';

/** Packages a layer can refuse, by group. `node:*` is every Node built-in, with or without the prefix. */
const packages = {
  node: ['node:*'],
  electron: ['electron'],
  ui: ['react', 'react-dom', '@fluentui/*', '@griffel/*', 'zustand', '@tanstack/*', '@testing-library/*'],
  sqlite: ['better-sqlite3'],
};

const api = 'core/api';
const domain = 'core/domain';
const formats = 'core/formats';
const db = 'core/db';
const content = 'core/content';
const shares = 'core/shares';
const site = 'core/site';
const entry = ['core/index.ts', 'core/core.ts'];

/**
 * The layering (docs/layers.md): what the files of each folder may import. Every specifier is
 * resolved to a repository path first, so `../api/../db/x` is core/db/x. The longest matching
 * folder is a file's layer; a repository path its `may` does not list is refused, and so is a
 * package of a group in `refuse`. Tests (*.test.ts, test/) may import anything: they are not linted
 * by this rule.
 */
const layers = [
  { folder: api, may: [api], refuse: ['node', 'electron', 'ui', 'sqlite'], why: 'core/api is the contract: it imports nothing outside core/api and runs anywhere.' },
  { folder: domain, may: [api, domain, formats], refuse: ['node', 'electron', 'ui', 'sqlite'], why: 'core/domain is pure: the contract, core/formats and itself only.' },
  { folder: formats, may: [api, domain, formats], refuse: ['node', 'electron', 'ui', 'sqlite'], why: 'core/formats is pure: the contract, core/domain and itself only.' },
  { folder: db, may: [api, domain, db], refuse: ['electron', 'ui'], why: 'core/db is below the services and never calls up.' },
  { folder: content, may: [api, domain, formats, content], refuse: ['electron', 'ui', 'sqlite'], why: 'core/content reads and writes files for the services, below them.' },
  { folder: shares, may: [api, domain, formats, shares], refuse: ['electron', 'ui', 'sqlite'], why: 'core/shares works on folders and shares for the services, below them.' },
  { folder: site, may: [api, domain, formats, db, content, site], refuse: ['electron', 'ui'], why: 'core/site opens the site (database, folders, logs) for the services, below them.' },
  { folder: 'core/services', may: [api, domain, formats, db, content, shares, site, 'core/services'], refuse: ['electron', 'ui', 'sqlite'], why: 'the services never reach up to a transport (host, cli) or the composition in core/core.ts.' },
  { folder: 'core/components', may: [api, domain, formats, db, content, shares, site, 'core/services', 'core/components'], refuse: ['electron', 'ui', 'sqlite'], why: 'site components run on the services (the management point registers clients through the resource service); they never reach up to a transport (host, cli).' },
  { folder: 'core/host', may: [api, 'core/host', ...entry], refuse: ['electron', 'ui', 'sqlite'], why: 'the HTTP host is a transport: it reaches the services through core/index.ts or core/core.ts.' },
  { folder: 'core/cli', may: [api, domain, formats, content, 'core/cli', ...entry], refuse: ['electron', 'ui', 'sqlite'], why: 'the CLI is a transport: it reaches the services through core/index.ts or core/core.ts.' },
  ...entry.map((folder) => ({ folder, may: ['core'], refuse: ['electron', 'ui', 'sqlite'], why: 'the composition root is the core: no Electron, no UI, SQL in core/db.' })),
  { folder: 'core', may: [], why: 'a new folder of core/ needs its row in the layers table of eslint.config.js.' },
  { folder: 'electron', may: ['electron', api, 'core/index.ts'], refuse: ['ui', 'sqlite'], why: 'electron/ is thin: it sees the core through core/index.ts and the contract.' },
  { folder: 'client', may: ['client', api, formats, domain], refuse: ['electron', 'ui', 'sqlite'], why: 'the client agent is its own program: the contract, core/formats and core/domain only (docs/client-agent.md).' },
  { folder: 'renderer', may: ['renderer', api], refuse: ['node', 'electron', 'sqlite'], why: 'the renderer sees only the contract in core/api and runs in a browser.' },
];

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
    files: ['core/**', 'electron/**', 'renderer/**', 'client/**'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', 'renderer/test-setup.ts', 'renderer/vite.config.ts'],
    plugins: { courier: { rules: { layers: layersRule } } },
    rules: { 'courier/layers': ['error', { root: import.meta.dirname, packages, layers }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // One date format in the whole console (renderer/components/date-time): a list and a property
    // sheet must never show one date two ways.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/components/date-time/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['toLocaleDateString', 'toLocaleTimeString'].map((name) => ({
          selector: `MemberExpression[property.name='${name}']`,
          message: `Format dates with formatDateTime or formatTime from renderer/components/date-time, not ${name}.`,
        })),
        {
          selector: "MemberExpression[object.name='Intl'][property.name='DateTimeFormat']",
          message: 'Format dates with formatDateTime or formatTime from renderer/components/date-time, not Intl.DateTimeFormat.',
        },
        {
          selector: "CallExpression[callee.property.name='toLocaleString'][callee.object.type='NewExpression'][callee.object.callee.name='Date']",
          message: 'Format dates with formatDateTime or formatTime from renderer/components/date-time, not Date#toLocaleString.',
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
);
