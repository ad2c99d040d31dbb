import { DocumentSearchRegular, LockClosedRegular } from '@fluentui/react-icons';
import { useEffect, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { StatusQueryDto } from '../../../core/api';
import { NameCell, type DataGridColumn } from '../../components/data-grid';
import { LiveListView } from '../../components/live-list';
import { useConsoleStores } from '../../console/console-stores';
import type { DetailsViewProps } from '../../shell/registration';

export const statusQueryKey = (query: StatusQueryDto): string => query.id;

const columns: readonly DataGridColumn<StatusQueryDto>[] = [
  {
    id: 'name',
    label: 'Name',
    kind: 'text',
    width: 260,
    value: (q) => q.name,
    render: (q) => <NameCell icon={q.builtIn ? LockClosedRegular : DocumentSearchRegular} name={q.name} />,
  },
  { id: 'comment', label: 'Comment', kind: 'text', width: 180, value: (q) => q.comment.replace(/\s+/g, ' ') },
  { id: 'builtIn', label: 'Built-in', kind: 'text', width: 76, value: (q) => (q.builtIn ? 'Yes' : 'No') },
  { id: 'id', label: 'Query ID', kind: 'text', width: 90, value: (q) => q.id, hidePriority: 1 },
];

/** System Status › Status Message Queries: read when first shown. */
export function StatusQueriesView({ node: _node, label, ...events }: DetailsViewProps<'status-message-queries'>): ReactNode {
  const { statusQueries } = useConsoleStores();
  const list = useStore(statusQueries, (s) => s.list);
  useEffect(() => {
    void statusQueries.getState().load();
  }, [statusQueries]);
  return (
    <LiveListView
      {...events}
      what="status message queries"
      label={label}
      list={list}
      columns={columns}
      rowKey={statusQueryKey}
      selectionMode="single"
      storageKey="courier.console.grid.status-message-queries"
      emptyMessage="The site has no status message queries."
      onRetry={() => void statusQueries.getState().load()}
    />
  );
}
