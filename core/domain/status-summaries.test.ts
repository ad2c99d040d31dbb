import { describe, expect, it } from 'vitest';
import { componentStatusOf, defaultComponentThresholds } from './status-summaries';

describe('a component status from its counts', () => {
  const status = (infos: number, warnings: number, errors: number) => componentStatusOf({ infos, warnings, errors }, defaultComponentThresholds);

  it("is OK below every threshold, Warning from one error or ten warnings, Critical from five errors (the suite's defaults)", () => {
    expect(status(0, 0, 0)).toBe('ok');
    expect(status(1999, 9, 0)).toBe('ok');
    expect(status(0, 0, 1)).toBe('warning');
    expect(status(0, 10, 0)).toBe('warning');
    expect(status(2000, 0, 0)).toBe('warning');
    expect(status(0, 49, 4)).toBe('warning');
    expect(status(0, 0, 5)).toBe('critical');
    expect(status(0, 50, 0)).toBe('critical');
    expect(status(5000, 0, 0)).toBe('critical');
  });

  it('follows thresholds of its own', () => {
    const lenient = { ...defaultComponentThresholds, error: { warning: 3, critical: 100 } };
    expect(componentStatusOf({ infos: 0, warnings: 0, errors: 2 }, lenient)).toBe('ok');
    expect(componentStatusOf({ infos: 0, warnings: 0, errors: 99 }, lenient)).toBe('warning');
  });
});
