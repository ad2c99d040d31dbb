import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { FluentIcon } from '@fluentui/react-icons';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalXXL,
    flex: 'none',
    minWidth: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: {
    ...typographyStyles.subtitle2,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    minWidth: 0,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  icon: {
    flex: 'none',
    fontSize: '20px',
    color: tokens.colorBrandForeground1,
  },
  count: {
    ...typographyStyles.caption1,
    flex: 'none',
    color: tokens.colorNeutralForeground3,
    whiteSpace: 'nowrap',
  },
});

interface DetailsHeaderProps {
  readonly id: string;
  readonly title: string;
  readonly icon: FluentIcon;
  /** Null when the node has no list to count (a feature not built yet, or still loading). */
  readonly itemCount: number | null;
}

/** MMC's result-pane title: the node's name, and how many items it lists. */
export function DetailsHeader({ id, title, icon: Icon, itemCount }: DetailsHeaderProps): ReactNode {
  const styles = useStyles();
  return (
    <div className={styles.header}>
      <h1 id={id} className={styles.title}>
        <Icon className={styles.icon} aria-hidden />
        {title}
      </h1>
      {itemCount !== null && (
        <span className={styles.count} aria-live="polite">
          {itemCount === 1 ? '1 item' : `${itemCount.toLocaleString()} items`}
        </span>
      )}
    </div>
  );
}
