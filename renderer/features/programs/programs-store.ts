import { createStore, type StoreApi } from 'zustand';
import { sameNoCase, type ApiResult, type CourierBridge, type ProgramChangedEvent, type ProgramDto } from '../../../core/api';
import { createKeyedListReaders, type LiveList, type ReadOutcome } from '../../client/live-list';

export interface ProgramsState {
  /** Lists by package ID; a package's list is read when its Programs node is first shown. */
  readonly lists: Readonly<Record<string, LiveList<ProgramDto>>>;
  /** Reads a package's programs again (first view, Refresh, Retry). */
  load(packageId: string): Promise<ReadOutcome>;
  /** Applies a `programs:changed` event to the package's list, if the console holds it. */
  applyChange(event: ProgramChangedEvent): void;
  /** Puts a program the console already holds (a wizard's answer) into its package's list. */
  upsert(program: ProgramDto, previousName?: string): void;
  /** Drops a program the console just deleted. */
  remove(packageId: string, programName: string): void;
}

export type ProgramsStore = StoreApi<ProgramsState>;

export interface ProgramsSource {
  list(packageId: string): Promise<ApiResult<readonly ProgramDto[]>>;
}


function withProgram(list: readonly ProgramDto[], program: ProgramDto, previousName?: string): readonly ProgramDto[] {
  const rest = previousName === undefined ? list : list.filter((p) => !sameNoCase(p.name, previousName));
  const index = rest.findIndex((p) => sameNoCase(p.name, program.name));
  if (index < 0) return [...rest, program];
  const next = rest.slice();
  next[index] = program;
  return next;
}

function withoutProgram(list: readonly ProgramDto[], programName: string): readonly ProgramDto[] {
  return list.some((p) => sameNoCase(p.name, programName)) ? list.filter((p) => !sameNoCase(p.name, programName)) : list;
}

function applied(list: readonly ProgramDto[], event: ProgramChangedEvent): readonly ProgramDto[] {
  if (event.change === 'deleted' || event.program === null) return withoutProgram(list, event.programName);
  return withProgram(list, event.program, event.previousName);
}

/** Programs per package, kept live (see createListReader for how reads and events meet). */
export function createProgramsStore(source: ProgramsSource): ProgramsStore {
  return createStore<ProgramsState>()((set, get) => {
    const readers = createKeyedListReaders<ProgramDto, ProgramChangedEvent>(
      { get: (packageId) => get().lists[packageId], set: (packageId, list) => set((s) => ({ lists: { ...s.lists, [packageId]: list } })) },
      (packageId) => ({ read: () => source.list(packageId), applyEvent: applied }),
    );
    return {
      lists: {},
      load: (packageId) => readers(packageId).load(),
      applyChange: (event) => readers(event.packageId).apply(event),
      upsert: (program, previousName) => readers(program.packageId).update((items) => withProgram(items, program, previousName)),
      remove: (packageId, programName) => readers(packageId).update((items) => withoutProgram(items, programName)),
    };
  });
}

/** Subscribes the store to the core's `programs:changed` events; returns the unsubscribe. */
export function followProgramChanges(store: ProgramsStore, bridge: Pick<CourierBridge, 'subscribe'>): () => void {
  return bridge.subscribe('programs:changed', (event) => store.getState().applyChange(event));
}
