/**
 * The columns to show in `available` pixels: every one when they fit, else without those that
 * have a hidePriority, highest first, until the rest fit (or none is left to leave out). Returns
 * the indexes of the columns shown, in their order.
 */
export function columnsThatFit<C extends { readonly hidePriority?: number }>(columns: readonly C[], widths: readonly number[], available: number | null): number[] {
  const shown = columns.map((_, index) => index);
  if (available === null) return shown;
  let total = widths.reduce((a, b) => a + b, 0);
  while (total > available) {
    let drop = -1;
    for (const index of shown) {
      const priority = columns[index]?.hidePriority;
      if (priority !== undefined && (drop < 0 || priority > (columns[drop]?.hidePriority ?? -Infinity))) drop = index;
    }
    if (drop < 0) break;
    shown.splice(shown.indexOf(drop), 1);
    total -= widths[drop] ?? 0;
  }
  return shown;
}
