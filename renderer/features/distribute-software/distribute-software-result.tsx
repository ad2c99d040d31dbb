import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, ArrowUndoRegular, CheckmarkCircleRegular, ErrorCircleRegular, LinkRegular, SubtractCircleRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import type { DeploymentStepDto } from '../../../core/api';
import { WizardOutcome, defaultActionAttribute } from '../../components/wizard';
import { SettingsSummaryPage } from '../programs/settings-summary-page';
import type { DistributeState, RunState } from './distribute-software-reducer';
import { distributeSummary, notOffered, previewLines } from './distribute-software-summary';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  preview: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  previewHead: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  title: { margin: 0, flexGrow: 1, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: {
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'minmax(160px, 40%) 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  pair: { display: 'contents' },
  label: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  notices: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  note: { color: tokens.colorNeutralForeground2 },
  steps: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  step: { display: 'grid', gridTemplateColumns: '20px 1fr', columnGap: tokens.spacingHorizontalS },
  stepIcon: { fontSize: '20px' },
  done: { color: tokens.colorPaletteGreenForeground1 },
  used: { color: tokens.colorBrandForeground1 },
  failed: { color: tokens.colorPaletteRedForeground1 },
  undone: { color: tokens.colorPaletteDarkOrangeForeground1 },
  skipped: { color: tokens.colorNeutralForeground3 },
  detail: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  back: { alignSelf: 'flex-start' },
});

/** Summary: every choice, the dry run of the plan (with Refresh), and where to change the rest. */
export function DistributeSummaryPage({ state, collectionLabel, onRefresh }: {
  readonly state: DistributeState;
  readonly collectionLabel: (collectionId: string) => string;
  readonly onRefresh: () => void;
}): ReactNode {
  const styles = useStyles();
  const { preview } = state;
  return (
    <div className={styles.page}>
      <SettingsSummaryPage
        intro="The wizard will make and distribute everything below, in one go: if any step fails, nothing is made. Click Next to start."
        sections={distributeSummary(state, { collection: collectionLabel })}
      />
      <section className={styles.preview} aria-label="What the site would do">
        <div className={styles.previewHead}>
          <h4 className={styles.title}>What the site would do now</h4>
          <Button size="small" icon={<ArrowClockwiseRegular />} disabled={preview.kind === 'loading'} onClick={onRefresh}>
            Refresh
          </Button>
        </div>
        {(preview.kind === 'loading' || preview.kind === 'idle') && <Spinner size="tiny" label="Asking the site server for a dry run…" />}
        {preview.kind === 'failed' && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>The dry run failed.</MessageBarTitle>
              {preview.error.message} You can still click Next: the site checks the plan again when it runs it.
            </MessageBarBody>
          </MessageBar>
        )}
        {preview.kind === 'ready' && (
          <>
            <dl className={styles.list}>
              {previewLines(preview.preview).map((line, index) => (
                <div key={`${line.label}-${index}`} className={styles.pair}>
                  <dt className={styles.label}>{line.label}</dt>
                  <dd className={styles.value}>{line.value}</dd>
                </div>
              ))}
            </dl>
            {preview.preview.notices.length > 0 && (
              <ul className={styles.notices} aria-label="Notices">
                {preview.preview.notices.map((notice) => (
                  <li key={notice}>{notice}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>
      <Text size={200} className={styles.note}>
        {notOffered}
      </Text>
    </div>
  );
}

const outcomeLabels: Readonly<Record<DeploymentStepDto['outcome'], string>> = {
  done: 'Done',
  used: 'Used',
  failed: 'Failed',
  undone: 'Undone',
  skipped: 'Skipped',
};

function StepIcon({ outcome }: { readonly outcome: DeploymentStepDto['outcome'] }) {
  const styles = useStyles();
  const className = `${styles.stepIcon} ${styles[outcome]}`;
  switch (outcome) {
    case 'done':
      return <CheckmarkCircleRegular className={className} aria-hidden />;
    case 'used':
      return <LinkRegular className={className} aria-hidden />;
    case 'failed':
      return <ErrorCircleRegular className={className} aria-hidden />;
    case 'undone':
      return <ArrowUndoRegular className={className} aria-hidden />;
    case 'skipped':
      return <SubtractCircleRegular className={className} aria-hidden />;
  }
}

function Steps({ steps }: { readonly steps: readonly DeploymentStepDto[] }) {
  const styles = useStyles();
  return (
    <ol className={styles.steps} aria-label="Steps">
      {steps.map((step) => (
        <li key={step.step} className={styles.step}>
          <StepIcon outcome={step.outcome} />
          <Text weight="semibold">
            {step.title}: {outcomeLabels[step.outcome]}
          </Text>
          <span />
          <Text size={200} className={styles.detail}>
            {step.detail}
          </Text>
        </li>
      ))}
    </ol>
  );
}

/** The last page: each step's outcome; when not ok, that nothing was made and why, with the way back. */
export function DistributeOutcomePage({ wizard, run, onBack }: { readonly wizard: string; readonly run: RunState; readonly onBack: () => void }): ReactNode {
  const styles = useStyles();
  if (run.kind === 'done' && run.result.ok) {
    return (
      <div className={styles.page}>
        <WizardOutcome wizard={wizard} ok>
          <Steps steps={run.result.steps} />
        </WizardOutcome>
      </div>
    );
  }
  if (run.kind !== 'done' && run.kind !== 'failed') return null;
  const error = run.kind === 'failed' ? run.error : run.result.error;
  return (
    <div className={styles.page}>
      <WizardOutcome wizard={wizard} ok={false}>
        <Text>Nothing was made: no package, program, distribution, collection or advertisement. The site server said:</Text>
        <Text weight="semibold">{error?.message ?? 'A step failed.'}</Text>
      </WizardOutcome>
      {run.kind === 'done' && <Steps steps={run.result.steps} />}
      <Button className={styles.back} appearance="primary" onClick={onBack} {...{ [defaultActionAttribute]: '' }}>
        Back to the Summary page
      </Button>
    </div>
  );
}
