import { Checkbox, Input, Radio, RadioGroup, SpinButton } from '@fluentui/react-components';
import { supportedPlatforms } from '../../../core/api';
import { CheckList } from '../../components/check-list';
import { FormRow, MessageLine, fieldAnchor, useFormStyles } from '../../components/form-layout';
import { DiskSpaceField, spinNumber } from './disk-space-field';
import type { ProgramPageProps } from './program-page-props';

const platformItems = supportedPlatforms.map((p) => ({ id: p.id, label: p.displayText }));

export function ProgramRequirementsPage({ draft, issues, onChange }: ProgramPageProps) {
  const page = useFormStyles();
  const runTimeUnknown = draft.maximumRunTime === null;
  return (
    <div className={page.page}>
      <DiskSpaceField
        value={draft}
        issue={issues.estimatedDiskSpace ?? issues.diskSpaceUnit}
        onChange={(changes) => onChange(changes)}
      />
      <FormRow
        label="Maximum allowed run time (minutes)"
        field="maximumRunTime"
        issue={issues.maximumRunTime}
        grow={false}
        after={
          <Checkbox
            label="Unknown"
            checked={runTimeUnknown}
            onChange={(_, data) => onChange({ maximumRunTime: data.checked === true ? null : 120 })}
          />
        }
      >
        <SpinButton
          size="small"
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
      </FormRow>
      <RadioGroup
        aria-label="Platforms"
        value={draft.anyPlatform ? 'any' : 'specified'}
        onChange={(_, data) => onChange({ anyPlatform: data.value === 'any' })}
        {...fieldAnchor('anyPlatform')}
      >
        <Radio value="any" label="This program can run on any platform" />
        <Radio value="specified" label="This program can run only on specified client platforms" />
      </RadioGroup>
      <div className={page.nested} {...fieldAnchor('platforms')}>
        <CheckList
          label="Client platforms"
          items={platformItems}
          checked={draft.platforms}
          disabled={draft.anyPlatform}
          height="120px"
          onChange={(platforms) => onChange({ platforms: [...platforms] })}
        />
        <MessageLine issue={issues.platforms} />
      </div>
      <FormRow label="Additional requirements" field="additionalRequirements" issue={issues.additionalRequirements}>
        <Input value={draft.additionalRequirements} onChange={(_, data) => onChange({ additionalRequirements: data.value })} />
      </FormRow>
    </div>
  );
}
