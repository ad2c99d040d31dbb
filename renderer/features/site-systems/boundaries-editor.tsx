import { Button, Dropdown, Input, Option, Text } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { Fragment } from 'react';
import { boundaryKinds, maxBoundariesPerDp } from '../../../core/api';
import { fieldAnchor, SmallControls, useFormStyles } from '../../components/form-layout';
import { boundaryExamples, boundaryKindLabels, type BoundaryDraft, type DpIssues } from './dp-settings-draft';
import { useRowListStyles } from './row-list-styles';

export interface BoundariesEditorProps {
  readonly boundaries: readonly BoundaryDraft[];
  readonly issues: DpIssues;
  readonly disabled?: boolean;
  readonly onChange: (boundaries: readonly BoundaryDraft[]) => void;
}

const columns = { gridTemplateColumns: '176px minmax(0, 1fr) 28px' };

/** A protected DP's boundaries: each an IP subnet, an IP range or an AD site (docs/distribution-points.md#boundaries). */
export function BoundariesEditor({ boundaries, issues, disabled = false, onChange }: BoundariesEditorProps) {
  const styles = useRowListStyles();
  const form = useFormStyles();
  const edit = (index: number, change: Partial<BoundaryDraft>) => onChange(boundaries.map((b, i) => (i === index ? { ...b, ...change } : b)));
  return (
    <SmallControls>
      <div className={styles.box} role="group" aria-label="Boundaries" {...fieldAnchor('boundaries')}>
        {boundaries.length === 0 && <Text className={styles.empty}>No boundaries. Click Add Boundary.</Text>}
        {boundaries.map((boundary, i) => {
          const n = i + 1;
          const issue = issues[`boundaries.${i}.value`];
          return (
            <Fragment key={i}>
              <div className={styles.row} style={columns}>
                <Dropdown
                  className={form.dropdown}
                  aria-label={`Boundary ${n} type`}
                  value={boundaryKindLabels[boundary.kind]}
                  selectedOptions={[boundary.kind]}
                  disabled={disabled}
                  onOptionSelect={(_, data) => {
                    const kind = boundaryKinds.find((k) => k === data.optionValue);
                    if (kind) edit(i, { kind });
                  }}
                >
                  {boundaryKinds.map((kind) => (
                    <Option key={kind} value={kind}>
                      {boundaryKindLabels[kind]}
                    </Option>
                  ))}
                </Dropdown>
                <Input
                  aria-label={`Boundary ${n}`}
                  placeholder={boundaryExamples[boundary.kind]}
                  value={boundary.value}
                  disabled={disabled}
                  aria-invalid={issue !== undefined}
                  {...fieldAnchor(`boundaries.${i}.value`)}
                  onChange={(_, data) => edit(i, { value: data.value })}
                />
                <Button
                  appearance="subtle"
                  icon={<DeleteRegular />}
                  aria-label={`Remove boundary ${n}`}
                  title="Remove this boundary"
                  disabled={disabled}
                  onClick={() => onChange(boundaries.filter((_, k) => k !== i))}
                />
              </div>
              {issue !== undefined && (
                <Text className={styles.issue} role="alert">
                  {issue}
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
          disabled={disabled || boundaries.length >= maxBoundariesPerDp}
          onClick={() => onChange([...boundaries, { kind: 'ipSubnet', value: '' }])}
        >
          Add Boundary
        </Button>
        {issues.boundaries !== undefined && (
          <Text className={styles.issue} role="alert">
            {issues.boundaries}
          </Text>
        )}
      </div>
    </SmallControls>
  );
}
