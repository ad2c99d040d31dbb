import type { SpinButtonOnChangeData } from '@fluentui/react-components';

/**
 * The number a SpinButton change carries: `value` when stepped, only `displayValue` when typed.
 * Returns null for text that is not a whole number, so the draft keeps its last good value.
 */
export function spinValue(data: SpinButtonOnChangeData): number | null {
  if (typeof data.value === 'number') return data.value;
  const typed = (data.displayValue ?? '').trim();
  return /^-?\d+$/.test(typed) ? Number.parseInt(typed, 10) : null;
}
