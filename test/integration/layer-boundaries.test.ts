import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The layering of docs/layers.md is enforced twice: by the courier/layers rule of eslint.config.js
// (every folder) and by the composite projects' rootDir (one process's project into another's).
// These tests lint and type-check real snippets as if they were files of the repository.
const root = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root, overrideConfigFile: resolve(root, 'eslint.config.js') });

async function lint(file: string, text: string): Promise<ESLint.LintResult['messages']> {
  const [result] = await eslint.lintText(text, { filePath: resolve(root, file) });
  return result?.messages ?? [];
}

describe('the layers rule', () => {
  // [file, code, what the message must name]
  it.each([
    // The bypasses of a rule that matched the specifier as written.
    ['renderer/features/probe.tsx', "import { openDatabase } from '../../core/api/../db/connection';\nexport const a = openDatabase;\n", 'core/db/connection'],
    ['renderer/features/probe.tsx', "export const load = () => import('../../core/db/connection');\n", 'core/db/connection'],
    ['renderer/features/probe.tsx', 'export const load = () => import(`../../core/db/connection`);\n', 'core/db/connection'],
    ['renderer/features/probe.tsx', "export const load = () => require('../../core/db/connection');\n", 'core/db/connection'],
    ['renderer/features/probe.tsx', "export { openDatabase } from '../../core/db/connection';\n", 'core/db/connection'],
    ['renderer/features/probe.tsx', "export * from '../../core/db/connection';\n", 'core/db/connection'],
    ['renderer/features/probe.tsx', "import type { SqliteDatabase } from '../../core/db/connection';\nexport type A = SqliteDatabase;\n", 'core/db/connection'],
    ['renderer/features/probe.tsx', "export type A = typeof import('../../core/db/connection');\n", 'core/db/connection'],
    ['renderer/features/probe.tsx', "import connection = require('../../core/db/connection');\nexport const a = connection;\n", 'core/db/connection'],
    // One folder deeper than the old patterns looked.
    ['core/formats/msi/probe.ts', "import { openDatabase } from '../../db/connection';\nexport const a = openDatabase;\n", 'core/db/connection'],
    ['core/db/repositories/probe.ts', "import { createHandlers } from '../../services/handlers';\nexport const a = createHandlers;\n", 'core/services/handlers'],
    // Rules that were missing.
    ['core/services/probe.ts', "import { startHost } from '../host/start-host';\nexport const a = startHost;\n", 'core/host/start-host'],
    ['core/services/probe.ts', "import { createCore } from '../core';\nexport const a = createCore;\n", 'core/core'],
    ['core/services/probe.ts', "import { main } from '../cli/main';\nexport const a = main;\n", 'core/cli/main'],
    ['core/domain/probe.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n", 'node:fs'],
    ['core/domain/probe.ts', "import { readFileSync } from 'fs';\nexport const a = readFileSync;\n", "'fs'"],
    ['core/domain/probe.ts', "export const load = () => import('node:fs/promises');\n", 'node:fs/promises'],
    ['core/formats/probe.ts', "export const run = () => require('node:child_process');\n", 'node:child_process'],
    ['core/site/probe.ts', "import { parseOrThrow } from '../services/validation';\nexport const a = parseOrThrow;\n", 'core/services/validation'],
    ['core/host/probe.ts', "import { PackageService } from '../services/package-service';\nexport const a = PackageService;\n", 'core/services/package-service'],
    ['core/cli/probe.ts', "import { openDatabase } from '../db/connection';\nexport const a = openDatabase;\n", 'core/db/connection'],
    // The rules the old patterns had, still holding.
    ['renderer/features/probe.tsx', "import { openDatabase } from '../../core/db/connection';\nexport const a = openDatabase;\n", 'core/db/connection'],
    ['renderer/features/probe.tsx', "import { createCore } from '../../core';\nexport const a = createCore;\n", 'core/index'],
    ['renderer/features/probe.tsx', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n", 'node:fs'],
    ['renderer/features/probe.tsx', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n", 'electron'],
    ['core/services/probe.ts', "import { app } from 'electron';\nexport const a = app;\n", 'electron'],
    ['core/services/probe.ts', "import Database from 'better-sqlite3';\nexport const a = Database;\n", 'better-sqlite3'],
    ['core/services/probe.ts', "import { useState } from 'react';\nexport const a = useState;\n", 'react'],
    ['core/api/probe.ts', "import { openDatabase } from '../db/connection';\nexport const a = openDatabase;\n", 'core/db/connection'],
    ['core/api/probe.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n", 'node:fs'],
    ['core/api/probe.ts', "import { decodeScheduleToken } from '../formats/schedule-token';\nexport const a = decodeScheduleToken;\n", 'core/formats/schedule-token'],
    ['core/domain/probe.ts', "import { openDatabase } from '../db/connection';\nexport const a = openDatabase;\n", 'core/db/connection'],
    ['core/db/probe.ts', "import { createHandlers } from '../services/handlers';\nexport const a = createHandlers;\n", 'core/services/handlers'],
    ['core/db/probe.ts', "import { startHost } from '../host/start-host';\nexport const a = startHost;\n", 'core/host/start-host'],
    ['electron/main/probe.ts', "import { PackageService } from '../../core/services/package-service';\nexport const a = PackageService;\n", 'core/services/package-service'],
    ['electron/main/probe.ts', "import { createCore } from '../../core/core';\nexport const a = createCore;\n", 'core/core'],
    ['electron/main/probe.ts', "import { createRoot } from 'react-dom/client';\nexport const a = createRoot;\n", 'react-dom/client'],
    // Production code never leans on the tests, the repository's edge or a folder the table lacks.
    ['core/services/probe.ts', "import { makeTempDir } from '../../test/helpers/temp-dir';\nexport const a = makeTempDir;\n", 'test/helpers/temp-dir'],
    ['core/api/probe.ts', "import { x } from '../../../elsewhere';\nexport const a = x;\n", 'leaves the repository'],
    ['core/newfolder/probe.ts', "import { siteCodeSchema } from '../api/ids';\nexport const a = siteCodeSchema;\n", 'needs its row in the layers table'],
    ['core/services/probe.ts', 'export const load = (name: string) => import(`../db/${name}`);\n', 'computed module name'],
  ])('refuses, in %s: %s', async (file, text, named) => {
    const messages = await lint(file, text);
    expect(messages.filter((m) => m.fatal)).toEqual([]);
    const refusals = messages.filter((m) => m.ruleId === 'courier/layers');
    expect(refusals).toHaveLength(1);
    expect(refusals[0]?.message).toContain(named);
  });

  it.each([
    ['renderer/features/probe.tsx', "import { packageDefaults } from '../../core/api';\nimport { siteCodeSchema } from '../../core/api/ids';\nexport const a = [packageDefaults, siteCodeSchema];\n"],
    ['renderer/features/probe.tsx', "import { z } from 'zod';\nimport { useState } from 'react';\nimport { Button } from '@fluentui/react-components';\nexport const a = [z, useState, Button];\n"],
    ['renderer/features/probe.tsx', "export const load = () => import('../shell/console-shell');\n"],
    ['core/api/probe.ts', "import { z } from 'zod';\nimport { siteCodeSchema } from './ids';\nexport const a = [z, siteCodeSchema];\n"],
    ['core/domain/probe.ts', "import type { PackageDto } from '../api';\nimport { decodeScheduleToken } from '../formats/schedule-token';\nexport type A = PackageDto;\nexport const a = decodeScheduleToken;\n"],
    ['core/formats/msi/probe.ts', "import { programFlagsOf } from '../../domain/program-flags';\nexport const a = programFlagsOf;\n"],
    ['core/db/probe.ts', "import Database from 'better-sqlite3';\nimport { createHash } from 'node:crypto';\nexport const a = [Database, createHash];\n"],
    ['core/db/repositories/probe.ts', "import type { PackageDto } from '../../api';\nimport { formatObjectId } from '../../domain/object-ids';\nexport type A = PackageDto;\nexport const a = formatObjectId;\n"],
    ['core/services/probe.ts', "import { SiteRepository } from '../db/repositories/site-repository';\nimport { createSiteLog } from '../site/site-log';\nimport { checkSourceDirectory } from '../content/source-directory';\nexport const a = [SiteRepository, createSiteLog, checkSourceDirectory];\n"],
    ['core/services/probe.ts', "export const load = () => import('node:fs/promises');\n"],
    ['core/host/probe.ts', "import { createCore } from '../core';\nimport { createServer } from 'node:http';\nexport const a = [createCore, createServer];\n"],
    ['core/cli/probe.ts', "import { Command } from 'commander';\nimport { createCore } from '../index';\nexport const a = [Command, createCore];\n"],
    ['core/core.ts', "import { openSite } from './site/open-site';\nexport const a = openSite;\n"],
    ['electron/main/probe.ts', "import { app } from 'electron';\nimport { createCore } from '../../core';\nimport type { Core } from '../../core/index';\nimport { requestChannels } from '../../core/api';\nexport const a: [unknown, unknown, unknown, Core | null] = [app, createCore, requestChannels, null];\n"],
    // Tests may import anything.
    ['core/services/probe.test.ts', "import { makeTempDir } from '../../test/helpers/temp-dir';\nimport { startHost } from '../host/start-host';\nexport const a = [makeTempDir, startHost];\n"],
    ['renderer/features/probe.test.tsx', "import { readFileSync } from 'node:fs';\nimport { openDatabase } from '../../core/db/connection';\nexport const a = [readFileSync, openDatabase];\n"],
  ])('allows, in %s: %s', async (file, text) => {
    expect(await lint(file, text)).toEqual([]);
  });
});

// Parsed once for all the programs below: lib.dom.d.ts alone takes seconds to parse.
const parsed = new Map<string, ts.SourceFile>();

/**
 * Type-checks one file, as if it were in the project of `tsconfig` beside the project's own files,
 * with the project's real options and references. The referenced projects are read from their
 * sources (as tsserver does), so no `tsc -b` has to run first.
 */
function typeCheck(tsconfig: string, file: string, text: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(resolve(root, tsconfig), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (!config) throw new Error(`${tsconfig} could not be read.`);
  const probe = resolve(root, file);
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (name) => (resolve(name) === probe ? text : readFile(name));
  host.fileExists = (name) => resolve(name) === probe || fileExists(name);
  host.getSourceFile = (name, languageVersion) => {
    if (resolve(name) === probe) return ts.createSourceFile(name, text, languageVersion);
    const key = `${typeof languageVersion === 'number' ? languageVersion : languageVersion.languageVersion}:${resolve(name)}`;
    if (!parsed.has(key)) {
      const source = readFile(name);
      if (source === undefined) return undefined;
      parsed.set(key, ts.createSourceFile(name, source, languageVersion));
    }
    return parsed.get(key);
  };
  const withSources = host as ts.CompilerHost & { useSourceOfProjectReferenceRedirect(): boolean };
  withSources.useSourceOfProjectReferenceRedirect = () => true;
  const program = ts.createProgram({
    rootNames: [probe],
    options: config.options,
    projectReferences: config.projectReferences ?? [],
    host,
  });
  const probeFile = program.getSourceFile(probe);
  const diagnostics = [...program.getOptionsDiagnostics(), ...program.getSemanticDiagnostics(probeFile)];
  return diagnostics.map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

describe('the composite projects', () => {
  // Each program takes seconds on a busy machine.
  const slow = 90_000;

  it('refuse an import across a project root, however the path is written', () => {
    const renderer = typeCheck(
      'renderer/tsconfig.json',
      'renderer/bridge/probe.ts',
      "import { openDatabase } from '../../core/api/../db/connection';\nexport const a = openDatabase;\nexport const load = () => import('../../core/site/site-root');\n",
    );
    for (const refused of ['core/db/connection.ts', 'core/site/site-root.ts']) {
      expect(renderer.find((d) => d.startsWith('TS6059') && d.includes(refused)), refused).toContain("is not under 'rootDir'");
      expect(renderer.find((d) => d.startsWith('TS6307') && d.includes(refused)), refused).toContain('is not listed within the file list');
    }

    const outOfContract = typeCheck('core/api/tsconfig.json', 'core/api/probe.ts', "import { openDatabase } from '../db/connection';\nexport const a = openDatabase;\n");
    expect(outOfContract.map((d) => d.slice(0, 6))).toEqual(expect.arrayContaining(['TS6059', 'TS6307']));
  }, slow);

  it('allow an import of a referenced project', () => {
    expect(typeCheck('renderer/tsconfig.json', 'renderer/bridge/probe.ts', "import { packageDefaults } from '../../core/api';\nexport const a = packageDefaults;\n")).toEqual([]);
    expect(typeCheck('electron/tsconfig.json', 'electron/main/probe.ts', "import { createCore } from '../../core';\nimport { requestChannels } from '../../core/api';\nexport const a = [createCore, requestChannels];\n")).toEqual([]);
  }, slow);

  it('put their declarations and build info in .tsbuild/, never beside the sources', () => {
    const solution = ts.readConfigFile(resolve(root, 'tsconfig.json'), ts.sys.readFile).config as { references: { path: string }[] };
    expect(solution.references.map((r) => r.path).sort()).toEqual(['./client', './core', './core/api', './electron', './renderer', './test']);
    for (const { path } of solution.references) {
      const tsconfig = resolve(root, path, 'tsconfig.json');
      const config = ts.getParsedCommandLineOfConfigFile(tsconfig, undefined, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
      expect(config?.options.composite, path).toBe(true);
      expect(config?.options.rootDir, path).toBe(dirname(tsconfig) === resolve(root, 'test') ? root : dirname(tsconfig));
      expect(config?.options.outDir?.startsWith(resolve(root, '.tsbuild') + '/'), path).toBe(true);
    }
    expect(readFileSync(resolve(root, '.gitignore'), 'utf8').split('\n')).toContain('.tsbuild/');
  });
});
