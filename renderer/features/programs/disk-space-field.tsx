import { Checkbox, Dropdown, Label, Option, SpinButton, Text, mergeClasses, useId, type SpinButtonOnChangeData } from '@fluentui/react-components';
import { diskSpaceUnits, type ComputerProgramSettings } from '../../../core/api';
import { useProgramPageStyles } from './program-page-styles';

/**
 * The number a SpinButton change carries: `value` when stepped, only `displayValue` when typed.
 * Null for text that is not a whole number, so the draft keeps its last good value.
 */
export function spinNumber(data: SpinButtonOnChangeData): number | null {
  if (typeof data.value === 'number') return data.value;
  const typed = (data.displayValue ?? '').trim();
  return /^\d{1,7}$/.test(typed) ? Number.parseInt(typed, 10) : null;
}

type DiskSpace = Pick<ComputerProgramSettings, 'estimatedDiskSpace' | 'diskSpaceUnit'>;

export interface DiskSpaceFieldProps {
  readonly value: DiskSpace;
  readonly issue: string | undefined;
  readonly onChange: (changes: Partial<DiskSpace>) => void;
  /** Sets the label column, so the label lines up with the page's other labels. */
  readonly labelClassName?: string;
}

/**
 * "Estimated disk space": a size and its unit, or Unknown, on one line under (or beside) the label.
 * No Fluent Field here: a Field gives its id to every control inside it, which would leave the
 * unit and Unknown unnamed, and would stretch the size box to the label's width.
 */
export function DiskSpaceField({ value, issue, onChange, labelClassName }: DiskSpaceFieldProps) {
  const page = useProgramPageStyles();
  const labelId = useId('disk-space-label');
  const inputId = useId('disk-space');
  const unknown = value.estimatedDiskSpace === null;
  return (
    <div role="group" aria-labelledby={labelId} className={mergeClasses(page.valueField, labelClassName && page.valueFieldBeside, labelClassName)}>
      <Label id={labelId} htmlFor={inputId}>
        Estimated disk space
      </Label>
      <div className={page.valueRow}>
        <SpinButton
          id={inputId}
          className={page.number}
          min={0}
          max={999_999}
          disabled={unknown}
          value={value.estimatedDiskSpace}
          displayValue={unknown ? '' : undefined}
          aria-invalid={issue !== undefined}
          onChange={(_, data) => {
            const next = spinNumber(data);
            if (next !== null) onChange({ estimatedDiskSpace: next });
          }}
        />
        <Dropdown
          className={page.unit}
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
      </div>
      {issue !== undefined && (
        <Text size={200} className={page.error} role="alert">
          {issue}
        </Text>
      )}
    </div>
  );
}
