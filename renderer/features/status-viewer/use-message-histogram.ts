import { useEffect, useState } from 'react';
import { parseIsoTime, type StatusHistogramBucket, type StatusMessageHistogramDto, type StatusMessageHistogramQueryInput } from '../../../core/api';
import { useCourier, useCourierBridge } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { mayConcern } from './use-message-window';
import { queryOf, type ViewerFilter } from './viewer-filter';

/** Hours for a period of up to two days, days for a longer one or one with no start. */
export function bucketFor(filter: ViewerFilter, now: number): StatusHistogramBucket {
  const twoDays = 48 * 3_600_000;
  if (filter.lastHours !== undefined) return filter.lastHours <= 48 ? 'hour' : 'day';
  if (filter.since !== undefined) {
    const since = parseIsoTime(filter.since);
    const before = filter.before === undefined ? null : parseIsoTime(filter.before);
    const end = before !== null && 'ms' in before ? Math.min(before.ms, now) : now;
    return 'ms' in since && end - since.ms <= twoDays ? 'hour' : 'day';
  }
  return 'day';
}

/** The `status:message-histogram` query of the viewer's filter: the same messages the grid lists. */
export function histogramQueryOf(filter: ViewerFilter, now: number): StatusMessageHistogramQueryInput {
  // The list's order and page size are not the chart's: it counts the same messages whatever their order.
  const { order: _order, limit: _limit, sort: _sort, ...which } = queryOf(filter, now, 1);
  return { ...which, bucket: bucketFor(filter, now), utcOffsetMinutes: -new Date(now).getTimezoneOffset() };
}

/** At most one read per this many milliseconds while messages keep coming: a count, not a list, can wait. */
const liveGapMs = 2000;

export type HistogramState = { readonly kind: 'loading' } | { readonly kind: 'ready'; readonly value: StatusMessageHistogramDto } | { readonly kind: 'error'; readonly message: string };

/** The viewer's messages per hour or day, read again as messages the filter may select arrive. */
export function useMessageHistogram(filter: ViewerFilter, generation: number): HistogramState {
  const courier = useCourier();
  const bridge = useCourierBridge();
  const [state, setState] = useState<HistogramState>({ kind: 'loading' });
  useEffect(() => {
    let closed = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastRead = 0;
    let newest = 0;
    const read = () => {
      lastRead = Date.now();
      void settle(() => courier['status:message-histogram'](histogramQueryOf(filter, Date.now()))).then((result) => {
        if (!closed) setState(result.ok ? { kind: 'ready', value: result.value } : { kind: 'error', message: result.error.message });
      });
    };
    setState({ kind: 'loading' });
    read();
    const unsubscribe = bridge.subscribe('status-messages:added', (event) => {
      if (!mayConcern(event, filter, newest)) return;
      newest = event.newestRecordId;
      if (timer !== null) return;
      timer = setTimeout(
        () => {
          timer = null;
          read();
        },
        Math.max(0, lastRead + liveGapMs - Date.now()),
      );
    });
    return () => {
      closed = true;
      if (timer !== null) clearTimeout(timer);
      unsubscribe();
    };
  }, [courier, bridge, filter, generation]);
  return state;
}
