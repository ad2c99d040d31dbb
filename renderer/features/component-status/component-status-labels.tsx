import { makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular, ErrorCircleRegular, WarningRegular, type FluentIcon } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import type { ComponentStatus } from '../../../core/api';

const useStyles = makeStyles({
  cell: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  icon: { flexShrink: 0, fontSize: '16px' },
  ok: { color: tokens.colorStatusSuccessForeground1 },
  warning: { color: tokens.colorStatusWarningForeground1 },
  critical: { color: tokens.colorStatusDangerForeground1 },
});

export const componentStatusLabels: Readonly<Record<ComponentStatus, string>> = { ok: 'OK', warning: 'Warning', critical: 'Critical' };

const icons: Readonly<Record<ComponentStatus, FluentIcon>> = { ok: CheckmarkCircleRegular, warning: WarningRegular, critical: ErrorCircleRegular };

/** The status as the suite shows it: an icon in its colour, and the word (colour is never the only sign). */
export function ComponentStatusCell({ status }: { readonly status: ComponentStatus }): ReactNode {
  const styles = useStyles();
  const Icon = icons[status];
  return (
    <span className={styles.cell}>
      <Icon className={`${styles.icon} ${styles[status]}`} aria-hidden />
      {componentStatusLabels[status]}
    </span>
  );
}
