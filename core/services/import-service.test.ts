import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProgramFlags, type ProgramDto } from '../api';
import { createCore, type Core } from '../core';
import { buildMsi } from '../../test/helpers/build-msi';
import { makeTempDir, type TempDir } from '../../test/helpers/temp-dir';

const fixtures = resolve(import.meta.dirname, '../../test/fixtures/package-definitions');
let temp: TempDir;
let core: Core;

beforeEach(() => {
  temp = makeTempDir('courier-import-');
  core = createCore({ dataDir: join(temp.path, 'site') });
});
afterEach(() => {
  core.close();
  temp.remove();
});

async function packageCount(): Promise<number> {
  const list = await core.client['packages:list']({});
  if (!list.ok) throw new Error(list.error.message);
  return list.value.length;
}

function writeDefinition(name: string, text: string): string {
  const path = join(temp.path, name);
  writeFileSync(path, text.replace(/\n/g, '\r\n'));
  return path;
}

describe('built-in package definitions', () => {
  it('lists the definitions Courier ships', async () => {
    const list = await core.client['definitions:list']({});
    expect(list).toMatchObject({ ok: true, value: expect.arrayContaining([expect.objectContaining({ id: 'courier-client-agent.sms', name: 'Courier Client Agent', format: '2.0', programCount: 2 })]) });
  });

  it('creates the client agent package with its programs, flags and default access accounts', async () => {
    const imported = await core.client['packages:import']({ source: { kind: 'builtIn', id: 'courier-client-agent.sms' }, sourceFiles: 'none' });
    if (!imported.ok) throw new Error(imported.error.message);
    const { package: pkg, programs } = imported.value;
    expect(pkg).toMatchObject({ packageId: 'A0100001', name: 'Courier Client Agent', publisher: 'Courier Project', containsSourceFiles: false, mifMatching: 'customFields', mifName: 'Courier Client Agent' });
    expect(programs.map((p) => p.name)).toEqual(['Per-system unattended', 'Uninstall']);
    const install = programs[0] as ProgramDto & { kind: 'computer' };
    expect(install).toMatchObject({ canRunWhen: 'whetherOrNot', runMode: 'adminRights', run: 'hidden', anyPlatform: false });
    expect(install.programFlags & ProgramFlags.ADMINRIGHTS).toBe(ProgramFlags.ADMINRIGHTS);
    expect(install.programFlags & ProgramFlags.HIDEWINDOW).toBe(ProgramFlags.HIDEWINDOW);
    const accounts = await core.client['access-accounts:list']({ packageId: pkg.packageId });
    if (!accounts.ok) throw new Error(accounts.error.message);
    expect(accounts.value.map((a) => `${a.accountName}=${a.permission}`).sort()).toEqual(['Administrators=fullControl', 'Users=read']);
  });
});

describe('definition files', () => {
  it('previews a file before anything is created', async () => {
    const preview = await core.client['definitions:inspect']({ source: { kind: 'file', path: join(fixtures, 'sms1x-minimal.pdf') } });
    expect(preview).toMatchObject({ ok: true, value: { format: '1.0', package: { name: 'Example', version: '1.0' }, programs: [{ name: 'Typical', commandLine: 'Setup.exe' }], msi: null } });
    expect(await packageCount()).toBe(0);
  });

  it('imports a definition whose program runs another first, with the source files from a directory', async () => {
    const source = join(temp.path, 'viewer-source');
    mkdirSync(source);
    const path = writeDefinition(
      'viewer.sms',
      `[PDF]\nVersion = 2.0\n[Package Definition]\nName=Contoso Viewer\nVersion=3.1\nPublisher=Contoso\nLanguage=English\nPrograms=Install,Prepare\n\n[Install]\nName=Install\nCommandLine=setup.exe /s\nDependentProgram=Prepare\n\n[Prepare]\nName=Prepare\nCommandLine=prep.cmd\n`,
    );
    const imported = await core.client['packages:import']({ source: { kind: 'file', path }, sourceFiles: 'compressed', sourceDirectory: source });
    if (!imported.ok) throw new Error(imported.error.message);
    expect(imported.value.package).toMatchObject({ containsSourceFiles: true, sourceDirectory: source, sourceOption: 'compressed', pkgSourceFlag: 3 });
    // The program to run first is created first, and the reference points into the new package.
    expect(imported.value.programs.map((p) => p.name)).toEqual(['Prepare', 'Install']);
    expect(imported.value.programs[1]).toMatchObject({ runFirst: { packageId: 'A0100001', programName: 'Prepare' }, dependentProgram: ';;Prepare' });
  });

  it('refuses the real template with empty required values, naming section, key and line, and creates nothing', async () => {
    const result = await core.client['packages:import']({ source: { kind: 'file', path: join(fixtures, 'template-empty-values.sms') }, sourceFiles: 'none' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/\[Package Definition\] Name \(line 5\)/) } });
    expect(await packageCount()).toBe(0);
  });

  it('creates nothing when one program cannot be created: no half-made package, no orphan programs', async () => {
    const path = writeDefinition(
      'clash.sms',
      `[PDF]\nVersion=2.0\n[Package Definition]\nName=Clash\nPublisher=Contoso\nLanguage=English\nPrograms=Install,INSTALL2\n\n[Install]\nName=Install\nCommandLine=a.exe\n\n[INSTALL2]\nName=INSTALL\nCommandLine=b.exe\n`,
    );
    const result = await core.client['packages:import']({ source: { kind: 'file', path }, sourceFiles: 'none' });
    expect(result).toMatchObject({ ok: false });
    expect(await packageCount()).toBe(0);
    // The ID was not spent either: the transaction rolled the counter back with the rest.
    expect(await core.client['packages:create']({ name: 'Next' })).toMatchObject({ ok: true, value: { packageId: 'A0100001' } });
  });

  it('refuses a missing source directory before creating anything', async () => {
    const result = await core.client['packages:import']({ source: { kind: 'builtIn', id: 'courier-client-agent.sms' }, sourceFiles: 'direct', sourceDirectory: join(temp.path, 'nowhere') });
    expect(result).toMatchObject({ ok: false, error: { code: 'SOURCE_NOT_FOUND', field: 'sourceDirectory' } });
    expect(await core.client['packages:import']({ source: { kind: 'builtIn', id: 'courier-client-agent.sms' }, sourceFiles: 'direct' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', field: 'sourceDirectory' },
    });
    expect(await packageCount()).toBe(0);
  });

  it('imports an over-long optional value cut, with the warning in the preview and in the result', async () => {
    const comment = `${'c'.repeat(126)}😀 and more`;
    const path = writeDefinition('vendor.sms', `[PDF]\nVersion=2.0\n[Package Definition]\nName=Vendor App\nPublisher=Vendor\nLanguage=EN\nComment=${comment}\nPrograms=Install\n[Install]\nName=Install\nCommandLine=setup.exe\n`);
    const warning = `[Package Definition] Comment (line 7): ${comment.length} characters; Courier keeps the first 127`;
    expect(await core.client['definitions:inspect']({ source: { kind: 'file', path } })).toMatchObject({ ok: true, value: { warnings: [warning], package: { comment: 'c'.repeat(126) } } });
    const imported = await core.client['packages:import']({ source: { kind: 'file', path }, sourceFiles: 'none' });
    if (!imported.ok) throw new Error(imported.error.message);
    // The emoji would have been cut in half at 127 units: it is left out whole.
    expect(imported.value.package.comment).toBe('c'.repeat(126));
    expect(imported.value.warnings).toEqual([warning]);
  });

  it('never echoes a file that is not a package definition', async () => {
    const secret = 'hunter2-7c1e9a';
    for (const [name, text] of [
      ['secrets.ini', `[PDF]\nVersion=${secret}\n[Package Definition]\nName=${secret}\n`],
      ['app.conf', `[Package Definition]\nVersion=${secret}\nPrograms=${secret}\n`],
      ['.env', `VERSION=${secret}\n`],
    ] as const) {
      const result = await core.client['definitions:inspect']({ source: { kind: 'file', path: writeDefinition(name, text) } });
      expect(result.ok).toBe(false);
      expect(JSON.stringify(result)).not.toContain(secret);
    }
  });

  it('answers a missing file and an unknown built-in with NOT_FOUND', async () => {
    expect(await core.client['definitions:inspect']({ source: { kind: 'file', path: join(temp.path, 'none.sms') } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await core.client['definitions:inspect']({ source: { kind: 'builtIn', id: 'nope.sms' } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('MSI files', () => {
  const product = { productCode: '{11111111-2222-3333-4444-555555555555}', name: 'Contoso Viewer', version: '3.1.4', manufacturer: 'Contoso Ltd', language: '1033' };

  it('imports an MSI as a package with the six programs an admin expects, each with its product code', async () => {
    const folder = join(temp.path, 'msi-source');
    mkdirSync(folder);
    const path = buildMsi(folder, 'viewer.msi', product);
    const preview = await core.client['definitions:inspect']({ source: { kind: 'file', path } });
    expect(preview).toMatchObject({ ok: true, value: { format: 'msi', suggestedSourceDirectory: folder, msi: { productCode: product.productCode, productName: 'Contoso Viewer' } } });

    const imported = await core.client['packages:import']({ source: { kind: 'file', path }, sourceFiles: 'direct', sourceDirectory: folder });
    if (!imported.ok) throw new Error(imported.error.message);
    expect(imported.value.package).toMatchObject({ name: 'Contoso Viewer', version: '3.1.4', publisher: 'Contoso Ltd', language: 'English', sourceDirectory: folder });
    const programs = Object.fromEntries(imported.value.programs.map((p) => [p.name, p]));
    expect(Object.keys(programs)).toEqual(['Per-system attended', 'Per-system unattended', 'Per-system uninstall', 'Per-user attended', 'Per-user unattended', 'Per-user uninstall']);
    expect(programs['Per-system unattended']).toMatchObject({ commandLine: 'msiexec /i "viewer.msi" /q ALLUSERS=1', canRunWhen: 'whetherOrNot', runMode: 'adminRights', msiFilePath: 'viewer.msi', msiProductCode: product.productCode });
    expect(programs['Per-system uninstall']).toMatchObject({ commandLine: `msiexec /x ${product.productCode} /q` });
    expect(programs['Per-user attended']).toMatchObject({ commandLine: 'msiexec /i "viewer.msi"', canRunWhen: 'userLoggedOn', runMode: 'userRights', allowUserInteraction: true });
    expect(programs['Per-user unattended']).toMatchObject({ commandLine: 'msiexec /i "viewer.msi" /q', runMode: 'userRights' });
  });

  it('imports an MSI on a UNC path through Path Mappings, keeping the UNC paths in the package', async () => {
    const mount = join(temp.path, 'mnt', 'apps');
    mkdirSync(join(mount, 'Viewer'), { recursive: true });
    buildMsi(join(mount, 'Viewer'), 'viewer.msi', product);
    await core.client['site:path-mappings:set']({ uncPrefix: '\\\\fs01\\apps', localPath: mount });
    const path = '\\\\fs01\\apps\\Viewer\\viewer.msi';
    const preview = await core.client['definitions:inspect']({ source: { kind: 'file', path } });
    expect(preview).toMatchObject({ ok: true, value: { format: 'msi', suggestedSourceDirectory: '\\\\fs01\\apps\\Viewer', msi: { productCode: product.productCode } } });
    const imported = await core.client['packages:import']({ source: { kind: 'file', path }, sourceFiles: 'direct', sourceDirectory: '\\\\fs01\\apps\\Viewer' });
    if (!imported.ok) throw new Error(imported.error.message);
    expect(imported.value.package.sourceDirectory).toBe('\\\\fs01\\apps\\Viewer');
    expect(imported.value.programs[0]).toMatchObject({ msiFilePath: 'viewer.msi' });
  });

  it('reads an MSI for the Windows Installer page of a program', async () => {
    const path = buildMsi(temp.path, 'viewer.msi', product);
    expect(await core.client['files:msi-info']({ path })).toEqual({
      ok: true,
      value: { productCode: product.productCode, productName: 'Contoso Viewer', productVersion: '3.1.4', manufacturer: 'Contoso Ltd', upgradeCode: '{AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE}', productLanguage: '1033' },
    });
  });

  it('an MSI whose product name is longer than a package name is imported cut, with a warning', async () => {
    const folder = join(temp.path, 'long-name');
    mkdirSync(folder);
    const name = `Contoso Viewer ${'Professional '.repeat(4)}Edition`;
    const path = buildMsi(folder, 'long.msi', { ...product, name });
    const imported = await core.client['packages:import']({ source: { kind: 'file', path }, sourceFiles: 'none' });
    if (!imported.ok) throw new Error(imported.error.message);
    expect(imported.value.package.name).toBe(name.slice(0, 50));
    expect(imported.value.warnings).toEqual([`ProductName: ${name.length} characters; the package's name keeps the first 50.`]);
  });

  it('refuses a truncated MSI and creates nothing', async () => {
    const folder = join(temp.path, 'broken');
    mkdirSync(folder);
    const path = buildMsi(folder, 'viewer.msi', product);
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, 1500));
    const result = await core.client['packages:import']({ source: { kind: 'file', path }, sourceFiles: 'none' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await packageCount()).toBe(0);
  });
});
