import { Checkbox, Dropdown, Field, Input, Option, SpinButton, makeStyles, tokens } from '@fluentui/react-components';
import type { RecurringSchedule, ScheduleUnit } from '../../../core/api';
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
  editor: {
    display: 'grid',
    // Two by two, so the editor fits the Source directory frame of a 720-pixel wizard.
    gridTemplateColumns: 'auto auto',
    justifyContent: 'start',
    alignItems: 'end',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  date: { width: '160px' },
  time: { width: '130px' },
  every: { width: '160px' },
  unit: { minWidth: '130px', width: '130px' },
  wide: { gridColumn: '1 / -1' },
});

export interface UpdateScheduleEditorProps {
  readonly schedule: RecurringSchedule;
  readonly disabled: boolean;
  readonly issue: string | undefined;
  readonly onChange: (schedule: RecurringSchedule) => void;
}

/** Start date and time plus "recur every N minutes/hours/days" (core/api/schedule.ts). */
export function UpdateScheduleEditor({ schedule, disabled, issue, onChange }: UpdateScheduleEditorProps) {
  const styles = useStyles();
  const max = scheduleUnitMax[schedule.unit];
  return (
    // The outer Field only carries the schedule's problem (which may concern any of its parts).
    <Field validationMessage={issue} validationState={issue === undefined ? 'none' : 'error'}>
      <div className={styles.editor}>
        <Field label="Start date" size="small">
          <Input
            className={styles.date}
            type="date"
            size="small"
            disabled={disabled}
            value={scheduleDate(schedule)}
            onChange={(_, data) => onChange(withStart(schedule, data.value, scheduleTime(schedule)))}
          />
        </Field>
        <Field label="Start time" size="small">
          <Input
            className={styles.time}
            type="time"
            size="small"
            disabled={disabled}
            value={scheduleTime(schedule)}
            onChange={(_, data) => onChange(withStart(schedule, scheduleDate(schedule), data.value))}
          />
        </Field>
        <Field label="Recur every" size="small">
          <SpinButton
            className={styles.every}
            size="small"
            min={1}
            max={max}
            disabled={disabled}
            value={schedule.every}
            onChange={(_, data) => {
              const every = data.value ?? Number.parseInt(data.displayValue ?? '', 10);
              if (Number.isInteger(every)) onChange({ ...schedule, every });
            }}
          />
        </Field>
        <Field label="Unit" size="small">
          <Dropdown
            className={styles.unit}
            size="small"
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
        </Field>
        <Checkbox
          className={styles.wide}
          label="Coordinated Universal Time (UTC)"
          disabled={disabled}
          checked={schedule.utc}
          onChange={(_, data) => onChange({ ...schedule, utc: data.checked === true })}
        />
      </div>
    </Field>
  );
}
