import { DocumentAddRegular } from '@fluentui/react-icons';
import { useEffect, useReducer, useState, type ReactNode } from 'react';
import type { DefinitionSource, PackageImportedDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { Wizard, type WizardFooter } from '../../components/wizard';
import { useOpenCount } from '../../components/use-last-value';
import { SettingsSummaryPage } from '../programs/settings-summary-page';
import { WizardOutcomePage } from '../programs/wizard-outcome-page';
import { DefinitionPage, type DefinitionList } from './definition-page';
import { importSummary, importedRows } from './import-summary';
import {
  canGoBack,
  canGoNext,
  canJumpToPage,
  canJumpToSummary,
  initialPackageImportState,
  packageImportReducer,
  pageProblem,
  pagesOf,
  previewOf,
  type FixablePage,
  type PackageImportState,
} from './package-import-reducer';
import { importStepOf, type PackageImportPageId } from './package-import-steps';
import { SourceDirectoryPage } from './source-directory-page';
import { SourceFilesPage } from './source-files-page';

export const packageImportWizardTitle = 'Create Package From Definition Wizard';

export interface PackageImportWizardProps {
  readonly open: boolean;
  readonly onClose: () => void;
  readonly onCreated?: (result: PackageImportedDto) => void;
}

const fixLabels: Readonly<Record<FixablePage, { fieldLabel: string; pageLabel: string }>> = {
  definition: { fieldLabel: 'Package definition', pageLabel: 'Package Definition' },
  sourceFiles: { fieldLabel: 'Source files', pageLabel: 'Source Files' },
  sourceDirectory: { fieldLabel: 'Source directory', pageLabel: 'Source Directory' },
};

function footerFor(state: PackageImportState): WizardFooter {
  switch (importStepOf(state.page).kind) {
    case 'summary':
      return {
        kind: 'summary',
        canGoBack: canGoBack(state),
        canGoNext: canGoNext(state),
        busy: state.submission.kind === 'creating',
        busyLabel: 'Creating the package and its programs…',
      };
    case 'confirmation':
      return { kind: 'confirmation', canGoBack: canGoBack(state) };
    default: {
      // While a definition is read, its page's spinner says why Next waits: that is no problem.
      const reading = state.page === 'definition' && state.read.kind === 'reading';
      const problem = reading ? null : pageProblem(state);
      const page = state.page === 'definition' || state.page === 'sourceDirectory' ? state.page : null;
      return {
        kind: 'page',
        canGoBack: canGoBack(state),
        canGoNext: canGoNext(state),
        canJumpToSummary: canJumpToSummary(state),
        blocked: problem === null ? null : { message: problem, ...(page === null ? {} : { field: page, fieldLabel: fixLabels[page].fieldLabel }) },
      };
    }
  }
}

function PackageImportWizardSession({ open, onClose, onCreated }: PackageImportWizardProps) {
  const courier = useCourier();
  const [state, dispatch] = useReducer(packageImportReducer, initialPackageImportState);
  const [list, setList] = useState<DefinitionList>({ status: 'loading' });
  const [path, setPath] = useState('');
  const step = importStepOf(state.page);

  useEffect(() => {
    let current = true;
    void settle(() => courier['definitions:list']({})).then((result) => {
      if (!current) return;
      setList(result.ok ? { status: 'ready', definitions: result.value } : { status: 'error', message: result.error.message });
    });
    return () => {
      current = false;
    };
  }, []);

  function choose(source: DefinitionSource, reread?: boolean): void {
    dispatch({ type: 'choose', source, reread });
    // The reducer drops an answer for a definition the admin has since left.
    void settle(() => courier['definitions:inspect']({ source })).then((result) => {
      if (result.ok) dispatch({ type: 'readSucceeded', source, preview: result.value });
      else dispatch({ type: 'readFailed', source, error: result.error });
    });
  }

  async function create(): Promise<void> {
    if (!canGoNext(state) || state.read.kind !== 'read') return;
    const { source } = state.read;
    dispatch({ type: 'createStarted' });
    const result = await settle(() =>
      courier['packages:import']({
        source,
        sourceFiles: state.sourceFiles,
        sourceDirectory: state.sourceFiles === 'none' ? '' : state.sourceDirectory.trim(),
      }),
    );
    if (result.ok) {
      dispatch({ type: 'createSucceeded', result: result.value });
      onCreated?.(result.value);
    } else {
      dispatch({ type: 'createFailed', error: result.error });
    }
  }

  const issueOn = (page: FixablePage): string | null => (state.serverIssue?.page === page ? state.serverIssue.message : null);

  let body: ReactNode = null;
  switch (step.kind) {
    case 'definition':
      body = (
        <DefinitionPage
          list={list}
          read={state.read}
          path={path}
          onPathChange={setPath}
          onChoose={choose}
          serverIssue={issueOn('definition')}
        />
      );
      break;
    case 'sourceFiles':
      body = (
        <SourceFilesPage
          preview={previewOf(state)}
          value={state.sourceFiles}
          onChange={(mode) => dispatch({ type: 'setSourceFiles', mode })}
          serverIssue={issueOn('sourceFiles')}
        />
      );
      break;
    case 'sourceDirectory':
      body = (
        <SourceDirectoryPage
          value={state.sourceDirectory}
          onChange={(value) => dispatch({ type: 'setSourceDirectory', path: value })}
          issue={issueOn('sourceDirectory')}
        />
      );
      break;
    case 'summary':
      body = (
        <SettingsSummaryPage
          intro="The wizard will create this package and its programs. Click Next to create them."
          sections={importSummary(state)}
        />
      );
      break;
    case 'confirmation': {
      const submission = state.submission;
      if (submission.kind === 'created') {
        body = (
          <WizardOutcomePage
            wizard={packageImportWizardTitle}
            notDone=""
            outcome={{ kind: 'created', rows: importedRows(submission.result) }}
            onFixProblem={() => dispatch({ type: 'fixProblem' })}
          />
        );
      } else if (submission.kind === 'failed') {
        body = (
          <WizardOutcomePage
            wizard={packageImportWizardTitle}
            notDone="Nothing was created: neither the package nor any of its programs."
            outcome={{ kind: 'failed', error: submission.error, place: submission.page === null ? null : fixLabels[submission.page] }}
            onFixProblem={() => dispatch({ type: 'fixProblem' })}
          />
        );
      }
      break;
    }
  }

  const railPages = pagesOf(state).map((id) => ({ id, label: importStepOf(id).heading }));

  return (
    <Wizard<PackageImportPageId>
      open={open}
      title={packageImportWizardTitle}
      pages={railPages}
      current={state.page}
      canJumpTo={(page) => canJumpToPage(state, page)}
      heading={step.heading}
      icon={<DocumentAddRegular />}
      footer={footerFor(state)}
      onJumpTo={(page) => dispatch({ type: 'jumpTo', page })}
      onPrevious={() => dispatch({ type: 'previous' })}
      onNext={() => (step.kind === 'summary' ? void create() : dispatch({ type: 'next' }))}
      onSummary={() => dispatch({ type: 'summary' })}
      onClose={onClose}
    >
      {body}
    </Wizard>
  );
}

/** Create Package From Definition (docs/software-distribution.md#create-package-from-definition); each opening starts afresh. */
export function PackageImportWizard({ open, onClose, onCreated }: PackageImportWizardProps) {
  const opening = useOpenCount(open);
  return <PackageImportWizardSession key={opening} open={open} onClose={onClose} onCreated={onCreated} />;
}
