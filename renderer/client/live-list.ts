import type { ApiResult } from '../../core/api';
import { settle } from './settle';

export type LiveListStatus = 'loading' | 'ready' | 'error';

/** A list the console read from the site and keeps live (packages, a package's programs …). */
export interface LiveList<T> {
  /** 'loading' until the first answer; a later refresh keeps 'ready' and sets `refreshing`. */
  readonly status: LiveListStatus;
  readonly refreshing: boolean;
  /** In no particular order: views sort. */
  readonly items: readonly T[];
  /** The last failure in plain words, shown in the details pane with a Retry. */
  readonly error: string | null;
}

/** A list not read yet. */
export const unreadList: LiveList<never> = { status: 'loading', refreshing: false, items: [], error: null };

/** What a read came to: the Refresh command reports it in the status bar. */
export type ReadOutcome = { readonly ok: true } | { readonly ok: false; readonly error: string };

/** Where a list lives in its store: undefined until the list is first read (keyed lists). */
export interface ListSlot<T> {
  get(): LiveList<T> | undefined;
  set(list: LiveList<T>): void;
}

/** One live list: reads it, applies changes to it, and keeps an older answer from landing on a newer one. */
export interface ListReader<T, E> {
  /** Reads the list again (first view, Refresh, Retry). */
  load(): Promise<ReadOutcome>;
  /** Applies a change event at once, and again onto the answer of a read in flight. */
  apply(event: E): void;
  /** Puts a list the console already holds in place (the core's answer to a change); a read in flight no longer lands. */
  replace(items: readonly T[]): void;
  /** Changes the items in place (a wizard's answer); nothing happens to a list never read. */
  update(change: (items: readonly T[]) => readonly T[]): void;
}

export interface ListReaderOptions<T, E> {
  readonly read: () => Promise<ApiResult<readonly T[]>>;
  /** How a change event changes the items; must be idempotent, since a change can be applied twice. */
  readonly applyEvent?: (items: readonly T[], event: E) => readonly T[];
}

/**
 * The read-counter logic every live list shares. Each read takes a number, and only the newest
 * read's answer lands. Events that arrive while a read is in flight are replayed onto its answer:
 * the list may have been read before the change, and the event is the newer truth.
 */
export function createListReader<T, E = never>(slot: ListSlot<T>, options: ListReaderOptions<T, E>): ListReader<T, E> {
  let reads = 0;
  let duringRead: E[] | null = null;

  function change(next: (list: LiveList<T>) => LiveList<T>): void {
    slot.set(next(slot.get() ?? unreadList));
  }

  return {
    async load() {
      const mine = ++reads;
      duringRead = [];
      change((l) => ({ ...l, refreshing: l.status === 'ready', error: null, status: l.status === 'error' ? 'loading' : l.status }));
      const result = await settle(options.read);
      if (mine !== reads) return result.ok ? { ok: true } : { ok: false, error: result.error.message };
      const replay = duringRead ?? [];
      duringRead = null;
      if (result.ok) {
        const apply = options.applyEvent;
        const items = apply ? replay.reduce(apply, result.value) : result.value;
        change(() => ({ status: 'ready', refreshing: false, error: null, items }));
        return { ok: true };
      }
      // Keep what is on screen after a failed refresh; the error says it may be out of date.
      change((l) => ({ ...l, status: l.status === 'ready' ? 'ready' : 'error', refreshing: false, error: result.error.message }));
      return { ok: false, error: result.error.message };
    },

    apply(event) {
      const apply = options.applyEvent;
      const list = slot.get();
      if (apply === undefined || list === undefined) return;
      duringRead?.push(event);
      slot.set({ ...list, items: apply(list.items, event) });
    },

    replace(items) {
      if (slot.get() === undefined) return;
      reads++;
      duringRead = null;
      change((l) => ({ ...l, status: 'ready', refreshing: false, error: null, items }));
    },

    update(next) {
      const list = slot.get();
      if (list !== undefined) slot.set({ ...list, items: next(list.items) });
    },
  };
}

/** Lists kept per key (a package's programs, its access accounts): one reader per key, made on first use. */
export function createKeyedListReaders<T, E = never>(
  lists: { get(key: string): LiveList<T> | undefined; set(key: string, list: LiveList<T>): void },
  options: (key: string) => ListReaderOptions<T, E>,
): (key: string) => ListReader<T, E> {
  const readers = new Map<string, ListReader<T, E>>();
  return (key) => {
    let reader = readers.get(key);
    if (reader === undefined) {
      reader = createListReader({ get: () => lists.get(key), set: (list) => lists.set(key, list) }, options(key));
      readers.set(key, reader);
    }
    return reader;
  };
}
