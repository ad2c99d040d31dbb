import type { LogRecord } from './log-record';

/**
 * Several logs' records in one time order, for a viewer showing them side by side (distmgr.log
 * with smsprov.log, execmgr.log with cas.log). Stable: each log keeps its own order, and records
 * of the same time come in the order the logs were given. A record without a time stays right
 * after the record before it in its own log, so a line that fits no format stays with its entry.
 */
export function mergeByTime<T extends Pick<LogRecord, 'time'>>(...logs: readonly (readonly T[])[]): T[] {
  // Each record's place in time: its own, else the last one before it in its log.
  const keys = logs.map((records) => {
    let last = Number.NEGATIVE_INFINITY;
    return records.map((record) => {
      const at = record.time === null ? Number.NaN : Date.parse(record.time);
      if (!Number.isNaN(at)) last = at;
      return last;
    });
  });
  const next = logs.map(() => 0);
  const merged: T[] = [];
  const total = logs.reduce((sum, records) => sum + records.length, 0);
  while (merged.length < total) {
    let best = -1;
    for (let log = 0; log < logs.length; log++) {
      if (next[log]! >= logs[log]!.length) continue;
      if (best < 0 || keys[log]![next[log]!]! < keys[best]![next[best]!]!) best = log;
    }
    merged.push(logs[best]![next[best]!]!);
    next[best]!++;
  }
  return merged;
}
