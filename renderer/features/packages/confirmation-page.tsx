import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular, ErrorCircleRegular } from '@fluentui/react-icons';
import { fieldLabels, fieldPage, settingPageLabels } from './package-fields';
import type { Submission } from './new-package-wizard-reducer';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  outcome: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalM },
  success: { fontSize: '32px', color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  failure: { fontSize: '32px', color: tokens.colorPaletteRedForeground1, flexShrink: 0 },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
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
        <div className={styles.outcome}>
          <CheckmarkCircleRegular className={styles.success} aria-hidden />
          <div className={styles.text}>
            <Text weight="semibold" size={400} role="status">
              The New Package Wizard completed successfully
            </Text>
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
          </div>
        </div>
      </div>
    );
  }

  const { field, error } = submission;
  const pageLabel = field === undefined ? undefined : settingPageLabels[fieldPage[field]];
  return (
    <div className={styles.page}>
      <div className={styles.outcome}>
        <ErrorCircleRegular className={styles.failure} aria-hidden />
        <div className={styles.text} role="alert">
          <Text weight="semibold" size={400}>
            The New Package Wizard did not complete
          </Text>
          <Text>The package was not created. The site server said:</Text>
          <Text weight="semibold">{error.message}</Text>
          {field !== undefined && pageLabel !== undefined && (
            <Text>
              The problem is with “{fieldLabels[field]}” on the {pageLabel} page.
            </Text>
          )}
        </div>
      </div>
      <Button className={styles.fix} appearance="primary" onClick={onFixProblem}>
        {pageLabel !== undefined ? `Go to the ${pageLabel} page` : 'Back to the Summary page'}
      </Button>
    </div>
  );
}
