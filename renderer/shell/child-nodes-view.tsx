import { useMemo, type ReactNode } from 'react';
import { DataGrid, NameCell, type DataGridColumn } from '../components/data-grid';
import type { ListViewEvents } from '../components/live-list';
import type { ConsoleRegistry } from './registration';
import { nodeRegistration } from './registry-lookups';
import type { TreeItem } from './tree-item';

const itemKey = (item: TreeItem): string => item.id;

interface ChildNodesViewProps extends ListViewEvents {
  readonly registry: ConsoleRegistry;
  readonly label: string;
  readonly items: readonly TreeItem[];
}

/** A folder node's details: its child nodes as a list, in console order, as MMC shows them. */
export function ChildNodesView({ registry, label, items, ...events }: ChildNodesViewProps): ReactNode {
  const columns = useMemo((): readonly DataGridColumn<TreeItem>[] => [
    {
      id: 'name',
      label: 'Name',
      kind: 'text',
      width: 220,
      value: (i) => i.label,
      render: (i) => <NameCell icon={nodeRegistration(registry, i.node).icon} name={i.label} />,
    },
    { id: 'description', label: 'Description', kind: 'text', width: 460, value: (i) => nodeRegistration(registry, i.node).description },
  ], [registry]);
  return (
    <DataGrid
      label={label}
      rows={items}
      columns={columns}
      getRowKey={itemKey}
      selectedKeys={events.selectedKeys}
      onSelectionChange={events.onSelectionChange}
      onOpen={(item) => events.onOpen(item.id)}
      onDelete={(chosen) => {
        const first = chosen[0];
        if (first) events.onDelete(first.id);
      }}
      onRefresh={events.onRefresh}
      onContextMenu={(chosen, at) => events.onContextMenu(chosen[0]?.id ?? null, at)}
      onOrderChange={events.onOrderChange}
      emptyMessage="There are no items to show in this view."
    />
  );
}
