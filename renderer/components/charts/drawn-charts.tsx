import {
  DonutChart,
  HorizontalBarChart,
  HorizontalBarChartWithAxis,
  VerticalStackedBarChart,
  getColorFromToken,
  type ChartDataPoint,
  type HorizontalBarChartWithAxisDataPoint,
  type VerticalStackedChartProps,
  type VSChartDataPoint,
} from '@fluentui/react-charts';
import { useCallback, useMemo, type ReactNode } from 'react';
import { useColorScheme } from '../use-color-scheme';
import type { ChartSeries } from './chart-series';

/*
 * The drawn charts, in a module of their own that the console loads the first time a chart is
 * shown (state-chart.tsx, histogram-chart.tsx): the chart library is most of its weight.
 */

/** Palette tokens resolve to hex: the charts draw SVG fills, and pick the light shade unless told. */
function useColorOf(): (token: string) => string {
  const dark = useColorScheme() === 'dark';
  return useCallback((token: string) => getColorFromToken(token, dark), [dark]);
}

export interface DrawnStateChartProps {
  readonly title: string;
  readonly series: readonly ChartSeries[];
  readonly width: number;
  readonly height: number;
  readonly hideLegend?: boolean;
}

/** A donut of the states with the total inside and a legend of "state (count)". */
export function StateDonut({ title, series, width, height, hideLegend = false }: DrawnStateChartProps): ReactNode {
  const colorOf = useColorOf();
  const data = useMemo(() => {
    const chartData: ChartDataPoint[] = series
      .filter((s) => s.count > 0)
      .map((s) => ({ legend: `${s.label} (${s.count.toLocaleString('en-US')})`, data: s.count, color: colorOf(s.color) }));
    return { chartTitle: title, chartData };
  }, [series, title, colorOf]);
  const total = series.reduce((sum, s) => sum + s.count, 0);
  return (
    <DonutChart
      data={data}
      width={width}
      height={height}
      innerRadius={Math.max(12, Math.round(Math.min(width, height) / 4))}
      valueInsideDonut={total.toLocaleString('en-US')}
      hideLegend={hideLegend}
      hideLabels
    />
  );
}

/** At most six whole-number ticks from 0 to past the largest count: counts have no tenths. */
function wholeTicks(most: number): number[] {
  const step = Math.max(1, Math.ceil(most / 5));
  return Array.from({ length: Math.ceil(Math.max(1, most) / step) + 1 }, (_, i) => i * step);
}

/**
 * One bar per state, zero ones included, so each state stays in its place as counts change; the
 * bars lie along the states, so every state's name has room in a dialog's width.
 */
export function StateBars({ title, series, width, height, hideLegend = true }: DrawnStateChartProps): ReactNode {
  const colorOf = useColorOf();
  const data = useMemo<HorizontalBarChartWithAxisDataPoint[]>(
    // The axis lists the first point at the bottom: reversed, the states read top down in order.
    () => [...series].reverse().map((s) => ({ x: s.count, y: s.label, legend: s.label, color: colorOf(s.color), barLabel: s.count.toLocaleString('en-US') })),
    [series, colorOf],
  );
  const most = Math.max(...series.map((s) => s.count));
  return (
    <HorizontalBarChartWithAxis
      chartTitle={title}
      data={data}
      width={width}
      height={height}
      hideLegend={hideLegend}
      barHeight={12}
      roundCorners
      // Room for the longest state's name ("Restart pending"), and whole numbers on the count axis.
      margins={{ left: 112, right: 24, top: 8, bottom: 32 }}
      showYAxisLables
      tickValues={wholeTicks(most)}
    />
  );
}

/** One thin bar split by state, its legend under it: the compact form for a narrow pane. */
export function StateStackedBar({ title, series, width }: DrawnStateChartProps): ReactNode {
  const colorOf = useColorOf();
  const data = useMemo(() => {
    const total = series.reduce((sum, s) => sum + s.count, 0);
    const chartData: ChartDataPoint[] = series
      .filter((s) => s.count > 0)
      .map((s) => ({ legend: `${s.label} (${s.count.toLocaleString('en-US')})`, horizontalBarChartdata: { x: s.count, total }, color: colorOf(s.color) }));
    return [{ chartTitle: title, chartData }];
  }, [series, title, colorOf]);
  return <HorizontalBarChart data={data} width={width} barHeight={12} hideRatio={[true]} />;
}

export interface DrawnHistogramProps {
  readonly title: string;
  /** Each bar's start (epoch milliseconds; the axis is a time axis, ticked as the time span suits) and its label for the tooltip. */
  readonly bars: readonly { readonly key: string; readonly start: number; readonly label: string; readonly series: readonly ChartSeries[] }[];
  readonly width: number;
  readonly height: number;
  /** A bar (or one of its parts) was clicked: its key. */
  readonly onBarClick?: (key: string) => void;
}

/**
 * Room right of the plot for half the last tick's label: the labels are centred on their ticks,
 * and with the library's default margin the last one ("Dec 3", "12 PM") was cut at the SVG's edge.
 */
const histogramMargins = { left: 40, right: 36, top: 16, bottom: 32 };

/** Bars over time, each stacked by severity. */
export function HistogramBars({ title, bars, width, height, onBarClick }: DrawnHistogramProps): ReactNode {
  const colorOf = useColorOf();
  const onClick = useMemo(() => {
    if (onBarClick === undefined) return undefined;
    const byStart = new Map(bars.map((bar) => [bar.start, bar.key]));
    const byLabel = new Map(bars.map((bar) => [bar.label, bar.key]));
    // The whole stack or one severity's part, as the library gives it: either names its bar.
    return (_event: unknown, clicked: VerticalStackedChartProps | VSChartDataPoint) => {
      const key = 'xAxisPoint' in clicked ? byStart.get(new Date(clicked.xAxisPoint).getTime()) : byLabel.get(clicked.xAxisCalloutData ?? '');
      if (key !== undefined) onBarClick(key);
    };
  }, [bars, onBarClick]);
  const data = useMemo<VerticalStackedChartProps[]>(
    () =>
      bars.map((bar) => ({
        xAxisPoint: new Date(bar.start),
        xAxisCalloutData: bar.label,
        chartData: bar.series.map((s) => ({ legend: s.label, data: s.count, color: colorOf(s.color), xAxisCalloutData: bar.label })),
      })),
    [bars, colorOf],
  );
  return (
    <VerticalStackedBarChart
      chartTitle={title}
      data={data}
      width={width}
      height={height}
      hideLegend
      barGapMax={2}
      isCalloutForStack
      margins={histogramMargins}
      {...(onClick !== undefined ? { onBarClick: onClick } : {})}
    />
  );
}
