import type { ApiErrorDto, PackageChangesInput, PackageDto, PackageSettings } from '../../../core/api';
import type { PropertySheetBlock, PropertySheetTab } from '../../components/property-sheet';
import { applyDraftChange, changedSettings, draftIssues, settingsFromPackage, type FieldIssues } from './package-draft';
import {
  fieldFromErrorPath,
  fieldPage,
  packageSettingPages,
  settingPageLabels,
  type PackageField,
  type PackageSettingPageId,
} from './package-fields';

/** The package's Properties tabs: the wizard's settings pages, then Security (a note for now). */
export type PackagePropertiesTab =
  | { readonly kind: 'settings'; readonly id: PackageSettingPageId; readonly label: string }
  | { readonly kind: 'security'; readonly id: 'security'; readonly label: string };

export type PackagePropertiesTabId = PackagePropertiesTab['id'];

export const packagePropertiesTabs: readonly PackagePropertiesTab[] = [
  ...packageSettingPages.map((id): PackagePropertiesTab => ({ kind: 'settings', id, label: settingPageLabels[id] })),
  { kind: 'security', id: 'security', label: 'Security' },
];

export const packagePropertiesSheetTabs: readonly PropertySheetTab<PackagePropertiesTabId>[] = packagePropertiesTabs;

export function tabOf(id: PackagePropertiesTabId): PackagePropertiesTab {
  const tab = packagePropertiesTabs.find((candidate) => candidate.id === id);
  if (!tab) throw new Error(`No package Properties tab ${id}`);
  return tab;
}

export interface SaveError {
  readonly message: string;
  /** The setting the core rejected; its message stays at the field until the field is edited. */
  readonly field: PackageField | undefined;
}

export type PackagePropertiesState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loadFailed'; readonly error: ApiErrorDto }
  | {
      readonly kind: 'ready';
      readonly saved: PackageDto;
      readonly draft: PackageSettings;
      readonly tab: PackagePropertiesTabId;
      readonly saving: boolean;
      readonly error: SaveError | null;
    };

export type ReadyState = Extract<PackagePropertiesState, { kind: 'ready' }>;

export type PackagePropertiesAction =
  | { readonly type: 'loaded'; readonly package: PackageDto }
  | { readonly type: 'loadFailed'; readonly error: ApiErrorDto }
  | { readonly type: 'selectTab'; readonly tab: PackagePropertiesTabId }
  | { readonly type: 'edit'; readonly changes: Partial<PackageSettings> }
  | { readonly type: 'saveStarted' }
  | { readonly type: 'saveSucceeded'; readonly package: PackageDto }
  | { readonly type: 'saveFailed'; readonly error: ApiErrorDto }
  | { readonly type: 'dismissError' };

export const initialPackagePropertiesState: PackagePropertiesState = { kind: 'loading' };

export function pendingChanges(state: ReadyState): PackageChangesInput {
  return changedSettings(settingsFromPackage(state.saved), state.draft);
}

export function isDirty(state: ReadyState): boolean {
  return Object.keys(pendingChanges(state)).length > 0;
}

/** The core's rules on the draft, plus the core's last complaint at its field. */
export function propertiesIssues(state: ReadyState): FieldIssues {
  const issues = draftIssues(state.draft);
  const field = state.error?.field;
  return field === undefined || state.error === null ? issues : { ...issues, [field]: state.error.message };
}

/** The first rule the draft breaks, in tab order, with the tab to open to fix it. */
export function blockingProblem(state: ReadyState): PropertySheetBlock<PackagePropertiesTabId> | null {
  const issues = draftIssues(state.draft);
  for (const field of Object.keys(fieldPage) as PackageField[]) {
    const message = issues[field];
    if (message !== undefined) return { message, tab: fieldPage[field] };
  }
  return null;
}

function ready(pkg: PackageDto, tab: PackagePropertiesTabId): ReadyState {
  return { kind: 'ready', saved: pkg, draft: settingsFromPackage(pkg), tab, saving: false, error: null };
}

export function packagePropertiesReducer(state: PackagePropertiesState, action: PackagePropertiesAction): PackagePropertiesState {
  switch (action.type) {
    case 'loaded':
      return ready(action.package, state.kind === 'ready' ? state.tab : 'general');
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
      return { ...state, draft: applyDraftChange(state.draft, action.changes), error: clearsError ? null : state.error };
    }
    case 'saveStarted':
      return state.saving ? state : { ...state, saving: true, error: null };
    case 'saveSucceeded':
      return ready(action.package, state.tab);
    case 'saveFailed': {
      const field = fieldFromErrorPath(action.error.field);
      return {
        ...state,
        saving: false,
        tab: field === undefined ? state.tab : fieldPage[field],
        error: { message: action.error.message, field },
      };
    }
    case 'dismissError':
      return { ...state, error: null };
  }
}
