import type { ApiErrorDto } from '../../../core/api';
import { canJumpTo, pageAfter, pageBefore } from '../../components/wizard';
import { fieldFromErrorPath } from './program-fields';
import { fieldsOf, firstIssue, type FieldIssues, type SettingsRules } from './settings-rules';

/** Settings pages, then Summary (its Next does the work) and Confirmation (the outcome). */
export type SettingsWizardPage<P extends string> = P | 'summary' | 'confirmation';

export type WizardSubmission<R> =
  | { readonly kind: 'editing' }
  | { readonly kind: 'creating' }
  | { readonly kind: 'created'; readonly result: R }
  | { readonly kind: 'failed'; readonly error: ApiErrorDto; readonly field: string | undefined };

export interface SettingsWizardState<D extends object, P extends string, R> {
  readonly page: SettingsWizardPage<P>;
  readonly draft: D;
  /** Fields the user has edited: their problems are shown inline; the others only block Next. */
  readonly touched: readonly string[];
  readonly submission: WizardSubmission<R>;
  /** The core's complaint about one field, shown at that field until it is edited. */
  readonly serverIssue: { readonly field: string; readonly message: string } | null;
}

export type SettingsWizardAction<D extends object, P extends string, R> =
  | { readonly type: 'edit'; readonly changes: Partial<D> }
  | { readonly type: 'next' }
  | { readonly type: 'previous' }
  | { readonly type: 'jumpTo'; readonly page: SettingsWizardPage<P> }
  | { readonly type: 'summary' }
  | { readonly type: 'createStarted' }
  | { readonly type: 'createSucceeded'; readonly result: R }
  | { readonly type: 'createFailed'; readonly error: ApiErrorDto }
  /** From a failed Confirmation page back to the page holding the field the core rejected. */
  | { readonly type: 'fixProblem' };

export function wizardPages<D extends object, P extends string>(rules: SettingsRules<D, P>): readonly SettingsWizardPage<P>[] {
  return [...rules.pages, 'summary', 'confirmation'];
}

export function initialWizardState<D extends object, P extends string, R>(rules: SettingsRules<D, P>, draft: D): SettingsWizardState<D, P, R> {
  const first = rules.pages[0];
  if (first === undefined) throw new Error('A settings wizard needs a page.');
  return { page: first, draft, touched: [], submission: { kind: 'editing' }, serverIssue: null };
}

function isSettingsPage<D extends object, P extends string>(rules: SettingsRules<D, P>, page: SettingsWizardPage<P>): page is P {
  return (rules.pages as readonly string[]).includes(page);
}

/** The first problem that keeps the user on this page, or null when Next may proceed. */
export function pageProblem<D extends object, P extends string, R>(
  rules: SettingsRules<D, P>,
  state: SettingsWizardState<D, P, R>,
  page: SettingsWizardPage<P> = state.page,
): { field: keyof D & string; message: string } | null {
  if (!isSettingsPage(rules, page)) return null;
  return firstIssue(rules.issues(state.draft), fieldsOf(rules).filter((field) => rules.fieldPage[field] === page));
}

/** Problems to show inline: the core's rules on fields the user has dealt with, plus the core's last complaint. */
export function visibleIssues<D extends object, P extends string, R>(
  rules: SettingsRules<D, P>,
  state: SettingsWizardState<D, P, R>,
): FieldIssues<keyof D & string> {
  const issues = rules.issues(state.draft);
  const visible: Partial<Record<keyof D & string, string>> = {};
  for (const field of state.touched as (keyof D & string)[]) {
    const message = issues[field];
    if (message !== undefined) visible[field] = message;
  }
  if (state.serverIssue !== null) visible[state.serverIssue.field as keyof D & string] = state.serverIssue.message;
  return visible;
}

export function isDraftValid<D extends object, P extends string>(rules: SettingsRules<D, P>, draft: D): boolean {
  return Object.keys(rules.issues(draft)).length === 0;
}

function isLocked<D extends object, P extends string, R>(state: SettingsWizardState<D, P, R>): boolean {
  return state.submission.kind === 'creating' || state.submission.kind === 'created';
}

export function canGoNext<D extends object, P extends string, R>(rules: SettingsRules<D, P>, state: SettingsWizardState<D, P, R>): boolean {
  if (isLocked(state)) return false;
  if (state.page === 'confirmation') return false;
  if (state.page === 'summary') return isDraftValid(rules, state.draft);
  return pageProblem(rules, state) === null;
}

export function canGoBack<D extends object, P extends string, R>(rules: SettingsRules<D, P>, state: SettingsWizardState<D, P, R>): boolean {
  return !isLocked(state) && pageBefore(wizardPages(rules), state.page) !== null;
}

/** Summary skips the remaining pages (their defaults stand), as in SCCM, once everything is valid. */
export function canJumpToSummary<D extends object, P extends string, R>(rules: SettingsRules<D, P>, state: SettingsWizardState<D, P, R>): boolean {
  return isSettingsPage(rules, state.page) && !isLocked(state) && isDraftValid(rules, state.draft);
}

export function canJumpToPage<D extends object, P extends string, R>(
  rules: SettingsRules<D, P>,
  state: SettingsWizardState<D, P, R>,
  page: SettingsWizardPage<P>,
): boolean {
  return !isLocked(state) && canJumpTo(wizardPages(rules), state.page, page);
}

export function settingsWizardReducer<D extends object, P extends string, R>(
  rules: SettingsRules<D, P>,
  state: SettingsWizardState<D, P, R>,
  action: SettingsWizardAction<D, P, R>,
): SettingsWizardState<D, P, R> {
  const pages = wizardPages(rules);
  switch (action.type) {
    case 'edit': {
      if (isLocked(state)) return state;
      const touched = new Set([...state.touched, ...rules.touchedBy(action.changes)]);
      const serverIssue = state.serverIssue !== null && !(state.serverIssue.field in action.changes) ? state.serverIssue : null;
      return { ...state, draft: rules.apply(state.draft, action.changes), touched: [...touched], serverIssue };
    }
    case 'next': {
      if (state.page === 'summary' || !canGoNext(rules, state)) return state;
      const next = pageAfter(pages, state.page);
      return next === null ? state : { ...state, page: next };
    }
    case 'previous': {
      if (!canGoBack(rules, state)) return state;
      const previous = pageBefore(pages, state.page);
      return previous === null ? state : { ...state, page: previous };
    }
    case 'jumpTo':
      return canJumpToPage(rules, state, action.page) ? { ...state, page: action.page } : state;
    case 'summary':
      return canJumpToSummary(rules, state) ? { ...state, page: 'summary' } : state;
    case 'createStarted':
      return state.page === 'summary' && canGoNext(rules, state) ? { ...state, submission: { kind: 'creating' } } : state;
    case 'createSucceeded':
      if (state.submission.kind !== 'creating') return state;
      return { ...state, page: 'confirmation', submission: { kind: 'created', result: action.result } };
    case 'createFailed':
      if (state.submission.kind !== 'creating') return state;
      return {
        ...state,
        page: 'confirmation',
        submission: { kind: 'failed', error: action.error, field: fieldFromErrorPath(action.error.field, rules.fieldPage) },
      };
    case 'fixProblem': {
      if (state.submission.kind !== 'failed') return state;
      const { field, error } = state.submission;
      if (field === undefined) return { ...state, page: 'summary', submission: { kind: 'editing' } };
      return {
        ...state,
        page: rules.fieldPage[field as keyof D & string],
        submission: { kind: 'editing' },
        touched: state.touched.includes(field) ? state.touched : [...state.touched, field],
        serverIssue: { field, message: error.message },
      };
    }
  }
}
