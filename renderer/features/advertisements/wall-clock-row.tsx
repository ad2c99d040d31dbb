import { Checkbox, Input, makeStyles } from '@fluentui/react-components';
import { FormRow } from '../../components/form-layout';

const useStyles = makeStyles({
  date: { width: '136px' },
  time: { width: '104px' },
});

export interface WallClockRowProps {
  readonly label: string;
  readonly field: string;
  readonly issue?: string;
  /** `YYYY-MM-DDTHH:MM`, or null before one is set. */
  readonly value: string | null;
  readonly utc: boolean;
  readonly disabled?: boolean;
  readonly onChange: (value: string) => void;
  readonly onUtcChange: (utc: boolean) => void;
}

/** A date, a time and UTC on one row, as the Schedule page sets an advertisement's start and expiry. */
export function WallClockRow({ label, field, issue, value, utc, disabled = false, onChange, onUtcChange }: WallClockRowProps) {
  const styles = useStyles();
  const [date = '', time = ''] = (value ?? '').split('T');
  // A half-cleared field keeps the other half, so the core's message says what is missing.
  const set = (nextDate: string, nextTime: string) => onChange(`${nextDate}T${nextTime}`);
  return (
    <FormRow
      label={label}
      field={field}
      issue={issue}
      grow={false}
      after={
        <>
          <Input className={styles.time} type="time" aria-label={`${label}, time`} disabled={disabled} value={time} onChange={(_, data) => set(date, data.value)} />
          <Checkbox label="UTC" disabled={disabled} checked={utc} onChange={(_, data) => onUtcChange(data.checked === true)} />
        </>
      }
    >
      <Input className={styles.date} type="date" disabled={disabled} value={date} onChange={(_, data) => set(data.value, time)} />
    </FormRow>
  );
}
