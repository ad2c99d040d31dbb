import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { chartPalette, type ChartSeries } from './chart-series';
import { StateChart } from './state-chart';

const series: readonly ChartSeries[] = [
  { key: 'installed', label: 'Installed', count: 3, color: chartPalette.success },
  { key: 'installPending', label: 'Install Pending', count: 1, color: chartPalette.info },
  { key: 'installFailed', label: 'Install Failed', count: 0, color: chartPalette.error },
];

function renderChart(kind: 'donut' | 'bars' | 'stacked', counts: readonly ChartSeries[], dark = false) {
  return render(
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <StateChart title="Distribution points by state" series={counts} kind={kind} height={160} emptyMessage="No distribution point has this package." />
    </FluentProvider>,
  );
}

/** The hidden table's rows as "label=count". */
function tableCounts(): string[] {
  const chart = screen.getByRole('region', { name: 'Distribution points by state' });
  const table = within(chart).getByRole('table', { name: /Distribution points by state: \d+ in all/ });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => `${within(row).getByRole('rowheader').textContent}=${within(row).getByRole('cell').textContent}`);
}

// jsdom has no layout, and the axis charts size themselves to their box: a box of 400 by 200.
const measure = HTMLElement.prototype.getBoundingClientRect;
beforeAll(() => {
  HTMLElement.prototype.getBoundingClientRect = () => new DOMRect(0, 0, 400, 200);
});
afterAll(() => {
  HTMLElement.prototype.getBoundingClientRect = measure;
});
afterEach(() => vi.unstubAllGlobals());

describe('a chart of counts by state', () => {
  it('draws a donut with the total inside and a legend of every state with a count, and tells every count as text', async () => {
    const { container } = renderChart('donut', series);
    expect(tableCounts()).toEqual(['Installed=3', 'Install Pending=1', 'Install Failed=0']);
    expect(screen.getByRole('table').querySelector('caption')?.textContent).toBe('Distribution points by state: 4 in all');
    // The drawn chart arrives once its module is loaded.
    expect(await screen.findByText('Installed (3)')).toBeTruthy();
    expect(screen.getByText('Install Pending (1)')).toBeTruthy();
    expect(screen.queryByText(/Install Failed \(/)).toBeNull();
    // Installed in the palette's light success green, Install Pending in its info blue.
    const fills = [...container.querySelectorAll('path')].map((path) => path.style.fill).filter((fill) => fill !== '');
    expect(fills.sort()).toEqual(['rgb(1, 92, 218)', 'rgb(16, 124, 16)']);
  });

  it('draws a bar per state, zeros included', async () => {
    const { container } = renderChart('bars', series);
    expect(tableCounts()).toEqual(['Installed=3', 'Install Pending=1', 'Install Failed=0']);
    await vi.waitFor(() => expect(container.querySelectorAll('rect[fill="#107c10"], rect[fill="#015cda"]').length).toBe(2));
  });

  it('draws one bar split by state in its compact form, with the legend of the states that have a count', async () => {
    const { container } = renderChart('stacked', series);
    expect(tableCounts()).toEqual(['Installed=3', 'Install Pending=1', 'Install Failed=0']);
    expect(await screen.findByText('Installed (3)')).toBeTruthy();
    expect(screen.getByText('Install Pending (1)')).toBeTruthy();
    await vi.waitFor(() => expect(container.querySelectorAll('rect[fill="#107c10"], rect[fill="#015cda"]').length).toBe(2));
  });

  it('says so instead of drawing an empty chart when every count is zero', () => {
    renderChart('donut', series.map((s) => ({ ...s, count: 0 })));
    const chart = screen.getByRole('region', { name: 'Distribution points by state' });
    expect(within(chart).getByText('No distribution point has this package.')).toBeTruthy();
    expect(within(chart).queryByRole('table')).toBeNull();
    expect(chart.querySelector('svg')).toBeNull();
  });

  it('uses the dark shades of the palette in the dark theme', async () => {
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query === '(prefers-color-scheme: dark)', media: query, addEventListener: () => undefined, removeEventListener: () => undefined }));
    const { container } = renderChart('bars', series, true);
    // Success is #54b054 in the dark palette, #107c10 in the light one.
    await vi.waitFor(() => expect(container.querySelectorAll('rect[fill="#54b054"]').length).toBe(1));
    expect(container.querySelectorAll('rect[fill="#107c10"]').length).toBe(0);
  });
});
