import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { SourceCheckDto } from '../../../core/api';
import { SetSourceDirectoryDialog } from '../packages/set-source-directory-dialog';
import { sourceDirectoryTypeOf } from '../packages/source-directory-type';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: 0 },
  // Lines the button up with the input, below the field's label.
  set: { marginTop: '26px', minWidth: '80px', flexShrink: 0 },
  type: { color: tokens.colorNeutralForeground2 },
});

export interface SourceDirectoryPageProps {
  readonly value: string;
  readonly onChange: (path: string) => void;
  /** Why Next is waiting, or the core's complaint after a failed import. */
  readonly issue: string | null;
}

const typeLabels = { unc: 'Network path (UNC) name', local: 'Local drive on site server' } as const;

/** Source Directory (docs/software-distribution.md#create-package-from-definition): the network or local location of the package's files. */
export function SourceDirectoryPage({ value, onChange, issue }: SourceDirectoryPageProps) {
  const styles = useStyles();
  const [setting, setSetting] = useState(false);
  // What the site server found in the folder when it was set here: reassurance only.
  const [lastCheck, setLastCheck] = useState<SourceCheckDto | null>(null);
  const type = sourceDirectoryTypeOf(value);
  const checked = lastCheck !== null && lastCheck.path === value;

  return (
    <div className={styles.page}>
      <Text>
        Identify the location of the package source files: a network path (UNC) name, or a local drive on the site server.
        The site server, not this computer, reads the files.
      </Text>
      <div className={styles.row}>
        <Field
          className={styles.grow}
          label="Source directory"
          validationMessage={issue ?? undefined}
          validationState={issue !== null ? 'error' : 'none'}
          hint={
            checked
              ? `The site server sees ${lastCheck.entryCount} ${lastCheck.entryCount === 1 ? 'entry' : 'entries'} in this folder.`
              : undefined
          }
        >
          <Input value={value} readOnly placeholder="Click Set… to choose the folder" />
        </Field>
        <Button className={styles.set} onClick={() => setSetting(true)}>
          Set…
        </Button>
      </div>
      {type !== null && <Text className={styles.type}>Source directory type: {typeLabels[type]}</Text>}
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
