import { Checkbox, Dropdown, Input, Option, Radio, RadioGroup, SpinButton, Text, makeStyles } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { weekdayNames, weekOrderNames, type Schedule } from '../../../core/api';
import { FormDialog } from '../form-dialog';
import { FormRow, SmallControls, spinValue, useFormStyles } from '../form-layout';
import { GroupFrame } from '../property-sheet';
import { NextRunsList, useNextRuns } from './next-runs';
import { formOfSchedule, intervalMax, scheduleOfForm, type IntervalUnit, type MonthlyBasis, type RecurrencePattern, type ScheduleForm } from './schedule-form';

const useStyles = makeStyles({
  date: { width: '136px' },
  time: { width: '104px' },
  choice: { minWidth: '112px', width: '112px' },
  // "weeks on" beside its number, on one line.
  words: { whiteSpace: 'nowrap' },
});

const patternLabels: Readonly<Record<RecurrencePattern, string>> = {
  none: 'None',
  interval: 'Custom interval',
  weekly: 'Weekly',
  monthly: 'Monthly',
};

const unitLabels: Readonly<Record<IntervalUnit, string>> = { days: 'days', hours: 'hours', minutes: 'minutes' };
const intervalUnits = ['days', 'hours', 'minutes'] as const;
/** first … fourth, then last, as the suite's list has them. */
const weekOrders = [1, 2, 3, 4, 0] as const;
const capitalized = (word: string) => `${word.slice(0, 1).toUpperCase()}${word.slice(1)}`;

export interface CustomScheduleDialogProps {
  readonly open: boolean;
  /** The schedule to edit; the dialog's answer keeps its durations. */
  readonly schedule: Schedule;
  /** The recurrences offered: a package update schedule recurs by interval only; mandatory assignments offer all. */
  readonly patterns?: readonly RecurrencePattern[];
  readonly title?: string;
  readonly onOk: (schedule: Schedule) => void;
  readonly onCancel: () => void;
}

/**
 * Custom Schedule (docs/formats.md#schedule-tokens): when a schedule starts, in local time or UTC,
 * and how it recurs; below, the next five run times as the site server computes them
 * (`schedules:next`), updated as the admin types. It takes and returns the contract's schedule
 * object, so any setting that holds a schedule token can use it.
 */
export function CustomScheduleDialog({ open, schedule, patterns = ['none', 'interval', 'weekly', 'monthly'], title = 'Custom Schedule', onOk, onCancel }: CustomScheduleDialogProps) {
  const styles = useStyles();
  const form = useFormStyles();
  const [values, setValues] = useState<ScheduleForm>(() => formOfSchedule(schedule));

  // Each opening starts from the schedule given; while open, the form is the admin's (a caller
  // that builds the schedule object afresh on each render does not reset it).
  useEffect(() => {
    if (open) setValues(formOfSchedule(schedule));
  }, [open]);

  const outcome = useMemo(() => scheduleOfForm(values), [values]);
  const valid = outcome.ok ? outcome.schedule : null;

  const runs = useNextRuns(valid, open);

  const change = (patch: Partial<ScheduleForm>) => setValues((previous) => ({ ...previous, ...patch }));
  const spin = (key: 'intervalEvery' | 'weeks' | 'months' | 'monthDay') => (_: unknown, data: Parameters<typeof spinValue>[0]) => {
    const value = spinValue(data);
    if (value !== null) change({ [key]: value });
  };
  const offered = patterns.includes(values.pattern) ? patterns : [values.pattern, ...patterns];
  const issue = (field: string) => (!outcome.ok && outcome.field === field ? outcome.message : undefined);
  const weekday = (label: string, value: number, onPick: (day: number) => void, disabled = false) => (
    <Dropdown
      className={styles.choice}
      aria-label={label}
      disabled={disabled}
      value={weekdayNames[value - 1] ?? ''}
      selectedOptions={[String(value)]}
      onOptionSelect={(_, data) => data.optionValue !== undefined && onPick(Number(data.optionValue))}
    >
      {weekdayNames.map((name, index) => (
        <Option key={name} value={String(index + 1)}>
          {name}
        </Option>
      ))}
    </Dropdown>
  );

  return (
    <FormDialog
      open={open}
      title={title}
      okDisabled={!outcome.ok}
      problem={outcome.ok ? null : { message: outcome.message, field: outcome.field, fieldLabel: outcome.field === 'start' ? 'Start' : 'Recur every' }}
      onOk={() => valid !== null && onOk(valid)}
      onCancel={onCancel}
    >
      <FormRow
        label="Start"
        field="start"
        issue={issue('start')}
        grow={false}
        after={<Input className={styles.time} type="time" aria-label="Start time" value={values.time} onChange={(_, data) => change({ time: data.value })} />}
      >
        <Input className={styles.date} type="date" value={values.date} onChange={(_, data) => change({ date: data.value })} />
      </FormRow>
      <SmallControls>
        <Checkbox label="Coordinated Universal Time (UTC)" checked={values.utc} onChange={(_, data) => change({ utc: data.checked === true })} />
      </SmallControls>
      <GroupFrame legend="Recurrence pattern">
        <RadioGroup aria-label="Recurrence pattern" value={values.pattern} onChange={(_, data) => change({ pattern: data.value as RecurrencePattern })}>
          {offered.map((pattern) => (
            <Radio key={pattern} value={pattern} label={patternLabels[pattern]} />
          ))}
        </RadioGroup>
        {values.pattern === 'interval' && (
          <FormRow
            label="Recur every"
            field="interval"
            issue={issue('interval')}
            grow={false}
            after={
              <Dropdown
                className={styles.choice}
                aria-label="Interval unit"
                value={unitLabels[values.intervalUnit]}
                selectedOptions={[values.intervalUnit]}
                onOptionSelect={(_, data) => {
                  const unit = intervalUnits.find((candidate) => candidate === data.optionValue);
                  if (unit) change({ intervalUnit: unit, intervalEvery: Math.min(values.intervalEvery, intervalMax[unit]) });
                }}
              >
                {intervalUnits.map((unit) => (
                  <Option key={unit} value={unit}>
                    {unitLabels[unit]}
                  </Option>
                ))}
              </Dropdown>
            }
          >
            <SpinButton size="small" className={form.number} min={1} max={intervalMax[values.intervalUnit]} value={values.intervalEvery} onChange={spin('intervalEvery')} />
          </FormRow>
        )}
        {values.pattern === 'weekly' && (
          <FormRow label="Recur every" field="weeks" issue={issue('weeks')} grow={false} after={
              <>
                <span className={styles.words}>weeks on</span>
                {weekday('Day of the week', values.weekday, (day) => change({ weekday: day }))}
              </>
            }>
            <SpinButton size="small" className={form.number} min={1} max={4} value={values.weeks} onChange={spin('weeks')} />
          </FormRow>
        )}
        {values.pattern === 'monthly' && (
          <>
            <FormRow label="Recur every" field="months" issue={issue('months')} grow={false} after={<span className={styles.words}>months on</span>}>
              <SpinButton size="small" className={form.number} min={1} max={12} value={values.months} onChange={spin('months')} />
            </FormRow>
            <RadioGroup aria-label="Day of the month" value={values.monthlyBasis} onChange={(_, data) => change({ monthlyBasis: data.value as MonthlyBasis })}>
              <div className={form.inline}>
                <Radio value="date" label="Day" />
                <SpinButton
                  size="small"
                  className={form.number}
                  aria-label="Day of the month number"
                  min={1}
                  max={31}
                  disabled={values.monthlyBasis !== 'date'}
                  value={values.monthDay}
                  onChange={spin('monthDay')}
                />
              </div>
              <Radio value="lastDay" label="Last day of month" />
              <div className={form.inline}>
                <Radio value="weekday" label="The" />
                <Dropdown
                  className={styles.choice}
                  aria-label="Week of the month"
                  disabled={values.monthlyBasis !== 'weekday'}
                  value={capitalized(weekOrderNames[values.weekOrder] ?? '')}
                  selectedOptions={[String(values.weekOrder)]}
                  onOptionSelect={(_, data) => data.optionValue !== undefined && change({ weekOrder: Number(data.optionValue) })}
                >
                  {weekOrders.map((order) => (
                    <Option key={order} value={String(order)}>
                      {capitalized(weekOrderNames[order] ?? '')}
                    </Option>
                  ))}
                </Dropdown>
                {weekday('Weekday of the month', values.monthWeekday, (day) => change({ monthWeekday: day }), values.monthlyBasis !== 'weekday')}
              </div>
            </RadioGroup>
            {issue('monthDay') !== undefined && <Text className={form.note}>{issue('monthDay')}</Text>}
          </>
        )}
      </GroupFrame>
      <GroupFrame legend="Next run times">
        {!outcome.ok ? (
          <Text className={form.note}>None until the schedule is complete.</Text>
        ) : (
          <NextRunsList runs={runs} label="Next run times" none="This schedule does not run again." />
        )}
      </GroupFrame>
    </FormDialog>
  );
}
