import { Button, Checkbox, Input, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { SourceCheckDto } from '../../../core/api';
import { FormRow, MessageLine, fieldAnchor, useFormStyles } from '../../components/form-layout';
import { GroupFrame } from '../../components/property-sheet';
import type { PackagePageProps } from './package-page-props';
import { SetSourceDirectoryDialog } from './set-source-directory-dialog';
import { CustomScheduleDialog } from '../../components/custom-schedule';
import { recurringScheduleOf } from '../../../core/api';
import { defaultUpdateSchedule, describeUpdateSchedule, updateScheduleForDialog } from './update-schedule';

export function DataSourcePage({ draft, issues, onChange }: PackagePageProps) {
  const page = useFormStyles();
  const [settingSource, setSettingSource] = useState(false);
  const [editingSchedule, setEditingSchedule] = useState(false);
  // What the site server found in the folder last time it was set here: reassurance only.
  const [lastCheck, setLastCheck] = useState<SourceCheckDto | null>(null);
  const hasSource = draft.containsSourceFiles;
  const canSchedule = hasSource && draft.sourceOption === 'direct';
  const checked = lastCheck !== null && lastCheck.path === draft.sourceDirectory;

  return (
    <div className={page.page}>
      <Checkbox
        label="This package contains source files"
        checked={hasSource}
        onChange={(_, data) => onChange({ containsSourceFiles: data.checked === true })}
      />
      <GroupFrame legend="Source directory" disabled={!hasSource}>
        <FormRow
          label="Source directory"
          field="sourceDirectory"
          issue={issues.sourceDirectory}
          hint={checked ? `The site server sees ${lastCheck.entryCount} ${lastCheck.entryCount === 1 ? 'entry' : 'entries'} in this folder.` : undefined}
          after={
            <Button size="small" disabled={!hasSource} onClick={() => setSettingSource(true)}>
              Set…
            </Button>
          }
        >
          <Input value={draft.sourceDirectory} readOnly disabled={!hasSource} />
        </FormRow>
        <RadioGroup
          aria-label="Source files"
          disabled={!hasSource}
          value={draft.sourceOption}
          onChange={(_, data) => onChange({ sourceOption: data.value === 'compressed' ? 'compressed' : 'direct' })}
          {...fieldAnchor('sourceOption')}
        >
          <Radio value="direct" label="Always obtain files from source directory" />
          <Radio value="compressed" label="Use a compressed copy of the source directory" />
        </RadioGroup>
        <Checkbox
          label="Update distribution points on a schedule"
          disabled={!canSchedule}
          checked={draft.updateSchedule !== null}
          onChange={(_, data) => onChange({ updateSchedule: data.checked === true ? defaultUpdateSchedule(new Date()) : null })}
        />
        {draft.updateSchedule !== null && (
          <div className={page.nested}>
            {/* The schedule in words beside its button, as the suite shows it; the words, not a field, since only the dialog edits it. */}
            <div className={page.inline} {...fieldAnchor('updateSchedule')}>
              <Text aria-label="Update schedule">{describeUpdateSchedule(draft.updateSchedule)}</Text>
              <Button size="small" disabled={!canSchedule} onClick={() => setEditingSchedule(true)}>
                Schedule…
              </Button>
            </div>
            <MessageLine issue={issues.updateSchedule} reserve={false} />
          </div>
        )}
      </GroupFrame>
      <Checkbox
        label="Persist content in the client cache"
        checked={draft.persistInClientCache}
        onChange={(_, data) => onChange({ persistInClientCache: data.checked === true })}
      />
      <Checkbox
        label="Enable binary differential replication"
        checked={draft.binaryDifferentialReplication}
        onChange={(_, data) => onChange({ binaryDifferentialReplication: data.checked === true })}
      />
      {draft.updateSchedule !== null && (
        <CustomScheduleDialog
          open={editingSchedule}
          // SMS_Package.RefreshSchedule recurs by an interval.
          patterns={['interval']}
          schedule={updateScheduleForDialog(draft.updateSchedule, new Date())}
          onCancel={() => setEditingSchedule(false)}
          onOk={(schedule) => {
            setEditingSchedule(false);
            const updateSchedule = recurringScheduleOf(schedule);
            if (updateSchedule !== null) onChange({ updateSchedule });
          }}
        />
      )}
      <SetSourceDirectoryDialog
        open={settingSource}
        initialPath={draft.sourceDirectory}
        onCancel={() => setSettingSource(false)}
        onSet={(result) => {
          setSettingSource(false);
          setLastCheck(result);
          onChange({ sourceDirectory: result.path });
        }}
      />
    </div>
  );
}
