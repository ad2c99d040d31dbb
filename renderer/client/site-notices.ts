import { createStore, type StoreApi } from 'zustand';
import { requestChannels, type ApiResult, type CourierBridge, type CourierClient } from '../../core/api';

/**
 * What the site server said beside a successful answer: the change is saved, but something after
 * it is still to come (a wake-up file it will retry, a mapped folder not mounted yet). Dialogs
 * close on success, so these would be lost with them; the console keeps them in one bar until
 * the admin dismisses them.
 */
export interface SiteNotice {
  readonly id: number;
  readonly text: string;
}

export interface SiteNoticesState {
  readonly notices: readonly SiteNotice[];
  add(texts: readonly string[]): void;
  dismiss(id: number): void;
}

/** The newest few are enough: an older notice repeated is moved up, not shown twice. */
const kept = 5;

export function createSiteNotices(): StoreApi<SiteNoticesState> {
  let nextId = 1;
  return createStore<SiteNoticesState>((set) => ({
    notices: [],
    add: (texts) =>
      set((state) => {
        let notices = state.notices;
        for (const text of texts) notices = [{ id: nextId++, text }, ...notices.filter((notice) => notice.text !== text)];
        return { notices: notices.slice(0, kept) };
      }),
    dismiss: (id) => set((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) })),
  }));
}

/** The same bridge, with every successful answer's notices handed to `report` on the way back. */
export function reportingNotices(bridge: CourierBridge, report: (texts: readonly string[]) => void): CourierBridge {
  const source = bridge.requests as unknown as Record<string, (input: unknown) => Promise<ApiResult<unknown>>>;
  const requests = Object.fromEntries(
    requestChannels.map((channel) => [
      channel,
      async (input: unknown) => {
        const result = await source[channel]!(input);
        if (result.ok && result.notices !== undefined && result.notices.length > 0) report(result.notices);
        return result;
      },
    ]),
  ) as unknown as CourierClient;
  const onResync = bridge.onResync?.bind(bridge);
  return { requests, subscribe: (channel, listener) => bridge.subscribe(channel, listener), ...(onResync ? { onResync } : {}) };
}
