import { createStore, type StoreApi } from 'zustand';
import type { ApiResult, CourierBridge, MpClientDto, MpStatusDto } from '../../../core/api';
import { createListReader, unreadList, type LiveList, type ReadOutcome } from '../../client/live-list';
import type { MpClientAction } from './management-point-kinds';
import { runClientAction, type ClientActionOutcome, type SendClientAction } from './mp-client-actions';

/** Which clients Pending Approval lists. */
export type ClientFilter = 'pending' | 'all' | 'blocked';

export const clientFilters: readonly ClientFilter[] = ['pending', 'all', 'blocked'];

export const clientFilterLabels: Readonly<Record<ClientFilter, string>> = { pending: 'Pending', all: 'All', blocked: 'Blocked' };

export interface ManagementPointState {
  /** The status as SMS_MP_CONTROL_MANAGER recorded it: one item once read. */
  readonly status: LiveList<MpStatusDto>;
  /** Every client of the management point; the filter is applied where they are shown. */
  readonly clients: LiveList<MpClientDto>;
  readonly filter: ClientFilter;
  /** Reads the status again (the role row shown, Refresh, every change event once read). */
  loadStatus(): Promise<ReadOutcome>;
  /** Reads the clients again (Pending Approval shown, Refresh, every change event once read). */
  loadClients(): Promise<ReadOutcome>;
  /** Reads again what has been read before, and nothing else (a change event). */
  readAgain(): void;
  setFilter(filter: ClientFilter): void;
  /** Approves, blocks, unblocks or resets the clients one by one, and shows each answer at once. */
  act(action: MpClientAction, clients: readonly MpClientDto[]): Promise<ClientActionOutcome>;
}

export type ManagementPointStore = StoreApi<ManagementPointState>;

export interface ManagementPointSource {
  status(): Promise<ApiResult<MpStatusDto>>;
  listClients(): Promise<ApiResult<readonly MpClientDto[]>>;
  send: SendClientAction;
}

/**
 * The management point's status and clients. Nothing is read until a view shows it (the role
 * row of the site server, Pending Approval), and from then on every management-point:changed
 * reads it again: a registration, an approval elsewhere, the service starting to listen or failing.
 */
export function createManagementPointStore(source: ManagementPointSource): ManagementPointStore {
  return createStore<ManagementPointState>()((set, get) => {
    const status = createListReader<MpStatusDto>(
      { get: () => get().status, set: (list) => set({ status: list }) },
      {
        read: async () => {
          const result = await source.status();
          return result.ok ? { ok: true, value: [result.value] } : result;
        },
      },
    );
    const clients = createListReader<MpClientDto>({ get: () => get().clients, set: (list) => set({ clients: list }) }, { read: () => source.listClients() });
    const read = { status: false, clients: false };
    return {
      status: unreadList,
      clients: unreadList,
      filter: 'pending',
      loadStatus: () => {
        read.status = true;
        return status.load();
      },
      loadClients: () => {
        read.clients = true;
        return clients.load();
      },
      readAgain: () => {
        if (read.status) void status.load();
        if (read.clients) void clients.load();
      },
      setFilter: (filter) => set({ filter }),
      async act(action, targets) {
        const outcome = await runClientAction(source.send, action, targets);
        const byId = new Map(outcome.done.map((c) => [c.resourceId, c]));
        clients.update((items) => items.map((item) => byId.get(item.resourceId) ?? item));
        return outcome;
      },
    };
  });
}

/** Reads again what has been read whenever any console, the CLI or the component changes the management point. */
export function followManagementPointChanges(store: ManagementPointStore, bridge: Pick<CourierBridge, 'subscribe'>): () => void {
  return bridge.subscribe('management-point:changed', () => store.getState().readAgain());
}

/** The clients a filter shows. */
export function filterClients(clients: readonly MpClientDto[], filter: ClientFilter): readonly MpClientDto[] {
  if (filter === 'all') return clients;
  return clients.filter((c) => c.approval === filter);
}
