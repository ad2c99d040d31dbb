import { type ApiErrorDto, type DistributionPlanDto, type DistributionPointDto, type DpGroupDto } from '../../../core/api';
import { sortByText } from '../../components/data-grid';
import { canJumpTo as railAllows, pageAfter, pageBefore, type WizardProblem } from '../../components/wizard';
import { offeredOnly, selectDpGroup } from './dp-group-selection';
import { nameList } from './package-dp-labels';

/**
 * The New Distribution Points Wizard (docs/console.md#distribution-points): Welcome, Copy
 * Package (the DPs that do not have the package yet), Summary, Confirmation.
 */
export type NewDpsPage = 'welcome' | 'copy' | 'summary' | 'confirmation';

export const newDpsPages: readonly { readonly id: NewDpsPage; readonly label: string }[] = [
  { id: 'welcome', label: 'Welcome' },
  { id: 'copy', label: 'Copy Package' },
  { id: 'summary', label: 'Summary' },
  { id: 'confirmation', label: 'Confirmation' },
];
const pageIds = newDpsPages.map((p) => p.id);

export type Candidates =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly items: readonly DistributionPointDto[] }
  | { readonly status: 'error'; readonly error: string };

export type NewDpsSubmission =
  | { readonly kind: 'editing' }
  | { readonly kind: 'working' }
  | { readonly kind: 'done'; readonly plan: DistributionPlanDto }
  | { readonly kind: 'failed'; readonly error: ApiErrorDto };

export interface NewDpsState {
  readonly page: NewDpsPage;
  /** A package without source files has nothing to copy: the wizard stops on Welcome. */
  readonly containsSourceFiles: boolean;
  readonly candidates: Candidates;
  /** Checked DPs, by name, in the list's order. */
  readonly selected: readonly string[];
  /** What the last Select Group did, in words (members checked, members that already have the package). */
  readonly groupNote: string | null;
  readonly submission: NewDpsSubmission;
}

export type NewDpsAction =
  | { readonly type: 'candidatesReading' }
  | { readonly type: 'candidatesLoaded'; readonly items: readonly DistributionPointDto[] }
  | { readonly type: 'candidatesFailed'; readonly error: string }
  | { readonly type: 'select'; readonly names: readonly string[] }
  | { readonly type: 'selectGroup'; readonly group: DpGroupDto }
  | { readonly type: 'next' }
  | { readonly type: 'previous' }
  | { readonly type: 'jumpTo'; readonly page: NewDpsPage }
  | { readonly type: 'summary' }
  | { readonly type: 'submitStarted' }
  | { readonly type: 'submitSucceeded'; readonly plan: DistributionPlanDto }
  | { readonly type: 'submitFailed'; readonly error: ApiErrorDto };

export function initialNewDpsState(containsSourceFiles: boolean): NewDpsState {
  return { page: 'welcome', containsSourceFiles, candidates: { status: 'loading' }, selected: [], groupNote: null, submission: { kind: 'editing' } };
}

/** The DPs offered on Copy Package, in the order shown (by name). */
export function candidateNames(state: NewDpsState): readonly string[] {
  return state.candidates.status === 'ready' ? state.candidates.items.map((dp) => dp.name) : [];
}

/** Why Next is disabled on a page, or null. */
export function pageProblem(state: NewDpsState, page: NewDpsPage = state.page): WizardProblem | null {
  if (page === 'welcome' && !state.containsSourceFiles) {
    return { message: 'This package contains no source files, so it needs no distribution points.' };
  }
  if (page !== 'copy') return null;
  switch (state.candidates.status) {
    case 'loading':
      return { message: 'Reading the distribution points…' };
    case 'error':
      return { message: 'The distribution points could not be read.' };
    case 'ready':
      if (state.candidates.items.length === 0) return { message: 'Every distribution point of the site already has this package.' };
      return state.selected.length === 0 ? { message: 'Select at least one distribution point to copy the package to.', field: 'distributionPoints', fieldLabel: 'Distribution points' } : null;
  }
}

function firstBlockedPage(state: NewDpsState): NewDpsPage | null {
  for (const page of ['welcome', 'copy'] as const) if (pageProblem(state, page) !== null) return page;
  return null;
}

export function canJumpTo(state: NewDpsState, page: NewDpsPage): boolean {
  return state.submission.kind !== 'working' && state.submission.kind !== 'done' && railAllows(pageIds, state.page, page);
}

/** Checks every member of the group that is offered; members that already have the package are named, not checked. */
function selectGroup(state: NewDpsState, group: DpGroupDto): NewDpsState {
  const { selected, inList, notOffered } = selectDpGroup(candidateNames(state), state.selected, group);
  let note: string;
  if (group.members.length === 0) note = `The group ${group.name} has no members; nothing was selected.`;
  else if (inList.length === 0) note = `Every member of ${group.name} (${nameList(group.members)}) already has this package or is being deleted; nothing was selected.`;
  else {
    const members = inList.length === 1 ? 'the member' : `the ${inList.length} members`;
    note = `Selected ${members} of ${group.name} that ${inList.length === 1 ? 'does' : 'do'} not have the package: ${nameList(inList)}.`;
    if (notOffered.length > 0) note += ` ${nameList(notOffered)} already ${notOffered.length === 1 ? 'has' : 'have'} it or ${notOffered.length === 1 ? 'is' : 'are'} being deleted.`;
  }
  return { ...state, selected, groupNote: note };
}

export function newDpsReducer(state: NewDpsState, action: NewDpsAction): NewDpsState {
  const editing = state.submission.kind === 'editing' || state.submission.kind === 'failed';
  switch (action.type) {
    case 'candidatesReading':
      return { ...state, candidates: { status: 'loading' } };
    case 'candidatesLoaded': {
      const items = sortByText(action.items, (dp) => dp.name);
      const names = items.map((dp) => dp.name);
      // A DP that left the list (another console gave it the package) is no longer checked.
      return { ...state, candidates: { status: 'ready', items }, selected: names.filter((name) => state.selected.includes(name)) };
    }
    case 'candidatesFailed':
      return { ...state, candidates: { status: 'error', error: action.error } };
    case 'select':
      return editing ? { ...state, selected: offeredOnly(candidateNames(state), action.names) } : state;
    case 'selectGroup':
      return editing ? selectGroup(state, action.group) : state;
    case 'next': {
      if (!editing || state.page === 'summary' || state.page === 'confirmation' || pageProblem(state) !== null) return state;
      return { ...state, page: pageAfter(pageIds, state.page) ?? state.page };
    }
    case 'previous': {
      if (state.submission.kind === 'working' || state.submission.kind === 'done') return state;
      const page = pageBefore(pageIds, state.page);
      return page === null ? state : { ...state, page, submission: { kind: 'editing' } };
    }
    case 'jumpTo':
      return canJumpTo(state, action.page) ? { ...state, page: action.page, submission: { kind: 'editing' } } : state;
    case 'summary': {
      if (!editing || state.page === 'confirmation') return state;
      return { ...state, page: firstBlockedPage(state) ?? 'summary' };
    }
    case 'submitStarted':
      return state.page === 'summary' && editing && firstBlockedPage(state) === null ? { ...state, submission: { kind: 'working' } } : state;
    case 'submitSucceeded':
      return { ...state, page: 'confirmation', submission: { kind: 'done', plan: action.plan } };
    case 'submitFailed':
      return { ...state, page: 'confirmation', submission: { kind: 'failed', error: action.error } };
  }
}
