import { Checkbox, Field, Input, Radio, RadioGroup, SpinButton, Text } from '@fluentui/react-components';
import { supportedPlatforms } from '../../../core/api';
import { CheckList } from '../../components/check-list';
import { DiskSpaceField, spinNumber } from './disk-space-field';
import type { ProgramPageProps } from './program-page-props';
import { useProgramPageStyles } from './program-page-styles';

const platformItems = supportedPlatforms.map((p) => ({ id: p.id, label: p.displayText }));

export function ProgramRequirementsPage({ draft, issues, onChange }: ProgramPageProps) {
  const page = useProgramPageStyles();
  const runTimeUnknown = draft.maximumRunTime === null;
  return (
    <div className={page.page}>
      <div className={page.page}>
        <DiskSpaceField
          value={draft}
          issue={issues.estimatedDiskSpace ?? issues.diskSpaceUnit}
          onChange={(changes) => onChange(changes)}
        />
        <div role="group" aria-label="Maximum allowed run time (minutes)" className={page.valueRow}>
          <Field label="Maximum allowed run time (minutes)" validationMessage={issues.maximumRunTime}>
            <SpinButton
              className={page.number}
              min={1}
              max={720}
              disabled={runTimeUnknown}
              value={draft.maximumRunTime}
              displayValue={runTimeUnknown ? '' : undefined}
              onChange={(_, data) => {
                const next = spinNumber(data);
                if (next !== null) onChange({ maximumRunTime: next });
              }}
            />
          </Field>
          <Checkbox
            label="Unknown"
            checked={runTimeUnknown}
            onChange={(_, data) => onChange({ maximumRunTime: data.checked === true ? null : 120 })}
          />
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
