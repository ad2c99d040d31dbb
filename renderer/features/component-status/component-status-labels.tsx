import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular, ErrorCircleRegular, WarningRegular, type FluentIcon } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import type { ComponentStatus, ComponentSummaryDto } from '../../../core/api';
import { formatDateTime } from '../../components/date-time';

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
      <Icon className={mergeClasses(styles.icon, styles[status])} aria-hidden />
      {componentStatusLabels[status]}
    </span>
  );
}

/**
 * When the counts began. The site stores the start of time for a component whose counts were
 * never reset: every message it stored counts, which "1/1/1970" would not say.
 */
export function countsSinceText(row: Pick<ComponentSummaryDto, 'countsSince'>, seconds = false): string {
  return Date.parse(row.countsSince) <= 0 ? 'Never reset' : formatDateTime(row.countsSince, { seconds });
}
