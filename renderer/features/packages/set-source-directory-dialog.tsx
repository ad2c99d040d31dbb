import { Button, Input, Radio, RadioGroup } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { SourceCheckDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { FormDialog } from '../../components/form-dialog';
import { FormRow } from '../../components/form-layout';
import { GroupFrame } from '../../components/property-sheet';
import { FolderBrowserDialog } from '../../components/server-browser';
import { sourceDirectoryTypeOf, sourcePathFormProblem, type SourceDirectoryType } from './source-directory-type';

export interface SetSourceDirectoryDialogProps {
  readonly open: boolean;
  readonly initialPath: string;
  readonly onCancel: () => void;
  /** Called once the site server has confirmed the folder exists and can be read. */
  readonly onSet: (checked: SourceCheckDto) => void;
}

/**
 * Set Source Directory (docs/software-distribution.md#set-source-directory). OK asks the site server to check the folder
 * (`files:check-source`) and stays open with the reason when it cannot use it, because the
 * site server's computer account, not the administrator, must reach the source files.
 */
export function SetSourceDirectoryDialog({ open, initialPath, onCancel, onSet }: SetSourceDirectoryDialogProps) {
  const courier = useCourier();
  const [type, setType] = useState<SourceDirectoryType>('unc');
  const [path, setPath] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [browsing, setBrowsing] = useState(false);
  // Which local path form to suggest: the site server's, not this computer's.
  const [serverPlatform, setServerPlatform] = useState<string | null>(null);

  useEffect(() => {
    if (!open || serverPlatform !== null) return;
    void courier['site:info']({})
      .then((result) => result.ok && setServerPlatform(result.value.platform))
      .catch(() => undefined);
  }, [open, serverPlatform]);

  useEffect(() => {
    if (!open) return;
    setType(sourceDirectoryTypeOf(initialPath) ?? 'unc');
    setPath(initialPath);
    setProblem(null);
    setChecking(false);
    setBrowsing(false);
  }, [open, initialPath]);

  function changePath(value: string): void {
    setPath(value);
    setProblem(null);
    // Typing \\ or C:\ already says which kind of path it is; keep the radio in step.
    const typed = sourceDirectoryTypeOf(value);
    if (typed !== null) setType(typed);
  }

  const localExample = serverPlatform === null || serverPlatform === 'win32' ? 'C:\\Sources\\App' : '/srv/sources/app';

  async function check(): Promise<void> {
    const trimmed = path.trim();
    const formProblem = sourcePathFormProblem(type, trimmed, localExample);
    if (formProblem !== null) {
      setProblem(formProblem);
      return;
    }
    setChecking(true);
    const result = await courier['files:check-source']({ path: trimmed }).catch(() => null);
    setChecking(false);
    if (result === null) {
      setProblem('The site server cannot be reached.');
    } else if (result.ok) {
      onSet(result.value);
    } else {
      setProblem(result.error.message);
    }
  }

  const empty = path.trim() === '';
  return (
    <FormDialog
      open={open}
      title="Set Source Directory"
      okDisabled={empty}
      problem={empty ? { message: 'Type the folder, or browse to it.', field: 'sourceDirectory', fieldLabel: 'Source directory' } : null}
      busy={checking ? 'Checking on the site server…' : null}
      onOk={() => void check()}
      onCancel={onCancel}
      nested={
        // Nested, as in Windows: Browse for Folder opens over this dialog.
        <FolderBrowserDialog
          open={browsing}
          startPath={path.trim()}
          onCancel={() => setBrowsing(false)}
          onChoose={(chosen) => {
            setBrowsing(false);
            changePath(chosen);
          }}
        />
      }
    >
      <GroupFrame legend="Source directory type">
        <RadioGroup aria-label="Source directory type" value={type} onChange={(_, data) => setType(data.value === 'local' ? 'local' : 'unc')}>
          <Radio value="unc" label="Network path (UNC) name" />
          <Radio value="local" label="Local drive on site server" />
        </RadioGroup>
      </GroupFrame>
      <FormRow
        label="Source directory"
        field="sourceDirectory"
        issue={problem ?? undefined}
        hint={type === 'unc' ? 'For example \\\\server\\share\\folder' : `For example ${localExample}, on the site server`}
        after={
          <Button size="small" disabled={checking} onClick={() => setBrowsing(true)}>
            Browse…
          </Button>
        }
      >
        <Input value={path} disabled={checking} onChange={(_, data) => changePath(data.value)} />
      </FormRow>
    </FormDialog>
  );
}
