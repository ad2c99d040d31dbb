import { randomBytes } from 'node:crypto';
import type { Core } from '../core';
import { eventChannels } from '../api';

/** One event as the stream writes it: its id (`<epoch>.<sequence>`) and its `data:` JSON. */
export interface JournalEntry {
  readonly id: string;
  readonly seq: number;
  readonly at: number;
  readonly data: string;
}

/** What a console that reconnects with the id of the last event it heard gets. */
export type Catchup =
  /** Every event since, to send before the live ones. */
  | { readonly kind: 'replay'; readonly entries: readonly JournalEntry[] }
  /** Events it missed are no longer kept (or came from an earlier run of the host): it must read again what it shows. */
  | { readonly kind: 'resync' };

export interface EventJournalOptions {
  /** Events kept; a distribution in progress sends a few a second, so this is minutes of a busy site. */
  readonly capacity?: number;
  /** Events older than this are not replayed: a console away that long reads its views again. */
  readonly maxAgeMs?: number;
  readonly now?: () => number;
}

/**
 * The recent events a host sent, so a browser console whose event stream dropped (a laptop that
 * slept, a proxy that cut an idle connection, a restarted Wi-Fi) hears on reconnect what it missed.
 * EventSource sends the id of the last event it received as `Last-Event-ID` when it reconnects
 * (the WHATWG server-sent events model); an id from another epoch, or older than the journal,
 * asks the console to read its views again instead. The Electron window's IPC does not drop.
 */
export class EventJournal {
  /** Differs on every start of the host, so an id from an earlier run is never taken for one of this run. */
  readonly epoch = randomBytes(6).toString('hex');
  private readonly capacity: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;
  private readonly entries: JournalEntry[] = [];
  private readonly listeners = new Set<(entry: JournalEntry) => void>();
  private seq = 0;
  private readonly stops: (() => void)[];

  constructor(core: Pick<Core, 'on'>, options: EventJournalOptions = {}) {
    this.capacity = options.capacity ?? 5_000;
    this.maxAgeMs = options.maxAgeMs ?? 15 * 60_000;
    this.now = options.now ?? Date.now;
    this.stops = eventChannels.map((channel) => core.on(channel, (payload) => this.append(JSON.stringify({ channel, payload }))));
  }

  private append(data: string): void {
    const seq = ++this.seq;
    const entry: JournalEntry = { id: `${this.epoch}.${seq}`, seq, at: this.now(), data };
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    for (const listener of this.listeners) listener(entry);
  }

  /** Hears every event from now on, with its id; returns the unsubscribe. */
  follow(listener: (entry: JournalEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** What a console that last heard `lastEventId` has missed. */
  since(lastEventId: string): Catchup {
    const match = /^([0-9a-f]{12})\.(\d{1,15})$/.exec(lastEventId);
    if (!match || match[1] !== this.epoch) return { kind: 'resync' };
    const last = Number(match[2]);
    if (last > this.seq) return { kind: 'resync' };
    if (last === this.seq) return { kind: 'replay', entries: [] };
    const first = last + 1 - (this.entries[0]?.seq ?? Infinity);
    const next = this.entries[first];
    // The next event it needs was dropped (too many since) or is too old to trust a replay of.
    if (first < 0 || next === undefined || this.now() - next.at > this.maxAgeMs) return { kind: 'resync' };
    return { kind: 'replay', entries: this.entries.slice(first) };
  }

  close(): void {
    for (const stop of this.stops) stop();
    this.listeners.clear();
  }
}
