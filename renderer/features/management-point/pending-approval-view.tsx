import { makeStyles, Radio, RadioGroup, Text, tokens } from '@fluentui/react-components';
import { DesktopRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { MpApproval, MpClientDto } from '../../../core/api';
import type { LiveList } from '../../client/live-list';
import { dateTimeColumn, NameCell, type DataGridColumn } from '../../components/data-grid';
import { LiveListView } from '../../components/live-list';
import { useConsoleStores } from '../../console/console-stores';
import type { DetailsViewProps } from '../../shell/registration';
import { clientFilterLabels, clientFilters, filterClients, type ClientFilter } from './management-point-store';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0, minWidth: 0 },
  bar: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

export const approvalLabels: Readonly<Record<MpApproval, string>> = { approved: 'Approved', pending: 'Pending', blocked: 'Blocked' };

/** The key of a client's row: its resource ID. */
export const clientKey = (client: MpClientDto): string => String(client.resourceId);

// At 1024 pixels the list shows who the client is, its approval and its addresses, using the
// pane's width; the times come back when there is room. A name or list cut is whole in the tooltip.
const columns: readonly DataGridColumn<MpClientDto>[] = [
  { id: 'name', label: 'Name', kind: 'text', width: 170, value: (c) => c.name, render: (c) => <NameCell icon={DesktopRegular} name={c.name} /> },
  { id: 'resourceId', label: 'Resource ID', kind: 'number', width: 90, align: 'end', value: (c) => c.resourceId },
  { id: 'approval', label: 'Approval', kind: 'text', width: 90, value: (c) => approvalLabels[c.approval] + (c.secretReset ? ' (reset)' : '') },
  { id: 'ipAddresses', label: 'IP Addresses', kind: 'text', width: 156, value: (c) => c.ipAddresses.join(', '), hidePriority: 1 },
  { ...dateTimeColumn<MpClientDto>('lastContact', 'Last Contact', (c) => c.lastContactAt), hidePriority: 2 },
  { ...dateTimeColumn<MpClientDto>('registered', 'Registered', (c) => c.registeredAt), hidePriority: 3 },
];

const emptyMessages: Readonly<Record<ClientFilter, string>> = {
  pending: 'No client waits for approval. Under manual approval a new client shows here when it registers.',
  all: 'No client has registered with the management point yet.',
  blocked: 'No client is blocked.',
};

/**
 * Site Settings › Pending Approval: the management point's clients, those waiting for approval
 * unless the admin shows all or the blocked ones. It reads the clients when first shown; every
 * management-point:changed (a registration, an approval in another console or the CLI) reads
 * them again, without F5.
 */
export function PendingApprovalView({ node: _node, label, ...events }: DetailsViewProps<'pending-approval'>): ReactNode {
  const styles = useStyles();
  const { managementPoint } = useConsoleStores();
  const clients = useStore(managementPoint, (s) => s.clients);
  const filter = useStore(managementPoint, (s) => s.filter);
  useEffect(() => {
    void managementPoint.getState().loadClients();
  }, [managementPoint]);
  const list: LiveList<MpClientDto> = useMemo(() => ({ ...clients, items: filterClients(clients.items, filter) }), [clients, filter]);
  const counts = useMemo(() => Object.fromEntries(clientFilters.map((f) => [f, filterClients(clients.items, f).length])) as Record<ClientFilter, number>, [clients]);
  return (
    <div className={styles.root}>
      <div className={styles.bar}>
        <Text id="pending-approval-show" size={200}>
          Show
        </Text>
        <RadioGroup
          layout="horizontal"
          aria-labelledby="pending-approval-show"
          value={filter}
          onChange={(_, data) => {
            const next = clientFilters.find((f) => f === data.value);
            if (next) managementPoint.getState().setFilter(next);
          }}
        >
          {clientFilters.map((f) => (
            <Radio key={f} value={f} label={clients.status === 'ready' ? `${clientFilterLabels[f]} (${counts[f]})` : clientFilterLabels[f]} />
          ))}
        </RadioGroup>
      </div>
      <LiveListView
        {...events}
        what="clients"
        label={label}
        list={list}
        columns={columns}
        rowKey={clientKey}
        selectionMode="multiple"
        storageKey="courier.console.grid.pending-approval"
        emptyMessage={emptyMessages[filter]}
        onRetry={() => void managementPoint.getState().loadClients()}
      />
    </div>
  );
}
