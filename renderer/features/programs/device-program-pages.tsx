import { Dropdown, Input, Option, Radio, RadioGroup, Textarea, useId } from '@fluentui/react-components';
import { deviceDownloadModes } from '../../../core/api';
import { FormRow, MessageLine, SmallControls, fieldAnchor, oneLineText, useFormStyles } from '../../components/form-layout';
import { DiskSpaceField } from './disk-space-field';
import type { DeviceProgramSettingPageId } from './program-fields';
import { downloadWhenLabels } from './program-labels';
import type { DeviceProgramPageProps } from './program-page-props';

export function DeviceProgramGeneralPage({ draft, issues, onChange }: DeviceProgramPageProps) {
  const page = useFormStyles();
  const runFolderMessage = useId('run-folder-message');
  return (
    <div className={page.page}>
      <FormRow label="Name" field="name" issue={issues.name} required>
        <Input value={draft.name} onChange={(_, data) => onChange({ name: data.value })} />
      </FormRow>
      <FormRow label="Comment" field="comment" issue={issues.comment}>
        <Textarea {...oneLineText} value={draft.comment} rows={2} resize="none" onChange={(_, data) => onChange({ comment: data.value })} />
      </FormRow>
      <FormRow label="Download folder" field="downloadFolder" issue={issues.downloadFolder}>
        <Input value={draft.downloadFolder} onChange={(_, data) => onChange({ downloadFolder: data.value })} />
      </FormRow>
      <FormRow label="Command line" field="commandLine" issue={issues.commandLine} required>
        <Input value={draft.commandLine} onChange={(_, data) => onChange({ commandLine: data.value })} />
      </FormRow>
      <RadioGroup
        aria-label="Run command line"
        value={draft.runFrom}
        onChange={(_, data) => onChange({ runFrom: data.value === 'folder' ? 'folder' : 'downloadFolder' })}
        {...fieldAnchor('runFrom')}
      >
        <Radio value="downloadFolder" label="Run command line in download folder" />
        <Radio value="folder" label="Run command line from this folder" />
      </RadioGroup>
      {/* The option above names the folder's box; its message line is reserved under it. */}
      <div className={page.nested} {...fieldAnchor('runFolder')}>
        <SmallControls>
          <Input
            aria-label="Run command line from this folder"
            aria-describedby={runFolderMessage}
            aria-invalid={issues.runFolder !== undefined}
            value={draft.runFolder}
            disabled={draft.runFrom !== 'folder'}
            placeholder="\Program Files\App\"
            onChange={(_, data) => onChange({ runFolder: data.value })}
          />
        </SmallControls>
        <MessageLine id={runFolderMessage} issue={issues.runFolder} />
      </div>
    </div>
  );
}

export function DeviceProgramRequirementsPage({ draft, issues, onChange }: DeviceProgramPageProps) {
  const page = useFormStyles();
  return (
    <div className={page.page}>
      <DiskSpaceField value={draft} issue={issues.estimatedDiskSpace ?? issues.diskSpaceUnit} onChange={(changes) => onChange(changes)} />
      <FormRow label="Download program" field="downloadWhen" issue={issues.downloadWhen}>
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
      </FormRow>
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
