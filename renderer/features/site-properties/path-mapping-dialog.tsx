import { Input, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import type { PathMappingDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';
import { FormDialog } from '../../components/form-dialog';
import { FormRow } from '../../components/form-layout';

export interface PathMappingDialogProps {
  /** The mapping to change, or null for a new one. */
  readonly editing: PathMappingDto | null;
  readonly onClose: () => void;
  readonly onSaved: (mapping: PathMappingDto) => void;
}

type MappingField = 'uncPrefix' | 'localPath';

const fieldLabels: Readonly<Record<MappingField, string>> = {
  uncPrefix: 'UNC path',
  localPath: 'Local path',
};

/**
 * One path mapping: the UNC prefix the admin types in source paths and the folder the share is
 * mounted on at the site server. OK saves it at once (site:path-mappings:set); the core's refusal
 * stays at the field it names until that field is edited. A small dialog of the console like the
 * others, so Enter, Escape and the focus after closing behave as they do everywhere.
 */
export function PathMappingDialog({ editing, onClose, onSaved }: PathMappingDialogProps) {
  const courier = useCourier();
  const [uncPrefix, setUncPrefix] = useState(editing?.uncPrefix ?? '');
  const [localPath, setLocalPath] = useState(editing?.localPath ?? '');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ message: string; field: MappingField | undefined } | null>(null);

  async function save(): Promise<void> {
    if (saving) return;
    setSaving(true);
    setError(null);
    const result = await settle(() => courier['site:path-mappings:set']({ uncPrefix, localPath }));
    setSaving(false);
    if (result.ok) {
      onSaved(result.value);
      onClose();
      return;
    }
    const field = result.error.field === 'uncPrefix' || result.error.field === 'localPath' ? result.error.field : undefined;
    setError({ message: result.error.message, field });
  }

  const issueAt = (field: MappingField) => (error?.field === field ? error.message : undefined);
  const edit = (field: MappingField, set: (value: string) => void) => (value: string) => {
    set(value);
    if (error?.field === field) setError(null);
  };
  const missing: MappingField | null = uncPrefix.trim() === '' ? 'uncPrefix' : localPath.trim() === '' ? 'localPath' : null;

  return (
    <FormDialog
      open
      title={editing === null ? 'New Path Mapping' : `${editing.uncPrefix} Path Mapping`}
      okDisabled={missing !== null}
      problem={missing === null ? null : { message: `Type the ${fieldLabels[missing].toLowerCase()}.`, field: missing, fieldLabel: fieldLabels[missing] }}
      busy={saving ? 'Saving…' : null}
      onOk={() => void save()}
      onCancel={onClose}
    >
      <FormRow
        label="UNC path"
        field="uncPrefix"
        required
        issue={issueAt('uncPrefix')}
        hint={editing === null ? 'For example \\\\server\\share' : undefined}
      >
        <Input
          value={uncPrefix}
          readOnly={editing !== null}
          appearance={editing !== null ? 'filled-darker' : 'outline'}
          placeholder="\\fs01\sources"
          onChange={(_, data) => edit('uncPrefix', setUncPrefix)(data.value)}
        />
      </FormRow>
      <FormRow label="Local path" field="localPath" required issue={issueAt('localPath')} hint="Where the site server has the share mounted">
        <Input value={localPath} placeholder="/mnt/fs01/sources" onChange={(_, data) => edit('localPath', setLocalPath)(data.value)} />
      </FormRow>
      {error !== null && error.field === undefined && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error.message}</MessageBarBody>
        </MessageBar>
      )}
    </FormDialog>
  );
}
