import { useEffect, useState } from 'react';
import { intervalScheduleOf, type ApiResult, type Schedule } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { defaultUpdateSchedule } from '../packages/update-schedule';

/** Daily from tomorrow's next full hour, local time: the schedule "update on a schedule" starts with. */
export function defaultMembershipSchedule(now: Date): Schedule {
  return intervalScheduleOf(defaultUpdateSchedule(now));
}

/**
 * The schedule objects of tokens, as the site server's codec reads them (`schedules:decode`):
 * the renderer never decodes a token itself. A token without an answer yet is absent.
 */
export function useDecodedSchedules(tokens: readonly string[]): ReadonlyMap<string, Schedule> {
  const courier = useCourier();
  const [decoded, setDecoded] = useState<ReadonlyMap<string, Schedule>>(new Map());
  const wanted = [...new Set(tokens)].filter((token) => !decoded.has(token));
  const key = wanted.join(',');
  useEffect(() => {
    if (wanted.length === 0) return;
    let current = true;
    void settle(() => courier['schedules:decode']({ tokens: wanted.join('') })).then((result) => {
      if (!current || !result.ok) return;
      setDecoded((previous) => new Map([...previous, ...wanted.map((token, index) => [token, result.value.schedules[index]] as const).filter((e): e is [string, Schedule] => e[1] !== undefined)]));
    });
    return () => {
      current = false;
    };
  }, [key]);
  return decoded;
}

/** One schedule's token, from the site server's codec (`schedules:encode`). */
export function useEncodeSchedule(): (schedule: Schedule) => Promise<ApiResult<string>> {
  const courier = useCourier();
  return async (schedule) => {
    const result = await settle(() => courier['schedules:encode']({ schedules: [schedule] }));
    if (!result.ok) return result;
    const token = result.value.tokens[0];
    return token === undefined ? { ok: false, error: { code: 'INTERNAL', message: 'The site server gave no token for the schedule.' } } : { ok: true, value: token };
  };
}
