import { BoxMultipleRegular } from '@fluentui/react-icons';
import { useReducer } from 'react';
import type { PackageDto, PackageSettings } from '../../../core/api';
import { Wizard, type WizardFooter } from '../../components/wizard';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { ConfirmationPage } from './confirmation-page';
import {
  canGoBack,
  canGoNext,
  canJumpToPage,
  canJumpToSummary,
  initialNewPackageWizardState,
  newPackageWizardReducer,
  pageProblem,
  visibleIssues,
  type NewPackageWizardState,
} from './new-package-wizard-reducer';
import { newPackageSteps, stepOf, type NewPackagePageId, type NewPackageStep } from './new-package-wizard-steps';
import { createInput } from './package-draft';
import { fieldLabels } from './package-fields';
import type { PackagePageProps } from './package-page-props';
import { PackageSettingsPage } from './package-settings-page';
import { SecurityNote } from './security-note';
import { SummaryPage } from './summary-page';
import { useOpenCount } from '../../components/use-last-value';

export interface NewPackageWizardProps {
  readonly open: boolean;
  readonly onClose: () => void;
  readonly onCreated?: (pkg: PackageDto) => void;
}

const railPages = newPackageSteps.map((step) => ({ id: step.id, label: step.heading }));

function footerFor(state: NewPackageWizardState): WizardFooter {
  switch (stepOf(state.page).kind) {
    case 'settings':
    case 'security': {
      const problem = pageProblem(state);
      return {
        kind: 'page',
        canGoBack: canGoBack(state),
        canGoNext: canGoNext(state),
        canJumpToSummary: canJumpToSummary(state),
        blocked: problem === null ? null : { ...problem, fieldLabel: fieldLabels[problem.field] },
      };
    }
    case 'summary':
      return {
        kind: 'summary',
        canGoBack: canGoBack(state),
        canGoNext: canGoNext(state),
        busy: state.submission.kind === 'creating',
        busyLabel: 'Creating the package…',
      };
    case 'confirmation':
      return { kind: 'confirmation', canGoBack: canGoBack(state) };
  }
}

function PageBody({ step, state, pageProps, onFixProblem }: {
  readonly step: NewPackageStep;
  readonly state: NewPackageWizardState;
  readonly pageProps: PackagePageProps;
  readonly onFixProblem: () => void;
}) {
  switch (step.kind) {
    case 'settings':
      return <PackageSettingsPage page={step.id} {...pageProps} />;
    case 'security':
      return <SecurityNote />;
    case 'summary':
      return <SummaryPage draft={state.draft} />;
    case 'confirmation':
      // The reducer only reaches Confirmation with an outcome.
      return state.submission.kind === 'created' || state.submission.kind === 'failed' ? (
        <ConfirmationPage submission={state.submission} onFixProblem={onFixProblem} />
      ) : null;
  }
}

function NewPackageWizardSession({ open, onClose, onCreated }: NewPackageWizardProps) {
  const courier = useCourier();
  const [state, dispatch] = useReducer(newPackageWizardReducer, initialNewPackageWizardState);
  const step = stepOf(state.page);

  async function create(): Promise<void> {
    if (!canGoNext(state)) return;
    dispatch({ type: 'createStarted' });
    const result = await settle(() => courier['packages:create'](createInput(state.draft)));
    if (result.ok) {
      dispatch({ type: 'createSucceeded', package: result.value });
      onCreated?.(result.value);
    } else {
      dispatch({ type: 'createFailed', error: result.error });
    }
  }

  const pageProps: PackagePageProps = {
    draft: state.draft,
    issues: visibleIssues(state),
    onChange: (changes: Partial<PackageSettings>) => dispatch({ type: 'edit', changes }),
  };

  return (
    <Wizard<NewPackagePageId>
      open={open}
      title="New Package Wizard"
      pages={railPages}
      current={state.page}
      canJumpTo={(page) => canJumpToPage(state, page)}
      heading={step.heading}
      icon={<BoxMultipleRegular />}
      footer={footerFor(state)}
      onJumpTo={(page) => dispatch({ type: 'jumpTo', page })}
      onPrevious={() => dispatch({ type: 'previous' })}
      onNext={() => (step.kind === 'summary' ? void create() : dispatch({ type: 'next' }))}
      onSummary={() => dispatch({ type: 'summary' })}
      onClose={onClose}
    >
      <PageBody step={step} state={state} pageProps={pageProps} onFixProblem={() => dispatch({ type: 'fixProblem' })} />
    </Wizard>
  );
}

/** Each opening is a new session (new key), so every New Package starts from the defaults. */
export function NewPackageWizard({ open, onClose, onCreated }: NewPackageWizardProps) {
  const opening = useOpenCount(open);
  return <NewPackageWizardSession key={opening} open={open} onClose={onClose} onCreated={onCreated} />;
}
