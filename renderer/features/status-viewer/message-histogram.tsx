import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useMemo, useRef, type ReactNode } from 'react';
import type { StatusHistogramBucketDto, StatusMessageHistogramDto } from '../../../core/api';
import { ChartBoundary } from '../../components/charts/chart-boundary';
import { chartPalette, type ChartSeries } from '../../components/charts/chart-series';
import { CountTable } from '../../components/charts/count-table';
import { useWidth } from '../../components/charts/use-width';
import { formatDate, formatDateTime } from '../../components/date-time';
import type { HistogramState } from './use-message-histogram';

// Loaded with the first chart drawn, not with the viewer (docs/console.md#charts).
const HistogramBars = lazy(() => import('../../components/charts/drawn-charts').then((m) => ({ default: m.HistogramBars })));

const useStyles = makeStyles({
  root: {
    position: 'relative',
    flex: 'none',
    height: '112px',
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflow: 'hidden',
  },
  note: { display: 'block', padding: tokens.spacingVerticalS, color: tokens.colorNeutralForeground3 },
});

const chartHeight = 112;

/** An hour as its date and time, a day as its date, in the admin's locale and time zone. */
function bucketLabel(start: string, bucket: StatusMessageHistogramDto['bucket']): string {
  return bucket === 'day' ? formatDate(start) : formatDateTime(start);
}

function severitySeries(b: StatusHistogramBucketDto): ChartSeries[] {
  return [
    { key: 'error', label: 'Error', count: b.error, color: chartPalette.error },
    { key: 'warning', label: 'Warning', count: b.warning, color: chartPalette.warning },
    { key: 'info', label: 'Information', count: b.info, color: chartPalette.info },
  ];
}

/**
 * Above the grid: the viewer's messages per hour or day, each bar stacked by severity, counted
 * by the site server for the viewer's filter. Its table names every bucket that has messages.
 */
export function MessageHistogram({ state }: { readonly state: HistogramState }): ReactNode {
  const styles = useStyles();
  const ref = useRef<HTMLElement>(null);
  const width = useWidth(ref, 800);
  const value = state.kind === 'ready' ? state.value : null;
  const bars = useMemo(
    () => (value === null ? [] : value.buckets.map((b) => ({ key: b.start, start: Date.parse(b.start), label: bucketLabel(b.start, value.bucket), series: severitySeries(b), bucket: b }))),
    [value],
  );
  const total = bars.reduce((sum, bar) => sum + bar.bucket.info + bar.bucket.warning + bar.bucket.error, 0);
  const per = value?.bucket === 'day' ? 'day' : 'hour';
  const title = `Messages per ${per}`;
  return (
    <section ref={ref} aria-label={title} className={styles.root}>
      {state.kind === 'error' && <Text className={styles.note}>The chart could not be counted: {state.message}</Text>}
      {value !== null && total === 0 && <Text className={styles.note}>No message in this period to chart.</Text>}
      {value !== null && total > 0 && (
        <>
          <ChartBoundary>
            <Suspense fallback={null}>
              <HistogramBars title={title} bars={bars} width={width - 16} height={chartHeight} />
            </Suspense>
          </ChartBoundary>
          <CountTable
            caption={`${title}: ${total.toLocaleString('en-US')} messages${value.clipped ? ` in the newest ${value.buckets.length} ${per}s` : ''}`}
            headers={[per === 'day' ? 'Day' : 'Hour', 'Error', 'Warning', 'Information']}
            rows={bars
              .filter((bar) => bar.bucket.info + bar.bucket.warning + bar.bucket.error > 0)
              .map((bar) => ({ key: bar.key, cells: [bar.label, bar.bucket.error, bar.bucket.warning, bar.bucket.info] }))}
          />
        </>
      )}
    </section>
  );
}
