/**
 * Selection rules of a Windows list view, kept pure so they can be tested without a DOM:
 * a plain click selects one row, Ctrl toggles a row, Shift selects the range from the anchor.
 */
export type SelectionGesture = 'replace' | 'toggle' | 'range' | 'range-add';

export function nextSelection(
  current: ReadonlySet<string>,
  orderedKeys: readonly string[],
  anchorKey: string | null,
  key: string,
  gesture: SelectionGesture,
): readonly string[] {
  switch (gesture) {
    case 'replace':
      return [key];
    case 'toggle': {
      if (current.has(key)) return orderedKeys.filter((k) => k !== key && current.has(k));
      return orderedKeys.filter((k) => k === key || current.has(k));
    }
    case 'range':
    case 'range-add': {
      const from = anchorKey === null ? -1 : orderedKeys.indexOf(anchorKey);
      const to = orderedKeys.indexOf(key);
      if (from < 0 || to < 0) return [key];
      const [lo, hi] = from <= to ? [from, to] : [to, from];
      const range = new Set(orderedKeys.slice(lo, hi + 1));
      return orderedKeys.filter((k) => range.has(k) || (gesture === 'range-add' && current.has(k)));
    }
  }
}

export function gestureFor(
  event: { readonly ctrlKey: boolean; readonly metaKey: boolean; readonly shiftKey: boolean },
  multiple: boolean,
): SelectionGesture {
  if (!multiple) return 'replace';
  const ctrl = event.ctrlKey || event.metaKey;
  if (event.shiftKey) return ctrl ? 'range-add' : 'range';
  return ctrl ? 'toggle' : 'replace';
}
