import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../core';
import { inboxFolders } from '../../core/site/site-root';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const loop = 'test/helpers/create-packages-forever.ts';
const rounds = 16;

let data: TempDir;
beforeAll(() => {
  data = makeTempDir('courier-crash-');
});
afterAll(() => data.remove());

/** Starts the loop, lets it create packages for a random moment, then kills it with SIGKILL. */
function createThenKill(dataDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', loop, dataDir], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), 20 + Math.random() * 300));
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`the loop ended by itself (${code}): ${stderr}`))));
  });
}

function filesUnder(dataDir: string): string[] {
  return inboxFolders.flatMap((folder) => readdirSync(join(dataDir, 'SMS', 'Inboxes', ...folder.split('/'))).map((name) => `${folder}/${name}`));
}

describe('a process killed while it creates packages', () => {
  it(
    'leaves no package without its wake-up once the site is opened again, and no temporary file',
    async () => {
      for (let round = 0; round < rounds; round++) await createThenKill(data.path);

      const core = createCore({ dataDir: data.path });
      try {
        const listed = await core.client['packages:list']({});
        if (!listed.ok) throw new Error(listed.error.message);
        const files = new Set(filesUnder(data.path));
        expect(listed.value.length).toBeGreaterThan(rounds);
        const missing = listed.value.map((p) => p.packageId).filter((id) => !files.has(`Distmgr.box/${id}.PKN`));
        expect({ packages: listed.value.length, missing }).toEqual({ packages: listed.value.length, missing: [] });
        expect([...files].filter((name) => name.endsWith('.tmp'))).toEqual([]);
      } finally {
        core.close();
      }
    },
    rounds * 6_000 + 20_000,
  );
});
