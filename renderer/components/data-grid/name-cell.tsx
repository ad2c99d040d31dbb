import { makeStyles, tokens } from '@fluentui/react-components';
import type { FluentIcon } from '@fluentui/react-icons';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  icon: {
    fontSize: '16px',
    verticalAlign: 'text-bottom',
    marginRight: tokens.spacingHorizontalXS,
    color: tokens.colorBrandForeground1,
  },
});

/** A Name cell as Windows lists draw it: the item's small icon, then its name. */
export function NameCell({ icon: Icon, name }: { readonly icon: FluentIcon; readonly name: string }): ReactNode {
  const styles = useStyles();
  return (
    <>
      <Icon className={styles.icon} aria-hidden />
      {name}
    </>
  );
}
