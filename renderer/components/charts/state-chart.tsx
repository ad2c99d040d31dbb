import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useRef, type ReactNode } from 'react';
import { seriesTotal, type ChartSeries } from './chart-series';
import { ChartBoundary } from './chart-boundary';
import { CountTable } from './count-table';
import { useWidth } from './use-width';

// The chart library is loaded with the first chart drawn, not with the console (docs/console.md#charts).
const StateDonut = lazy(() => import('./drawn-charts').then((m) => ({ default: m.StateDonut })));
const StateBars = lazy(() => import('./drawn-charts').then((m) => ({ default: m.StateBars })));
const StateStackedBar = lazy(() => import('./drawn-charts').then((m) => ({ default: m.StateStackedBar })));

const useStyles = makeStyles({
  root: { position: 'relative', flexShrink: 0, minWidth: 0, color: tokens.colorNeutralForeground1 },
  // The axis charts size themselves to their box, whatever height they are given.
  box: { position: 'relative' },
  empty: { display: 'block', padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`, color: tokens.colorNeutralForeground3 },
});

export interface StateChartProps {
  /** Names the chart for screen readers and captions its table of counts: "Distribution points by state". */
  readonly title: string;
  /** Every state in the order to show them; states with no count are left out of a donut. */
  readonly series: readonly ChartSeries[];
  /** A donut, a bar per state, or one bar split by state (compact). */
  readonly kind: 'donut' | 'bars' | 'stacked';
  /** What to say when every count is zero, instead of an empty chart. */
  readonly emptyMessage: string;
  readonly height: number;
  /** The donut's legend beside it; off where the pane is too narrow for it. */
  readonly legend?: boolean;
  readonly className?: string;
}

/**
 * A chart of counts by state with its text alternative: a visually hidden table of every
 * state's count, there as soon as the counts are, whether or not the chart is drawn yet.
 */
export function StateChart({ title, series, kind, emptyMessage, height, legend = true, className }: StateChartProps): ReactNode {
  const styles = useStyles();
  const ref = useRef<HTMLElement>(null);
  const width = useWidth(ref, 320);
  const total = seriesTotal(series);
  return (
    <section ref={ref} aria-label={title} className={mergeClasses(styles.root, className)} data-chart={kind}>
      {total === 0 ? (
        <Text className={styles.empty}>{emptyMessage}</Text>
      ) : (
        <>
          <ChartBoundary>
            <Suspense fallback={<div style={{ height }} />}>
              {kind === 'donut' && <StateDonut title={title} series={series} width={width} height={height} hideLegend={!legend} />}
              {kind === 'bars' && (
                <div className={styles.box} style={{ height }}>
                  <StateBars title={title} series={series} width={width} height={height} />
                </div>
              )}
              {kind === 'stacked' && <StateStackedBar title={title} series={series} width={width} height={height} />}
            </Suspense>
          </ChartBoundary>
          <CountTable
            caption={`${title}: ${total.toLocaleString('en-US')} in all`}
            headers={['State', 'Count']}
            rows={series.map((s) => ({ key: s.key, cells: [s.label, s.count] }))}
          />
        </>
      )}
    </section>
  );
}
