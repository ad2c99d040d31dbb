import type { CourierClient } from './channels';
import type { EventChannel, EventOf } from './events';

/**
 * What the Electron preload exposes as `window.courier`, and what the browser transport
 * imitates: one async method per request channel (no generic invoke) plus event subscription.
 */
export interface CourierBridge {
  readonly requests: CourierClient;
  subscribe<E extends EventChannel>(channel: E, listener: (payload: EventOf<E>) => void): () => void;
  /**
   * Hears when the console may have missed events it cannot be given again (its event stream
   * was away longer than the site server keeps them): what it shows must be read again.
   * Transports that never drop (Electron IPC) leave it out.
   */
  onResync?(listener: () => void): () => void;
}
