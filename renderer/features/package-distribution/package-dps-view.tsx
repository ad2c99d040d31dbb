import { ServerRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { DistributionProgressEvent } from '../../../core/api';
import { useCourierBridge } from '../../client/courier-context';
import { unreadList } from '../../client/live-list';
import { NameCell, dateTimeColumn, type DataGridColumn } from '../../components/data-grid';
import { LiveListView } from '../../components/live-list';
import { useConsoleStores } from '../../console/console-stores';
import type { DetailsViewProps } from '../../shell/registration';
import { packageDpStateLabels, progressFraction } from './package-dp-labels';
import { followPackageDpChanges, progressKey, type PackageDpRow } from './package-dps-store';
import { ProgressCell } from './progress-cell';

export const packageDpKey = (row: PackageDpRow): string => row.name;

/** The version on the DP, and the one being sent when they differ: "1 (2 pending)", or "2 pending" before the first copy. */
export function sourceVersionText(row: PackageDpRow): string {
  if (row.sourceVersion === null) return row.state === 'removalPending' || row.state === 'removalFailed' ? '' : `${row.targetVersion} pending`;
  if (row.sourceVersion !== row.targetVersion && !row.state.startsWith('removal')) return `${row.sourceVersion} (${row.targetVersion} pending)`;
  return String(row.sourceVersion);
}

function columnsFor(progress: Readonly<Record<string, DistributionProgressEvent>>): readonly DataGridColumn<PackageDpRow>[] {
  // Only a row still waiting for its copy shows a bar: a copy whose last event was lost (a site
  // server stopped mid-copy) leaves no bar behind once the row says how it ended.
  const progressOf = (row: PackageDpRow) => (row.state === 'installPending' || row.state === 'installRetrying' ? progress[progressKey(row.packageId, row.name)] : undefined);
  return [
    { id: 'name', label: 'Name', kind: 'text', width: 200, value: (r) => r.name, render: (r) => <NameCell icon={ServerRegular} name={r.name} /> },
    { id: 'site', label: 'Site', kind: 'id', width: 56, value: (r) => r.siteCode },
    { id: 'state', label: 'State', kind: 'text', width: 128, value: (r) => packageDpStateLabels[r.state] },
    { id: 'sourceVersion', label: 'Source Version', kind: 'number', width: 128, align: 'end', value: (r) => r.sourceVersion, render: sourceVersionText },
    {
      id: 'progress',
      label: 'Progress',
      kind: 'number',
      width: 260,
      value: (r) => {
        const p = progressOf(r);
        return p === undefined ? null : progressFraction(p);
      },
      render: (r) => <ProgressCell progress={progressOf(r)} />,
    },
    dateTimeColumn('lastCopied', 'Last Copied', (r) => r.lastCopied),
    dateTimeColumn('lastRefreshed', 'Last Refreshed', (r) => r.lastRefreshed),
  ];
}

/** Reads the package's DPs while the view is shown, and keeps them live. */
export function usePackageDps(packageId: string) {
  const { packageDps } = useConsoleStores();
  const bridge = useCourierBridge();
  const list = useStore(packageDps, (s) => s.lists[packageId]) ?? unreadList;
  const progress = useStore(packageDps, (s) => s.progress);
  useEffect(() => {
    const unsubscribe = followPackageDpChanges(packageDps, bridge);
    void packageDps.getState().load(packageId);
    return unsubscribe;
  }, [packageDps, bridge, packageId]);
  return { list, progress, retry: () => void packageDps.getState().load(packageId) };
}

/** A package's Distribution Points node: where it is, or is going, and each copy's progress. */
export function PackageDpsView({ node, label, ...events }: DetailsViewProps<'package-distribution-points'>): ReactNode {
  const { list, progress, retry } = usePackageDps(node.packageId);
  const columns = useMemo(() => columnsFor(progress), [progress]);
  return (
    <LiveListView
      {...events}
      what="distribution points"
      label={label}
      list={list}
      columns={columns}
      rowKey={packageDpKey}
      storageKey="courier.console.grid.package-dps"
      emptyMessage="This package is on no distribution point. To copy it to one, right-click Distribution Points and choose New Distribution Points."
      onRetry={retry}
    />
  );
}
