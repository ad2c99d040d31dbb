import { Dropdown, Input, Option, Textarea } from '@fluentui/react-components';
import { afterRunningActions, programRunModes } from '../../../core/api';
import { FormRow, oneLineText, useFormStyles } from '../../components/form-layout';
import { afterRunningLabels, runLabels } from './program-labels';
import type { ProgramPageProps } from './program-page-props';

export function ProgramGeneralPage({ draft, issues, onChange }: ProgramPageProps) {
  const page = useFormStyles();
  return (
    <div className={page.page}>
      <FormRow label="Name" field="name" issue={issues.name} required>
        <Input value={draft.name} onChange={(_, data) => onChange({ name: data.value })} />
      </FormRow>
      <FormRow label="Comment" field="comment" issue={issues.comment}>
        <Textarea {...oneLineText} value={draft.comment} rows={2} resize="none" onChange={(_, data) => onChange({ comment: data.value })} />
      </FormRow>
      <FormRow label="Command line" field="commandLine" issue={issues.commandLine} required>
        <Input value={draft.commandLine} placeholder="setup.exe /c:custom.inf" onChange={(_, data) => onChange({ commandLine: data.value })} />
      </FormRow>
      <FormRow label="Start in" field="startIn" issue={issues.startIn} hint="Optional: by default, the distribution folder.">
        <Input value={draft.startIn} onChange={(_, data) => onChange({ startIn: data.value })} />
      </FormRow>
      <FormRow label="Run" field="run" issue={issues.run}>
        <Dropdown
          className={page.dropdown}
          value={runLabels[draft.run]}
          selectedOptions={[draft.run]}
          onOptionSelect={(_, data) => {
            const run = programRunModes.find((m) => m === data.optionValue);
            if (run) onChange({ run });
          }}
        >
          {programRunModes.map((mode) => (
            <Option key={mode} value={mode}>
              {runLabels[mode]}
            </Option>
          ))}
        </Dropdown>
      </FormRow>
      <FormRow label="After running" field="afterRunning" issue={issues.afterRunning}>
        <Dropdown
          className={page.dropdown}
          value={afterRunningLabels[draft.afterRunning]}
          selectedOptions={[draft.afterRunning]}
          onOptionSelect={(_, data) => {
            const afterRunning = afterRunningActions.find((a) => a === data.optionValue);
            if (afterRunning) onChange({ afterRunning });
          }}
        >
          {afterRunningActions.map((action) => (
            <Option key={action} value={action}>
              {afterRunningLabels[action]}
            </Option>
          ))}
        </Dropdown>
      </FormRow>
    </div>
  );
}
