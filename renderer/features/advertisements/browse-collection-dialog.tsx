import { Text, makeStyles } from '@fluentui/react-components';
import { PeopleCommunityRegular } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { CollectionDto } from '../../../core/api';
import { DataGrid, NameCell, type DataGridColumn } from '../../components/data-grid';
import { FormDialog } from '../../components/form-dialog';
import { useConsoleStores } from '../../console/console-stores';

const useStyles = makeStyles({ grid: { height: '220px' } });

const columns: readonly DataGridColumn<CollectionDto>[] = [
  { id: 'name', label: 'Name', kind: 'text', width: 160, value: (c) => c.name, render: (c) => <NameCell icon={PeopleCommunityRegular} name={c.name} /> },
  { id: 'collectionId', label: 'Collection ID', kind: 'id', width: 110, value: (c) => c.collectionId },
  { id: 'subcollections', label: 'Subcollections', kind: 'number', width: 124, align: 'end', value: (c) => c.subcollections.length },
];

export interface BrowseCollectionDialogProps {
  readonly selected: string;
  readonly onCancel: () => void;
  readonly onSelect: (collection: CollectionDto) => void;
}

/** Browse Collection: every collection of the site, as the console holds them; OK (or Enter on a row) takes one. */
export function BrowseCollectionDialog({ selected, onCancel, onSelect }: BrowseCollectionDialogProps): ReactNode {
  const styles = useStyles();
  const list = useStore(useConsoleStores().collections, (s) => s.list);
  const [chosen, setChosen] = useState<string | null>(selected === '' ? null : selected);
  const collection = list.items.find((c) => c.collectionId === chosen) ?? null;
  return (
    <FormDialog
      open
      title="Browse Collection"
      okDisabled={collection === null}
      problem={collection === null ? { message: 'Select a collection.' } : null}
      onOk={() => collection !== null && onSelect(collection)}
      onCancel={onCancel}
    >
      <Text>Select the collection to advertise the program to.</Text>
      {list.status === 'error' && <Text>The collections could not be read: {list.error}</Text>}
      <DataGrid
        className={styles.grid}
        label="Collections"
        rows={list.items}
        columns={columns}
        getRowKey={(c) => c.collectionId}
        selectionMode="single"
        selectedKeys={chosen === null ? [] : [chosen]}
        onSelectionChange={(keys) => setChosen(keys[0] ?? null)}
        defaultSort={{ columnId: 'name', direction: 'ascending' }}
        onOpen={(c) => onSelect(c)}
        emptyMessage={list.status === 'loading' ? 'Reading the collections…' : 'The site has no collections.'}
      />
    </FormDialog>
  );
}
