import { Button, Input, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { FormRow, useFormStyles } from '../../components/form-layout';
import { MsiImportDialog } from '../package-import';
import { fileNameOf } from '../../components/server-browser';
import type { ProgramPageProps } from './program-page-props';

export function ProgramWindowsInstallerPage({ draft, issues, onChange }: ProgramPageProps) {
  const page = useFormStyles();
  const [importing, setImporting] = useState(false);
  const [imported, setImported] = useState<string | null>(null);
  return (
    <div className={page.page}>
      <Text>
        Windows Installer product information lets Configuration Manager manage the location of the source files for
        Windows Installer-based programs, for example when Windows Installer needs them for a repair.
      </Text>
      <div className={page.inline}>
        <Button size="small" onClick={() => setImporting(true)}>
          Import…
        </Button>
        {imported !== null && (
          <Text size={200} className={page.note}>
            Read from {imported} on the site server.
          </Text>
        )}
      </div>
      <FormRow label="Windows Installer file" field="msiFilePath" issue={issues.msiFilePath}>
        <Input value={draft.msiFilePath} placeholder="setup.msi" onChange={(_, data) => onChange({ msiFilePath: data.value })} />
      </FormRow>
      <FormRow label="Windows Installer product code" field="msiProductCode" issue={issues.msiProductCode}>
        <Input
          value={draft.msiProductCode}
          placeholder="{12345678-1234-1234-1234-123456789012}"
          onChange={(_, data) => onChange({ msiProductCode: data.value })}
        />
      </FormRow>
      <MsiImportDialog
        open={importing}
        onCancel={() => setImporting(false)}
        onImported={(path, info) => {
          setImporting(false);
          setImported(path);
          // The program runs from the package's folder, so the file is named as it lies there.
          onChange({ msiFilePath: fileNameOf(path), msiProductCode: info.productCode });
        }}
      />
    </div>
  );
}
