import { requestChannels, type ApiResult } from '../../core/api';
import type { Core } from '../../core';

/** What registerHandlers needs of Electron's ipcMain; tests pass a plain object. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, payload: unknown) => Promise<ApiResult<unknown>>): void;
  removeHandler(channel: string): void;
}

export interface InvokeEventLike {
  readonly senderFrame: { readonly url: string } | null;
}

const untrusted: ApiResult<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'Only the Courier console may send requests to the site.' },
};

/**
 * One handler per contract request channel, each bound to its own channel name, so nothing
 * outside the contract can be invoked. A request is answered only for frames showing the
 * console itself (not, say, a page that navigation somehow let in). Returns the undo.
 */
export function registerHandlers(
  ipc: IpcMainLike,
  core: Pick<Core, 'invoke'>,
  isTrustedSender: (frameUrl: string) => boolean,
): () => void {
  for (const channel of requestChannels) {
    ipc.handle(channel, async (event, payload) => {
      const frameUrl = event.senderFrame?.url;
      if (frameUrl === undefined || !isTrustedSender(frameUrl)) return untrusted;
      return core.invoke(channel, payload);
    });
  }
  return () => {
    for (const channel of requestChannels) ipc.removeHandler(channel);
  };
}
