import { vi } from 'vitest';

/**
 * Fluent's MessageBar measures itself with ResizeObserver, which jsdom lacks. Tests that show
 * one install this inert stand-in (renderer/test-setup.ts is not ours to change).
 */
export function stubResizeObserver(): void {
  if (typeof globalThis.ResizeObserver === 'function') return;
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    },
  );
}
