import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { ApiResult, SiteInfoDto } from '../../../core/api';
import { courier } from '../../bridge';
import { describeFailure } from '../../components/describe-failure';

export type SiteStatus = 'loading' | 'ready' | 'error';

export interface SiteState {
  readonly status: SiteStatus;
  readonly info: SiteInfoDto | null;
  /** Plain words for the details pane when the site cannot be read. */
  readonly error: string | null;
  load(): Promise<void>;
}

type SiteInfoRequest = () => Promise<ApiResult<SiteInfoDto>>;

/** The site the console is connected to: its code and name title the root of the console tree. */
export function createSiteStore(request: SiteInfoRequest): UseBoundStore<StoreApi<SiteState>> {
  let generation = 0;
  return create<SiteState>()((set) => ({
    status: 'loading',
    info: null,
    error: null,
    async load() {
      const mine = ++generation;
      set((s) => ({ status: s.info ? s.status : 'loading', error: null }));
      let result: ApiResult<SiteInfoDto>;
      try {
        result = await request();
      } catch (error) {
        result = { ok: false, error: { code: 'INTERNAL', message: describeFailure(error) } };
      }
      // A slower, older request must not overwrite a newer answer.
      if (mine !== generation) return;
      if (result.ok) set({ status: 'ready', info: result.value, error: null });
      else set({ status: 'error', error: result.error.message });
    },
  }));
}

export const useSiteStore = createSiteStore(() => courier['site:info']({}));
