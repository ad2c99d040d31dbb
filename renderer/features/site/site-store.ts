import { createStore, type StoreApi } from 'zustand';
import type { ApiResult, SiteInfoDto } from '../../../core/api';
import type { ReadOutcome } from '../../client/live-list';
import { settle } from '../../client/settle';

export type SiteStatus = 'loading' | 'ready' | 'error';

export interface SiteState {
  readonly status: SiteStatus;
  readonly info: SiteInfoDto | null;
  /** Plain words for the details pane when the site cannot be read. */
  readonly error: string | null;
  load(): Promise<ReadOutcome>;
}

export type SiteStore = StoreApi<SiteState>;

type SiteInfoRequest = () => Promise<ApiResult<SiteInfoDto>>;

/** The site the console is connected to: its code and name title the root of the console tree. */
export function createSiteStore(request: SiteInfoRequest): SiteStore {
  let reads = 0;
  return createStore<SiteState>()((set) => ({
    status: 'loading',
    info: null,
    error: null,
    async load() {
      const mine = ++reads;
      set((s) => ({ status: s.info ? s.status : 'loading', error: null }));
      const result = await settle(request);
      const outcome: ReadOutcome = result.ok ? { ok: true } : { ok: false, error: result.error.message };
      // A slower, older request must not overwrite a newer answer.
      if (mine !== reads) return outcome;
      if (result.ok) set({ status: 'ready', info: result.value, error: null });
      else set({ status: 'error', error: result.error.message });
      return outcome;
    },
  }));
}
