import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ComponentChangedEvent, PackageChangedEvent } from '../../core/api';
import { createCore, type Core } from '../../core';
import { openDatabase } from '../../core/db/connection';
import { ComponentLeaseRepository, type ComponentLease } from '../../core/db/repositories/component-lease-repository';
import { runCli } from '../helpers/run-cli';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
let data: TempDir;
let web: TempDir;
let core: Core;
let packages: PackageChangedEvent[];
let components: ComponentChangedEvent[];

function leases(): ComponentLease[] {
  const db = openDatabase(join(data.path, 'courier.db'));
  try {
    return new ComponentLeaseRepository(db).list();
  } finally {
    db.close();
  }
}

beforeEach(() => {
  data = makeTempDir('courier-processes-');
  web = makeTempDir('courier-processes-web-');
  writeFileSync(join(web.path, 'index.html'), '<!doctype html><title>Courier</title>');
  // A console open on the site while other processes work on it.
  core = createCore({ dataDir: data.path, eventPollMs: 20 });
  packages = [];
  components = [];
  core.on('packages:changed', (event) => packages.push(event));
  core.on('components:changed', (event) => components.push(event));
});
afterEach(() => {
  core.close();
  data.remove();
  web.remove();
});

describe('site components and events across processes', () => {
  it('a CLI command starts no site component, and the package it creates reaches a console open in another process', async () => {
    const run = await runCli(['package', 'create', '--name', 'From the CLI', '--data-dir', data.path]);
    expect(run.code).toBe(0);
    await expect.poll(() => packages.map((e) => [e.change, e.packageId, e.package?.name]), { timeout: 5_000 }).toEqual([['created', 'A0100001', 'From the CLI']]);
    expect(components).toEqual([]);
    expect(leases()).toEqual([]);
    expect(existsSync(join(data.path, 'SMS', 'Logs', 'sitecomp.log'))).toBe(false);
    expect(existsSync(join(data.path, 'SMS', 'Logs', 'inboxmgr.log'))).toBe(false);
  });

  it('serve starts the site components in worker threads and stops them when it stops', async () => {
    const child = spawn(process.execPath, ['scripts/serve.mjs', '--port', '0', '--data-dir', data.path, '--static-dir', web.path], {
      cwd: repoRoot,
      env: { ...process.env, COURIER_DATA_DIR: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const running = () => components.map((e) => [e.component, e.state]).sort();
      await expect.poll(running, { timeout: 60_000, interval: 100 }).toEqual([
        ['SMS_COLLECTION_EVALUATOR', 'running'],
        ['SMS_DISTRIBUTION_MANAGER', 'running'],
        ['SMS_DP_CONTENT_SERVICE', 'running'],
        ['SMS_INBOX_MANAGER', 'running'],
        ['SMS_MP_CONTROL_MANAGER', 'running'],
        ['SMS_OFFER_MANAGER', 'running'],
      ]);
      for (const event of components) expect(event.host).toMatch(new RegExp(`^worker thread \\d+ of process ${child.pid} on `));
      expect(leases()).toEqual([
        expect.objectContaining({ component: 'SMS_COLLECTION_EVALUATOR', pid: child.pid }),
        expect.objectContaining({ component: 'SMS_DISTRIBUTION_MANAGER', pid: child.pid }),
        expect.objectContaining({ component: 'SMS_DP_CONTENT_SERVICE', pid: child.pid }),
        expect.objectContaining({ component: 'SMS_INBOX_MANAGER', pid: child.pid }),
        expect.objectContaining({ component: 'SMS_MP_CONTROL_MANAGER', pid: child.pid }),
        expect.objectContaining({ component: 'SMS_OFFER_MANAGER', pid: child.pid }),
      ]);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    await expect.poll(() => components.map((e) => e.state).sort(), { timeout: 5_000 }).toEqual([...Array<string>(6).fill('running'), ...Array<string>(6).fill('stopped')]);
    expect(leases()).toEqual([]);
  }, 90_000);
});
