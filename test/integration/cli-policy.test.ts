import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyDto } from '../../core/api';
import { runCli } from '../helpers/run-cli';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

let data: TempDir;
const site = () => join(data.path, 'site');
const courier = (...args: string[]) => runCli(['--data-dir', site(), ...args]);

beforeAll(async () => {
  data = makeTempDir('courier-cli-policy-');
  for (const args of [
    ['package', 'create', '--name', 'Office'],
    ['program', 'create', 'A0100001', '--name', 'Typical', '--command-line', 'setup.exe'],
    ['resource', 'add', 'LAB-PC01'],
    ['collection', 'create', '--name', 'Sites'], // A0100010
    ['collection', 'create', '--name', 'Lab', '--parent', 'A0100010', '--direct', 'LAB-PC01'], // A0100011
    ['collection', 'update-membership', 'A0100010', '--subcollections'],
    ['advertisement', 'create', '--name', 'Down the tree', '--package', 'A0100001', '--program', 'Typical', '--collection', 'A0100010', '--mandatory', 'asap'],
    ['advertisement', 'create', '--name', 'Sites only', '--package', 'A0100001', '--program', 'Typical', '--collection', 'A0100010', '--no-subcollections'],
  ]) {
    const run = await courier(...args);
    expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
  }
});
afterAll(() => data.remove());

describe('courier policy show', () => {
  it('prints what a resource receives, by name in any case or by ID, as JSON and as a table', async () => {
    const [byName, table] = await Promise.all([courier('policy', 'show', '--resource', 'lab-pc01', '--json'), courier('policy', 'show', '--resource', 'LAB-PC01')]);
    expect(byName.code).toBe(0);
    const shown = JSON.parse(byName.stdout) as PolicyDto;
    expect(shown.advertisements.map((a) => [a.advertisement.advertisementId, a.advertisement.options.mandatory])).toEqual([['A0120000', true]]);
    expect(shown.advertisements[0]?.reasons.map((r) => [r.path.map((p) => p.collectionId), r.rule.description])).toEqual([[['A0100010', 'A0100011'], 'direct rule LAB-PC01']]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/A0120000\s+Down the tree\s+A0100001 \/ Typical\s+Sites \(A0100010\) > Lab \(A0100011\)\s+direct rule LAB-PC01\s+\S+\s+yes/);
    expect(table.stdout).not.toMatch(/A0120001/);

    const byId = await courier('policy', 'show', '--resource', String(shown.resourceId), '--json');
    expect((JSON.parse(byId.stdout) as PolicyDto).advertisements.map((a) => a.advertisement.advertisementId)).toEqual(['A0120000']);
  });

  it('refuses a resource the site does not have with exit status 1', async () => {
    const run = await courier('policy', 'show', '--resource', 'NO-SUCH-PC');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/There is no resource named NO-SUCH-PC at this site/);
  });
});
