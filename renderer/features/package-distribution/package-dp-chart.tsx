import type { ReactNode } from 'react';
import type { PackageDpState } from '../../../core/api';
import { chartPalette, type ChartColor, type ChartSeries } from '../../components/charts/chart-series';
import { StateChart } from '../../components/charts/state-chart';
import { packageDpStateLabels } from './package-dp-labels';
import type { PackageDpRow } from './package-dps-store';

/** Green for done, blue for under way, orange for trying again, red for failed, grey for going away. */
const stateColors: Readonly<Record<PackageDpState, ChartColor>> = {
  installed: chartPalette.success,
  installPending: chartPalette.info,
  installRetrying: chartPalette.warning,
  installFailed: chartPalette.error,
  removalPending: chartPalette.disabled,
  removalFailed: chartPalette.highError,
};

/** Done first, then the copies under way, then the removals, as an admin reads the donut. */
const shownStates: readonly PackageDpState[] = ['installed', 'installPending', 'installRetrying', 'installFailed', 'removalPending', 'removalFailed'];

/** How many of the package's DPs are in each state. */
export function packageDpSeries(rows: readonly Pick<PackageDpRow, 'state'>[]): ChartSeries[] {
  const counts = new Map<PackageDpState, number>();
  for (const row of rows) counts.set(row.state, (counts.get(row.state) ?? 0) + 1);
  return shownStates.map((state) => ({ key: state, label: packageDpStateLabels[state], count: counts.get(state) ?? 0, color: stateColors[state] }));
}

/**
 * Package Status's donut of the DP states, drawn from the same live rows as the DP list; in a
 * narrow pane one thin bar split by state instead, under the site counts, so no column is lost.
 */
export function PackageDpChart({ rows, compact, className }: { readonly rows: readonly Pick<PackageDpRow, 'state'>[]; readonly compact: boolean; readonly className?: string }): ReactNode {
  return (
    <StateChart
      className={className}
      title="Distribution points by state"
      series={packageDpSeries(rows)}
      kind={compact ? 'stacked' : 'donut'}
      height={compact ? 56 : 150}
      emptyMessage="This package is on no distribution point yet."
    />
  );
}
