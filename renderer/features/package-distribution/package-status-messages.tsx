import { Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ErrorCircleRegular, InfoRegular, WarningRegular } from '@fluentui/react-icons';
import { useEffect, useState, type ReactNode } from 'react';
import type { StatusMessageDto, StatusSeverity } from '../../../core/api';
import { useCourier, useCourierBridge } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { DataGrid, dateTimeColumn, type DataGridColumn } from '../../components/data-grid';
import type { MessageFilter } from './package-dps-store';

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

/** The most recent messages shown; the Status Message Viewer pages through the rest. */
export const shownMessages = 200;

/** At most one read per this many milliseconds while copies report progress. */
const rereadGapMs = 750;

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

type Read = { readonly status: 'loading' } | { readonly status: 'ready'; readonly messages: readonly StatusMessageDto[] } | { readonly status: 'error'; readonly error: string };

export interface PackageStatusMessagesProps {
  readonly packageId: string;
  /** The selected DP row's NAL path (attribute 404): only that DP's messages; null for the whole package. */
  readonly nalPath: string | null;
  /** The DP's name for the caption. */
  readonly dpName: string | null;
  readonly filter: MessageFilter;
}

const noSelection: readonly string[] = [];
const ignore = () => undefined;

/**
 * The package's status messages (attribute 400, and 404 for one DP), newest first, read again
 * while shown when the package's DPs change or a copy finishes, at most once per `rereadGapMs`.
 */
export function PackageStatusMessages({ packageId, nalPath, dpName, filter }: PackageStatusMessagesProps): ReactNode {
  const styles = useStyles();
  const courier = useCourier();
  const bridge = useCourierBridge();
  const [read, setRead] = useState<Read>({ status: 'loading' });

  useEffect(() => {
    let current = 0;
    let closed = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastRead = 0;
    const load = async () => {
      const mine = ++current;
      lastRead = Date.now();
      const result = await settle(() =>
        courier['status:messages']({
          packageId,
          order: 'newest',
          limit: shownMessages,
          ...(nalPath !== null ? { distributionPoint: nalPath } : {}),
          ...(filter !== 'all' ? { severity: filter } : {}),
        }),
      );
      // An older answer never lands on a newer one, nor on a closed view.
      if (closed || mine !== current) return;
      setRead(result.ok ? { status: 'ready', messages: result.value.messages } : { status: 'error', error: result.error.message });
    };
    const soon = () => {
      if (timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        void load();
      }, Math.max(0, lastRead + rereadGapMs - Date.now()));
    };
    setRead({ status: 'loading' });
    void load();
    const unsubscribers = [
      bridge.subscribe('package-dps:changed', (event) => {
        if (event.packageId === packageId) soon();
      }),
      bridge.subscribe('distribution:progress', (event) => {
        if (event.finished && event.packageId === packageId) soon();
      }),
    ];
    return () => {
      closed = true;
      if (timer !== null) clearTimeout(timer);
      for (const unsubscribe of unsubscribers) unsubscribe();
    };
  }, [courier, bridge, packageId, nalPath, filter]);

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
          selectedKeys={noSelection}
          onSelectionChange={ignore}
          defaultSort={{ columnId: 'time', direction: 'descending' }}
          storageKey="courier.console.grid.package-status-messages"
        />
      )}
    </section>
  );
}
