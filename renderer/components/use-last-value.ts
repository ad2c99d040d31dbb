import { useState } from 'react';

/**
 * The last non-null value seen. A dialog driven by `thing | null` must stay mounted (with its
 * last content) while Fluent closes it: unmounting an open Dialog skips its cleanup and leaves
 * the rest of the page aria-hidden, unreachable to screen readers and role locators.
 */
export function useLastValue<T>(value: T | null): T | null {
  const [last, setLast] = useState<T | null>(value);
  if (value !== null && value !== last) setLast(value);
  return value ?? last;
}

/** Counts openings, to give each opening a fresh key (and fresh state) without unmounting an open dialog. */
export function useOpenCount(open: boolean): number {
  const [count, setCount] = useState(open ? 1 : 0);
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setCount(count + 1);
  }
  return count;
}
