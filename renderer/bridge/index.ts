import type { CourierBridge } from '../../core/api';
import { createHttpBridge, readToken } from './http-transport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser console. */
    readonly courier?: CourierBridge;
  }
}

/**
 * The one place the renderer reaches the core: Electron's preload bridge, or HTTP in a browser.
 * Only the console window's entry point calls it; components get the bridge through
 * CourierProvider (client/courier-context.tsx).
 */
export function connectToSite(): CourierBridge {
  if (window.courier) return window.courier;
  return createHttpBridge(readToken(window.location, window.sessionStorage));
}
