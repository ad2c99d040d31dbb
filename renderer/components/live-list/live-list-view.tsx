import { makeStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { LiveList as LiveListData } from '../../client/live-list';
import { DataGrid, type DataGridColumn, type MenuPoint, type SortState } from '../data-grid';
import { LiveList } from './live-list';

const useStyles = makeStyles({
  grid: { flex: 1 },
});

/** What a details list tells the console about its rows; rows are named by their keys. */
export interface ListViewEvents {
  readonly selectedKeys: readonly string[];
  readonly onSelectionChange: (keys: readonly string[]) => void;
  /** Enter or double-click: the row's default action. */
  readonly onOpen: (key: string) => void;
  readonly onDelete: (key: string) => void;
  readonly onRefresh: () => void;
  /** `key` is null for a right-click on blank space (the node's own menu). */
  readonly onContextMenu: (key: string | null, at: MenuPoint) => void;
  /** The row keys in the order shown (sorted as the admin chose). */
  readonly onOrderChange?: (keys: readonly string[]) => void;
}

export interface LiveListViewProps<Row> extends ListViewEvents {
  /** What the list holds, in the plural, for its states: "packages", "access accounts". */
  readonly what: string;
  /** The grid's accessible name: "Packages". */
  readonly label: string;
  readonly list: LiveListData<Row>;
  readonly columns: readonly DataGridColumn<Row>[];
  readonly rowKey: (row: Row) => string;
  readonly defaultSort?: SortState;
  /** Remembers column widths and sort order in localStorage under this key. */
  readonly storageKey: string;
  readonly emptyMessage: ReactNode;
  readonly onRetry: () => void;
  /** `multiple`: Ctrl and Shift select several rows (the list's row registration then acts on all of them). */
  readonly selectionMode?: 'single' | 'multiple';
}

/** A live list of the details pane: its loading and failed states, then its rows, sorted by name unless the admin chose otherwise. */
export function LiveListView<Row>(props: LiveListViewProps<Row>): ReactNode {
  const styles = useStyles();
  const { list, rowKey } = props;
  return (
    <LiveList what={props.what} status={list.status} error={list.error} refreshing={list.refreshing} onRetry={props.onRetry}>
      <DataGrid
        className={styles.grid}
        label={props.label}
        rows={list.items}
        columns={props.columns}
        getRowKey={rowKey}
        selectionMode={props.selectionMode}
        selectedKeys={props.selectedKeys}
        onSelectionChange={props.onSelectionChange}
        defaultSort={props.defaultSort ?? { columnId: 'name', direction: 'ascending' }}
        storageKey={props.storageKey}
        onOpen={(row) => props.onOpen(rowKey(row))}
        onDelete={(rows) => {
          const first = rows[0];
          if (first !== undefined) props.onDelete(rowKey(first));
        }}
        onRefresh={props.onRefresh}
        onContextMenu={(rows, at) => {
          const first = rows[0];
          props.onContextMenu(first === undefined ? null : rowKey(first), at);
        }}
        onOrderChange={props.onOrderChange}
        emptyMessage={props.emptyMessage}
      />
    </LiveList>
  );
}
