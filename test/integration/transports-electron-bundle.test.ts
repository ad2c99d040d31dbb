import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { compileFunction } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { requestChannels, type ApiResult, type CourierBridge } from '../../core/api';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

/**
 * The Electron binary cannot run here, so the real bundles (dist/electron/*.cjs as
 * build-electron.mjs makes them) are run against a stand-in for the 'electron' module.
 * What Electron would do with the calls is its business; that main and preload make the
 * right calls is ours.
 */
const repoRoot = new URL('../..', import.meta.url);
const repoRequire = createRequire(new URL('package.json', repoRoot));

let out: TempDir;
let data: TempDir;

beforeAll(async () => {
  out = makeTempDir('courier-electron-');
  data = makeTempDir('courier-electron-data-');
  const script = new URL('scripts/build-electron.mjs', repoRoot).href;
  const { buildElectron } = (await import(script)) as { buildElectron: (options: { outDir: string }) => Promise<void> };
  await buildElectron({ outDir: join(out.path, 'electron') });
  // main.cjs serves ../renderer next to itself; its component worker finds better-sqlite3 in
  // ../node_modules, as in the packaged app.
  mkdirSync(join(out.path, 'renderer'));
  symlinkSync(new URL('node_modules', repoRoot), join(out.path, 'node_modules'), 'dir');
  writeFileSync(join(out.path, 'renderer', 'index.html'), '<!doctype html><title>Courier</title>');
}, 60_000);

afterAll(() => {
  out.remove();
  data.remove();
});

/** Runs a CommonJS bundle with `electron` replaced; other modules come from the repository. */
function runBundle(file: string, electron: unknown, allowOthers: boolean): void {
  const code = readFileSync(file, 'utf8');
  const run = compileFunction(code, ['exports', 'require', 'module', '__filename', '__dirname'], { filename: file });
  const module = { exports: {} };
  const require = (id: string): unknown => {
    if (id === 'electron') return electron;
    if (!allowOthers) throw new Error(`A sandboxed preload cannot require '${id}'.`);
    return repoRequire(id);
  };
  run(module.exports, require, module, file, join(file, '..'));
}

describe('dist/electron/preload.cjs', () => {
  it('exposes window.courier with one function per channel, requiring only electron', () => {
    const exposed = new Map<string, unknown>();
    const ipcRenderer = { invoke: vi.fn(async () => ({ ok: true, value: null })), on: vi.fn(), removeListener: vi.fn() };
    runBundle(join(out.path, 'electron', 'preload.cjs'), { contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) }, ipcRenderer }, false);

    expect([...exposed.keys()]).toEqual(['courier']);
    const bridge = exposed.get('courier') as CourierBridge;
    expect(Object.keys(bridge.requests).sort()).toEqual([...requestChannels].sort());
    void bridge.requests['packages:list']({});
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('packages:list', {});
  });
});

describe('dist/electron/main.cjs', () => {
  type Handler = (event: unknown, payload: unknown) => Promise<ApiResult<unknown>>;
  const handlers = new Map<string, Handler>();
  const appEvents = new Map<string, (...args: unknown[]) => void>();
  const windows: { options: Record<string, unknown>; url?: string }[] = [];
  let protocolHandler: ((request: Request) => Promise<Response>) | undefined;
  const privileged: unknown[] = [];

  // main.cjs starts in app.whenReady().then(…): the test goes on once that start has ended, with
  // the console window loading (its last step) or with the app exiting (a failed start).
  let startEnded: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (startEnded = resolve));

  class FakeWindow {
    readonly webContents = { send: vi.fn(), isDestroyed: () => false };
    private readonly record: { options: Record<string, unknown>; url?: string };
    constructor(options: Record<string, unknown>) {
      this.record = { options };
      windows.push(this.record);
    }
    static getAllWindows = () => [];
    once() {}
    show() {}
    loadURL(url: string) {
      this.record.url = url;
      startEnded();
      return Promise.resolve();
    }
  }

  const electron = {
    app: {
      isPackaged: false,
      getPath: (name: string) => (name === 'userData' ? data.path : '/nonexistent'),
      getVersion: () => '0.0.0-test',
      whenReady: () => Promise.resolve(),
      on: (event: string, listener: (...args: unknown[]) => void) => appEvents.set(event, listener),
      quit: vi.fn(),
      exit: vi.fn(() => startEnded()),
    },
    BrowserWindow: FakeWindow,
    ipcMain: { handle: (channel: string, handler: Handler) => handlers.set(channel, handler), removeHandler: vi.fn() },
    dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn() },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => privileged.push(...schemes),
      handle: (_scheme: string, handler: (request: Request) => Promise<Response>) => (protocolHandler = handler),
    },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: vi.fn() },
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
      },
    },
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: (template: unknown) => template },
  };

  beforeAll(async () => {
    const saved = process.env.COURIER_DATA_DIR;
    delete process.env.COURIER_DATA_DIR;
    try {
      runBundle(join(out.path, 'electron', 'main.cjs'), electron, true);
      await started;
    } finally {
      if (saved !== undefined) process.env.COURIER_DATA_DIR = saved;
    }
  });

  afterAll(async () => {
    // The first will-quit waits for the site components, then quits again; the second closes the site.
    const event = { preventDefault: vi.fn() };
    appEvents.get('will-quit')?.(event);
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalled(), { timeout: 20_000 });
    appEvents.get('will-quit')?.({ preventDefault: vi.fn() });
  }, 30_000);

  it('starts the site components in worker threads of its bundled component worker', async () => {
    const log = join(data.path, 'SMS', 'Logs', 'inboxmgr.log');
    await vi.waitFor(() => expect(existsSync(log) && readFileSync(log, 'utf8')).toMatch(/^SMS_INBOX_MANAGER started in the worker thread \d+ of process/), {
      timeout: 30_000,
      interval: 100,
    });
  }, 40_000);

  it('registers exactly the contract request channels', () => {
    expect(electron.dialog.showErrorBox).not.toHaveBeenCalled();
    expect([...handlers.keys()].sort()).toEqual([...requestChannels].sort());
  });

  it('answers the console, from the data directory in userData, and refuses other frames', async () => {
    const created = await handlers.get('packages:create')!({ senderFrame: { url: 'courier://console/index.html' } }, { name: 'From main' });
    expect(created.ok).toBe(true);
    const site = await handlers.get('site:info')!({ senderFrame: { url: 'courier://console/' } }, {});
    expect(site.ok && (site.value as { dataDir: string }).dataDir).toBe(data.path);
    const foreign = await handlers.get('packages:list')!({ senderFrame: { url: 'https://evil.example/' } }, {});
    expect(!foreign.ok && foreign.error.code).toBe('FORBIDDEN');
  });

  it('opens the console window locked down, from courier://console/', () => {
    expect(windows).toHaveLength(1);
    expect(windows[0]!.url).toBe('courier://console/index.html');
    expect(windows[0]!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: join(out.path, 'electron', 'preload.cjs'),
    });
  });

  it('serves the renderer build with the CSP, and nothing outside it', async () => {
    expect(privileged).toEqual([expect.objectContaining({ scheme: 'courier' })]);
    const index = await protocolHandler!(new Request('courier://console/'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await index.text()).toContain('<title>Courier</title>');
    const escape = await protocolHandler!(new Request('courier://console/%2e%2e/electron/main.cjs'));
    expect(escape.status).toBe(404);
  });

  it('keeps every window on the console: no navigation away, no new windows but the log viewer', () => {
    const listeners = new Map<string, (event: { preventDefault: () => void }, url?: string) => void>();
    type OpenAnswer = { action: string; overrideBrowserWindowOptions?: { webPreferences?: Record<string, unknown> } };
    let openHandler: ((details: { url: string }) => OpenAnswer) | undefined;
    const contents = {
      on: (event: string, listener: (event: { preventDefault: () => void }, url?: string) => void) => listeners.set(event, listener),
      setWindowOpenHandler: (handler: (details: { url: string }) => OpenAnswer) => (openHandler = handler),
    };
    appEvents.get('web-contents-created')!({}, contents);

    const away = { preventDefault: vi.fn() };
    listeners.get('will-navigate')!(away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();
    const within = { preventDefault: vi.fn() };
    listeners.get('will-navigate')!(within, 'courier://console/index.html#packages');
    expect(within.preventDefault).not.toHaveBeenCalled();
    expect(openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(openHandler!({ url: 'courier://console/index.html' })).toEqual({ action: 'deny' });
    const viewer = openHandler!({ url: 'courier://console/log-viewer.html?log=distmgr.log' });
    expect(viewer.action).toBe('allow');
    expect(viewer.overrideBrowserWindowOptions?.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, preload: join(out.path, 'electron', 'preload.cjs') });
  });
});
