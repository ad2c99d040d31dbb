import { Dropdown, Field, Input, Option, Textarea } from '@fluentui/react-components';
import { afterRunningActions, programRunModes } from '../../../core/api';
import { afterRunningLabels, runLabels } from './program-labels';
import type { ProgramPageProps } from './program-page-props';
import { useProgramPageStyles } from './program-page-styles';

export function ProgramGeneralPage({ draft, issues, onChange }: ProgramPageProps) {
  const page = useProgramPageStyles();
  const field = { orientation: 'horizontal', className: page.labelled } as const;
  return (
    <div className={page.page}>
      <Field {...field} label="Name" validationMessage={issues.name}>
        <Input value={draft.name} required onChange={(_, data) => onChange({ name: data.value })} />
      </Field>
      <Field {...field} label="Comment" validationMessage={issues.comment}>
        <Textarea value={draft.comment} rows={2} resize="vertical" onChange={(_, data) => onChange({ comment: data.value })} />
      </Field>
      <Field {...field} label="Command line" validationMessage={issues.commandLine}>
        <Input value={draft.commandLine} required placeholder="setup.exe /c:custom.inf" onChange={(_, data) => onChange({ commandLine: data.value })} />
      </Field>
      <Field
        {...field}
        label="Start in"
        validationMessage={issues.startIn}
        hint="Optional. By default the program starts in the distribution folder on the distribution point."
      >
        <Input value={draft.startIn} onChange={(_, data) => onChange({ startIn: data.value })} />
      </Field>
      <Field {...field} label="Run" validationMessage={issues.run}>
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
      </Field>
      <Field {...field} label="After running" validationMessage={issues.afterRunning}>
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
      </Field>
    </div>
  );
}
