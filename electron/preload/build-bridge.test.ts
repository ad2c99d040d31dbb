import { describe, expect, it, vi } from 'vitest';
import { requestChannels, type EventChannel } from '../../core/api';
import { buildBridge, type IpcRendererLike } from './build-bridge';

type Relay = (event: unknown, payload: unknown) => void;

function fakeIpcRenderer() {
  const listeners = new Map<string, Set<Relay>>();
  const ipc = {
    invoke: vi.fn(async (channel: string, payload: unknown) => ({ ok: true, value: { channel, payload } })),
    on: (channel: string, listener: Relay) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
    removeListener: (channel: string, listener: Relay) => listeners.get(channel)?.delete(listener),
  } satisfies IpcRendererLike;
  const emit = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: 'ipc internals' }, payload);
  };
  return { ipc, emit, listeners };
}

describe('buildBridge', () => {
  it('has exactly one function per contract request channel, and nothing generic', () => {
    const bridge = buildBridge(fakeIpcRenderer().ipc);
    expect(Object.keys(bridge).sort()).toEqual(['requests', 'subscribe']);
    expect(Object.keys(bridge.requests).sort()).toEqual([...requestChannels].sort());
    for (const fn of Object.values(bridge.requests)) expect(typeof fn).toBe('function');
  });

  it('sends each request on its own fixed channel', async () => {
    const { ipc } = fakeIpcRenderer();
    const bridge = buildBridge(ipc);
    for (const channel of requestChannels) {
      const call = bridge.requests[channel] as (payload: unknown) => Promise<unknown>;
      await expect(call({ x: 1 })).resolves.toEqual({ ok: true, value: { channel, payload: { x: 1 } } });
    }
    expect(ipc.invoke).toHaveBeenCalledTimes(requestChannels.length);
  });

  it('cannot be changed by the page', () => {
    const bridge = buildBridge(fakeIpcRenderer().ipc);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.isFrozen(bridge.requests)).toBe(true);
  });

  it('subscribes to contract events, hands over the payload alone, and unsubscribes', () => {
    const { ipc, emit, listeners } = fakeIpcRenderer();
    const bridge = buildBridge(ipc);
    const listener = vi.fn();
    const unsubscribe = bridge.subscribe('packages:changed', listener);
    emit('packages:changed', { change: 'deleted', packageId: 'A0100001', package: null });
    expect(listener).toHaveBeenCalledWith({ change: 'deleted', packageId: 'A0100001', package: null });
    expect(listener.mock.calls[0]).toHaveLength(1);
    unsubscribe();
    expect(listeners.get('packages:changed')?.size).toBe(0);
  });

  it('refuses to subscribe to anything outside the contract', () => {
    const { ipc, listeners } = fakeIpcRenderer();
    const bridge = buildBridge(ipc);
    expect(() => bridge.subscribe('packages:create' as EventChannel, vi.fn())).toThrow(/no event channel/);
    expect(listeners.size).toBe(0);
  });
});
