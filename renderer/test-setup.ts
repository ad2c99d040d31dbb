import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { checkFakeCouriers } from './client/fake-courier';

// findBy*/waitFor give up after 1 s by default: too short on a 2-core machine running the whole suite.
configure({ asyncUtilTimeout: 5000 });

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  window.localStorage.clear();
  // A call the test's fake site server has no answer for fails the test, even if the UI swallowed it.
  checkFakeCouriers();
});

// jsdom lacks the browser APIs below; these stand-ins are only as real as the tests need.
if (typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      addListener: () => undefined,
      removeListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

// The virtualizer scrolls with element.scrollTo, which jsdom does not implement; the scroll
// event is what tells it the window moved.
if (typeof Element.prototype.scrollTo !== 'function') {
  Element.prototype.scrollTo = function scrollTo(this: Element, options?: ScrollToOptions | number, y?: number): void {
    if (typeof options === 'number') {
      this.scrollLeft = options;
      this.scrollTop = y ?? 0;
    } else {
      if (options?.top !== undefined) this.scrollTop = options.top;
      if (options?.left !== undefined) this.scrollLeft = options.left;
    }
    this.dispatchEvent(new Event('scroll'));
  } as Element['scrollTo'];
}

// The virtualizer renders synchronously on scroll (flushSync), which is what keeps fast scrolling
// free of blank rows; on mount React's development build warns about that one call. Only that
// warning is dropped, so every other console error still shows.
const consoleError = console.error.bind(console);
vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].startsWith('flushSync was called from inside a lifecycle method')) return;
  consoleError(...args);
});

// jsdom does no layout: every offsetParent is null and the body's box is empty, so Tabster (Fluent's
// focus manager) takes every element for invisible. A Dialog then finds nothing to focus, focuses its
// own surface, never becomes the active modal, and Tabster's next hidden-update (250 ms later) marks
// it aria-hidden: a test that queries it after that finds nothing. Report what a browser would for
// a rendered element: its parent as offsetParent (null inside display:none, as in a browser) and a
// window-sized body.
Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
  configurable: true,
  get(this: HTMLElement): Element | null {
    if (!this.isConnected || this === document.body) return null;
    const hidden = (element: HTMLElement | null): boolean =>
      element !== null && (element.hidden || element.style.display === 'none' || hidden(element.parentElement));
    return hidden(this) ? null : this.parentElement;
  },
});
const bodyBox = (): DOMRect => new DOMRect(0, 0, window.innerWidth, window.innerHeight);
Object.defineProperty(HTMLBodyElement.prototype, 'getBoundingClientRect', { configurable: true, value: bodyBox });

// Fluent's MessageBar measures itself with ResizeObserver, which jsdom lacks.
if (typeof globalThis.ResizeObserver !== 'function') {
  globalThis.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  } as unknown as typeof ResizeObserver;
}

// jsdom lays out no SVG text; the charts measure their labels to wrap them. A label's width
// here is 6 px a character, enough for them to lay out without measuring.
const svgText = SVGElement.prototype as SVGElement & { getComputedTextLength?: () => number; getBBox?: () => DOMRect };
if (typeof svgText.getComputedTextLength !== 'function') {
  svgText.getComputedTextLength = function getComputedTextLength(this: SVGElement): number {
    return (this.textContent ?? '').length * 6;
  };
}
if (typeof svgText.getBBox !== 'function') {
  svgText.getBBox = function getBBox(this: SVGElement): DOMRect {
    return new DOMRect(0, 0, (this.textContent ?? '').length * 6, 12);
  };
}
