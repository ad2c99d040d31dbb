import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState, type ReactNode } from 'react';
import { FolderBrowserDialog } from '../packages/folder-browser-dialog';
import { parentOf } from '../packages/folder-paths';
import { folderPrefix } from './server-paths';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  path: { flexGrow: 1, minWidth: 0 },
  // Lines the buttons up with the input, below the field's label.
  button: { marginTop: '26px', flexShrink: 0 },
});

export interface ServerFileFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (path: string) => void;
  readonly placeholder?: string;
  readonly hint?: string;
  readonly validationMessage?: string;
  readonly disabled?: boolean;
  /** Buttons after Browse… (the definition page's Open). */
  readonly children?: ReactNode;
}

/** Browse starts in the typed file's folder (or the typed folder), else at the site server's roots. */
function browseStart(value: string): string {
  const typed = value.trim();
  if (!/[\\/]/.test(typed)) return '';
  return /[\\/]$/.test(typed) ? typed : parentOf(typed);
}

/**
 * A file on the site server: typed, with Browse… to pick its folder there. The site server lists
 * folders only (files:list-folders), so Browse fills in the folder and the admin types the name.
 */
export function ServerFileField({ label, value, onChange, placeholder, hint, validationMessage, disabled = false, children }: ServerFileFieldProps) {
  const styles = useStyles();
  const [browsing, setBrowsing] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className={styles.row}>
      <Field className={styles.path} label={label} hint={hint} validationMessage={validationMessage}>
        <Input ref={input} value={value} placeholder={placeholder} disabled={disabled} onChange={(_, data) => onChange(data.value)} />
      </Field>
      <Button className={styles.button} disabled={disabled} onClick={() => setBrowsing(true)}>
        Browse…
      </Button>
      {children}
      <FolderBrowserDialog
        open={browsing}
        startPath={browseStart(value)}
        onCancel={() => setBrowsing(false)}
        onChoose={(folder) => {
          setBrowsing(false);
          onChange(folderPrefix(folder));
          // The file name comes next, typed after the folder.
          window.setTimeout(() => input.current?.focus(), 0);
        }}
      />
    </div>
  );
}
