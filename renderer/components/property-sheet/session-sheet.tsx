import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useEffect } from 'react';
import type { ApiResult, EventChannel, EventOf } from '../../../core/api';
import { useCourierBridge } from '../../client/courier-context';
import { settle } from '../../client/settle';
import type { PropertiesModel, PropertiesSession, PropertiesSpec, PropertiesState } from './properties-model';
import type { PropertySheetProps } from './property-sheet-types';

type SessionProps<T extends string> = Pick<
  PropertySheetProps<T>,
  'selectedTab' | 'onSelectTab' | 'ready' | 'dirty' | 'saving' | 'blocked' | 'error' | 'onDismissError' | 'onApply'
>;

/**
 * What a PropertySheet shows of one properties session: its tab, the footer's state, and a
 * refusal that names no field above the tabs (one that names a field is shown at that field).
 */
export function sessionSheetProps<S extends PropertiesSpec>(model: PropertiesModel<S>, { state, dispatch, apply }: PropertiesSession<S>): SessionProps<S['tab']> {
  const ready = state.kind === 'ready' ? state : null;
  return {
    selectedTab: ready?.tab ?? model.firstTab,
    onSelectTab: (tab) => dispatch({ type: 'selectTab', tab }),
    ready: ready !== null,
    dirty: ready !== null && model.isDirty(ready),
    saving: ready?.saving ?? false,
    blocked: ready ? model.blockingProblem(ready) : null,
    error: ready?.error && ready.error.field === undefined ? ready.error.message : null,
    onDismissError: () => dispatch({ type: 'dismissError' }),
    onApply: apply,
  };
}

/** The sheet's body until it has read what it shows: a spinner saying what it reads, or why the read failed. */
export function SessionLoadState<S extends PropertiesSpec>({ state, reading }: { readonly state: PropertiesState<S>; readonly reading: string }) {
  if (state.kind === 'loading') return <Spinner label={reading} />;
  if (state.kind !== 'loadFailed') return null;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>{state.error.message}</MessageBarBody>
    </MessageBar>
  );
}

/**
 * Shows a change made elsewhere (another console, the CLI) in the open sheet: when `channel`
 * brings an event that `concerns` it and the admin has nothing pending, `load` reads it again.
 * Pending changes are never overwritten; Apply then saves them over the other change.
 */
export function useFollowWhileClean<S extends PropertiesSpec, E extends EventChannel>(
  model: PropertiesModel<S>,
  { state, dispatch }: PropertiesSession<S>,
  channel: E,
  concerns: (event: EventOf<E>) => boolean,
  load: () => Promise<ApiResult<S['saved']>>,
): void {
  const bridge = useCourierBridge();
  useEffect(
    () =>
      bridge.subscribe(channel, (event) => {
        if (!concerns(event) || state.kind !== 'ready' || state.saving || model.isDirty(state)) return;
        void settle(load).then((result) => {
          if (result.ok) dispatch({ type: 'loaded', saved: result.value });
        });
      }),
    [bridge, channel, concerns, dispatch, load, model, state],
  );
}
