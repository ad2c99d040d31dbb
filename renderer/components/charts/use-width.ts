import { useEffect, useState, type RefObject } from 'react';

/** The element's width, live, or `fallback` until measured (jsdom has no ResizeObserver). */
export function useWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (element === null || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      // Whole pixels, so a sub-pixel reflow does not redraw the chart.
      const next = Math.floor(element.getBoundingClientRect().width);
      if (next > 0) setWidth(next);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
