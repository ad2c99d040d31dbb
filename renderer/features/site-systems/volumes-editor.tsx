import { Input } from '@fluentui/react-components';
import { maxVolumesPerDp } from '../../../core/api';
import { fieldAnchor } from '../../components/form-layout';
import { freeLetter, volumeField, volumeRowIssue, type DpIssues, type VolumeDraft } from './dp-settings-draft';
import { RowListEditor } from './row-list-editor';

export interface VolumesEditorProps {
  readonly volumes: readonly VolumeDraft[];
  readonly issues: DpIssues;
  readonly disabled?: boolean;
  readonly onChange: (volumes: readonly VolumeDraft[]) => void;
}

/**
 * A server DP's volumes, one row each: the drive letter, the path the site server opens the drive
 * by (a local path, or a UNC path read through Path Mappings), and the free space to keep.
 * Distribution Manager puts SMSPKG<letter>$ on the one with most room after its reserve.
 */
export function VolumesEditor({ volumes, issues, disabled = false, onChange }: VolumesEditorProps) {
  const field = volumeField;
  return (
    <RowListEditor<VolumeDraft>
      label="Volumes"
      field="volumes"
      noun="volume"
      rows={volumes}
      max={maxVolumesPerDp}
      gridTemplateColumns="52px minmax(0, 1fr) 96px 28px"
      headings={['Drive', 'Path the site server reaches it by', 'Reserve (MB)', '']}
      empty="No volumes yet. Click Add Volume."
      listIssue={issues.volumes}
      disabled={disabled}
      newRow={(rows) => ({ letter: freeLetter(rows), path: '', reserveMb: '0' })}
      rowIssue={(i) => volumeRowIssue(issues, i)}
      onChange={onChange}
      cells={(volume, i, edit) => (
        <>
          <Input
            aria-label={`Volume ${i + 1} drive letter`}
            value={volume.letter}
            disabled={disabled}
            maxLength={2}
            aria-invalid={issues[field(i, 'letter')] !== undefined}
            {...fieldAnchor(field(i, 'letter'))}
            onChange={(_, data) => edit({ letter: data.value })}
          />
          <Input
            aria-label={`Volume ${i + 1} path`}
            placeholder="/srv/dp01/d or \\dp01\D$"
            value={volume.path}
            disabled={disabled}
            aria-invalid={issues[field(i, 'path')] !== undefined}
            {...fieldAnchor(field(i, 'path'))}
            onChange={(_, data) => edit({ path: data.value })}
          />
          <Input
            aria-label={`Volume ${i + 1} reserve (MB)`}
            inputMode="numeric"
            value={volume.reserveMb}
            disabled={disabled}
            aria-invalid={issues[field(i, 'reserveMb')] !== undefined}
            {...fieldAnchor(field(i, 'reserveMb'))}
            onChange={(_, data) => edit({ reserveMb: data.value })}
          />
        </>
      )}
    />
  );
}
