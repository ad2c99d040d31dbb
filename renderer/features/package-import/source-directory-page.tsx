import { Button, Input, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { SourceCheckDto } from '../../../core/api';
import { FormRow, useFormStyles } from '../../components/form-layout';
import { SetSourceDirectoryDialog } from '../packages/set-source-directory-dialog';
import { sourceDirectoryTypeOf } from '../packages/source-directory-type';

export interface SourceDirectoryPageProps {
  readonly value: string;
  readonly onChange: (path: string) => void;
  /** Why Next is waiting, or the core's complaint after a failed import. */
  readonly issue: string | null;
}

const typeLabels = { unc: 'Network path (UNC) name', local: 'Local drive on site server' } as const;

/** Source Directory (docs/software-distribution.md#create-package-from-definition): the network or local location of the package's files. */
export function SourceDirectoryPage({ value, onChange, issue }: SourceDirectoryPageProps) {
  const page = useFormStyles();
  const [setting, setSetting] = useState(false);
  // What the site server found in the folder when it was set here: reassurance only.
  const [lastCheck, setLastCheck] = useState<SourceCheckDto | null>(null);
  const type = sourceDirectoryTypeOf(value);
  const checked = lastCheck !== null && lastCheck.path === value;

  return (
    <div className={page.page}>
      <Text>
        Identify the location of the package source files: a network path (UNC) name, or a local drive on the site server.
        The site server, not this computer, reads the files.
      </Text>
      <FormRow
        label="Source directory"
        field="sourceDirectory"
        issue={issue ?? undefined}
        hint={
          checked
            ? `The site server sees ${lastCheck.entryCount} ${lastCheck.entryCount === 1 ? 'entry' : 'entries'} in this folder.`
            : undefined
        }
        after={
          <Button size="small" onClick={() => setSetting(true)}>
            Set…
          </Button>
        }
      >
        <Input value={value} readOnly placeholder="Click Set… to choose the folder" />
      </FormRow>
      {type !== null && (
        <FormRow label="Source directory type" messageLine={false}>
          <Input value={typeLabels[type]} readOnly appearance="filled-darker" />
        </FormRow>
      )}
      <SetSourceDirectoryDialog
        open={setting}
        initialPath={value}
        onCancel={() => setSetting(false)}
        onSet={(result) => {
          setSetting(false);
          setLastCheck(result);
          onChange(result.path);
        }}
      />
    </div>
  );
}
