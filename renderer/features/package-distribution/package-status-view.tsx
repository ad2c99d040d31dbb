import { makeStyles, tokens } from '@fluentui/react-components';
import { BuildingRegular, ServerRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { DataGrid, NameCell, dateTimeColumn, type DataGridColumn } from '../../components/data-grid';
import { useWidth } from '../../components/charts/use-width';
import { LiveListView } from '../../components/live-list';
import { useConsoleStores } from '../../console/console-stores';
import type { DetailsViewProps } from '../../shell/registration';
import { PackageDpChart } from './package-dp-chart';
import { packageDpStateLabels } from './package-dp-labels';
import { packageDpKey, sourceVersionText, usePackageDps } from './package-dps-view';
import type { PackageDpRow } from './package-dps-store';
import { PackageStatusMessages } from './package-status-messages';
import { attemptsText } from './retry-text';
import { siteSummaries, type SiteStatusSummary } from './package-status-model';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0, gap: tokens.spacingVerticalXS },
  summary: { flexShrink: 0, display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-start' },
  compactSummary: { flexShrink: 0, display: 'flex', flexDirection: 'column' },
  compactSites: { display: 'flex', flexDirection: 'column' },
  sites: { flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' },
  chart: { width: '340px' },
  compactChart: { alignSelf: 'stretch', padding: `0 ${tokens.spacingHorizontalS}` },
  fill: { flex: 1, minHeight: 0 },
  caption: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground3,
  },
  dps: { display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 },
  messages: { display: 'flex', flexDirection: 'column', flex: 1, minHeight: '160px' },
});

interface SiteRow extends SiteStatusSummary {
  readonly siteName: string;
  readonly sourceVersion: number | null;
  readonly sourceDate: string | null;
}

const siteColumns: readonly DataGridColumn<SiteRow>[] = [
  {
    id: 'name',
    label: 'Site',
    kind: 'text',
    width: 170,
    value: (s) => (s.siteName === '' ? s.siteCode : `${s.siteCode} - ${s.siteName}`),
    render: (s) => <NameCell icon={BuildingRegular} name={s.siteName === '' ? s.siteCode || 'Unknown site' : `${s.siteCode} - ${s.siteName}`} />,
  },
  { id: 'targeted', label: 'Targeted', kind: 'number', width: 92, align: 'end', value: (s) => s.targeted },
  { id: 'installed', label: 'Installed', kind: 'number', width: 92, align: 'end', value: (s) => s.installed },
  { id: 'retrying', label: 'Retrying', kind: 'number', width: 92, align: 'end', value: (s) => s.retrying },
  { id: 'failed', label: 'Failed', kind: 'number', width: 80, align: 'end', value: (s) => s.failed },
  // Left out first when the pane is narrow (1024 px with the Actions pane): the counts matter most.
  { id: 'sourceVersion', label: 'Source Version', kind: 'number', width: 128, align: 'end', value: (s) => s.sourceVersion, hidePriority: 1 },
  { ...dateTimeColumn('sourceDate', 'Source Date', (s) => s.sourceDate), hidePriority: 2 },
];

function dpColumns(retries: number | null): readonly DataGridColumn<PackageDpRow>[] {
  return [
  { id: 'name', label: 'Distribution Point', kind: 'text', width: 180, value: (r) => r.name, render: (r) => <NameCell icon={ServerRegular} name={r.name} /> },
  { id: 'state', label: 'State', kind: 'text', width: 128, value: (r) => packageDpStateLabels[r.state] },
  { id: 'sourceVersion', label: 'Source Version', kind: 'number', width: 128, align: 'end', value: (r) => r.sourceVersion, render: sourceVersionText },
  // A narrow pane keeps the DP, its state and version, then the error and when it was copied.
  { ...dateTimeColumn('lastCopied', 'Time Copied', (r) => r.lastCopied), hidePriority: 2 },
  { ...dateTimeColumn('lastRefreshed', 'Last Refreshed', (r) => r.lastRefreshed), hidePriority: 4 },
  { id: 'attempts', label: 'Attempts', kind: 'number', width: 128, align: 'end', value: (r) => r.attempts, render: (r) => attemptsText(r, retries), hidePriority: 3 },
  { id: 'lastError', label: 'Last Error', kind: 'text', width: 240, value: (r) => r.lastError ?? '', hidePriority: 1 },
  { ...dateTimeColumn('nextAttemptAt', 'Next Attempt', (r) => r.nextAttemptAt), hidePriority: 5 },
  ];
}

/** The Software Distribution component's Number of Retries, for "attempt N of M"; null until read or when it cannot be. */
function useRetries(): number | null {
  const courier = useCourier();
  const [retries, setRetries] = useState<number | null>(null);
  useEffect(() => {
    let closed = false;
    void settle(() => courier['components:get']({ component: 'distmgr' })).then((result) => {
      if (!closed && result.ok) setRetries(result.value.retries);
    });
    return () => {
      closed = true;
    };
  }, [courier]);
  return retries;
}

const noSelection: readonly string[] = [];
const ignore = () => undefined;

/** A package's Package Status node: how many DPs of each site have it, and each DP's copy. */
export function PackageStatusView({ node, label, ...events }: DetailsViewProps<'package-status'>): ReactNode {
  const styles = useStyles();
  const root = useRef<HTMLDivElement>(null);
  // A pane under 760 px (1024 px with the tree and the Actions pane) trades the donut for a thin bar, so the lists keep their columns.
  const compact = useWidth(root, 1024) < 760;
  const { packages, site, packageDps } = useConsoleStores();
  const filter = useStore(packageDps, (s) => s.messageFilters[node.packageId] ?? 'all');
  const retries = useRetries();
  const columns = useMemo(() => dpColumns(retries), [retries]);
  const { list, retry } = usePackageDps(node.packageId);
  const pkg = useStore(packages, (s) => s.list.items.find((p) => p.packageId === node.packageId));
  const siteInfo = useStore(site, (s) => s.info);
  const sites = useMemo<readonly SiteRow[]>(
    () =>
      siteSummaries(list.items).map((summary) => ({
        ...summary,
        siteName: siteInfo !== null && summary.siteCode === siteInfo.siteCode ? siteInfo.siteName : '',
        sourceVersion: pkg?.sourceVersion ?? null,
        sourceDate: pkg?.sourceDate ?? null,
      })),
    [list.items, siteInfo, pkg],
  );
  // One selected DP row narrows the messages to that DP (attribute 404, its NAL path).
  const selectedDp = events.selectedKeys.length === 1 ? list.items.find((row) => packageDpKey(row) === events.selectedKeys[0]) : undefined;
  return (
    <div ref={root} className={styles.root}>
      {list.status === 'ready' && list.items.length > 0 && (
        <div className={compact ? styles.compactSummary : styles.summary}>
        {/* The header and one row per site, with room for a horizontal scroll bar. */}
        <div className={compact ? styles.compactSites : styles.sites} style={{ height: `${(sites.length + 1) * 24 + 18}px` }}>
          <DataGrid
            className={styles.fill}
            label={`${label} by site`}
            rows={sites}
            columns={siteColumns}
            getRowKey={(s) => s.siteCode}
            selectedKeys={noSelection}
            onSelectionChange={ignore}
            defaultSort={{ columnId: 'name', direction: 'ascending' }}
            storageKey="courier.console.grid.package-status-sites"
          />
        </div>
        <PackageDpChart rows={list.items} compact={compact} className={compact ? styles.compactChart : styles.chart} />
        </div>
      )}
      {list.status === 'ready' && list.items.length > 0 && <h2 className={styles.caption}>Distribution points</h2>}
      <div className={styles.dps}>
        <LiveListView
          {...events}
          what="package status"
          label={label}
          list={list}
          columns={columns}
          rowKey={packageDpKey}
          storageKey="courier.console.grid.package-status-dps"
          emptyMessage="This package is on no distribution point, so there is no status to show. To copy it to one, right-click its Distribution Points and choose New Distribution Points."
          onRetry={retry}
        />
      </div>
      <div className={styles.messages}>
        <PackageStatusMessages packageId={node.packageId} nalPath={selectedDp?.nalPath ?? null} dpName={selectedDp?.name ?? null} filter={filter} />
      </div>
    </div>
  );
}
