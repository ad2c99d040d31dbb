import { dpNameProblem, serverShareProblem, type ApiErrorDto, type DistributionPointDto, type DpCreateInput, type DpMode } from '../../../core/api';
import { canJumpTo, pageAfter, pageBefore } from '../../components/wizard';
import { dpFieldLabel, dpFieldOfError, dpFieldPlace, dpSettingsInput, dpSettingsIssues, newDpSettingsDraft, type DpIssues, type DpSettingsDraft } from './dp-settings-draft';

/**
 * The New Site System Server Wizard (and its Server Share form): General names the server (or
 * the share), System Role Selection picks the distribution point role, Distribution Point and
 * Protected set the role up, Summary's Next creates it, Confirmation says how that went.
 */
export const newSiteSystemPages = ['general', 'roles', 'distributionPoint', 'protected', 'summary', 'confirmation'] as const;
export type NewSiteSystemPage = (typeof newSiteSystemPages)[number];
type SettingsPage = Exclude<NewSiteSystemPage, 'summary' | 'confirmation'>;

export const newSiteSystemHeadings: Readonly<Record<NewSiteSystemPage, string>> = {
  general: 'General',
  roles: 'System Role Selection',
  distributionPoint: 'Distribution Point',
  protected: 'Protected',
  summary: 'Summary',
  confirmation: 'Confirmation',
};

export interface NewSiteSystemDraft {
  readonly name: string;
  /** \\server\share, for New › Server Share only. */
  readonly serverShare: string;
  readonly dpRole: boolean;
  readonly settings: DpSettingsDraft;
}

export type NewSiteSystemEdit = Partial<Omit<NewSiteSystemDraft, 'settings'>> & { readonly settings?: Partial<DpSettingsDraft> };

export type Submission =
  | { readonly kind: 'editing' }
  | { readonly kind: 'creating' }
  | { readonly kind: 'created'; readonly dp: DistributionPointDto }
  | { readonly kind: 'failed'; readonly error: ApiErrorDto; readonly field: string | undefined };

export interface NewSiteSystemState {
  readonly mode: DpMode;
  readonly page: NewSiteSystemPage;
  readonly draft: NewSiteSystemDraft;
  /** Fields the admin has edited: their problems show inline; the others only block Next. */
  readonly touched: readonly string[];
  readonly submission: Submission;
  /** The core's complaint about one field, shown there until that field is edited. */
  readonly serverIssue: { readonly field: string; readonly message: string } | null;
}

export type NewSiteSystemAction =
  | { readonly type: 'edit'; readonly changes: NewSiteSystemEdit }
  | { readonly type: 'next' }
  | { readonly type: 'previous' }
  | { readonly type: 'jumpTo'; readonly page: NewSiteSystemPage }
  | { readonly type: 'summary' }
  | { readonly type: 'createStarted' }
  | { readonly type: 'createSucceeded'; readonly dp: DistributionPointDto }
  | { readonly type: 'createFailed'; readonly error: ApiErrorDto }
  | { readonly type: 'fixProblem' };

export function initialNewSiteSystemState(mode: DpMode): NewSiteSystemState {
  return {
    mode,
    page: 'general',
    draft: { name: '', serverShare: '', dpRole: false, settings: newDpSettingsDraft() },
    touched: [],
    submission: { kind: 'editing' },
    serverIssue: null,
  };
}

export function fieldPage(field: string): SettingsPage {
  if (field === 'name' || field === 'serverShare') return 'general';
  if (field === 'dpRole') return 'roles';
  return dpFieldPlace(field) === 'protected' ? 'protected' : 'distributionPoint';
}

export function fieldLabel(field: string, mode: DpMode): string {
  if (field === 'name') return mode === 'server' ? 'Name' : 'Distribution point name';
  if (field === 'serverShare') return 'Share';
  if (field === 'dpRole') return 'Distribution point';
  return dpFieldLabel(field);
}

/** Every problem of the draft, by field; a page's Next waits for those on it. */
export function draftIssues(draft: NewSiteSystemDraft, mode: DpMode): DpIssues {
  const issues: Record<string, string> = {};
  const name = draft.name.trim();
  const nameProblem = name === '' ? (mode === 'server' ? 'Type the server’s name: DP01 or dp01.contoso.com.' : 'Name the distribution point: the server of the share, such as FILES.') : dpNameProblem(name);
  if (nameProblem !== null) issues.name = nameProblem;
  if (mode === 'serverShare') {
    const share = draft.serverShare.trim();
    const shareProblem = share === '' ? 'Type the share: \\\\server\\share.' : serverShareProblem(share);
    if (shareProblem !== null) issues.serverShare = shareProblem;
  }
  if (!draft.dpRole) issues.dpRole = 'Select the distribution point role: it is the only role this site system can take.';
  // The role's settings matter only once it is chosen.
  return draft.dpRole ? { ...issues, ...dpSettingsIssues(draft.settings, mode) } : issues;
}

function isSettingsPage(page: NewSiteSystemPage): page is SettingsPage {
  return page !== 'summary' && page !== 'confirmation';
}

/** The first problem that keeps the admin on this page, with its field. */
export function pageProblem(state: NewSiteSystemState, page: NewSiteSystemPage = state.page): { field: string; message: string } | null {
  if (!isSettingsPage(page)) return null;
  for (const [field, message] of Object.entries(draftIssues(state.draft, state.mode))) {
    if (fieldPage(field) === page) return { field, message };
  }
  return null;
}

const headOf = (field: string): string => field.split('.')[0] ?? field;

/** The problems shown inline: on fields the admin has dealt with, plus the core's last complaint. */
export function visibleIssues(state: NewSiteSystemState): DpIssues {
  const visible: Record<string, string> = {};
  for (const [field, message] of Object.entries(draftIssues(state.draft, state.mode))) {
    if (state.touched.includes(field) || (field === headOf(field) && state.touched.includes(`${field}*`))) visible[field] = message;
  }
  if (state.serverIssue !== null) visible[state.serverIssue.field] = state.serverIssue.message;
  return visible;
}

const isLocked = (state: NewSiteSystemState) => state.submission.kind === 'creating' || state.submission.kind === 'created';
const isValid = (state: NewSiteSystemState) => Object.keys(draftIssues(state.draft, state.mode)).length === 0;

export function canGoNext(state: NewSiteSystemState): boolean {
  if (isLocked(state) || state.page === 'confirmation') return false;
  return state.page === 'summary' ? isValid(state) : pageProblem(state) === null;
}

export function canGoBack(state: NewSiteSystemState): boolean {
  return !isLocked(state) && pageBefore(newSiteSystemPages, state.page) !== null;
}

export function canJumpToSummary(state: NewSiteSystemState): boolean {
  return isSettingsPage(state.page) && !isLocked(state) && isValid(state);
}

export function canJumpToPage(state: NewSiteSystemState, page: NewSiteSystemPage): boolean {
  return !isLocked(state) && canJumpTo(newSiteSystemPages, state.page, page);
}

/** The fields an edit touches: a list's rows by index and part, so a new empty field says nothing until typed in. */
function touchedBy(before: NewSiteSystemDraft, changes: NewSiteSystemEdit): string[] {
  const fields: string[] = [];
  for (const key of ['name', 'serverShare', 'dpRole'] as const) if (key in changes) fields.push(key);
  const settings = changes.settings ?? {};
  for (const key of Object.keys(settings) as (keyof DpSettingsDraft)[]) {
    if (key === 'volumes' || key === 'boundaries') {
      const old: readonly object[] = before.settings[key];
      const next: readonly object[] = settings[key] ?? [];
      // The list's own rule (at least one) shows once the admin has added or removed a row.
      if (next.length !== old.length) fields.push(`${key}*`);
      next.forEach((row, i) => {
        const was = old[i] as Record<string, unknown> | undefined;
        // A new row counts as typed in where it holds something (Add gives an empty path).
        for (const [part, value] of Object.entries(row)) if (was === undefined ? value !== '' : was[part] !== value) fields.push(`${key}.${i}.${part}`);
      });
    } else fields.push(key);
  }
  return fields;
}

function editedServerIssue(state: NewSiteSystemState, touched: readonly string[]): NewSiteSystemState['serverIssue'] {
  const issue = state.serverIssue;
  if (issue === null) return null;
  const head = headOf(issue.field);
  return touched.some((f) => f === issue.field || headOf(f) === head) ? null : issue;
}

export function newSiteSystemReducer(state: NewSiteSystemState, action: NewSiteSystemAction): NewSiteSystemState {
  switch (action.type) {
    case 'edit': {
      if (isLocked(state)) return state;
      const fields = touchedBy(state.draft, action.changes);
      const { settings, ...rest } = action.changes;
      const draft = { ...state.draft, ...rest, settings: { ...state.draft.settings, ...settings } };
      return { ...state, draft, touched: [...new Set([...state.touched, ...fields])], serverIssue: editedServerIssue(state, fields) };
    }
    case 'next': {
      if (state.page === 'summary' || !canGoNext(state)) return state;
      const next = pageAfter(newSiteSystemPages, state.page);
      return next === null ? state : { ...state, page: next };
    }
    case 'previous': {
      if (!canGoBack(state)) return state;
      const previous = pageBefore(newSiteSystemPages, state.page);
      return previous === null ? state : { ...state, page: previous, submission: state.submission.kind === 'failed' ? { kind: 'editing' } : state.submission };
    }
    case 'jumpTo':
      return canJumpToPage(state, action.page) ? { ...state, page: action.page } : state;
    case 'summary':
      return canJumpToSummary(state) ? { ...state, page: 'summary' } : state;
    case 'createStarted':
      return state.page === 'summary' && canGoNext(state) ? { ...state, submission: { kind: 'creating' } } : state;
    case 'createSucceeded':
      return state.submission.kind === 'creating' ? { ...state, page: 'confirmation', submission: { kind: 'created', dp: action.dp } } : state;
    case 'createFailed':
      if (state.submission.kind !== 'creating') return state;
      return { ...state, page: 'confirmation', submission: { kind: 'failed', error: action.error, field: dpFieldOfError(action.error.field) } };
    case 'fixProblem': {
      if (state.submission.kind !== 'failed') return state;
      const { field, error } = state.submission;
      if (field === undefined) return { ...state, page: 'summary', submission: { kind: 'editing' } };
      return { ...state, page: fieldPage(field), submission: { kind: 'editing' }, serverIssue: { field, message: error.message } };
    }
  }
}

/** The create request: the role's settings as the contract takes them. */
export function createRequest(state: NewSiteSystemState): DpCreateInput {
  const settings = dpSettingsInput(state.draft.settings, state.mode);
  return { name: state.draft.name.trim(), serverShare: state.mode === 'serverShare' ? state.draft.serverShare.trim() : '', ...settings };
}
