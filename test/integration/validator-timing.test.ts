import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as api from '../../core/api';
import { createCore, type Core } from '../../core/core';
import { families, timeFamilies, unboundedLength, type SlowCase } from '../helpers/adversarial-strings';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';
import { hasObjectRules, stringLeaves, withValueAt } from '../helpers/zod-strings';

/**
 * No validator may take super-linear time: a path pattern that backtracked made 44 characters
 * block the whole site server for minutes. Every pattern, schema and string function the contract
 * exports is timed on adversarial strings up to its field's longest accepted length and a little
 * beyond, and so is every path field of every request through the real core (which adds the
 * site server's own path checks). Generous bound: linear work on a few KB takes well under 1 ms.
 */
const boundMs = 50;

function report(slow: readonly SlowCase[]): string {
  return slow
    .slice(0, 20)
    .map((s) => `${s.what}: ${s.ms} ms on ${s.input}`)
    .join('\n');
}

const exported = Object.entries(api) as [string, unknown][];
const patterns = exported.filter((entry): entry is [string, RegExp] => entry[1] instanceof RegExp);
const schemas = exported.filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType);
const functions = exported.filter(
  (entry): entry is [string, (...args: unknown[]) => unknown] => typeof entry[1] === 'function' && !/^class\b/.test(Function.prototype.toString.call(entry[1])),
);

/** Patterns and functions have no field of their own: they get the longest any field accepts. */
const longestField = Math.max(...schemas.flatMap(([, schema]) => stringLeaves(schema).map((leaf) => leaf.maxLength)).filter((n) => n < unboundedLength));

const packageSample = {
  ...api.packageDefaults,
  name: 'Viewer',
  containsSourceFiles: true,
  sourceDirectory: '/srv/sources/viewer',
  dataAccess: 'shareFolder',
  shareFolder: '\\\\dp01\\viewer',
  mifMatching: 'customFields',
} as const;
const computerProgramSample = { ...api.computerProgramDefaults, name: 'Typical', commandLine: 'setup.exe /q' };
const deviceProgramSample = { ...api.deviceProgramDefaults, name: 'Device', commandLine: 'setup.exe' };

/**
 * Valid values for the schemas that check the object as a whole, so those rules run too: a schema
 * with such rules and no sample fails the test below until one is added here.
 */
const samples: Record<string, readonly unknown[]> = {
  packageSettingsSchema: [packageSample],
  packageImportSchema: [
    { source: { kind: 'file', path: '/srv/app.sms' }, sourceFiles: 'direct', sourceDirectory: '/srv/sources/app' },
    { source: { kind: 'builtIn', id: 'courier-client-agent.sms' }, sourceFiles: 'none', sourceDirectory: '' },
  ],
  computerProgramSettingsSchema: [computerProgramSample],
  deviceProgramSettingsSchema: [deviceProgramSample],
  // A sort with its own cursor and an exclusive end, so the cursor's check against the sort and the range's run too.
  statusMessageQuerySchema: [
    {
      since: '2026-12-01',
      before: '2026-12-02T08:00:00Z',
      siteCode: 'A01',
      packageId: 'A0100001',
      distributionPoint: '\\\\DP01\\',
      text: 'distributed',
      sort: { column: 'machine', direction: 'asc' },
      cursor: api.encodeStatusCursor({ column: 'machine', direction: 'asc' }, { value: 'WKS00001', time: 1764547200000, recordId: 42 }),
    },
  ],
  recurringScheduleSchema: [{ start: '2026-11-26T22:00', every: 1, unit: 'days' }],
  intervalScheduleSchema: [{ type: 'interval', token: '1033BC7B10100010', start: '2019-11-19T01:04', daySpan: 2 }],
  scheduleSchema: [{ type: 'interval', token: '1033BC7B10100010', start: '2019-11-19T01:04', daySpan: 2 }],
  scheduleNextSchema: [{ schedules: [{ type: 'interval', start: '2019-11-19T01:04', daySpan: 2 }], after: '2026-12-02T13:00:00Z', count: 5 }],
  dpCreateSchema: [
    { name: 'DP01', volumes: [{ letter: 'D', path: '/srv/dp01/d' }], protected: true, boundaries: [{ kind: 'ipSubnet', value: '10.1.0.0/16' }] },
    { name: 'DP02', serverShare: '\\\\files\\dist', shareProvider: 'samba', sambaConf: '/etc/samba/smb.conf' },
  ],
  deploymentPlanSchema: [
    {
      package: { kind: 'new', package: packageSample },
      program: { kind: 'new', program: computerProgramSample },
      distributionPoints: ['DP01'],
      groups: ['West'],
      advertisement: {
        target: { kind: 'newCollection', collection: { name: 'Two computers', rules: [{ kind: 'direct', resourceId: 16777217 }] } },
        advertisementName: 'Contoso Tool - Typical',
        presentTime: '2026-12-02T15:00',
        expirationTime: '2027-01-02T15:00',
        assignedTime: '2026-12-03T22:00',
      },
    },
  ],
  packageDistributeSchema: [{ packageId: 'A0100001', distributionPoints: ['DP01'], groups: ['West'] }],
  packageListPageSchema: [{ sort: 'name', direction: 'descending', after: { value: 'Office', packageId: 'A0100001' }, limit: 200 }],
  resourceIdSchema: [16777217],
  collectionRemoveRuleSchema: [
    { collectionId: 'A0100010', ruleName: 'PC0001' },
    { collectionId: 'A0100010', resourceId: 16777217 },
  ],
  siteBoundaryCreateSchema: [{ kind: 'ipSubnet', value: '10.1.0.0/16', description: 'HQ', connection: 'slow' }, { kind: 'adSite', value: 'Branch' }],
  advertisementListSchema: [{ packageId: 'A0100001', programName: 'Typical', collectionId: 'A0100010' }],
  maintenanceWindowQuerySchema: [{ resourceId: 16777217, after: '2026-12-02T00:00:00Z', before: '2026-12-09T00:00:00Z', count: 5 }],
  logReadSchema: [{ names: ['distmgr.log', 'smsprov.log'], cursor: 'distmgr.log*1*0*1/smsprov.log*2*0*1', limit: 100 }],
  logTailSchema: [{ names: ['distmgr.log', 'distmgr.lo_'], limit: 10 }],
  logParseTextSchema: [{ name: 'execmgr.log', text: '<![LOG[x]LOG]!>' }],
  statusMessageHistogramQuerySchema: [{ since: '2026-12-01', before: '2026-12-02T08:00:00Z', siteCode: 'A01', packageId: 'A0100001', bucket: 'hour', utcOffsetMinutes: 60 }],
  statusQueryCriteriaSchema: [{ component: 'SMS_DISTRIBUTION_MANAGER', severity: 'error', time: { kind: 'last', amount: 24, unit: 'hours' }, prompts: ['packageId', 'machine'] }],
};

/** Inside a sample the whole object is parsed per string, so fewer families: the ones path and name rules meet. */
const sampleFamilies = families({ prefixes: ['', '\\\\srv\\share', 'C:\\', '/'], fills: ['\\', '/', 'a', '.', 'a\\', '\\.'], suffixes: ['"', '\0'] });

describe('every validator the contract exports runs in linear time', () => {
  it('finds the patterns, schemas and functions it times', () => {
    expect(schemas.map(([name]) => name)).toEqual(expect.arrayContaining(['packageSettingsSchema', 'sourceCheckSchema', 'folderListSchema', 'siteInitSchema']));
    expect(functions.length).toBeGreaterThan(5);
    const missing = schemas.filter(([name, schema]) => hasObjectRules(schema) && !(name in samples)).map(([name]) => name);
    expect(missing, 'add a valid sample for these schemas so their object rules are timed').toEqual([]);
  });

  it('every exported pattern', async () => {
    const slow: SlowCase[] = [];
    for (const [name, pattern] of patterns) {
      slow.push(...(await timeFamilies(name, longestField, (input) => pattern.test(input), { boundMs })));
    }
    expect(slow, report(slow)).toEqual([]);
  });

  it('every exported function, given strings', async () => {
    const slow: SlowCase[] = [];
    for (const [name, fn] of functions) {
      slow.push(
        ...(await timeFamilies(
          name,
          longestField,
          (input) => {
            try {
              fn(input, input);
            } catch {
              // Functions that want another argument throw at once; only the time matters here.
            }
          },
          { boundMs },
        )),
      );
    }
    expect(slow, report(slow)).toEqual([]);
  });

  it('every string field of every exported schema, alone and inside a valid sample', async () => {
    const slow: SlowCase[] = [];
    const timedLeaves = new Set<z.ZodType>();
    for (const [name, schema] of schemas) {
      for (const leaf of stringLeaves(schema)) {
        // A field shared by several schemas (the package fields in create, update and settings) is timed once alone.
        if (!timedLeaves.has(leaf.schema)) {
          timedLeaves.add(leaf.schema);
          slow.push(...(await timeFamilies(`${name}.${leaf.path.join('.')}`, leaf.maxLength, (input) => leaf.schema.safeParse(input), { boundMs })));
        }
        for (const sample of samples[name] ?? []) {
          if (withValueAt(sample, leaf.path, '') === null) continue;
          slow.push(
            ...(await timeFamilies(`${name} with ${leaf.path.join('.')}`, leaf.maxLength, (input) => schema.safeParse(withValueAt(sample, leaf.path, input)), {
              boundMs,
              families: sampleFamilies,
            })),
          );
        }
      }
    }
    expect(slow, report(slow)).toEqual([]);
  }, 300_000);
});

describe('every path field of every request runs in linear time through the core', () => {
  let data: TempDir;
  let core: Core;
  /** A valid payload per channel, so the services' own checks run, not only the schema. */
  let requestSamples: Partial<Record<api.RequestChannel, readonly unknown[]>> = {};
  beforeAll(async () => {
    data = makeTempDir();
    core = createCore({ dataDir: join(data.path, 'site') });
    const sources = join(data.path, 'sources');
    mkdirSync(sources);
    // A package and a program to update, so an update reaches the checks after "does it exist".
    const pkg = { ...packageSample, sourceDirectory: sources, dataAccess: 'commonShare', shareFolder: '' } as const;
    const created = await core.client['packages:create'](pkg);
    if (!created.ok) throw new Error(created.error.message);
    const program = await core.client['programs:create']({ packageId: created.value.packageId, program: computerProgramSample });
    if (!program.ok) throw new Error(program.error.message);
    const packageId = created.value.packageId;
    requestSamples = {
      'packages:create': [{ ...packageSample, sourceDirectory: sources }],
      'packages:update': [{ packageId, changes: { ...packageSample, sourceDirectory: sources } }],
      'files:list-folders': [{ path: sources }],
      'files:list': [{ path: sources, extensions: ['.msi'] }],
      'files:check-source': [{ path: sources }],
      'files:msi-info': [{ path: join(sources, 'app.msi') }],
      'programs:create': [{ packageId, program: computerProgramSample }],
      'programs:update': [{ packageId, programName: 'Typical', changes: computerProgramSample }],
      'programs:create-device': [{ packageId, program: deviceProgramSample }],
      'definitions:inspect': [{ source: { kind: 'file', path: join(sources, 'app.sms') } }],
      'deployments:preview': [{ package: { kind: 'new', package: { ...packageSample, sourceDirectory: sources } }, program: { kind: 'new', program: computerProgramSample } }],
      'deployments:run': [{ package: { kind: 'new', package: { ...packageSample, sourceDirectory: sources } }, program: { kind: 'new', program: computerProgramSample } }],
      'packages:import': [
        { source: { kind: 'file', path: join(sources, 'app.sms') }, sourceFiles: 'direct', sourceDirectory: sources },
        { source: { kind: 'builtIn', id: 'courier-client-agent.sms' }, sourceFiles: 'none', sourceDirectory: '' },
      ],
      'site:path-mappings:set': [{ uncPrefix: '\\\\fs01\\sources', localPath: sources }],
      'site:path-mappings:remove': [{ uncPrefix: '\\\\fs01\\sources' }],
      'site:source-roots:set': [{ limitBrowsing: false, roots: [sources] }],
      'distribution-points:create': [
        { name: 'DP01', volumes: [{ letter: 'D', path: sources }] },
        { name: 'DP02', serverShare: '\\\\files\\dist', shareProvider: 'samba', sambaConf: join(sources, 'app.sms') },
      ],
      'distribution-points:update': [{ name: 'DP01', changes: { volumes: [{ letter: 'D', path: sources }], shareProvider: 'samba', sambaConf: join(sources, 'app.sms') } }],
      'components:set': [{ component: 'distmgr', changes: { storedPackagesLocation: sources } }],
      'resources:import': [{ path: join(sources, 'systems.csv'), resourceType: 'system' }],
    };
  });
  afterAll(() => {
    core.close();
    data.remove();
  });

  const pathLike = /path|directory|folder|share|prefix|root/i;
  const pathFamilies = families({ prefixes: ['\\\\srv\\share', 'C:\\', '/'], fills: ['\\', '/', '.', 'a\\'], suffixes: ['"'] });

  it('names a sample for every request with a path field', () => {
    const withPaths = api.requestChannels.filter((channel) => stringLeaves(api.requestSchemas[channel]).some((leaf) => leaf.path.some((key) => pathLike.test(String(key)))));
    expect(withPaths.filter((channel) => requestSamples[channel] === undefined)).toEqual([]);
  });

  it('every path field', async () => {
    const slow: SlowCase[] = [];
    for (const channel of api.requestChannels) {
      for (const leaf of stringLeaves(api.requestSchemas[channel])) {
        if (!leaf.path.some((key) => pathLike.test(String(key)))) continue;
        for (const sample of requestSamples[channel] ?? []) {
          if (withValueAt(sample, leaf.path, '') === null) continue;
          slow.push(
            ...(await timeFamilies(`${channel} ${leaf.path.join('.')}`, leaf.maxLength, (input) => core.invoke(channel, withValueAt(sample, leaf.path, input)), {
              boundMs,
              families: pathFamilies,
            })),
          );
        }
      }
    }
    expect(slow, report(slow)).toEqual([]);
  }, 300_000);
});
