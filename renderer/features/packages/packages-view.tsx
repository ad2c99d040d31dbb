import { makeStyles, tokens } from '@fluentui/react-components';
import { BoxRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import type { PackageDto } from '../../../core/api';
import { LiveList } from '../../components/live-list';
import { DataGrid, type DataGridColumn, type MenuPoint } from '../../components/data-grid';
import { usePackagesStore } from './packages-store';

const useStyles = makeStyles({
  grid: {
    flex: 1,
  },
  nameIcon: {
    fontSize: '16px',
    verticalAlign: 'text-bottom',
    marginRight: tokens.spacingHorizontalXS,
    color: tokens.colorBrandForeground1,
  },
});

export interface PackagesViewProps {
  readonly selectedIds: readonly string[];
  readonly onSelectionChange: (packageIds: readonly string[]) => void;
  /** Enter or double-click: the package's Properties. */
  readonly onOpen: (pkg: PackageDto) => void;
  readonly onDelete: (pkg: PackageDto) => void;
  readonly onRefresh: () => void;
  /** `pkg` is null for a right-click on blank space (the Packages node's own menu). */
  readonly onContextMenu: (pkg: PackageDto | null, at: MenuPoint) => void;
}

// One formatter for every row: creating it per cell would dominate a 10,000-row render.
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });

function formatDate(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? '' : dateFormat.format(time);
}

function NameCell({ pkg }: { readonly pkg: PackageDto }): ReactNode {
  const styles = useStyles();
  return (
    <>
      <BoxRegular className={styles.nameIcon} aria-hidden />
      {pkg.name}
    </>
  );
}

/** The suite's Packages columns; Manufacturer is called Publisher, as the New Package Wizard calls it. */
const columns: readonly DataGridColumn<PackageDto>[] = [
  { id: 'name', label: 'Name', kind: 'text', width: 220, value: (p) => p.name, render: (p) => <NameCell pkg={p} /> },
  { id: 'version', label: 'Version', kind: 'text', width: 80, value: (p) => p.version },
  { id: 'language', label: 'Language', kind: 'text', width: 90, value: (p) => p.language },
  { id: 'publisher', label: 'Publisher', kind: 'text', width: 130, value: (p) => p.publisher },
  { id: 'packageId', label: 'Package ID', kind: 'text', width: 96, value: (p) => p.packageId },
  { id: 'sourceVersion', label: 'Source Version', kind: 'number', width: 116, value: (p) => p.sourceVersion, align: 'end' },
  {
    id: 'lastModified',
    label: 'Last Modified',
    kind: 'date',
    width: 156,
    value: (p) => p.lastModified,
    render: (p) => formatDate(p.lastModified),
  },
  { id: 'comment', label: 'Comment', kind: 'text', width: 240, value: (p) => p.comment },
];

const packageKey = (p: PackageDto): string => p.packageId;

/** The Packages node's details: every package of the site, live, with errors shown in place. */
export function PackagesView(props: PackagesViewProps): ReactNode {
  const styles = useStyles();
  const status = usePackagesStore((s) => s.status);
  const packages = usePackagesStore((s) => s.packages);
  const error = usePackagesStore((s) => s.error);
  const refreshing = usePackagesStore((s) => s.refreshing);
  const load = usePackagesStore((s) => s.load);

  return (
    <LiveList what="packages" status={status} error={error} refreshing={refreshing} onRetry={() => void load()}>
      <DataGrid
        className={styles.grid}
        label="Packages"
        rows={packages}
        columns={columns}
        getRowKey={packageKey}
        selectedKeys={props.selectedIds}
        onSelectionChange={props.onSelectionChange}
        defaultSort={{ columnId: 'name', direction: 'ascending' }}
        storageKey="courier.console.grid.packages"
        onOpen={props.onOpen}
        onDelete={(rows) => {
          const first = rows[0];
          if (first) props.onDelete(first);
        }}
        onRefresh={props.onRefresh}
        onContextMenu={(rows, at) => props.onContextMenu(rows[0] ?? null, at)}
        emptyMessage="There are no packages yet. To create one, right-click Packages and choose New › Package."
      />
    </LiveList>
  );
}
