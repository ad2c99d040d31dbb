import { createStore, type StoreApi } from 'zustand';
import type { ApiResult, ComponentSummariesDto, ComponentSummaryDto, ComponentThresholdsDto, CourierBridge } from '../../../core/api';
import { coalescedRead } from '../../client/coalesced-read';
import { createListReader, unreadList, type LiveList, type ReadOutcome } from '../../client/live-list';

export interface ComponentStatusState {
  readonly list: LiveList<ComponentSummaryDto>;
  /** The thresholds the statuses were computed with, from the same answer; null until read. */
  readonly thresholds: ComponentThresholdsDto | null;
  /** Reads every component's summary again (first view, Refresh, Retry, a change). */
  load(): Promise<ReadOutcome>;
  /** Puts an answer the console already holds (Reset Counts answers with the summaries) in place. */
  replace(summaries: ComponentSummariesDto): void;
}

export type ComponentStatusStore = StoreApi<ComponentStatusState>;

export interface ComponentStatusSource {
  summaries(): Promise<ApiResult<ComponentSummariesDto>>;
}

/** A component's row key: the summaries are per site, computer and component. */
export function componentKey(row: Pick<ComponentSummaryDto, 'siteCode' | 'machine' | 'component'>): string {
  return `${row.siteCode}|${row.machine}|${row.component}`;
}

/** Component Status: the site's component summaries and their thresholds. */
export function createComponentStatusStore(source: ComponentStatusSource): ComponentStatusStore {
  return createStore<ComponentStatusState>()((set, get) => {
    // Each answer's thresholds, by its rows: set when the reader lands those rows, so an older
    // answer's thresholds never sit beside a newer answer's statuses.
    const thresholdsOf = new WeakMap<readonly ComponentSummaryDto[], ComponentThresholdsDto>();
    const list = createListReader<ComponentSummaryDto>(
      {
        get: () => get().list,
        set: (next) => {
          const thresholds = thresholdsOf.get(next.items);
          set(thresholds === undefined ? { list: next } : { list: next, thresholds });
        },
      },
      {
        read: async () => {
          const result = await source.summaries();
          if (!result.ok) return result;
          thresholdsOf.set(result.value.components, result.value.thresholds);
          return { ok: true, value: result.value.components };
        },
      },
    );
    return {
      list: unreadList,
      thresholds: null,
      load: () => list.load(),
      replace: (summaries) => {
        thresholdsOf.set(summaries.components, summaries.thresholds);
        list.replace(summaries.components);
      },
    };
  });
}

/**
 * Keeps Component Status live while it is shown: new messages (status-messages:added names their
 * components) and a change of thresholds or counts read the summaries again. Messages can arrive
 * many times a second; at most one read runs, and one more follows it when something arrived meanwhile.
 */
export function followComponentStatus(store: ComponentStatusStore, bridge: Pick<CourierBridge, 'subscribe' | 'onResync'>): () => void {
  const reads = coalescedRead(() => store.getState().load());
  const stops = [
    bridge.subscribe('status-messages:added', (event) => {
      if (event.components.length > 0) reads.ask();
    }),
    bridge.subscribe('status-summaries:changed', reads.ask),
    bridge.onResync?.(reads.ask) ?? (() => undefined),
  ];
  return () => {
    reads.stop();
    for (const stop of stops) stop();
  };
}
