import { useEffect, useState } from 'react';
import { maxLogPageRecords, type ApiResult, type CourierClient, type LogPageDto, type LogRecordDto } from '../../../core/api';
import { settle } from '../../client/settle';

/** A record and its place in the feed: rows keep their number however many come and go. */
export interface LogRow {
  readonly seq: number;
  readonly record: LogRecordDto;
}

export interface LogFeed {
  readonly rows: readonly LogRow[];
  readonly loading: boolean;
  readonly error: string | null;
  /** Rotations noticed while following, newest last. */
  readonly notices: readonly string[];
  readonly missing: readonly string[];
}

/** The viewer holds this many records; older ones leave as new ones come (CMTrace holds a log whole, a site log is 2 MB). */
export const maxHeldRows = 100_000;
export const followPollMs = 1000;
/** Opened `around` a time, the logs are read from their start, this many pages at most (a site log is one or two). */
const maxStartPages = 50;

const idle: LogFeed = { rows: [], loading: false, error: null, notices: [], missing: [] };

function rotationNotice(name: string): string {
  const older = name.replace(/\.log$/i, '.lo_');
  return older === name
    ? `${name} was replaced; reading on from the new file's start.`
    : `${name} was rotated: its earlier lines are in ${older}, and the viewer reads on from the new ${name}'s start.`;
}

/**
 * The site logs `names`: their last records at once (or, `fromStart`, the logs whole, so a time
 * far back is there to open at), then what is written to them, read from the cursor every
 * `pollMs` (and at once again while a page says more is waiting).
 */
export function useLogFeed(courier: CourierClient, names: readonly string[] | null, pollMs = followPollMs, fromStart = false): LogFeed {
  const [feed, setFeed] = useState<LogFeed>(idle);
  const key = names === null ? null : names.join('\n');
  useEffect(() => {
    if (key === null) {
      setFeed(idle);
      return;
    }
    const logs = key.split('\n');
    let active = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let seq = 0;
    let cursor = '';
    setFeed({ ...idle, loading: true });

    const append = (page: LogPageDto, first: boolean) => {
      setFeed((previous) => {
        const added = page.records.map((record) => ({ seq: seq++, record }));
        const joined = first ? added : added.length > 0 ? [...previous.rows, ...added] : previous.rows;
        const rows = joined.length > maxHeldRows ? joined.slice(joined.length - maxHeldRows) : joined;
        const notices = page.rotated.length > 0 ? [...previous.notices, ...page.rotated.map(rotationNotice)] : previous.notices;
        const sameMissing = page.missing.length === previous.missing.length && page.missing.every((name, i) => name === previous.missing[i]);
        if (!first && added.length === 0 && notices === previous.notices && sameMissing && previous.error === null) return previous;
        return { rows, loading: false, error: null, notices, missing: sameMissing ? previous.missing : page.missing };
      });
    };

    const poll = async () => {
      const result = await settle(() => courier['logs:read']({ names: logs, cursor, limit: maxLogPageRecords }));
      if (!active) return;
      if (result.ok) {
        cursor = result.value.cursor;
        append(result.value, false);
      } else {
        setFeed((previous) => ({ ...previous, error: result.error.message }));
      }
      timer = setTimeout(() => void poll(), result.ok && result.value.more ? 0 : pollMs);
    };

    const fail = (message: string) => setFeed({ ...idle, error: message });

    const readWhole = async (): Promise<'read' | 'failed' | 'too long'> => {
      const records: LogRecordDto[] = [];
      let from: string | undefined;
      for (let pages = 0; pages < maxStartPages; pages++) {
        const result: ApiResult<LogPageDto> = await settle(() => courier['logs:read']({ names: logs, limit: maxLogPageRecords, ...(from !== undefined ? { cursor: from } : {}) }));
        if (!active) return 'failed';
        if (!result.ok) {
          fail(result.error.message);
          return 'failed';
        }
        from = result.value.cursor;
        records.push(...result.value.records);
        if (records.length > maxHeldRows) records.splice(0, records.length - maxHeldRows);
        if (!result.value.more) {
          cursor = result.value.cursor;
          append({ ...result.value, records }, true);
          return 'read';
        }
      }
      return 'too long'; // read its tail instead, as without a time
    };

    void (async () => {
      const whole = fromStart ? await readWhole() : 'too long';
      if (whole === 'failed') return;
      if (whole === 'read') {
        if (active) timer = setTimeout(() => void poll(), pollMs);
        return;
      }
      const result = await settle(() => courier['logs:tail']({ names: logs, limit: maxLogPageRecords }));
      if (!active) return;
      if (!result.ok) {
        fail(result.error.message);
        return;
      }
      cursor = result.value.cursor;
      append(result.value, true);
      timer = setTimeout(() => void poll(), pollMs);
    })();

    return () => {
      active = false;
      clearTimeout(timer);
    };
  }, [courier, key, pollMs, fromStart]);
  return feed;
}
