/** One state (or severity) of a chart: its words, its count and its palette colour. */
export interface ChartSeries {
  readonly key: string;
  readonly label: string;
  readonly count: number;
  /** A DataVizPalette token of the chart library, resolved for the light or dark theme when drawn. */
  readonly color: ChartColor;
}

/**
 * The chart library's palette tokens, spelled out here so that a module naming a colour does
 * not load the library: the charts themselves are loaded only when one is first drawn.
 */
export const chartPalette = {
  info: 'semantic.info',
  disabled: 'semantic.disabled',
  highError: 'semantic.highError',
  error: 'semantic.error',
  warning: 'semantic.warning',
  success: 'semantic.success',
  highSuccess: 'semantic.highSuccess',
  blue: 'qualitative.1',
  teal: 'qualitative.3',
  purple: 'qualitative.9',
} as const;
export type ChartColor = (typeof chartPalette)[keyof typeof chartPalette];

export function seriesTotal(series: readonly ChartSeries[]): number {
  return series.reduce((sum, s) => sum + s.count, 0);
}
