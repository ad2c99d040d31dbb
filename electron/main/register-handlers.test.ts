import { describe, expect, it, vi } from 'vitest';
import { requestChannels, type ApiResult } from '../../core/api';
import { registerHandlers, type InvokeEventLike, type IpcMainLike } from './register-handlers';
import { isConsoleUrl } from './renderer-protocol';

type Listener = (event: InvokeEventLike, payload: unknown) => Promise<ApiResult<unknown>>;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipc: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => handlers.delete(channel),
  };
  return { ipc, handlers };
}

const fromConsole: InvokeEventLike = { senderFrame: { url: 'courier://console/index.html' } };

describe('registerHandlers', () => {
  it('registers exactly one handler per contract request channel', () => {
    const { ipc, handlers } = fakeIpcMain();
    registerHandlers(ipc, { invoke: vi.fn() }, isConsoleUrl);
    expect([...handlers.keys()].sort()).toEqual([...requestChannels].sort());
  });

  it('passes each request to the core under its own channel', async () => {
    const { ipc, handlers } = fakeIpcMain();
    const invoke = vi.fn(async (channel: string) => ({ ok: true as const, value: channel }));
    registerHandlers(ipc, { invoke }, isConsoleUrl);
    for (const channel of requestChannels) {
      await expect(handlers.get(channel)!(fromConsole, { some: 'payload' })).resolves.toEqual({ ok: true, value: channel });
      expect(invoke).toHaveBeenLastCalledWith(channel, { some: 'payload' });
    }
  });

  it('refuses requests from frames that are not the console', async () => {
    const { ipc, handlers } = fakeIpcMain();
    const invoke = vi.fn();
    registerHandlers(ipc, { invoke }, isConsoleUrl);
    for (const event of [{ senderFrame: { url: 'https://evil.example/' } }, { senderFrame: { url: 'file:///etc/passwd' } }, { senderFrame: null }]) {
      const result = await handlers.get('packages:create')!(event, { name: 'x' });
      expect(!result.ok && result.error.code).toBe('FORBIDDEN');
    }
    expect(invoke).not.toHaveBeenCalled();
  });

  it('undoes its registration', () => {
    const { ipc, handlers } = fakeIpcMain();
    registerHandlers(ipc, { invoke: vi.fn() }, isConsoleUrl)();
    expect(handlers.size).toBe(0);
  });
});
