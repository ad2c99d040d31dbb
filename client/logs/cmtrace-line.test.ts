import { expect, it } from 'vitest';
import { formatCmtraceLine } from './cmtrace-line';

it('writes a CMTrace line with control characters escaped', () => {
  const at = new Date(2026, 0, 2, 3, 4, 5, 6);
  const line = formatCmtraceLine('a\nb\tc ]LOG]!> d', 'execmgr', at, 12, 3);
  const bias = at.getTimezoneOffset();
  expect(line).toBe(`<![LOG[a\\x0ab\\x09c ]LOG] !> d]LOG]!><time="03:04:05.006${bias >= 0 ? '+' : '-'}${Math.abs(bias)}" date="01-02-2026" component="execmgr" context="" type="3" thread="12" file="">`);
});
