import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackageDto, ProgramDto } from '../../core/api';
import { buildMsi } from '../helpers/build-msi';
import { runCli } from '../helpers/run-cli';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

let data: TempDir;
const courier = (...args: string[]) => runCli(['--data-dir', join(data.path, 'site'), ...args]);
const fixtures = resolve(import.meta.dirname, '../fixtures/package-definitions');

beforeAll(() => {
  data = makeTempDir('courier-cli-import-');
});
afterAll(() => data.remove());

describe('courier package import', () => {
  it('imports an MSI from its own folder and prints the new package; its programs are there', async () => {
    const folder = join(data.path, 'viewer');
    mkdirSync(folder);
    const msi = buildMsi(folder, 'viewer.msi', { productCode: '{11111111-2222-3333-4444-555555555555}', name: 'Contoso Viewer', version: '3.1.4', manufacturer: 'Contoso Ltd' });
    const run = await courier('package', 'import', msi, '--json');
    expect(run.code).toBe(0);
    const created = JSON.parse(run.stdout) as PackageDto;
    expect(created).toMatchObject({ packageId: 'A0100001', name: 'Contoso Viewer', sourceDirectory: folder, pkgSourceFlag: 2 });
    const programs = JSON.parse((await courier('program', 'list', 'A0100001', '--json')).stdout) as ProgramDto[];
    expect(programs).toHaveLength(6);
  });

  it('refuses a definition with empty required values with exit 1, the error as JSON, and no package', async () => {
    const run = await courier('package', 'import', join(fixtures, 'template-empty-values.sms'), '--no-source', '--json');
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('[Package Definition] Name (line 5)') } });
    const list = JSON.parse((await courier('package', 'list', '--json')).stdout) as PackageDto[];
    expect(list.map((p) => p.name)).toEqual(['Contoso Viewer']);
  });

  it('asks where the files are when a definition does not say', async () => {
    const run = await courier('package', 'import', join(fixtures, 'sms1x-minimal.pdf'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--source DIR.*--no-source/);
  });
});
