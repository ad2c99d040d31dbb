import type { ApiErrorDto, ComputerProgramSettings, DeviceProgramSettings, ProgramDto } from '../../../core/api';
import type { PropertySheetBlock } from '../../components/property-sheet';
import { deviceProgramRules, programRules } from './program-draft';
import { fieldFromErrorPath } from './program-fields';
import { changedFields, fieldsOf, pickSettings, type FieldIssues, type SettingsRules } from './settings-rules';

/**
 * A program's Properties: the tabs of its wizard, computer or device. The draft is a union so
 * one reducer serves both; `kind` says which rules apply.
 */
export type ProgramDraft =
  | { readonly kind: 'computer'; readonly settings: ComputerProgramSettings }
  | { readonly kind: 'device'; readonly settings: DeviceProgramSettings };

export interface SaveError {
  readonly message: string;
  /** The setting the core rejected; its message stays at the field until the field is edited. */
  readonly field: string | undefined;
}

export type ProgramPropertiesState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loadFailed'; readonly error: ApiErrorDto }
  | {
      readonly kind: 'ready';
      readonly saved: ProgramDto;
      readonly draft: ProgramDraft;
      readonly tab: string;
      readonly saving: boolean;
      readonly error: SaveError | null;
    };

export type ReadyProgramState = Extract<ProgramPropertiesState, { kind: 'ready' }>;

export type ProgramPropertiesAction =
  | { readonly type: 'loaded'; readonly program: ProgramDto }
  | { readonly type: 'loadFailed'; readonly error: ApiErrorDto }
  | { readonly type: 'selectTab'; readonly tab: string }
  | { readonly type: 'edit'; readonly changes: Partial<ComputerProgramSettings> | Partial<DeviceProgramSettings> }
  | { readonly type: 'saveStarted' }
  | { readonly type: 'saveSucceeded'; readonly program: ProgramDto }
  | { readonly type: 'saveFailed'; readonly error: ApiErrorDto }
  | { readonly type: 'dismissError' };

export const initialProgramPropertiesState: ProgramPropertiesState = { kind: 'loading' };

// Both rule sets behind one signature: the draft's kind picks the right one.
type AnyRules = SettingsRules<Record<string, unknown>, string>;

export function rulesOf(draft: ProgramDraft): AnyRules {
  return (draft.kind === 'computer' ? programRules : deviceProgramRules) as unknown as AnyRules;
}

export function draftOf(program: ProgramDto): ProgramDraft {
  return program.kind === 'computer'
    ? { kind: 'computer', settings: pickSettings(programRules, program) }
    : { kind: 'device', settings: pickSettings(deviceProgramRules, program) };
}

/** Only what the user changed, renames included, for `programs:update`. */
export function pendingChanges(state: ReadyProgramState): Record<string, unknown> {
  const saved = draftOf(state.saved);
  return changedFields(saved.settings as Record<string, unknown>, state.draft.settings as Record<string, unknown>);
}

export function isDirty(state: ReadyProgramState): boolean {
  return Object.keys(pendingChanges(state)).length > 0;
}

export function propertiesIssues(state: ReadyProgramState): FieldIssues<string> {
  const issues = rulesOf(state.draft).issues(state.draft.settings as Record<string, unknown>);
  const field = state.error?.field;
  return field === undefined || state.error === null ? issues : { ...issues, [field]: state.error.message };
}

/** The first rule the draft breaks, in tab order, with the tab to open to fix it. */
export function blockingProblem(state: ReadyProgramState): PropertySheetBlock<string> | null {
  const rules = rulesOf(state.draft);
  const issues = rules.issues(state.draft.settings as Record<string, unknown>);
  for (const field of fieldsOf(rules)) {
    const message = issues[field];
    if (message !== undefined) return { message, tab: rules.fieldPage[field] ?? 'general' };
  }
  return null;
}

function ready(program: ProgramDto, tab: string): ReadyProgramState {
  return { kind: 'ready', saved: program, draft: draftOf(program), tab, saving: false, error: null };
}

export function programPropertiesReducer(state: ProgramPropertiesState, action: ProgramPropertiesAction): ProgramPropertiesState {
  switch (action.type) {
    case 'loaded':
      return ready(action.program, state.kind === 'ready' ? state.tab : 'general');
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
      const draft: ProgramDraft =
        state.draft.kind === 'computer'
          ? { kind: 'computer', settings: programRules.apply(state.draft.settings, action.changes as Partial<ComputerProgramSettings>) }
          : { kind: 'device', settings: deviceProgramRules.apply(state.draft.settings, action.changes as Partial<DeviceProgramSettings>) };
      return { ...state, draft, error: clearsError ? null : state.error };
    }
    case 'saveStarted':
      return state.saving ? state : { ...state, saving: true, error: null };
    case 'saveSucceeded':
      return ready(action.program, state.tab);
    case 'saveFailed': {
      const rules = rulesOf(state.draft);
      const field = fieldFromErrorPath(action.error.field, rules.fieldPage);
      return {
        ...state,
        saving: false,
        tab: field === undefined ? state.tab : (rules.fieldPage[field] ?? state.tab),
        error: { message: action.error.message, field },
      };
    }
    case 'dismissError':
      return { ...state, error: null };
  }
}
