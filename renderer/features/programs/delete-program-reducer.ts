import type { ApiErrorDto, ProgramDeletedDto } from '../../../core/api';

/**
 * The Delete Program Wizard (docs/software-distribution.md#delete-program-wizard): deleting a
 * program ripples to its advertisements, so the wizard lists them and asks a second time.
 * General asks first; the core answers either with the deletion or with the advertisements that
 * would go with it, which the Affected Advertisements page lists for a second confirmation.
 */
export type DeleteProgramPage = 'general' | 'advertisements' | 'confirmation';

export const deleteProgramPages: readonly { readonly id: DeleteProgramPage; readonly label: string }[] = [
  { id: 'general', label: 'General' },
  { id: 'advertisements', label: 'Affected Advertisements' },
  { id: 'confirmation', label: 'Confirmation' },
];

export interface DeleteProgramState {
  readonly page: DeleteProgramPage;
  readonly busy: boolean;
  /** The core's list of the program's advertisements, in its words, once it has named some. */
  readonly advertisements: string | null;
  /** The second confirmation on Affected Advertisements. */
  readonly confirmed: boolean;
  /** Why the core refused, shown on the page where the user is. */
  readonly error: string | null;
  readonly deleted: ProgramDeletedDto | null;
}

export type DeleteProgramAction =
  | { readonly type: 'deleteStarted' }
  | { readonly type: 'deleted'; readonly result: ProgramDeletedDto }
  | { readonly type: 'failed'; readonly error: ApiErrorDto }
  | { readonly type: 'confirm'; readonly confirmed: boolean }
  | { readonly type: 'previous' };

export const initialDeleteProgramState: DeleteProgramState = {
  page: 'general',
  busy: false,
  advertisements: null,
  confirmed: false,
  error: null,
  deleted: null,
};

/** Whether Next (delete) may run on the current page. */
export function canDelete(state: DeleteProgramState): boolean {
  if (state.busy || state.deleted !== null) return false;
  if (state.page === 'general') return true;
  if (state.page === 'advertisements') return state.confirmed;
  return false;
}

/** The request's deleteAdvertisements: only after the second confirmation. */
export function deletesAdvertisements(state: DeleteProgramState): boolean {
  return state.page === 'advertisements' && state.confirmed;
}

/** Turns a refusal into plain words; a CONFLICT about advertisements asks the second question instead. */
export function deleteProgramReducer(state: DeleteProgramState, action: DeleteProgramAction): DeleteProgramState {
  switch (action.type) {
    case 'deleteStarted':
      return canDelete(state) ? { ...state, busy: true, error: null } : state;
    case 'deleted':
      return { ...state, busy: false, deleted: action.result, page: 'confirmation', error: null };
    case 'failed':
      if (action.error.code === 'CONFLICT' && action.error.field === 'deleteAdvertisements') {
        return { ...state, busy: false, page: 'advertisements', advertisements: action.error.message, confirmed: false, error: null };
      }
      return { ...state, busy: false, error: action.error.message };
    case 'confirm':
      return state.busy ? state : { ...state, confirmed: action.confirmed };
    case 'previous':
      return state.page === 'advertisements' && !state.busy ? { ...state, page: 'general', confirmed: false, error: null } : state;
  }
}
