import { eventChannels } from '../../core/api';
import type { Core } from '../../core';

/** What forwardEvents needs of a window's webContents. */
export interface EventTarget {
  send(channel: string, payload: unknown): void;
  isDestroyed(): boolean;
}

/**
 * Pushes every contract event to every open window under the event's own channel name, the
 * one the preload's subscribe() listens on. Returns the undo.
 */
export function forwardEvents(core: Pick<Core, 'on'>, targets: () => Iterable<EventTarget>): () => void {
  const unsubscribes = eventChannels.map((channel) =>
    core.on(channel, (payload) => {
      for (const target of targets()) {
        if (!target.isDestroyed()) target.send(channel, payload);
      }
    }),
  );
  return () => {
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}
