import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useMemo, useRef, type ReactNode } from 'react';
import { statusHistogramBucketMs, type StatusHistogramBucketDto, type StatusMessageHistogramDto } from '../../../core/api';
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
 * The interval a bar counts: its hour or day, from since when the period starts inside the first
 * bar; the current hour's bar runs to the hour's end, so what is reported in it still comes.
 */
export function barRange(value: StatusMessageHistogramDto, start: string): { readonly since: number; readonly before: number } {
  const from = Date.parse(start);
  return { since: Math.max(from, Date.parse(value.since)), before: from + statusHistogramBucketMs[value.bucket] };
}

export interface MessageHistogramProps {
  readonly state: HistogramState;
  /** A bar was clicked: the viewing period becomes its interval (since inclusive, before exclusive). */
  readonly onNarrow?: (range: { readonly since: number; readonly before: number }) => void;
}

/**
 * Above the grid: the viewer's messages per hour or day, each bar stacked by severity, counted
 * by the site server for the viewer's filter. Its table names every bucket that has messages;
 * a click on a bar narrows the viewer to that hour or day.
 */
export function MessageHistogram({ state, onNarrow }: MessageHistogramProps): ReactNode {
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
              <HistogramBars
                title={title}
                bars={bars}
                width={width - 16}
                height={chartHeight}
                {...(onNarrow !== undefined ? { onBarClick: (key: string) => onNarrow(barRange(value, key)) } : {})}
              />
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
