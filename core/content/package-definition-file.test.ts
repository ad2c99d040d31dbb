import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
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

describe('special files are refused before they are opened', () => {
  const fifo = () => {
    const path = join(dir, `pipe-${Math.random().toString(36).slice(2)}`);
    execFileSync('mkfifo', [path]);
    return path;
  };

  it('a named pipe, also behind a symbolic link and under an .msi or .sms name, at once', async () => {
    const pipe = fifo();
    const link = join(dir, 'link-to-pipe.msi');
    symlinkSync(pipe, link);
    for (const path of [pipe, link]) {
      const started = performance.now();
      const msi = await refusal(readMsiFile(path));
      expect([msi.code, msi.message]).toEqual(['VALIDATION_FAILED', `${path} is a named pipe (FIFO), not a regular file; choose a Windows Installer file.`]);
      const definition = await refusal(readPackageDefinitionFile(path));
      expect(definition.message).toBe(`${path} is a named pipe (FIFO), not a regular file; choose a package definition file.`);
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });

  it('devices such as /dev/zero, which would never end', async () => {
    expect((await refusal(readMsiFile('/dev/zero'))).message).toBe('/dev/zero is a character device, not a regular file; choose a Windows Installer file.');
    expect((await refusal(readPackageDefinitionFile('/dev/zero'))).message).toMatch(/character device/);
  });

  it('a socket', async () => {
    const path = join(dir, 'courier.sock');
    const server = createServer().listen(path);
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      expect((await refusal(readPackageDefinitionFile(path))).message).toMatch(/is a socket, not a regular file/);
    } finally {
      server.close();
    }
  });

  it('files of /proc and /sys, which hold live process state (a secret in an environment, for one)', async () => {
    for (const path of ['/proc/self/environ', '/proc/self/status', '/sys/kernel/mm/transparent_hugepage/enabled']) {
      if (!existsSync(path)) continue;
      const error = await refusal(readPackageDefinitionFile(path));
      expect([error.code, error.message]).toEqual(['VALIDATION_FAILED', expect.stringMatching(/is on the kernel's (proc|sysfs) file system, which holds live system state, not files/)]);
    }
  });

  it('a relative path, which would be read against the working directory', async () => {
    expect((await refusal(readMsiFile('package.json'))).message).toMatch(/"package.json" is a relative path; give the full path/);
  });
});
