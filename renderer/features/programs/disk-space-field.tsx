import { Checkbox, Dropdown, Option, SpinButton, makeStyles, type SpinButtonOnChangeData } from '@fluentui/react-components';
import { diskSpaceUnits, type ComputerProgramSettings } from '../../../core/api';
import { FormRow, useFormStyles } from '../../components/form-layout';

/**
 * The number a SpinButton change carries: `value` when stepped, only `displayValue` when typed.
 * Null for text that is not a whole number, so the draft keeps its last good value.
 */
export function spinNumber(data: SpinButtonOnChangeData): number | null {
  if (typeof data.value === 'number') return data.value;
  const typed = (data.displayValue ?? '').trim();
  return /^\d{1,7}$/.test(typed) ? Number.parseInt(typed, 10) : null;
}

const useStyles = makeStyles({
  unit: { minWidth: '72px', width: '72px' },
});

type DiskSpace = Pick<ComputerProgramSettings, 'estimatedDiskSpace' | 'diskSpaceUnit'>;

export interface DiskSpaceFieldProps {
  readonly value: DiskSpace;
  readonly issue: string | undefined;
  readonly onChange: (changes: Partial<DiskSpace>) => void;
}

/**
 * "Estimated disk space": a size and its unit, or Unknown, on one line beside the label. The
 * row names the size box; the unit and Unknown carry their own names.
 */
export function DiskSpaceField({ value, issue, onChange }: DiskSpaceFieldProps) {
  const page = useFormStyles();
  const styles = useStyles();
  const unknown = value.estimatedDiskSpace === null;
  return (
    <FormRow
      label="Estimated disk space"
      field="estimatedDiskSpace"
      issue={issue}
      grow={false}
      after={
        <>
          <Dropdown
            className={styles.unit}
            aria-label="Unit"
            disabled={unknown}
            value={value.diskSpaceUnit}
            selectedOptions={[value.diskSpaceUnit]}
            onOptionSelect={(_, data) => {
              const unit = diskSpaceUnits.find((u) => u === data.optionValue);
              if (unit) onChange({ diskSpaceUnit: unit });
            }}
          >
            {diskSpaceUnits.map((unit) => (
              <Option key={unit} value={unit}>
                {unit}
              </Option>
            ))}
          </Dropdown>
          <Checkbox
            label="Unknown"
            checked={unknown}
            onChange={(_, data) => onChange({ estimatedDiskSpace: data.checked === true ? null : 1 })}
          />
        </>
      }
    >
      <SpinButton
        size="small"
        className={page.number}
        min={0}
        max={999_999}
        disabled={unknown}
        value={value.estimatedDiskSpace}
        displayValue={unknown ? '' : undefined}
        onChange={(_, data) => {
          const next = spinNumber(data);
          if (next !== null) onChange({ estimatedDiskSpace: next });
        }}
      />
    </FormRow>
  );
}
