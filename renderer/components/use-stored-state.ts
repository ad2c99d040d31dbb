import { useCallback, useEffect, useState } from 'react';

/**
 * State that survives a reload (pane widths, column widths, sort order). Storage can be full
 * or disabled (private windows); then the value simply lives for this session.
 */
export function useStoredState<T>(
  key: string | undefined,
  initial: T,
  isValid: (value: unknown) => value is T,
): readonly [T, (next: T | ((previous: T) => T)) => void] {
  const [value, setValue] = useState<T>(() => readStored(key, initial, isValid));

  useEffect(() => {
    if (key === undefined) return;
    try {
      window.localStorage.setItem(key, JSON.stringify(value));
    } catch {
      // Storage unavailable: the setting is kept in memory only.
    }
  }, [key, value]);

  const update = useCallback((next: T | ((previous: T) => T)) => setValue(next), []);
  return [value, update] as const;
}

function readStored<T>(key: string | undefined, initial: T, isValid: (value: unknown) => value is T): T {
  if (key === undefined) return initial;
  try {
    const raw = window.localStorage.getItem(key);
    if (raw === null) return initial;
    const parsed: unknown = JSON.parse(raw);
    return isValid(parsed) ? parsed : initial;
  } catch {
    return initial;
  }
}
