import {
  deploymentPlanSchema,
  sameNoCase,
  type ApiErrorDto,
  type ComputerProgramSettings,
  type DeploymentPlanInput,
  type DeploymentPreviewDto,
  type DeploymentResultDto,
  type DistributionPointDto,
  type DpGroupDto,
  type PackageSettings,
} from '../../../core/api';
import { sortByText } from '../../components/data-grid';
import { canJumpTo, pageAfter, pageBefore } from '../../components/wizard';
import { wallClockText } from '../advertisements/advertisement-draft';
import { newCollectionDraft, type NewCollectionDraft } from '../collections/new-collection-rules';
import { offeredOnly, selectDpGroup } from '../package-distribution/dp-group-selection';
import { nameList } from '../package-distribution/package-dp-labels';
import { applyDraftChange, createInput, draftIssues, newPackageDraft } from '../packages/package-draft';
import { fieldPage as packageFieldPage, isPackageField } from '../packages/package-fields';
import {
  initialPackageImportState,
  packageImportReducer,
  pageProblem as importPageProblem,
  previewOf,
  type PackageImportAction,
  type PackageImportState,
} from '../package-import/package-import-reducer';
import { applyProgramDraftChange, newProgramDraft, programRules } from '../programs/program-draft';
import { programFieldPage } from '../programs/program-fields';

/**
 * The Distribute Software wizards (docs/distribute-software.md): one reducer for every starting
 * point. Pure, so every page sequence, every page's check and the plan it builds are tested
 * without rendering. The pages' checks are the core's own: the plan is parsed with
 * deploymentPlanSchema and each issue lands on the page that holds its field.
 */

/** Where the wizard was started: Distribute › Software on a collection, its members, a package, a program or an advertisement. */
export type DistributeStart =
  | { readonly from: 'collection'; readonly collectionId: string }
  | { readonly from: 'resources'; readonly collectionId: string; readonly resourceIds: readonly number[] }
  | { readonly from: 'package'; readonly packageId: string }
  | { readonly from: 'program'; readonly packageId: string; readonly programName: string }
  | { readonly from: 'advertisement'; readonly advertisementId: string };

export function wizardTitle(start: DistributeStart): string {
  switch (start.from) {
    case 'collection':
      return 'Distribute Software To Collection Wizard';
    case 'resources':
      return 'Distribute Software To Resource Wizard';
    default:
      return 'Distribute Software Wizard';
  }
}

export type DistributePage =
  | 'welcome'
  | 'package'
  | 'packageIdentification'
  | 'packageSource'
  | 'definition'
  | 'definitionSourceFiles'
  | 'definitionSourceDirectory'
  | 'distributionPoints'
  | 'programIdentification'
  | 'program'
  | 'advertise'
  | 'target'
  | 'collectionName'
  | 'collectionRules'
  | 'advertisementName'
  | 'subcollection'
  | 'schedule'
  | 'assign'
  | 'summary'
  | 'confirmation';

export const pageLabels: Readonly<Record<DistributePage, string>> = {
  welcome: 'Welcome',
  package: 'Package',
  packageIdentification: 'Package Identification',
  packageSource: 'Source Files',
  definition: 'Package Definition',
  definitionSourceFiles: 'Source Files',
  definitionSourceDirectory: 'Source Directory',
  distributionPoints: 'Distribution Points',
  programIdentification: 'Program Identification',
  program: 'Program',
  advertise: 'Advertise Program',
  target: 'Advertisement Target',
  collectionName: 'New Collection',
  collectionRules: 'Membership Rules',
  advertisementName: 'Advertisement Name',
  subcollection: 'Advertisement Subcollection',
  schedule: 'Advertisement Schedule',
  assign: 'Assign Program',
  summary: 'Summary',
  confirmation: 'Confirmation',
};

export type PackageChoice = 'new' | 'definition' | 'existing';

/** A package of the site, as the Package page's Browse picked it. */
export interface ExistingPackage {
  readonly packageId: string;
  /** Its name, as the default advertisement name takes it. */
  readonly name: string;
  /** Its full name (publisher, name, version, language), as lists show it. */
  readonly fullName: string;
  readonly containsSourceFiles: boolean;
}

export type DpCandidates =
  | { readonly status: 'loading'; readonly forKey: string }
  | { readonly status: 'ready'; readonly forKey: string; readonly items: readonly DistributionPointDto[] }
  | { readonly status: 'error'; readonly forKey: string; readonly error: string };

export type PreviewState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading'; readonly key: string }
  | { readonly kind: 'ready'; readonly key: string; readonly preview: DeploymentPreviewDto }
  | { readonly kind: 'failed'; readonly key: string; readonly error: ApiErrorDto };

export type RunState =
  | { readonly kind: 'editing' }
  | { readonly kind: 'running' }
  /** The site's answer: every step, ok or not (not ok: nothing was made). */
  | { readonly kind: 'done'; readonly result: DeploymentResultDto }
  /** The request itself was refused (the plan did not parse, the site was unreachable). */
  | { readonly kind: 'failed'; readonly error: ApiErrorDto };

export interface ScheduleDraft {
  readonly presentTime: string;
  readonly presentTimeIsGmt: boolean;
  readonly expires: boolean;
  readonly expirationTime: string;
  readonly expirationTimeIsGmt: boolean;
  readonly assigned: boolean;
  readonly assignedTime: string;
  readonly assignedTimeIsGmt: boolean;
}

export interface DistributeState {
  readonly start: DistributeStart;
  readonly page: DistributePage;
  readonly packageChoice: PackageChoice;
  readonly newPackage: PackageSettings;
  readonly newProgram: ComputerProgramSettings;
  /** The Create Package From Definition pages' own state, driven by their reducer. */
  readonly definition: PackageImportState;
  readonly existingPackage: ExistingPackage | null;
  /** The program picked on the Program page (an existing package's, or one the definition lists). */
  readonly programName: string;
  readonly dpCandidates: DpCandidates | null;
  readonly dps: readonly string[];
  readonly groupNote: string | null;
  readonly advertise: boolean;
  readonly targetKind: 'collection' | 'newCollection';
  readonly collectionId: string;
  readonly newCollection: NewCollectionDraft;
  /** null: the default, "<package name> - <program name>", which follows the choices until edited. */
  readonly advertisementName: string | null;
  readonly comment: string;
  readonly includeSubcollections: boolean;
  readonly schedule: ScheduleDraft;
  /** `page:field` of the settings the admin has dealt with: their problems show inline. */
  readonly touched: readonly string[];
  readonly preview: PreviewState;
  readonly run: RunState;
}

/** What the console knows about the starting point when the wizard opens. */
export interface DistributeContext {
  readonly now: Date;
  /** The package the start names (a package, a program, an advertisement's), as the console holds it. */
  readonly pkg: ExistingPackage | null;
  /** The program the start names (a program, an advertisement's). */
  readonly programName: string | null;
  /** The picked resources' names, in the order picked (the new collection's default name). */
  readonly resourceNames: readonly string[];
}

export type ScheduleChanges = Partial<ScheduleDraft>;

export interface SimpleChanges {
  readonly advertise?: boolean;
  readonly targetKind?: 'collection' | 'newCollection';
  readonly collectionId?: string;
  readonly advertisementName?: string;
  readonly comment?: string;
  readonly includeSubcollections?: boolean;
}

export type DistributeAction =
  | { readonly type: 'setPackageChoice'; readonly choice: PackageChoice }
  | { readonly type: 'chooseExistingPackage'; readonly pkg: ExistingPackage }
  | { readonly type: 'editPackage'; readonly changes: Partial<PackageSettings> }
  | { readonly type: 'editProgram'; readonly changes: Partial<ComputerProgramSettings> }
  | { readonly type: 'definition'; readonly action: PackageImportAction }
  | { readonly type: 'chooseProgram'; readonly programName: string }
  | { readonly type: 'dpCandidatesReading'; readonly forKey: string }
  | { readonly type: 'dpCandidatesLoaded'; readonly forKey: string; readonly items: readonly DistributionPointDto[] }
  | { readonly type: 'dpCandidatesFailed'; readonly forKey: string; readonly error: string }
  | { readonly type: 'selectDps'; readonly names: readonly string[] }
  | { readonly type: 'selectGroup'; readonly group: DpGroupDto }
  | { readonly type: 'edit'; readonly changes: SimpleChanges }
  | { readonly type: 'editCollection'; readonly changes: Partial<NewCollectionDraft> }
  | { readonly type: 'editSchedule'; readonly changes: ScheduleChanges }
  | { readonly type: 'next' }
  | { readonly type: 'previous' }
  | { readonly type: 'jumpTo'; readonly page: DistributePage }
  | { readonly type: 'summary' }
  | { readonly type: 'previewStarted'; readonly key: string }
  | { readonly type: 'previewSucceeded'; readonly key: string; readonly preview: DeploymentPreviewDto }
  | { readonly type: 'previewFailed'; readonly key: string; readonly error: ApiErrorDto }
  | { readonly type: 'runStarted' }
  | { readonly type: 'runSucceeded'; readonly result: DeploymentResultDto }
  | { readonly type: 'runFailed'; readonly error: ApiErrorDto }
  /** From a run that made nothing back to the Summary page, to change the plan and try again. */
  | { readonly type: 'backToSummary' };

const collectionNameMax = 127;
const advertisementNameMax = 100;

/** The picked resources' names as the new collection's name, cut to what a collection name holds. */
export function resourcesCollectionName(names: readonly string[]): string {
  const joined = names.join(', ');
  return joined.length <= collectionNameMax ? joined : `${joined.slice(0, collectionNameMax - 1)}…`;
}

export function initialDistributeState(start: DistributeStart, context: DistributeContext): DistributeState {
  const presentTime = wallClockText(context.now);
  const fromPackage = context.pkg !== null && start.from !== 'collection' && start.from !== 'resources';
  const newCollection: NewCollectionDraft =
    start.from === 'resources'
      ? {
          ...newCollectionDraft(),
          name: resourcesCollectionName(context.resourceNames),
          rules: start.resourceIds.map((resourceId) => ({ kind: 'direct' as const, resourceId })),
        }
      : newCollectionDraft();
  return {
    start,
    page: 'welcome',
    packageChoice: fromPackage ? 'existing' : 'new',
    newPackage: newPackageDraft(),
    newProgram: newProgramDraft(),
    definition: initialPackageImportState,
    existingPackage: fromPackage ? context.pkg : null,
    programName: fromPackage ? (context.programName ?? '') : '',
    dpCandidates: null,
    dps: [],
    groupNote: null,
    // Advertise Program? starts at Yes, as in the suite; from an advertisement, a new one for its program.
    advertise: true,
    targetKind: start.from === 'resources' ? 'newCollection' : 'collection',
    collectionId: start.from === 'collection' ? start.collectionId : '',
    newCollection,
    advertisementName: null,
    comment: '',
    includeSubcollections: true,
    schedule: {
      presentTime,
      presentTimeIsGmt: false,
      expires: false,
      expirationTime: '',
      expirationTimeIsGmt: false,
      assigned: false,
      assignedTime: '',
      assignedTimeIsGmt: false,
    },
    touched: [],
    preview: { kind: 'idle' },
    run: { kind: 'editing' },
  };
}

/** Whether the package the plan makes or names has source files, so the Distribution Points page applies. */
export function packageHasSource(state: DistributeState): boolean {
  switch (state.packageChoice) {
    case 'new':
      return state.newPackage.containsSourceFiles;
    case 'definition':
      return state.definition.sourceFiles !== 'none';
    case 'existing':
      return state.existingPackage?.containsSourceFiles ?? false;
  }
}

/** The pages shown for this starting point and these choices, in order. */
export function pagesFor(state: DistributeState): readonly DistributePage[] {
  const pages: DistributePage[] = ['welcome', 'package'];
  switch (state.packageChoice) {
    case 'new':
      pages.push('packageIdentification', 'packageSource');
      if (packageHasSource(state)) pages.push('distributionPoints');
      pages.push('programIdentification');
      break;
    case 'definition':
      pages.push('definition', 'definitionSourceFiles');
      if (state.definition.sourceFiles !== 'none') pages.push('definitionSourceDirectory', 'distributionPoints');
      pages.push('program');
      break;
    case 'existing':
      if (packageHasSource(state)) pages.push('distributionPoints');
      pages.push('program');
      break;
  }
  pages.push('advertise');
  if (state.advertise) {
    pages.push('target');
    if (state.targetKind === 'newCollection') pages.push('collectionName', 'collectionRules');
    pages.push('advertisementName', 'subcollection', 'schedule', 'assign');
  }
  pages.push('summary', 'confirmation');
  return pages;
}

/** The package's name as the plan will have it, for the default advertisement name and the Summary. */
export function packageNameOf(state: DistributeState): string {
  switch (state.packageChoice) {
    case 'new':
      return state.newPackage.name.trim();
    case 'definition':
      return previewOf(state.definition)?.package.name ?? '';
    case 'existing':
      return state.existingPackage?.name ?? '';
  }
}

export function programNameOf(state: DistributeState): string {
  return state.packageChoice === 'new' ? state.newProgram.name.trim() : state.programName;
}

export function defaultAdvertisementName(state: DistributeState): string {
  const pkg = packageNameOf(state);
  const program = programNameOf(state);
  const name = pkg === '' || program === '' ? `${pkg}${program}` : `${pkg} - ${program}`;
  return name.slice(0, advertisementNameMax);
}

export function advertisementNameOf(state: DistributeState): string {
  return state.advertisementName ?? defaultAdvertisementName(state);
}

/** The DP list to read for the Distribution Points page: the DPs that lack an existing package, or all of them for a new one. */
export function dpCandidatesKey(state: DistributeState): string {
  return state.packageChoice === 'existing' ? `package:${state.existingPackage?.packageId ?? ''}` : 'all';
}

/** The plan the wizard's choices make, as deployments:preview and deployments:run take it. */
export function planOf(state: DistributeState): DeploymentPlanInput {
  const pkg: DeploymentPlanInput['package'] =
    state.packageChoice === 'new'
      ? { kind: 'new', package: createInput(state.newPackage) }
      : state.packageChoice === 'definition'
        ? {
            kind: 'definition',
            definition: {
              source: state.definition.read.kind === 'none' ? { kind: 'file', path: '' } : state.definition.read.source,
              sourceFiles: state.definition.sourceFiles,
              sourceDirectory: state.definition.sourceFiles === 'none' ? '' : state.definition.sourceDirectory.trim(),
            },
          }
        : { kind: 'existing', packageId: state.existingPackage?.packageId ?? '' };
  const program: DeploymentPlanInput['program'] =
    state.packageChoice === 'new' ? { kind: 'new', program: { ...state.newProgram } } : { kind: 'existing', programName: state.programName };
  const offered = new Set(state.dpCandidates?.status === 'ready' ? state.dpCandidates.items.map((dp) => dp.name) : []);
  const s = state.schedule;
  return {
    package: pkg,
    program,
    distributionPoints: packageHasSource(state) ? state.dps.filter((name) => offered.has(name)) : [],
    groups: [],
    advertisement: state.advertise
      ? {
          target:
            state.targetKind === 'collection'
              ? { kind: 'collection', collectionId: state.collectionId }
              : {
                  kind: 'newCollection',
                  collection: {
                    name: state.newCollection.name,
                    comment: state.newCollection.comment,
                    rules: [...state.newCollection.rules],
                    membershipSchedule: state.newCollection.membershipSchedule,
                    ...(state.newCollection.limitToCollectionId === '' ? {} : { limitToCollectionId: state.newCollection.limitToCollectionId }),
                  },
                },
          advertisementName: advertisementNameOf(state),
          comment: state.comment,
          includeSubcollections: state.includeSubcollections,
          presentTime: s.presentTime,
          presentTimeIsGmt: s.presentTimeIsGmt,
          expirationTime: s.expires ? s.expirationTime : null,
          expirationTimeIsGmt: s.expirationTimeIsGmt,
          assignedTime: s.assigned ? s.assignedTime : null,
          assignedTimeIsGmt: s.assignedTimeIsGmt,
        }
      : null,
  };
}

/** One problem with the plan: the page that fixes it and the field there. */
export interface PlanIssue {
  readonly page: DistributePage;
  readonly field: string;
  readonly message: string;
}

const collectionFieldPage: Readonly<Record<string, DistributePage>> = {
  name: 'collectionName',
  comment: 'collectionName',
  rules: 'collectionRules',
  limitToCollectionId: 'collectionRules',
  membershipSchedule: 'collectionRules',
};

const advertisementFieldPage: Readonly<Record<string, DistributePage>> = {
  advertisementName: 'advertisementName',
  comment: 'advertisementName',
  includeSubcollections: 'subcollection',
  presentTime: 'schedule',
  presentTimeIsGmt: 'schedule',
  expirationTime: 'schedule',
  expirationTimeIsGmt: 'schedule',
  assignedTime: 'assign',
  assignedTimeIsGmt: 'assign',
};

/** The page and field of the plan's path (a zod issue's, or an error's dotted field), or null. */
export function placeOfPath(state: DistributeState, path: readonly (string | number)[]): { page: DistributePage; field: string } | null {
  const [part, kind, field, ...rest] = path.map(String);
  if (part === 'package') {
    if (kind === 'packageId') return { page: 'package', field: 'packageId' };
    if (kind === 'package' && isPackageField(field)) {
      return { page: packageFieldPage[field] === 'general' ? 'packageIdentification' : 'packageSource', field };
    }
    if (kind === 'definition') {
      if (field === 'sourceDirectory') return { page: state.definition.sourceFiles === 'none' ? 'definitionSourceFiles' : 'definitionSourceDirectory', field: 'sourceDirectory' };
      if (field === 'sourceFiles') return { page: 'definitionSourceFiles', field: 'sourceFiles' };
      return { page: 'definition', field: 'definition' };
    }
    return { page: 'package', field: 'package' };
  }
  if (part === 'program') {
    if (state.packageChoice === 'new') {
      const programField = kind === 'program' && field !== undefined && field in programFieldPage ? field : 'name';
      return { page: 'programIdentification', field: programField };
    }
    return { page: 'program', field: 'programName' };
  }
  if (part === 'distributionPoints' || part === 'groups') return { page: 'distributionPoints', field: 'distributionPoints' };
  if (part === 'advertisement') {
    if (kind === 'target') {
      if (field === 'collection') {
        const inner = rest[0] ?? 'name';
        return { page: collectionFieldPage[inner] ?? 'collectionName', field: inner };
      }
      return { page: 'target', field: 'collectionId' };
    }
    if (kind !== undefined && advertisementFieldPage[kind] !== undefined) return { page: advertisementFieldPage[kind], field: kind };
    return { page: 'advertisementName', field: 'advertisementName' };
  }
  return null;
}

/** Checks the plan's schema cannot make: choices not made yet, and the order of the times. */
function wizardIssues(state: DistributeState): PlanIssue[] {
  const issues: PlanIssue[] = [];
  if (state.packageChoice === 'new') {
    // The New Package and New Program wizards' own checks, cross-field rules included.
    for (const [field, message] of Object.entries(draftIssues(state.newPackage))) {
      if (isPackageField(field) && message !== undefined) issues.push({ page: packageFieldPage[field] === 'general' ? 'packageIdentification' : 'packageSource', field, message });
    }
    for (const [field, message] of Object.entries(programRules.issues(state.newProgram))) {
      if (message !== undefined) issues.push({ page: 'programIdentification', field, message });
    }
  }
  if (state.packageChoice === 'existing' && state.existingPackage === null) {
    issues.push({ page: 'package', field: 'packageId', message: 'Browse for the package to distribute.' });
  }
  if (state.packageChoice === 'definition') {
    const problem = importPageProblem(state.definition, 'definition');
    if (problem !== null) issues.push({ page: 'definition', field: 'definition', message: problem });
    const directory = importPageProblem(state.definition, 'sourceDirectory');
    if (directory !== null) issues.push({ page: 'definitionSourceDirectory', field: 'sourceDirectory', message: directory });
  }
  if (state.packageChoice !== 'new') {
    const preview = previewOf(state.definition);
    if (state.programName === '') {
      issues.push({ page: 'program', field: 'programName', message: 'Select the program to distribute.' });
    } else if (state.packageChoice === 'definition' && preview !== null && !preview.programs.some((p) => sameNoCase(p.name, state.programName))) {
      issues.push({ page: 'program', field: 'programName', message: `The definition lists no program ${state.programName}; select one it lists.` });
    }
  }
  if (state.advertise) {
    if (state.targetKind === 'collection' && state.collectionId === '') {
      issues.push({ page: 'target', field: 'collectionId', message: 'Browse for the collection to advertise the program to.' });
    }
    const s = state.schedule;
    // Same clock (both local or both UTC): the wall-clock texts compare as times.
    if (s.expires && s.expirationTimeIsGmt === s.presentTimeIsGmt && s.expirationTime !== '' && s.expirationTime <= s.presentTime) {
      issues.push({ page: 'schedule', field: 'expirationTime', message: 'The advertisement must expire after it is offered.' });
    }
    if (s.assigned && s.expires && s.assignedTimeIsGmt === s.expirationTimeIsGmt && s.assignedTime !== '' && s.assignedTime >= s.expirationTime) {
      issues.push({ page: 'assign', field: 'assignedTime', message: 'The assigned time must come before the advertisement expires.' });
    }
  }
  return issues;
}

/** Every problem with the plan, on the page that can fix it: the core's schema's, then the wizard's own. */
export function planIssues(state: DistributeState): readonly PlanIssue[] {
  const issues: PlanIssue[] = [];
  const parsed = deploymentPlanSchema.safeParse(planOf(state));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const place = placeOfPath(state, issue.path as (string | number)[]);
      if (place !== null) issues.push({ ...place, message: issue.message });
    }
  }
  const own = wizardIssues(state);
  // A choice not made yet says so, rather than the schema's words about the empty value it leaves.
  const ownPlaces = new Set(own.map((i) => `${i.page}:${i.field}`));
  return [...own, ...issues.filter((i) => !ownPlaces.has(`${i.page}:${i.field}`))];
}

/** The first problem that keeps the admin on a page, or null when Next may go on. */
export function pageProblem(state: DistributeState, page: DistributePage = state.page): PlanIssue | null {
  if (page === 'definition' && state.definition.read.kind === 'reading') return { page, field: 'definition', message: 'Reading the package definition…' };
  if (page === 'distributionPoints' && state.dpCandidates?.status === 'loading') return { page, field: 'distributionPoints', message: 'Reading the distribution points…' };
  return planIssues(state).find((issue) => issue.page === page) ?? null;
}

/** Problems to show at their fields: those of settings the admin has dealt with. */
export function visibleIssues(state: DistributeState, page: DistributePage = state.page): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const issue of planIssues(state)) {
    if (issue.page === page && state.touched.includes(`${page}:${issue.field}`) && out[issue.field] === undefined) out[issue.field] = issue.message;
  }
  return out;
}

function isLocked(state: DistributeState): boolean {
  return state.run.kind === 'running' || (state.run.kind === 'done' && state.run.result.ok);
}

function shownPages(state: DistributeState): readonly DistributePage[] {
  return pagesFor(state);
}

/** The first page before Summary with a problem, or null when the plan is complete. */
export function firstBlockedPage(state: DistributeState): DistributePage | null {
  for (const page of shownPages(state)) {
    if (page === 'summary') return null;
    if (pageProblem(state, page) !== null) return page;
  }
  return null;
}

export function canGoNext(state: DistributeState): boolean {
  if (isLocked(state) || state.page === 'confirmation') return false;
  if (state.page === 'summary') return firstBlockedPage(state) === null;
  return pageProblem(state) === null;
}

export function canGoBack(state: DistributeState): boolean {
  if (isLocked(state)) return false;
  return pageBefore(shownPages(state), state.page) !== null;
}

/** Summary skips the pages left (their defaults stand), stopping at the first one that still needs an answer. */
export function canJumpToSummary(state: DistributeState): boolean {
  return state.page !== 'summary' && state.page !== 'confirmation' && !isLocked(state);
}

export function canJumpToPage(state: DistributeState, page: DistributePage): boolean {
  return !isLocked(state) && state.page !== 'confirmation' && canJumpTo(shownPages(state), state.page, page);
}

function touch(state: DistributeState, page: DistributePage, fields: readonly string[]): readonly string[] {
  const keys = fields.map((field) => `${page}:${field}`);
  return [...new Set([...state.touched, ...keys])];
}

/** Changes to the plan make the last dry run stale: the Summary asks again. */
function edited(state: DistributeState, next: Partial<DistributeState>): DistributeState {
  return { ...state, ...next, preview: { kind: 'idle' } };
}

function offeredDps(state: DistributeState): readonly string[] {
  return state.dpCandidates?.status === 'ready' ? state.dpCandidates.items.map((dp) => dp.name) : [];
}

function selectGroup(state: DistributeState, group: DpGroupDto): DistributeState {
  const { selected, inList } = selectDpGroup(offeredDps(state), state.dps, group);
  const note =
    group.members.length === 0
      ? `The group ${group.name} has no members; nothing was selected.`
      : inList.length === 0
        ? `Every member of ${group.name} (${nameList(group.members)}) already has this package; nothing was selected.`
        : `Selected the members of ${group.name} that do not have the package: ${nameList(inList)}.`;
  return edited(state, { dps: selected, groupNote: note });
}

function scheduleChanges(state: DistributeState, changes: ScheduleChanges): ScheduleDraft {
  const next = { ...state.schedule, ...changes };
  // A first answer the admin then moves: a week after the offer to expire, the offer itself to assign.
  if (changes.expires === true && next.expirationTime === '') {
    const start = Date.parse(next.presentTime);
    next.expirationTime = Number.isNaN(start) ? next.presentTime : wallClockText(new Date(start + 7 * 24 * 3600 * 1000));
    next.expirationTimeIsGmt = next.presentTimeIsGmt;
  }
  if (changes.assigned === true && next.assignedTime === '') {
    next.assignedTime = next.presentTime;
    next.assignedTimeIsGmt = next.presentTimeIsGmt;
  }
  return next;
}

function schedulePage(field: keyof ScheduleDraft): DistributePage {
  return field.startsWith('assigned') ? 'assign' : 'schedule';
}

export function distributeReducer(state: DistributeState, action: DistributeAction): DistributeState {
  const locked = isLocked(state);
  switch (action.type) {
    case 'setPackageChoice':
      return locked ? state : edited(state, { packageChoice: action.choice, programName: action.choice === state.packageChoice ? state.programName : '', dps: [], groupNote: null });
    case 'chooseExistingPackage': {
      if (locked) return state;
      const same = state.existingPackage?.packageId === action.pkg.packageId;
      return edited(state, {
        packageChoice: 'existing',
        existingPackage: action.pkg,
        programName: same ? state.programName : '',
        dps: same ? state.dps : [],
        groupNote: same ? state.groupNote : null,
        touched: touch(state, 'package', ['packageId']),
      });
    }
    case 'editPackage':
      if (locked) return state;
      return edited(state, {
        newPackage: applyDraftChange(state.newPackage, action.changes),
        touched: touch(
          state,
          state.page,
          [...Object.keys(action.changes), ...(action.changes.containsSourceFiles === true ? ['sourceDirectory'] : [])],
        ),
      });
    case 'editProgram':
      if (locked) return state;
      return edited(state, { newProgram: applyProgramDraftChange(state.newProgram, action.changes), touched: touch(state, 'programIdentification', Object.keys(action.changes)) });
    case 'definition': {
      if (locked) return state;
      const definition = packageImportReducer(state.definition, action.action);
      if (definition === state.definition) return state;
      const before = previewOf(state.definition);
      const after = previewOf(definition);
      // A definition read anew offers its programs again: a name it does not list is dropped.
      const programName = after !== before && after !== null && !after.programs.some((p) => sameNoCase(p.name, state.programName)) ? (after.programs[0]?.name ?? '') : state.programName;
      const touched = action.action.type === 'setSourceDirectory' ? touch(state, 'definitionSourceDirectory', ['sourceDirectory']) : state.touched;
      return edited(state, { definition, programName, touched });
    }
    case 'chooseProgram':
      return locked ? state : edited(state, { programName: action.programName, touched: touch(state, 'program', ['programName']) });
    case 'dpCandidatesReading':
      return { ...state, dpCandidates: { status: 'loading', forKey: action.forKey } };
    case 'dpCandidatesLoaded': {
      if (action.forKey !== dpCandidatesKey(state)) return state;
      const items = sortByText(action.items, (dp) => dp.name);
      const names = items.map((dp) => dp.name);
      return { ...state, dpCandidates: { status: 'ready', forKey: action.forKey, items }, dps: names.filter((name) => state.dps.includes(name)) };
    }
    case 'dpCandidatesFailed':
      if (action.forKey !== dpCandidatesKey(state)) return state;
      return { ...state, dpCandidates: { status: 'error', forKey: action.forKey, error: action.error } };
    case 'selectDps':
      return locked ? state : edited(state, { dps: offeredOnly(offeredDps(state), action.names) });
    case 'selectGroup':
      return locked ? state : selectGroup(state, action.group);
    case 'edit': {
      if (locked) return state;
      const { changes } = action;
      const fields = Object.keys(changes);
      const page = changes.collectionId !== undefined ? 'target' : state.page;
      return edited(state, { ...changes, touched: touch(state, page, fields) });
    }
    case 'editCollection': {
      if (locked) return state;
      return edited(state, { newCollection: { ...state.newCollection, ...action.changes }, touched: touch(state, state.page, Object.keys(action.changes)) });
    }
    case 'editSchedule': {
      if (locked) return state;
      const fields = Object.keys(action.changes) as (keyof ScheduleDraft)[];
      let touched = state.touched;
      for (const field of fields) touched = touch({ ...state, touched }, schedulePage(field), [field.replace(/IsGmt$/, '')]);
      return edited(state, { schedule: scheduleChanges(state, action.changes), touched });
    }
    case 'next': {
      if (state.page === 'summary' || !canGoNext(state)) return state;
      const next = pageAfter(shownPages(state), state.page);
      return next === null || next === 'confirmation' ? state : { ...state, page: next };
    }
    case 'previous': {
      if (!canGoBack(state)) return state;
      const previous = pageBefore(shownPages(state), state.page);
      if (previous === null) return state;
      // Back from a run that made nothing: the plan may be changed and run again.
      return state.page === 'confirmation' ? { ...state, page: 'summary', run: { kind: 'editing' } } : { ...state, page: previous };
    }
    case 'jumpTo':
      return canJumpToPage(state, action.page) ? { ...state, page: action.page } : state;
    case 'summary':
      if (state.page === 'confirmation' || locked) return state;
      return { ...state, page: firstBlockedPage(state) ?? 'summary' };
    case 'previewStarted':
      return { ...state, preview: { kind: 'loading', key: action.key } };
    case 'previewSucceeded':
      return state.preview.kind === 'loading' && state.preview.key === action.key ? { ...state, preview: { kind: 'ready', key: action.key, preview: action.preview } } : state;
    case 'previewFailed':
      return state.preview.kind === 'loading' && state.preview.key === action.key ? { ...state, preview: { kind: 'failed', key: action.key, error: action.error } } : state;
    case 'runStarted':
      return state.page === 'summary' && canGoNext(state) ? { ...state, run: { kind: 'running' } } : state;
    case 'runSucceeded':
      return state.run.kind === 'running' ? { ...state, page: 'confirmation', run: { kind: 'done', result: action.result } } : state;
    case 'runFailed':
      return state.run.kind === 'running' ? { ...state, page: 'confirmation', run: { kind: 'failed', error: action.error } } : state;
    case 'backToSummary':
      return state.page === 'confirmation' && !locked ? { ...state, page: 'summary', run: { kind: 'editing' } } : state;
  }
}

/** The key of a plan, so a dry run's answer is matched to the plan it was asked for. */
export function planKey(state: DistributeState): string {
  return JSON.stringify(planOf(state));
}
