import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { WizardOutcome } from '../../components/wizard';
import { fieldLabels, fieldPage, settingPageLabels } from './package-fields';
import type { Submission } from './new-package-wizard-reducer';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  details: {
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
  },
  row: { display: 'contents' },
  label: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  fix: { alignSelf: 'flex-start' },
});

export interface ConfirmationPageProps {
  readonly submission: Extract<Submission, { kind: 'created' } | { kind: 'failed' }>;
  readonly onFixProblem: () => void;
}

export function ConfirmationPage({ submission, onFixProblem }: ConfirmationPageProps) {
  const styles = useStyles();
  if (submission.kind === 'created') {
    return (
      <div className={styles.page}>
        <WizardOutcome wizard="New Package Wizard" ok>
          <dl className={styles.details}>
            <div className={styles.row}>
              <dt className={styles.label}>Package name</dt>
              <dd className={styles.value}>{submission.package.name}</dd>
            </div>
            <div className={styles.row}>
              <dt className={styles.label}>Package ID</dt>
              <dd className={styles.value}>{submission.package.packageId}</dd>
            </div>
          </dl>
        </WizardOutcome>
      </div>
    );
  }

  const { field, error } = submission;
  const pageLabel = field === undefined ? undefined : settingPageLabels[fieldPage[field]];
  return (
    <div className={styles.page}>
      <WizardOutcome wizard="New Package Wizard" ok={false}>
        <Text>The package was not created. The site server said:</Text>
        <Text weight="semibold">{error.message}</Text>
        {field !== undefined && pageLabel !== undefined && (
          <Text>
            The problem is with “{fieldLabels[field]}” on the {pageLabel} page.
          </Text>
        )}
      </WizardOutcome>
      <Button className={styles.fix} appearance="primary" onClick={onFixProblem}>
        {pageLabel !== undefined ? `Go to the ${pageLabel} page` : 'Back to the Summary page'}
      </Button>
    </div>
  );
}
