import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { DataGrid, type DataGridColumn, type MenuPoint } from '../components/data-grid';
import { nodeInfo } from './console-node';
import type { TreeItem } from './console-tree-model';

const useStyles = makeStyles({
  icon: {
    fontSize: '16px',
    verticalAlign: 'text-bottom',
    marginRight: tokens.spacingHorizontalXS,
    color: tokens.colorBrandForeground1,
  },
});

function NameCell({ item }: { readonly item: TreeItem }): ReactNode {
  const styles = useStyles();
  const Icon = nodeInfo(item.node).icon;
  return (
    <>
      <Icon className={styles.icon} aria-hidden />
      {item.label}
    </>
  );
}

const columns: readonly DataGridColumn<TreeItem>[] = [
  { id: 'name', label: 'Name', kind: 'text', width: 220, value: (i) => i.label, render: (i) => <NameCell item={i} /> },
  { id: 'description', label: 'Description', kind: 'text', width: 460, value: (i) => nodeInfo(i.node).description },
];

const itemKey = (item: TreeItem): string => item.id;

interface ChildNodesViewProps {
  readonly label: string;
  readonly items: readonly TreeItem[];
  readonly selectedIds: readonly string[];
  readonly onSelectionChange: (ids: readonly string[]) => void;
  readonly onOpen: (item: TreeItem) => void;
  readonly onDelete: (item: TreeItem) => void;
  readonly onRefresh: () => void;
  readonly onContextMenu: (item: TreeItem | null, at: MenuPoint) => void;
}

/** A folder node's details: its child nodes as a list, in console order, as MMC shows them. */
export function ChildNodesView(props: ChildNodesViewProps): ReactNode {
  return (
    <DataGrid
      label={props.label}
      rows={props.items}
      columns={columns}
      getRowKey={itemKey}
      selectedKeys={props.selectedIds}
      onSelectionChange={props.onSelectionChange}
      onOpen={props.onOpen}
      onDelete={(chosen) => {
        const first = chosen[0];
        if (first) props.onDelete(first);
      }}
      onRefresh={props.onRefresh}
      onContextMenu={(chosen, at) => props.onContextMenu(chosen[0] ?? null, at)}
      emptyMessage="There are no items to show in this view."
    />
  );
}
