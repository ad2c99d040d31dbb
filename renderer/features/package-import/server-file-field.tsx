import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState, type ReactNode } from 'react';
import { FileBrowserDialog, browseStartOf, type FileType } from '../../components/server-browser';

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
  /** Browse…'s "Files of type", first chosen ("All files" comes last). */
  readonly fileTypes: readonly FileType[];
  /** Browse…'s title: "Open", or what the file is for. */
  readonly browseTitle?: string;
  /** After Browse… picked a file (the definition page reads it at once). */
  readonly onBrowsed?: (path: string) => void;
  readonly placeholder?: string;
  readonly hint?: string;
  readonly validationMessage?: string;
  readonly disabled?: boolean;
  /** Buttons after Browse… (the definition page's Open). */
  readonly children?: ReactNode;
}

/**
 * A file on the site server: typed, or picked with Browse…, which opens the Open dialog on the
 * site server's files (files:list) in the typed file's folder.
 */
export function ServerFileField({ label, value, onChange, fileTypes, browseTitle, onBrowsed, placeholder, hint, validationMessage, disabled = false, children }: ServerFileFieldProps) {
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
      <FileBrowserDialog
        open={browsing}
        title={browseTitle}
        startPath={browseStartOf(value)}
        fileTypes={fileTypes}
        onCancel={() => setBrowsing(false)}
        onChoose={(file) => {
          setBrowsing(false);
          onChange(file);
          onBrowsed?.(file);
          window.setTimeout(() => input.current?.focus(), 0);
        }}
      />
    </div>
  );
}
