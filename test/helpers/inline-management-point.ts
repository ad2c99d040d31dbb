import { expect } from 'vitest';
import { startComponentRunner, type ComponentRunner, type Core } from '../../core';
import { createMpControlManager, mpControlName } from '../../core/components/mpcontrol';
import { value } from './api-result';

/**
 * SMS_MP_CONTROL_MANAGER alone, run inline by a real runner on the site `core` has open, on any
 * free port of 127.0.0.1: resolves once it listens, with its URL (`http://127.0.0.1:N/ccm/v1/`).
 */
export async function startInlineManagementPoint(core: Core, dataDir: string): Promise<{ runner: ComponentRunner; url: string }> {
  value(await core.client['management-point:update']({ changes: { port: 0 } }));
  const runner = startComponentRunner({ dataDir, components: [{ name: mpControlName, thread: 'inline' }], factories: { [mpControlName]: () => createMpControlManager() }, leaseMs: 2_000 });
  await expect.poll(async () => value(await core.client['management-point:status']({})).url ?? '', { timeout: 20_000, interval: 50 }).toMatch(/^http:/);
  return { runner, url: value(await core.client['management-point:status']({})).url! };
}
