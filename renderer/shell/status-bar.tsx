import { makeStyles, Spinner, tokens, typographyStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    flex: 'none',
    height: '24px',
    padding: `0 ${tokens.spacingHorizontalM}`,
    ...typographyStyles.caption1,
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground3,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  text: {
    flex: 1,
    minWidth: 0,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  site: {
    flex: 'none',
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    whiteSpace: 'nowrap',
  },
});

interface StatusBarProps {
  readonly text: string;
  readonly busy: boolean;
  /** "Site A01 (Central Site) on SERVER", or why there is no site. */
  readonly connection: string;
}

export function StatusBar({ text, busy, connection }: StatusBarProps): ReactNode {
  const styles = useStyles();
  return (
    <footer className={styles.root}>
      {busy && <Spinner size="extra-tiny" aria-hidden />}
      <span className={styles.text} role="status" aria-live="polite">
        {text}
      </span>
      <span className={styles.site}>{connection}</span>
    </footer>
  );
}
