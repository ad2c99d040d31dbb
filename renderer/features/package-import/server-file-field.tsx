import { Button, Input } from '@fluentui/react-components';
import { useRef, useState, type ReactNode } from 'react';
import { FileBrowserDialog, browseStartOf, type FileType } from '../../components/server-browser';
import { FormRow } from '../../components/form-layout';

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
  /** The setting the field holds, for a link to its problem. */
  readonly field?: string;
  /** Buttons after Browse… (the definition page's Open). */
  readonly children?: ReactNode;
}

/**
 * A file on the site server: typed, or picked with Browse…, which opens the Open dialog on the
 * site server's files (files:list) in the typed file's folder.
 */
export function ServerFileField({ label, value, onChange, fileTypes, browseTitle, onBrowsed, placeholder, hint, validationMessage, disabled = false, field, children }: ServerFileFieldProps) {
  const [browsing, setBrowsing] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <FormRow
        label={label}
        field={field}
        hint={hint}
        issue={validationMessage}
        after={
          <>
            <Button size="small" disabled={disabled} onClick={() => setBrowsing(true)}>
              Browse…
            </Button>
            {children}
          </>
        }
      >
        <Input ref={input} value={value} placeholder={placeholder} disabled={disabled} onChange={(_, data) => onChange(data.value)} />
      </FormRow>
      {/* Outside the row, so the browser's own fields do not take the row's name. */}
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
    </>
  );
}
