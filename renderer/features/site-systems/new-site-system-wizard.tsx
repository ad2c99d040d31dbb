import { ServerRegular } from '@fluentui/react-icons';
import { useReducer } from 'react';
import type { DistributionPointDto, DpMode } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { useOpenCount } from '../../components/use-last-value';
import { Wizard, type WizardFooter } from '../../components/wizard';
import { DpGeneralFields, DpProtectedFields } from './dp-general-fields';
import type { DpSettingsDraft } from './dp-settings-draft';
import {
  canGoBack,
  canGoNext,
  canJumpToPage,
  canJumpToSummary,
  createRequest,
  fieldLabel,
  initialNewSiteSystemState,
  newSiteSystemHeadings,
  newSiteSystemPages,
  newSiteSystemReducer,
  pageProblem,
  visibleIssues,
  type NewSiteSystemEdit,
  type NewSiteSystemPage,
  type NewSiteSystemState,
} from './new-site-system-reducer';
import { ConfirmationPage, GeneralPage, RolesPage, SummaryPage } from './new-site-system-pages';

export interface NewSiteSystemWizardProps {
  readonly open: boolean;
  readonly mode: DpMode;
  readonly siteCode: string;
  readonly onClose: () => void;
  readonly onCreated?: (dp: DistributionPointDto) => void;
}

const railPages = newSiteSystemPages.map((id) => ({ id, label: newSiteSystemHeadings[id] }));

function footerFor(state: NewSiteSystemState): WizardFooter {
  if (state.page === 'summary') {
    return { kind: 'summary', canGoBack: canGoBack(state), canGoNext: canGoNext(state), busy: state.submission.kind === 'creating', busyLabel: 'Adding the site system…' };
  }
  if (state.page === 'confirmation') return { kind: 'confirmation', canGoBack: canGoBack(state) };
  const problem = pageProblem(state);
  return {
    kind: 'page',
    canGoBack: canGoBack(state),
    canGoNext: canGoNext(state),
    canJumpToSummary: canJumpToSummary(state),
    blocked: problem === null ? null : { ...problem, fieldLabel: fieldLabel(problem.field, state.mode) },
  };
}

function Session({ open, mode, siteCode, onClose, onCreated }: NewSiteSystemWizardProps) {
  const courier = useCourier();
  const [state, dispatch] = useReducer(newSiteSystemReducer, mode, initialNewSiteSystemState);
  const issues = visibleIssues(state);
  const onChange = (changes: NewSiteSystemEdit) => dispatch({ type: 'edit', changes });

  async function create(): Promise<void> {
    if (!canGoNext(state)) return;
    dispatch({ type: 'createStarted' });
    const result = await settle(() => courier['distribution-points:create'](createRequest(state)));
    if (result.ok) {
      dispatch({ type: 'createSucceeded', dp: result.value });
      onCreated?.(result.value);
    } else dispatch({ type: 'createFailed', error: result.error });
  }

  const pageProps = { state, issues, siteCode, onChange };
  const settingsProps = { mode, draft: state.draft.settings, issues, onChange: (settings: Partial<DpSettingsDraft>) => onChange({ settings }) };
  let body;
  switch (state.page) {
    case 'general':
      body = <GeneralPage {...pageProps} />;
      break;
    case 'roles':
      body = <RolesPage {...pageProps} />;
      break;
    case 'distributionPoint':
      body = <DpGeneralFields {...settingsProps} />;
      break;
    case 'protected':
      body = <DpProtectedFields {...settingsProps} />;
      break;
    case 'summary':
      body = <SummaryPage state={state} siteCode={siteCode} />;
      break;
    case 'confirmation':
      body =
        state.submission.kind === 'created' || state.submission.kind === 'failed' ? (
          <ConfirmationPage submission={state.submission} mode={mode} onFixProblem={() => dispatch({ type: 'fixProblem' })} />
        ) : null;
      break;
  }

  return (
    <Wizard<NewSiteSystemPage>
      open={open}
      title={mode === 'server' ? 'New Site System Server Wizard' : 'New Site System Server Share Wizard'}
      pages={railPages}
      current={state.page}
      canJumpTo={(page) => canJumpToPage(state, page)}
      heading={newSiteSystemHeadings[state.page]}
      icon={<ServerRegular />}
      footer={footerFor(state)}
      onJumpTo={(page) => dispatch({ type: 'jumpTo', page })}
      onPrevious={() => dispatch({ type: 'previous' })}
      onNext={() => (state.page === 'summary' ? void create() : dispatch({ type: 'next' }))}
      onSummary={() => dispatch({ type: 'summary' })}
      onClose={onClose}
    >
      {body}
    </Wizard>
  );
}

/** New › Server and New › Server Share on Site Systems; each opening starts afresh. */
export function NewSiteSystemWizard(props: NewSiteSystemWizardProps) {
  const opening = useOpenCount(props.open);
  return <Session key={opening} {...props} />;
}
