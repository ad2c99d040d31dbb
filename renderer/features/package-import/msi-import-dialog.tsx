import { Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { MsiInfoDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { FormDialog } from '../../components/form-dialog';
import { fileType } from '../../components/server-browser';
import { ServerFileField } from './server-file-field';

const msiFileTypes = [fileType('Windows Installer packages', ['.msi'])];

export interface MsiImportDialogProps {
  readonly open: boolean;
  readonly onCancel: () => void;
  /** Called with the path read and what the site server found in the file. */
  readonly onImported: (path: string, info: MsiInfoDto) => void;
}

/**
 * The Windows Installer page's Import: reads an .msi on the site server (files:msi-info) and stays
 * open with the site server's reason when it cannot.
 */
export function MsiImportDialog({ open, onCancel, onImported }: MsiImportDialogProps) {
  const courier = useCourier();
  const [path, setPath] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);

  useEffect(() => {
    if (!open) return;
    setProblem(null);
    setReading(false);
  }, [open]);

  async function read(chosen = path): Promise<void> {
    const typed = chosen.trim();
    if (typed === '') return;
    setReading(true);
    setProblem(null);
    const result = await settle(() => courier['files:msi-info']({ path: typed }));
    setReading(false);
    if (result.ok) onImported(typed, result.value);
    else setProblem(result.error.message);
  }

  return (
    <FormDialog
      open={open}
      title="Import Windows Installer File"
      okDisabled={path.trim() === ''}
      problem={path.trim() === '' ? { message: 'Give the .msi file to read.', field: 'msiPath', fieldLabel: 'Windows Installer file' } : null}
      busy={reading ? 'Reading the file on the site server…' : null}
      onOk={() => void read()}
      onCancel={onCancel}
    >
      <Text>
        Give the Windows Installer file (.msi) on the site server. Courier reads its product code and fills in the Windows
        Installer file and product code.
      </Text>
      <ServerFileField
        label="Windows Installer file on the site server"
        field="msiPath"
        value={path}
        disabled={reading}
        onChange={(value) => {
          setPath(value);
          setProblem(null);
        }}
        fileTypes={msiFileTypes}
        browseTitle="Open Windows Installer File"
        onBrowsed={(file) => void read(file)}
        placeholder="For example \\server\share\setup.msi"
        validationMessage={problem ?? undefined}
      />
    </FormDialog>
  );
}
