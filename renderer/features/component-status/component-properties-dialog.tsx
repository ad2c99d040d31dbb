import { makeStyles, tokens } from '@fluentui/react-components';
import { Fragment, type ReactNode } from 'react';
import type { ComponentSummaryDto, ComponentThresholdsDto } from '../../../core/api';
import { formatDateTime } from '../../components/date-time';
import { FormDialog } from '../../components/form-dialog';
import { ComponentStatusCell, countsSinceText } from './component-status-labels';

const useStyles = makeStyles({
  fields: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
});

/** A component's row, whole: what the list may leave out at 1024 pixels, and why its status is what it is. */
export function ComponentPropertiesDialog({ row, thresholds, onClose }: {
  readonly row: ComponentSummaryDto;
  readonly thresholds: ComponentThresholdsDto | null;
  readonly onClose: () => void;
}): ReactNode {
  const styles = useStyles();
  const fields: readonly (readonly [string, ReactNode])[] = [
    ['Status', <ComponentStatusCell key="status" status={row.status} />],
    ['Component', row.component],
    ['System', row.machine],
    ['Site code', row.siteCode],
    ['Errors', thresholds === null ? row.errors : `${row.errors} (Warning at ${thresholds.error.warning}, Critical at ${thresholds.error.critical})`],
    ['Warnings', thresholds === null ? row.warnings : `${row.warnings} (Warning at ${thresholds.warning.warning}, Critical at ${thresholds.warning.critical})`],
    ['Information', thresholds === null ? row.infos : `${row.infos} (Warning at ${thresholds.info.warning}, Critical at ${thresholds.info.critical})`],
    ['Counts since', countsSinceText(row, true)],
    ['Last message', formatDateTime(row.lastMessage, { seconds: true })],
  ];
  return (
    <FormDialog open closeOnly title={`${row.component} Properties`} okLabel="Close" onOk={onClose} onCancel={onClose}>
      <dl className={styles.fields} aria-label="Component status">
        {fields.map(([term, value]) => (
          <Fragment key={term}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </Fragment>
        ))}
      </dl>
    </FormDialog>
  );
}
