import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { DesktopRegular } from '@fluentui/react-icons';
import { useEffect, useState, type ReactNode } from 'react';
import { advertisementClientStates, type AdvertisementClientState, type AdvertisementClientStatesDto, type AdvertisementClientStateDto } from '../../../core/api';
import { useCourier, useCourierBridge } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { DataGrid, NameCell, type DataGridColumn } from '../../components/data-grid';
import { chartPalette, type ChartColor } from '../../components/charts/chart-series';
import { StateChart } from '../../components/charts/state-chart';
import { formatDateTime } from '../../components/date-time';
import { FormDialog } from '../../components/form-dialog';

const useStyles = makeStyles({
  // Ten counts in two rows of five columns, so each state stands under the one above it rather than where the line wrapped.
  counts: { display: 'grid', gridTemplateColumns: 'repeat(5, max-content)', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS },
  grid: { height: '260px' },
});

/** The states as an admin reads them, in the order a run goes through them. */
export const clientStateLabels: Readonly<Record<AdvertisementClientState, string>> = {
  accepted: 'Accepted',
  rejected: 'Rejected',
  waiting: 'Waiting',
  downloading: 'Downloading',
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  retrying: 'Retrying',
  restartPending: 'Restart pending',
};

/** Blue and teal while a run is under way, green for success, red and orange for trouble, grey for waiting. */
const clientStateColors: Readonly<Record<AdvertisementClientState, ChartColor>> = {
  accepted: chartPalette.blue,
  rejected: chartPalette.highError,
  waiting: chartPalette.disabled,
  downloading: chartPalette.info,
  running: chartPalette.teal,
  succeeded: chartPalette.success,
  failed: chartPalette.error,
  retrying: chartPalette.warning,
  restartPending: chartPalette.purple,
};

const columns: readonly DataGridColumn<AdvertisementClientStateDto>[] = [
  { id: 'name', label: 'Client', kind: 'text', width: 130, value: (c) => c.name, render: (c) => <NameCell icon={DesktopRegular} name={c.name} /> },
  { id: 'state', label: 'State', kind: 'text', width: 110, value: (c) => clientStateLabels[c.state] },
  { id: 'time', label: 'Time', kind: 'text', width: 180, value: (c) => c.time, render: (c) => formatDateTime(c.time, { seconds: true }) },
  // Shown when there is room (a wider window); the message says why the state is what it is.
  { id: 'messageId', label: 'Message ID', kind: 'number', width: 96, align: 'end', value: (c) => c.messageId, hidePriority: 1 },
  { id: 'resourceId', label: 'Resource ID', kind: 'number', width: 100, align: 'end', value: (c) => c.resourceId, hidePriority: 2 },
];

type Loaded = { readonly kind: 'loading' } | { readonly kind: 'ready'; readonly states: AdvertisementClientStatesDto } | { readonly kind: 'error'; readonly message: string };

/**
 * Each client's last state for the advertisement and the counts of every state, read again
 * whenever a client's status message changes one (docs/advertisements.md#each-clients-state).
 */
export function AdvertisementClientStatusDialog({ advertisementId, name, onClose }: { readonly advertisementId: string; readonly name: string; readonly onClose: () => void }): ReactNode {
  const styles = useStyles();
  const courier = useCourier();
  const bridge = useCourierBridge();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [selected, setSelected] = useState<readonly string[]>([]);
  useEffect(() => {
    let current = true;
    const read = () =>
      void settle(() => courier['advertisements:client-states']({ advertisementId, limit: 1000 })).then((result) => {
        if (current) setLoaded(result.ok ? { kind: 'ready', states: result.value } : { kind: 'error', message: result.error.message });
      });
    read();
    const stop = bridge.subscribe('advertisement-clients:changed', (event) => {
      if (event.advertisementId === advertisementId) read();
    });
    return () => {
      current = false;
      stop();
    };
  }, [courier, bridge, advertisementId]);
  const states = loaded.kind === 'ready' ? loaded.states : null;
  const total = states === null ? 0 : advertisementClientStates.reduce((sum, state) => sum + states.counts[state], 0);
  return (
    <FormDialog open closeOnly title={`Client Status: ${name}`} okLabel="Close" onOk={onClose} onCancel={onClose}>
      <Text>What each client last reported for advertisement {advertisementId}, as its status messages arrive.</Text>
      {loaded.kind === 'error' && <Text role="alert">The client states could not be read: {loaded.message}</Text>}
      {states !== null && (
        <StateChart
          title="Chart of clients by state"
          kind="bars"
          height={200}
          series={advertisementClientStates.map((state) => ({ key: state, label: clientStateLabels[state], count: states.counts[state], color: clientStateColors[state] }))}
          emptyMessage="No client has reported a state yet, so there is nothing to chart."
        />
      )}
      {states !== null && (
        <div className={styles.counts} aria-label="Clients by state" role="list">
          <Text role="listitem" weight="semibold">{`Clients: ${total}`}</Text>
          {advertisementClientStates.map((state) => (
            <Text role="listitem" key={state}>{`${clientStateLabels[state]}: ${states.counts[state]}`}</Text>
          ))}
        </div>
      )}
      <DataGrid
        className={styles.grid}
        label="Clients"
        rows={states?.clients ?? []}
        columns={columns}
        getRowKey={(c) => String(c.resourceId)}
        selectionMode="single"
        selectedKeys={selected}
        onSelectionChange={setSelected}
        defaultSort={{ columnId: 'name', direction: 'ascending' }}
        emptyMessage={loaded.kind === 'loading' ? 'Reading the client states…' : 'No client has reported a state for this advertisement yet.'}
      />
      {states?.nextAfter !== null && states !== null && <Text>{`The first ${states.clients.length} clients are listed; courier advertisement clients ${advertisementId} --after ${states.nextAfter} lists the rest.`}</Text>}
    </FormDialog>
  );
}
