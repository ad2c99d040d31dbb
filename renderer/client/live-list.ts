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

/** The first part of a long list (what fills the screen) and how to read the rest of it. */
export interface FirstPart<T> {
  readonly items: readonly T[];
  /** Reads every item after the first part; null when the first part is the whole list. */
  readonly rest: (() => Promise<ApiResult<readonly T[]>>) | null;
}

/** A list read in two steps: its first part is shown while the rest is read. */
export interface ReadInParts<T> {
  readonly first: () => Promise<ApiResult<FirstPart<T>>>;
  /**
   * The whole list from the two answers. An item can be in both (renamed between the reads, so
   * it sorted into the other part): the rest, read later, is the newer.
   */
  readonly join: (first: readonly T[], rest: readonly T[]) => readonly T[];
}

export interface ListReaderOptions<T, E> {
  readonly read: () => Promise<ApiResult<readonly T[]>>;
  /** When given, load reads the list in two steps with it instead of calling `read`. */
  readonly inParts?: ReadInParts<T>;
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

  function takeReplay(): E[] {
    const replay = duringRead ?? [];
    duringRead = null;
    return replay;
  }

  function replayed(items: readonly T[], events: readonly E[]): readonly T[] {
    const apply = options.applyEvent;
    return apply ? events.reduce(apply, items) : items;
  }

  function failed(error: string): ReadOutcome {
    // Keep what is on screen after a failed refresh; the error says it may be out of date.
    change((l) => ({ ...l, status: l.status === 'ready' ? 'ready' : 'error', refreshing: false, error }));
    return { ok: false, error };
  }

  return {
    async load() {
      const mine = ++reads;
      duringRead = [];
      // A refresh keeps the whole list on screen until the whole new one is in: showing the first
      // part alone would drop the rows below it, and the selection and scroll with them.
      const refreshing = slot.get()?.status === 'ready';
      change((l) => ({ ...l, refreshing: l.status === 'ready', error: null, status: l.status === 'error' ? 'loading' : l.status }));
      const parts = options.inParts;
      const result = parts ? await settle(parts.first) : mapResult(await settle(options.read), (items) => ({ items, rest: null }));
      if (mine !== reads) return outcomeOf(result);
      if (!result.ok) {
        duringRead = null;
        return failed(result.error.message);
      }
      const { items: first, rest } = result.value;
      if (rest === null || parts === undefined) {
        change(() => ({ status: 'ready', refreshing: false, error: null, items: replayed(first, takeReplay()) }));
        return { ok: true };
      }
      // On a first read the first part is shown at once; events keep arriving and are applied to
      // what is shown, and kept to be replayed onto the whole list when the rest lands.
      if (!refreshing) change(() => ({ status: 'ready', refreshing: true, error: null, items: replayed(first, duringRead ?? []) }));
      const remainder = await settle(rest);
      if (mine !== reads) return outcomeOf(remainder);
      const replay = takeReplay();
      if (!remainder.ok) return failed(remainder.error.message);
      change(() => ({ status: 'ready', refreshing: false, error: null, items: replayed(parts.join(first, remainder.value), replay) }));
      return { ok: true };
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

function mapResult<A, B>(result: ApiResult<A>, map: (value: A) => B): ApiResult<B> {
  return result.ok ? { ok: true, value: map(result.value) } : result;
}

function outcomeOf(result: ApiResult<unknown>): ReadOutcome {
  return result.ok ? { ok: true } : { ok: false, error: result.error.message };
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
