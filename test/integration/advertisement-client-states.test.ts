import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManagementPointClient } from '../../client/mp/mp-client';
import { newMessageUid, type ClientStatusMessage } from '../../client/status/status-outbox';
import { createCore, type ComponentRunner, type Core } from '../../core';
import type { MpRegisterRequest } from '../../core/api';
import { value } from '../helpers/api-result';
import { startInlineManagementPoint } from '../helpers/inline-management-point';
import { runCli } from '../helpers/run-cli';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

// Each client's last state for an advertisement, as the status messages it uploads through the
// management point tell it: kept in the upload's transaction, newest message wins, shown by the
// contract and the CLI with the counts.

let temp: TempDir;
let core: Core;
let runner: ComponentRunner;
let url: string;
let advertisementId: string;
const site = () => join(temp.path, 'site');

const machine = (name: string): MpRegisterRequest => ({ name, operatingSystemNameAndVersion: 'Microsoft Windows NT Workstation 6.1', platform: 'x64', ipAddresses: ['10.1.2.3'], ipSubnets: ['10.1.0.0'], loggedOnUsers: [] });

function message(messageId: number, at: number, ad = advertisementId): ClientStatusMessage {
  return { uid: newMessageUid(at), messageId, severity: messageId === 10006 ? 'error' : 'info', time: new Date(at).toISOString(), component: 'Software Distribution', insertionStrings: [ad, '0', '', 'A0100001', 'Install'], attributes: { 401: ad } };
}

async function client(name: string): Promise<ManagementPointClient> {
  const mp = new ManagementPointClient(url);
  const registered = await mp.register(machine(name));
  mp.credentials = { resourceId: registered.resourceId, secret: registered.secret };
  return mp;
}

beforeEach(async () => {
  temp = makeTempDir('courier-ad-client-states-');
  core = createCore({ dataDir: site() });
  const packageId = value(await core.client['packages:create']({ name: 'Script' })).packageId;
  value(await core.client['programs:create']({ packageId, program: { name: 'Install', commandLine: 'cscript //nologo fix.vbs' } }));
  advertisementId = value(await core.client['advertisements:create']({ advertisementName: 'Fix', packageId, programName: 'Install', collectionId: 'SMS00001', includeSubcollections: false })).advertisementId;
  ({ runner, url } = await startInlineManagementPoint(core, site()));
});
afterEach(async () => {
  await runner.stop();
  core.close();
  temp.remove();
});

describe("each client's state for an advertisement", { timeout: 60_000 }, () => {
  it('follows the newest message of each client, whatever order the messages arrive in, and counts them', async () => {
    const one = await client('WKS001');
    const two = await client('WKS002');
    const three = await client('WKS003');
    const t = Date.parse('2026-12-03T09:00:00Z');
    await one.uploadStatus([message(10002, t), message(10005, t + 1_000), message(10008, t + 2_000)]);
    // Sent out of order: the run's end first, its start later; the start must not win.
    await two.uploadStatus([message(10006, t + 5_000)]);
    await two.uploadStatus([message(10002, t), message(10005, t + 1_000)]);
    await three.uploadStatus([message(10018, t)]);
    // A message about an advertisement the site does not have sets no state, and the upload is still acknowledged.
    expect(await three.uploadStatus([message(10005, t + 1, 'A01299FF')])).toHaveLength(1);

    const states = value(await core.client['advertisements:client-states']({ advertisementId }));
    expect(states.counts).toMatchObject({ succeeded: 1, failed: 1, rejected: 1, running: 0, accepted: 0 });
    expect(states.clients.map((c) => [c.name, c.state, c.messageId])).toEqual([
      ['WKS001', 'succeeded', 10008],
      ['WKS002', 'failed', 10006],
      ['WKS003', 'rejected', 10018],
    ]);
    expect(states.nextAfter).toBeNull();

    const failedOnly = value(await core.client['advertisements:client-states']({ advertisementId, state: 'failed' }));
    expect(failedOnly.clients.map((c) => c.name)).toEqual(['WKS002']);
    const firstPage = value(await core.client['advertisements:client-states']({ advertisementId, limit: 2 }));
    expect(firstPage.clients).toHaveLength(2);
    const secondPage = value(await core.client['advertisements:client-states']({ advertisementId, limit: 2, after: firstPage.nextAfter! }));
    expect(secondPage.clients.map((c) => c.name)).toEqual(['WKS003']);

    const cli = await runCli(['--data-dir', site(), 'advertisement', 'clients', advertisementId, '--json']);
    expect(cli.code).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ advertisementId, counts: { succeeded: 1, failed: 1, rejected: 1 } });
    const text = await runCli(['--data-dir', site(), 'advertisement', 'clients', advertisementId]);
    expect(text.stdout).toMatch(/succeeded 1, failed 1, retrying 0, restartPending 0\./);
    expect(text.stdout).toMatch(/WKS002\s+\d+\s+failed\s+10006/);
    expect(await runCli(['--data-dir', site(), 'advertisement', 'clients', advertisementId, '--state', 'happy'])).toMatchObject({ code: 1, stderr: expect.stringMatching(/The state is one of accepted, rejected/) });

    // Deleting the advertisement takes its states with it.
    value(await core.client['advertisements:delete']({ advertisementId }));
    expect(await core.client['advertisements:client-states']({ advertisementId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
