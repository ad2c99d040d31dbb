import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, nameList, progressFraction, progressText } from './package-dp-labels';

const progress = { packageId: 'A0100001', dpName: 'DP01', filesDone: 3, filesTotal: 10, bytesDone: 1258291, bytesTotal: 5242880, bytesPerSecond: 2202009, etaSeconds: 130, finished: false };

describe('distribution labels', () => {
  it('writes a copy in progress as files, bytes, rate and time left', () => {
    expect(progressText(progress)).toBe('3 of 10 files, 1.2 MB of 5 MB, 2.1 MB/s, 2 min left');
    expect(progressText({ ...progress, bytesPerSecond: 0, etaSeconds: null })).toBe('3 of 10 files, 1.2 MB of 5 MB, time left unknown');
  });

  it('measures progress by bytes, by files when there are no bytes, and never past the end', () => {
    expect(progressFraction(progress)).toBeCloseTo(0.24, 2);
    expect(progressFraction({ ...progress, bytesTotal: 0, bytesDone: 0 })).toBeCloseTo(0.3, 5);
    expect(progressFraction({ ...progress, bytesDone: 6_000_000 })).toBe(1);
    expect(progressFraction({ ...progress, filesTotal: 0, bytesTotal: 0, bytesDone: 0 })).toBe(0);
  });

  it('writes sizes, durations and lists as an admin reads them', () => {
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(1023)).toBe('1,023 bytes');
    expect(formatBytes(3 * 1024)).toBe('3 KB');
    expect(formatBytes(1.5 * 1024 ** 3)).toBe('1.5 GB');
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(4800)).toBe('1 h 20 min');
    expect(formatDuration(7200)).toBe('2 h');
    expect(nameList(['DP01'])).toBe('DP01');
    expect(nameList(['DP01', 'DP02', 'DP03'])).toBe('DP01, DP02 and DP03');
  });
});
