import type { ApiErrorDto, PackageDto, PackageSettings } from '../../../core/api';
import { canJumpTo, pageAfter, pageBefore } from '../../components/wizard';
import { applyDraftChange, draftIssues, fieldsTouchedBy, firstIssue, newPackageDraft, type FieldIssues } from './package-draft';
import { fieldFromErrorPath, fieldPage, type PackageField } from './package-fields';
import { newPackagePageIds, stepOf, type NewPackagePageId } from './new-package-wizard-steps';

export type Submission =
  | { readonly kind: 'editing' }
  | { readonly kind: 'creating' }
  | { readonly kind: 'created'; readonly package: PackageDto }
  | { readonly kind: 'failed'; readonly error: ApiErrorDto; readonly field: PackageField | undefined };

export interface NewPackageWizardState {
  readonly page: NewPackagePageId;
  readonly draft: PackageSettings;
  /** Fields the user has edited: their problems are shown inline; the others only block Next. */
  readonly touched: readonly PackageField[];
  readonly submission: Submission;
  /** The core's complaint about one field, shown at that field until it is edited. */
  readonly serverIssue: { readonly field: PackageField; readonly message: string } | null;
}

export type NewPackageWizardAction =
  | { readonly type: 'edit'; readonly changes: Partial<PackageSettings> }
  | { readonly type: 'next' }
  | { readonly type: 'previous' }
  | { readonly type: 'jumpTo'; readonly page: NewPackagePageId }
  | { readonly type: 'summary' }
  | { readonly type: 'createStarted' }
  | { readonly type: 'createSucceeded'; readonly package: PackageDto }
  | { readonly type: 'createFailed'; readonly error: ApiErrorDto }
  /** From a failed Confirmation page back to the page holding the field the core rejected. */
  | { readonly type: 'fixProblem' };

export const initialNewPackageWizardState: NewPackageWizardState = {
  page: 'general',
  draft: newPackageDraft(),
  touched: [],
  submission: { kind: 'editing' },
  serverIssue: null,
};

const settingFields = Object.keys(fieldPage) as PackageField[];

function fieldsOnPage(page: NewPackagePageId): PackageField[] {
  return settingFields.filter((field) => fieldPage[field] === page);
}

/** The first problem that keeps the user on this page, or null when Next may proceed. */
export function pageProblem(state: NewPackageWizardState, page: NewPackagePageId = state.page): { field: PackageField; message: string } | null {
  const step = stepOf(page);
  if (step.kind !== 'settings') return null;
  return firstIssue(draftIssues(state.draft), fieldsOnPage(step.id));
}

/**
 * Problems to show inline: the core's rules, only on fields the user has already dealt with,
 * plus the core's last complaint. That complaint does not block Next: the cause may lie
 * outside the form (a folder since restored), so the user may simply try again.
 */
export function visibleIssues(state: NewPackageWizardState): FieldIssues {
  const issues = draftIssues(state.draft);
  const visible: Partial<Record<PackageField, string>> = {};
  for (const field of state.touched) {
    const message = issues[field];
    if (message !== undefined) visible[field] = message;
  }
  if (state.serverIssue !== null) visible[state.serverIssue.field] = state.serverIssue.message;
  return visible;
}

export function isDraftValid(state: NewPackageWizardState): boolean {
  return Object.keys(draftIssues(state.draft)).length === 0;
}

function isLocked(state: NewPackageWizardState): boolean {
  return state.submission.kind === 'creating' || state.submission.kind === 'created';
}

export function canGoNext(state: NewPackageWizardState): boolean {
  if (isLocked(state)) return false;
  switch (stepOf(state.page).kind) {
    case 'settings':
      return pageProblem(state) === null;
    case 'security':
      return true;
    case 'summary':
      return isDraftValid(state);
    case 'confirmation':
      return false;
  }
}

export function canGoBack(state: NewPackageWizardState): boolean {
  if (isLocked(state)) return false;
  return pageBefore(newPackagePageIds, state.page) !== null;
}

/** Summary skips the remaining pages (their defaults stand), as in SCCM, once everything is valid. */
export function canJumpToSummary(state: NewPackageWizardState): boolean {
  const kind = stepOf(state.page).kind;
  return (kind === 'settings' || kind === 'security') && !isLocked(state) && isDraftValid(state);
}

export function canJumpToPage(state: NewPackageWizardState, page: NewPackagePageId): boolean {
  return !isLocked(state) && canJumpTo(newPackagePageIds, state.page, page);
}

export function newPackageWizardReducer(state: NewPackageWizardState, action: NewPackageWizardAction): NewPackageWizardState {
  switch (action.type) {
    case 'edit': {
      if (isLocked(state)) return state;
      const touched = new Set([...state.touched, ...fieldsTouchedBy(action.changes)]);
      const serverIssue =
        state.serverIssue !== null && !(state.serverIssue.field in action.changes) ? state.serverIssue : null;
      return { ...state, draft: applyDraftChange(state.draft, action.changes), touched: [...touched], serverIssue };
    }
    case 'next': {
      const kind = stepOf(state.page).kind;
      // Summary's Next creates the package: the component dispatches createStarted and calls the core.
      if (kind === 'summary' || !canGoNext(state)) return state;
      const next = pageAfter(newPackagePageIds, state.page);
      return next === null ? state : { ...state, page: next };
    }
    case 'previous': {
      if (!canGoBack(state)) return state;
      const previous = pageBefore(newPackagePageIds, state.page);
      return previous === null ? state : { ...state, page: previous };
    }
    case 'jumpTo':
      return canJumpToPage(state, action.page) ? { ...state, page: action.page } : state;
    case 'summary':
      return canJumpToSummary(state) ? { ...state, page: 'summary' } : state;
    case 'createStarted':
      return state.page === 'summary' && canGoNext(state) ? { ...state, submission: { kind: 'creating' } } : state;
    case 'createSucceeded':
      if (state.submission.kind !== 'creating') return state;
      return { ...state, page: 'confirmation', submission: { kind: 'created', package: action.package } };
    case 'createFailed':
      if (state.submission.kind !== 'creating') return state;
      return {
        ...state,
        page: 'confirmation',
        submission: { kind: 'failed', error: action.error, field: fieldFromErrorPath(action.error.field) },
      };
    case 'fixProblem': {
      if (state.submission.kind !== 'failed') return state;
      const { field, error } = state.submission;
      if (field === undefined) return { ...state, page: 'summary', submission: { kind: 'editing' } };
      return {
        ...state,
        page: fieldPage[field],
        submission: { kind: 'editing' },
        touched: state.touched.includes(field) ? state.touched : [...state.touched, field],
        serverIssue: { field, message: error.message },
      };
    }
  }
}
