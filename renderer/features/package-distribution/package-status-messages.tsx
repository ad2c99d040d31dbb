import { Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ErrorCircleRegular, InfoRegular, WarningRegular } from '@fluentui/react-icons';
import { useEffect, useState, type ReactNode } from 'react';
import type { StatusMessageDto, StatusSeverity } from '../../../core/api';
import { DataGrid, dateTimeColumn, type DataGridColumn } from '../../components/data-grid';
import type { MessageFilter } from './package-dps-store';
import { usePackageMessages } from './use-package-messages';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 },
  caption: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground3,
  },
  fill: { flex: 1, minHeight: 0 },
  note: { padding: tokens.spacingHorizontalS },
  severity: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  info: { color: tokens.colorBrandForeground1 },
  warning: { color: tokens.colorStatusWarningForeground1 },
  error: { color: tokens.colorStatusDangerForeground1 },
});

export const messageFilterLabels: Readonly<Record<MessageFilter, string>> = { all: 'All', info: 'Info', warning: 'Warning', error: 'Error' };

const severityLabels: Readonly<Record<StatusSeverity, string>> = { info: 'Information', warning: 'Warning', error: 'Error' };

function SeverityCell({ severity }: { readonly severity: StatusSeverity }): ReactNode {
  const styles = useStyles();
  const Icon = severity === 'error' ? ErrorCircleRegular : severity === 'warning' ? WarningRegular : InfoRegular;
  return (
    <span className={styles.severity}>
      <Icon className={styles[severity]} aria-hidden />
      {severityLabels[severity]}
    </span>
  );
}

const columns: readonly DataGridColumn<StatusMessageDto>[] = [
  { id: 'severity', label: 'Severity', kind: 'text', width: 116, value: (m) => severityLabels[m.severity], render: (m) => <SeverityCell severity={m.severity} /> },
  dateTimeColumn('time', 'Date / Time', (m) => m.time),
  { id: 'messageId', label: 'Message ID', kind: 'number', width: 104, align: 'end', value: (m) => m.messageId },
  { id: 'component', label: 'Component', kind: 'text', width: 200, value: (m) => m.component },
  { id: 'machine', label: 'System', kind: 'text', width: 140, value: (m) => m.machine },
  { id: 'description', label: 'Description', kind: 'text', width: 560, value: (m) => m.description },
];

export interface PackageStatusMessagesProps {
  readonly packageId: string;
  /** The selected DP row's NAL path (attribute 404): only that DP's messages; null for the whole package. */
  readonly nalPath: string | null;
  /** The DP's name for the caption. */
  readonly dpName: string | null;
  readonly filter: MessageFilter;
}

/**
 * The package's status messages (attribute 400, and 404 for one DP), newest first; new ones
 * appear as they are reported, by whichever process (usePackageMessages).
 */
export function PackageStatusMessages({ packageId, nalPath, dpName, filter }: PackageStatusMessagesProps): ReactNode {
  const styles = useStyles();
  const read = usePackageMessages(packageId, nalPath, filter);
  // Selected messages stay selected as new ones come; another package, DP or filter starts afresh.
  const [selected, setSelected] = useState<readonly string[]>([]);
  useEffect(() => setSelected([]), [packageId, nalPath, filter]);

  const scope = dpName === null ? 'Status messages' : `Status messages for ${dpName}`;
  const caption = filter === 'all' ? scope : `${scope}: ${messageFilterLabels[filter]} only`;
  return (
    <section className={styles.root} aria-label={caption}>
      <h2 className={styles.caption}>{caption}</h2>
      {read.status === 'loading' && <Spinner className={styles.note} size="tiny" label="Reading status messages…" />}
      {read.status === 'error' && <Text className={styles.note}>The status messages could not be read: {read.error}</Text>}
      {read.status === 'ready' && read.messages.length === 0 && (
        <Text className={styles.note}>
          {filter === 'all' ? 'No status message has been reported for this yet.' : `No ${messageFilterLabels[filter].toLowerCase()} message has been reported for this.`}
        </Text>
      )}
      {read.status === 'ready' && read.messages.length > 0 && (
        <DataGrid
          className={styles.fill}
          label={caption}
          rows={read.messages}
          columns={columns}
          getRowKey={(m) => String(m.recordId)}
          selectionMode="multiple"
          selectedKeys={selected}
          onSelectionChange={setSelected}
          defaultSort={{ columnId: 'time', direction: 'descending' }}
          storageKey="courier.console.grid.package-status-messages"
        />
      )}
    </section>
  );
}
