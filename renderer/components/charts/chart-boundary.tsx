import { Component, type ReactNode } from 'react';

/**
 * Keeps a chart that fails to draw (a browser without an SVG feature it measures with) from
 * taking its pane down: the counts stay in the chart's table and in the lists beside it.
 */
export class ChartBoundary extends Component<{ readonly children: ReactNode }, { readonly failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}
