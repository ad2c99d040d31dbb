import { Checkbox, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    margin: 0,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    listStyleType: 'none',
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  disabled: {
    backgroundColor: tokens.colorNeutralBackground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStrokeDisabled}`,
  },
  item: { display: 'flex' },
});

export interface CheckListItem {
  readonly id: string;
  readonly label: string;
}

export interface CheckListProps {
  /** The list's accessible name. */
  readonly label: string;
  readonly items: readonly CheckListItem[];
  readonly checked: readonly string[];
  readonly onChange: (checked: readonly string[]) => void;
  readonly disabled?: boolean;
  /** CSS height of the scrolling box, e.g. '160px'. */
  readonly height?: string;
  readonly className?: string;
}

/**
 * The Windows checked list box: a scrolling box of check boxes. The answer keeps the items'
 * order, whatever order they were checked in.
 */
export function CheckList({ label, items, checked, onChange, disabled = false, height = '160px', className }: CheckListProps): ReactNode {
  const styles = useStyles();
  const chosen = new Set(checked);
  return (
    <ul role="group" aria-label={label} className={mergeClasses(styles.list, disabled && styles.disabled, className)} style={{ height }}>
      {items.map((item) => (
        <li key={item.id} className={styles.item}>
          <Checkbox
            size="medium"
            label={item.label}
            checked={chosen.has(item.id)}
            disabled={disabled}
            onChange={(_, data) => {
              const next = new Set(chosen);
              if (data.checked === true) next.add(item.id);
              else next.delete(item.id);
              onChange(items.filter((i) => next.has(i.id)).map((i) => i.id));
            }}
          />
        </li>
      ))}
    </ul>
  );
}
