import { useEffect, useReducer, type Dispatch } from 'react';
import type { ApiErrorDto, ApiResult } from '../../../core/api';
import { settle } from '../../client/settle';
import type { PropertySheetBlock } from './property-sheet-types';

/** The types one kind of Properties sheet works with. */
export interface PropertiesSpec {
  /** What the site holds (a PackageDto). */
  readonly saved: unknown;
  /** What the tabs edit. */
  readonly draft: unknown;
  /** What one edit changes. */
  readonly edit: object;
  /** What a save sends: only what the admin changed. */
  readonly changes: object;
  /** One message per field. */
  readonly issues: Readonly<Partial<Record<string, string>>>;
  readonly tab: string;
}

/** What a Properties sheet needs to know about its kind of thing. */
export interface PropertiesRules<S extends PropertiesSpec> {
  readonly draftOf: (saved: S['saved']) => S['draft'];
  /** Applies an edit with the draft's rules (a disabled control keeps no value). */
  readonly apply: (draft: S['draft'], edit: S['edit']) => S['draft'];
  readonly changes: (saved: S['saved'], draft: S['draft']) => S['changes'];
  /** The core's checks on the draft. */
  readonly issues: (draft: S['draft']) => S['issues'];
  /** Each field and the tab that holds it, in tab order. */
  readonly fieldTabs: (draft: S['draft']) => Readonly<Record<string, S['tab']>>;
  /** A field's label on its tab, for the footer's link to a problem. */
  readonly fieldLabel: (field: string, draft: S['draft']) => string;
  /** The field a core error's dotted path names, when the sheet shows it. */
  readonly fieldOfError: (path: string | undefined, draft: S['draft']) => string | undefined;
  readonly firstTab: S['tab'];
}

export interface SaveError {
  readonly message: string;
  /** The setting the core rejected; its message stays at the field until the field is edited. */
  readonly field: string | undefined;
}

export type PropertiesState<S extends PropertiesSpec> =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loadFailed'; readonly error: ApiErrorDto }
  | ReadyProperties<S>;

export interface ReadyProperties<S extends PropertiesSpec> {
  readonly kind: 'ready';
  readonly saved: S['saved'];
  readonly draft: S['draft'];
  readonly tab: S['tab'];
  readonly saving: boolean;
  readonly error: SaveError | null;
}

export type PropertiesAction<S extends PropertiesSpec> =
  | { readonly type: 'loaded'; readonly saved: S['saved'] }
  | { readonly type: 'loadFailed'; readonly error: ApiErrorDto }
  | { readonly type: 'selectTab'; readonly tab: S['tab'] }
  | { readonly type: 'edit'; readonly changes: S['edit'] }
  | { readonly type: 'saveStarted' }
  | { readonly type: 'saveSucceeded'; readonly saved: S['saved'] }
  | { readonly type: 'saveFailed'; readonly error: ApiErrorDto }
  | { readonly type: 'dismissError' };

export interface PropertiesModel<S extends PropertiesSpec> {
  readonly initialState: PropertiesState<S>;
  readonly reducer: (state: PropertiesState<S>, action: PropertiesAction<S>) => PropertiesState<S>;
  /** Only what the admin changed, for the update request. */
  readonly pendingChanges: (state: ReadyProperties<S>) => S['changes'];
  readonly isDirty: (state: ReadyProperties<S>) => boolean;
  /** The draft's problems, plus the core's last complaint at its field. */
  readonly propertiesIssues: (state: ReadyProperties<S>) => S['issues'];
  /** The first rule the draft breaks, in tab order, with the tab and field to go to to fix it. */
  readonly blockingProblem: (state: ReadyProperties<S>) => PropertySheetBlock<S['tab']> | null;
  /** The tab a sheet opens on. */
  readonly firstTab: S['tab'];
}

/**
 * The state of a Properties sheet (load, edit, save, refusal at its field), the same for every
 * kind of thing it shows: a package, a program.
 */
export function propertiesModel<S extends PropertiesSpec>(rules: PropertiesRules<S>): PropertiesModel<S> {
  function ready(saved: S['saved'], tab: S['tab']): ReadyProperties<S> {
    return { kind: 'ready', saved, draft: rules.draftOf(saved), tab, saving: false, error: null };
  }

  const pendingChanges = (state: ReadyProperties<S>): S['changes'] => rules.changes(state.saved, state.draft);

  function reducer(state: PropertiesState<S>, action: PropertiesAction<S>): PropertiesState<S> {
    switch (action.type) {
      case 'loaded':
        return ready(action.saved, state.kind === 'ready' ? state.tab : rules.firstTab);
      case 'loadFailed':
        return { kind: 'loadFailed', error: action.error };
      default:
        break;
    }
    if (state.kind !== 'ready') return state;
    switch (action.type) {
      case 'selectTab':
        return { ...state, tab: action.tab };
      case 'edit': {
        if (state.saving) return state;
        const clearsError = state.error?.field !== undefined && state.error.field in action.changes;
        return { ...state, draft: rules.apply(state.draft, action.changes), error: clearsError ? null : state.error };
      }
      case 'saveStarted':
        return state.saving ? state : { ...state, saving: true, error: null };
      case 'saveSucceeded':
        return ready(action.saved, state.tab);
      case 'saveFailed': {
        const field = rules.fieldOfError(action.error.field, state.draft);
        const tab = field === undefined ? state.tab : (rules.fieldTabs(state.draft)[field] ?? state.tab);
        return { ...state, saving: false, tab, error: { message: action.error.message, field } };
      }
      case 'dismissError':
        return { ...state, error: null };
    }
  }

  return {
    initialState: { kind: 'loading' },
    reducer,
    firstTab: rules.firstTab,
    pendingChanges,
    isDirty: (state) => Object.keys(pendingChanges(state)).length > 0,
    propertiesIssues(state) {
      const issues = rules.issues(state.draft);
      const field = state.error?.field;
      return field === undefined || state.error === null ? issues : { ...issues, [field]: state.error.message };
    },
    blockingProblem(state) {
      const issues = rules.issues(state.draft);
      for (const [field, tab] of Object.entries(rules.fieldTabs(state.draft))) {
        const message = issues[field];
        if (message !== undefined) return { message, tab, field, fieldLabel: rules.fieldLabel(field, state.draft) };
      }
      return null;
    },
  };
}

export interface PropertiesSession<S extends PropertiesSpec> {
  readonly state: PropertiesState<S>;
  readonly dispatch: Dispatch<PropertiesAction<S>>;
  /** Saves the pending changes; resolves true once they are saved (Apply, OK). */
  readonly apply: () => Promise<boolean>;
}

/**
 * One opening of a Properties sheet: reads the thing, and saves only what changed. `load` and
 * `save` are the site requests; `onSaved` hears of each save.
 */
export function usePropertiesSession<S extends PropertiesSpec>(
  model: PropertiesModel<S>,
  load: () => Promise<ApiResult<S['saved']>>,
  save: (state: ReadyProperties<S>, changes: S['changes']) => Promise<ApiResult<S['saved']>>,
  onSaved?: (saved: S['saved'], before: S['saved']) => void,
): PropertiesSession<S> {
  const [state, dispatch] = useReducer(model.reducer, model.initialState);

  // `load` is read once per opening: the sheet is keyed by what it shows.
  useEffect(() => {
    let current = true;
    void settle(load).then((result) => {
      if (current) dispatch(result.ok ? { type: 'loaded', saved: result.value } : { type: 'loadFailed', error: result.error });
    });
    return () => {
      current = false;
    };
  }, []);

  async function apply(): Promise<boolean> {
    if (state.kind !== 'ready' || !model.isDirty(state) || model.blockingProblem(state) !== null) return false;
    dispatch({ type: 'saveStarted' });
    const result = await settle(() => save(state, model.pendingChanges(state)));
    dispatch(result.ok ? { type: 'saveSucceeded', saved: result.value } : { type: 'saveFailed', error: result.error });
    if (result.ok) onSaved?.(result.value, state.saved);
    return result.ok;
  }

  return { state, dispatch, apply };
}
