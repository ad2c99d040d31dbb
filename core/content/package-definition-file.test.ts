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

  it('refuses an MSI over 1 GiB by its size, without reading it', async () => {
    const big = join(dir, 'big.msi');
    writeFileSync(big, '');
    truncateSync(big, 1024 * 1024 * 1024 + 1);
    const error = await refusal(readMsiFile(big));
    expect(error.message).toMatch(/is 1073741825 bytes; a Windows Installer file is at most 1073741824 bytes/);
  });

  it('a missing file is NOT_FOUND, a folder is refused', async () => {
    expect((await refusal(readPackageDefinitionFile(join(dir, 'none.sms')))).code).toBe('NOT_FOUND');
    const folder = await refusal(readMsiFile(dir));
    expect([folder.code, folder.message]).toEqual(['VALIDATION_FAILED', `${dir} is a folder; choose a Windows Installer file.`]);
  });
});
