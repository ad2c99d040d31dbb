import { Checkbox, Field, Input, Label, Radio, RadioGroup, SpinButton, Text, useId } from '@fluentui/react-components';
import { supportedPlatforms } from '../../../core/api';
import { CheckList } from '../../components/check-list';
import { DiskSpaceField, spinNumber } from './disk-space-field';
import type { ProgramPageProps } from './program-page-props';
import { useProgramPageStyles } from './program-page-styles';

const platformItems = supportedPlatforms.map((p) => ({ id: p.id, label: p.displayText }));

export function ProgramRequirementsPage({ draft, issues, onChange }: ProgramPageProps) {
  const page = useProgramPageStyles();
  const runTimeUnknown = draft.maximumRunTime === null;
  const runTimeLabel = useId('run-time-label');
  const runTimeInput = useId('run-time');
  return (
    <div className={page.page}>
      <div className={page.page}>
        <DiskSpaceField
          value={draft}
          issue={issues.estimatedDiskSpace ?? issues.diskSpaceUnit}
          onChange={(changes) => onChange(changes)}
        />
        <div role="group" aria-labelledby={runTimeLabel} className={page.valueField}>
          <Label id={runTimeLabel} htmlFor={runTimeInput}>
            Maximum allowed run time (minutes)
          </Label>
          <div className={page.valueRow}>
            <SpinButton
              id={runTimeInput}
              className={page.number}
              min={1}
              max={720}
              disabled={runTimeUnknown}
              value={draft.maximumRunTime}
              displayValue={runTimeUnknown ? '' : undefined}
              aria-invalid={issues.maximumRunTime !== undefined}
              onChange={(_, data) => {
                const next = spinNumber(data);
                if (next !== null) onChange({ maximumRunTime: next });
              }}
            />
            <Checkbox
              label="Unknown"
              checked={runTimeUnknown}
              onChange={(_, data) => onChange({ maximumRunTime: data.checked === true ? null : 120 })}
            />
          </div>
          {issues.maximumRunTime !== undefined && (
            <Text size={200} className={page.error} role="alert">
              {issues.maximumRunTime}
            </Text>
          )}
        </div>
      </div>
      <RadioGroup
        aria-label="Platforms"
        value={draft.anyPlatform ? 'any' : 'specified'}
        onChange={(_, data) => onChange({ anyPlatform: data.value === 'any' })}
      >
        <Radio value="any" label="This program can run on any platform" />
        <Radio value="specified" label="This program can run only on specified client platforms" />
      </RadioGroup>
      <div className={page.nested}>
        <CheckList
          label="Client platforms"
          items={platformItems}
          checked={draft.platforms}
          disabled={draft.anyPlatform}
          height="140px"
          onChange={(platforms) => onChange({ platforms: [...platforms] })}
        />
        {issues.platforms !== undefined && (
          <Text size={200} className={page.error} role="alert">
            {issues.platforms}
          </Text>
        )}
      </div>
      <Field label="Additional requirements" validationMessage={issues.additionalRequirements}>
        <Input value={draft.additionalRequirements} onChange={(_, data) => onChange({ additionalRequirements: data.value })} />
      </Field>
    </div>
  );
}
