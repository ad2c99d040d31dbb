import { BoxRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { fullPackageName, type PackageListItem, type PackageStatusCountsDto } from '../../../core/api';
import { useCourierBridge } from '../../client/courier-context';
import { unreadList, type LiveList } from '../../client/live-list';
import { NameCell, dateTimeColumn, objectIdColumn, type DataGridColumn } from '../../components/data-grid';
import { LiveListView } from '../../components/live-list';
import { useConsoleStores } from '../../console/console-stores';
import type { DetailsViewProps } from '../../shell/registration';
import { followPackageDpChanges } from './package-dps-store';

/** A package with its counts; a package on no DP has zeros. */
export interface PackageStatusLine extends Omit<PackageStatusCountsDto, 'packageId'> {
  readonly pkg: PackageListItem;
}

const none = { targeted: 0, installed: 0, retrying: 0, failed: 0, removing: 0 };

/** Every package of the list, with the counts the site answered for it. */
export function statusLines(packages: readonly PackageListItem[], counts: readonly PackageStatusCountsDto[]): readonly PackageStatusLine[] {
  const byId = new Map(counts.map((c) => [c.packageId, c]));
  return packages.map((pkg) => ({ ...none, ...byId.get(pkg.packageId), pkg }));
}

const count = (id: keyof typeof none, label: string): DataGridColumn<PackageStatusLine> => ({ id, label, kind: 'number', width: 92, align: 'end', value: (l) => l[id] });

const columns: readonly DataGridColumn<PackageStatusLine>[] = [
  { id: 'name', label: 'Name', kind: 'text', width: 220, value: (l) => fullPackageName(l.pkg), render: (l) => <NameCell icon={BoxRegular} name={fullPackageName(l.pkg)} /> },
  objectIdColumn('packageId', 'Package ID', (l) => l.pkg.packageId),
  count('targeted', 'Targeted'),
  count('installed', 'Installed'),
  count('retrying', 'Retrying'),
  count('failed', 'Failed'),
  { id: 'sourceVersion', label: 'Source Version', kind: 'number', width: 128, align: 'end', value: (l) => l.pkg.sourceVersion },
  dateTimeColumn('sourceDate', 'Source Date', (l) => l.pkg.sourceDate),
];

const lineKey = (l: PackageStatusLine): string => l.pkg.packageId;

/** Site Database › System Status › Package Status: for every package, how many DPs hold it. */
export function PackageStatusSummaryView({ node: _node, label, ...events }: DetailsViewProps<'package-status-summary'>): ReactNode {
  const { packageDps, packages } = useConsoleStores();
  const bridge = useCourierBridge();
  const summary = useStore(packageDps, (s) => s.summary) ?? unreadList;
  const packageList = useStore(packages, (s) => s.list);
  useEffect(() => {
    const unsubscribe = followPackageDpChanges(packageDps, bridge);
    void packageDps.getState().loadSummary();
    return unsubscribe;
  }, [packageDps, bridge]);

  const list = useMemo<LiveList<PackageStatusLine>>(() => {
    // Both reads must be in; the first failure is the one shown.
    const status = summary.status === 'error' || packageList.status === 'error' ? 'error' : summary.status === 'loading' || packageList.status === 'loading' ? 'loading' : 'ready';
    return {
      status,
      refreshing: summary.refreshing || packageList.refreshing,
      error: summary.error ?? packageList.error,
      items: statusLines(packageList.items, summary.items),
    };
  }, [summary, packageList]);

  return (
    <LiveListView
      {...events}
      what="package status"
      label={label}
      list={list}
      columns={columns}
      rowKey={lineKey}
      storageKey="courier.console.grid.package-status-summary"
      emptyMessage="The site has no packages."
      onRetry={() => {
        void packageDps.getState().loadSummary();
        if (packageList.status === 'error') void packages.getState().load();
      }}
    />
  );
}
