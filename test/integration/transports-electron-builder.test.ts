import { readFileSync, statSync } from 'node:fs';
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

interface FileSet {
  from: string;
  to: string;
}
type Config = Record<string, unknown> & {
  files: string[];
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
  win: { executableName: string; target: { target: string; arch: string[] }[]; extraFiles: FileSet[] };
  nsis: Record<string, unknown>;
  linux: { executableName: string; target: { target: string }[]; extraFiles: FileSet[] };
  directories: { output: string };
};
const repoFile = (path: string): URL => new URL(`../../${path}`, import.meta.url);
const config = yaml.load(readFileSync(repoFile('electron-builder.yml'), 'utf8')) as Config;
const manifest = JSON.parse(readFileSync(repoFile('package.json'), 'utf8')) as { main: string; dependencies: Record<string, string> };
// Where the launchers find the CLI bundle: unpacked, because Electron's Node mode runs real files.
const unpackedBundle = 'resources/app.asar.unpacked/dist/cli/courier.cjs';

describe('electron-builder.yml', () => {
  it("passes electron-builder's own validation", async () => {
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is rejected by that validation when wrong (the check bites)', async () => {
    const broken = { ...structuredClone(config), nsis: { ...config.nsis, oneClik: false } };
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(/configuration/);
  });

  it('packages the bundles, the console, the CLI and an unpacked better-sqlite3 rebuilt for Electron', () => {
    expect(config).toMatchObject({ appId: 'org.courier.console', productName: 'Courier', npmRebuild: true, directories: { output: 'release' } });
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**/*', 'dist/renderer/**/*', 'dist/cli/**/*', 'package.json']));
    // The CLI runs outside the archive, so it, what it serves and what it loads are real files.
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['dist/cli/**/*', 'dist/renderer/**/*', 'node_modules/better-sqlite3/**/*', 'node_modules/bindings/**/*']));
  });

  it('ships only better-sqlite3 unbundled: everything else the bundles use is inside them', () => {
    expect(Object.keys(manifest.dependencies)).toEqual(['better-sqlite3']);
  });

  it('keeps the runAsNode fuse on, which the launchers need', () => {
    expect(config.electronFuses).toMatchObject({ runAsNode: true });
  });

  it('puts courier.cmd in bin\\ on Windows: the app\'s Electron in Node mode on the unpacked bundle', () => {
    expect(config.win.extraFiles).toEqual([{ from: 'bin/launchers/courier.cmd', to: 'bin/courier.cmd' }]);
    const launcher = readFileSync(repoFile('bin/launchers/courier.cmd'), 'utf8');
    // cmd.exe wants CRLF line ends (.gitattributes keeps them).
    expect(launcher.replaceAll('\r\n', '')).not.toContain('\n');
    expect(launcher).toContain('set ELECTRON_RUN_AS_NODE=1\r\n');
    expect(launcher).toContain(`"%~dp0..\\${config.win.executableName}.exe" "%~dp0..\\${unpackedBundle.replaceAll('/', '\\')}" %*\r\n`);
    expect(launcher).toMatch(/exit \/b %ERRORLEVEL%\r\n$/);
  });

  it('puts an executable bin/courier in the Linux app folder that does the same', () => {
    expect(config.linux.extraFiles).toEqual([{ from: 'bin/launchers/courier', to: 'bin/courier' }]);
    const launcher = repoFile('bin/launchers/courier');
    expect(statSync(launcher).mode & 0o111).toBe(0o111);
    const text = readFileSync(launcher, 'utf8');
    expect(text).not.toContain('\r');
    expect(text).toContain('ELECTRON_RUN_AS_NODE=1\n');
    expect(text).toContain(`exec "$app_dir/${config.linux.executableName}" "$app_dir/${unpackedBundle}" "$@"\n`);
  });

  it('builds an NSIS installer that asks where to install, and an AppImage', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ oneClick: false, allowToChangeInstallationDirectory: true });
    expect(config.linux.target.map((t) => t.target)).toEqual(['AppImage']);
  });

  it('points main at the bundle build-electron.mjs writes', () => {
    expect(manifest.main).toBe('dist/electron/main.cjs');
  });
});
