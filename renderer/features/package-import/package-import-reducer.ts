import { sameNoCase, type ApiErrorDto, type DefinitionPreviewDto, type DefinitionSource, type PackageImportedDto } from '../../../core/api';
import { canJumpTo, pageAfter, pageBefore } from '../../components/wizard';
import { importPageIds, importStepOf, type PackageImportPageId, type SourceFilesMode } from './package-import-steps';

/** Reading the chosen definition with definitions:inspect. */
export type DefinitionRead =
  | { readonly kind: 'none' }
  | { readonly kind: 'reading'; readonly source: DefinitionSource }
  | { readonly kind: 'read'; readonly source: DefinitionSource; readonly preview: DefinitionPreviewDto }
  | { readonly kind: 'failed'; readonly source: DefinitionSource; readonly error: ApiErrorDto };

export type ImportSubmission =
  | { readonly kind: 'editing' }
  | { readonly kind: 'creating' }
  | { readonly kind: 'created'; readonly result: PackageImportedDto }
  /** `page` is where the problem can be fixed, or null when only trying again can help. */
  | { readonly kind: 'failed'; readonly error: ApiErrorDto; readonly page: FixablePage | null };

export type FixablePage = Extract<PackageImportPageId, 'definition' | 'sourceFiles' | 'sourceDirectory'>;

export interface PackageImportState {
  readonly page: PackageImportPageId;
  readonly read: DefinitionRead;
  /** The definition whose Source Files preselection is applied; a new one preselects again. */
  readonly preselectedFor: DefinitionSource | null;
  readonly sourceFiles: SourceFilesMode;
  readonly sourceDirectory: string;
  readonly submission: ImportSubmission;
  /** The core's complaint, shown on the page that can fix it until something there changes. */
  readonly serverIssue: { readonly page: FixablePage; readonly message: string } | null;
}

export type PackageImportAction =
  /** Read a definition; choosing the one already read does nothing unless `reread` (the file may have changed). */
  | { readonly type: 'choose'; readonly source: DefinitionSource; readonly reread?: boolean }
  | { readonly type: 'readSucceeded'; readonly source: DefinitionSource; readonly preview: DefinitionPreviewDto }
  | { readonly type: 'readFailed'; readonly source: DefinitionSource; readonly error: ApiErrorDto }
  | { readonly type: 'setSourceFiles'; readonly mode: SourceFilesMode }
  | { readonly type: 'setSourceDirectory'; readonly path: string }
  | { readonly type: 'next' }
  | { readonly type: 'previous' }
  | { readonly type: 'jumpTo'; readonly page: PackageImportPageId }
  | { readonly type: 'summary' }
  | { readonly type: 'createStarted' }
  | { readonly type: 'createSucceeded'; readonly result: PackageImportedDto }
  | { readonly type: 'createFailed'; readonly error: ApiErrorDto }
  /** From a failed Confirmation page back to the page that can fix it. */
  | { readonly type: 'fixProblem' };

export const initialPackageImportState: PackageImportState = {
  page: 'definition',
  read: { kind: 'none' },
  preselectedFor: null,
  sourceFiles: 'direct',
  sourceDirectory: '',
  submission: { kind: 'editing' },
  serverIssue: null,
};

export function sameSource(a: DefinitionSource | null, b: DefinitionSource | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind === 'builtIn') return b.kind === 'builtIn' && sameNoCase(a.id, b.id);
  return b.kind === 'file' && a.path.trim() === b.path.trim();
}

/** The chosen definition, once the site server has read it. */
export function previewOf(state: PackageImportState): DefinitionPreviewDto | null {
  return state.read.kind === 'read' ? state.read.preview : null;
}

/** What the Source Files page offers first: nothing for a definition without files, an MSI's own folder for an MSI. */
export function preselection(preview: DefinitionPreviewDto): { sourceFiles: SourceFilesMode; sourceDirectory: string } {
  if (preview.package.containsNoFiles) return { sourceFiles: 'none', sourceDirectory: '' };
  return { sourceFiles: 'direct', sourceDirectory: preview.suggestedSourceDirectory };
}

export function pagesOf(state: PackageImportState): readonly PackageImportPageId[] {
  return importPageIds(state.sourceFiles);
}

/** Why Next is disabled on a page, in plain words, or null when it may proceed. */
export function pageProblem(state: PackageImportState, page: PackageImportPageId = state.page): string | null {
  switch (importStepOf(page).kind) {
    case 'definition':
      switch (state.read.kind) {
        case 'none':
          return 'Select a package definition, or give the path of a .sms, .pdf or .msi file.';
        case 'reading':
          return 'Reading the package definition…';
        case 'failed':
          return 'Courier cannot read this package definition; choose another.';
        case 'read':
          return null;
      }
      break;
    case 'sourceFiles':
      return null;
    case 'sourceDirectory':
      return state.sourceFiles !== 'none' && state.sourceDirectory.trim() === ''
        ? 'Set the source directory that holds the package files.'
        : null;
    case 'summary':
    case 'confirmation':
      return null;
  }
  return null;
}

export function isComplete(state: PackageImportState): boolean {
  return pagesOf(state).every((page) => pageProblem(state, page) === null);
}

function isLocked(state: PackageImportState): boolean {
  return state.submission.kind === 'creating' || state.submission.kind === 'created';
}

export function canGoNext(state: PackageImportState): boolean {
  if (isLocked(state)) return false;
  switch (importStepOf(state.page).kind) {
    case 'summary':
      return isComplete(state);
    case 'confirmation':
      return false;
    default:
      return pageProblem(state) === null;
  }
}

export function canGoBack(state: PackageImportState): boolean {
  if (isLocked(state)) return false;
  return pageBefore(pagesOf(state), state.page) !== null;
}

export function canJumpToSummary(state: PackageImportState): boolean {
  const kind = importStepOf(state.page).kind;
  return kind !== 'summary' && kind !== 'confirmation' && !isLocked(state) && isComplete(state);
}

export function canJumpToPage(state: PackageImportState, page: PackageImportPageId): boolean {
  return !isLocked(state) && canJumpTo(pagesOf(state), state.page, page);
}

/** The page whose setting the core complained about (its error's field). */
export function pageForError(error: ApiErrorDto, sourceFiles: SourceFilesMode): FixablePage | null {
  const field = error.field ?? '';
  if (field === 'sourceDirectory') return sourceFiles === 'none' ? 'sourceFiles' : 'sourceDirectory';
  if (field === 'sourceFiles') return 'sourceFiles';
  // The definition itself: the source, or a [Section].Key of the file.
  if (field === 'source' || field.startsWith('source.') || field.startsWith('[')) return 'definition';
  return null;
}

export function packageImportReducer(state: PackageImportState, action: PackageImportAction): PackageImportState {
  switch (action.type) {
    case 'choose':
      if (isLocked(state)) return state;
      if (action.reread !== true && state.read.kind !== 'none' && state.read.kind !== 'failed' && sameSource(state.read.source, action.source)) {
        return state;
      }
      return {
        ...state,
        read: { kind: 'reading', source: action.source },
        serverIssue: state.serverIssue?.page === 'definition' ? null : state.serverIssue,
      };
    case 'readSucceeded': {
      // An answer for a definition the user has since left behind is dropped.
      if (state.read.kind !== 'reading' || !sameSource(state.read.source, action.source)) return state;
      const read: DefinitionRead = { kind: 'read', source: action.source, preview: action.preview };
      if (sameSource(state.preselectedFor, action.source)) return { ...state, read };
      return { ...state, read, preselectedFor: action.source, ...preselection(action.preview) };
    }
    case 'readFailed':
      if (state.read.kind !== 'reading' || !sameSource(state.read.source, action.source)) return state;
      return { ...state, read: { kind: 'failed', source: action.source, error: action.error } };
    case 'setSourceFiles':
      if (isLocked(state)) return state;
      return {
        ...state,
        sourceFiles: action.mode,
        serverIssue: state.serverIssue?.page === 'sourceFiles' ? null : state.serverIssue,
      };
    case 'setSourceDirectory':
      if (isLocked(state)) return state;
      return {
        ...state,
        sourceDirectory: action.path,
        serverIssue: state.serverIssue?.page === 'sourceDirectory' ? null : state.serverIssue,
      };
    case 'next': {
      // Summary's Next creates the package: the component dispatches createStarted and calls the core.
      if (importStepOf(state.page).kind === 'summary' || !canGoNext(state)) return state;
      const next = pageAfter(pagesOf(state), state.page);
      return next === null ? state : { ...state, page: next };
    }
    case 'previous': {
      if (!canGoBack(state)) return state;
      const previous = pageBefore(pagesOf(state), state.page);
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
      return { ...state, page: 'confirmation', submission: { kind: 'created', result: action.result } };
    case 'createFailed':
      if (state.submission.kind !== 'creating') return state;
      return {
        ...state,
        page: 'confirmation',
        submission: { kind: 'failed', error: action.error, page: pageForError(action.error, state.sourceFiles) },
      };
    case 'fixProblem': {
      if (state.submission.kind !== 'failed') return state;
      const { page, error } = state.submission;
      if (page === null) return { ...state, page: 'summary', submission: { kind: 'editing' } };
      return { ...state, page, submission: { kind: 'editing' }, serverIssue: { page, message: error.message } };
    }
  }
}
