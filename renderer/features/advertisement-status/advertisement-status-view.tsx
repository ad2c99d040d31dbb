import { MegaphoneRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AdvertisementCountsDto, AdvertisementSummaryDto } from '../../../core/api';
import { useCourierBridge } from '../../client/courier-context';
import type { LiveList } from '../../client/live-list';
import { dateTimeColumn, NameCell, objectIdColumn, type DataGridColumn } from '../../components/data-grid';
import { LiveListView } from '../../components/live-list';
import { useConsoleStores } from '../../console/console-stores';
import type { DetailsViewProps } from '../../shell/registration';
import type { AdvertisementSiteRow } from './advertisement-status-kinds';
import { followAdvertisementStatus, lastUpdateOf } from './advertisement-status-store';

/** The counts' columns, in the suite's order; at 1024 pixels Programs Started, then Failures, give way first of them. */
function countColumns<Row extends AdvertisementCountsDto>(): readonly DataGridColumn<Row>[] {
  const count = (id: keyof AdvertisementCountsDto, label: string, width: number, hidePriority?: number): DataGridColumn<Row> => ({
    id,
    label,
    kind: 'number',
    width,
    align: 'end',
    value: (row) => row[id],
    ...(hidePriority !== undefined ? { hidePriority } : {}),
  });
  return [
    count('received', 'Received', 76),
    count('failures', 'Failures', 72, 2),
    count('programsStarted', 'Programs Started', 120, 3),
    count('programsFailed', 'Programs Failed', 112),
    count('programsSucceeded', 'Programs Succeeded', 132),
  ];
}

const advertisementColumns: readonly DataGridColumn<AdvertisementSummaryDto>[] = [
  {
    id: 'name',
    label: 'Name',
    kind: 'text',
    width: 160,
    value: (a) => a.advertisementName,
    render: (a) => <NameCell icon={MegaphoneRegular} name={a.advertisementName} />,
  },
  { ...objectIdColumn<AdvertisementSummaryDto>('packageId', 'Package', (a) => a.packageId), hidePriority: 6 },
  { id: 'programName', label: 'Program', kind: 'text', width: 120, value: (a) => a.programName, hidePriority: 7 },
  { ...objectIdColumn<AdvertisementSummaryDto>('collectionId', 'Collection', (a) => a.collectionId), hidePriority: 5 },
  ...countColumns<AdvertisementSummaryDto>(),
  { ...dateTimeColumn<AdvertisementSummaryDto>('lastUpdate', 'Last Update', lastUpdateOf), hidePriority: 4 },
];

const siteColumns: readonly DataGridColumn<AdvertisementSiteRow>[] = [
  { ...objectIdColumn<AdvertisementSiteRow>('name', 'Site', (s) => s.siteCode), width: 80 },
  ...countColumns<AdvertisementSiteRow>(),
  { ...dateTimeColumn<AdvertisementSiteRow>('lastUpdate', 'Last Update', (s) => s.lastUpdate), hidePriority: 4 },
];

/** The summaries, read when a view first shows them and kept live while one does. */
function useAdvertisementSummaries(): LiveList<AdvertisementSummaryDto> {
  const { advertisementStatus } = useConsoleStores();
  const bridge = useCourierBridge();
  useEffect(() => {
    const stop = followAdvertisementStatus(advertisementStatus, bridge);
    void advertisementStatus.getState().load();
    return stop;
  }, [advertisementStatus, bridge]);
  return useStore(advertisementStatus, (s) => s.list);
}

/** The sites' rows of one advertisement. */
export function siteRowsOf(summary: AdvertisementSummaryDto | undefined): readonly AdvertisementSiteRow[] {
  if (summary === undefined) return [];
  return summary.sites.map((site) => ({ ...site, advertisementId: summary.advertisementId, advertisementName: summary.advertisementName }));
}

export const siteRowKey = (row: AdvertisementSiteRow): string => row.siteCode;

const advertisementKey = (a: AdvertisementSummaryDto): string => a.advertisementId;

/** System Status › Advertisement Status: one row per advertisement, each also a node of the tree below. */
export function AdvertisementStatusView({ node: _node, label, ...events }: DetailsViewProps<'advertisement-status'>): ReactNode {
  const { advertisementStatus } = useConsoleStores();
  const list = useAdvertisementSummaries();
  return (
    <LiveListView
      {...events}
      what="advertisement status"
      label={label}
      list={list}
      columns={advertisementColumns}
      rowKey={advertisementKey}
      storageKey="courier.console.grid.advertisement-status"
      emptyMessage="The site has no advertisements."
      onRetry={() => void advertisementStatus.getState().load()}
    />
  );
}

/** Advertisement Status › an advertisement: its counts per reporting site. */
export function AdvertisementSitesView({ node, label, ...events }: DetailsViewProps<'advertisement-status-item'>): ReactNode {
  const { advertisementStatus } = useConsoleStores();
  const summaries = useAdvertisementSummaries();
  const list = useMemo<LiveList<AdvertisementSiteRow>>(
    () => ({ ...summaries, items: siteRowsOf(summaries.items.find((a) => a.advertisementId === node.advertisementId)) }),
    [summaries, node.advertisementId],
  );
  return (
    <LiveListView
      {...events}
      what="sites of the advertisement"
      label={label}
      list={list}
      columns={siteColumns}
      rowKey={siteRowKey}
      storageKey="courier.console.grid.advertisement-status-sites"
      emptyMessage="No client has reported on this advertisement yet."
      onRetry={() => void advertisementStatus.getState().load()}
    />
  );
}
