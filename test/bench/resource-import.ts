// npm run bench:resources [-- --rows N]
// A CSV file of N systems (default 100,000) with every SMS_R_System column Courier imports,
// imported through the core (read, parse, check each row, one transaction, All Systems
// evaluated), then imported again (every row an update), then a collection limited to All
// Systems with a direct rule, then Update Collection Membership of All Systems.
import { writeFileSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../../core/core';
import { value } from '../helpers/api-result';
import { makeTempDir } from '../helpers/temp-dir';

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const parsed = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${name} takes a whole number.`);
  return parsed;
}

const rows = argument('rows', 100_000);
const temp = makeTempDir('courier-bench-resources-');
const hex = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, '0');

function writeCsv(path: string): void {
  const lines = ['Name,SMSUniqueIdentifier,ResourceDomainORWorkgroup,OperatingSystemNameandVersion,Platform,IPAddresses,IPSubnets,ADSiteName,SystemOUName,LastLogonUserName,Client,ClientVersion,SMSAssignedSites'];
  for (let i = 0; i < rows; i++) {
    const a = (i >> 8) & 255;
    const b = i & 255;
    lines.push(
      [
        `PC${String(i).padStart(6, '0')}`,
        `GUID:${hex(i, 8)}-1111-2222-3333-444455556666`,
        'CONTOSO',
        i % 3 === 0 ? 'Microsoft Windows NT Workstation 5.1' : 'Microsoft Windows NT Workstation 6.1',
        i % 2 === 0 ? 'x64' : 'I386',
        `10.${a}.${b}.10;10.${a}.${b}.11`,
        `10.${a}.${b}.0`,
        'Redmond',
        '"CONTOSO.COM/WORKSTATIONS;CONTOSO.COM/WORKSTATIONS/SALES"',
        `user${i % 5000}`,
        '1',
        '4.00.6487.2000',
        'A01',
      ].join(','),
    );
  }
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  console.log(`${label.padEnd(44)} ${((performance.now() - started) / 1000).toFixed(2)} s`);
  return result;
}

async function main(): Promise<void> {
  console.log(`${rows} systems; ${cpus().length} CPUs, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const file = join(temp.path, 'systems.csv');
  writeCsv(file);
  console.log(`CSV file: ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB`);
  const core = createCore({ dataDir: join(temp.path, 'site') });
  try {
    const first = await timed('import (all new)', async () => value(await core.client['resources:import']({ path: file })));
    if (first.created !== rows) throw new Error(`expected ${rows} created, got ${first.created}`);
    const second = await timed('import again (all updates)', async () => value(await core.client['resources:import']({ path: file })));
    if (second.updated !== rows) throw new Error(`expected ${rows} updated, got ${second.updated}`);
    const limited = await timed('create a collection limited to All Systems', async () =>
      value(await core.client['collections:create']({ name: 'Pilot', limitToCollectionId: 'SMS00001', rules: [{ kind: 'direct', resourceId: 16777217 }] })),
    );
    if (limited.memberCount !== 1) throw new Error('the limited collection should have one member');
    const updates = await timed('Update Collection Membership (All Systems)', async () => value(await core.client['collections:update-membership']({ collectionId: 'SMS00001' })));
    if (updates[0]?.memberCount !== rows) throw new Error('All Systems should hold every system');
    await timed('list every resource', async () => value(await core.client['resources:list']({})).length);
  } finally {
    core.close();
    temp.remove();
  }
}

void main();
