import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { PathMappingDto } from '../../../core/api';
import { useCourier } from '../../client/courier-context';
import { settle } from '../../client/settle';

const useStyles = makeStyles({
  surface: { width: '520px', maxWidth: 'calc(100vw - 32px)' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface PathMappingDialogProps {
  /** The mapping to change, or null for a new one. */
  readonly editing: PathMappingDto | null;
  readonly onClose: () => void;
  readonly onSaved: (mapping: PathMappingDto) => void;
}

type MappingField = 'uncPrefix' | 'localPath';

/**
 * One path mapping: the UNC prefix the admin types in source paths and the folder the share is
 * mounted on at the site server. OK saves it at once (site:path-mappings:set); the core's refusal
 * stays at the field it names until that field is edited.
 */
export function PathMappingDialog({ editing, onClose, onSaved }: PathMappingDialogProps) {
  const courier = useCourier();
  const styles = useStyles();
  const [uncPrefix, setUncPrefix] = useState(editing?.uncPrefix ?? '');
  const [localPath, setLocalPath] = useState(editing?.localPath ?? '');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ message: string; field: MappingField | undefined } | null>(null);

  async function save(event?: FormEvent): Promise<void> {
    event?.preventDefault();
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

  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && !saving && onClose()}>
      <DialogSurface className={styles.surface}>
        <form onSubmit={(event) => void save(event)}>
          <DialogBody>
            <DialogTitle>{editing === null ? 'New Path Mapping' : `${editing.uncPrefix} Path Mapping`}</DialogTitle>
            <DialogContent className={styles.content}>
              <Field
                label="UNC path"
                size="small"
                required
                hint={editing === null ? 'The share as source paths name it: \\\\server\\share or \\\\server\\share\\folder.' : undefined}
                validationMessage={issueAt('uncPrefix')}
                validationState={issueAt('uncPrefix') === undefined ? 'none' : 'error'}
              >
                <Input
                  size="small"
                  value={uncPrefix}
                  readOnly={editing !== null}
                  appearance={editing !== null ? 'filled-darker' : 'outline'}
                  placeholder="\\fs01\sources"
                  onChange={(_, data) => edit('uncPrefix', setUncPrefix)(data.value)}
                />
              </Field>
              <Field
                label="Local path on the site server"
                size="small"
                required
                hint="The folder the share is mounted on, such as /mnt/fs01/sources."
                validationMessage={issueAt('localPath')}
                validationState={issueAt('localPath') === undefined ? 'none' : 'error'}
              >
                <Input size="small" value={localPath} placeholder="/mnt/fs01/sources" onChange={(_, data) => edit('localPath', setLocalPath)(data.value)} />
              </Field>
              {error !== null && error.field === undefined && (
                <MessageBar intent="error" layout="multiline">
                  <MessageBarBody>{error.message}</MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              {saving && <Spinner size="tiny" label="Saving…" />}
              <Button type="submit" appearance="primary" disabled={saving}>
                OK
              </Button>
              <Button disabled={saving} onClick={onClose}>
                Cancel
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
