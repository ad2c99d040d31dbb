import { useEffect, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { componentStatuses, type ComponentSummaryDto } from '../../../core/api';
import { useCourierBridge } from '../../client/courier-context';
import { dateTimeColumn, objectIdColumn, type DataGridColumn } from '../../components/data-grid';
import { LiveListView } from '../../components/live-list';
import { useConsoleStores } from '../../console/console-stores';
import type { DetailsViewProps } from '../../shell/registration';
import { ComponentStatusCell, countsSinceText } from './component-status-labels';
import { componentKey, followComponentStatus } from './component-status-store';

const count = (id: 'errors' | 'warnings' | 'infos', label: string, width: number, hidePriority?: number): DataGridColumn<ComponentSummaryDto> => ({
  id,
  label,
  kind: 'number',
  width,
  align: 'end',
  value: (c) => c[id],
  ...(hidePriority !== undefined ? { hidePriority } : {}),
});

/**
 * The suite's Component Status columns. At 1024 pixels the details pane keeps Status, Component
 * and the error and warning counts, which say what needs attention; the rest come back with room.
 */
const columns: readonly DataGridColumn<ComponentSummaryDto>[] = [
  // Sorted by severity (Critical first when descending), not by the word.
  { id: 'status', label: 'Status', kind: 'number', width: 96, value: (c) => componentStatuses.indexOf(c.status), render: (c) => <ComponentStatusCell status={c.status} /> },
  { ...objectIdColumn<ComponentSummaryDto>('siteCode', 'Site Code', (c) => c.siteCode), width: 80, hidePriority: 5 },
  { id: 'machine', label: 'System', kind: 'text', width: 130, value: (c) => c.machine, hidePriority: 2 },
  { id: 'name', label: 'Component', kind: 'text', width: 230, value: (c) => c.component },
  count('errors', 'Errors', 64),
  count('warnings', 'Warnings', 78),
  count('infos', 'Information', 100, 3),
  { ...dateTimeColumn<ComponentSummaryDto>('countsSince', 'Counts Since', (c) => c.countsSince), render: countsSinceText, hidePriority: 6 },
  { ...dateTimeColumn<ComponentSummaryDto>('lastMessage', 'Last Message', (c) => c.lastMessage), hidePriority: 4 },
];

/** System Status › Component Status: every site component's counts and status, live. */
export function ComponentStatusView({ node: _node, label, ...events }: DetailsViewProps<'component-status'>): ReactNode {
  const { componentStatus } = useConsoleStores();
  const bridge = useCourierBridge();
  const list = useStore(componentStatus, (s) => s.list);
  useEffect(() => {
    const stop = followComponentStatus(componentStatus, bridge);
    void componentStatus.getState().load();
    return stop;
  }, [componentStatus, bridge]);
  return (
    <LiveListView
      {...events}
      what="component status"
      label={label}
      list={list}
      columns={columns}
      rowKey={componentKey}
      storageKey="courier.console.grid.component-status"
      emptyMessage="No site component has reported a status message yet."
      onRetry={() => void componentStatus.getState().load()}
    />
  );
}
