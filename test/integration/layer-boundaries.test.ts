import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The import rules of architecture.md live in eslint.config.js; this proves they bite.
const root = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(file: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: resolve(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer boundaries', () => {
  it.each([
    ['renderer/features/probe.tsx', "import { openDatabase } from '../../core/db/connection';\nexport const a = openDatabase;\n"],
    ['renderer/features/probe.tsx', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
    ['renderer/features/probe.tsx', "import { createCore } from '../../core';\nexport const a = createCore;\n"],
    ['core/services/probe.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['core/services/probe.ts', "import Database from 'better-sqlite3';\nexport const a = Database;\n"],
    ['core/api/probe.ts', "import { openDatabase } from '../db/connection';\nexport const a = openDatabase;\n"],
    ['core/api/probe.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
    ['core/domain/probe.ts', "import { openDatabase } from '../db/connection';\nexport const a = openDatabase;\n"],
    ['core/db/probe.ts', "import { createHandlers } from '../services/handlers';\nexport const a = createHandlers;\n"],
    ['electron/main/probe.ts', "import { PackageService } from '../../core/services/package-service';\nexport const a = PackageService;\n"],
  ])('refuses the import in %s: %s', async (file, text) => {
    expect(await restrictedImports(file, text)).not.toEqual([]);
  });

  it.each([
    ['renderer/features/probe.tsx', "import { packageDefaults } from '../../core/api';\nexport const a = packageDefaults;\n"],
    ['core/api/probe.ts', "import { z } from 'zod';\nimport { siteCodeSchema } from './ids';\nexport const a = [z, siteCodeSchema];\n"],
    ['core/db/probe.ts', "import Database from 'better-sqlite3';\nexport const a = Database;\n"],
    ['electron/main/probe.ts', "import { app } from 'electron';\nimport { createCore } from '../../core';\nimport type { Core } from '../../core/index';\nexport const a: [unknown, unknown, Core | null] = [app, createCore, null];\n"],
  ])('allows the import in %s: %s', async (file, text) => {
    expect(await restrictedImports(file, text)).toEqual([]);
  });
});
