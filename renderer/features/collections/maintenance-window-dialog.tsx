import { Button, Checkbox, Input, SpinButton, Text, makeStyles } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { describeSchedule, type MaintenanceWindowDto, type Schedule } from '../../../core/api';
import { CustomScheduleDialog, NextRunsList, useNextRuns } from '../../components/custom-schedule';
import { FormDialog } from '../../components/form-dialog';
import { FormRow, fieldAnchor, oneLineText, spinValue, useFormStyles } from '../../components/form-layout';
import { GroupFrame } from '../../components/property-sheet';
import { useEncodeSchedule } from './schedule-tokens';

const useStyles = makeStyles({
  words: { whiteSpace: 'nowrap' },
});

/** A window lasts 1 minute to a day (docs/collections.md). */
export const maxWindowMinutes = 1440;

/**
 * The token's durations for a window of `minutes`: hours 0–23 and minutes 0–59 fit its bit
 * fields, and a whole day is one day (docs/formats.md#schedule-tokens).
 */
export function durationFields(minutes: number): Pick<Schedule, 'dayDuration' | 'hourDuration' | 'minuteDuration'> {
  if (minutes >= maxWindowMinutes) return { dayDuration: 1, hourDuration: 0, minuteDuration: 0 };
  return { dayDuration: 0, hourDuration: Math.floor(minutes / 60), minuteDuration: minutes % 60 };
}

/** Why a window cannot be saved, or null. */
export function windowProblem(name: string, minutes: number, takenNames: readonly string[]): { readonly message: string; readonly field: string; readonly fieldLabel: string } | null {
  if (name.trim() === '') return { message: 'A maintenance window needs a name.', field: 'name', fieldLabel: 'Name' };
  if (takenNames.some((taken) => taken.toLowerCase() === name.trim().toLowerCase())) return { message: `The collection already has a maintenance window named ${name.trim()}.`, field: 'name', fieldLabel: 'Name' };
  if (minutes < 1) return { message: 'A maintenance window lasts at least 1 minute.', field: 'duration', fieldLabel: 'Duration' };
  if (minutes > maxWindowMinutes) return { message: 'A maintenance window lasts at most 24 hours.', field: 'duration', fieldLabel: 'Duration' };
  return null;
}

/** Tomorrow 02:00 local, every day, for two hours: a window nobody has to fix before saving. */
export function defaultWindowSchedule(now: Date): Schedule {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 2, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    type: 'interval',
    start: `${start.getFullYear()}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}T02:00`,
    isGmt: false,
    daySpan: 1,
    hourSpan: 0,
    minuteSpan: 0,
    ...durationFields(120),
  };
}

export interface MaintenanceWindowDialogProps {
  /** The window to edit with its schedule decoded; null for a new one. */
  readonly window: { readonly dto: MaintenanceWindowDto; readonly schedule: Schedule } | null;
  /** The other windows' names: each window needs its own. */
  readonly takenNames: readonly string[];
  readonly onOk: (window: MaintenanceWindowDto) => void;
  readonly onCancel: () => void;
}

/**
 * One maintenance window: its name, when it starts and recurs (the Custom Schedule dialog), how
 * long it lasts, whether the schedule is UTC, and its next occurrences as the site server
 * computes them.
 */
export function MaintenanceWindowDialog({ window, takenNames, onOk, onCancel }: MaintenanceWindowDialogProps): ReactNode {
  const form = useFormStyles();
  const styles = useStyles();
  const encode = useEncodeSchedule();
  const [name, setName] = useState(window?.dto.name ?? '');
  const [schedule, setSchedule] = useState<Schedule>(() => window?.schedule ?? defaultWindowSchedule(new Date()));
  const [minutes, setMinutes] = useState(window?.dto.durationMinutes ?? 120);
  const [enabled, setEnabled] = useState(window?.dto.enabled ?? true);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const timed: Schedule = { ...schedule, ...durationFields(minutes) };

  const runs = useNextRuns(timed);

  async function save(): Promise<void> {
    setBusy(true);
    const token = await encode(timed);
    setBusy(false);
    if (!token.ok) return setError(token.error.message);
    onOk({ name: name.trim(), schedule: token.value, durationMinutes: minutes, enabled });
  }

  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const problem = windowProblem(name, minutes, takenNames);
  return (
    <FormDialog
      open
      title={window === null ? 'New Maintenance Window' : `${window.dto.name} Properties`}
      busy={busy ? 'Writing the schedule…' : null}
      okDisabled={problem !== null}
      problem={problem}
      onOk={() => void save()}
      onCancel={onCancel}
      nested={
        <CustomScheduleDialog
          open={editing}
          title="Maintenance Window Schedule"
          schedule={timed}
          onCancel={() => setEditing(false)}
          onOk={(next) => {
            setEditing(false);
            setSchedule(next);
          }}
        />
      }
    >
      <FormRow label="Name" field="name">
        <Input {...oneLineText} value={name} onChange={(_, data) => setName(data.value)} />
      </FormRow>
      <FormRow label="Schedule" field="schedule" messageLine={false} after={<Button size="small" onClick={() => setEditing(true)}>Schedule…</Button>}>
        <Text aria-label="Window schedule">{describeSchedule({ ...schedule, dayDuration: 0, hourDuration: 0, minuteDuration: 0 })}</Text>
      </FormRow>
      <FormRow
        label="Duration"
        field="duration"
        grow={false}
        after={
          <>
            <span className={styles.words}>hours</span>
            <SpinButton
              size="small"
              className={form.number}
              aria-label="Duration minutes"
              min={0}
              max={59}
              value={rest}
              onChange={(_, data) => {
                const value = spinValue(data);
                if (value !== null) setMinutes(hours * 60 + Math.min(59, Math.max(0, value)));
              }}
            />
            <span className={styles.words}>minutes</span>
          </>
        }
      >
        <SpinButton
          size="small"
          className={form.number}
          aria-label="Duration hours"
          min={0}
          max={24}
          value={hours}
          onChange={(_, data) => {
            const value = spinValue(data);
            if (value !== null) setMinutes(Math.min(24, Math.max(0, value)) * 60 + (value >= 24 ? 0 : rest));
          }}
        />
      </FormRow>
      <Checkbox label="This schedule is UTC" checked={schedule.isGmt} onChange={(_, data) => setSchedule({ ...schedule, isGmt: data.checked === true })} {...fieldAnchor('utc')} />
      <Checkbox label="Enable this maintenance window" checked={enabled} onChange={(_, data) => setEnabled(data.checked === true)} />
      <GroupFrame legend="Next occurrences">
        <NextRunsList runs={runs} label="Next occurrences" none="This window does not open again." minutes={minutes} />
      </GroupFrame>
      {error !== null && <Text role="alert">{error}</Text>}
    </FormDialog>
  );
}
