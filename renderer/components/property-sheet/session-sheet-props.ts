import type { PropertiesModel, PropertiesSession, PropertiesSpec } from './properties-model';
import type { PropertySheetProps } from './property-sheet-types';

export type SessionSheetProps<T extends string> = Pick<
  PropertySheetProps<T>,
  'selectedTab' | 'onSelectTab' | 'ready' | 'dirty' | 'saving' | 'blocked' | 'error' | 'onDismissError' | 'onApply'
>;

/**
 * What a PropertySheet shows of one opening's session: the tab, OK and Apply's state, and the
 * core's last refusal when it names no field the sheet shows (one that does is shown at its
 * field). Before the thing is read the sheet is on `firstTab` with only Cancel working.
 */
export function sessionSheetProps<S extends PropertiesSpec & { readonly tab: string }>(
  model: PropertiesModel<S>,
  { state, dispatch, apply }: PropertiesSession<S>,
  firstTab: S['tab'],
): SessionSheetProps<S['tab']> {
  const ready = state.kind === 'ready' ? state : null;
  return {
    selectedTab: ready?.tab ?? firstTab,
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
