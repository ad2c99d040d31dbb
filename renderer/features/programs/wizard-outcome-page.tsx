import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ApiErrorDto } from '../../../core/api';
import { WizardOutcome } from '../../components/wizard';
import type { SummaryRow } from './program-summary';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  details: { margin: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS },
  row: { display: 'contents' },
  label: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  fix: { alignSelf: 'flex-start' },
});

export type WizardOutcome =
  | { readonly kind: 'created'; readonly rows: readonly SummaryRow[] }
  | {
      readonly kind: 'failed';
      readonly error: ApiErrorDto;
      /** The field's label and its page's, when the core named a field. */
      readonly place: { readonly fieldLabel: string; readonly pageLabel: string } | null;
    };

export interface WizardOutcomePageProps {
  /** "New Program Wizard". */
  readonly wizard: string;
  /** "The program was not created." */
  readonly notDone: string;
  readonly outcome: WizardOutcome;
  readonly onFixProblem: () => void;
}

/** A wizard's Confirmation page: what was made, or what the site server refused and where to fix it. */
export function WizardOutcomePage({ wizard, notDone, outcome, onFixProblem }: WizardOutcomePageProps) {
  const styles = useStyles();
  if (outcome.kind === 'created') {
    return (
      <div className={styles.page}>
        <WizardOutcome wizard={wizard} ok>
          <dl className={styles.details}>
            {outcome.rows.map((row) => (
              <div key={row.label} className={styles.row}>
                <dt className={styles.label}>{row.label}</dt>
                <dd className={styles.value}>{row.value}</dd>
              </div>
            ))}
          </dl>
        </WizardOutcome>
      </div>
    );
  }
  const { error, place } = outcome;
  return (
    <div className={styles.page}>
      <WizardOutcome wizard={wizard} ok={false}>
        <Text>{notDone} The site server said:</Text>
        <Text weight="semibold">{error.message}</Text>
        {place !== null && (
          <Text>
            The problem is with “{place.fieldLabel}” on the {place.pageLabel} page.
          </Text>
        )}
      </WizardOutcome>
      <Button className={styles.fix} appearance="primary" onClick={onFixProblem}>
        {place !== null ? `Go to the ${place.pageLabel} page` : 'Back to the Summary page'}
      </Button>
    </div>
  );
}
