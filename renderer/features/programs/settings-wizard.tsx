import { useReducer, type ReactElement, type ReactNode } from 'react';
import type { ApiResult } from '../../../core/api';
import { Wizard, type WizardFooter } from '../../components/wizard';
import { settle } from '../../client/settle';
import type { SummaryRow, SummarySection } from './program-summary';
import type { FieldIssues, SettingsRules } from './settings-rules';
import { SettingsSummaryPage } from './settings-summary-page';
import {
  canGoBack,
  canGoNext,
  canJumpToPage,
  canJumpToSummary,
  initialWizardState,
  pageProblem,
  settingsWizardReducer,
  visibleIssues,
  wizardPages,
  type SettingsWizardAction,
  type SettingsWizardPage,
  type SettingsWizardState,
} from './settings-wizard-reducer';
import { WizardOutcomePage } from './wizard-outcome-page';

export interface SettingsPageProps<D extends object> {
  readonly draft: D;
  readonly issues: FieldIssues<keyof D & string>;
  readonly onChange: (changes: Partial<D>) => void;
}

export interface SettingsWizardProps<D extends object, P extends string, R> {
  readonly open: boolean;
  readonly title: string;
  readonly icon: ReactElement;
  readonly rules: SettingsRules<D, P>;
  readonly initialDraft: D;
  readonly renderPage: (page: P, props: SettingsPageProps<D>) => ReactNode;
  readonly summary: (draft: D) => readonly SummarySection[];
  readonly summaryIntro: string;
  readonly busyLabel: string;
  /** "The program was not created." */
  readonly notDone: string;
  readonly create: (draft: D) => Promise<ApiResult<R>>;
  readonly createdRows: (result: R) => readonly SummaryRow[];
  readonly onCreated?: (result: R) => void;
  readonly onClose: () => void;
}

function footerFor<D extends object, P extends string, R>(rules: SettingsRules<D, P>, state: SettingsWizardState<D, P, R>, busyLabel: string): WizardFooter {
  if (state.page === 'summary') {
    return {
      kind: 'summary',
      canGoBack: canGoBack(rules, state),
      canGoNext: canGoNext(rules, state),
      busy: state.submission.kind === 'creating',
      busyLabel,
    };
  }
  if (state.page === 'confirmation') return { kind: 'confirmation', canGoBack: canGoBack(rules, state) };
  const problem = pageProblem(rules, state);
  return {
    kind: 'page',
    canGoBack: canGoBack(rules, state),
    canGoNext: canGoNext(rules, state),
    canJumpToSummary: canJumpToSummary(rules, state),
    blocked: problem === null ? null : { ...problem, fieldLabel: rules.fieldLabels[problem.field] },
  };
}

/**
 * A wizard over a settings draft: its settings pages, Summary and Confirmation, driven by
 * settingsWizardReducer. The New Program and New Program For Device wizards are two of these.
 */
export function SettingsWizard<D extends object, P extends string, R>(props: SettingsWizardProps<D, P, R>) {
  const { rules } = props;
  const [state, dispatch] = useReducer(
    (s: SettingsWizardState<D, P, R>, a: SettingsWizardAction<D, P, R>) => settingsWizardReducer(rules, s, a),
    props.initialDraft,
    (draft) => initialWizardState<D, P, R>(rules, draft),
  );
  const pages = wizardPages(rules).map((id) => ({
    id,
    label: id === 'summary' ? 'Summary' : id === 'confirmation' ? 'Confirmation' : rules.pageLabels[id as P],
  }));
  const heading = pages.find((p) => p.id === state.page)?.label ?? '';

  async function create(): Promise<void> {
    if (!canGoNext(rules, state)) return;
    dispatch({ type: 'createStarted' });
    const result = await settle(() => props.create(state.draft));
    if (result.ok) {
      dispatch({ type: 'createSucceeded', result: result.value });
      props.onCreated?.(result.value);
    } else {
      dispatch({ type: 'createFailed', error: result.error });
    }
  }

  let body: ReactNode = null;
  if (state.page === 'summary') {
    body = <SettingsSummaryPage intro={props.summaryIntro} sections={props.summary(state.draft)} />;
  } else if (state.page === 'confirmation') {
    const submission = state.submission;
    if (submission.kind === 'created') {
      body = (
        <WizardOutcomePage
          wizard={props.title}
          notDone={props.notDone}
          outcome={{ kind: 'created', rows: props.createdRows(submission.result) }}
          onFixProblem={() => dispatch({ type: 'fixProblem' })}
        />
      );
    } else if (submission.kind === 'failed') {
      const field = submission.field as (keyof D & string) | undefined;
      body = (
        <WizardOutcomePage
          wizard={props.title}
          notDone={props.notDone}
          outcome={{
            kind: 'failed',
            error: submission.error,
            place: field === undefined ? null : { fieldLabel: rules.fieldLabels[field], pageLabel: rules.pageLabels[rules.fieldPage[field]] },
          }}
          onFixProblem={() => dispatch({ type: 'fixProblem' })}
        />
      );
    }
  } else {
    body = props.renderPage(state.page as P, {
      draft: state.draft,
      issues: visibleIssues(rules, state),
      onChange: (changes) => dispatch({ type: 'edit', changes }),
    });
  }

  return (
    <Wizard<SettingsWizardPage<P>>
      open={props.open}
      title={props.title}
      pages={pages}
      current={state.page}
      canJumpTo={(page) => canJumpToPage(rules, state, page)}
      heading={heading}
      icon={props.icon}
      footer={footerFor(rules, state, props.busyLabel)}
      onJumpTo={(page) => dispatch({ type: 'jumpTo', page })}
      onPrevious={() => dispatch({ type: 'previous' })}
      onNext={() => (state.page === 'summary' ? void create() : dispatch({ type: 'next' }))}
      onSummary={() => dispatch({ type: 'summary' })}
      onClose={props.onClose}
    >
      {body}
    </Wizard>
  );
}
