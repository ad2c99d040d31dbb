import type { EventChannel, EventOf } from '../api';

type Listener = (payload: never) => void;

/** Fan-out of core events to every transport that listens (IPC windows, SSE clients). */
export class EventHub {
  private readonly listeners = new Map<EventChannel, Set<Listener>>();

  on<E extends EventChannel>(channel: E, listener: (payload: EventOf<E>) => void): () => void {
    const set = this.listeners.get(channel) ?? new Set<Listener>();
    set.add(listener as Listener);
    this.listeners.set(channel, set);
    return () => set.delete(listener as Listener);
  }

  emit<E extends EventChannel>(channel: E, payload: EventOf<E>): void {
    for (const listener of this.listeners.get(channel) ?? []) {
      try {
        (listener as (payload: EventOf<E>) => void)(payload);
      } catch {
        // One broken listener (a closed window) must not stop the others.
      }
    }
  }
}
