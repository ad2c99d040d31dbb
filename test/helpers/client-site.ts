import { expect } from 'vitest';
import type { MachineFacts } from '../../client/agent/machine-facts';
import { createCore, startComponentRunner, type ComponentRunner, type Core } from '../../core';
import { createDistributionManager, distributionManagerName } from '../../core/components/distmgr';
import { contentServiceName, createContentService } from '../../core/components/dpcontent';
import { createMpControlManager, mpControlName } from '../../core/components/mpcontrol';
import { createOfferManager, offerManagerName } from '../../core/components/offermgr';
import { value } from './api-result';

/** A site as clients meet it: the management point and the DPs' content service listening, Offer Manager and Distribution Manager running. */
export interface ClientSite {
  readonly core: Core;
  readonly runner: ComponentRunner;
  /** The management point's URL (`http://127.0.0.1:<port>/ccm/v1/`). */
  readonly mpUrl: string;
  /** Where the content service listens (`http://127.0.0.1:<port>`). */
  readonly contentUrl: string;
}

/**
 * Opens the site in `dataDir` and runs SMS_MP_CONTROL_MANAGER, Offer Manager, Distribution
 * Manager and the content service inline, the management point on a free port, and waits until
 * both services listen. The content service's client URL is left alone: each test says where
 * its clients reach it (directly, or through a proxy that cuts or holds the line).
 */
export async function startClientSite(dataDir: string): Promise<ClientSite> {
  const core = createCore({ dataDir });
  value(await core.client['management-point:update']({ changes: { port: 0 } }));
  const runner = startComponentRunner({
    dataDir,
    components: [mpControlName, offerManagerName, distributionManagerName, contentServiceName].map((name) => ({ name, thread: 'inline' as const })),
    factories: { [mpControlName]: () => createMpControlManager(), [offerManagerName]: () => createOfferManager(), [distributionManagerName]: () => createDistributionManager(), [contentServiceName]: () => createContentService() },
    leaseMs: 2_000,
  });
  await expect.poll(async () => value(await core.client['management-point:status']({})).url ?? '', { timeout: 20_000, interval: 50 }).toMatch(/^http:/);
  await expect.poll(async () => value(await core.client['content-service:get']({})).listeningUrl ?? '', { timeout: 20_000, interval: 50 }).toMatch(/^http:/);
  return {
    core,
    runner,
    mpUrl: value(await core.client['management-point:status']({})).url!,
    contentUrl: value(await core.client['content-service:get']({})).listeningUrl!,
  };
}

/** A Windows 7 x64 workstation of CONTOSO at `ip` (its subnet the /16), nobody logged on. */
export function windows7(name: string, ip: string): MachineFacts {
  return {
    name,
    domain: 'CONTOSO',
    machine: { platform: 'x64', osName: 'Win NT', osVersion: '6.1.7601' },
    ipAddresses: [ip],
    ipSubnets: [ip.replace(/\.\d+\.\d+$/, '.0.0')],
    session: { kind: 'none' },
  };
}
