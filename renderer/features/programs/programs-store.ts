import { create, type StoreApi, type UseBoundStore } from 'zustand';
import { sameNoCase, type ApiResult, type ProgramChangedEvent, type ProgramDto } from '../../../core/api';
import { bridge, courier } from '../../bridge';
import { describeFailure } from '../../components/describe-failure';

export type ProgramListStatus = 'loading' | 'ready' | 'error';

/** One package's programs as the console last read them. */
export interface ProgramList {
  readonly status: ProgramListStatus;
  readonly refreshing: boolean;
  readonly programs: readonly ProgramDto[];
  /** The last failure in plain words, shown in the details pane with a Retry. */
  readonly error: string | null;
}

export interface ProgramsState {
  /** Lists by package ID; a package's list is read when its Programs node is first shown. */
  readonly lists: Readonly<Record<string, ProgramList>>;
  /** Reads a package's programs again (first view, Refresh, Retry). */
  load(packageId: string): Promise<void>;
  /** Applies a `programs:changed` event to the package's list, if the console holds it. */
  applyChange(event: ProgramChangedEvent): void;
  /** Puts a program the console already holds (a wizard's answer) into its package's list. */
  upsert(program: ProgramDto, previousName?: string): void;
  /** Drops a program the console just deleted. */
  remove(packageId: string, programName: string): void;
}

export interface ProgramsSource {
  list(packageId: string): Promise<ApiResult<readonly ProgramDto[]>>;
}

export const emptyProgramList: ProgramList = { status: 'loading', refreshing: false, programs: [], error: null };

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

async function settle<T>(request: () => Promise<ApiResult<T>>): Promise<ApiResult<T>> {
  try {
    return await request();
  } catch (error) {
    return { ok: false, error: { code: 'INTERNAL', message: describeFailure(error) } };
  }
}

/**
 * Programs per package, kept live. As in the packages store, events that arrive while a list
 * request is in flight are replayed onto its answer: the event is the newer truth.
 */
export function createProgramsStore(source: ProgramsSource): UseBoundStore<StoreApi<ProgramsState>> {
  const generations = new Map<string, number>();
  const pending = new Map<string, ProgramChangedEvent[]>();

  return create<ProgramsState>()((set, get) => {
    function update(packageId: string, change: (list: ProgramList) => ProgramList): void {
      set((s) => ({ lists: { ...s.lists, [packageId]: change(s.lists[packageId] ?? emptyProgramList) } }));
    }

    return {
      lists: {},

      async load(packageId) {
        const mine = (generations.get(packageId) ?? 0) + 1;
        generations.set(packageId, mine);
        pending.set(packageId, []);
        update(packageId, (l) => ({
          ...l,
          refreshing: l.status === 'ready',
          error: null,
          status: l.status === 'error' ? 'loading' : l.status,
        }));
        const result = await settle(() => source.list(packageId));
        if (generations.get(packageId) !== mine) return;
        const replay = pending.get(packageId) ?? [];
        pending.delete(packageId);
        if (result.ok) {
          update(packageId, () => ({ status: 'ready', refreshing: false, error: null, programs: replay.reduce(applied, result.value) }));
        } else {
          update(packageId, (l) => ({ ...l, status: l.status === 'ready' ? 'ready' : 'error', refreshing: false, error: result.error.message }));
        }
      },

      applyChange(event) {
        const list = get().lists[event.packageId];
        if (list === undefined) return;
        pending.get(event.packageId)?.push(event);
        update(event.packageId, (l) => ({ ...l, programs: applied(l.programs, event) }));
      },

      upsert(program, previousName) {
        if (get().lists[program.packageId] === undefined) return;
        update(program.packageId, (l) => ({ ...l, programs: withProgram(l.programs, program, previousName) }));
      },

      remove(packageId, programName) {
        if (get().lists[packageId] === undefined) return;
        update(packageId, (l) => ({ ...l, programs: withoutProgram(l.programs, programName) }));
      },
    };
  });
}

export const useProgramsStore = createProgramsStore({
  list: (packageId) => courier['programs:list']({ packageId }),
});

/** Subscribes the store to the core's `programs:changed` events; returns the unsubscribe. */
export function followProgramChanges(store: Pick<UseBoundStore<StoreApi<ProgramsState>>, 'getState'> = useProgramsStore): () => void {
  return bridge.subscribe('programs:changed', (event) => store.getState().applyChange(event));
}
