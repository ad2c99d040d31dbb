import { ShareRegular } from '@fluentui/react-icons';
import { useEffect, useReducer, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { fullPackageName, type DeploymentResultDto, type PackageSettings } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { Wizard, type WizardFooter } from '../../components/wizard';
import { useConsoleStores } from '../../console/console-stores';
import { NewCollectionRulesPage } from '../collections/new-collection-rules-page';
import { DefinitionPage, type DefinitionList } from '../package-import/definition-page';
import { previewOf } from '../package-import/package-import-reducer';
import { SourceDirectoryPage } from '../package-import/source-directory-page';
import { SourceFilesPage } from '../package-import/source-files-page';
import { DataSourcePage } from '../packages/data-source-page';
import { GeneralPage } from '../packages/general-page';
import type { FieldIssues } from '../packages/package-draft';
import {
  AdvertisementNamePage,
  AdvertisePage,
  AssignPage,
  CollectionNamePage,
  DistributionPointsPage,
  PackagePage,
  ProgramIdentificationPage,
  ProgramPage,
  SchedulePage,
  SubcollectionPage,
  TargetPage,
  WelcomePage,
  type PageProps,
  type ProgramChoices,
} from './distribute-software-pages';
import {
  canGoBack,
  canGoNext,
  canJumpToPage,
  canJumpToSummary,
  distributeReducer,
  dpCandidatesKey,
  initialDistributeState,
  pageLabels,
  pageProblem,
  pagesFor,
  planKey,
  planOf,
  visibleIssues,
  wizardTitle,
  type DistributeContext,
  type DistributePage,
  type DistributeStart,
  type DistributeState,
} from './distribute-software-reducer';
import { DistributeOutcomePage, DistributeSummaryPage } from './distribute-software-result';

export interface DistributeSoftwareWizardProps {
  readonly start: DistributeStart;
  readonly onClose: () => void;
  /** After a run that made everything: what it made. */
  readonly onDone?: (result: DeploymentResultDto) => void;
}

function footerFor(state: DistributeState): WizardFooter {
  if (state.page === 'confirmation') {
    const canGoBackAfterFailure = state.run.kind === 'failed' || (state.run.kind === 'done' && !state.run.result.ok);
    return { kind: 'confirmation', canGoBack: canGoBackAfterFailure };
  }
  if (state.page === 'summary') {
    return { kind: 'summary', canGoBack: canGoBack(state), canGoNext: canGoNext(state), busy: state.run.kind === 'running', busyLabel: 'Distributing the software…' };
  }
  // While a definition or the DP list is read, the page's spinner says why Next waits.
  const problem = pageProblem(state);
  const waiting = problem !== null && problem.message.endsWith('…');
  return {
    kind: 'page',
    canGoBack: canGoBack(state),
    canGoNext: canGoNext(state),
    canJumpToSummary: canJumpToSummary(state),
    blocked: problem === null || waiting ? null : { message: problem.message, field: problem.field, fieldLabel: fieldLabelOf(problem.field) },
  };
}

const fieldLabels: Readonly<Record<string, string>> = {
  packageId: 'Existing package',
  name: 'Name',
  version: 'Version',
  publisher: 'Publisher',
  language: 'Language',
  comment: 'Comment',
  sourceDirectory: 'Source directory',
  commandLine: 'Command line',
  programName: 'Programs',
  collectionId: 'Existing collection',
  rules: 'Membership rules',
  advertisementName: 'Name',
  presentTime: 'Advertise the program after',
  expirationTime: 'Expiration time',
  assignedTime: 'Assign after',
  definition: 'Package definition',
};

function fieldLabelOf(field: string): string {
  return fieldLabels[field] ?? field;
}

/** What the console knows of the starting point: the package and program it names, the resources' names. */
function useStartContext(start: DistributeStart): DistributeContext {
  const stores = useConsoleStores();
  const [context] = useState<DistributeContext>(() => {
    const packages = stores.packages.getState().list.items;
    const pkgInfo = (packageId: string) => {
      const pkg = packages.find((p) => p.packageId === packageId);
      return pkg === undefined
        ? { packageId, name: packageId, fullName: packageId, containsSourceFiles: true }
        : { packageId, name: pkg.name, fullName: fullPackageName(pkg), containsSourceFiles: pkg.containsSourceFiles };
    };
    const now = new Date();
    switch (start.from) {
      case 'collection':
        return { now, pkg: null, programName: null, resourceNames: [] };
      case 'resources': {
        const members = stores.collections.getState().members[start.collectionId]?.items ?? [];
        const names = start.resourceIds.map((id) => members.find((m) => m.resourceId === id)?.name ?? String(id));
        return { now, pkg: null, programName: null, resourceNames: names };
      }
      case 'package':
        return { now, pkg: pkgInfo(start.packageId), programName: null, resourceNames: [] };
      case 'program':
        return { now, pkg: pkgInfo(start.packageId), programName: start.programName, resourceNames: [] };
      case 'advertisement': {
        const ad = stores.advertisements.getState().list.items.find((a) => a.advertisementId === start.advertisementId);
        return ad === undefined ? { now, pkg: null, programName: null, resourceNames: [] } : { now, pkg: pkgInfo(ad.packageId), programName: ad.programName, resourceNames: [] };
      }
    }
  });
  return context;
}

/**
 * The Distribute Software wizards (docs/distribute-software.md): Distribute Software To
 * Collection, To Resource, and the Distribute Software Wizard of a package, program or
 * advertisement. One reducer decides the pages; the Summary asks for the dry run; Next there
 * runs the plan in one site transaction and the last page lists each step's outcome.
 */
export function DistributeSoftwareWizard({ start, onClose, onDone }: DistributeSoftwareWizardProps): ReactNode {
  const courier = useCourier();
  const stores = useConsoleStores();
  const context = useStartContext(start);
  const [state, dispatch] = useReducer(distributeReducer, undefined, () => initialDistributeState(start, context));
  const [definitions, setDefinitions] = useState<DefinitionList>({ status: 'loading' });
  const [definitionPath, setDefinitionPath] = useState('');
  const [dpReads, setDpReads] = useState(0);
  const [resourceNames, setResourceNames] = useState<ReadonlyMap<number, string>>(
    () => new Map(start.from === 'resources' ? start.resourceIds.map((id, i) => [id, context.resourceNames[i] ?? String(id)] as const) : []),
  );
  const collections = useStore(stores.collections, (s) => s.list.items);
  const advertisements = useStore(stores.advertisements, (s) => s.list.items);
  const existingPackageId = state.packageChoice === 'existing' ? (state.existingPackage?.packageId ?? null) : null;
  const programList = useStore(stores.programs, (s) => (existingPackageId === null ? undefined : s.lists[existingPackageId]));
  const title = wizardTitle(start);
  const collectionLabel = (id: string) => {
    const c = collections.find((x) => x.collectionId === id);
    return c === undefined ? id : `${c.name} (${id})`;
  };

  // The built-in definitions, once the definition pages are reached.
  const needsDefinitions = state.packageChoice === 'definition';
  useEffect(() => {
    if (!needsDefinitions || definitions.status !== 'loading') return;
    let current = true;
    void settle(() => courier['definitions:list']({})).then((result) => {
      if (current) setDefinitions(result.ok ? { status: 'ready', definitions: result.value } : { status: 'error', message: result.error.message });
    });
    return () => {
      current = false;
    };
  }, [needsDefinitions]);

  // The DPs to offer: those that lack an existing package, or all of them for a new one.
  const dpKey = dpCandidatesKey(state);
  const onDpPage = state.page === 'distributionPoints';
  useEffect(() => {
    if (!onDpPage) return;
    // Read once per package; Retry (after an error) reads again.
    if (state.dpCandidates !== null && state.dpCandidates.forKey === dpKey && state.dpCandidates.status !== 'error') return;
    let current = true;
    dispatch({ type: 'dpCandidatesReading', forKey: dpKey });
    const request = existingPackageId === null ? {} : { withoutPackage: existingPackageId };
    void settle(() => courier['distribution-points:list'](request)).then((result) => {
      if (!current) return;
      dispatch(result.ok ? { type: 'dpCandidatesLoaded', forKey: dpKey, items: result.value } : { type: 'dpCandidatesFailed', forKey: dpKey, error: result.error.message });
    });
    return () => {
      current = false;
    };
  }, [onDpPage, dpKey, dpReads]);

  // An existing package's programs, read once it is chosen.
  useEffect(() => {
    if (existingPackageId !== null && stores.programs.getState().lists[existingPackageId] === undefined) void stores.programs.getState().load(existingPackageId);
  }, [existingPackageId]);

  // The dry run of the plan as it stands, each time the Summary page is shown, and on Refresh.
  const key = planKey(state);
  const onSummary = state.page === 'summary';
  const [previewAsks, setPreviewAsks] = useState(0);
  useEffect(() => {
    if (!onSummary) return;
    dispatch({ type: 'previewStarted', key });
    void settle(() => courier['deployments:preview'](planOf(state))).then((result) => {
      dispatch(result.ok ? { type: 'previewSucceeded', key, preview: result.value } : { type: 'previewFailed', key, error: result.error });
    });
  }, [onSummary, key, previewAsks]);

  async function runPlan(): Promise<void> {
    if (!canGoNext(state)) return;
    dispatch({ type: 'runStarted' });
    const result = await settle(() => courier['deployments:run'](planOf(state)));
    if (result.ok) {
      dispatch({ type: 'runSucceeded', result: result.value });
      if (result.value.ok) onDone?.(result.value);
    } else {
      dispatch({ type: 'runFailed', error: result.error });
    }
  }

  const props: PageProps = { state, dispatch, issues: visibleIssues(state) };
  const programChoices: ProgramChoices =
    state.packageChoice === 'definition'
      ? { status: 'ready', programs: (previewOf(state.definition)?.programs ?? []).map((p) => ({ ...p, note: null })) }
      : programList === undefined || programList.status === 'loading'
        ? { status: 'loading' }
        : programList.status === 'error'
          ? { status: 'error', error: programList.error ?? 'The site server did not answer.' }
          : {
              status: 'ready',
              programs: programList.items.map((p) => ({
                name: p.name,
                commandLine: p.commandLine,
                note: p.kind === 'device' ? 'A program for devices.' : p.kind === 'computer' && p.disabled ? 'Disabled: clients will not run it until it is enabled.' : null,
              })),
            };
  const existingAdvertisements = advertisements
    .filter((a) => a.packageId === existingPackageId && a.programName === state.programName)
    .map((a) => `${a.advertisementName} (${a.advertisementId}) to ${collectionLabel(a.collectionId)}`);
  const about = (() => {
    switch (start.from) {
      case 'collection':
        return collectionLabel(start.collectionId);
      case 'resources':
        return context.resourceNames.join(', ');
      case 'package':
        return context.pkg === null ? start.packageId : `${context.pkg.fullName} (${context.pkg.packageId})`;
      case 'program':
        return `${start.programName} of ${context.pkg?.fullName ?? start.packageId}`;
      case 'advertisement':
        return start.advertisementId;
    }
  })();

  const page: DistributePage = state.page;
  let body: ReactNode = null;
  switch (page) {
    case 'welcome':
      body = <WelcomePage start={start} about={about} />;
      break;
    case 'package':
      body = <PackagePage {...props} />;
      break;
    case 'packageIdentification':
      body = (
        <GeneralPage draft={state.newPackage} issues={props.issues as FieldIssues} onChange={(changes: Partial<PackageSettings>) => dispatch({ type: 'editPackage', changes })} />
      );
      break;
    case 'packageSource':
      body = (
        <DataSourcePage draft={state.newPackage} issues={props.issues as FieldIssues} onChange={(changes: Partial<PackageSettings>) => dispatch({ type: 'editPackage', changes })} />
      );
      break;
    case 'definition':
      body = (
        <DefinitionPage
          list={definitions}
          read={state.definition.read}
          path={definitionPath}
          onPathChange={setDefinitionPath}
          onChoose={(source, reread) => {
            dispatch({ type: 'definition', action: { type: 'choose', source, reread } });
            void settle(() => courier['definitions:inspect']({ source })).then((result) =>
              dispatch({
                type: 'definition',
                action: result.ok ? { type: 'readSucceeded', source, preview: result.value } : { type: 'readFailed', source, error: result.error },
              }),
            );
          }}
          serverIssue={null}
        />
      );
      break;
    case 'definitionSourceFiles':
      body = (
        <SourceFilesPage
          preview={previewOf(state.definition)}
          value={state.definition.sourceFiles}
          onChange={(mode) => dispatch({ type: 'definition', action: { type: 'setSourceFiles', mode } })}
          serverIssue={null}
        />
      );
      break;
    case 'definitionSourceDirectory':
      body = (
        <SourceDirectoryPage
          value={state.definition.sourceDirectory}
          onChange={(path) => dispatch({ type: 'definition', action: { type: 'setSourceDirectory', path } })}
          issue={props.issues.sourceDirectory ?? null}
        />
      );
      break;
    case 'distributionPoints':
      body = <DistributionPointsPage {...props} onRetry={() => setDpReads((n) => n + 1)} />;
      break;
    case 'programIdentification':
      body = <ProgramIdentificationPage {...props} />;
      break;
    case 'program':
      body = <ProgramPage {...props} choices={programChoices} />;
      break;
    case 'advertise':
      body = <AdvertisePage {...props} existing={existingAdvertisements} />;
      break;
    case 'target':
      body = <TargetPage {...props} collectionLabel={collectionLabel} />;
      break;
    case 'collectionName':
      body = <CollectionNamePage {...props} />;
      break;
    case 'collectionRules':
      body = (
        <NewCollectionRulesPage
          draft={state.newCollection}
          issues={props.issues}
          onChange={(changes) => dispatch({ type: 'editCollection', changes })}
          names={resourceNames}
          onNames={setResourceNames}
        />
      );
      break;
    case 'advertisementName':
      body = <AdvertisementNamePage {...props} />;
      break;
    case 'subcollection':
      body = <SubcollectionPage {...props} />;
      break;
    case 'schedule':
      body = <SchedulePage {...props} />;
      break;
    case 'assign':
      body = <AssignPage {...props} />;
      break;
    case 'summary':
      body = <DistributeSummaryPage state={state} collectionLabel={collectionLabel} onRefresh={() => setPreviewAsks((n) => n + 1)} />;
      break;
    case 'confirmation':
      body = <DistributeOutcomePage wizard={title} run={state.run} onBack={() => dispatch({ type: 'backToSummary' })} />;
      break;
  }

  const railPages = pagesFor(state).map((id) => ({ id, label: pageLabels[id] }));
  return (
    <Wizard<DistributePage>
      open
      title={title}
      pages={railPages}
      current={page}
      canJumpTo={(target) => canJumpToPage(state, target)}
      heading={pageLabels[page]}
      icon={<ShareRegular />}
      footer={footerFor(state)}
      onJumpTo={(target) => dispatch({ type: 'jumpTo', page: target })}
      onPrevious={() => dispatch({ type: 'previous' })}
      onNext={() => (page === 'summary' ? void runPlan() : dispatch({ type: 'next' }))}
      onSummary={() => dispatch({ type: 'summary' })}
      onClose={onClose}
    >
      {body}
    </Wizard>
  );
}
