import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourierError } from '../api';
import { readMsiFile, readPackageDefinitionFile } from './package-definition-file';

const asset = fileURLToPath(new URL('../../assets/package-definitions/courier-client-agent.sms', import.meta.url));
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'courier-pdf-file-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function refusal(read: Promise<unknown>): Promise<CourierError> {
  const error = await read.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CourierError);
  return error as CourierError;
}

describe('reading definition and MSI files from disk', () => {
  it('reads and parses a definition file', async () => {
    copyFileSync(asset, join(dir, 'agent.sms'));
    expect((await readPackageDefinitionFile(join(dir, 'agent.sms'))).package.name).toBe('Courier Client Agent');
  });

  it('refuses a 50 MB file by its size, without reading it', async () => {
    const big = join(dir, 'big.sms');
    writeFileSync(big, '');
    truncateSync(big, 50 * 1024 * 1024); // sparse: nothing to read, only the size
    const started = performance.now();
    const error = await refusal(readPackageDefinitionFile(big));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe(`${big} is 52428800 bytes; a package definition file is at most 1048576 bytes.`);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('refuses an MSI over 2 GiB by its size, without reading it', async () => {
    const big = join(dir, 'big.msi');
    writeFileSync(big, '');
    truncateSync(big, 2 * 1024 * 1024 * 1024 + 1);
    const error = await refusal(readMsiFile(big));
    expect(error.message).toMatch(/is 2147483649 bytes; a Windows Installer file is at most 2147483648 bytes/);
  });

  it('reads a 1.5 GB MSI by its tables only, at once', async () => {
    writeFileSync(join(dir, 'a.txt'), 'payload');
    writeFileSync(
      join(dir, 'app.wxs'),
      `<?xml version="1.0" encoding="utf-8"?>
<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
  <Product Id="{77777777-2222-3333-4444-555555555555}" Name="Large" Language="1033" Version="1.0.0" Manufacturer="Big" UpgradeCode="{EEEEEEEE-BBBB-CCCC-DDDD-EEEEEEEEEEEE}">
    <Package InstallerVersion="200" Compressed="yes"/>
    <Media Id="1" Cabinet="a.cab" EmbedCab="yes"/>
    <Directory Id="TARGETDIR" Name="SourceDir"><Directory Id="ProgramFilesFolder"><Directory Id="D" Name="D">
      <Component Id="C" Guid="{12345678-1234-1234-1234-123456789012}"><File Id="F" Name="a.txt" Source="a.txt"/></Component>
    </Directory></Directory></Directory>
    <Feature Id="All" Level="1"><ComponentRef Id="C"/></Feature>
  </Product>
</Wix>`,
    );
    execFileSync('wixl', ['-o', 'large.msi', 'app.wxs'], { cwd: dir });
    // Free sectors after the end, as an installer with a big embedded cabinet has used sectors there.
    truncateSync(join(dir, 'large.msi'), 1536 * 1024 * 1024);
    const started = performance.now();
    expect(await readMsiFile(join(dir, 'large.msi'))).toMatchObject({ productName: 'Large', productCode: '{77777777-2222-3333-4444-555555555555}' });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a missing file is NOT_FOUND, a folder is refused', async () => {
    expect((await refusal(readPackageDefinitionFile(join(dir, 'none.sms')))).code).toBe('NOT_FOUND');
    const folder = await refusal(readMsiFile(dir));
    expect([folder.code, folder.message]).toEqual(['VALIDATION_FAILED', `${dir} is a folder; choose a Windows Installer file.`]);
  });
});
