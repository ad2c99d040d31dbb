import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDataDir } from './data-dir';

describe('data directory', () => {
  it('follows Electron userData for "Courier" on each platform', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'win32')).toBe(join('C:\\Users\\ann\\AppData\\Roaming', 'Courier'));
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/ann/.config' }, 'linux')).toBe('/home/ann/.config/Courier');
    expect(defaultDataDir({}, 'darwin')).toMatch(/Library\/Application Support\/Courier$/);
  });

  it('prefers --data-dir, then COURIER_DATA_DIR, then the default', () => {
    expect(resolveDataDir('/srv/site', { COURIER_DATA_DIR: '/env/site' })).toBe('/srv/site');
    expect(resolveDataDir(undefined, { COURIER_DATA_DIR: '/env/site' })).toBe('/env/site');
    expect(resolveDataDir('  ', { XDG_CONFIG_HOME: '/x' })).toBe(process.platform === 'linux' ? '/x/Courier' : defaultDataDir({ XDG_CONFIG_HOME: '/x' }));
    expect(resolveDataDir('relative/site', {})).toBe(resolve('relative/site'));
  });
});
