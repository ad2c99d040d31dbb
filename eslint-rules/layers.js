// @ts-check
import { isBuiltin } from 'node:module';
import { statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * `courier/layers`: every import of a file is resolved to a path in the repository before it is
 * checked against the layers table of eslint.config.js, so `../api/../db/connection` is core/db
 * and one `../` too many lands where it really lands. It sees static imports, `export … from`,
 * `import type`, dynamic `import()`, `require()`, `import x = require()` and `typeof import()`.
 * Why a rule of our own: docs/layers.md.
 */

/** @typedef {{ folder: string, may: string[], refuse?: string[], why: string }} Layer */
/** @typedef {{ root: string, packages: Record<string, string[]>, layers: Layer[] }} Options */

const codeExtension = /\.(d\.ts|tsx?|mts|cts|jsx?|mjs|cjs)$/;

/** A repository path without its extension, so `core/index.ts`, `core/index` and `core` (a folder) compare equal. */
function withoutExtension(path) {
  return path.replace(codeExtension, '');
}

function toPosix(path) {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** True when `path` is `entry` or lies inside the folder `entry`. */
function within(path, entry) {
  return path === entry || path.startsWith(`${entry}/`);
}

/** The name a package is installed under: `@fluentui/react-components/x` → `@fluentui/react-components`. */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function matchesPackage(specifier, pattern) {
  if (pattern === 'node:*') return isBuiltin(specifier);
  const name = packageName(specifier);
  return pattern.endsWith('/*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

/** @type {import('eslint').Rule.RuleModule} */
export const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'Allow each folder only the imports its layer allows (docs/layers.md).' },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        required: ['root', 'packages', 'layers'],
        properties: {
          root: { type: 'string' },
          packages: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
          layers: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['folder', 'may', 'why'],
              properties: {
                folder: { type: 'string' },
                may: { type: 'array', items: { type: 'string' } },
                refuse: { type: 'array', items: { type: 'string' } },
                why: { type: 'string' },
              },
            },
          },
        },
      },
    ],
    messages: {
      path: "{{folder}} may not import {{target}} ('{{specifier}}'): {{why}} It may import {{may}} (docs/layers.md).",
      outside: "'{{specifier}}' leaves the repository; {{folder}} may import {{may}} (docs/layers.md).",
      package: "{{folder}} may not import '{{specifier}}' ({{group}}): {{why}} (docs/layers.md).",
      computed: 'A computed module name cannot be checked against the layering: name the module with a string literal (docs/layers.md).',
    },
  },

  create(context) {
    const options = /** @type {Options} */ (context.options[0]);
    const root = resolve(options.root);
    const file = toPosix(relative(root, context.physicalFilename));
    const layer = options.layers
      .filter((candidate) => within(withoutExtension(file), withoutExtension(candidate.folder)))
      .sort((a, b) => b.folder.length - a.folder.length)[0];
    if (!layer || file.startsWith('..')) return {};
    const may = layer.may.map(withoutExtension);
    const mayText = may.length > 0 ? layer.may.join(', ') : 'nothing in the repository';

    /** @param {string} specifier @param {import('eslint').Rule.Node} node */
    function checkPath(specifier, node) {
      const absolute = resolve(dirname(context.physicalFilename), specifier.replace(/[?#].*$/, ''));
      let target = toPosix(relative(root, absolute));
      if (target.startsWith('..') || isAbsolute(target)) {
        context.report({ node, messageId: 'outside', data: { specifier, folder: layer.folder, may: mayText } });
        return;
      }
      // A folder import loads the folder's index file.
      if (statSync(absolute, { throwIfNoEntry: false })?.isDirectory()) target = `${target}/index`;
      target = withoutExtension(target);
      if (may.some((entry) => within(target, entry))) return;
      context.report({ node, messageId: 'path', data: { specifier, target, folder: layer.folder, why: layer.why, may: mayText } });
    }

    /** @param {string} specifier @param {import('eslint').Rule.Node} node */
    function checkPackage(specifier, node) {
      for (const group of layer.refuse ?? []) {
        const patterns = options.packages[group];
        if (!patterns) throw new Error(`courier/layers: the package group "${group}" of ${layer.folder} is not defined.`);
        if (patterns.some((pattern) => matchesPackage(specifier, pattern))) {
          context.report({ node, messageId: 'package', data: { specifier, group, folder: layer.folder, why: layer.why } });
          return;
        }
      }
    }

    /** @param {import('estree').Node | null | undefined} source */
    function check(source) {
      if (!source) return;
      const node = /** @type {import('eslint').Rule.Node} */ (source);
      let specifier;
      if (source.type === 'Literal' && typeof source.value === 'string') specifier = source.value;
      else if (source.type === 'TemplateLiteral' && source.expressions.length === 0) specifier = source.quasis[0]?.value.cooked ?? '';
      else {
        context.report({ node, messageId: 'computed' });
        return;
      }
      if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('file:')) {
        checkPath(specifier.startsWith('file:') ? new URL(specifier).pathname : specifier, node);
      } else {
        checkPackage(specifier, node);
      }
    }

    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(/** @type {import('estree').Expression} */ (node.arguments[0]));
      },
      // TypeScript's forms, which ESTree does not know: `import x = require('…')` and `typeof import('…')`.
      /** @param {any} node */
      TSExternalModuleReference: (node) => check(node.expression),
      /** @param {any} node */
      TSImportType: (node) => check(node.source ?? node.argument?.literal),
    };
  },
};
