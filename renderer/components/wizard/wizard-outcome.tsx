import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular, ErrorCircleRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  outcome: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalM },
  success: { fontSize: '32px', color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  failure: { fontSize: '32px', color: tokens.colorPaletteRedForeground1, flexShrink: 0 },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
});

export interface WizardOutcomeProps {
  /** "New Package Wizard": the heading says "The New Package Wizard completed successfully" or "… did not complete". */
  readonly wizard: string;
  readonly ok: boolean;
  /** What was made, or what the site server said. */
  readonly children?: ReactNode;
}

/**
 * The head of a wizard's Confirmation page, as the suite's wizards close: a success is announced
 * as a status, a failure (with everything said under it) as an alert.
 */
export function WizardOutcome({ wizard, ok, children }: WizardOutcomeProps): ReactNode {
  const styles = useStyles();
  return (
    <div className={styles.outcome}>
      {ok ? <CheckmarkCircleRegular className={styles.success} aria-hidden /> : <ErrorCircleRegular className={styles.failure} aria-hidden />}
      <div className={styles.text} {...(ok ? {} : { role: 'alert' })}>
        <Text weight="semibold" size={400} {...(ok ? { role: 'status' } : {})}>
          The {wizard} {ok ? 'completed successfully' : 'did not complete'}
        </Text>
        {children}
      </div>
    </div>
  );
}
