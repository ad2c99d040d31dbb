import { useEffect, useState } from 'react';
import type { AdvertisementDto, CourierClient } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { formatDateTime } from '../../components/date-time';
import { schedulesOf } from './assigned-schedule-request';

/** The next run of an AssignedSchedule value as the site server computes it, formatted; null when none is left. */
async function nextRun(courier: CourierClient, tokens: string): Promise<string | null> {
  const decoded = await schedulesOf(courier, tokens);
  if (!decoded.ok || decoded.value.length === 0) return null;
  const runs = await settle(() => courier['schedules:next']({ schedules: [...decoded.value], count: 1 }));
  const at = runs.ok ? runs.value.runs[0]?.at : undefined;
  return at === undefined ? null : formatDateTime(at);
}

/**
 * The next scheduled assignment of each advertisement listed, by its AssignedSchedule value: the
 * Mandatory column's "next time". Each distinct value is asked once while the list is shown.
 */
export function useNextAssignedRuns(advertisements: readonly AdvertisementDto[]): Readonly<Record<string, string | null>> {
  const courier = useCourier();
  const [runs, setRuns] = useState<Readonly<Record<string, string | null>>>({});
  const wanted = [...new Set(advertisements.map((a) => a.assignedSchedule).filter((tokens) => tokens !== ''))].sort().join(',');

  useEffect(() => {
    let current = true;
    const missing = wanted === '' ? [] : wanted.split(',').filter((tokens) => !(tokens in runs));
    for (const tokens of missing) {
      void nextRun(courier, tokens).then((at) => {
        if (current) setRuns((held) => ({ ...held, [tokens]: at }));
      });
    }
    return () => {
      current = false;
    };
  }, [courier, wanted]);

  return runs;
}
