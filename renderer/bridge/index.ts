import type { ApiErrorDto, ApiResult, CourierBridge, CourierClient } from '../../core/api';
import { createHttpBridge, readToken } from './http-transport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser console. */
    readonly courier?: CourierBridge;
  }
}

/** The one place the renderer reaches the core: Electron's preload bridge, or HTTP in a browser. */
function resolveBridge(): CourierBridge {
  if (window.courier) return window.courier;
  return createHttpBridge(readToken(window.location, window.sessionStorage));
}

export const bridge: CourierBridge = resolveBridge();
export const courier: CourierClient = bridge.requests;

/** Thrown by `unwrap` so UI code can catch one error type and show `error.message` inline. */
export class RequestFailed extends Error {
  constructor(readonly error: ApiErrorDto) {
    super(error.message);
    this.name = 'RequestFailed';
  }
}

export async function unwrap<T>(result: Promise<ApiResult<T>>): Promise<T> {
  const settled = await result;
  if (settled.ok) return settled.value;
  throw new RequestFailed(settled.error);
}
