import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BadAnswerError, UnreachableError } from '../../client/mp/json-request';
import { ManagementPointClient, MpRefusedError } from '../../client/mp/mp-client';
import { StatusOutbox } from '../../client/status/status-outbox';
import { createCore, type ComponentRunner, type Core } from '../../core';
import type { MpRegisterRequest } from '../../core/api';
import { value } from '../helpers/api-result';
import { startInlineManagementPoint } from '../helpers/inline-management-point';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

// The client agent's side of the management point's protocol, against SMS_MP_CONTROL_MANAGER
// run by a real runner on a real site: what the agent sends is what the site accepts, and what the
// site answers passes the agent's checks.

let temp: TempDir;
let core: Core;
let runner: ComponentRunner;
let url: string;
const site = () => join(temp.path, 'site');

const registration: MpRegisterRequest = {
  name: 'WKS001',
  domain: 'CONTOSO',
  operatingSystemNameAndVersion: 'Microsoft Windows NT Workstation 6.1',
  platform: 'x64',
  ipAddresses: ['10.1.2.3'],
  ipSubnets: ['10.1.0.0'],
  loggedOnUsers: [],
};

beforeEach(async () => {
  temp = makeTempDir('courier-client-mp-');
  core = createCore({ dataDir: site() });
  ({ runner, url } = await startInlineManagementPoint(core, site()));
});
afterEach(async () => {
  await runner.stop();
  core.close();
  temp.remove();
});

describe('the client agent and the management point', { timeout: 60_000 }, () => {
  it('registers, asks for policy, and uploads status messages from its outbox once, however often it retries', async () => {
    const mp = new ManagementPointClient(url);
    expect(await mp.health()).toMatchObject({ siteCode: 'A01' });
    const registered = await mp.register(registration);
    expect(registered).toMatchObject({ approval: 'approved', siteCode: 'A01' });
    mp.credentials = { resourceId: registered.resourceId, secret: registered.secret };
    expect(await mp.machinePolicy(0)).toMatchObject({ changed: expect.any(Boolean), policyVersion: expect.any(Number) });

    const outbox = new StatusOutbox(join(temp.path, 'client'));
    outbox.add({ messageId: 10002, severity: 'info', component: 'Software Distribution', insertionStrings: ['A0120000', 'A01'], attributes: { 401: 'A0120000' } });
    outbox.add({ messageId: 10006, severity: 'error', component: 'Software Distribution', insertionStrings: ['A0120000', '1', '', 'A0100001', 'Install'], attributes: { 400: 'A0100001', 401: 'A0120000' } });
    const batch = outbox.nextBatch();
    // A retry of an upload whose answer was lost: the same uids again.
    expect(await mp.uploadStatus(batch)).toEqual(batch.map((m) => m.uid));
    expect(await outbox.flush((messages) => mp.uploadStatus(messages))).toEqual({ sent: 2, remaining: 0 });
    const stored = value(await core.client['status:messages']({ messageIds: [10002, 10006] }));
    expect(stored.messages.map((m) => m.messageId).sort()).toEqual([10002, 10006]);
  });

  it('is refused with the site\'s code while pending and with bad credentials; the outbox keeps what was not sent', async () => {
    value(await core.client['management-point:update']({ changes: { approval: 'manual' } }));
    await expect.poll(async () => value(await core.client['management-point:get']({})).approval).toBe('manual');
    const mp = new ManagementPointClient(url);
    const registered = await mp.register(registration);
    expect(registered.approval).toBe('pending');
    mp.credentials = { resourceId: registered.resourceId, secret: registered.secret };
    await expect(mp.machinePolicy(0)).rejects.toMatchObject({ code: 'PENDING_APPROVAL', status: 403 });
    mp.credentials = { resourceId: registered.resourceId, secret: 'x'.repeat(43) };
    const refused = await mp.machinePolicy(0).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(MpRefusedError);
    expect(refused).toMatchObject({ code: 'UNKNOWN_CLIENT', status: 401 });

    const outbox = new StatusOutbox(join(temp.path, 'client'));
    outbox.add({ messageId: 10002, severity: 'info', component: 'Software Distribution', insertionStrings: [], attributes: {} });
    await expect(outbox.flush((messages) => mp.uploadStatus(messages))).rejects.toBeInstanceOf(MpRefusedError);
    expect(outbox.count()).toBe(1);
  });

  it('tells an unreachable management point from something that is not one', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(new ManagementPointClient(`http://127.0.0.1:${port}/`).health()).rejects.toBeInstanceOf(UnreachableError);

    const web: Server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>It works!</html>'));
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    try {
      const other = `http://127.0.0.1:${(web.address() as AddressInfo).port}/`;
      await expect(new ManagementPointClient(other).health()).rejects.toThrow(BadAnswerError);
      await expect(new ManagementPointClient(other).health()).rejects.toThrow(/is not JSON; is http:\/\/127\.0\.0\.1:\d+ a Courier management point/);
    } finally {
      await new Promise<void>((resolve) => web.close(() => resolve()));
    }
    const slow = createServer(() => undefined);
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    try {
      await expect(new ManagementPointClient(`http://127.0.0.1:${(slow.address() as AddressInfo).port}/`, { timeoutMs: 300 }).health()).rejects.toThrow(/did not answer within/);
    } finally {
      slow.closeAllConnections();
      await new Promise<void>((resolve) => slow.close(() => resolve()));
    }
  });
});
