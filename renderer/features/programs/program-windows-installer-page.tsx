import { Button, Field, Input, Text, Tooltip } from '@fluentui/react-components';
import type { ProgramPageProps } from './program-page-props';
import { useProgramPageStyles } from './program-page-styles';

export function ProgramWindowsInstallerPage({ draft, issues, onChange }: ProgramPageProps) {
  const page = useProgramPageStyles();
  return (
    <div className={page.page}>
      <Text>
        Windows Installer product information lets Configuration Manager manage the location of the source files for
        Windows Installer-based programs, for example when Windows Installer needs them for a repair.
      </Text>
      <div>
        {/* Reading an .msi file arrives with package import; until then both fields are typed. */}
        <Tooltip content="arrives with package import" relationship="description">
          <Button disabledFocusable>Import…</Button>
        </Tooltip>
      </div>
      <Field label="Windows Installer file" validationMessage={issues.msiFilePath}>
        <Input value={draft.msiFilePath} placeholder="setup.msi" onChange={(_, data) => onChange({ msiFilePath: data.value })} />
      </Field>
      <Field label="Windows Installer product code" validationMessage={issues.msiProductCode}>
        <Input
          value={draft.msiProductCode}
          placeholder="{12345678-1234-1234-1234-123456789012}"
          onChange={(_, data) => onChange({ msiProductCode: data.value })}
        />
      </Field>
    </div>
  );
}
