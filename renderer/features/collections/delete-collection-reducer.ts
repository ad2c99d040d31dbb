import type { ApiErrorDto, CollectionDeletedDto } from '../../../core/api';
import { canJumpTo, pageAfter, pageBefore } from '../../components/wizard';

/**
 * The Delete Collection wizard (docs/console.md#collections): what goes (the collection and its
 * own subcollections, all the way down; collections only linked under it lose the link), the
 * advertisements that target any of them, which go too once confirmed, a Summary whose Next
 * deletes, and the Confirmation.
 */
export type DeleteCollectionPage = 'general' | 'subcollections' | 'advertisements' | 'summary' | 'confirmation';

export const deleteCollectionPages: readonly { readonly id: DeleteCollectionPage; readonly label: string }[] = [
  { id: 'general', label: 'General' },
  { id: 'subcollections', label: 'Subcollections' },
  { id: 'advertisements', label: 'Advertisements' },
  { id: 'summary', label: 'Summary' },
  { id: 'confirmation', label: 'Confirmation' },
];
const pageIds = deleteCollectionPages.map((p) => p.id);

export type DeleteSubmission =
  | { readonly kind: 'editing' }
  | { readonly kind: 'deleting' }
  | { readonly kind: 'deleted'; readonly result: CollectionDeletedDto }
  | { readonly kind: 'failed'; readonly error: ApiErrorDto };

export interface DeleteCollectionState {
  readonly page: DeleteCollectionPage;
  /** How many advertisements target what goes; null until they are read. */
  readonly advertisements: number | null;
  /** "Delete these advertisements with the collection", asked only when there are some. */
  readonly confirmed: boolean;
  readonly submission: DeleteSubmission;
  /** Why the Advertisements page asks again (the site server found advertisements not listed). */
  readonly notice: string | null;
  /** Which reading of the advertisements counts: a refusal naming others starts the next one. */
  readonly round: number;
}

export type DeleteCollectionAction =
  | { readonly type: 'advertisementsRead'; readonly count: number; readonly round: number }
  | { readonly type: 'confirm'; readonly confirmed: boolean }
  | { readonly type: 'next' }
  | { readonly type: 'previous' }
  | { readonly type: 'jumpTo'; readonly page: DeleteCollectionPage }
  | { readonly type: 'deleteStarted' }
  | { readonly type: 'deleted'; readonly result: CollectionDeletedDto }
  | { readonly type: 'failed'; readonly error: ApiErrorDto };

export const initialDeleteCollectionState: DeleteCollectionState = { page: 'general', advertisements: null, confirmed: false, submission: { kind: 'editing' }, notice: null, round: 0 };

const locked = (state: DeleteCollectionState) => state.submission.kind === 'deleting' || state.submission.kind === 'deleted';

/** The advertisements are known, and none go unconfirmed. */
function advertisementsSettled(state: DeleteCollectionState): boolean {
  return state.advertisements !== null && (state.advertisements === 0 || state.confirmed);
}

/** Why Next is held on the current page, or null. */
export function deleteBlocked(state: DeleteCollectionState): string | null {
  if (state.page !== 'advertisements' && state.page !== 'summary') return null;
  if (state.advertisements === null) return 'Reading the advertisements that target it…';
  if (!advertisementsSettled(state)) return 'Confirm that these advertisements are deleted with the collection.';
  return null;
}

export function canGoNext(state: DeleteCollectionState): boolean {
  if (locked(state) || state.page === 'confirmation') return false;
  return deleteBlocked(state) === null;
}

export function canGoBack(state: DeleteCollectionState): boolean {
  if (locked(state)) return false;
  return pageBefore(pageIds, state.page) !== null;
}

export function canJumpToPage(state: DeleteCollectionState, page: DeleteCollectionPage): boolean {
  return !locked(state) && page !== 'confirmation' && canJumpTo(pageIds, state.page, page);
}

/** The request's deleteAdvertisements: only after the confirmation, and only when there are some. */
export function deletesAdvertisements(state: DeleteCollectionState): boolean {
  return (state.advertisements ?? 0) > 0 && state.confirmed;
}

export function deleteCollectionReducer(state: DeleteCollectionState, action: DeleteCollectionAction): DeleteCollectionState {
  switch (action.type) {
    case 'advertisementsRead':
      if (action.round !== state.round || state.advertisements !== null) return state;
      return { ...state, advertisements: action.count, confirmed: false };
    case 'confirm':
      return locked(state) ? state : { ...state, confirmed: action.confirmed };
    case 'next': {
      if (state.page === 'summary' || !canGoNext(state)) return state;
      const next = pageAfter(pageIds, state.page);
      return next === null ? state : { ...state, page: next };
    }
    case 'previous': {
      if (!canGoBack(state)) return state;
      const previous = state.page === 'confirmation' ? 'summary' : pageBefore(pageIds, state.page);
      return previous === null ? state : { ...state, page: previous, submission: { kind: 'editing' } };
    }
    case 'jumpTo':
      return canJumpToPage(state, action.page) ? { ...state, page: action.page } : state;
    case 'deleteStarted':
      return state.page === 'summary' && canGoNext(state) ? { ...state, submission: { kind: 'deleting' } } : state;
    case 'deleted':
      return state.submission.kind === 'deleting' ? { ...state, page: 'confirmation', submission: { kind: 'deleted', result: action.result }, notice: null } : state;
    case 'failed':
      if (state.submission.kind !== 'deleting') return state;
      // Advertisements the wizard did not list: back to that page, to read and confirm them.
      if (action.error.code === 'CONFLICT' && action.error.field === 'deleteAdvertisements') {
        return { ...state, page: 'advertisements', advertisements: null, confirmed: false, submission: { kind: 'editing' }, notice: action.error.message, round: state.round + 1 };
      }
      return { ...state, page: 'confirmation', submission: { kind: 'failed', error: action.error } };
  }
}
