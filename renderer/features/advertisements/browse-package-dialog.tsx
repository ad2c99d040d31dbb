import { Text, makeStyles } from '@fluentui/react-components';
import { BoxRegular } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { PackageListItem } from '../../../core/api';
import { DataGrid, NameCell, type DataGridColumn } from '../../components/data-grid';
import { FormDialog } from '../../components/form-dialog';
import { useConsoleStores } from '../../console/console-stores';

const useStyles = makeStyles({ grid: { height: '220px' } });

const columns: readonly DataGridColumn<PackageListItem>[] = [
  { id: 'name', label: 'Name', kind: 'text', width: 150, value: (p) => p.name, render: (p) => <NameCell icon={BoxRegular} name={p.name} /> },
  { id: 'packageId', label: 'Package ID', kind: 'id', width: 96, value: (p) => p.packageId },
  { id: 'version', label: 'Version', kind: 'text', width: 72, value: (p) => p.version },
  { id: 'manufacturer', label: 'Manufacturer', kind: 'text', width: 112, value: (p) => p.publisher },
];

export interface BrowsePackageDialogProps {
  readonly selected: string;
  readonly onCancel: () => void;
  readonly onSelect: (pkg: PackageListItem) => void;
}

/** Browse Package: every package of the site, as the console holds them; OK (or Enter on a row) takes one. */
export function BrowsePackageDialog({ selected, onCancel, onSelect }: BrowsePackageDialogProps): ReactNode {
  const styles = useStyles();
  const list = useStore(useConsoleStores().packages, (s) => s.list);
  const [chosen, setChosen] = useState<string | null>(selected === '' ? null : selected);
  const pkg = list.items.find((p) => p.packageId === chosen) ?? null;
  return (
    <FormDialog
      open
      title="Browse Package"
      okDisabled={pkg === null}
      problem={pkg === null ? { message: 'Select a package.' } : null}
      onOk={() => pkg !== null && onSelect(pkg)}
      onCancel={onCancel}
    >
      <Text>Select the package whose program is advertised.</Text>
      <DataGrid
        className={styles.grid}
        label="Packages"
        rows={list.items}
        columns={columns}
        getRowKey={(p) => p.packageId}
        selectionMode="single"
        selectedKeys={chosen === null ? [] : [chosen]}
        onSelectionChange={(keys) => setChosen(keys[0] ?? null)}
        defaultSort={{ columnId: 'name', direction: 'ascending' }}
        onOpen={(p) => onSelect(p)}
        emptyMessage={list.status === 'loading' ? 'Reading the packages…' : 'The site has no packages yet.'}
      />
    </FormDialog>
  );
}
