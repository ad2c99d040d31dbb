import { Text, makeStyles } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import type { Schedule } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { formatDateTime } from '../date-time';
import { useFormStyles } from '../form-layout';

const useStyles = makeStyles({
  runs: { margin: 0, paddingLeft: '20px', minHeight: '100px' },
});

export type NextRuns = { readonly state: 'waiting' } | { readonly state: 'shown'; readonly times: readonly string[] } | { readonly state: 'failed'; readonly message: string };

/** The next five run times of a schedule as the site server computes them (`schedules:next`); asked again whenever it changes. */
export function useNextRuns(schedule: Schedule | null, active = true): NextRuns {
  const courier = useCourier();
  const [runs, setRuns] = useState<NextRuns>({ state: 'waiting' });
  const request = schedule === null ? null : JSON.stringify(schedule);
  useEffect(() => {
    if (!active || request === null) return;
    let current = true;
    setRuns({ state: 'waiting' });
    void courier['schedules:next']({ schedules: [JSON.parse(request) as Schedule], count: 5 })
      .then((result) => {
        if (!current) return;
        setRuns(result.ok ? { state: 'shown', times: result.value.runs.map((run) => run.at) } : { state: 'failed', message: result.error.message });
      })
      .catch(() => current && setRuns({ state: 'failed', message: 'The site server cannot be reached.' }));
    return () => {
      current = false;
    };
  }, [active, request]);
  return runs;
}

/** The run times in the viewer's local time; with `minutes`, each with the time it ends. */
export function NextRunsList({ runs, label, none, minutes }: { readonly runs: NextRuns; readonly label: string; readonly none: string; readonly minutes?: number }): ReactNode {
  const styles = useStyles();
  const form = useFormStyles();
  if (runs.state === 'waiting') return <Text className={form.note}>Asking the site server…</Text>;
  if (runs.state === 'failed') return <Text className={form.note}>{runs.message}</Text>;
  if (runs.times.length === 0) return <Text className={form.note}>{none}</Text>;
  return (
    <ol className={styles.runs} aria-label={label}>
      {runs.times.map((at) => (
        <li key={at}>
          {formatDateTime(at)}
          {minutes === undefined ? '' : ` – ${formatDateTime(new Date(Date.parse(at) + minutes * 60_000).toISOString())}`}
        </li>
      ))}
    </ol>
  );
}
