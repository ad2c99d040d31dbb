import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManagementPointClient } from '../../client/mp/mp-client';
import { newMessageUid, type ClientStatusMessage } from '../../client/status/status-outbox';
import { createCore, type ComponentRunner, type Core } from '../../core';
import type { AdvertisementSummaryDto, ComponentSummariesDto, MpRegisterRequest, PackageSummaryDto, StatusSummariesChangedEvent } from '../../core/api';
import { createSiteLog } from '../../core/site/site-log';
import { openSite } from '../../core/site/open-site';
import { openSitePlumbing } from '../../core/site/site-plumbing';
import { value } from '../helpers/api-result';
import { startInlineDistributionManager } from '../helpers/inline-distribution-manager';
import { startInlineManagementPoint } from '../helpers/inline-management-point';
import { runCli } from '../helpers/run-cli';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

// The summaries kept as messages are stored, through the real paths that store them: the unit of
// work of a site component (Distribution Manager copying to DPs), the management point's upload of
// clients' messages (duplicates and late arrivals included); read through the contract and the CLI.

let temp: TempDir;
let core: Core;
let runners: ComponentRunner[] = [];
const site = () => join(temp.path, 'site');
const courier = (...args: string[]) => runCli(['--data-dir', site(), ...args]);
const dm = 'SMS_DISTRIBUTION_MANAGER';

beforeEach(() => {
  temp = makeTempDir('courier-status-summaries-');
  core = createCore({ dataDir: site() });
});
afterEach(async () => {
  for (const runner of runners) await runner.stop();
  runners = [];
  core.close();
  temp.remove();
});

async function severityCounts(component: string): Promise<{ errors: number; warnings: number; infos: number }> {
  const all = value(await core.client['status:messages']({ component, limit: 1000 })).messages;
  return {
    errors: all.filter((m) => m.severity === 'error').length,
    warnings: all.filter((m) => m.severity === 'warning').length,
    infos: all.filter((m) => m.severity === 'info').length,
  };
}

describe('Package Status and Component Status, as Distribution Manager works', { timeout: 90_000 }, () => {
  it("agree with the DP records it keeps and with the messages it reports; Reset Counts and thresholds apply at once", async () => {
    const source = join(temp.path, 'source');
    mkdirSync(source, { recursive: true });
    writeFileSync(join(source, 'setup.exe'), Buffer.alloc(5000, 1));
    const packageId = value(await core.client['packages:create']({ name: 'Viewer', containsSourceFiles: true, sourceDirectory: source })).packageId;
    for (const name of ['DP01', 'DP02']) {
      const path = join(temp.path, 'volumes', name);
      mkdirSync(path, { recursive: true });
      // DP02: a file where the SMSPKGD$ folder must go, so every copy there fails and is retried.
      if (name === 'DP02') writeFileSync(join(path, 'SMSPKGD$'), 'in the way');
      value(await core.client['distribution-points:create']({ name, volumes: [{ letter: 'D', path }] }));
    }
    value(await core.client['components:set']({ component: 'distmgr', changes: { retryDelayMinutes: 60, retries: 3 } }));
    value(await core.client['packages:distribute']({ packageId, distributionPoints: ['DP01', 'DP02'], groups: [] }));
    runners.push(startInlineDistributionManager(site(), () => new Date()));
    await expect
      .poll(async () => value(await core.client['packages:status']({ packageId })).distributionPoints.map((d) => d.state).join(), { timeout: 30_000, interval: 50 })
      .toBe('installed,installRetrying');
    await runners.pop()!.stop();

    const [summary] = value(await core.client['status:summary-packages']({ packageId })) as [PackageSummaryDto];
    const records = value(await core.client['packages:status']({ packageId }));
    const [counts] = value(await core.client['packages:status-summary']({}));
    expect(summary).toMatchObject({ packageId, name: 'Viewer', sourceVersion: 1, targeted: 2, installed: 1, retrying: 1, failed: 0, removing: 0 });
    expect(summary.sourceDate).toEqual(expect.any(String));
    expect(counts).toEqual({ packageId, targeted: summary.targeted, installed: summary.installed, retrying: summary.retrying, failed: summary.failed, removing: summary.removing });
    expect(summary.sites).toEqual([{ siteCode: 'A01', targeted: 2, installed: 1, retrying: 1, failed: 0, removing: 0 }]);
    expect(summary.distributionPoints).toEqual(
      records.distributionPoints.map((d) => ({ name: d.name, nalPath: d.nalPath, siteCode: 'A01', state: d.state, stateCode: d.state === 'installed' ? 0 : 2, sourceVersion: d.sourceVersion, lastCopied: d.lastCopied, lastRefreshed: d.lastRefreshed })),
    );
    expect(summary.distributionPoints![0]).toMatchObject({ name: 'DP01', sourceVersion: 1, lastCopied: expect.any(String) });
    // The list of all packages has the counts, not the DPs.
    expect(value(await core.client['status:summary-packages']({}))).toEqual([{ ...summary, distributionPoints: null }]);
    expect(await core.client['status:summary-packages']({ packageId: 'A01000FF' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'packageId' } });

    // Component Status counts exactly the messages the component stored, by severity.
    const stored = await severityCounts(dm);
    expect(stored.errors).toBeGreaterThan(0);
    const components = value(await core.client['status:summary-components']({}));
    const distmgr = components.components.find((c) => c.component === dm)!;
    expect(distmgr).toMatchObject({ siteCode: 'A01', ...stored, countsSince: '1970-01-01T00:00:00.000Z' });
    expect(distmgr.status).toBe(stored.errors >= 5 || stored.warnings >= 50 ? 'critical' : 'warning');
    expect(components.thresholds).toEqual({ info: { warning: 2000, critical: 5000 }, warning: { warning: 10, critical: 50 }, error: { warning: 1, critical: 5 }, lastModified: null });

    const heard: StatusSummariesChangedEvent[] = [];
    core.on('status-summaries:changed', (event) => heard.push(event));
    const lenient = value(await core.client['status:component-thresholds:update']({ error: { warning: 1000, critical: 2000 }, warning: { warning: 1000, critical: 1000 } }));
    expect(lenient).toMatchObject({ error: { warning: 1000, critical: 2000 }, warning: { warning: 1000, critical: 1000 }, lastModified: expect.any(String) });
    expect(value(await core.client['status:summary-components']({ component: 'sms_distribution_manager' })).components[0]!.status).toBe('ok');
    expect(await core.client['status:component-thresholds:update']({ info: { critical: 10 } })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'info.critical' } });
    expect(await core.client['status:component-thresholds:update']({ error: { warning: 0 } })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/error\.warning: A threshold is a whole number/) } });
    expect(value(await core.client['status:component-thresholds:get']({}))).toEqual(lenient);
    // The same values again change nothing: no new time, no event.
    expect(value(await core.client['status:component-thresholds:update']({ error: { warning: 1000 } }))).toEqual(lenient);

    const reset = value(await core.client['status:component-reset']({ component: dm }));
    expect(reset.components).toEqual([expect.objectContaining({ component: dm, errors: 0, warnings: 0, infos: 0, status: 'ok' })]);
    expect(Date.parse(reset.components[0]!.countsSince)).toBeGreaterThan(Date.parse(distmgr.countsSince));
    expect(await core.client['status:component-reset']({ component: 'SMS_NOBODY' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'component' } });
    expect(heard).toEqual([
      { summary: 'component', change: 'thresholds', component: null },
      { summary: 'component', change: 'reset', component: dm },
    ]);

    // A Retry (a new unit of work of the component) counts from the reset on.
    value(await core.client['packages:retry-dp']({ packageId, distributionPoint: 'DP02' }));
    runners.push(startInlineDistributionManager(site(), () => new Date()));
    await expect.poll(async () => value(await core.client['status:summary-components']({ component: dm })).components[0]!.errors, { timeout: 30_000, interval: 50 }).toBeGreaterThan(0);

    const cli = await courier('status', 'summary', 'package', packageId, '--json');
    expect(cli.code).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ packageId, targeted: 2, installed: 1, sites: [{ siteCode: 'A01' }], distributionPoints: [{ name: 'DP01' }, { name: 'DP02' }] });
    const table = await courier('status', 'summary', 'package', packageId);
    expect(table.stdout).toMatch(/DP01\s+A01\s+installed\s+1\s+2\d{3}-/);
  });
});

describe("Advertisement Status, as clients' messages arrive at the management point", { timeout: 90_000 }, () => {
  let url: string;
  let advertisementId: string;

  const machine = (name: string): MpRegisterRequest => ({ name, operatingSystemNameAndVersion: 'Microsoft Windows NT Workstation 6.1', platform: 'x64', ipAddresses: ['10.1.2.3'], ipSubnets: ['10.1.0.0'], loggedOnUsers: [] });
  const message = (messageId: number, at: number): ClientStatusMessage => ({
    uid: newMessageUid(at),
    messageId,
    severity: messageId === 10006 ? 'error' : 'info',
    time: new Date(at).toISOString(),
    component: 'Software Distribution',
    insertionStrings: [advertisementId, messageId === 10006 ? '1603' : '0', '', 'A0100001', 'Install'],
    attributes: { 401: advertisementId },
  });
  async function client(name: string): Promise<ManagementPointClient> {
    const mp = new ManagementPointClient(url);
    const registered = await mp.register(machine(name));
    mp.credentials = { resourceId: registered.resourceId, secret: registered.secret };
    return mp;
  }

  beforeEach(async () => {
    const packageId = value(await core.client['packages:create']({ name: 'Script' })).packageId;
    value(await core.client['programs:create']({ packageId, program: { name: 'Install', commandLine: 'cscript //nologo fix.vbs' } }));
    advertisementId = value(await core.client['advertisements:create']({ advertisementName: 'Fix', packageId, programName: 'Install', collectionId: 'SMS00001', includeSubcollections: false })).advertisementId;
    const started = await startInlineManagementPoint(core, site());
    runners.push(started.runner);
    url = started.url;
  });

  it('counts each message once, in any order of arrival, and agrees with the per-client states', async () => {
    const one = await client('WKS001');
    const two = await client('WKS002');
    const t = Date.parse('2026-12-03T09:00:00Z');
    const run = [message(10002, t), message(10005, t + 1000), message(10008, t + 2000)];
    await one.uploadStatus(run);
    // The same upload retried (the answer was lost): acknowledged, stored and counted once.
    expect(await one.uploadStatus(run)).toHaveLength(3);
    // Out of order: the run's end before its start and acceptance.
    await two.uploadStatus([message(10006, t + 5000)]);
    await two.uploadStatus([message(10002, t), message(10005, t + 1000)]);

    const [summary] = value(await core.client['status:summary-advertisements']({ advertisementId })) as [AdvertisementSummaryDto];
    expect(summary).toMatchObject({
      advertisementId, advertisementName: 'Fix', programName: 'Install', collectionId: 'SMS00001',
      received: 2, failures: 0, programsStarted: 2, programsSucceeded: 1, programsFailed: 1,
      sites: [{ siteCode: 'A01', received: 2, programsStarted: 2, programsSucceeded: 1, programsFailed: 1, lastUpdate: new Date(t + 5000).toISOString() }],
    });
    expect(summary.clientStates).toMatchObject({ succeeded: 1, failed: 1, running: 0, accepted: 0 });
    const states = value(await core.client['advertisements:client-states']({ advertisementId }));
    expect(states.counts).toEqual(summary.clientStates);
    // Each client's last acceptance and last execution, apart, each the newest by the client's time.
    expect(states.clients.map((c) => [c.name, c.state, c.lastAcceptance, c.lastExecution])).toEqual([
      ['WKS001', 'succeeded', { messageId: 10002, state: 'accepted', time: new Date(t).toISOString() }, { messageId: 10008, state: 'succeeded', time: new Date(t + 2000).toISOString(), result: '0' }],
      ['WKS002', 'failed', { messageId: 10002, state: 'accepted', time: new Date(t).toISOString() }, { messageId: 10006, state: 'failed', time: new Date(t + 5000).toISOString(), result: '1603' }],
    ]);
    expect(await core.client['status:summary-advertisements']({ advertisementId: 'A01299FF' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'advertisementId' } });

    // Clients' messages are not a site component's: no row of Component Status for them.
    const components = value(await core.client['status:summary-components']({})) as ComponentSummariesDto;
    expect(components.components.filter((c) => c.component === 'Software Distribution')).toEqual([]);

    // Retention deletes the messages; the summary stays.
    const db = openSite(site(), () => new Date());
    try {
      const plumbing = openSitePlumbing({ db: db.db, root: db.root, log: createSiteLog(db.root, () => new Date()), logAs: { file: 'distmgr.log', component: dm }, now: () => new Date() });
      expect(plumbing.statusMessages.deleteOlderThan(Date.now())).toBe(6);
      // And a site component reporting through its unit of work, on this other connection, is counted at once.
      plumbing.work.run((change) => change.status({ component: dm, messageId: 2328, insertionStrings: ['A0100001', '\\\\DP01\\', 'Access is denied.'], attributes: { 400: 'A0100001' } }));
      plumbing.work.close();
    } finally {
      db.db.close();
    }
    expect(value(await core.client['status:summary-advertisements']({ advertisementId }))).toEqual([summary]);

    const cli = await courier('status', 'summary', 'advertisement', advertisementId, '--json');
    expect(cli.code).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual(summary);
    const table = await courier('status', 'summary', 'advertisement');
    expect(table.stdout).toMatch(new RegExp(`${advertisementId}\\s+Fix\\s+A0100001\\s+Install\\s+2\\s+0\\s+2\\s+1\\s+1`));
    const componentsCli = await courier('status', 'summary', 'component', '--json');
    expect(JSON.parse(componentsCli.stdout)).toMatchObject({ components: [{ component: dm, errors: 1, status: 'warning' }] });
    const text = await courier('status', 'summary', 'component');
    expect(text.stdout).toMatch(/Warning\s+A01\s+\S+\s+SMS_DISTRIBUTION_MANAGER\s+1\s+0\s+0/);
    const resetCli = await courier('status', 'reset-counts', '--json');
    expect(JSON.parse(resetCli.stdout)).toMatchObject({ components: [{ component: dm, errors: 0, status: 'ok' }] });
    const thresholds = await courier('status', 'thresholds', '--error-warning', '3', '--json');
    expect(JSON.parse(thresholds.stdout)).toMatchObject({ error: { warning: 3, critical: 5 } });
    expect(await courier('status', 'thresholds', '--error-critical', '2')).toMatchObject({ code: 1, stderr: expect.stringMatching(/error\.critical \(2\) is below error\.warning \(3\)/) });
  });
});
