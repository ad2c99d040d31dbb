import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

let data: TempDir;
beforeAll(() => {
  data = makeTempDir('courier-cli-notices-');
});
afterAll(() => data.remove());

describe('courier with a change saved but its wake-up not yet written', () => {
  it('succeeds, prints the package, and says on stderr what is still to come', async () => {
    mkdirSync(join(data.path, 'SMS', 'Inboxes', 'Distmgr.box', 'A0100001.PKN'), { recursive: true });
    const run = await runCli(['package', 'create', '--name', 'Blocked', '--data-dir', data.path, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ packageId: 'A0100001', name: 'Blocked' });
    expect(run.stderr).toMatch(/^courier: The change was saved, but Distribution Manager is not woken yet: SMS\\Inboxes\\Distmgr\.box\\A0100001\.PKN could not be written \(.+\)\. Courier keeps the wake-up and writes it as soon as it can; see SMS\\Logs\\smsprov\.log\.\n$/);
    const listed = await runCli(['package', 'list', '--data-dir', data.path, '--json']);
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ packageId: 'A0100001' })]);
  });
});
