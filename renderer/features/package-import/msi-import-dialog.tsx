import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { MsiInfoDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { fileType } from '../../components/server-browser';
import { ServerFileField } from './server-file-field';

const useStyles = makeStyles({
  surface: { width: '560px', maxWidth: 'calc(100vw - 32px)' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

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
  const styles = useStyles();
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
    <Dialog open={open} modalType="modal" onOpenChange={(_, data) => !data.open && !reading && onCancel()}>
      <DialogSurface className={styles.surface}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void read();
          }}
        >
          <DialogBody>
            <DialogTitle>Import Windows Installer File</DialogTitle>
            <DialogContent className={styles.content}>
              <Text>
                Give the Windows Installer file (.msi) on the site server. Courier reads its product code and fills in the
                Windows Installer file and product code.
              </Text>
              <ServerFileField
                label="Windows Installer file on the site server"
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
            </DialogContent>
            <DialogActions>
              {reading && <Spinner size="tiny" label="Reading the file on the site server…" />}
              <Button appearance="primary" type="submit" disabled={reading || path.trim() === ''}>
                OK
              </Button>
              <Button disabled={reading} onClick={onCancel}>
                Cancel
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
