import { Button, Checkbox, Field, Input, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { SourceCheckDto } from '../../../core/api';
import { GroupFrame } from '../../components/property-sheet';
import type { PackagePageProps } from './package-page-props';
import { usePackagePageStyles } from './package-page-styles';
import { SetSourceDirectoryDialog } from './set-source-directory-dialog';
import { defaultUpdateSchedule } from './update-schedule';
import { UpdateScheduleEditor } from './update-schedule-editor';

const useStyles = makeStyles({
  set: { minWidth: '80px', flexShrink: 0 },
  checked: { color: tokens.colorNeutralForeground3 },
});

export function DataSourcePage({ draft, issues, onChange }: PackagePageProps) {
  const styles = useStyles();
  const page = usePackagePageStyles();
  const [settingSource, setSettingSource] = useState(false);
  // What the site server found in the folder last time it was set here: reassurance only.
  const [lastCheck, setLastCheck] = useState<SourceCheckDto | null>(null);
  const hasSource = draft.containsSourceFiles;
  const canSchedule = hasSource && draft.sourceOption === 'direct';

  return (
    <div className={page.page}>
      <Checkbox
        label="This package contains source files"
        checked={hasSource}
        onChange={(_, data) => onChange({ containsSourceFiles: data.checked === true })}
      />
      <GroupFrame legend="Source directory" disabled={!hasSource}>
        <div className={page.inline}>
          {/* The frame's legend already says "Source directory"; the input carries the same name. */}
          <Field
            className={page.grow}
            validationMessage={issues.sourceDirectory}
            hint={
              lastCheck !== null && lastCheck.path === draft.sourceDirectory ? (
                <Text size={200} className={styles.checked}>
                  The site server sees {lastCheck.entryCount} {lastCheck.entryCount === 1 ? 'entry' : 'entries'} in this folder.
                </Text>
              ) : undefined
            }
          >
            <Input aria-label="Source directory" value={draft.sourceDirectory} readOnly disabled={!hasSource} />
          </Field>
          <Button className={styles.set} disabled={!hasSource} onClick={() => setSettingSource(true)}>
            Set…
          </Button>
        </div>
        <RadioGroup
          aria-label="Source files"
          disabled={!hasSource}
          value={draft.sourceOption}
          onChange={(_, data) => onChange({ sourceOption: data.value === 'compressed' ? 'compressed' : 'direct' })}
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
            <UpdateScheduleEditor
              schedule={draft.updateSchedule}
              disabled={!canSchedule}
              issue={issues.updateSchedule}
              onChange={(updateSchedule) => onChange({ updateSchedule })}
            />
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
      <SetSourceDirectoryDialog
        open={settingSource}
        initialPath={draft.sourceDirectory}
        onCancel={() => setSettingSource(false)}
        onSet={(checked) => {
          setSettingSource(false);
          setLastCheck(checked);
          onChange({ sourceDirectory: checked.path });
        }}
      />
    </div>
  );
}
