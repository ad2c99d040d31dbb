import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, startComponentRunner, type ComponentRunner, type Core } from '../../core';
import { distributionManagerName } from '../../core/components/distmgr';
import { writeTree } from '../helpers/content-tree';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';
import { value } from '../helpers/api-result';

// A DP with the Windows share provider on this Linux site server: PowerShell's SmbShare module
// and icacls cannot run here, so the component fails the DP at once with a status message saying
// why, copies nothing, and the other DP of the package still gets it.

let temp: TempDir;
let core: Core;
let runner: ComponentRunner | null = null;
const site = () => join(temp.path, 'site');
const source = () => join(temp.path, 'source');
const volume = (name: string) => join(temp.path, 'volumes', name);


beforeEach(() => {
  temp = makeTempDir('courier-windows-dp-');
  core = createCore({ dataDir: site() });
});
afterEach(async () => {
  await runner?.stop();
  runner = null;
  core.close();
  temp.remove();
});

describe.skipIf(process.platform === 'win32')('a DP with the Windows share provider on a Linux site server', { timeout: 60_000 }, () => {
  it('fails clearly, copies nothing there, and is removed again without running anything', async () => {
    writeTree(source(), { 'setup.exe': 'the installer' });
    writeTree(volume('win'), {});
    writeTree(volume('lin'), {});
    value(await core.client['distribution-points:create']({ name: 'WINDP', volumes: [{ letter: 'D', path: volume('win') }], shareProvider: 'windows' }));
    value(await core.client['distribution-points:create']({ name: 'LINDP', volumes: [{ letter: 'D', path: volume('lin') }] }));
    const { packageId } = value(await core.client['packages:create']({ name: 'Viewer', containsSourceFiles: true, sourceDirectory: source() }));
    value(await core.client['packages:distribute']({ packageId, distributionPoints: ['WINDP', 'LINDP'], groups: [] }));
    runner = startComponentRunner({ dataDir: site(), components: [{ name: distributionManagerName, thread: 'inline' }], leaseMs: 2_000 });

    const rowsOf = async () => value(await core.client['packages:status']({ packageId })).distributionPoints;
    await expect.poll(async () => (await rowsOf()).map((row) => `${row.name} ${row.state}`).sort(), { timeout: 30_000, interval: 50 }).toEqual(['LINDP installed', 'WINDP installRetrying']);
    const windows = (await rowsOf()).find((row) => row.name === 'WINDP')!;
    expect(windows.lastError).toMatch(/Windows share provider .* run only on Windows; this site server runs linux\. Nothing was copied\./);
    expect(windows.attempts).toBe(1);
    expect(readdirSync(volume('win'))).toEqual([]);
    expect(existsSync(join(volume('lin'), 'SMSPKGD$', packageId, 'setup.exe'))).toBe(true);

    // 2302 ends the pass, after the rows are recorded.
    const messagesOf = async () => value(await core.client['status:messages']({ packageId, order: 'oldest', limit: 1000 })).messages;
    await expect.poll(async () => (await messagesOf()).some((m) => m.messageId === 2302), { timeout: 10_000, interval: 50 }).toBe(true);
    const messages = await messagesOf();
    const failed = messages.find((m) => m.messageId === 2328);
    expect(failed).toMatchObject({ severity: 'error', attributes: { '400': packageId } });
    expect(failed!.description).toContain('run only on Windows');
    expect(messages.find((m) => m.messageId === 2302)?.description).toContain('WINDP: The Windows share provider');

    // Never placed there, so taking it off needs no share provider.
    value(await core.client['packages:remove-dp']({ packageId, distributionPoint: 'WINDP' }));
    await expect.poll(async () => (await rowsOf()).map((row) => row.name), { timeout: 30_000, interval: 50 }).toEqual(['LINDP']);
  });
});
