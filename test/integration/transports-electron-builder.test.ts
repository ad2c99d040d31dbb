import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/**
 * electron-builder cannot package here (it downloads Electron), but its own schema check runs
 * offline, so the configuration is at least one it accepts. js-yaml and app-builder-lib are
 * what electron-builder itself loads the file with.
 */
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));
const yaml = fromBuilder('js-yaml') as { load: (text: string) => unknown };
const { validateConfiguration } = fromBuilder('app-builder-lib/out/util/config/config') as {
  validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
};
const { DebugLogger } = fromBuilder('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

type Config = Record<string, unknown> & {
  files: string[];
  asarUnpack: string[];
  win: { target: { target: string; arch: string[] }[] };
  nsis: Record<string, unknown>;
  linux: { target: { target: string }[] };
  directories: { output: string };
};
const config = yaml.load(readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8')) as Config;

describe('electron-builder.yml', () => {
  it("passes electron-builder's own validation", async () => {
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is rejected by that validation when wrong (the check bites)', async () => {
    const broken = { ...structuredClone(config), nsis: { ...config.nsis, oneClik: false } };
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(/configuration/);
  });

  it('packages the bundles, the console and an unpacked better-sqlite3 rebuilt for Electron', () => {
    expect(config).toMatchObject({ appId: 'org.courier.console', productName: 'Courier', npmRebuild: true, directories: { output: 'release' } });
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**/*', 'dist/renderer/**/*', 'package.json']));
    expect(config.asarUnpack.some((pattern) => pattern.includes('better-sqlite3') && pattern.endsWith('.node'))).toBe(true);
  });

  it('builds an NSIS installer that asks where to install, and an AppImage', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ oneClick: false, allowToChangeInstallationDirectory: true });
    expect(config.linux.target.map((t) => t.target)).toEqual(['AppImage']);
  });

  it('points main at the bundle build-electron.mjs writes', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { main: string };
    expect(manifest.main).toBe('dist/electron/main.cjs');
  });
});
