import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  requestChannels,
  type AccessAccountsChangedEvent,
  type ApiResult,
  type PackageChangedEvent,
  type PackageDto,
  type ProgramChangedEvent,
} from '../../core/api';
import { createCore, type Core } from '../../core/core';
import { startHost, type RunningHost } from '../../core/host/start-host';
import { forwardEvents } from '../../electron/main/forward-events';
import { registerHandlers, type InvokeEventLike, type IpcMainLike } from '../../electron/main/register-handlers';
import { isConsoleUrl } from '../../electron/main/renderer-protocol';
import { buildBridge, type IpcRendererLike } from '../../electron/preload/build-bridge';
import { makeTempDir, type TempDir } from '../helpers/temp-dir';

/**
 * As the picture in the repository's architecture document (docs/) has it: every contract
 * request channel has a handler in every transport. The Electron side runs with plain objects
 * standing in for ipcMain, ipcRenderer and webContents, wired to each other the way Electron
 * wires them, over a real core.
 */
let data: TempDir;
let core: Core;

beforeAll(() => {
  data = makeTempDir();
  core = createCore({ dataDir: data.path });
});
afterAll(() => {
  core.close();
  data.remove();
});

type MainListener = (event: InvokeEventLike, payload: unknown) => Promise<ApiResult<unknown>>;
type RendererListener = (event: unknown, payload: unknown) => void;

/** ipcMain, one window's webContents and its ipcRenderer, connected like Electron connects them. */
function fakeElectronIpc() {
  const handlers = new Map<string, MainListener>();
  const rendererListeners = new Map<string, Set<RendererListener>>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const frame: InvokeEventLike = { senderFrame: { url: 'courier://console/index.html' } };
  const ipcRenderer: IpcRendererLike = {
    invoke: async (channel, payload) => {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return structuredClone(await handler(frame, structuredClone(payload)));
    },
    on: (channel, listener) => rendererListeners.set(channel, (rendererListeners.get(channel) ?? new Set()).add(listener)),
    removeListener: (channel, listener) => rendererListeners.get(channel)?.delete(listener),
  };
  const webContents = {
    isDestroyed: () => false,
    send: (channel: string, payload: unknown) => {
      for (const listener of rendererListeners.get(channel) ?? []) listener({}, structuredClone(payload));
    },
  };
  return { handlers, ipcMain, ipcRenderer, webContents };
}

describe('every contract request channel has a handler in every transport', () => {
  it('HTTP host: no channel answers UNKNOWN_CHANNEL', async () => {
    const web = makeTempDir('courier-web-');
    const host: RunningHost = await startHost({ core, port: 0, staticDir: web.path });
    try {
      for (const channel of requestChannels) {
        const response = await fetch(`${host.url}api/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
          body: '{}',
        });
        const result = (await response.json()) as ApiResult<unknown>;
        expect(result.ok ? 'ok' : result.error.code, channel).not.toBe('UNKNOWN_CHANNEL');
      }
    } finally {
      await host.close();
      web.remove();
    }
  });

  it('Electron main: exactly the contract channels are registered', () => {
    const { handlers, ipcMain } = fakeElectronIpc();
    registerHandlers(ipcMain, core, isConsoleUrl);
    expect([...handlers.keys()].sort()).toEqual([...requestChannels].sort());
  });

  it('Electron preload: exactly one function per contract channel, each reaching the core', async () => {
    const { ipcMain, ipcRenderer } = fakeElectronIpc();
    registerHandlers(ipcMain, core, isConsoleUrl);
    const bridge = buildBridge(ipcRenderer);
    expect(Object.keys(bridge.requests).sort()).toEqual([...requestChannels].sort());
    for (const channel of requestChannels) {
      const call = bridge.requests[channel] as (payload: unknown) => Promise<ApiResult<unknown>>;
      const result = await call({});
      expect(result.ok ? 'ok' : result.error.code, channel).not.toBe('UNKNOWN_CHANNEL');
    }
  });
});

describe('the Electron transport end to end (fake IPC, real core)', () => {
  it('creates a package through the bridge and pushes packages:changed to the window', async () => {
    const { ipcMain, ipcRenderer, webContents } = fakeElectronIpc();
    registerHandlers(ipcMain, core, isConsoleUrl);
    const stopForwarding = forwardEvents(core, () => [webContents]);
    const bridge = buildBridge(ipcRenderer);
    const seen: PackageChangedEvent[] = [];
    const unsubscribe = bridge.subscribe('packages:changed', (event) => seen.push(event));
    try {
      const created = await bridge.requests['packages:create']({ name: 'Through IPC' });
      expect(created.ok).toBe(true);
      const pkg = (created as { value: PackageDto }).value;
      expect(seen).toEqual([{ change: 'created', packageId: pkg.packageId, package: pkg }]);

      const refused = await bridge.requests['packages:create']({ name: '' });
      expect(!refused.ok && refused.error.code).toBe('VALIDATION_FAILED');
      expect(seen).toHaveLength(1);
    } finally {
      unsubscribe();
      stopForwarding();
    }
  });

  it('creates and renames a program and adds an access account through the bridge, pushing programs:changed and access-accounts:changed', async () => {
    const { ipcMain, ipcRenderer, webContents } = fakeElectronIpc();
    registerHandlers(ipcMain, core, isConsoleUrl);
    const stopForwarding = forwardEvents(core, () => [webContents]);
    const bridge = buildBridge(ipcRenderer);
    const programEvents: ProgramChangedEvent[] = [];
    const accountEvents: AccessAccountsChangedEvent[] = [];
    const unsubscribes = [
      bridge.subscribe('programs:changed', (event) => programEvents.push(event)),
      bridge.subscribe('access-accounts:changed', (event) => accountEvents.push(event)),
    ];
    try {
      const pkg = await bridge.requests['packages:create']({ name: 'Programs through IPC' });
      if (!pkg.ok) throw new Error(pkg.error.message);
      const { packageId } = pkg.value;
      const created = await bridge.requests['programs:create']({ packageId, program: { name: 'Install', commandLine: 'setup.exe' } });
      expect(created).toMatchObject({ ok: true, value: { kind: 'computer', programFlags: 0x08106000 } });
      const renamed = await bridge.requests['programs:update']({ packageId, programName: 'Install', changes: { name: 'Typical' } });
      expect(renamed).toMatchObject({ ok: true, value: { name: 'Typical' } });
      const refused = await bridge.requests['programs:update']({ packageId, programName: 'Typical', changes: { canRunWhen: 'noUserLoggedOn' } });
      expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'runMode' } });
      expect(programEvents.map((e) => [e.change, e.programName, e.previousName])).toEqual([
        ['created', 'Install', undefined],
        ['updated', 'Typical', 'Install'],
      ]);
      const added = await bridge.requests['access-accounts:add']({ packageId, account: { kind: 'generic', name: 'Guests' }, permission: 'read' });
      expect(added).toMatchObject({ ok: true, value: { userName: '["Display=Guests"]GENERIC:GROUP=Guests', access: 0x65 } });
      expect(accountEvents).toEqual([{ packageId }]);
    } finally {
      for (const unsubscribe of unsubscribes) unsubscribe();
      stopForwarding();
    }
  });
});
