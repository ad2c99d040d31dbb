import { makeStyles, tokens } from '@fluentui/react-components';
import type { FluentIcon } from '@fluentui/react-icons';
import { memo, type ReactNode } from 'react';

const useStyles = makeStyles({
  icon: {
    fontSize: '16px',
    verticalAlign: 'text-bottom',
    marginRight: tokens.spacingHorizontalXS,
    color: tokens.colorBrandForeground1,
  },
});

/**
 * The icon alone, memoized: while a list scrolls, each row scrolled in shows another name with
 * the same icon, and the icon (an SVG with its own styles) is then left as it is.
 */
const CellIcon = memo(function CellIcon({ icon: Icon }: { readonly icon: FluentIcon }): ReactNode {
  const styles = useStyles();
  return <Icon className={styles.icon} aria-hidden />;
});

/** A Name cell as Windows lists draw it: the item's small icon, then its name. */
export function NameCell({ icon, name }: { readonly icon: FluentIcon; readonly name: string }): ReactNode {
  return (
    <>
      <CellIcon icon={icon} />
      {name}
    </>
  );
}
