import { Dropdown, Field, Input, Option, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import { deviceDownloadModes } from '../../../core/api';
import { DiskSpaceField } from './disk-space-field';
import type { DeviceProgramSettingPageId } from './program-fields';
import { downloadWhenLabels } from './program-labels';
import type { DeviceProgramPageProps } from './program-page-props';
import { useProgramPageStyles } from './program-page-styles';

export function DeviceProgramGeneralPage({ draft, issues, onChange }: DeviceProgramPageProps) {
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
      <Field {...field} label="Download folder" validationMessage={issues.downloadFolder}>
        <Input value={draft.downloadFolder} onChange={(_, data) => onChange({ downloadFolder: data.value })} />
      </Field>
      <Field {...field} label="Command line" validationMessage={issues.commandLine}>
        <Input value={draft.commandLine} required onChange={(_, data) => onChange({ commandLine: data.value })} />
      </Field>
      <RadioGroup
        aria-label="Run command line"
        value={draft.runFrom}
        onChange={(_, data) => onChange({ runFrom: data.value === 'folder' ? 'folder' : 'downloadFolder' })}
      >
        <Radio value="downloadFolder" label="Run command line in download folder" />
        <Radio value="folder" label="Run command line from this folder" />
      </RadioGroup>
      <div className={page.nested}>
        <Field validationMessage={issues.runFolder}>
          <Input
            aria-label="Run command line from this folder"
            value={draft.runFolder}
            disabled={draft.runFrom !== 'folder'}
            placeholder="\Program Files\App\"
            onChange={(_, data) => onChange({ runFolder: data.value })}
          />
        </Field>
      </div>
    </div>
  );
}

export function DeviceProgramRequirementsPage({ draft, issues, onChange }: DeviceProgramPageProps) {
  const page = useProgramPageStyles();
  return (
    <div className={page.page}>
      <DiskSpaceField
        value={draft}
        issue={issues.estimatedDiskSpace ?? issues.diskSpaceUnit}
        labelClassName={page.labelled}
        onChange={(changes) => onChange(changes)}
      />
      <Field label="Download program" orientation="horizontal" className={page.labelled} validationMessage={issues.downloadWhen}>
        <Dropdown
          className={page.dropdown}
          value={downloadWhenLabels[draft.downloadWhen]}
          selectedOptions={[draft.downloadWhen]}
          onOptionSelect={(_, data) => {
            const downloadWhen = deviceDownloadModes.find((m) => m === data.optionValue);
            if (downloadWhen) onChange({ downloadWhen });
          }}
        >
          {deviceDownloadModes.map((mode) => (
            <Option key={mode} value={mode}>
              {downloadWhenLabels[mode]}
            </Option>
          ))}
        </Dropdown>
      </Field>
    </div>
  );
}

export function DeviceProgramSettingsPage({ page, ...props }: DeviceProgramPageProps & { readonly page: DeviceProgramSettingPageId }) {
  switch (page) {
    case 'general':
      return <DeviceProgramGeneralPage {...props} />;
    case 'requirements':
      return <DeviceProgramRequirementsPage {...props} />;
  }
}
