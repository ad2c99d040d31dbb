import type { ApiResult, CourierBridge, CourierClient, EventChannel, EventOf, RequestChannel } from '../../core/api';
// Value imports come from zod-free files so the sandboxed preload bundle stays small.
import { requestChannelNames as requestChannels } from '../../core/api/channel-names';
import { isEventChannel } from '../../core/api/events';

/** What the bridge needs of Electron's ipcRenderer; tests pass a plain object. */
export interface IpcRendererLike {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

/**
 * `window.courier`: one function per contract request channel, each with its channel name
 * fixed, so the page cannot reach any other IPC channel; and subscribe() for contract events
 * only. Listeners get the payload alone, never Electron's event object (it holds the sender).
 */
export function buildBridge(ipc: IpcRendererLike): CourierBridge {
  const request = (channel: RequestChannel) => (payload: unknown) => ipc.invoke(channel, payload) as Promise<ApiResult<unknown>>;
  const requests = Object.freeze(Object.fromEntries(requestChannels.map((channel) => [channel, request(channel)]))) as unknown as CourierClient;

  return Object.freeze({
    requests,
    subscribe<E extends EventChannel>(channel: E, listener: (payload: EventOf<E>) => void): () => void {
      if (!isEventChannel(channel)) throw new Error(`There is no event channel named "${String(channel)}".`);
      if (typeof listener !== 'function') throw new Error('subscribe() needs a listener function.');
      const relay = (_event: unknown, payload: unknown): void => listener(payload as EventOf<E>);
      ipc.on(channel, relay);
      return () => {
        ipc.removeListener(channel, relay);
      };
    },
  });
}
