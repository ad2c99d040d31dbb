import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheFolderOf, ClientConfigError, configPath, readClientConfig, writeClientConfig } from './client-config';

const dir = () => mkdtempSync(join(tmpdir(), 'courier-client-config-'));

describe('client configuration', () => {
  it('saves what it is given with the defaults, reads it back, and puts the cache in the client folder unless told', () => {
    const clientDir = dir();
    const saved = writeClientConfig(clientDir, { managementPoint: 'http://127.0.0.1:8530/', siteCode: 'a01' });
    expect(saved).toMatchObject({ siteCode: 'A01', cacheSizeMb: 5120 });
    expect(readClientConfig(clientDir)).toEqual(saved);
    expect(cacheFolderOf(clientDir, saved)).toBe(join(clientDir, 'cache'));
    expect(cacheFolderOf(clientDir, { ...saved, cacheFolder: 'elsewhere' })).toBe(join(clientDir, 'elsewhere'));
  });

  it('refuses each wrong field by name and writes nothing', () => {
    const clientDir = dir();
    for (const [input, field] of [
      [{ managementPoint: 'ftp://mp/', siteCode: 'A01' }, /managementPoint: the management point is an http/],
      [{ managementPoint: 'http://user:pw@mp/', siteCode: 'A01' }, /managementPoint/],
      [{ managementPoint: 'http://mp/', siteCode: 'A0' }, /siteCode: A site code is exactly three/],
      [{ managementPoint: 'http://mp/', siteCode: 'A01', cacheSizeMb: 0 }, /cacheSizeMb/],
      [{ managementPoint: 'http://mp/', siteCode: 'A01', session: { user: 'ann' } }, /session.user: a user is DOMAIN\\name/],
      [{ managementPoint: 'http://mp/', siteCode: 'A01', session: { user: 'CONTOSO\\ann\u0007' } }, /session.user/],
      [{ managementPoint: 'http://mp/', siteCode: 'A01', extra: 1 }, /the file: Unrecognized key/],
      [{ managementPoint: 'http://mp/', siteCode: 'A01', computerName: 'WKS\u0000' }, /computerName/],
      [{ managementPoint: 'http://mp/', siteCode: 'A01', computerName: '' }, /computerName/],
    ] as const) {
      expect(() => writeClientConfig(clientDir, input as never)).toThrow(field);
    }
    expect(() => readClientConfig(clientDir)).toThrow(/does not exist: run "courier-client configure/);
  });

  it('reads a hand-edited file with a clear error: not JSON, too big, not a file, wrong field', () => {
    const clientDir = dir();
    writeFileSync(configPath(clientDir), '{ "managementPoint": ');
    expect(() => readClientConfig(clientDir)).toThrow(/is not JSON/);
    writeFileSync(configPath(clientDir), `{"pad":"${'x'.repeat(70 * 1024)}"}`);
    expect(() => readClientConfig(clientDir)).toThrow(/larger than 64 KiB/);
    writeFileSync(configPath(clientDir), JSON.stringify({ managementPoint: 'http://mp/', siteCode: 'A01', cacheSizeMb: 'big' }));
    expect(() => readClientConfig(clientDir)).toThrow(ClientConfigError);
    expect(() => readClientConfig(clientDir)).toThrow(/cacheSizeMb/);
    const other = dir();
    mkdirSync(configPath(other));
    expect(() => readClientConfig(other)).toThrow(/is not a file/);
    expect(readFileSync(configPath(clientDir), 'utf8')).toContain('"big"');
  });
});
