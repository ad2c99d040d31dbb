import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from './cli-io';
import { main } from './main';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const template = join(repo, 'test', 'fixtures', 'package-definitions', 'template-empty-values.sms');
let dir = '';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), env: {}, cwd: repo };
  const code = await main(argv, io);
  return { code, out, err };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'courier-cli-files-'));
  writeFileSync(join(dir, 'a.txt'), 'payload');
  writeFileSync(
    join(dir, 'app.wxs'),
    `<?xml version="1.0" encoding="utf-8"?>
<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
  <Product Id="{66666666-2222-3333-4444-555555555555}" Name="CLI Product" Language="1033" Version="5.6.7" Manufacturer="CLI Maker" UpgradeCode="{EEEEEEEE-BBBB-CCCC-DDDD-EEEEEEEEEEEE}">
    <Package InstallerVersion="200" Compressed="yes"/>
    <Media Id="1" Cabinet="a.cab" EmbedCab="yes"/>
    <Directory Id="TARGETDIR" Name="SourceDir"><Directory Id="ProgramFilesFolder"><Directory Id="D" Name="D">
      <Component Id="C" Guid="{12345678-1234-1234-1234-123456789012}"><File Id="F" Name="a.txt" Source="a.txt"/></Component>
    </Directory></Directory></Directory>
    <Feature Id="All" Level="1"><ComponentRef Id="C"/></Feature>
  </Product>
</Wix>`,
  );
  execFileSync('wixl', ['-o', 'app.msi', 'app.wxs'], { cwd: dir });
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('courier pdf parse', () => {
  it('pdf and msi are listed in courier --help', async () => {
    const { out } = await run('--help');
    expect(out).toMatch(/pdf +read package definition files/);
    expect(out).toMatch(/msi +read Windows Installer files/);
  });

  it('--json prints the format, the package and the programs with their ProgramFlags (paths relative to the working directory)', async () => {
    const { code, out, err } = await run('pdf', 'parse', 'assets/package-definitions/courier-client-agent.sms', '--json');
    expect([code, err]).toEqual([0, '']);
    const parsed = JSON.parse(out) as { format: string; package: { name: string }; programs: { name: string; programFlags: number }[] };
    expect(parsed.format).toBe('2.0');
    expect(parsed.package.name).toBe('Courier Client Agent');
    expect(parsed.programs.map((p) => p.name)).toEqual(['Per-system unattended', 'Uninstall']);
    // UNATTENDED | ADMINRIGHTS | USEUNCPATH | HIDEWINDOW, and ANY_PLATFORM for Uninstall (no SupportedClients).
    expect(parsed.programs.map((p) => p.programFlags)).toEqual([0x0110a000, 0x0910a000]);
  });

  it('prints readable text without --json', async () => {
    const { code, out } = await run('pdf', 'parse', 'assets/package-definitions/courier-client-agent-sms1x.pdf');
    expect(code).toBe(0);
    for (const text of ['Package definition', '1.0 (SMS 1.x)', 'Program "Unattended install"', 'User input required:', 'ProgramFlags:', '0x08106000']) {
      expect(out).toContain(text);
    }
  });

  it('a refused file exits 1 with one line on stderr, and every problem in the JSON error', async () => {
    const text = await run('pdf', 'parse', template);
    expect(text.code).toBe(1);
    expect(text.err).toBe('courier: [Package Definition] Name (line 5): required, but empty (and 2 more problems)\n');
    const json = await run('pdf', 'parse', template, '--json');
    expect(json.code).toBe(1);
    const { error } = JSON.parse(json.out) as { error: { code: string; field: string; issues: { message: string }[] } };
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.field).toBe('[Package Definition].Name');
    expect(error.issues.map((i) => i.message)).toContain('[INSTALL] CommandLine (line 14): required, but empty');
  });

  it('an over-long Comment is read cut, with the warning in the text and in --json warnings', async () => {
    const file = join(dir, 'vendor.sms');
    writeFileSync(file, `[PDF]\nVersion=2.0\n[Package Definition]\nName=Vendor App\nPublisher=Vendor\nLanguage=EN\nComment=${'c'.repeat(197)}\nPrograms=Install\n[Install]\nName=Install\nCommandLine=setup.exe\n`);
    const warning = '[Package Definition] Comment (line 7): 197 characters; Courier keeps the first 127';
    const text = await run('pdf', 'parse', file);
    expect([text.code, text.err]).toEqual([0, '']);
    expect(text.out).toContain(`warning: ${warning}`);
    const json = await run('pdf', 'parse', file, '--json');
    const parsed = JSON.parse(json.out) as { package: { comment: string }; warnings: string[] };
    expect(parsed.warnings).toEqual([warning]);
    expect(parsed.package.comment).toBe('c'.repeat(127));
    const clean = JSON.parse((await run('pdf', 'parse', 'assets/package-definitions/courier-client-agent.sms', '--json')).out) as { warnings: string[] };
    expect(clean.warnings).toEqual([]);
  });

  it('a missing file exits 1 (NOT_FOUND); no file at all is a usage error (2)', async () => {
    const missing = await run('pdf', 'parse', 'nowhere.sms', '--json');
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.out)).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await run('pdf', 'parse')).code).toBe(2);
  });
});

describe('courier msi info', () => {
  it('--json prints the product properties of a real MSI', async () => {
    const { code, out } = await run('msi', 'info', join(dir, 'app.msi'), '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      productCode: '{66666666-2222-3333-4444-555555555555}',
      productName: 'CLI Product',
      productVersion: '5.6.7',
      manufacturer: 'CLI Maker',
      upgradeCode: '{EEEEEEEE-BBBB-CCCC-DDDD-EEEEEEEEEEEE}',
      productLanguage: '1033',
    });
  });

  it('prints readable text, and refuses a file that is not an MSI with exit 1', async () => {
    const text = await run('msi', 'info', join(dir, 'app.msi'));
    expect(text.out).toMatch(/Product name:\s+CLI Product/);
    const refused = await run('msi', 'info', join(dir, 'app.wxs'));
    expect(refused.code).toBe(1);
    expect(refused.err).toBe(`courier: ${join(dir, 'app.wxs')} is not a Windows Installer file: it is not an OLE compound file.\n`);
  });
});
