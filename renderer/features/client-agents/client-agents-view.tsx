import { PlugConnectedRegular, PlugDisconnectedRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { LiveList } from '../../client/live-list';
import { useCourier, useCourierBridge } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { NameCell, type DataGridColumn } from '../../components/data-grid';
import { LiveListView } from '../../components/live-list';
import type { DetailsViewProps } from '../../shell/registration';
import type { ClientAgentsRowKinds } from './client-agents-kinds';

type AgentRow = ClientAgentsRowKinds['client-agent'];

export const notAvailable = 'Not available in Courier';

/** The suite's client agents, as its Client Agents folder lists them; Courier configures one. */
export const clientAgents: readonly AgentRow[] = [
  { agent: 'advertised-programs', label: 'Advertised Programs Client Agent' },
  { agent: null, label: 'Computer Client Agent' },
  { agent: null, label: 'Desired Configuration Management Client Agent' },
  { agent: null, label: 'Hardware Inventory Client Agent' },
  { agent: null, label: 'Mobile Device Client Agent' },
  { agent: null, label: 'Network Access Protection Client Agent' },
  { agent: null, label: 'Remote Tools Client Agent' },
  { agent: null, label: 'Software Inventory Client Agent' },
  { agent: null, label: 'Software Metering Client Agent' },
  { agent: null, label: 'Software Updates Client Agent' },
];

interface ShownAgent extends AgentRow {
  readonly state: string;
}

const columns: readonly DataGridColumn<ShownAgent>[] = [
  { id: 'name', label: 'Name', kind: 'text', width: 320, value: (a) => a.label, render: (a) => <NameCell icon={a.agent === null ? PlugDisconnectedRegular : PlugConnectedRegular} name={a.label} /> },
  { id: 'state', label: 'State', kind: 'text', width: 200, value: (a) => a.state },
];

/** Whether software distribution to clients is on, as the site holds it now; null while unknown. */
function useAdvertisedProgramsEnabled(): boolean | null {
  const courier = useCourier();
  const bridge = useCourierBridge();
  const [enabled, setEnabled] = useState<boolean | null>(null);
  useEffect(() => {
    let current = true;
    const read = () =>
      void settle(() => courier['client-agents:get']({ agent: 'advertised-programs' })).then((result) => {
        if (current) setEnabled(result.ok ? result.value.enabled : null);
      });
    read();
    const stop = bridge.subscribe('client-agents:settings-changed', read);
    return () => {
      current = false;
      stop();
    };
  }, [courier, bridge]);
  return enabled;
}

/** Site Settings › Client Agents: each agent, and whether Courier configures it. */
export function ClientAgentsView({ node: _node, label, ...events }: DetailsViewProps<'client-agents'>): ReactNode {
  const enabled = useAdvertisedProgramsEnabled();
  const list = useMemo<LiveList<ShownAgent>>(() => {
    const stateOf = (a: AgentRow) => (a.agent === null ? notAvailable : enabled === null ? '' : enabled ? 'Enabled' : 'Disabled');
    return { status: 'ready', refreshing: false, error: null, items: clientAgents.map((a) => ({ ...a, state: stateOf(a) })) };
  }, [enabled]);
  return (
    <LiveListView
      {...events}
      what="client agents"
      label={label}
      list={list}
      columns={columns}
      rowKey={(a) => a.label}
      storageKey="courier.console.grid.client-agents"
      emptyMessage=""
      onRetry={() => undefined}
    />
  );
}
