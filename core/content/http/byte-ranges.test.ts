import { describe, expect, it } from 'vitest';
import { rangeOf } from './byte-ranges';

describe('byte ranges', () => {
  it('reads a closed, an open-ended and a suffix range, clamped to the file', () => {
    expect(rangeOf('bytes=0-99', 1000)).toEqual({ kind: 'partial', start: 0, end: 99 });
    expect(rangeOf('bytes=900-', 1000)).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(rangeOf('bytes=-100', 1000)).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(rangeOf('bytes=-5000', 1000)).toEqual({ kind: 'partial', start: 0, end: 999 });
    expect(rangeOf('bytes=990-5000', 1000)).toEqual({ kind: 'partial', start: 990, end: 999 });
    expect(rangeOf('Bytes = 5 - 6', 1000)).toEqual({ kind: 'partial', start: 5, end: 6 });
  });

  it('says 416 only when no byte can be served', () => {
    expect(rangeOf('bytes=1000-', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(rangeOf('bytes=1000-2000', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(rangeOf('bytes=-0', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(rangeOf('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(rangeOf('bytes=-1', 0)).toEqual({ kind: 'unsatisfiable' });
  });

  it('answers the whole file for no range, several ranges, other units and what it cannot read', () => {
    for (const header of [undefined, 'bytes=0-1,5-6', 'items=0-1', 'bytes=5-3', 'bytes=-', 'bytes=a-b', 'bytes=0-1 junk', `bytes=${'9'.repeat(20)}-`]) {
      expect(rangeOf(header, 1000)).toEqual({ kind: 'whole' });
    }
  });
});
