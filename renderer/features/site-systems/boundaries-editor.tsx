import { Dropdown, Input, Option } from '@fluentui/react-components';
import { boundaryKinds, maxBoundariesPerDp } from '../../../core/api';
import { fieldAnchor, useFormStyles } from '../../components/form-layout';
import { boundaryExamples, boundaryKindLabels, type BoundaryDraft, type DpIssues } from './dp-settings-draft';
import { RowListEditor } from './row-list-editor';

export interface BoundariesEditorProps {
  readonly boundaries: readonly BoundaryDraft[];
  readonly issues: DpIssues;
  readonly disabled?: boolean;
  readonly onChange: (boundaries: readonly BoundaryDraft[]) => void;
}

/** A protected DP's boundaries: each an IP subnet, an IP range or an AD site (docs/distribution-points.md#boundaries). */
export function BoundariesEditor({ boundaries, issues, disabled = false, onChange }: BoundariesEditorProps) {
  const form = useFormStyles();
  return (
    <RowListEditor<BoundaryDraft>
      label="Boundaries"
      field="boundaries"
      noun="boundary"
      rows={boundaries}
      max={maxBoundariesPerDp}
      gridTemplateColumns="176px minmax(0, 1fr) 28px"
      empty="No boundaries. Click Add Boundary."
      listIssue={issues.boundaries}
      disabled={disabled}
      newRow={() => ({ kind: 'ipSubnet', value: '' })}
      rowIssue={(i) => issues[`boundaries.${i}.value`]}
      onChange={onChange}
      cells={(boundary, i, edit) => (
        <>
          <Dropdown
            className={form.dropdown}
            aria-label={`Boundary ${i + 1} type`}
            value={boundaryKindLabels[boundary.kind]}
            selectedOptions={[boundary.kind]}
            disabled={disabled}
            onOptionSelect={(_, data) => {
              const kind = boundaryKinds.find((k) => k === data.optionValue);
              if (kind) edit({ kind });
            }}
          >
            {boundaryKinds.map((kind) => (
              <Option key={kind} value={kind}>
                {boundaryKindLabels[kind]}
              </Option>
            ))}
          </Dropdown>
          <Input
            aria-label={`Boundary ${i + 1}`}
            placeholder={boundaryExamples[boundary.kind]}
            value={boundary.value}
            disabled={disabled}
            aria-invalid={issues[`boundaries.${i}.value`] !== undefined}
            {...fieldAnchor(`boundaries.${i}.value`)}
            onChange={(_, data) => edit({ value: data.value })}
          />
        </>
      )}
    />
  );
}
