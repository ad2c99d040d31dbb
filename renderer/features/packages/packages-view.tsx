import { BoxRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { PackageListItem } from '../../../core/api';
import { dateTimeColumn, NameCell, objectIdColumn, type DataGridColumn } from '../../components/data-grid';
import { LiveListView } from '../../components/live-list';
import { useConsoleStores } from '../../console/console-stores';
import type { DetailsViewProps } from '../../shell/registration';

/** The suite's Packages columns; Manufacturer is called Publisher, as the New Package Wizard calls it. */
const columns: readonly DataGridColumn<PackageListItem>[] = [
  { id: 'name', label: 'Name', kind: 'text', width: 220, value: (p) => p.name, render: (p) => <NameCell icon={BoxRegular} name={p.name} /> },
  { id: 'version', label: 'Version', kind: 'text', width: 80, value: (p) => p.version },
  { id: 'language', label: 'Language', kind: 'text', width: 90, value: (p) => p.language },
  { id: 'publisher', label: 'Publisher', kind: 'text', width: 130, value: (p) => p.publisher },
  objectIdColumn('packageId', 'Package ID', (p) => p.packageId),
  { id: 'sourceVersion', label: 'Source Version', kind: 'number', width: 116, value: (p) => p.sourceVersion, align: 'end' },
  dateTimeColumn('lastModified', 'Last Modified', (p) => p.lastModified),
  { id: 'comment', label: 'Comment', kind: 'text', width: 240, value: (p) => p.comment },
];

const packageKey = (p: PackageListItem): string => p.packageId;

/** The Packages node's details: every package of the site, live, with errors shown in place. */
export function PackagesView({ node: _node, label, ...events }: DetailsViewProps<'packages'>): ReactNode {
  const { packages } = useConsoleStores();
  const list = useStore(packages, (s) => s.list);
  return (
    <LiveListView
      {...events}
      what="packages"
      label={label}
      list={list}
      columns={columns}
      rowKey={packageKey}
      storageKey="courier.console.grid.packages"
      emptyMessage="There are no packages yet. To create one, right-click Packages and choose New › Package."
      onRetry={() => void packages.getState().load()}
    />
  );
}
