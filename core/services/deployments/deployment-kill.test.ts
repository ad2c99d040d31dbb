import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeploymentPlanInput } from '../../api';
import { createCore } from '../../core';
import { value } from '../../../test/helpers/api-result';
import { openTestSite, siteContents, testClock, writeSource } from '../../../test/helpers/deployment-site';
import { makeTempDir, type TempDir } from '../../../test/helpers/temp-dir';

// A process killed with SIGKILL in the middle of a deployment, four steps written and the fifth
// under way, leaves the site as it was: the transaction never committed, and the wake-up files
// and log lines are written only after a commit.

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
let temp: TempDir;

beforeEach(() => {
  temp = makeTempDir('courier-deploy-kill-');
});
afterEach(() => {
  temp.remove();
});

/** Resolves with what the child said on stderr once it is killed. */
function deployThenDie(dataDir: string, planFile: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/deploy-then-die.ts', dataDir, planFile], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(stderr) : reject(new Error(`the child ended with ${code}: ${stderr}`))));
  });
}

describe('a deployment killed part-way', () => {
  it('leaves no row, wake-up or log line, and the same plan then runs whole', async () => {
    const source = writeSource(temp.path);
    const site = await openTestSite(temp.path, 'one');
    const plan: DeploymentPlanInput = {
      package: { kind: 'new', package: { name: 'Contoso Tool', containsSourceFiles: true, sourceDirectory: source } },
      program: { kind: 'new', program: { name: 'Install', commandLine: 'setup.exe /s' } },
      distributionPoints: ['DP01'],
      advertisement: { target: { kind: 'newCollection', collection: { name: 'Picked', rules: [{ kind: 'direct', resourceId: site.resources[0] ?? 0 }] } }, advertisementName: 'Killed' },
    };
    site.core.close();
    const planFile = join(temp.path, 'plan.json');
    writeFileSync(planFile, JSON.stringify(plan));
    const before = siteContents(site.dataDir);

    expect(await deployThenDie(site.dataDir, planFile)).toBe('killed in the advertisement step\n');
    expect(siteContents(site.dataDir)).toEqual(before);

    const core = createCore({ dataDir: site.dataDir, now: testClock });
    try {
      const result = value(await core.client['deployments:run'](plan));
      expect(result).toMatchObject({ ok: true, packageId: 'A0100001', collectionId: 'A0100010', advertisementId: 'A0120000' });
    } finally {
      core.close();
    }
  });
});
