import { describe, expect, it } from 'vitest';
import { checkThresholds, draftOf } from './thresholds-model';

const defaults = { error: { warning: 1, critical: 5 }, warning: { warning: 10, critical: 50 }, info: { warning: 2000, critical: 5000 } };

describe('checkThresholds', () => {
  it('turns the six boxes into the contract update', () => {
    const checked = checkThresholds({ ...draftOf(defaults), 'error.critical': ' 3 ' });
    expect(checked).toEqual({ ok: true, update: { ...defaults, error: { warning: 1, critical: 3 } } });
  });

  it('refuses what is not a whole number from 1 up, at its field, in the contract words', () => {
    for (const typed of ['0', '', '1.5', '1e3', '-2', 'ten', '0x10']) {
      const checked = checkThresholds({ ...draftOf(defaults), 'warning.warning': typed });
      expect(checked.ok, typed).toBe(false);
      if (!checked.ok) expect(checked.issues['warning.warning'], typed).toMatch(/^A threshold is a whole number of messages from 1 to 1000000000\.$/);
      if (!checked.ok) expect(Object.keys(checked.issues)).toEqual(['warning.warning']);
    }
    const huge = checkThresholds({ ...draftOf(defaults), 'info.critical': '1000000001' });
    expect(huge.ok).toBe(false);
  });

  it('refuses a critical threshold below its warning threshold, naming the critical field', () => {
    const checked = checkThresholds({ ...draftOf(defaults), 'info.warning': '6000' });
    expect(checked).toEqual({ ok: false, issues: { 'info.critical': 'The critical threshold (5000) is below the warning threshold (6000).' } });
    // Equal is allowed: one message more is then Critical at once.
    expect(checkThresholds({ ...draftOf(defaults), 'error.critical': '1' }).ok).toBe(true);
  });
});
