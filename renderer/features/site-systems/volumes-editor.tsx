import { Button, Input, Text, mergeClasses } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { Fragment } from 'react';
import { maxVolumesPerDp } from '../../../core/api';
import { fieldAnchor, SmallControls } from '../../components/form-layout';
import { freeLetter, type DpIssues, type VolumeDraft } from './dp-settings-draft';
import { useRowListStyles } from './row-list-styles';

export interface VolumesEditorProps {
  readonly volumes: readonly VolumeDraft[];
  readonly issues: DpIssues;
  readonly disabled?: boolean;
  readonly onChange: (volumes: readonly VolumeDraft[]) => void;
}

const columns = { gridTemplateColumns: '52px minmax(0, 1fr) 96px 28px' };

/**
 * A server DP's volumes, one row each: the drive letter, the path the site server opens the drive
 * by (a local path, or a UNC path read through Path Mappings), and the free space to keep.
 * Distribution Manager puts SMSPKG<letter>$ on the one with most room after its reserve.
 */
export function VolumesEditor({ volumes, issues, disabled = false, onChange }: VolumesEditorProps) {
  const styles = useRowListStyles();
  const edit = (index: number, change: Partial<VolumeDraft>) => onChange(volumes.map((v, i) => (i === index ? { ...v, ...change } : v)));
  const listIssue = issues.volumes;
  return (
    <SmallControls>
      <div className={styles.box} role="group" aria-label="Volumes" {...fieldAnchor('volumes')}>
        <div className={mergeClasses(styles.row, styles.head)} style={columns} aria-hidden>
          <span>Drive</span>
          <span>Path the site server reaches it by</span>
          <span>Reserve (MB)</span>
          <span />
        </div>
        {volumes.length === 0 && <Text className={styles.empty}>No volumes yet. Click Add Volume.</Text>}
        {volumes.map((volume, i) => {
          const n = i + 1;
          const rowIssue = issues[`volumes.${i}.letter`] ?? issues[`volumes.${i}.path`] ?? issues[`volumes.${i}.reserveMb`];
          return (
            <Fragment key={i}>
              <div className={styles.row} style={columns}>
                <Input
                  aria-label={`Volume ${n} drive letter`}
                  value={volume.letter}
                  disabled={disabled}
                  maxLength={2}
                  aria-invalid={issues[`volumes.${i}.letter`] !== undefined}
                  {...fieldAnchor(`volumes.${i}.letter`)}
                  onChange={(_, data) => edit(i, { letter: data.value })}
                />
                <Input
                  aria-label={`Volume ${n} path`}
                  placeholder="/srv/dp01/d or \\dp01\D$"
                  value={volume.path}
                  disabled={disabled}
                  aria-invalid={issues[`volumes.${i}.path`] !== undefined}
                  {...fieldAnchor(`volumes.${i}.path`)}
                  onChange={(_, data) => edit(i, { path: data.value })}
                />
                <Input
                  aria-label={`Volume ${n} reserve (MB)`}
                  inputMode="numeric"
                  value={volume.reserveMb}
                  disabled={disabled}
                  aria-invalid={issues[`volumes.${i}.reserveMb`] !== undefined}
                  {...fieldAnchor(`volumes.${i}.reserveMb`)}
                  onChange={(_, data) => edit(i, { reserveMb: data.value })}
                />
                <Button
                  appearance="subtle"
                  icon={<DeleteRegular />}
                  aria-label={`Remove volume ${n}`}
                  title="Remove this volume"
                  disabled={disabled}
                  onClick={() => onChange(volumes.filter((_, k) => k !== i))}
                />
              </div>
              {rowIssue !== undefined && (
                <Text className={styles.issue} role="alert">
                  {rowIssue}
                </Text>
              )}
            </Fragment>
          );
        })}
      </div>
      <div className={styles.buttons}>
        <Button
          size="small"
          icon={<AddRegular />}
          disabled={disabled || volumes.length >= maxVolumesPerDp}
          onClick={() => onChange([...volumes, { letter: freeLetter(volumes), path: '', reserveMb: '0' }])}
        >
          Add Volume
        </Button>
        {listIssue !== undefined && (
          <Text className={styles.issue} role="alert">
            {listIssue}
          </Text>
        )}
      </div>
    </SmallControls>
  );
}
