import { Checkbox, Dropdown, Input, Option, SpinButton, makeStyles } from '@fluentui/react-components';
import { recurringScheduleSchema, type RecurringSchedule, type ScheduleUnit } from '../../../core/api';
import { FormRow, SmallControls, useFormStyles } from '../../components/form-layout';
import {
  scheduleDate,
  scheduleTime,
  scheduleUnitLabels,
  scheduleUnitMax,
  scheduleUnits,
  withStart,
  withUnit,
} from './update-schedule';

const useStyles = makeStyles({
  date: { width: '136px' },
  time: { width: '104px' },
  unit: { minWidth: '104px', width: '104px' },
});

export interface UpdateScheduleEditorProps {
  readonly schedule: RecurringSchedule;
  readonly disabled: boolean;
  /** The draft's problem with the schedule, shown at the part it concerns. */
  readonly issue: string | undefined;
  readonly onChange: (schedule: RecurringSchedule) => void;
}

/** Which part of the schedule the core's schema finds wrong: its start, or its interval. */
function partAtFault(schedule: RecurringSchedule): 'start' | 'every' {
  const parsed = recurringScheduleSchema.safeParse(schedule);
  return !parsed.success && parsed.error.issues[0]?.path[0] === 'start' ? 'start' : 'every';
}

/** Start date and time plus "recur every N minutes/hours/days" (core/api/schedule.ts). */
export function UpdateScheduleEditor({ schedule, disabled, issue, onChange }: UpdateScheduleEditorProps) {
  const styles = useStyles();
  const form = useFormStyles();
  const max = scheduleUnitMax[schedule.unit];
  const part = issue === undefined ? null : partAtFault(schedule);
  return (
    <>
      <FormRow
        label="Start"
        field="updateSchedule"
        issue={part === 'start' ? issue : undefined}
        grow={false}
        after={
          <Input
            className={styles.time}
            type="time"
            aria-label="Start time"
            disabled={disabled}
            value={scheduleTime(schedule)}
            onChange={(_, data) => onChange(withStart(schedule, scheduleDate(schedule), data.value))}
          />
        }
      >
        <Input
          className={styles.date}
          type="date"
          disabled={disabled}
          value={scheduleDate(schedule)}
          onChange={(_, data) => onChange(withStart(schedule, data.value, scheduleTime(schedule)))}
        />
      </FormRow>
      <FormRow
        label="Recur every"
        issue={part === 'every' ? issue : undefined}
        grow={false}
        after={
          <Dropdown
            className={styles.unit}
            aria-label="Unit"
            disabled={disabled}
            value={scheduleUnitLabels[schedule.unit]}
            selectedOptions={[schedule.unit]}
            onOptionSelect={(_, data) => {
              const unit = scheduleUnits.find((candidate) => candidate === data.optionValue);
              if (unit) onChange(withUnit(schedule, unit satisfies ScheduleUnit));
            }}
          >
            {scheduleUnits.map((unit) => (
              <Option key={unit} value={unit}>
                {scheduleUnitLabels[unit]}
              </Option>
            ))}
          </Dropdown>
        }
      >
        <SpinButton
          size="small"
          className={form.number}
          min={1}
          max={max}
          disabled={disabled}
          value={schedule.every}
          onChange={(_, data) => {
            const every = data.value ?? Number.parseInt(data.displayValue ?? '', 10);
            if (Number.isInteger(every)) onChange({ ...schedule, every });
          }}
        />
      </FormRow>
      <SmallControls>
        <Checkbox
          label="Coordinated Universal Time (UTC)"
          disabled={disabled}
          checked={schedule.utc}
          onChange={(_, data) => onChange({ ...schedule, utc: data.checked === true })}
        />
      </SmallControls>
    </>
  );
}
