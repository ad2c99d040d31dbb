import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { InfoRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    ...typographyStyles.body1,
    color: tokens.colorNeutralForeground2,
  },
  icon: {
    flex: 'none',
    fontSize: '20px',
    color: tokens.colorNeutralForeground3,
  },
});

/** A node whose feature is not built yet says so, instead of showing made-up rows. */
export function NotBuiltView({ message }: { readonly message: string }): ReactNode {
  const styles = useStyles();
  return (
    <div className={styles.root} role="status">
      <InfoRegular className={styles.icon} aria-hidden />
      <span>{message}</span>
    </div>
  );
}
