/**
 * How wide the console tree's content is, so the pane scrolls sideways to its widest label as
 * MMC's tree does. The tree is virtualized (only the rows in view are in the DOM), so the labels
 * are measured as text, not as elements: one canvas measurement per label, cached per font.
 */

/** What a row holds before its label: the indent of its level, the expander and the icon with their gaps. */
export interface TreeRowMetrics {
  readonly indentStart: number;
  readonly indentPerLevel: number;
  readonly beforeLabel: number;
  readonly afterLabel: number;
}

type Measure = (text: string) => number;

const caches = new Map<string, Map<string, number>>();

function canvasMeasure(font: string): Measure | null {
  if (typeof OffscreenCanvas !== 'function') return null;
  const context = new OffscreenCanvas(1, 1).getContext('2d');
  if (context === null) return null;
  context.font = font;
  let cache = caches.get(font);
  if (cache === undefined) {
    cache = new Map();
    caches.set(font, cache);
  }
  const known = cache;
  return (text) => {
    let width = known.get(text);
    if (width === undefined) {
      width = context.measureText(text).width;
      known.set(text, width);
    }
    return width;
  };
}

/** Without a canvas (jsdom): about the average width of a character of Segoe UI at that size. */
function estimate(fontSizePx: number): Measure {
  return (text) => text.length * fontSizePx * 0.55;
}

export function measurerFor(element: Element | null): Measure {
  if (element === null) return estimate(12);
  const style = getComputedStyle(element);
  const font = style.font || `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  return canvasMeasure(font) ?? estimate(Number.parseFloat(style.fontSize) || 12);
}

/** The width of the widest row: its indent, expander, icon, label and end padding. */
export function widestRow(rows: readonly { readonly level: number; readonly label: string }[], metrics: TreeRowMetrics, measure: Measure): number {
  let widest = 0;
  for (const row of rows) {
    const width = metrics.indentStart + (row.level - 1) * metrics.indentPerLevel + metrics.beforeLabel + measure(row.label) + metrics.afterLabel;
    if (width > widest) widest = width;
  }
  return Math.ceil(widest);
}
